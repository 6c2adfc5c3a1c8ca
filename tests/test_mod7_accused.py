"""A side's accusation that a named other attacked ("Armenia accused Azerbaijan of shelling a settlement") reports
the attack as fact, beside the accusation, as "X said Y attacked" does (realdev convention, issue 8's speaker
events); a critic's, a habitual or an unnamed doer's stays claimed. A discourse "however" is no free relative;
"insisted that X was doing" states, it demands nothing. Sentences written for these tests."""

from __future__ import annotations

import pytest
from coding_checks import triples


@pytest.mark.parametrize("text, wanted", [
    ("The Georgian interior ministry accused Russia of shelling two villages near Gori on Saturday.",
     [("GEO", "RUS", "ACCUSE"), ("RUS", "GEO", "ASSAULT")]),
    # the recipient is the accuser when the clause names only a place of the attacker's own
    ("Islamabad accused India on Tuesday of shelling border villages in Kashmir.",
     [("PAK", "IND", "ACCUSE"), ("IND", "PAK", "ASSAULT")]),
    # a conjunct inherits its subject; a discourse 'however' opens the sentence
    ("Baku insisted it was respecting the truce, but accused Armenian forces of shelling the town of Terter.",
     [("AZE", "ARM", "ACCUSE"), ("ARM", "AZE", "ASSAULT")]),
    ("However, within hours of the truce, Kyiv accused Russian troops of shelling Kherson.",
     [("UKR", "RUS", "ACCUSE"), ("RUS", "UKR", "ASSAULT")]),
])
def test_a_sides_accusation_of_an_attack_asserts_it(text: str, wanted: list[tuple]) -> None:
    got = triples(text)
    for t in wanted:
        assert t in got, (t, got)


@pytest.mark.parametrize("text, unwanted", [
    # critics are no side
    ("Critics accused the Serbian army of shelling villages in Kosovo.", ("SRB", None, "ASSAULT")),
    # a habit
    ("Moscow has repeatedly accused Kyiv of shelling the Zaporizhzhia plant.", ("UKR", "RUS", "ASSAULT")),
    # the doer is a bare noun the coder guesses, not the named accused
    ("Officials in Abkhazia asked Moscow for help, accusing the government of waging an economic war on them.",
     ("RUS", "GEO", "ASSAULT")),
    # a passive accusation names no accuser
    ("The Rwandan army was accused of shelling Congolese villages.", ("RWA", "COD", "ASSAULT")),
])
def test_other_accusations_leave_the_act_claimed(text: str, unwanted: tuple) -> None:
    got = triples(text)
    assert unwanted not in got and not any(t == "ASSAULT" for _a, _r, t in got), got


def test_a_connective_however_is_no_habit() -> None:
    got = triples("However, on Monday the Philippines accused China of ramming a supply boat near the shoal.")
    assert ("PHL", "CHN", "ACCUSE") in got, got


def test_a_free_relative_however_still_generalises() -> None:
    assert ("RUS", "UKR", "THREATEN") not in triples("Moscow threatens Kyiv however it likes.")


@pytest.mark.parametrize("text", [
    "Azerbaijan's defence ministry insisted that Azerbaijan was observing the ceasefire.",
    "Prime Minister Pashinyan insisted his country continues to adhere to the truce.",
    "The junta insisted that the elections had been free and fair.",
])
def test_insisting_on_a_fact_is_no_demand(text: str) -> None:
    got = triples(text)
    assert not any(t == "REQUEST" for _a, _r, t in got), got


@pytest.mark.parametrize("text, wanted", [
    ("Iran insisted that the inspectors leave the country at once.", ("IRN", None, "REQUEST")),
    ("Kenya insisted on the release of its citizens held in Uganda.", ("KEN", None, "REQUEST")),
    ("Ankara insisted that Stockholm must extradite the activists.", ("TUR", "SWE", "REQUEST")),
])
def test_insisting_on_an_act_is_a_demand(text: str, wanted: tuple) -> None:
    got = triples(text)
    assert any(a == wanted[0] and t == "REQUEST" and (wanted[1] is None or r == wanted[1]) for a, r, t in got), got
