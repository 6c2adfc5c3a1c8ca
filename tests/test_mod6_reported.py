"""A side's report of another side's hostile act: the act is reported as fact (asserted, as wire copy
attributes facts) and the report is the side's accusation of the doer; a side's report of its own act is the
act. Sentences written for these tests."""

from __future__ import annotations

import pytest
from coding_checks import triples

REPORTED = [
    ("Kyiv said Russian troops had detained the mayor of Kherson.", [("UKR", "RUS", "ACCUSE")]),
    ("Beirut said Israeli drones struck two villages near Tyre on Sunday, wounding a soldier.",
     [("ISR", "LBN", "ASSAULT"), ("LBN", "ISR", "ACCUSE")]),
    ("Yerevan said on Monday that Azerbaijani forces had shelled Armenian positions near Sotk.",
     [("AZE", "ARM", "ASSAULT"), ("ARM", "AZE", "ACCUSE")]),
]


@pytest.mark.parametrize("text, wanted", REPORTED)
def test_a_sides_report_of_the_others_attack(text: str, wanted: list[tuple[str, str, str]]) -> None:
    got = triples(text)
    for t in wanted:
        assert t in got, (t, got)


@pytest.mark.parametrize("text, wanted", [
    ("Britain said on Monday it had expelled two Russian diplomats.", ("GBR", "RUS", "SANCTION")),
    ("Ukraine's air force said it shot down 18 of 20 Russian drones launched overnight.", ("UKR", "RUS", "ASSAULT")),
])
def test_a_sides_report_of_its_own_act(text: str, wanted: tuple[str, str, str]) -> None:
    got = triples(text)
    assert wanted in got and not any(t == "ACCUSE" for _, _, t in got), got

