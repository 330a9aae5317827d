"""Sanitising: terminal-active characters become inert, one for one."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.ingest.sanitize import clean_text, is_clean, normalize_newlines, sanitize_text


def test_escape_sequence_is_shown_not_run() -> None:
    text = "red \x1b[31mALERT\x1b[0m and a bell\x07"
    clean = sanitize_text(text)
    assert clean == "red ␛[31mALERT␛[0m and a bell␇"
    assert "\x1b" not in clean


def test_nul_del_and_c1_are_inert() -> None:
    assert sanitize_text("a\x00b\x7fc\x9b31md\x85e") == "a␀b␡c\ufffd31md\ufffde"


def test_bidi_overrides_and_isolates_are_replaced() -> None:
    text = "access\u202e level \u2066admin\u2069 \u202a\u202b\u202c\u202d"
    clean = sanitize_text(text)
    assert len(clean) == len(text)
    assert not any(0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069 for c in clean)


def test_weak_direction_marks_are_kept() -> None:
    text = "שלום\u200f world\u200e ok\u061c"
    assert sanitize_text(text) == text


def test_markup_and_tabs_are_left_literal() -> None:
    text = "[bold]not bold[/bold] [link=https://x]y[/link]\tcolumn\n"
    assert sanitize_text(text) == text
    assert is_clean(text)


def test_stray_carriage_return_and_form_feed_become_spaces() -> None:
    assert sanitize_text("a\rb\fc\vd") == "a b c d"


def test_newlines_are_normalised_before() -> None:
    assert normalize_newlines("a\r\nb\rc\x85d\u2028e\u2029f") == "a\nb\nc\nd\ne\n\nf"
    assert clean_text("x\r\n\x1b") == "x\n␛"


@given(st.text())
def test_offsets_are_stable(text: str) -> None:
    clean = sanitize_text(text)
    assert len(clean) == len(text)
    assert is_clean(clean)
    for before, after in zip(text, clean, strict=True):
        if is_clean(before):
            assert before == after
