"""Palette commands of the annotating screen: "Tag as <name>" for every tag.

Tags without a key (added in the tag manager or the config) are reached here; names
are user data, so hits are ``Content``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Provider
from textual.content import Content

from reader.ui.commands import highlight


class TagCommands(Provider):
    """Apply a tag by name to the selection, the highlight or the sentence here."""

    def _commands(self) -> list[tuple[str, object, str]]:
        screen = self.screen
        session = getattr(screen, "session", None)
        if session is None:
            return []
        return [
            (
                f"Tag as {tag.name}",
                partial(screen.apply_tag, tag),
                f"key {tag.key}" if tag.key else "no key (ctrl+t gives it one)",
            )
            for tag in session.tags
        ]

    async def discover(self) -> AsyncIterator[DiscoveryHit]:
        for text, callback, help_text in self._commands():
            yield DiscoveryHit(Content(text), callback, text=text, help=help_text)

    async def search(self, query: str) -> AsyncIterator[Hit]:
        matcher = self.matcher(query)
        for text, callback, help_text in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, highlight(matcher, text), callback, text=text, help=help_text)
