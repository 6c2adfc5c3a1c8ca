"""Actors on real-news shapes (kb7, 2026-12-04): agencies named by their own names or initials in
either spelling ("US Treasury", "U.S. Treasury", "OFAC"), a national army whose name ends like an
armed group's ("Tanzania People's Defence Force" is not Myanmar's People's Defence Force), a city that
shares a word with a person's name written as a place ("police in Lagos": Ricardo Lagos is Chile's),
a bare state body whose only country in the sentence is its target's ("The Treasury imposed sanctions
on three Iranian firms" is no Iranian act), and a subject noun that names no one with the members it
lists after "including" / "such as".

Every sentence is written by the team.
"""

from __future__ import annotations

import pytest
from coding_checks import triples

from dyadwatch.kb import load_kb


def actors(text: str, date: str = "2024-05-01") -> set[str | None]:
    return {a for a, _, _ in triples(text, date, asserted=False)}


@pytest.mark.parametrize("phrase, code", [
    ("OFAC", "USA"),
    ("the Treasury's Office of Foreign Assets Control", "USA"),
    ("US Treasury", "USA"),
    ("the U.S. Treasury", "USA"),
    ("Tanzania People's Defence Force", "TZA"),
    ("the SSPDF", "SSD"),
    ("South Sudan People's Defence Forces", "SSD"),
    ("Bangko Sentral ng Pilipinas", "PHL"),
    ("Germany's Federal Constitutional Court", "DEU"),
    ("the Carabineros", "CHL"),
    ("Venezuela's Bolivarian National Guard", "VEN"),
    ("the Jandarma", "TUR"),
    ("the South African Police Service", "ZAF"),
    ("People's Defence Force", "MMR"),  # the armed group itself is still Myanmar's
])
def test_agencies_by_their_own_names(phrase: str, code: str) -> None:
    assert load_kb().resolve_phrase(phrase, "2024-05-01") == code


@pytest.mark.parametrize("text, want", [
    ("The US Treasury on Thursday accused Iran of funding Houthi attacks on shipping.", ("USA", "IRN", "ACCUSE")),
    ("OFAC imposed sanctions on three Hong Kong-based firms it said had shipped drone parts to Iran.",
     ("USA", "HKG", "SANCTION")),
    (("The U.S. Treasury Department's Office of Foreign Assets Control imposed sanctions on two Iranian "
      "oil traders on Tuesday."), ("USA", "IRN", "SANCTION")),
    ("Tanzania People's Defence Force troops shelled rebel positions north of Goma on Sunday.",
     ("TZA", "COD", "ASSAULT")),
])
def test_agencies_act(text: str, want: tuple[str, str, str]) -> None:
    got = triples(text, "2024-05-01", asserted=False)
    assert want in got, got


@pytest.mark.parametrize("text", [
    "Police in Lagos arrested 30 protesters on Tuesday after a march against fuel prices.",
    "Lagos police fired tear gas at hundreds of protesters who had blocked the main highway.",
    "Riot police in Lagos detained an opposition lawmaker on Wednesday, his party said.",
])
def test_a_city_named_like_a_person_is_the_place(text: str) -> None:
    assert "NGA" in actors(text)


def test_the_surname_alone_is_still_no_city() -> None:
    # Ricardo Lagos named by surname after a first full mention is Chile's former president, not Nigeria
    text = ("Former Chilean President Ricardo Lagos criticised Bolivia on Monday over the border talks. "
            "Lagos said Bolivia had broken its word.")
    assert "NGA" not in actors(text, "2010-05-01")


@pytest.mark.parametrize("text, wrong", [
    ("The Treasury imposed sanctions on three Iranian firms on Friday.", "IRN"),
    ("The foreign ministry imposed sanctions on two Russian banks and a shipping company.", "RUS"),
    ("The government imposed sanctions against several Belarusian officials on Monday.", "BLR"),
])
def test_a_body_is_not_of_its_targets_country(text: str, wrong: str) -> None:
    assert wrong not in actors(text)


@pytest.mark.parametrize("text, members, target", [
    ("Western countries, including France and Germany, condemned Russia's annexation of the four regions.",
     {"FRA", "DEU"}, "RUS"),
    ("Several governments, such as Kenya and Uganda, criticised Somalia on Thursday over the expulsions.",
     {"KEN", "UGA"}, "SOM"),
    ("Gulf states including Qatar and Oman urged Israel on Sunday to halt the offensive in Gaza.",
     {"QAT", "OMN"}, "ISR"),
])
def test_the_members_a_subject_lists_act(text: str, members: set[str], target: str) -> None:
    got = triples(text, "2024-05-01", asserted=False)
    have = {a for a, r, _ in got if r == target}
    assert members <= have, got


def test_an_appositive_of_allies_adds_no_actor() -> None:
    text = "Russia and Iran, the main allies of the Syrian government, condemned Israel on Monday over the strikes."
    assert actors(text) == {"RUS", "IRN"}


@pytest.mark.parametrize("text", [
    "Chad Daniels, a local businessman, criticised the council on Monday.",
    "Michael Jordan criticised the league on Tuesday for its new rules.",
    "The family roasted a turkey and served it on fine china.",
])
def test_names_that_are_no_state(text: str) -> None:
    got = actors(text)
    assert not got & {"TCD", "JOR", "TUR", "CHN"}, got


@pytest.mark.parametrize("text, wrong", [
    ("Deputy Minister Halvorsenn on Tuesday criticised Norway over its fishing quotas.", "NOR"),
    ("Interior Minister Okonkwo-Baptiste held talks with Ghana on the border dispute.", "GHA"),
    ("Ambassador Rupert Halloway condemned Argentina's new tariffs on steel imports.", "ARG"),
])
def test_a_titled_stranger_is_not_of_the_state_the_act_names(text: str, wrong: str) -> None:
    assert wrong not in actors(text)


def test_a_titled_stranger_acting_at_home_is_of_the_place() -> None:
    # no party named as a whole: the place of the act still gives the office holder's country
    text = "President Jean-Baptiste Okarimwe threatened to impose a curfew in Kinshasa after the riots."
    assert "COD" in actors(text)
