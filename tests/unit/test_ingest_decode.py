"""Decoding bytes to text: BOMs, UTF-8, UTF-16, Latin-1, cp1252, other scripts, binary."""

from __future__ import annotations

import codecs

import pytest

from reader.ingest import IngestError
from reader.ingest.decode import decode_bytes, decode_with_encoding, looks_binary

FRENCH = "Le cœur a ses raisons que la raison ne connaît point. Élève très appliqué, déjà là."
SMART = "“It’s a classic ‘scratch my back’ deal,” she said — costing €5… or so."


def test_plain_utf8() -> None:
    assert decode_with_encoding(SMART.encode(), "a.txt") == (SMART, "utf-8")


def test_utf8_bom_is_dropped() -> None:
    text, encoding = decode_with_encoding(codecs.BOM_UTF8 + SMART.encode(), "a.txt")
    assert text == SMART
    assert encoding == "utf-8"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_and_without_bom(codec: str) -> None:
    raw = SMART.encode(codec)
    if codec != "utf-16":  # a BOM only comes with plain "utf-16"; the others test detection
        assert not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    assert decode_bytes(raw, "a.txt") == SMART


def test_utf32_bom() -> None:
    assert decode_bytes(SMART.encode("utf-32"), "a.txt") == SMART


def test_latin1() -> None:
    text = FRENCH.replace("œ", "oe")
    assert decode_with_encoding(text.encode("latin-1"), "a.txt") == (text, "latin-1")


def test_short_latin1_is_not_taken_for_utf16() -> None:
    assert decode_bytes("Café".encode("latin-1"), "a.txt") == "Café"


def test_cp1252_smart_quotes() -> None:
    assert decode_with_encoding(SMART.encode("cp1252"), "a.txt") == (SMART, "cp1252")


def test_cp1252_apostrophe_in_ascii_text() -> None:
    assert decode_bytes(b"It\x92s fine.", "a.txt") == "It’s fine."


def test_cp1252_undefined_byte_reads_as_latin1_control() -> None:
    # 0x81 is undefined in cp1252; it must not fail, and sanitising will make it inert.
    assert decode_bytes(b"caf\xe9 \x81 \x93ok\x94", "a.txt") == "café \x81 “ok”"


def test_cyrillic_single_byte_is_detected() -> None:
    text = "Война и мир - роман Льва Николаевича Толстого, описывающий русское общество."
    assert decode_bytes(text.encode("cp1251"), "a.txt") == text


def test_stray_byte_in_utf8_is_replaced_not_guessed() -> None:
    text = "Ça marche très bien, n’est-ce pas? " * 20
    raw = text.encode() + b"\xff" + text.encode()
    decoded = decode_bytes(raw, "a.txt")
    assert decoded == text + "\ufffd" + text


@pytest.mark.parametrize(
    "raw",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        bytes(range(256)) * 8,
        b"\x00\x01\x02\x03" * 500,
        b"ELF" + b"\x00" * 100 + b"text" * 10,
    ],
    ids=["png", "pdf", "all-bytes", "low-controls", "nul-heavy"],
)
def test_binary_is_refused(raw: bytes) -> None:
    with pytest.raises(IngestError, match=r"^blob\.bin: looks like a binary file, not an article$"):
        decode_bytes(raw, "blob.bin")


def test_a_few_nul_bytes_are_still_text() -> None:
    raw = b"A paragraph of text with a stray NUL\x00 in it. " * 10
    assert not looks_binary(raw)
    assert "\x00" in decode_bytes(raw, "a.txt")


def test_bom_with_a_stray_byte_keeps_the_text() -> None:
    text = "Ça marche très bien, n’est-ce pas? " * 20
    decoded = decode_bytes(codecs.BOM_UTF8 + text.encode() + b"\xff", "a.txt")
    assert decoded == text + "\ufffd"


def test_bom_contradicted_by_content() -> None:
    with pytest.raises(IngestError, match="invalid utf-8"):
        decode_bytes(codecs.BOM_UTF8 + b"ok \xff\xfe\xfd\xfc" * 10, "bad.txt")


def test_empty_bytes_decode_to_empty_text() -> None:
    assert decode_bytes(b"", "a.txt") == ""


def test_undecodable_noise_is_refused() -> None:
    noise = bytes((i * 7919 + 13) % 128 + 128 for i in range(3000))  # high bytes, no spaces
    with pytest.raises(IngestError, match=r"^noise.txt: cannot decode the text"):
        decode_bytes(noise, "noise.txt")


def test_long_latin1_prose_is_read_as_latin1() -> None:
    text = (
        "Le coeur a ses raisons que la raison ne connaît point. Élève très appliqué, déjà là. " * 40
    ).strip()
    assert decode_with_encoding(text.encode("latin-1"), "a.txt") == (text, "latin-1")
