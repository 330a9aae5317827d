"""``gloss print``: colour only for terminals, wrapping, inert text, golden output, no Textual.

The golden file follows the analysers, which are still growing: after a deliberate
change, regenerate it with ``GLOSS_UPDATE_GOLDEN=1 python -m pytest tests/unit/test_print.py``
and read the diff (``cat -v``) before committing it.
"""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pygments import format as format_tokens

from reader.lexer import article_tokens
from reader.print_style import ansi_name, colour_depth, default_style_name, terminal_formatter
from reader.print_wrap import cells, wrap_ranges
from reader.printing import inert, plain_text, print_tokens
from tests.unit.test_lexer import _doc

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "print"
ARTICLE = FIXTURES / "harbour.txt"
GOLDEN = FIXTURES / "harbour.truecolor.w60.ansi"
ESC = "\x1b"


def _env(**extra: str) -> dict[str, str]:
    """The test environment without colour hints, plus ``extra``."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLORTERM", "COLORFGBG")}
    env.update(TERM="xterm", **extra)
    return env


def _gloss(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``gloss`` in a subprocess with stdout piped."""
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_env(**env),
        cwd=ROOT,
        timeout=60,
    )


def _gloss_in_terminal(*args: str, **env: str) -> str:
    """Run ``gloss`` with stdout on a pseudo-terminal; return what it wrote."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), *args],
        stdout=follower,
        stderr=subprocess.PIPE,
        env=_env(**env),
        cwd=ROOT,
    )
    os.close(follower)
    chunks = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if not select.select([leader], [], [], 1)[0]:
            continue
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait(timeout=max(1, deadline - time.monotonic()))
    os.close(leader)
    assert proc.returncode == 0, proc.stderr.read()
    return b"".join(chunks).decode("utf-8")


def test_piped_output_is_plain() -> None:
    result = _gloss("print", str(ARTICLE), COLORTERM="truecolor")
    assert result.returncode == 0, result.stderr
    assert ESC not in result.stdout
    assert "Harbour Town Votes on a New Bridge" in result.stdout


def test_a_terminal_gets_colour_unless_no_color() -> None:
    coloured = _gloss_in_terminal("print", str(ARTICLE), "--width", "60", COLORTERM="truecolor")
    assert ESC + "[38;2;" in coloured
    plain = _gloss_in_terminal("print", str(ARTICLE), "--width", "60", COLORTERM="truecolor", NO_COLOR="1")
    assert ESC not in plain
    assert "Harbour Town" in plain


def test_color_always_and_never_override_the_terminal() -> None:
    assert ESC in _gloss("print", str(ARTICLE), "--color", "always").stdout
    assert ESC in _gloss("print", str(ARTICLE), "--color", "always", NO_COLOR="1").stdout
    never = _gloss_in_terminal("print", str(ARTICLE), "--color", "never", COLORTERM="truecolor")
    assert ESC not in never


def test_golden_truecolor_output() -> None:
    result = _gloss(
        "print",
        str(ARTICLE),
        "--color",
        "always",
        "--width",
        "60",
        "--style",
        "gloss-dark",
        COLORTERM="truecolor",
    )
    assert result.returncode == 0, result.stderr
    if os.environ.get("GLOSS_UPDATE_GOLDEN"):
        GOLDEN.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == GOLDEN.read_text(encoding="utf-8")


def test_print_never_imports_textual() -> None:
    code = (
        "import sys; from reader.cli import main; "
        f"status = main(['print', {str(ARTICLE)!r}, '--color', 'always']); "
        "sys.stdout.flush(); "
        "print('TEXTUAL' if any(m.split('.')[0] == 'textual' for m in sys.modules) else 'CLEAN', status)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=_env(), cwd=ROOT, timeout=60
    )
    assert result.stdout.rstrip().endswith("CLEAN 0"), result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["print", "no/such/file.txt"], "no/such/file.txt"),
        (["print", str(ARTICLE), "--style", "no-such-style"], "unknown style"),
    ],
)
def test_bad_input_is_a_one_line_error(args: list[str], message: str) -> None:
    result = _gloss(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("gloss: ")
    assert message in result.stderr


def test_a_width_below_the_minimum_is_refused() -> None:
    result = _gloss("print", str(ARTICLE), "--width", "5")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_escape_sequences_in_the_article_stay_inert(tmp_path: Path) -> None:
    article = tmp_path / "evil.txt"
    article.write_text("A title\n\nBefore \x1b]0;pwned\x07 and \x1b[2J after \u202eevil.\n", encoding="utf-8")
    for colour in ("never", "always"):
        result = _gloss("print", str(article), "--color", colour, COLORTERM="truecolor")
        assert result.returncode == 0, result.stderr
        assert "\x07" not in result.stdout and "\u202e" not in result.stdout
        assert ESC + "]" not in result.stdout and ESC + "[2J" not in result.stdout


def test_lines_fit_the_width(seed_path: Path) -> None:
    result = _gloss("print", str(seed_path), "--width", "44")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) > 40
    assert max(cells(line) for line in lines) <= 44
    assert "\n\n" in result.stdout and "\n\n\n" not in result.stdout


def test_wrapped_quote_keeps_its_colour_on_every_line() -> None:
    doc, analysis = _doc()
    formatter = terminal_formatter("gloss-dark", "truecolor")
    page = format_tokens(print_tokens(doc, article_tokens(doc, analysis), 8), formatter)
    quote_lines = [line for line in page.splitlines() if "We" in line or "waited" in line]
    assert len(quote_lines) == 2
    assert all(line.startswith(ESC) for line in quote_lines)


def test_page_layout_frames_title_and_code() -> None:
    doc, analysis = _doc()
    page = plain_text(print_tokens(doc, article_tokens(doc, analysis), 60))
    assert page.startswith("Paris Vote\n━━━━━━━━━━\n\n")
    assert page.endswith("\n\n    import os\n")


def test_wrap_ranges_breaks_at_words_and_splits_long_words() -> None:
    text = "aa bb cc\nd " + "x" * 12
    lines = [text[a:b] for a, b in wrap_ranges(text, 0, len(text), 5)]
    assert lines == ["aa bb", "cc", "d", "xxxxx", "xxxxx", "xx"]
    nbsp = "a\u00a0b c"
    assert [nbsp[a:b] for a, b in wrap_ranges(nbsp, 0, len(nbsp), 3)] == ["a\u00a0b", "c"]


def test_wrap_counts_terminal_cells_not_characters() -> None:
    wide = "漢字漢字漢字 ab"
    assert [wide[a:b] for a, b in wrap_ranges(wide, 0, len(wide), 5)] == ["漢字", "漢字", "漢字", "ab"]
    accented = "“Quoted” café naïve résumé"
    assert [accented[a:b] for a, b in wrap_ranges(accented, 0, len(accented), 12)] == [
        "“Quoted”",
        "café naïve",
        "résumé",
    ]


def test_inert_keeps_length_and_newlines() -> None:
    text = "a\x1b[1mb\x00c\u202ed\ne\x9b"
    safe = inert(text)
    assert len(safe) == len(text) and "\n" in safe
    assert not any(ch in safe for ch in "\x1b\x00\u202e\x9b")


def test_colour_depth_and_default_style_follow_the_environment() -> None:
    assert colour_depth({"COLORTERM": "truecolor", "TERM": "xterm"}) == "truecolor"
    assert colour_depth({"COLORTERM": "24bit"}) == "truecolor"
    assert colour_depth({"TERM": "xterm-256color"}) == "256"
    assert colour_depth({"TERM": "xterm"}) == "16"
    assert default_style_name({"COLORFGBG": "0;15"}) == "gloss-light"
    assert default_style_name({"COLORFGBG": "15;0"}) == "gloss-dark"
    assert default_style_name({}) == "gloss-dark"


def test_sixteen_colours_keep_hues_apart() -> None:
    from styles.palette import GLOSS_DARK

    kinds = GLOSS_DARK.kinds
    names = {ansi_name(kinds[k].split()[-1]) for k in ("entity.person", "entity.org", "entity.place")}
    assert len(names) == 3
    page = format_tokens(print_tokens(*_page_args(), 60), terminal_formatter("gloss-dark", "16"))
    assert ESC + "[38;" not in page and ESC + "[9" in page


def _page_args():
    """A document and its tokens for formatter tests."""
    doc, analysis = _doc()
    return doc, article_tokens(doc, analysis)


MARKDOWN = """# Fixing the Build

The team said the fix was simple.

```python
def main():
    return 42
```

- first item
- second item
"""


def test_markdown_code_blocks_are_highlighted_by_language(tmp_path: Path) -> None:
    from pygments.token import Keyword

    from styles.pygments_styles import GlossDarkStyle

    article = tmp_path / "build.md"
    article.write_text(MARKDOWN, encoding="utf-8")
    colour = GlossDarkStyle.style_for_token(Keyword)["color"]
    rgb = ";".join(str(int(colour[i : i + 2], 16)) for i in (0, 2, 4))
    result = _gloss(
        "print", str(article), "--color", "always", "--style", "gloss-dark", COLORTERM="truecolor"
    )
    assert result.returncode == 0, result.stderr
    assert f"{ESC}[38;2;{rgb}mdef{ESC}" in result.stdout
    plain = _gloss("print", str(article)).stdout
    assert "\n    def main():\n        return 42\n" in plain
    assert "• first item\n• second item\n" in plain


def test_speaker_legend_sits_under_the_title_in_quote_colours() -> None:
    from reader.lexer import speaker_token

    doc, analysis = _doc()
    pairs = list(print_tokens(doc, article_tokens(doc, analysis), 40, [("Ann Lee", 1)]))
    page = plain_text(pairs)
    assert page.startswith("Paris Vote\n━━━━━━━━━━\n\n● Ann Lee\n\n“We waited")
    assert (speaker_token(1), "● Ann Lee") in pairs


def test_speaker_legend_wraps_and_names_at_most_the_palette() -> None:
    from reader.printing import legend_pairs

    speakers = [(f"Speaker Number {n}", n % 8 + 1) for n in range(10)]
    text = plain_text(legend_pairs(speakers, 40))
    assert all(cells(line) <= 40 for line in text.splitlines())
    assert "Speaker Number 7" in text and "Speaker Number 8" not in text
    assert text.rstrip().endswith("(+2 more)")
    assert legend_pairs([], 40) == []


def test_plain_print_has_no_legend() -> None:
    result = _gloss("print", str(ARTICLE), "--width", "60")
    assert "●" not in result.stdout


def test_a_quote_across_paragraphs_is_coloured_in_both() -> None:
    from reader.document import Analysis, Block, Document, Quote
    from reader.lexer import speaker_token

    text = "“First part of it.\n\n“And the second part,” she said."
    second = text.index("“And")
    doc = Document(text, (Block("paragraph", 0, 18), Block("paragraph", second, len(text))), "test")
    quote = Quote(0, text.index("”") + 1, "…", "speech", "Ann Lee")
    pairs = list(print_tokens(doc, article_tokens(doc, Analysis((quote,), ())), 40))
    assert plain_text(pairs) == text + "\n"
    quoted = "".join(value for token, value in pairs if token is speaker_token(1))
    assert "First part of it." in quoted and "And the second part," in quoted


def test_a_paragraph_opening_with_a_bullet_gets_a_hanging_indent() -> None:
    from reader.document import Block, Document

    text = "• Alexander is the staff writer and he writes about many things."
    doc = Document(text, (Block("byline", 0, len(text)),), "test")
    page = plain_text(print_tokens(doc, article_tokens(doc), 30))
    assert page == "• Alexander is the staff\n  writer and he writes about\n  many things.\n"


def test_legend_names_the_first_speakers_when_slots_repeat(tmp_path: Path) -> None:
    from reader.analysis import analyze
    from reader.ingest import load
    from reader.spans import speaker_slots

    names = ["Anna Adams", "Boris Brown", "Clara Cole", "David Dunn", "Emma Evans"]
    names += ["Frank Ford", "Grace Green", "Henry Hill", "Irene Irwin", "James Jones"]
    body = "\n\n".join(
        f"“Point number {n} is the one that matters,” said {name}." for n, name in enumerate(names)
    )
    article = tmp_path / "voices.txt"
    article.write_text("Ten Voices\n\n" + body + "\n", encoding="utf-8")
    order = list(speaker_slots(analyze(load(str(article)))))
    assert len(order) > 8  # the palette repeats
    result = _gloss("print", str(article), "--color", "always", "--width", "200")
    legend = "".join(line for line in result.stdout.splitlines() if "●" in line)
    assert all(name in legend for name in order[:8])
    assert not any(name in legend for name in order[8:])


def test_numbered_list_items_keep_their_number_without_a_bullet(tmp_path: Path) -> None:
    article = tmp_path / "steps.md"
    article.write_text(
        "# Steps\n\n1. first step that is long enough to wrap here\n2. second\n", encoding="utf-8"
    )
    page = _gloss("print", str(article), "--width", "30").stdout
    assert "\n1. first step that is long\n   enough to wrap here\n2. second\n" in page
