"""Who an act is aimed at, not how it travels: a protest lodged via an embassy in a third capital is not at that
capital, nor at the protesting state; ties named "with X" in a threat or a rejection name X. Sentences are ours."""

from __future__ import annotations

from coding_checks import triples


def test_a_protest_via_an_embassy_is_not_at_its_host():
    text = ("North Korea fired a ballistic missile over Japan on Tuesday. Tokyo lodged a protest via its embassy "
            "in Beijing, the chief cabinet secretary said.")
    got = triples(text, date="2022-10-04")
    assert ("JPN", "CHN", "ACCUSE") not in got
    assert ("JPN", "JPN", "ACCUSE") not in got


def test_a_complaint_through_channels_in_geneva():
    got = triples("Iran said it had lodged a complaint through diplomatic channels in Switzerland.", date="2022-10-04")
    assert ("IRN", "CHE", "ACCUSE") not in got and ("IRN", "IRN", "ACCUSE") not in got


def test_reconsidering_relations_with_an_organisation_threatens_it():
    got = triples("Tehran warned on Monday that it would reconsider its relations with the IAEA if the board "
                  "adopted a resolution against the country.", date="2022-10-04")
    assert any(a == "IRN" and r == "IAEA" and t == "THREATEN" for a, r, t in got)
    assert ("IRN", "IRN", "THREATEN") not in got


def test_a_protest_through_the_embassy_of_the_target_still_names_it():
    got = triples("Seoul lodged a protest with the Japanese embassy over the textbook on Friday.", date="2022-10-04")
    assert ("KOR", "JPN", "ACCUSE") in got
