"""A state's verdict on "the junta" or "the regime" is on another country's rulers; troops acting at home
on an unnamed crowd stay at home (no foreign actor guessed for them); a news outlet named with its
country ("the Czechoslovak news agency Ceteka reported") is no party to what it reports. Sentences are ours."""

from __future__ import annotations

import pytest
from test_coding_arguments import triples


@pytest.mark.parametrize("text, expected, wrong", [
    (("Mali's junta expelled the French ambassador on Monday, a day after Paris described the junta as "
     "illegitimate."), ("FRA", "MLI", "ACCUSE"), ("FRA", "FRA", "ACCUSE")),
    ("Washington condemned the regime on Friday after troops fired on protesters in Yangon.",
     ("MMR", "MMR", "ASSAULT"), ("USA", "MMR", "ASSAULT")),
])
def test_rulers_and_troops(text, expected, wrong):
    got = triples(text)
    assert expected in got and wrong not in got, got


def test_the_outlet_that_reports_is_no_target():
    got = triples("Rebels blew up three power lines leading into Kabul last month and nearly half of the city's power "
                  "supply is still cut, the Czechoslovak news agency Ceteka reported from Kabul today.")
    assert not any(r == "CZE" for _a, r, _t in got), got


def test_the_opposition_accusing_the_government_is_unchanged():
    got = triples("Kenya's opposition accused the government on Monday of rigging the vote.")
    assert not any(r not in ("KEN", None) for _a, r, _t in got), got
