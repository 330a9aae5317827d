"""Quotes tab: speakers with their quote counts, each quote below; selecting jumps."""

from __future__ import annotations

from collections import defaultdict

from rich.text import Text

from reader.document import Analysis, Quote
from reader.spans import speaker_slots
from reader.ui.widgets.sidebar_tabs.lazy_tree import LazyTree
from reader.ui.widgets.status_line import fit

UNATTRIBUTED = "Unattributed"
TERMS = "Scare quotes & terms"


def group_quotes(analysis: Analysis) -> list[tuple[str, list[Quote]]]:
    """Quotes grouped by speaker, most quoted first; unattributed and terms last."""
    groups: dict[str, list[Quote]] = defaultdict(list)
    for quote in sorted(analysis.quotes, key=lambda q: q.start):
        if quote.kind in ("scare", "term"):
            groups[TERMS].append(quote)
        else:
            groups[quote.speaker or UNATTRIBUTED].append(quote)
    named = sorted(
        ((k, v) for k, v in groups.items() if k not in (UNATTRIBUTED, TERMS)),
        key=lambda kv: (-len(kv[1]), kv[0]),
    )
    tail = [(k, groups[k]) for k in (UNATTRIBUTED, TERMS) if k in groups]
    return named + tail


class QuoteTree(LazyTree):
    """Speakers (coloured like their quotes) and their quotes."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("Quotes", id=id)
        self._analysis = Analysis()

    def on_mount(self) -> None:
        """Speaker colours follow the theme."""
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.set_analysis(self._analysis))

    def set_analysis(self, analysis: Analysis) -> None:
        """Rebuild the tree from ``analysis``."""
        self._analysis = analysis
        self.reset()
        slots = speaker_slots(analysis)
        variables = self.app.theme_variables
        for speaker, quotes in group_quotes(analysis):
            colour = variables.get(f"gloss-speaker-{slots.get(speaker, 0)}", "")
            label = Text(fit(speaker, 30), style=f"bold {colour}".strip())
            label.append(f"  {len(quotes)}", style="dim")
            leaves = [(Text(fit("“" + " ".join(q.text.split()) + "”", 31)), q.start) for q in quotes]
            self.add_group(label, quotes[0].start, leaves)
        if not analysis.quotes:
            self.root.add_leaf(Text("(no quotes found)", style="dim"))
        self.root.expand()
