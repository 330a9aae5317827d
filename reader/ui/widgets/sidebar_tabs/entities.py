"""People & orgs tab: entities by type with roles and mention counts; selecting jumps."""

from __future__ import annotations

from rich.text import Text

from reader.document import Analysis, Entity
from reader.ui.widgets.sidebar_tabs.lazy_tree import LazyTree
from reader.ui.widgets.status_line import fit

TYPE_GROUPS = (
    ("PERSON", "People"),
    ("ORG", "Organisations"),
    ("GROUP", "Groups"),
    ("PLACE", "Places"),
    ("MISC", "Other"),
)
LABEL_WIDTH = 31  # cells left for a label in the sidebar after the tree guides
OPEN_GROUP_LIMIT = 200  # larger groups start closed (their leaves are built on demand)


def entity_label(entity: Entity, width: int = LABEL_WIDTH) -> Text:
    """Name, mention count and role of one entity (plain text, never markup)."""
    count = f" {len(entity.mentions)}"
    label = Text(fit(entity.name, max(8, width - len(count))), style="bold")
    label.append(count, style="dim")
    room = width - label.cell_len - 3
    if entity.role and room > 6:
        label.append(" · " + fit(entity.role, room), style="italic dim")
    return label


class EntityTree(LazyTree):
    """Entities grouped by type, most mentioned first."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("People & orgs", id=id)

    def set_analysis(self, analysis: Analysis) -> None:
        """Rebuild the tree from ``analysis``."""
        self.reset()
        for entity_type, title in TYPE_GROUPS:
            members = [e for e in analysis.entities if e.type == entity_type and e.mentions]
            if not members:
                continue
            members.sort(key=lambda e: (-len(e.mentions), e.name))
            leaves = [(entity_label(e), min(e.mentions)[0]) for e in members]
            label = Text(f"{title} ({len(members)})", style="bold")
            self.add_group(
                label, None, leaves, expand=len(members) <= OPEN_GROUP_LIMIT and entity_type != "MISC"
            )
        if not self.root.children:
            self.root.add_leaf(Text("(no people or organisations found)", style="dim"))
        self.root.expand()
