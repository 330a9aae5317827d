"""Bytes -> str: BOMs, UTF-8, UTF-16, Latin-1/cp1252 and charset detection; binary refused.

The order matters for speed and for getting Western text right: a BOM decides at once,
UTF-16 without a BOM is recognised by its NUL bytes, binary content is refused (from a
sample of the first bytes), strict UTF-8 is tried next (almost every file, and it costs a
few milliseconds even for a book), and only then is charset-normalizer asked. Its
guesses among the Latin single-byte code pages are unreliable on short texts (French in
Latin-1 comes back as cp1250), so a Latin-script guess is decoded as cp1252, with the bytes
cp1252 leaves undefined read as Latin-1; a confident non-Latin guess (Cyrillic, Greek,
CJK …) is kept.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from reader.ingest.errors import IngestError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)

# File signatures of common binary formats that may contain no NUL in their first bytes.
_MAGIC = (b"%PDF-", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF", b"BZh")

_SAMPLE = 8192  # bytes looked at to decide "binary"
_C1_BYTE = re.compile(rb"[\x80-\x9f]")
_DETECT_BYTES = 64 * 1024


def decode_bytes(raw: bytes, name: str) -> str:
    """Decode ``raw`` (the content of ``name``) to text; raise IngestError when it is not text."""
    return decode_with_encoding(raw, name)[0]


def decode_with_encoding(raw: bytes, name: str) -> tuple[str, str]:
    """Like :func:`decode_bytes`, also returning the name of the encoding that was used."""
    bom = _decode_bom(raw, name)
    if bom is not None:
        return bom
    utf16 = _decode_utf16_without_bom(raw)
    if utf16 is not None:
        return utf16
    if looks_binary(raw):
        raise IngestError(f"{name}: looks like a binary file, not an article")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(raw):
        # A few stray bytes in a UTF-8 file: keep the text, show the bad bytes as U+FFFD.
        return raw.decode("utf-8", errors="replace"), "utf-8"
    return _decode_detected(raw, name)


def looks_binary(raw: bytes) -> bool:
    """True when the start of ``raw`` is a known binary format or full of NUL/control bytes."""
    sample = raw[:_SAMPLE]
    if not sample:
        return False
    if sample.startswith(_MAGIC):
        return True
    nul = sample.count(0)
    if nul > len(sample) // 20 + 1:  # a stray NUL is text with junk in it; many are binary
        return True
    controls = sum(sample.count(b) for b in range(0x20) if b not in b"\t\n\r\f\x1b\x00")
    return controls > len(sample) // 20 + 1


def _decode_bom(raw: bytes, name: str) -> tuple[str, str] | None:
    """Decode by byte-order mark, or None when there is none."""
    for bom, label, codec in _BOMS:
        if raw.startswith(bom):
            body = raw if codec != "utf-8-sig" else raw[len(bom) :]
            try:
                text = body.decode(codec if codec != "utf-8-sig" else "utf-8")
            except UnicodeDecodeError:
                if codec != "utf-8-sig" or not _mostly_utf8(body):
                    raise IngestError(
                        f"{name}: invalid {label} text (its byte-order mark says {label})"
                    ) from None
                text = body.decode("utf-8", errors="replace")  # a few stray bytes: keep the text
            return text.lstrip("\ufeff"), label
    return None


def _decode_utf16_without_bom(raw: bytes) -> tuple[str, str] | None:
    """UTF-16 text without a BOM: Latin-script text has a NUL in every other byte."""
    sample = raw[: _SAMPLE - _SAMPLE % 2]
    if len(sample) < 4 or sample.count(0) < len(sample) // 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > 3 * even and odd >= len(sample) // 4:
        codec = "utf-16-le"
    elif even > 3 * odd and even >= len(sample) // 4:
        codec = "utf-16-be"
    else:
        return None
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError:
        return None
    return (text, codec) if not _too_many_controls(text) else None


def _mostly_utf8(raw: bytes) -> bool:
    """True when UTF-8 fails only on rare bytes (at most 1 bad byte per 20 good non-ASCII characters)."""
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - raw.count("\ufffd".encode())
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore")) - bad
    return bad * 20 <= non_ascii


def _decode_detected(raw: bytes, name: str) -> tuple[str, str]:
    """Decode single-byte or legacy multi-byte text with charset-normalizer's help."""
    from charset_normalizer import from_bytes  # only non-UTF-8 input pays for the import

    best = from_bytes(_detection_sample(raw)).best()
    if best is not None and best.encoding not in ("utf_16", "utf_16_le", "utf_16_be", "utf_32"):
        sample = str(best)
        if _non_latin_letters(sample) >= 8 and not _latin_script(sample) and not _too_many_controls(sample):
            return raw.decode(best.encoding, errors="replace"), best.encoding.replace("_", "-")
    text, label = _decode_western(raw)
    if _too_many_controls(text) or (best is None and _too_few_spaces(text)):
        # nothing reads it as language and it has no word spacing: noise, not an article
        raise IngestError(f"{name}: cannot decode the text (not UTF-8, UTF-16, Latin-1 or cp1252)")
    return text, label


def _detection_sample(raw: bytes) -> bytes:
    """The first ~64 KB, cut at a line end: plenty to detect, and a whole book costs 20x more."""
    if len(raw) <= _DETECT_BYTES:
        return raw
    cut = raw.rfind(b"\n", 0, _DETECT_BYTES)
    return raw[: cut if cut > 0 else _DETECT_BYTES]


def _decode_western(raw: bytes) -> tuple[str, str]:
    """cp1252, with the five bytes it leaves undefined read as Latin-1 (C1 controls)."""
    if _C1_BYTE.search(raw) is None:
        return raw.decode("latin-1"), "latin-1"  # identical to cp1252 without 0x80-0x9F
    return raw.decode("cp1252", errors="gloss-latin1"), "cp1252"


def _latin1_fallback(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: an undefined byte becomes the Latin-1 character of that value."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return bad.decode("latin-1"), error.end


codecs.register_error("gloss-latin1", _latin1_fallback)


def _non_latin_letters(text: str) -> int:
    """How many letters beyond ASCII ``text`` has: too few is too little evidence for a guess."""
    return sum(1 for ch in text[: _SAMPLE * 4] if ord(ch) > 0x7F and ch.isalpha())


def _latin_script(text: str) -> bool:
    """True when the letters beyond ASCII are mostly Latin (or there are none)."""
    latin = other = 0
    for ch in text[: _SAMPLE * 4]:
        if ord(ch) < 0x80 or not ch.isalpha():
            continue
        if unicodedata.name(ch, "").startswith("LATIN"):
            latin += 1
        else:
            other += 1
    return latin >= other


def _too_few_spaces(text: str) -> bool:
    """True when under 4% of the characters are spaces or newlines (prose has ~15%)."""
    sample = text[:_SAMPLE]
    spaces = sample.count(" ") + sample.count("\n")
    return spaces * 25 < len(sample)


def _too_many_controls(text: str) -> bool:
    """True when more than 5% of the characters are control characters (not text)."""
    sample = text[:_SAMPLE]
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f")
    return controls > len(sample) // 20 + 1
