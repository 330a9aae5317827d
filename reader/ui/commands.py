"""Command palette providers: every key action, and jumps to headings, speakers, entities.

Titles of headings, speakers and entities come from the article, so hits are built as
``Content`` with the fuzzy match highlighted by hand (``Matcher.highlight`` parses its
candidate as markup).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Matcher, Provider
from textual.content import Content

from reader.document import Analysis, Document
from reader.ui.screens.reader import ReaderScreen

Command = tuple[str, Callable[[], object], str]


def highlight(matcher: Matcher, text: str) -> Content:
    """``text`` (never markup) with the characters matching the query underlined."""
    content = Content(text)
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    if score:
        for offset in offsets:
            content = content.stylize("bold underline", offset, offset + 1)
    return content


async def _search(matcher: Matcher, commands: list[Command]) -> AsyncIterator[Hit]:
    """Hits for the commands that match."""
    for text, callback, help_text in commands:
        score = matcher.match(text)
        if score > 0:
            yield Hit(score, highlight(matcher, text), callback, text=text, help=help_text)


class ActionCommands(Provider):
    """Every binding of the reading screen, by its description."""

    def _commands(self) -> list[Command]:
        screen = self.screen
        seen: set[str] = set()
        commands: list[Command] = []
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if not binding.description or binding.action in seen or binding.action == "command_palette":
                continue
            if binding.action.startswith("tag("):
                continue  # TagCommands offers every tag by name, keyed or not
            seen.add(binding.action)
            display = self.app.get_key_display(binding)
            run = partial(self.app.run_action, binding.action, active.node)
            commands.append((binding.tooltip or binding.description, run, f"key: {display or key}"))
        return commands

    async def discover(self) -> AsyncIterator[DiscoveryHit]:
        for text, callback, help_text in self._commands():
            yield DiscoveryHit(Content(text), callback, text=text, help=help_text)

    async def search(self, query: str) -> AsyncIterator[Hit]:
        async for hit in _search(self.matcher(query), self._commands()):
            yield hit


class JumpCommands(Provider):
    """Go to a heading, a speaker's first quote, or an entity's first mention."""

    def _reader(self) -> ReaderScreen | None:
        screen = self.screen
        return screen if isinstance(screen, ReaderScreen) else None

    def _commands(self) -> list[Command]:
        reader = self._reader()
        if reader is None:
            return []
        return jump_targets(reader.document, reader.analysis, reader.article.jump_to)

    async def search(self, query: str) -> AsyncIterator[Hit]:
        if not query.strip():
            return
        async for hit in _search(self.matcher(query), self._commands()):
            yield hit


def jump_targets(document: Document, analysis: Analysis, jump: Callable[[int], None]) -> list[Command]:
    """Palette entries for headings, speakers and entities."""
    out: list[Command] = []
    for block in document.blocks:
        if block.kind in ("title", "heading"):
            title = " ".join(document.block_text(block).split())[:80]
            out.append((f"Go to heading: {title}", partial(jump, block.start), "outline"))
    first_quote: dict[str, int] = {}
    for quote in sorted(analysis.quotes, key=lambda q: q.start):
        if quote.speaker and quote.speaker not in first_quote:
            first_quote[quote.speaker] = quote.start
    for speaker, start in first_quote.items():
        out.append((f"Go to quotes by: {speaker}", partial(jump, start), "first quote"))
    for entity in analysis.entities:
        if entity.mentions:
            label = f"Go to {entity.type.lower()}: {entity.name}"
            out.append((label, partial(jump, min(entity.mentions)[0]), "first mention"))
    return out
