"""Plain-text structure inference on small constructed texts and on the bundled seed."""

from __future__ import annotations

from pathlib import Path

from reader.document import Document
from reader.ingest import load
from reader.ingest.plain import parse_plain


def _kinds(doc: Document) -> list[tuple[str, str]]:
    return [(b.kind, doc.block_text(b)) for b in doc.blocks]


def _parse(text: str) -> Document:
    return parse_plain(text, "test.txt")


BODY = "The committee met on Tuesday and agreed to publish its findings next month, officials said."


def test_canonical_text_has_one_blank_line_and_no_indent() -> None:
    doc = _parse(f"A Short Title\n\n\n\n    {BODY}\n   \n\t{BODY}\n")
    assert doc.text == f"A Short Title\n\n{BODY}\n\n{BODY}"
    for block in doc.blocks:
        assert doc.text[block.start : block.end] == doc.block_text(block)


def test_title_is_the_first_line_and_document_title() -> None:
    doc = _parse(f"Pence Gives GOP A Boost With Solid Debate Win.\n\n{BODY}")
    assert _kinds(doc)[0] == ("title", "Pence Gives GOP A Boost With Solid Debate Win.")
    assert doc.title == "Pence Gives GOP A Boost With Solid Debate Win."


def test_no_title_when_the_text_opens_with_a_long_paragraph() -> None:
    doc = _parse(f"{BODY} {BODY} {BODY}\n\n{BODY}")
    assert doc.title is None
    assert doc.blocks[0].kind == "paragraph"


def test_title_directly_above_a_standfirst() -> None:
    doc = _parse(f"Candidates vie for vets' support;\nEach points out the other's failings.\n\n{BODY}")
    assert doc.title == "Candidates vie for vets' support"
    assert _kinds(doc)[:2] == [
        ("title", "Candidates vie for vets' support;"),
        ("paragraph", "Each points out the other's failings."),
    ]


def test_headings_are_short_unpunctuated_lines() -> None:
    doc = _parse(f"Title Line\n\n{BODY}\n\nThe Gun Supply\n\n{BODY}\n\nCaddell continued:\n\n{BODY}")
    kinds = _kinds(doc)
    assert ("heading", "The Gun Supply") in kinds
    assert ("paragraph", "Caddell continued:") in kinds


def test_chapter_lines_are_headings_even_with_a_full_stop() -> None:
    doc = _parse(f"CHAPTER I.\nDown the Rabbit-Hole\n\n\n{BODY}")
    assert _kinds(doc)[:2] == [("heading", "CHAPTER I."), ("heading", "Down the Rabbit-Hole")]


def test_hard_wrapped_lines_are_joined() -> None:
    wrapped = (
        "Alice was beginning to get very tired of sitting by her sister on the\n"
        "bank, and of having nothing to do: once or twice she had peeped into\n"
        "the book her sister was reading, but it had no pictures or\n"
        "conversations in it."
    )
    doc = _parse(f"Title Words Here\n\n{wrapped}")
    assert doc.block_text(doc.blocks[1]) == " ".join(wrapped.split("\n"))


def test_one_paragraph_per_line_is_split() -> None:
    lines = [f"{BODY} More words to make this line long enough, number {i}." for i in range(3)]
    doc = _parse("\n".join(lines))
    assert [doc.block_text(b) for b in doc.blocks if b.kind == "paragraph"] == lines


def test_indented_first_lines_start_paragraphs() -> None:
    text = (
        "    It was a dark and stormy night; the rain fell in torrents, except at\n"
        "occasional intervals, when it was checked by a violent gust.\n"
        "    The wind swept up the streets, rattling along the housetops, and\n"
        "fiercely agitating the scanty flame of the lamps."
    )
    doc = _parse(f"Title Words Here\n\n{text}")
    assert [b.kind for b in doc.blocks] == ["title", "paragraph", "paragraph"]
    assert doc.block_text(doc.blocks[2]).startswith("The wind swept")


def test_verse_keeps_its_line_breaks() -> None:
    verse = "Twinkle, twinkle, little bat!\nHow I wonder what you're at!\nUp above the world you fly,\nLike a tea-tray in the sky."
    doc = _parse(f"Title Words Here\n\n{BODY}\n\n{verse}\n\n{BODY}")
    assert ("paragraph", verse) in _kinds(doc)


def test_list_items_with_levels_and_continuations() -> None:
    text = "- first item\n  goes on here\n- second item\n    - nested item\n- third"
    doc = _parse(f"Title Words Here\n\n{BODY}\n\n{text}")
    items = [(doc.block_text(b), b.level) for b in doc.blocks if b.kind == "list_item"]
    assert items == [
        ("- first item goes on here", 1),
        ("- second item", 1),
        ("- nested item", 2),
        ("- third", 1),
    ]


def test_scene_break_is_not_a_list_item() -> None:
    doc = _parse(f"Title Words Here\n\n{BODY}\n\n* * *\n\n{BODY}")
    assert ("paragraph", "* * *") in _kinds(doc)


def test_captions() -> None:
    captions = [
        "Photograph of President Joe Biden in January via\u00a0Facebook",
        "Photo: Reuters",
        "Image: Smoke over the city / Getty",
        "Protesters gather outside the court. (AP Photo/Evan Vucci)",
        "Image copyright Getty Images",
    ]
    doc = _parse("Title Words Here\n\n" + "\n\n".join(f"{BODY}\n\n{c}" for c in captions))
    assert [t for k, t in _kinds(doc) if k == "caption"] == captions


def test_a_sentence_about_photographs_is_not_a_caption() -> None:
    sentence = "Photographs of the suspects were released by police on Monday morning."
    doc = _parse(f"Title Words Here\n\n{BODY}\n\n{sentence}")
    assert ("paragraph", sentence) in _kinds(doc)


def test_boilerplate_phrases() -> None:
    junk = [
        "• Show Comments",
        "Share this",
        "Subscribe",
        "Read more",
        "12 Comments",
        "Advertisement",
        "Related: Senate passes the budget after a long night",
    ]
    doc = _parse("Title Words Here\n\n" + "\n\n".join(f"{BODY}\n\n{j}" for j in junk))
    assert [t for k, t in _kinds(doc) if k == "boilerplate"] == junk


def test_byline_sets_the_author() -> None:
    doc = _parse(f"Title Words Here\n\nBy Jane Q. Doe, Staff Writer\n\n{BODY}")
    assert _kinds(doc)[1] == ("byline", "By Jane Q. Doe, Staff Writer")
    assert doc.author == "Jane Q. Doe"


def test_a_sentence_starting_with_by_is_not_a_byline() -> None:
    for sentence in [
        "By Thursday the deal was done, and nobody was happy about it.",
        "By Thursday, the deal was done and nobody was happy about it.",
        "By March",
    ]:
        doc = _parse(f"Title Words Here\n\n{sentence}\n\n{BODY}")
        assert doc.author is None, sentence
        assert doc.blocks[1].kind != "byline", sentence


def test_author_bio_at_the_end() -> None:
    bio = "• Alexander is Filter’s staff writer. He writes about the movement to end the War on Drugs."
    doc = _parse(f"Title Words Here\n\n{BODY}\n\n{bio}\n\n• Show Comments")
    assert doc.author == "Alexander"
    assert _kinds(doc)[-2:] == [("byline", bio), ("boilerplate", "• Show Comments")]


def test_two_author_bios() -> None:
    bios = "Jane Roe is a staff writer at the paper.\n\nJohn Doe is a contributing editor."
    assert _parse(f"Title Words Here\n\n{BODY}\n\n{bios}").author == "Jane Roe and John Doe"


def test_closing_sentence_about_a_subject_is_not_a_bio() -> None:
    text = f"Title Words Here\n\nBiden spoke on Monday. {BODY}\n\nBiden is the former vice president of the United States."
    doc = _parse(text)
    assert doc.author is None
    assert doc.blocks[-1].kind == "paragraph"


def test_follow_prompt_and_dateline_give_the_author() -> None:
    assert _parse(f"Title Words Here\n\n{BODY}\n\nFollow Pam Key on Twitter @pamkey").author == "Pam Key"
    dateline = "FLINT, Mich., Oct. 4 (UPI) — Former President Bill Clinton criticized the act."
    assert _parse(f"Title Words Here\n\n{dateline}\n\n{BODY}").author == "UPI"


def test_pull_quote_repeated_in_the_body() -> None:
    pull = "“This proposed agreement makes sense politically, but it’s a farce.”"
    body = "“This proposed agreement makes sense politically, but it’s a farce,” Ethan Nadelmann told Filter."
    doc = _parse(f"Title Words Here\n\n{BODY}\n\n{pull}\n\n{BODY}\n\n{body}")
    assert ("pull_quote", pull) in _kinds(doc)
    assert ("paragraph", body) in _kinds(doc)


def test_nearly_repeated_pull_quote() -> None:
    pull = "“We have decades of experience to show that crackdowns on guns will have no impact at all.”"
    body = (
        "“We have decades of experience to show the crackdowns on guns will have no impact at all,” he said."
    )
    doc = _parse(f"Title Words Here\n\n{pull}\n\n{BODY}\n\n{body}")
    assert doc.blocks[1].kind == "pull_quote"


def test_a_quotation_not_repeated_is_a_paragraph() -> None:
    quote = "“Nobody else in this article says these particular words again.”"
    doc = _parse(f"Title Words Here\n\n{BODY}\n\n{quote}\n\n{BODY}")
    assert ("paragraph", quote) in _kinds(doc)


def test_gutenberg_header_and_licence_are_boilerplate() -> None:
    text = (
        "The Project Gutenberg EBook of Tiny Tale, by Some Body\n\n"
        "Title: Tiny Tale\n\nAuthor: Some Body\n\n"
        "*** START OF THIS PROJECT GUTENBERG EBOOK TINY TALE ***\n\n"
        f"TINY TALE\n\nCHAPTER I\n\n{BODY}\n\n"
        "End of the Project Gutenberg EBook of Tiny Tale\n\n"
        "*** END OF THIS PROJECT GUTENBERG EBOOK TINY TALE ***\n\nLicence words."
    )
    doc = _parse(text)
    assert (doc.title, doc.author) == ("Tiny Tale", "Some Body")
    kinds = [k for k, _ in _kinds(doc)]
    assert kinds == ["boilerplate"] * 4 + ["title", "heading", "paragraph"] + ["boilerplate"] * 3


def test_seed_structure(seed_path: Path) -> None:
    doc = load(str(seed_path))
    kinds = _kinds(doc)
    assert doc.title == "US and Mexico Plan Joint Crackdown on Fentanyl, Illicit Gun Supplies"
    assert doc.author == "Alexander"
    assert [t for k, t in kinds if k == "heading"] == ["The Politicization of Fentanyl", "The Gun Supply"]
    pulls = [t for k, t in kinds if k == "pull_quote"]
    assert len(pulls) == 4
    assert pulls[0].startswith("“This proposed agreement")
    assert [t[:19] for k, t in kinds if k == "caption"] == ["Photograph of Presi"]
    assert [t for k, t in kinds if k == "boilerplate"] == ["• Show Comments"]
    assert [t[:21] for k, t in kinds if k == "byline"] == ["• Alexander is Filter"]
    assert "\n\n\n" not in doc.text and "\n " not in doc.text


def test_seed_scores_perfectly_on_structure(seed_path: Path, score_tool: Path, tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    from reader.analysis import Analysis
    from reader.document import analysis_json

    gold = score_tool.parent.parent / "corpus" / "seed" / "filter-fentanyl-guns.gold.json"
    pred = tmp_path / "pred.json"
    pred.write_text(json.dumps(analysis_json(load(str(seed_path)), Analysis())))
    out = subprocess.run(
        [sys.executable, str(score_tool), str(gold), str(pred), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    metrics = json.loads(out.stdout)
    for name in ("title", "headings", "pull_quote_blocks", "caption", "author", "boilerplate_dropped"):
        assert metrics[name] == 1.0, name


def test_sentences_opening_with_part_or_book_are_not_chapters() -> None:
    doc = _parse(f"Title Words Here\n\n{BODY}\n\nPart of the deal.\n\nBOOK TWO: 1805\n\n{BODY}")
    assert ("paragraph", "Part of the deal.") in _kinds(doc)
    assert ("heading", "BOOK TWO: 1805") in _kinds(doc)


def test_code_in_plain_text_keeps_its_lines() -> None:
    code = "def area(radius):\n    return 3.14 * radius ** 2\n\nprint(area(2));"
    doc = _parse(f"Title Words Here\n\n{BODY}\n\nfunction f(x) {{\n  return x + 1;\n}}\n\n{code}")
    assert ("code", "function f(x) {\n  return x + 1;\n}") in _kinds(doc)
    assert ("code", "def area(radius):\n    return 3.14 * radius ** 2") in _kinds(doc)


def test_prose_with_semicolons_is_not_code() -> None:
    prose = (
        "He came in late; the others had gone, and the lamps were out along\n"
        "the whole of the street; nobody saw him arrive, and nobody cared.\n"
        "In the morning the news was everywhere."
    )
    doc = _parse(f"Title Words Here\n\n{prose}")
    assert doc.blocks[1].kind == "paragraph"


def test_list_after_an_introducing_line() -> None:
    doc = _parse(f"Title Words Here\n\n{BODY}\n\nThings to bring:\n- a map\n- water\n\n{BODY}")
    assert _kinds(doc)[2:5] == [
        ("paragraph", "Things to bring:"),
        ("list_item", "- a map"),
        ("list_item", "- water"),
    ]


def test_wrapped_dashes() -> None:
    text = "She was well-\nknown in the town and—\nas everyone said—\nrather kind, though some said otherwise —\nnot him."
    doc = _parse(f"Title Words Here\n\n{text}")
    assert doc.block_text(doc.blocks[1]) == (
        "She was well-known in the town and—as everyone said—rather kind, though some said otherwise — not him."
    )


def test_cyrillic_paragraph_per_line_is_split() -> None:
    lines = [
        "Все счастливые семьи похожи друг на друга, каждая несчастливая семья несчастлива по-своему, и так далее.",
        "Всё смешалось в доме Облонских. Жена узнала, что муж был в связи с бывшею в их доме француженкою.",
        "Жена объявила мужу, что не может жить с ним в одном доме. Положение это продолжалось уже третий день.",
    ]
    doc = _parse("Анна Каренина\n\n" + "\n".join(lines))
    assert [doc.block_text(b) for b in doc.blocks[1:]] == lines
