"""Joint acts with several parties: "counterparts from A, B and C" are those countries' officials (not the
possessor's); meetings held "bilateral" or "separate" with several parties pair each with the actor, not the
others among themselves; plain talks with several parties stay everyone with everyone. Sentences are ours."""

from __future__ import annotations

from coding_checks import triples


def test_bilateral_meetings_with_counterparts_from_several_countries():
    got = triples("Malaysian Foreign Minister Mohamad Hasan held bilateral meetings with his counterparts from "
                  "Japan, South Korea and Vietnam on the sidelines of the regional summit on Thursday.",
                  date="2024-07-25")
    for c in ("JPN", "KOR", "VNM"):
        assert ("MYS", c, "CONSULT") in got and (c, "MYS", "CONSULT") in got
    assert ("JPN", "KOR", "CONSULT") not in got and ("KOR", "VNM", "CONSULT") not in got
    assert ("MYS", "MYS", "CONSULT") not in got


def test_counterparts_of_the_countries_of_a_list():
    got = triples("Kenya's foreign minister held separate talks with her counterparts of the two neighbouring "
                  "countries of Uganda and Tanzania in Nairobi.", date="2024-07-25")
    assert ("KEN", "UGA", "CONSULT") in got and ("TZA", "KEN", "CONSULT") in got
    assert ("UGA", "TZA", "CONSULT") not in got


def test_a_meeting_of_three_stays_everyone_with_everyone():
    got = triples("Lavrov met his counterparts from Armenia and Azerbaijan in Moscow on Friday for talks on the "
                  "border.", date="2024-07-25")
    assert ("RUS", "ARM", "CONSULT") in got and ("AZE", "RUS", "CONSULT") in got
    assert ("ARM", "AZE", "CONSULT") in got


def test_a_counterpart_in_a_capital_names_that_country():
    got = triples("The Iranian foreign minister phoned his counterpart in Muscat on Sunday.", date="2024-07-25")
    assert ("IRN", "OMN", "CONSULT") in got and ("IRN", "IRN", "CONSULT") not in got


def test_counterparts_with_no_country_are_no_one_new():
    got = triples("The minister praised her counterparts for their work on the budget.", date="2024-07-25")
    assert not any(t == "CONSULT" for _, _, t in got)
