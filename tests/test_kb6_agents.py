"""Who acts when the doer is a role noun with no country of its own ("police", "troops", "the company") or a
first-person pronoun (kb6, 2026-12-03): a country named far from the act (inside a relative clause, an
adnominal or adverbial clause of the act, deep in a chain of prepositions, or as the victims of another
verb's passive) does not place the group, and "we" / "our" stand for their speaker, never for a name before
them (an op-ed's writer is no one the text names).

Every sentence is written by the team.
"""

from __future__ import annotations

import pytest
from coding_checks import triples


def actors(text: str, date: str = "2019-03-01") -> set[str | None]:
    return {a for a, _, _ in triples(text, date, asserted=False)}


@pytest.mark.parametrize("text, far", [
    ("Police arrested a man who had recently returned from Syria on Monday.", "SYR"),
    ("Troops fired on demonstrators who were calling for closer ties with Russia.", "RUS"),
    ("Security forces detained a journalist who had written about the war in Ukraine.", "UKR"),
    ("Rebels attacked a convoy carrying food donated by Japan.", "JPN"),
    ("The company accused the regulator of bias after its contract with China was cancelled.", "CHN"),
    ("A spokesman told reporters the army would retaliate against any attack from across the border with India.",
     "IND"),
    ("Two Chinese engineers were killed when their convoy was hit by a bomb, police said.", "CHN"),
])
def test_a_far_away_country_does_not_place_the_group(text: str, far: str) -> None:
    got = actors(text)
    assert far not in got, got


@pytest.mark.parametrize("text, want", [
    ("Police in Karachi arrested 12 suspected militants on Monday.", "PAK"),
    ("Pakistani officials said police had arrested 12 suspected militants in a raid on Monday.", "PAK"),
    ("Police arrested 12 suspected militants in Lahore on Monday after a tip-off.", "PAK"),
])
def test_a_near_place_still_places_the_group(text: str, want: str) -> None:
    got = actors(text)
    assert want in got, got


@pytest.mark.parametrize("text, wrong", [
    ("We must stand with Ukraine against Russian aggression, and our leaders must act now.", "RUS"),
    ("Our government has failed to stop China from bullying its neighbours in the South China Sea.", "CHN"),
    ("After years of Iranian threats, we must now impose the toughest sanctions on Tehran.", "IRN"),
])
def test_first_person_in_commentary_is_no_named_country(text: str, wrong: str) -> None:
    got = actors(text)
    assert wrong not in got, got


@pytest.mark.parametrize("text, want", [
    (('"We will not negotiate with terrorists," the Indian foreign minister said, accusing Pakistan of '
      'harbouring militants.'), ("IND", "PAK")),
    ('"Our forces will hit back at any aggression from Kabul," Pakistan\'s army chief said on Monday.',
     ("PAK", "AFG")),
])
def test_first_person_is_its_speaker(text: str, want: tuple[str, str]) -> None:
    got = {(a, r) for a, r, _ in triples(text, "2019-03-01", asserted=False)}
    assert want in got, got
    assert not any(a == want[1] for a, _ in got), got


def test_an_unnamed_force_is_its_speakers() -> None:
    # the act's place is where the force strikes, not whose force it is
    got = {(a, r) for a, r, _ in triples(
        'The air force is "currently striking the launch sources in Lebanon", the Israeli army said.', "2021-08-06")}
    assert ("ISR", "LBN") in got, got
    assert ("LBN", "LBN") not in got, got


def test_we_in_a_quote_is_the_speaker_named_before() -> None:
    text = ('The United States called on Pakistan to show restraint after the strikes. "We urge Pakistan to '
            'exercise restraint and ensure civilians are not harmed," a spokesman said.')
    got = {(a, r) for a, r, _ in triples(text, "2024-03-20", asserted=False)}
    assert ("USA", "PAK") in got, got
    assert not any(a == "AFG" or a == r for a, r in got), got
