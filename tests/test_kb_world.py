"""The world phrase set (tests/data/actor_phrases_world.txt): actor phrases of every region and era, in
the shapes dictionary coders are tested on, coded by the whole coder; and the classes fixed with it
(people holding office at once under one name, titles with an object, adjectives that give a role its
sector, demonyms and old country names)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WORLD = ROOT / "tests" / "data" / "actor_phrases_world.txt"


def _bench():
    sys.path.insert(0, str(ROOT / "bench"))
    import bench_actors

    return bench_actors


def test_the_world_phrase_set_has_every_shape() -> None:
    rows = _bench().read_phrases(WORLD)
    assert len(rows) >= 250
    sections = {r.section for r in rows}
    for shape in ("nationality adjective + role", "demonyms and peoples, odd forms",
                  "historical and other names of countries", "capitals and cities for the government",
                  "titles and office holders outside the G20 (names, dates)", "titles without a name",
                  "agencies, militaries and security forces by name", "international organisations",
                  "militant and armed groups", "parties", "surnames after a first full mention",
                  "ambiguous names resolved from context", "names alone in wire copy of 1999-2010"):
        assert shape in sections, shape
    assert sum(1 for r in rows if r.context) >= 40


@pytest.mark.slow
def test_world_actor_phrases_resolve_to_the_right_country() -> None:
    bench = _bench()
    res = bench.measure(bench.read_phrases(WORLD))
    report = "\n".join(f"  line {row.line}: {row.code} {row.phrase!r} got {got}" for row, got in res["misses"])
    assert res["country"] >= 0.97, f"country {res['country']:.3f}; misses:\n{report}"
    assert res["sector"] >= 0.95, f"sector {res['sector']:.3f}; misses:\n{report}"


def _first_actor(text: str, date: str, start: int = 0) -> tuple[str | None, str | None] | None:
    from dyadwatch.coding import code_text

    for e in code_text(text, date=date):
        if (e.trigger_start or 0) >= start and e.actor:
            return e.actor[0].code, e.actor[0].sector
    return None


@pytest.mark.parametrize("context, date, code", [
    ("", "2003-03-01", "JOR"),  # only Jordan's Abdullah was king
    ("Jordan hosted the regional summit in Amman on Sunday.", "2010-03-01", "JOR"),
    ("Saudi Arabia hosted the regional summit in Riyadh on Sunday.", "2010-03-01", "SAU"),
])
def test_two_office_holders_of_one_name_are_told_apart_by_the_article(context: str, date: str, code: str) -> None:
    prefix = context + " " if context else ""
    got = _first_actor(prefix + "King Abdullah accused Norway of breaking the agreement.", date, len(prefix))
    assert got and got[0] == code


@pytest.mark.parametrize("phrase, code, sector", [
    ("Israeli military chief of staff Herzi Halevi", "ISR", "MIL"),
    ("Nigeria's chief of defence staff", "NGA", "MIL"),
    ("an Israeli military spokesman", "ISR", "MIL"),
    ("a former Israeli official", "ISR", "ELI"),
    ("a senior Israeli official", "ISR", "GOV"),
    ("the White House chief of staff", "USA", "GOV"),
    ("Senegalese opposition supporters", "SEN", "OPP"),
])
def test_a_role_takes_the_sector_of_its_title_or_adjective(phrase: str, code: str, sector: str) -> None:
    text = phrase[0].upper() + phrase[1:] + " accused Norway of breaking the agreement."
    assert _first_actor(text, "2024-01-10") == (code, sector)


def test_a_noun_of_a_force_is_no_role() -> None:
    """'opposed the deployment of a peacekeeping force': the deployment is no actor of its own."""
    from dyadwatch.coding import code_text

    text = ("Rebels in the north on Friday rejected a Senegalese peace plan and opposed the deployment of a "
            "regional peacekeeping force, their spokesman said.")
    for e in code_text(text, date="2002-11-01"):
        assert not any(a.entity_text and "deployment" in a.entity_text for a in e.recipient or [])


@pytest.mark.parametrize("form, code", [
    ("Czechs", "CZE"), ("Bosniaks", "BIH"), ("Upper Volta", "BFA"), ("Dahomey", "BEN"),
    ("Tariq Aziz", "IRQ"), ("Daniel arap Moi", "KEN"), ("Franjo Tudjman", "HRV"),
    ("the Islamic Courts Union", "SOM"), ("LURD", "LBR"), ("the Armed Islamic Group", "DZA"),
])
def test_forms_of_the_world_are_known(form: str, code: str) -> None:
    from dyadwatch.kb import load_kb

    assert load_kb().resolve_phrase(form, "1999-06-01" if code != "CZE" else "2020-01-01") == code


@pytest.mark.parametrize("phrase, date, code, sector", [
    ("Assad's forces", "2019-03-01", "SYR", "MIL"),
    ("Putin's army", "2023-03-01", "RUS", "MIL"),
    ("Erdogan's government", "2023-03-01", "TUR", "GOV"),
    ("Navalny's supporters", "2021-03-01", "RUS", "OPP"),  # a crowd keeps its leader's sector
])
def test_a_leaders_possessive_before_a_role_takes_the_role(phrase: str, date: str, code: str, sector: str) -> None:
    assert _first_actor(phrase + " accused Norway of breaking the agreement.", date) == (code, sector)


@pytest.mark.parametrize("context, code", [
    ("", "LBY"),
    ("Clashes broke out in northern Lebanon on Sunday.", "LBN"),
    ("Rival administrations have ruled Libya since 2014.", "LBY"),
])
def test_tripoli_is_the_one_of_the_country_the_article_names(context: str, code: str) -> None:
    prefix = context + " " if context else ""
    got = _first_actor(prefix + "Officials in Tripoli accused Norway of breaking the agreement.", "2023-03-01",
                       len(prefix))
    assert got and got[0] == code


@pytest.mark.parametrize("context, date, code", [
    ("", "2005-03-01", "IND"),
    ("Nepal's king dismissed the government on Tuesday.", "2005-03-01", "NPL"),
    ("Fighting flared in the Philippine province of Samar on Sunday.", "2015-03-01", "PHL"),
])
def test_maoist_rebels_are_of_the_country_the_article_names(context: str, date: str, code: str) -> None:
    prefix = context + " " if context else ""
    got = _first_actor(prefix + "Maoist rebels accused Norway of breaking the agreement.", date, len(prefix))
    assert got == (code, "REB")


def test_an_insurgency_that_became_a_party_is_coded_by_the_date() -> None:
    text = "The Communist Party of Nepal (Maoist) accused Norway of breaking the agreement."
    assert _first_actor(text, "2004-03-01") == ("NPL", "REB")
    assert _first_actor(text, "2010-03-01") == ("NPL", "PTY")


@pytest.mark.parametrize("phrase, date, want", [
    ("The FMLN", "1989-03-01", ("SLV", "REB")),  # guerrillas until the 1992 peace accords
    ("The FMLN", "2010-03-01", ("SLV", "PTY")),
    ("RENAMO", "1990-03-01", ("MOZ", "REB")),
    ("The MPLA government", "1995-03-01", ("AGO", "GOV")),  # a party's rule is the government
    ("Kabila's rebels", "1997-03-01", ("COD", "REB")),
    ("The Contras", "1987-03-01", ("NIC", "REB")),
    ("The KGB", "1991-03-01", ("RUS", "SPY")),  # the Soviet one unless Belarus is named
])
def test_actors_of_the_1980s_and_1990s(phrase: str, date: str, want: tuple[str, str]) -> None:
    assert _first_actor(phrase + " accused Norway of breaking the agreement.", date) == want


def test_belarus_named_makes_the_kgb_belarusian() -> None:
    prefix = "Protesters were detained in Minsk, the capital of Belarus, on Sunday. "
    got = _first_actor(prefix + "The KGB accused Norway of breaking the agreement.", "2021-03-01", len(prefix))
    assert got == ("BLR", "SPY")


@pytest.mark.parametrize("context, phrase, code", [
    ("Taiwan reported Chinese warplanes near its coast on Monday.", "The self-ruled island", "TWN"),
    ("Singapore hanged a drug trafficker on Monday.", "The city-state", "SGP"),
    ("", "Africa's most populous nation", "NGA"),
])
def test_epithets_of_states(context: str, phrase: str, code: str) -> None:
    prefix = context + " " if context else ""
    got = _first_actor(prefix + phrase + " accused Norway of breaking the agreement.", "2023-03-01", len(prefix))
    assert got and got[0] == code
