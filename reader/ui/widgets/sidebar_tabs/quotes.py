"""Quotes tab: speakers with their quote counts, each quote below; selecting jumps."""

from __future__ import annotations

from collections import defaultdict

from rich.text import Text
from textual.widgets import Tree

from reader.document import Analysis, Quote
from reader.spans import speaker_slots
from reader.ui.messages import JumpTo
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


class QuoteTree(Tree[int]):
    """Speakers (coloured like their quotes) and their quotes."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("Quotes", id=id)
        self.show_root = False
        self.guide_depth = 2

    def set_analysis(self, analysis: Analysis) -> None:
        """Rebuild the tree from ``analysis``."""
        self.clear()
        slots = speaker_slots(analysis)
        variables = self.app.theme_variables
        for speaker, quotes in group_quotes(analysis):
            colour = variables.get(f"gloss-speaker-{slots.get(speaker, 0)}", "")
            label = Text(fit(speaker, 26), style=f"bold {colour}".strip())
            label.append(f"  {len(quotes)}", style="dim")
            node = self.root.add(label, data=quotes[0].start, expand=False)
            for quote in quotes:
                node.add_leaf(Text(fit("“" + " ".join(quote.text.split()) + "”", 27)), data=quote.start)
        if not analysis.quotes:
            self.root.add_leaf(Text("(no quotes found)", style="dim"))
        self.root.expand()

    def on_tree_node_selected(self, event: Tree.NodeSelected[int]) -> None:
        """Jump to the selected quote (or the speaker's first quote)."""
        event.stop()
        if event.node.data is not None:
            self.post_message(JumpTo(event.node.data))
