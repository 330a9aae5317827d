"""The gloss Textual app and ``make_app``, the one factory the CLI, tests and snapshots use."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

import styles
from reader.document import Document
from reader.errors import GlossError
from reader.ui.annotating.writer import StoreWriter
from reader.ui.config import Config, known_themes, load_config
from reader.ui.screens.reader import Analyzer, ReaderScreen, default_analyzer
from reader.ui.themes import DEFAULT_THEME, gloss_themes, theme_variable_defaults
from reader.ui.widgets.article_view import DEFAULT_COLUMN_WIDTH, ArticleView

STYLES = Path(styles.__file__).resolve().parent
SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "filter-fentanyl-guns.txt"


class ThemeError(GlossError):
    """An unknown theme name."""


class GlossApp(App):
    """gloss: read an article, see who said what."""

    TITLE = "gloss"
    CSS_PATH: ClassVar[list[Path]] = [STYLES / "app.tcss", STYLES / "article.tcss"]
    COMMANDS = App.COMMANDS | {lambda: _provider("ActionCommands"), lambda: _provider("JumpCommands")}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", key_display="?", id="app.help"),
    ]

    def __init__(
        self,
        document: Document,
        *,
        analyzer: Analyzer | None = default_analyzer,
        theme: str | None = None,
        column_width: int | None = None,
        store_path: Path | None = None,
        at: int | None = None,
        start_in_library: bool = False,
        config: Config | None = None,
    ) -> None:
        super().__init__()
        self.at = at  # ``gloss FILE --at OFFSET``: the cursor's first position
        self.start_in_library = start_in_library
        self.config = config
        self.store_writer: StoreWriter | None = None  # reader.ui.annotating.start
        self.document = document
        self.analyzer = analyzer
        self.column_width = column_width or DEFAULT_COLUMN_WIDTH
        self.store_path = store_path
        for gloss_theme in gloss_themes():
            self.register_theme(gloss_theme)
        name = theme or DEFAULT_THEME
        if name not in self.available_themes:
            choices = ", ".join(sorted(self.available_themes))
            raise ThemeError(f"unknown theme {name!r} (choose from: {choices})")
        self._start_theme(name)

    def _start_theme(self, name: str) -> None:
        """Set the first theme without ``watch_theme``: its CSS refresh would parse every
        style sheet a second time before the first frame (the sheets are not parsed yet,
        so there is nothing to refresh). Classes, the ANSI filter and the CSS variables are
        what it sets."""
        if not hasattr(self, "_refresh_truecolor_filter"):  # a Textual without it: use the watcher
            self.theme = name
            return
        self.set_reactive(App.theme, name)
        dark = self.current_theme.dark
        self.set_class(dark, "-dark-mode", update=False)
        self.set_class(not dark, "-light-mode", update=False)
        self.add_class(f"-theme-{name}", update=False)
        self._refresh_truecolor_filter(self.ansi_theme)
        self.stylesheet.set_variables(self.get_css_variables())

    def get_default_screen(self) -> Screen:
        """The reading screen for the document."""
        from reader.ui.annotating.start import default_screen

        return default_screen(self)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """gloss colours for Textual's themes, from the closest gloss palette."""
        try:
            dark = self.current_theme.dark
        except Exception:  # the theme is not set yet during start-up
            dark = True
        return theme_variable_defaults(dark)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's commands plus gloss themes and toggles."""
        yield from super().get_system_commands(screen)
        yield SystemCommand("Theme: gloss dark", "Dark reading theme", lambda: self._set_theme("gloss-dark"))
        yield SystemCommand(
            "Theme: gloss light", "Light reading theme", lambda: self._set_theme("gloss-light")
        )
        if isinstance(screen, ReaderScreen):  # the toggles come with their keys (ActionCommands)
            yield SystemCommand(
                "Show quotes by speaker", "Quotes tab", lambda: screen.action_show_tab("tab-quotes")
            )
            yield SystemCommand(
                "Show people & orgs", "Entities tab", lambda: screen.action_show_tab("tab-entities")
            )

    def _set_theme(self, name: str) -> None:
        """Switch theme."""
        self.theme = name

    def action_help(self) -> None:
        """Show the key bindings of the current screen."""
        from reader.ui.screens.help import HelpScreen, binding_rows

        if isinstance(self.screen, HelpScreen):
            return
        screen = self.screen
        bindings = [(self.get_key_display(a.binding), a.binding) for a in screen.active_bindings.values()]
        if isinstance(screen, ReaderScreen):  # motions even when the sidebar has the keys; tags by name
            bindings += [(self.get_key_display(b), b) for b in _declared_bindings()]
            bindings = [
                (key, replace(binding, description=screen.binding_label(binding) or ""))
                for key, binding in bindings
            ]
        intro = getattr(screen, "HELP_INTRO", None)
        self.push_screen(
            HelpScreen(binding_rows(bindings), intro) if intro else HelpScreen(binding_rows(bindings))
        )


def _provider(name: str) -> type:
    """A palette provider class, imported when the palette first opens (not at start-up)."""
    from reader.ui import commands

    return getattr(commands, name)


def _declared_bindings() -> list[Binding]:
    """Bindings of the article view, one per key (it may not have the focus right now)."""
    return [
        replace(binding, key=key.strip())
        for binding in ArticleView.BINDINGS
        if isinstance(binding, Binding)
        for key in binding.key.split(",")
    ]


def make_app(
    document_source: Document | str | Path | None = None,
    *,
    store_path: str | Path | None = None,
    theme: str | None = None,
    width: int | None = None,
    analyzer: Analyzer | None = default_analyzer,
    at: int | None = None,
    start_in_library: bool = False,
    config: Config | None = None,
) -> GlossApp:
    """Build the app for a Document, a path (``-`` for stdin) or, with None, the sample."""
    if isinstance(document_source, Document):
        document = document_source
    else:
        from reader.ingest import load

        document = load(str(document_source if document_source is not None else SAMPLE))
    config = config if config is not None else load_config(themes=known_themes())
    app = GlossApp(
        document,
        analyzer=analyzer,
        theme=theme or config.theme,
        column_width=width or config.width,
        store_path=Path(store_path) if store_path else None,
        at=at,
        start_in_library=start_in_library,
        config=config,
    )
    if config.keymap:
        app.set_keymap(config.keymap)
    return app
