"""The ``?`` help screen: what gloss shows, and every key binding (as currently mapped)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

INTRO = (  # paragraphs without hard line breaks: the help box wraps them to its width
    "gloss shows who said what. Quotes are coloured by speaker, names are underlined by "
    "type (person, organisation, place …). Move the reading cursor with the keys below; "
    "the status line describes what is under it. The sidebar (s) lists the outline, the "
    "quotes by speaker, the people and organisations, and your notes; ← → switch tabs, "
    "Enter jumps to an item, Esc closes it. ctrl+p opens the command palette with every "
    "action.\n\n"
    "Annotating: v starts a selection that every motion extends (Esc cancels); shift+arrows "
    "select too, and the next plain motion drops that selection, as in other editors. A "
    "tag key (or a, x) works on the selection, else on the highlight or sentence under the "
    "cursor; the same tag again removes it. ctrl+e writes the notes as Markdown into "
    "export_dir from the config file, else the folder gloss was started in.\n\n"
    "The last column is each key's binding id: the [keymap] table of the config file "
    "remaps keys by these ids."
)


SECTIONS = {  # binding id prefix -> heading in the key table, in this order
    "article": "Reading and selecting",
    "reader": "View",
    "annotate": "Annotating",
    "search": "Find",
    "sidebar": "Sidebar",
    "library": "Library",
    "tags": "Tags",
}
OTHER = "App"


def section_of(binding: Binding) -> str:
    """The key table heading of ``binding`` (Textual's own bindings go under "App")."""
    prefix = (binding.id or "").split(".", 1)[0]
    return SECTIONS.get(prefix, OTHER)


def binding_rows(bindings: Iterable[tuple[str, Binding]]) -> list[tuple[str, str, str]]:
    """``(keys, description, binding id)`` rows, one per action, keys of alternates
    joined, grouped under ``("", heading, "")`` rows."""
    rows: dict[str, tuple[list[str], str, str, str]] = {}
    for key, binding in bindings:
        if not binding.description:
            continue
        keys, *_ = rows.setdefault(
            binding.action, ([], binding.description, section_of(binding), binding.id or "")
        )
        if key not in keys:
            keys.append(key)
    out: list[tuple[str, str, str]] = []
    for section in [*SECTIONS.values(), OTHER]:
        entries = [(", ".join(k), text, id_) for k, text, where, id_ in rows.values() if where == section]
        if entries:
            out += [("", section, ""), *entries]
    return out


class HelpScreen(ModalScreen[None]):
    """Short help and the key table; any of Esc, q, ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close")
    ]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 90; max-width: 100%; height: 90%;
        background: $panel; border: round $primary; padding: 0 2;
    }
    HelpScreen .help-title { text-style: bold; color: $primary; margin: 1 0 0 0; }
    /* narrow terminals clip the id column instead of wrapping rows in two */
    HelpScreen .help-keys { text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def __init__(self, rows: list[tuple[str, str, str]], intro: str = INTRO) -> None:
        super().__init__()
        self.rows = rows
        self.intro = intro

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(Content("gloss — help"), classes="help-title")
            yield Static(Content(self.intro))
            yield Static(Content("Keys"), classes="help-title")
            yield Static(self._key_table(), classes="help-keys")

    def _key_table(self) -> Content:
        """The bindings as aligned lines: keys, what they do, and (dim) the binding id a
        config ``[keymap]`` uses to remap them."""
        width = max((len(row[0]) for row in self.rows), default=0) + 2
        text_width = max((len(row[1]) for row in self.rows if row[0]), default=0) + 2
        lines = []
        for keys, description, binding_id in self.rows:
            if not keys:  # a heading, with a blank line before it
                lines += [Content(""), Content.styled(description, "bold $primary")]
                continue
            lines.append(
                Content.assemble(
                    (keys.ljust(width), "bold $accent"),
                    description.ljust(text_width),
                    (binding_id, "dim"),
                )
            )
        return Content("\n").join(lines[1:])

    async def action_dismiss(self, result: None = None) -> None:
        """Close the help."""
        self.dismiss(result)
