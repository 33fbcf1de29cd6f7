"""How later references find their speaker: a role named after the verb, a colon that
introduces the quote, a handle after a name, and an unnamed speaker whose words the
sentence before reported. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from newsmine.nlp import extract_facts
from newsmine.records import Article

INTRO = "Mara Quill, a strategist at Fenwick Partners, said funds were buying. "


def speakers_of(text: str) -> list[str | None]:
    return [q.speaker for q in extract_facts([Article(source="t", text=text)])[0].quotes]


@pytest.mark.parametrize("attribution", [
    '"The dip is a gift," said the strategist on Tuesday.',  # the time after the role is no part of it
    '"The dip is a gift," said the strategist in a note to clients.',
])
def test_a_role_after_the_verb_may_run_on_into_when_and_where(attribution):
    assert speakers_of(INTRO + attribution) == ["Mara Quill"]


def test_a_title_of_several_words_finds_the_person_who_holds_it():
    text = ("Celia Brandt-Oduya, chief investment officer at Larchmont Asset Management, spoke on the second panel. "
            "Tomas Reid of Halden Capital said he had cut risk.\n\n"
            '"The leverage is gone and the buyers are still here," the chief investment officer wrote later.')
    assert speakers_of(text) == ["Celia Brandt-Oduya"]


def test_a_colon_before_the_quote_outranks_a_new_sentence_after_it():
    text = ("Kendra Moye, an analyst at Halvorsen & Pike, put the question to the chief executive: "
            '"How much of this revenue stays when bitcoin is at $40,000?" '
            "Executives said custody fees were growing faster than trading.")
    assert speakers_of(text) == ["Kendra Moye"]


def test_a_role_and_a_handle_around_the_name_before_a_colon():
    text = (INTRO + 'Popular analyst Veda Ramaswamy (@vedacharts) wrote on X: "Record, then a flush. '
            'The trend is still up."')
    assert speakers_of(text) == ["Veda Ramaswamy"]


@pytest.mark.parametrize("reported", [
    "Outside the hall, a trader at a Jakarta proprietary firm, who asked not to be named, said the reversal had caught him out.",
    "On the call, the exchange's finance chief said customers had traded $120 billion in April alone.",
])
def test_a_pronoun_after_an_unnamed_speakers_reported_words_is_that_speaker(reported):
    text = INTRO + reported + ' "April was the busiest month we have had," he said.'
    assert speakers_of(text) == [None]


def test_a_named_speakers_reported_words_still_give_the_pronoun_its_name():
    text = ("Harriet Vossberg, a strategist at Lindqvist & Rao, argued that the run had been built on borrowed money. "
            '"Funding was running at 0.1% every eight hours," she said.')
    assert speakers_of(text) == ["Harriet Vossberg"]
