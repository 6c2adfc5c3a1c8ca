"""Who acts when the text names the actor by a definite role noun it used before, by a name several
states give their own body, by a ship, or by weapons it launched (kb7, 2026-12-04):

- "The spokesperson also criticised ..." after "a North Korean defence ministry spokesperson denounced
  ...": the subject last named with that role noun, not the country the object names;
- "the Foreign Office" is Pakistan's in a story from Islamabad and Britain's elsewhere, read from the
  countries named before it, never from its own object;
- "the USS Carney" is a U.S. Navy ship, not a person called Carney;
- "launched a barrage of rockets targeting a kibbutz in northern Israel": the launcher attacks, not the
  place hit; "the Red Sea" is a sea, not Sudan's Red Sea state.

Every sentence is written by the team.
"""

from __future__ import annotations

import pytest
from coding_checks import triples

from dyadwatch.coding import code_text


def pairs(text: str, date: str = "2024-05-01") -> set[tuple[str | None, str | None]]:
    return {(a, r) for a, r, _ in triples(text, date, asserted=False)}


def actors(text: str, date: str = "2024-05-01") -> set[str | None]:
    return {a for a, _, _ in triples(text, date, asserted=False)}


@pytest.mark.parametrize("text, want", [
    (("A North Korean defence ministry spokesperson on Saturday denounced talks in Seoul at which the United "
     "States and South Korea agreed to expand their joint drills. The spokesperson also criticised the visit "
     "of the USS Ronald Reagan to Busan, South Korea, on Sunday."), "PRK"),
    (("A North Korean defence ministry spokesperson on Saturday denounced the joint drills as a rehearsal for "
     "invasion. The spokesperson also criticised the visit of an American aircraft carrier to Busan, South "
     "Korea, on Sunday."), "PRK"),
    (("Kenya's interior ministry accused Somalia on Monday of harbouring the attackers. The ministry also "
     "condemned Ethiopia over the border closure, calling it a hostile act."), "KEN"),
    (("The Iranian foreign ministry spokesman rejected the IAEA report as political. In a separate statement, "
     "the spokesman condemned Britain, France and Germany for drafting the board resolution."), "IRN"),
])
def test_a_definite_role_noun_is_the_one_named_before(text: str, want: str) -> None:
    start = text.index(". ") + 2  # the events of the second sentence, coded with the first one before it
    later = {a.code for e in code_text(text, date="2024-05-01") if (e.trigger_start or 0) >= start
             and e.event == "ACCUSE" for a in e.actor}  # (the criticism, not a visit it names)
    assert later == {want}, later


def test_a_role_noun_named_by_nobody_before_is_not_guessed_from_it() -> None:
    # the protesters are placed by the other rules (their city), never by an earlier party named with the noun
    text = ("Protesters in Nairobi demanded the president's resignation on Tuesday. In Kampala, the protesters "
            "accused Uganda's government of rigging the vote.")
    assert ("KEN", "UGA") not in pairs(text)


@pytest.mark.parametrize("text, want", [
    (("Islamabad: Foreign Office has taken strong exception to India's remarks about the Kashmir dispute, "
     "calling them irresponsible."), "PAK"),
    ("At her weekly briefing in Islamabad, the Foreign Office spokesperson rejected India's claims.", "PAK"),
    ("The Foreign Office summoned Pakistan's high commissioner in London on Monday over the remarks.", "GBR"),
    ("The Foreign Office criticised Iran on Friday for detaining two British nationals.", "GBR"),
])
def test_the_foreign_office_by_the_countries_named_before(text: str, want: str) -> None:
    assert want in actors(text), actors(text)


@pytest.mark.parametrize("text, navy", [
    ("The USS Carney shot down three drones over the Gulf of Aden on Tuesday.", "USA"),
    ("HMS Diamond shot down a drone launched from Yemen, the defence ministry in London said.", "GBR"),
])
def test_a_ship_is_its_navy(text: str, navy: str) -> None:
    got = actors(text, "2024-01-10")
    assert navy in got and got <= {navy, "YEM"}, got


def test_the_red_sea_is_no_state() -> None:
    text = "U.S. warships shot down seven drones over the Red Sea on Saturday, the Pentagon said."
    assert not {r for _, r in pairs(text, "2024-01-10")} & {"SDN", "EGY"}


@pytest.mark.parametrize("text, want", [
    ("Hezbollah launched a barrage of rockets targeting a kibbutz in northern Israel on Tuesday.", ("LBN", "ISR")),
    ("Russia fired a salvo of missiles targeting power plants across western Ukraine overnight.", ("RUS", "UKR")),
])
def test_the_launcher_attacks(text: str, want: tuple[str, str]) -> None:
    got = pairs(text)
    assert want in got and (want[1], want[1]) not in got, got


@pytest.mark.parametrize("text", [
    "In April, four Shebab gunmen killed 148 people at a university in the Kenyan town of Garissa.",
    "Al-Shebab fighters attacked a police post near the Kenyan border town of Mandera on Sunday.",
])
def test_shebab_is_al_shabaab(text: str) -> None:
    assert ("SOM", "KEN") in pairs(text)


@pytest.mark.parametrize("word, date, title, code", [
    ("Marsudi", "2016-05-01", "Minister", "IDN"),  # Retno Marsudi, foreign minister 2014-2024
    ("Albusaidi", "2023-03-01", "Minister", "OMN"),
    ("Marsudi", "2012-05-01", "Minister", None),  # not yet in office
    ("Marsudi", "2016-05-01", "President", None),  # a title her office is not
    ("Smith", "2016-05-01", "Minister", None),  # the surname of several countries' office holders, or of none
    ("Khan", "2020-05-01", "Minister", None),
])
def test_a_surname_after_a_title(word: str, date: str, title: str, code: str | None) -> None:
    from dyadwatch.kb import load_kb

    e = load_kb().holder_named(word, date, title)
    assert (e.code if e else None) == code


def test_a_titled_surname_acts() -> None:
    text = "Minister Albusaidi on Sunday urged Iran and the United States to return to the talks in Muscat."
    got = triples(text, "2023-03-01", asserted=False)
    assert ("OMN", "IRN", "REQUEST") in got, got
