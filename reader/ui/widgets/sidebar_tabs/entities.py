"""People & orgs tab: entities by type with roles and mention counts; selecting jumps."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Tree

from reader.document import Analysis, Entity
from reader.ui.messages import JumpTo
from reader.ui.widgets.status_line import fit

TYPE_GROUPS = (
    ("PERSON", "People"),
    ("ORG", "Organisations"),
    ("GROUP", "Groups"),
    ("PLACE", "Places"),
    ("MISC", "Other"),
)


LABEL_WIDTH = 27  # cells left for a label in the sidebar after the tree guides


def entity_label(entity: Entity, width: int = LABEL_WIDTH) -> Text:
    """Name, mention count and role of one entity (plain text, never markup)."""
    count = f" {len(entity.mentions)}"
    label = Text(fit(entity.name, max(8, width - len(count))), style="bold")
    label.append(count, style="dim")
    room = width - label.cell_len - 3
    if entity.role and room > 6:
        label.append(" · " + fit(entity.role, room), style="italic dim")
    return label


class EntityTree(Tree[int]):
    """Entities grouped by type, most mentioned first."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("People & orgs", id=id)
        self.show_root = False
        self.guide_depth = 2

    def set_analysis(self, analysis: Analysis) -> None:
        """Rebuild the tree from ``analysis``."""
        self.clear()
        for entity_type, title in TYPE_GROUPS:
            members = [e for e in analysis.entities if e.type == entity_type and e.mentions]
            if not members:
                continue
            members.sort(key=lambda e: (-len(e.mentions), e.name))
            group = self.root.add(Text(f"{title} ({len(members)})", style="bold"), expand=True)
            for entity in members:
                group.add_leaf(entity_label(entity), data=min(entity.mentions)[0])
        if not self.root.children:
            self.root.add_leaf(Text("(no people or organisations found)", style="dim"))
        self.root.expand()

    def on_tree_node_selected(self, event: Tree.NodeSelected[int]) -> None:
        """Jump to the first mention of the selected entity."""
        event.stop()
        if event.node.data is not None:
            self.post_message(JumpTo(event.node.data))
