"""Who said each quotation: one constructed paragraph (or a few) per attribution rule."""

from __future__ import annotations

from reader.analysis.quotes import find_quotes
from tests.unit.doc_helpers import make_doc


def speakers(*paragraphs: str) -> list[str | None]:
    """The speaker of each speech-like quote, in reading order."""
    quotes, _ = find_quotes(make_doc(*paragraphs), [])
    return [q.speaker for q in quotes if q.kind in ("speech", "partial", "pull")]


def test_cue_after_the_quote_name_then_verb() -> None:
    assert speakers("“We will win,” Pat Caddell said.") == ["Pat Caddell"]


def test_cue_after_the_quote_verb_then_name() -> None:
    assert speakers("“One of the things I am surprised about is the health issue,” said Caddell.") == [
        "Caddell"
    ]


def test_cue_after_with_a_description_before_the_name() -> None:
    assert speakers("“No comment,” Trump spokesman Jason Miller said.") == ["Jason Miller"]


def test_cue_before_the_quote_with_a_colon() -> None:
    found = speakers("Attorney General Merrick Garland recently stated: “They could do much more.”")
    assert found == ["Merrick Garland"]


def test_cue_before_the_quote_with_a_comma() -> None:
    assert speakers("Overall, Nichols said, “the scale is very large.”") == ["Nichols"]


def test_name_role_told() -> None:
    found = speakers(
        "“It is essentially a farce,” Ethan Nadelmann, the founder and former executive director of "
        "the Drug Policy Alliance, told Filter."
    )
    assert found == ["Ethan Nadelmann"]


def test_titles_are_stripped_and_surnames_linked_to_the_full_name() -> None:
    found = speakers(
        "Dr. Alex Krotulski studies fentanyl in the lab.",
        "“What is it replaced with?” Krotulski asked.",
    )
    assert found == ["Alex Krotulski"]


def test_pronoun_resolves_to_the_last_named_speaker() -> None:
    found = speakers(
        "Dr. Alex Krotulski, associate director at the Center, told Filter that it is true.",
        "“They are not baking the cake the same way,” he said.",
    )
    assert found == ["Alex Krotulski"]


def test_pronoun_skips_a_speaker_of_the_other_gender() -> None:
    found = speakers(
        "“We must act,” said Mary Smith, and she smiled.",
        "“Not yet,” said John Brown, and he frowned.",
        "“Then when?” she asked.",
    )
    assert found == ["Mary Smith", "John Brown", "Mary Smith"]


def test_speaker_carried_across_the_quotes_of_a_paragraph() -> None:
    found = speakers(
        "“This agreement suggests more work,” Lindsay Nichols told Filter. “ATF should also focus.”"
    )
    assert found == ["Lindsay Nichols", "Lindsay Nichols"]


def test_cue_between_two_quotes_serves_both() -> None:
    found = speakers("“The real question,” Nadelmann continued, “is whether any of them will act.”")
    assert found == ["Nadelmann", "Nadelmann"]


def test_speaker_announced_by_the_previous_paragraph() -> None:
    found = speakers("Caddell continued:", "“The health issue overall is very much a partisan issue.”")
    assert found == ["Caddell"]


def test_according_to() -> None:
    found = speakers("The deal is “a farce from a policy perspective,” according to Ethan Nadelmann.")
    assert found == ["Ethan Nadelmann"]


def test_dash_attribution() -> None:
    assert speakers("“Maybe we can build a wall around him.” ― Steve Quinlan") == ["Steve Quinlan"]


def test_description_linked_to_the_name_beside_it() -> None:
    found = speakers(
        "Mexican President Andrés Manuel López Obrador met Biden in January.",
        "The Mexican president’s comments were blunt, that “we do not produce fentanyl here.”",
    )
    assert found == ["Andrés Manuel López Obrador"]


def test_novel_dialogue_with_common_name_speakers() -> None:
    found = speakers(
        "“Why?” said the Caterpillar.",
        "“I can’t explain myself, I’m afraid, sir,” said Alice.",
        "“I don’t see,” said the Caterpillar.",
    )
    assert found == ["The Caterpillar", "Alice", "The Caterpillar"]


def test_novel_dialogue_alternates_between_two_speakers() -> None:
    turns = []
    for turn in range(8):
        turns.append(f"“Who are you, child {turn}?” said the Caterpillar.")
        turns.append(f"“I hardly know, sir, not at {turn},” said Alice.")
    found = speakers(*turns, "“I don’t see.”", "“I’m afraid I can’t put it more clearly.”")
    assert found[-2:] == ["The Caterpillar", "Alice"]


def test_news_quote_paragraphs_continue_the_last_speaker() -> None:
    found = speakers(
        "“We will cut taxes,” Donald Trump said.",
        "“We will raise wages,” Hillary Clinton said.",
        "“And we will do it in the first year of the presidency.”",
    )
    assert found == ["Donald Trump", "Hillary Clinton", "Hillary Clinton"]


def test_first_person_narrator_is_the_name_others_address() -> None:
    paragraphs = []
    for turn in range(6):
        paragraphs.append(f"“You are right, Watson,” said Holmes. “Case {turn} is simple.”")
        paragraphs.append(f"“Is it so?” I asked. “I thought case {turn} was hard.”")
    found = speakers(*paragraphs)
    assert found[2] == "Watson"
    assert found.count("Watson") == 12


def test_a_quote_with_no_cue_in_news_has_no_invented_speaker() -> None:
    assert speakers(
        "The article closes with a very clear “implication about the woman’s state of mind.”"
    ) == [None]


def test_name_and_colon_before_the_quote() -> None:
    assert speakers("Sen. Ted Cruz (R-Texas): “No deal will pass this year.”") == ["Ted Cruz"]


def test_sentence_subject_after_an_introductory_phrase() -> None:
    found = speakers(
        "During a speech earlier in the day, Trump attacked Clinton for her record, saying, “She is unstable.”"
    )
    assert found == ["Trump"]


def test_a_title_does_not_end_the_sentence() -> None:
    found = speakers(
        "Mr. King said that Mr. Schultz has seemed supportive of Mr. Trump -- “a different man to me.”"
    )
    assert found == ["Mr. King"]


def test_told_names_the_listener_not_the_speaker() -> None:
    assert speakers("Robby Mook told CBS, “We are focused on this debate.”") == ["Robby Mook"]


def test_the_subject_of_a_sentence_ending_in_a_colon() -> None:
    found = speakers("On July 6, Sanders made the following comment:", "“For young people the rate is high.”")
    assert found == ["Sanders"]


def test_according_to_at_the_start_of_a_sentence() -> None:
    assert speakers("According to Limbaugh, “if it was left up to her, she would say nothing.”") == [
        "Limbaugh"
    ]


def test_pronoun_falls_back_to_a_known_speaker_mentioned_before() -> None:
    found = speakers(
        "Sherlock Holmes took his bottle from the corner of the mantel-piece.",
        "“It is cocaine,” he said, “a seven-per-cent solution.”",
        "“Would you care to try it?” said Sherlock Holmes.",
    )
    assert found[0] == "Sherlock Holmes"


def test_a_headline_is_no_given_name() -> None:
    found = speakers(
        "Republicans Are Following Trump",
        "Donald Trump spoke in Ohio, and voters who are following him cheered when Trump appeared.",
        "“We will win,” Trump said.",
    )
    assert found == ["Donald Trump"]


def test_a_cue_closing_the_sentence_before_the_quote() -> None:
    found = speakers(
        "The administration may be reluctant to act, Schiff said. “The other factor is the election.”"
    )
    assert found == ["Schiff"]


def test_description_speaker_without_a_name_stays_a_description() -> None:
    found = speakers("“We need change,” the New York businessman said.")
    assert found == ["The New York businessman"]


def test_impersonal_subject_gives_way_to_the_named_one() -> None:
    found = speakers(
        "President Obama, opening the museum on Saturday, said it would tell a story of “suffering and delight.”"
    )
    assert found == ["Obama"]


def test_titles_before_a_full_name_go_when_linking_a_surname() -> None:
    found = speakers(
        "Air Force Gen. Norman Ham led the briefing.",
        "“We are ready,” Ham said.",
    )
    assert found == ["Norman Ham"]


def test_a_home_state_is_not_part_of_the_name() -> None:
    assert speakers("“It is unfair,” said Charles B. Rangel of New York.") == ["Charles B. Rangel"]


def test_a_one_word_sentence_opener_is_no_speaker() -> None:
    assert speakers("Contrary to his claim that people would “learn nothing,” there is much to learn.") == [
        None
    ]


def test_dialogue_line_after_narration_goes_to_the_character_it_names() -> None:
    turns = []
    for turn in range(8):
        turns.append(f"“Who are you, child {turn}?” said the Caterpillar.")
        turns.append(f"“I hardly know, sir, not at {turn},” said Alice.")
    found = speakers(*turns, "The Caterpillar took the hookah out of its mouth.", "“Explain yourself!”")
    assert found[-1] == "The Caterpillar"
