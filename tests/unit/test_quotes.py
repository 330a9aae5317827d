"""Finding quotations: mark pairing, kinds, pull quotes, entities (constructed paragraphs)."""

from __future__ import annotations

from reader.analysis.quotes import find_quotes
from reader.document import Entity, Quote
from tests.unit.doc_helpers import make_doc


def quotes_of(*paragraphs: str, kinds: tuple[str, ...] = ()) -> list[Quote]:
    """The quotes found in the paragraphs, with no entities given."""
    return find_quotes(make_doc(*paragraphs, kinds=kinds), [])[0]


def texts(quotes: list[Quote]) -> list[str]:
    """The content of each quote."""
    return [q.text for q in quotes]


def test_curly_quote_offsets_include_the_marks() -> None:
    doc = make_doc("He said “we will win” today.")
    (quote,) = find_quotes(doc, [])[0]
    assert doc.text[quote.start : quote.end] == "“we will win”"
    assert quote.text == "we will win"
    assert doc.text[slice(*quote.inner)] == "we will win"


def test_straight_quotes_pair_by_context() -> None:
    found = quotes_of('"Come here," said Alice, "and sit down."')
    assert texts(found) == ["Come here,", "and sit down."]


def test_two_apostrophes_are_one_double_mark() -> None:
    (quote,) = quotes_of("''It's anti-reform,'' Leonard E. Burman said.")
    assert quote.text == "It's anti-reform,"
    assert quote.speaker == "Leonard E. Burman"


def test_guillemets_are_quote_marks() -> None:
    (quote,) = quotes_of("« Nous gagnerons », a dit Marie. Then Pierre left.")
    assert quote.text == "Nous gagnerons"


def test_apostrophes_are_not_quote_marks() -> None:
    found = quotes_of("It’s the ’90s and the dogs’ bowls don’t match, Sam’s friends said.")
    assert found == []


def test_single_quotes_nested_in_a_speech_are_no_separate_speech() -> None:
    found = quotes_of("“They’re not ‘baking the cake’ the same way,” Ann Lee said.")
    outer = next(q for q in found if q.text.startswith("They’re"))
    inner = next(q for q in found if q.text == "baking the cake")
    assert outer.kind == "speech" and outer.speaker == "Ann Lee"
    assert inner.kind not in ("speech", "partial", "pull") and inner.speaker is None


def test_a_quote_continues_into_the_next_paragraph_that_opens_with_a_mark() -> None:
    found = quotes_of(
        "“The first part of the story is long,” Jane Roe said. “And it goes on",
        "“until the second paragraph, where it ends.”",
    )
    assert texts(found)[-2:] == ["And it goes on", "until the second paragraph, where it ends."]
    assert all(q.speaker == "Jane Roe" for q in found)


def test_an_unbalanced_mark_never_swallows_the_rest() -> None:
    found = quotes_of(
        "The mayor said “this never closes and runs on.",
        "A later paragraph has “its own quote” inside.",
        "And a stray ” closing mark.",
    )
    assert "this never closes and runs on." in texts(found)
    assert "its own quote" in texts(found)
    assert all("\n\n" not in q.text for q in found)


def test_mixed_glyphs_still_pair() -> None:
    found = quotes_of('There was “no evidence" yet, the mayor said.')
    assert texts(found) == ["no evidence"]


def test_empty_and_markless_documents() -> None:
    assert quotes_of("") == []
    assert quotes_of("No quotes at all here.") == []


def test_scare_quotes_have_no_speaker() -> None:
    found = quotes_of("It’s a classic “scratch my back” kind of deal: both sides gain.")
    assert [(q.kind, q.speaker) for q in found] == [("scare", None)]


def test_a_term_after_an_article() -> None:
    (quote,) = quotes_of("The agency is building a “non-intrusive system” at the border.")
    assert quote.kind == "term"


def test_partial_quote_inside_a_reported_sentence() -> None:
    (quote,) = quotes_of(
        "Sen. Bob Menendez claimed that the US treats Mexico “with kid gloves,” at a hearing."
    )
    assert quote.kind == "partial"
    assert quote.speaker == "Bob Menendez"


def test_pull_quote_block_links_to_its_body_twin() -> None:
    body = "“Supply crackdowns have a long history of failing to meet their goals,” Ethan Nadelmann said."
    found = quotes_of(
        "“Supply crackdowns have a long history of failing to meet their goals.”",
        "Some context comes first.",
        body,
        kinds=("pull_quote", "paragraph", "paragraph"),
    )
    pull = next(q for q in found if q.kind == "pull")
    assert pull.twin is not None and found[pull.twin].kind == "speech"
    assert pull.speaker == "Ethan Nadelmann" == found[pull.twin].speaker


def test_a_repeated_quote_paragraph_is_a_pull_quote_without_blocks() -> None:
    found = quotes_of(
        "“He feels a need to speak out on fentanyl and sound punitive to protect himself.”",
        "Democrats have also taken the chance to blame Mexico.",
        "“He feels a need to speak out on fentanyl and sound punitive to protect himself,” Nadelmann said.",
    )
    assert [q.kind for q in found] == ["pull", "speech"]
    assert found[0].twin == 1
    assert found[0].speaker == "Nadelmann"


def test_speakers_map_to_given_entities() -> None:
    doc = make_doc("Ethan Nadelmann founded a group.", "“It is a farce,” Nadelmann told Filter.")
    person = Entity("e1", "Ethan Nadelmann", "PERSON", mentions=((0, 15),), aliases=("Nadelmann",))
    quotes, entities = find_quotes(doc, [person])
    assert quotes[0].speaker == "Ethan Nadelmann"
    assert quotes[0].speaker_entity == "e1"
    assert entities == [person]


def test_a_speaker_without_entity_gets_one_added() -> None:
    doc = make_doc("“It is a farce,” Ethan Nadelmann told Filter.")
    other = Entity("q1", "Filter", "ORG")
    quotes, entities = find_quotes(doc, [other])
    added = [e for e in entities if e.id == quotes[0].speaker_entity]
    assert quotes[0].speaker == "Ethan Nadelmann"
    assert len(added) == 1 and added[0].id != "q1" and added[0].type == "PERSON"
    start, end = added[0].mentions[0]
    assert doc.text[start:end] == "Ethan Nadelmann"


def test_every_speaker_has_an_entity() -> None:
    quotes, entities = find_quotes(
        make_doc("“Yes,” said the Hatter.", "“No,” said Alice.", "“Maybe,” she said."), []
    )
    ids = {e.id for e in entities}
    assert all(q.speaker_entity in ids for q in quotes if q.speaker)


def test_inner_marks_replaced_by_spaces_are_read_back() -> None:
    doc = make_doc('" Listen to me, Sahib,  said the taller of the pair.  You must be with us now.')
    found = find_quotes(doc, [])[0]
    speech = [q.text for q in found if q.kind in ("speech", "partial")]
    inner = [q.text for q in found if q.kind == "term"]
    assert speech == ["said the taller of the pair."]
    assert inner == ["Listen to me, Sahib,", "You must be with us now."]
