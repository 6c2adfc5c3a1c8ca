"""One act restated in an article is one event with every mention: a restatement dated by a coarser period
that holds the first mention's day ("in August" after "on Wednesday, Aug 22") joins it; a restatement dated to
another period stays its own act. Texts are ours, in wire shapes."""

from __future__ import annotations

from dyadwatch.coding import code_text


def _requests(text: str, date: str) -> list:
    return [e for e in code_text(text, date=date) if e.event == "REQUEST" and e.modality == "asserted"]


def test_a_month_dated_restatement_joins_the_day_dated_act():
    text = ("DHAKA, Aug 23 (Wire) - Thousands of students demanded an end to emergency rule on Wednesday in Dhaka, "
            "Bangladesh.\n\nStudents in Bangladesh demanded an end to emergency rule in August, witnesses said.\n")
    got = _requests(text, "2007-08-23")
    assert len(got) == 1
    spots = [m.get("sentence_index") for m in got[0].mentions]
    assert len(spots) == 2 and spots[0] < spots[1]
    assert got[0].date_precision == "day"


def test_a_restatement_of_another_month_is_another_act():
    text = ("DHAKA, Aug 23 (Wire) - Thousands of students demanded an end to emergency rule on Wednesday in Dhaka, "
            "Bangladesh.\n\nStudents in Bangladesh demanded an end to emergency rule in March, witnesses said.\n")
    assert len(_requests(text, "2007-08-23")) == 2


def test_two_days_stay_two_acts():
    text = ("Students in Bangladesh demanded an end to emergency rule on Monday, witnesses said.\n\n"
            "Students in Bangladesh demanded an end to emergency rule on Wednesday, witnesses said.\n")
    assert len(_requests(text, "2007-08-23")) == 2
