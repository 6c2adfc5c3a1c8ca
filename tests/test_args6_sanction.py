"""A sanction that names envoys or sanctions is the actor's act also when no recipient is named ("recalled its
ambassador", "expelled ten Western ambassadors"); a named recipient still wins and the actor is never its own
recipient; other sanctions still need someone they are aimed at. Sentences are ours."""

from __future__ import annotations

import pytest
from coding_checks import triples


@pytest.mark.parametrize("text, actor", [
    ("Turkey recalled its ambassador on Tuesday, the foreign ministry in Ankara said.", "TUR"),
    ("Ankara expelled ten Western ambassadors on Saturday over a joint statement on a jailed businessman.", "TUR"),
    (("In a televised address on Tuesday, the American president announced tighter economic and travel sanctions "
      "on individuals close to the junta."), "USA"),
])
def test_sanction_between_states_without_recipient(text, actor):
    got = triples(text)
    assert (actor, None, "SANCTION") in got
    assert not any(a == r and t == "SANCTION" for a, r, t in got)


def test_named_recipient_still_wins():
    got = triples("The Turkish government recalled its ambassador from the Netherlands after the row over rallies.")
    assert ("TUR", "NLD", "SANCTION") in got
    assert ("TUR", None, "SANCTION") not in got


def test_the_suspension_noun_takes_the_one_other_country_of_the_sentence():
    got = triples("India's suspension of the water-sharing treaty was denounced on Thursday by Pakistan's "
                  "National Security Committee.")
    assert ("IND", "PAK", "SANCTION") in got


def test_the_source_of_a_report_is_no_target():
    got = triples("The military government suspended parts of the constitution in Haiti on Saturday, a spokeswoman "
                  "for the U.S. embassy said.")
    assert not any(t == "SANCTION" and r == "USA" for _, r, t in got)


def test_a_verb_of_the_sanction_class_is_not_a_sanction_noun():
    got = triples("The senator froze at the microphones as he arrived for a news conference at the Capitol in "
                  "Washington on Wednesday.")
    assert not any(t == "SANCTION" for _, _, t in got)
