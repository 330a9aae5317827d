"""The TOML config: settings, bad files, bad values, and the app starting anyway."""

from __future__ import annotations

import os
from pathlib import Path

from reader.ui.app import make_app
from reader.ui.config import config_path, known_themes, load_config
from tests.ui.snapshot_apps import small_document
from tests.ui.test_annotate_helpers import SIZE, loaded


def write(text: str) -> Path:
    path = Path(os.environ["GLOSS_CONFIG"])
    path.write_text(text)
    return path


def test_gloss_config_env_var_sets_the_path():
    assert config_path() == Path(os.environ["GLOSS_CONFIG"])
    assert load_config().warnings == ()  # no file: defaults, no noise


def test_good_config():
    write(
        'theme = "gloss-light"\nwidth = 64\n[[tags]]\nname = "Method"\nkey = 6\ncolour = "#56B6C2"\n'
        '[keymap]\n"annotate.note" = "ctrl+a"\n'
    )
    config = load_config(themes=known_themes())
    assert config.theme == "gloss-light" and config.width == 64
    assert [(t.name, t.key, t.colour) for t in config.tags] == [("Method", "6", "#56b6c2")]
    assert config.keymap == {"annotate.note": "ctrl+a"}
    assert config.warnings == ()


def test_export_dir_is_expanded_and_a_bad_one_warns():
    write('export_dir = "~/gloss-notes"\n')
    assert load_config().export_dir == Path("~/gloss-notes").expanduser()
    write("export_dir = 3\n")
    config = load_config()
    assert config.export_dir is None and "export_dir" in config.warnings[0]


def test_bad_toml_gives_defaults_and_one_warning():
    write("theme = [unclosed\n")
    config = load_config(themes=known_themes())
    assert config.theme is None and config.width is None
    [warning] = config.warnings
    assert "not valid TOML" in warning and "\n" not in warning


def test_bad_values_are_skipped_with_warnings():
    write(
        'theme = "nope"\nwidth = "wide"\ncolour = 1\n[[tags]]\nname = ""\n[[tags]]\nname = "Ok"\nkey = "x"\n'
    )
    config = load_config(themes=known_themes())
    assert config.theme is None and config.width is None and config.tags == ()
    text = " ".join(config.warnings)
    for words in ("unknown theme 'nope'", "width", "unknown setting 'colour'", "empty", "not one of"):
        assert words in text


def test_undecodable_file_is_a_warning():
    Path(os.environ["GLOSS_CONFIG"]).write_bytes(b"\xff\xfe\x00bad")
    assert load_config().warnings


async def test_app_applies_config_and_shows_warnings():
    write(
        'theme = "gloss-light"\nwidth = 40\nbogus = 1\n[[tags]]\nname = "Method"\nkey = "6"\n[keymap]\n"annotate.note" = "ctrl+a"\n'
    )
    app = make_app(small_document(), analyzer=None)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await loaded(app, pilot)
        assert app.theme == "gloss-light" and screen.article.column_width == 40
        assert any("bogus" in str(n.message) for n in app._notifications)
        assert not any("keymap" in str(n.message) for n in app._notifications)
        assert screen.session.tag_for_key("6").name == "Method"
        await pilot.press("right_curly_bracket", "ctrl+a")
        assert type(app.screen).__name__ == "NoteDialog"


async def test_bad_config_never_stops_the_app():
    write("\x00 not toml")
    app = make_app(small_document(), analyzer=None)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        assert app.theme == "gloss-dark"


async def test_unknown_binding_id_in_the_keymap_is_named():
    write('[keymap]\n"annotate.nope" = "z"\n"article.next_word" = "W"\n')
    app = make_app(small_document(), analyzer=None)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await loaded(app, pilot)
        messages = [str(n.message) for n in app._notifications]
        assert any("'annotate.nope'" in m for m in messages)
        assert not any("article.next_word" in m for m in messages)
        before = screen.article.cursor
        await pilot.press("W")
        assert screen.article.cursor != before
