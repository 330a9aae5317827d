"""A Tree whose group nodes get their children only when first expanded.

A book has thousands of quotes and entities; building every leaf up front would stall
the UI thread when the analysis arrives. Leaves hold a text offset; selecting any node
with an offset posts ``JumpTo``.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from reader.ui.messages import JumpTo

Leaf = tuple[Text, int]


class LazyTree(Tree[int]):
    """Groups (label + offset) whose leaves are added on first expand."""

    def __init__(self, label: str, *, id: str | None = None) -> None:
        super().__init__(label, id=id)
        self.show_root = False
        self.guide_depth = 2
        self._pending: dict[int, list[Leaf]] = {}

    def reset(self) -> None:
        """Remove every node."""
        self.clear()
        self._pending.clear()

    def add_group(
        self, label: Text, data: int | None, leaves: list[Leaf], *, expand: bool = False
    ) -> TreeNode[int]:
        """A group node; its leaves are created when it opens."""
        node = self.root.add(label, data=data, expand=False, allow_expand=bool(leaves))
        self._pending[node.id] = leaves
        if expand:
            self._populate(node)
            node.expand()
        return node

    def _populate(self, node: TreeNode[int]) -> None:
        """Create the leaves of ``node`` once."""
        for label, offset in self._pending.pop(node.id, []):
            node.add_leaf(label, data=offset)

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[int]) -> None:
        """Fill a group the first time it opens."""
        self._populate(event.node)

    def on_tree_node_selected(self, event: Tree.NodeSelected[int]) -> None:
        """Jump to the selected item."""
        event.stop()
        if event.node.data is not None:
            self.post_message(JumpTo(event.node.data))
