"""The gloss Pygments lexer: token choice, canonical text, code blocks, plugin registration."""

from __future__ import annotations

from pathlib import Path

import pytest
from pygments import highlight
from pygments.formatters import NullFormatter
from pygments.token import Token

from reader.analysis import analyze
from reader.document import Analysis, Block, Document, Entity, Quote
from reader.ingest import load
from reader.lexer import GlossLexer, article_tokens, highlight_token, span_layer, speaker_token
from reader.tokens import token_for


def _doc(code_lang: str | None = "python") -> tuple[Document, Analysis]:
    """A small analysed article written by hand, so the test does not follow the analysers."""
    text = "Paris Vote\n\n“We waited, Ann Lee,” said Ann Lee in Paris.\n\nimport os"
    para = text.index("“")
    code = text.index("import")
    blocks = (
        Block("title", 0, 10),
        Block("paragraph", para, code - 2),
        Block("code", code, len(text), lang=code_lang),
    )
    doc = Document(text, blocks, "test")
    quote_end = text.index("”") + 1
    first_name = text.index("Ann Lee")
    second_name = text.index("Ann Lee", first_name + 1)
    paris = text.index("Paris", 5)
    quote = Quote(para, quote_end, text[para + 1 : quote_end - 1], "speech", "Ann Lee", "e1", "said")
    people = Entity("e1", "Ann Lee", "PERSON", ((first_name, first_name + 7), (second_name, second_name + 7)))
    place = Entity("e2", "Paris", "PLACE", ((0, 5), (paris, paris + 5)))
    return doc, Analysis((quote,), (people, place))


def _token_at(triples: list, offset: int):
    """The token covering ``offset``."""
    for start, token, value in triples:
        if start <= offset < start + len(value):
            return token
    raise AssertionError(f"no token at {offset}")


def test_tokens_concatenate_to_the_canonical_text() -> None:
    doc, analysis = _doc()
    triples = list(article_tokens(doc, analysis, [(5, 30, 2)]))
    assert "".join(value for _, _, value in triples) == doc.text
    assert all(start == sum(len(v) for _, _, v in triples[:i]) for i, (start, _, _) in enumerate(triples))


def test_innermost_span_wins() -> None:
    doc, analysis = _doc()
    triples = list(article_tokens(doc, analysis))
    text = doc.text
    assert _token_at(triples, 0) is token_for("title")  # the title wins over the place in it
    assert _token_at(triples, text.index("“")) is token_for("quote.mark")
    assert _token_at(triples, text.index("We")) is speaker_token(1)
    assert speaker_token(1) in Token.Gloss.Quote
    assert _token_at(triples, text.index("Ann Lee")) is token_for("entity.person")
    assert _token_at(triples, text.index("said")) is Token.Text
    assert _token_at(triples, text.index("Paris", 5)) is token_for("entity.place")


def test_a_highlight_wraps_the_token_under_it() -> None:
    doc, analysis = _doc()
    start = doc.text.index("Ann Lee")
    triples = list(article_tokens(doc, analysis, [(start - 3, start + 3, 2)]))
    assert _token_at(triples, start) is highlight_token(2, token_for("entity.person"))
    assert _token_at(triples, start) in Token.Gloss.Highlight.Tag2
    assert _token_at(triples, start - 2) is highlight_token(2, speaker_token(1))
    assert _token_at(triples, start + 4) is token_for("entity.person")


def test_layers_nest_block_quote_mark_mention_and_headings_win() -> None:
    layers = [
        span_layer(k) for k in ("pull_quote", "quote", "quote.mark", "entity.person", "date", "heading")
    ]
    assert layers == sorted(layers)
    assert layers[3] == layers[4] < layers[5] == span_layer("title")


def test_code_block_is_lexed_by_its_language() -> None:
    doc, analysis = _doc("python")
    triples = list(article_tokens(doc, analysis))
    code_start = doc.text.index("import")
    assert _token_at(triples, code_start) in Token.Keyword
    assert "".join(v for _, _, v in triples) == doc.text


@pytest.mark.parametrize("lang", [None, "no-such-language"])
def test_code_block_without_a_known_language_is_plain_code(lang: str | None) -> None:
    doc, analysis = _doc(lang)
    triples = list(article_tokens(doc, analysis))
    assert _token_at(triples, doc.text.index("import")) is token_for("code")


def test_lexer_on_the_seed_covers_its_canonical_text(seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    doc = load(str(seed_path))
    triples = list(GlossLexer().get_tokens_unprocessed(text))
    assert "".join(v for _, _, v in triples) == doc.text + "\n"
    expected = {t for _, t, _ in article_tokens(doc, analyze(doc))}
    assert {t for _, t, _ in triples[:-1]} == expected


def test_seed_has_title_and_heading_tokens(seed_path: Path) -> None:
    tokens = {token for _, token, _ in GlossLexer().get_tokens_unprocessed(seed_path.read_text("utf-8"))}
    assert token_for("title") in tokens
    assert token_for("heading") in tokens


def test_lexer_is_a_pygments_plugin() -> None:
    from pygments.lexers import get_lexer_by_name

    assert isinstance(get_lexer_by_name("gloss"), GlossLexer)
    out = highlight("Bridge Vote\n\nThe  council met.\n", get_lexer_by_name("gloss"), NullFormatter())
    assert out.endswith("council met.\n")


@pytest.mark.parametrize("name", ["gloss-dark", "gloss-light"])
def test_styles_are_pygments_plugins_coloured_from_the_palette(name: str) -> None:
    from pygments.styles import get_style_by_name

    from styles.palette import PALETTES

    style = get_style_by_name(name)
    pal = PALETTES[name]
    assert style.background_color == pal.background
    person = style.style_for_token(token_for("entity.person"))
    assert person["underline"] and "#" + person["color"] in pal.kinds["entity.person"]
    assert "#" + style.style_for_token(speaker_token(3))["color"] == pal.speakers[3]
    both = style.style_for_token(highlight_token(1, token_for("entity.person")))
    assert both["underline"] and both["color"] == person["color"]
    assert "#" + both["bgcolor"] == pal.tags[0]


def test_highlights_option_from_python_or_the_command_line() -> None:
    from pygments.util import OptionError

    from reader.lexer import highlights_option

    assert highlights_option([(1, 5, 2)]) == [(1, 5, 2)]
    assert highlights_option("10-42:2,80-95") == [(10, 42, 2), (80, 95, 1)]
    assert highlights_option(None) == []
    with pytest.raises(OptionError):
        highlights_option("ten-twenty")
    tokens = {
        t
        for _, t, _ in GlossLexer(highlights="0-4:3").get_tokens_unprocessed(
            "Bridge Vote\n\nThe council met.\n"
        )
    }
    assert any(t in Token.Gloss.Highlight.Tag3 for t in tokens)


def test_a_failing_code_lexer_leaves_plain_code(monkeypatch: pytest.MonkeyPatch) -> None:
    import reader.lexer

    class Broken:
        def get_tokens(self, text: str):
            raise RuntimeError("lexer bug")

    monkeypatch.setattr(reader.lexer, "_code_lexer", lambda lang: Broken())
    doc, analysis = _doc("python")
    triples = list(article_tokens(doc, analysis))
    assert _token_at(triples, doc.text.index("import")) is token_for("code")
    assert "".join(v for _, _, v in triples) == doc.text
