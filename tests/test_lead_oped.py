"""A whole op-ed of our own, in the shape the planners measure: a missile test, criticism aimed at one
ally and not the other, commentary (long-standing aims, capability, a conditional) and a scraped
related-stories block glued to the author's name. Only the news is asserted; nothing comes from the debris."""

from __future__ import annotations

from dyadwatch.coding import code_text

OPED = """Missiles over the sea, and a message for the neighbours

By Tomas Okafor

August 2, 2022

North Korea fired three cruise missiles into the sea off its west coast on Tuesday, the first launches in six weeks, hours after the allies wrapped up their summer exercises. The state news agency called the launches a lesson for the puppets in the South.

The point deserves a second look. Kim Jong Un did not criticise Washington. He criticised Seoul. The North has long sought to split the allies, and it seems to think that the South can be pushed harder than the Americans.

The new missile, experts say, could slip under the radar that guards South Korea and could hit American bases there. If diplomacy fails, Pyongyang might resume testing long-range rockets able to reach Guam.

Related stories
Tomas OkaforTomas OkaforLawmakers urge fresh sanctions on Pyongyang over launches MORE
Tokyo and Seoul trade barbs over fishing rights MORE
"""


def _asserted(events):
    return [(e.actor[0].code if e.actor else None, e.recipient[0].code if e.recipient else None, e.event)
            for e in events if e.modality == "asserted"]


def test_the_news_of_an_oped_is_asserted_and_its_commentary_and_debris_are_not() -> None:
    events = code_text(OPED, date="2022-08-02")
    asserted = _asserted(events)
    # the launches, despite the loose apposition after the object ("..., the first launches in six weeks")
    assert ("PRK", None, "MOBILIZE") in asserted
    # the criticism of Seoul, and not of Washington
    assert ("PRK", "KOR", "ACCUSE") in asserted
    assert not any(a == "PRK" and r == "USA" for a, r, _ in asserted)
    # nothing from the related-stories block (sanctions urged, barbs traded)
    debris_words = ("urge", "trade", "Lawmakers", "barbs")
    for e in events:
        assert not any(w in (e.event_text or "") for w in debris_words), e.event_text
    # capability and conditional commentary are never asserted
    for e in events:
        if "could hit" in (e.event_text or "") or "might resume" in (e.event_text or ""):
            assert e.modality != "asserted", (e.event, e.event_text)


def test_a_loose_apposition_after_the_object_does_not_replace_it() -> None:
    for text in (
        "Iran launched two satellites into orbit on Sunday, the first launches since the spring.",
        "North Korea fired a ballistic missile into the sea on Friday, its fourth test this month.",
        "Russia fired cruise missiles at Kharkiv on Monday, the heaviest barrage in weeks.",
    ):
        assert any(e.modality == "asserted" for e in code_text(text, date="2022-08-02")), text
    # the predicate reading without a comma stays: "branded the strike a war crime" is an accusation
    got = _asserted(code_text("Ukraine branded the strike a war crime.", date="2022-08-02"))
    assert any(a == "UKR" and t == "ACCUSE" for a, _, t in got)
