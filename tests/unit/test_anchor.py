"""Re-anchoring after edits: every annotation lands on its own text or becomes an orphan."""

from __future__ import annotations

import re
import textwrap

import pytest

from annotations.anchor import anchor, occurrences, reanchor
from annotations.model import Annotation, Target

ARTICLE = "\n\n".join(
    [
        "Fentanyl and the Guns That Follow It",
        "The flood of synthetic opioids has changed how police think about gun crime, "
        "said the minister. Officers in three states now trace seized pistols back to "
        "the same small network of dealers.",
        "Ethan Nadelmann, the founder of the Drug Policy Alliance, argued that "
        "prohibition itself drives the violence. “You cannot arrest your way out of "
        "a market this profitable,” he told reporters on Tuesday.",
        "Prosecutors disagree. They point to a 40 percent rise in seizures since 2021 "
        "and say that firm sentences deter the couriers, said the minister. Critics "
        "call those figures selective.",
        "A pharmacist in Ohio described the change in plain terms: the pills are "
        "cheaper than ever, and the people selling them are better armed than ever.",
        "Whatever the cause, the city council will vote on a new budget for treatment "
        "programs next month, said the minister, and the vote is expected to be close.",
    ]
)


def _note(text: str, quote: str, occurrence: int = 1) -> Annotation:
    start, end = occurrences(quote, text)[occurrence - 1]
    return Annotation("article", Target.from_text(text, start, end))


HIGHLIGHTS = {
    "sentence": (
        "Officers in three states now trace seized pistols back to the same small network of dealers",
        1,
    ),
    "name": ("Ethan Nadelmann", 1),
    "quote": ("You cannot arrest your way out of a market this profitable", 1),
    "repeat2": ("said the minister", 2),
    "repeat3": ("said the minister", 3),
    "word": ("selective", 1),
    "pharmacist": ("the pills are cheaper than ever", 1),
    "budget": ("a new budget for treatment programs", 1),
}


@pytest.fixture
def notes() -> dict[str, Annotation]:
    return {name: _note(ARTICLE, quote, n) for name, (quote, n) in HIGHLIGHTS.items()}


def _squash(text: str) -> str:
    return " ".join(text.split())


def _placed_on(result: Annotation, text: str) -> str:
    assert result.status != "orphan"
    assert text[result.start : result.end] == result.exact
    return result.exact


def _assert_same_words(result: Annotation, text: str, words: str) -> None:
    assert _squash(_placed_on(result, text)) == _squash(words)


def _paragraph(text: str, needle: str) -> str:
    return next(p for p in text.split("\n\n") if needle in p)


def test_unchanged_text_keeps_everything(notes: dict[str, Annotation]) -> None:
    for note in notes.values():
        assert anchor(note, ARTICLE) == note


def test_insertion_before_shifts_and_stays_ok(notes: dict[str, Annotation]) -> None:
    new = "Editor's note: this story was updated.\n\n" + ARTICLE
    for name, note in notes.items():
        result = anchor(note, new)
        assert result.status == "ok", name
        assert result.start == note.start + len("Editor's note: this story was updated.\n\n")
        assert result.exact == note.exact


def test_insertion_after_changes_nothing(notes: dict[str, Annotation]) -> None:
    new = ARTICLE + "\n\nCorrection: an earlier version misspelt a name."
    for note in notes.values():
        result = anchor(note, new)
        assert (result.start, result.end, result.status) == (note.start, note.end, "ok")


def test_repeated_phrase_keeps_its_own_occurrence_after_insertions(notes: dict[str, Annotation]) -> None:
    new = ARTICLE.replace("gun crime,", "gun crime in cities, said the minister, and in towns,")
    for name in ("repeat2", "repeat3"):
        result = anchor(notes[name], new)
        assert result.status == "ok"
        wanted = occurrences("said the minister", new)[int(name[-1])]  # one more repeat before it now
        assert (result.start, result.end) == wanted


def test_insertion_inside_a_highlight_keeps_it_drifted(notes: dict[str, Annotation]) -> None:
    new = ARTICLE.replace("trace seized pistols", "trace seized and stolen pistols")
    result = anchor(notes["sentence"], new)
    assert result.status == "drifted"
    _assert_same_words(
        result,
        new,
        "Officers in three states now trace seized and stolen pistols back to the same small network of dealers",
    )


def test_deletion_inside_a_highlight_keeps_it_drifted(notes: dict[str, Annotation]) -> None:
    new = ARTICLE.replace("cannot arrest your way out of a market", "cannot arrest a market")
    result = anchor(notes["quote"], new)
    assert result.status == "drifted"
    _assert_same_words(result, new, "You cannot arrest a market this profitable")


def test_word_edited_inside_a_highlight(notes: dict[str, Annotation]) -> None:
    new = ARTICLE.replace("the pills are cheaper than ever", "the pills are cheaper than they have ever been")
    result = anchor(notes["pharmacist"], new)
    assert result.status == "drifted"
    placed = _placed_on(result, new)
    assert placed.startswith("the pills are cheaper")
    assert "ever" in placed and "better armed" not in placed


def test_reflowed_whitespace_keeps_every_highlight_on_its_words(notes: dict[str, Annotation]) -> None:
    paragraphs = ARTICLE.split("\n\n")
    new = "\n\n".join(textwrap.fill(p, width=50) for p in paragraphs)
    new = new.replace(". ", ".  ")
    for name, note in notes.items():
        result = anchor(note, new)
        _assert_same_words(result, new, note.exact)
        if name.startswith("repeat"):
            wanted = occurrences("said the minister", new)[int(name[-1]) - 1]
            assert (result.start, result.end) == wanted


def test_duplicated_paragraph_keeps_the_original_copy(notes: dict[str, Annotation]) -> None:
    para = _paragraph(ARTICLE, "Ethan Nadelmann")
    new = ARTICLE.replace(para, para + "\n\n" + para)
    for name in ("name", "quote"):
        result = anchor(notes[name], new)
        assert result.status == "ok"
        assert (result.start, result.end) == (notes[name].start, notes[name].end)
    later = anchor(notes["word"], new)
    assert later.exact == "selective" and later.start == notes["word"].start + len(para) + 2


def test_duplicated_paragraph_moved_before_still_finds_a_copy(notes: dict[str, Annotation]) -> None:
    para = _paragraph(ARTICLE, "Ethan Nadelmann")
    new = para + "\n\n" + ARTICLE
    result = anchor(notes["quote"], new)
    _assert_same_words(result, new, notes["quote"].exact)


def test_deleted_paragraph_orphans_its_highlights_and_only_them(notes: dict[str, Annotation]) -> None:
    para = _paragraph(ARTICLE, "Prosecutors disagree")
    new = ARTICLE.replace(para + "\n\n", "")
    results = {name: anchor(note, new) for name, note in notes.items()}
    assert results["repeat2"].status == "orphan"  # the other two repeats must not take it
    assert results["word"].status == "orphan"
    for name in ("sentence", "name", "quote", "repeat3", "pharmacist", "budget"):
        assert results[name].exact == notes[name].exact
        assert results[name].status == "ok"


def test_orphan_keeps_its_target_and_is_found_again(notes: dict[str, Annotation]) -> None:
    para = _paragraph(ARTICLE, "pharmacist")
    orphan = anchor(notes["pharmacist"], ARTICLE.replace(para, "A pharmacist declined to comment."))
    assert orphan.status == "orphan"
    assert orphan.target == notes["pharmacist"].target
    again = anchor(orphan, ARTICLE)
    assert again.status == "ok" and (again.start, again.end) == (
        notes["pharmacist"].start,
        notes["pharmacist"].end,
    )


def test_rewritten_sentence_becomes_an_orphan(notes: dict[str, Annotation]) -> None:
    new = ARTICLE.replace(
        "Officers in three states now trace seized pistols back to the same small network of dealers",
        "Detectives have found no link between the seizures",
    )
    assert anchor(notes["sentence"], new).status == "orphan"


def test_a_sentence_of_other_words_between_the_same_surroundings_is_an_orphan(
    notes: dict[str, Annotation],
) -> None:
    # half of the old letters, but a third of its words: rewritten, not edited
    new = ARTICLE.replace("the pills are cheaper than ever", "the pill prices are rising fast")
    assert anchor(notes["pharmacist"], new).status == "orphan"
    edited = ARTICLE.replace("the pills are cheaper than ever", "the pills are much cheaper than ever")
    placed = anchor(notes["pharmacist"], edited)
    assert placed.status == "drifted" and placed.exact == "the pills are much cheaper than ever"


def test_short_highlight_is_not_moved_to_a_lookalike(notes: dict[str, Annotation]) -> None:
    new = ARTICLE.replace("Critics call those figures selective.", "Critics dispute them.")
    new += "\n\nThe selective reading of data is common."
    assert anchor(notes["word"], new).status == "orphan"


def test_drifted_stays_drifted_until_edited(notes: dict[str, Annotation]) -> None:
    new = ARTICLE.replace("trace seized pistols", "trace seized and stolen pistols")
    drifted = anchor(notes["sentence"], new)
    again = anchor(drifted, "Intro.\n\n" + new)
    assert again.status == "drifted"
    assert anchor(drifted.edited(status="ok"), "Intro.\n\n" + new).status == "ok"


def test_reanchor_batch_keeps_order_and_skips_unchanged_text(notes: dict[str, Annotation]) -> None:
    items = list(notes.values())
    assert reanchor(items, ARTICLE, ARTICLE) == items
    moved = reanchor(items, "X\n\n" + ARTICLE)
    assert [a.id for a in moved] == [a.id for a in items]
    assert all(a.start == b.start + 3 for a, b in zip(moved, items, strict=True))


# -- a randomised property: edits anywhere never put a highlight on foreign text ---------

WORDS = re.findall(r"[a-z]+", ARTICLE.lower())


def _map(pos: int, edits: list[tuple[int, int, str]], left: bool) -> int:
    """Where original offset ``pos`` is after ``edits`` (sorted, disjoint).

    ``left`` maps a start, otherwise an end. Text inserted exactly at a boundary lies
    outside the highlight; a replacement of part of the highlight counts as inside.
    """
    offset = 0
    for e_start, e_end, repl in edits:
        if e_end < pos or (e_end == pos and (e_start < e_end or left)):
            offset += len(repl) - (e_end - e_start)
            continue
        if e_start < pos < e_end or (left and e_start == pos < e_end):
            return e_start + offset + (0 if left else len(repl))
        break
    return pos + offset


def _image(start: int, end: int, edits: list[tuple[int, int, str]]) -> tuple[int, int]:
    """Where the original ``[start, end)`` ended up after ``edits``."""
    lo, hi = _map(start, edits, True), _map(end, edits, False)
    return lo, max(lo, hi)


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    for e_start, e_end, repl in sorted(edits, reverse=True):
        text = text[:e_start] + repl + text[e_end:]
    return text


@pytest.mark.parametrize("seed", range(60))
def test_random_edits_never_land_on_wrong_text(seed: int, notes: dict[str, Annotation]) -> None:
    import random

    rng = random.Random(seed)
    edits: list[tuple[int, int, str]] = []
    cursor = 0
    for _ in range(rng.randint(1, 4)):
        at = rng.randint(cursor, max(cursor, len(ARTICLE) - 1))
        length = rng.choice([0, 0, rng.randint(1, 6), rng.randint(5, 60)])
        end = min(len(ARTICLE), at + length)
        repl = " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 5)))
        if repl and length == 0:
            repl = " " + repl + " "
        edits.append((at, end, repl))
        cursor = end + 1
        if cursor >= len(ARTICLE):
            break
    new = _apply(ARTICLE, edits)
    for name, note in notes.items():
        result = anchor(note, new)
        if result.status == "orphan" or any(note.exact in repl for _, _, repl in edits):
            continue  # (an edit that re-inserts the quote's words makes "right text" ambiguous)
        lo, hi = _image(note.start, note.end, edits)
        placed = (result.start, result.end)
        overlap = min(hi, placed[1]) - max(lo, placed[0])
        assert new[result.start : result.end] == result.exact
        assert overlap > 0.5 * (placed[1] - placed[0]), (name, edits, new[lo:hi], result.exact)
        assert lo - 12 <= placed[0] and placed[1] <= hi + 12, (name, edits, new[lo:hi], result.exact)
