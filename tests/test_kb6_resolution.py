"""Who a name is, in shapes real news has (kb6, 2026-12-03): a government named after its leader by one
name word ("the Moon government", "the Biden administration", "Netanyahu's cabinet"), a party that many
countries' parties are named like ("the Conservatives") in a story about another country, a group that
speaks of talks with a country is not of that country (no self-dyad), towns both sides of the Line of
Control bear (Nowshera) and a town that shares a small party's name (Uri).

Every sentence is written by the team.
"""

from __future__ import annotations

import pytest
from coding_checks import triples

from dyadwatch.coding import code_text
from dyadwatch.kb import load_kb


def pairs(text: str, date: str) -> set[tuple[str | None, str | None]]:
    return {(a, r) for a, r, _ in triples(text, date)}


@pytest.mark.parametrize("text, date, want", [
    ("The Moon government proposed military talks with Pyongyang on Monday, a week after the border shooting.",
     "2019-03-01", ("KOR", "PRK")),
    ("In a statement, the Biden administration accused Beijing of coercing Taiwan's trading partners.",
     "2022-08-01", ("USA", "CHN")),
    ("The Trump administration on Tuesday imposed sanctions on two Iranian oil firms.", "2019-06-01",
     ("USA", "IRN")),
    ("Officials said the Erdogan government had accused Athens of arming islands in the Aegean.", "2020-09-01",
     ("TUR", "GRC")),
    ("Netanyahu's cabinet rejected the Egyptian truce proposal late on Sunday.", "2019-05-01", ("ISR", "EGY")),
])
def test_a_government_named_after_its_leader(text: str, date: str, want: tuple[str, str]) -> None:
    got = pairs(text, date)
    assert want in got, got


def test_the_government_of_a_former_leader_is_still_the_government() -> None:
    # a 2022 story about the previous administration: the United States government, not a former official
    evs = [(a.code, a.sector) for e in code_text(
        "The Trump administration imposed sanctions on Venezuela's oil company in 2019.", date="2022-03-01")
        for a in e.actor]
    assert ("USA", "GOV") in evs, evs


@pytest.mark.parametrize("text", [
    "The government proposed talks with Pyongyang on Monday, officials said.",
    "The ministry signed a new gas deal with Ankara on Thursday.",
])
def test_a_group_in_talks_with_a_country_is_not_of_that_country(text: str) -> None:
    got = pairs(text, "2019-03-01")
    assert not any(a is not None and a == r for a, r in got), got
    assert ("PRK", "PRK") not in got and ("TUR", "TUR") not in got, got


def test_leader_named_needs_one_country() -> None:
    kb = load_kb()
    assert kb.leader_named("Moon", "2019-03-01").code == "KOR"
    assert kb.leader_named("Modi", "2016-03-01").code == "IND"
    assert kb.leader_named("Trump", "2022-03-01").code == "USA"  # no longer in office, the only country
    assert kb.leader_named("Government", "2019-03-01") is None
    # in 2021 South Korea's prime minister and North Korea's leader were both Kims
    assert kb.leader_named("Kim", "2021-09-01") is None


@pytest.mark.parametrize("text, want", [
    ("In Vilnius, the Conservatives accused the Kremlin of meddling in the municipal elections.", ("LTU", "RUS")),
    (("Lithuania holds a parliamentary election on Sunday. The Conservatives accused Moscow of spreading "
      "false stories about the candidates."), ("LTU", "RUS")),
    ("The Homeland Union (Conservatives) criticised Russia over the pipeline, Lithuanian media reported.",
     ("LTU", "RUS")),
])
def test_a_generic_party_name_is_of_the_articles_country(text: str, want: tuple[str, str]) -> None:
    got = pairs(text, "2021-06-01")
    assert want in got, got
    assert not any(a == "GBR" for a, _ in got), got


def test_the_british_conservatives_stay_british() -> None:
    got = pairs("The Conservatives accused Labour of lying about the waiting lists of the health service.",
                "2019-03-01")
    assert ("GBR", "GBR") in got, got
    got = pairs("British voters go to the polls on Thursday. The Conservatives accused Labour of lying.",
                "2019-03-01")
    assert ("GBR", "GBR") in got, got


def test_nowshera_is_read_from_the_article() -> None:
    got = pairs("Pakistani police in Nowshera arrested two militants on Sunday, officials in Peshawar said.",
                "2019-03-01")
    assert ("PAK", "PAK") in got, got
    # with no country named, a name both sides bear places no one
    assert pairs("Police in Nowshera arrested two militants on Sunday.", "2019-03-01") == set()


def test_a_town_named_like_a_small_party_is_the_town() -> None:
    got = pairs("Militants attacked an army camp in Uri, killing 19 Indian soldiers.", "2016-09-20")
    assert not any("KOR" in (a, r) for a, r in got), got


@pytest.mark.parametrize("text, date, want", [
    ("Petro flew to Havana on Thursday for talks with the ELN commanders.", "2023-06-08", ("COL", "CUB")),
    ("US Charge d'Affaires Louis Bono accused Iran of expanding its enrichment work.", "2024-06-05", ("USA", "IRN")),
    ("Police in Katmandu arrested dozens of protesters demanding the return of the monarchy.", "2023-03-28",
     ("NPL", "NPL")),
])
def test_names_news_writes_short_or_old(text: str, date: str, want: tuple[str, str]) -> None:
    got = pairs(text, date)
    assert want in got, got


def test_lithuanian_parties_and_indian_soldiers() -> None:
    kb = load_kb()
    assert kb.resolve_phrase("the Homeland Union", "2021-06-01") == "LTU"
    assert kb.party_role("Homeland Union", "2021-06-01") == "governing"
    assert kb.party_role("Homeland Union", "2017-06-01") == "opposition"
    assert kb.sector_of("jawans") == "MIL"
    # state media speak for their government (not a press role)
    assert kb.sector_of("state television") == "GOV"
