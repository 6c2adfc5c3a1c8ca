"""Modality of reported and embedded acts: a denial taken back by a later admission leaves the act asserted;
the demands of a vetoed or draft resolution are not made; what one advises or authorises others to do is not
done; a news agency quoting a side reports the act, it does not make it a side's claim. Sentences written for
these tests."""

from __future__ import annotations

import pytest
from coding_checks import triples


@pytest.mark.parametrize("text, triple", [
    (("Iran at first denied shooting down the Ukrainian airliner but later admitted its forces had downed it by "
      "mistake."), ("IRN", "UKR", "ASSAULT")),
    ("Russia initially denied that its jets had bombed the market in Idlib, but later acknowledged the strike.",
     ("RUS", "SYR", "ASSAULT")),
])
def test_a_denial_taken_back(text: str, triple: tuple[str, str, str]) -> None:
    got = triples(text)
    assert triple in got, got


@pytest.mark.parametrize("text", [
    "The government denied that police had beaten the protesters in Harare.",
    "Russia denied that its jets had bombed the market in Idlib and said it would never admit to lies.",
])
def test_a_denial_stands(text: str) -> None:
    got = triples(text)
    assert not any(t == "ASSAULT" for _, _, t in got), got


@pytest.mark.parametrize("text", [
    "The United States vetoed a draft resolution demanding an immediate ceasefire in Gaza.",
    "Moscow blocked a resolution calling on Syria to allow aid convoys into Aleppo.",
    "Diplomats circulated a draft resolution urging Myanmar to free political prisoners.",
])
def test_demands_of_a_text_not_adopted(text: str) -> None:
    got = triples(text)
    assert not any(t == "REQUEST" for _, _, t in got), got


def test_what_is_advised_is_not_done() -> None:
    got = triples("India has advised its citizens to limit their movements in Bangladesh.")
    assert not any(t == "COERCE" for _, _, t in got), got


def test_a_news_agency_quoting_a_side() -> None:
    got = triples("Yonhap quoted the Joint Chiefs of Staff as saying that North Korea fired two ballistic missiles "
                  "into the sea on Thursday.")
    assert any(a == "PRK" and t == "MOBILIZE" for a, _, t in got), got
