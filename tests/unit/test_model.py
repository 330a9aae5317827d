"""The annotation model: selectors from text, JSON round trips, edits."""

from __future__ import annotations

import json

from annotations.keys import article_key, fingerprint, normalise_source, tag_doc_id
from annotations.model import CONTEXT_CHARS, Annotation, ArticleRecord, Tag, Target, TextQuoteSelector

TEXT = "x" * 50 + "the highlighted words" + "y" * 50


def test_quote_selector_takes_context_on_both_sides() -> None:
    start = TEXT.index("the")
    quote = TextQuoteSelector.from_text(TEXT, start, start + 21)
    assert quote.exact == "the highlighted words"
    assert quote.prefix == "x" * CONTEXT_CHARS and quote.suffix == "y" * CONTEXT_CHARS
    edge = TextQuoteSelector.from_text("abc def", 0, 3)
    assert (edge.prefix, edge.exact, edge.suffix) == ("", "abc", " def")


def test_annotation_round_trips_through_json() -> None:
    note = Annotation(
        "key", Target.from_text(TEXT, 50, 71), tag="Evidence", note="**bold** note", status="drifted"
    )
    data = json.loads(json.dumps(note.to_json()))
    assert Annotation.from_json(data) == note
    assert (note.start, note.end, note.exact) == (50, 71, "the highlighted words")


def test_from_json_fills_missing_optional_fields() -> None:
    note = Annotation.from_json({"id": "i", "article": "k", "target": {"exact": "w", "start": 1, "end": 2}})
    assert (note.tag, note.note, note.status) == (None, "", "ok")
    assert note.updated == note.created


def test_edited_changes_fields_and_the_update_time() -> None:
    note = Annotation("key", Target.from_text(TEXT, 50, 71), updated="2000-01-01T00:00:00+00:00")
    changed = note.edited(note="new")
    assert changed.note == "new" and changed.id == note.id and changed.updated > note.updated


def test_tag_and_article_round_trip() -> None:
    tag = Tag("Method", "6", "#56b6c2")
    assert Tag.from_json(tag.to_json()) == tag
    record = ArticleRecord("k", "/a.txt", "Title", "Author", "sha256:x", position=5, length=9)
    assert ArticleRecord.from_json(json.loads(json.dumps(record.to_json()))) == record


def test_article_keys_come_from_the_source() -> None:
    assert article_key("a.txt", "one text") == article_key("a.txt", "another text")
    assert article_key("https://x.org/p#top") == article_key("https://x.org/p")
    assert article_key("-", "one") != article_key("-", "two")
    assert normalise_source("<stdin>") == ""
    assert fingerprint("a") != fingerprint("b")
    assert tag_doc_id("Key  point") == tag_doc_id("key point")
