"""Targets named through a modified noun ("bases housing U.S. troops", "positions held by Armenian
forces"), a summoned envoy in a passive ("The Israeli ambassador was summoned by Brazil's foreign
ministry"), an ally named by its patron ("Israel's militia ally" is not Israel), the authorities defied
by a protest, and a cause phrase ("because of fighting between A and B") that is background. Sentences
are ours."""

from __future__ import annotations

import pytest
from test_coding_arguments import triples


@pytest.mark.parametrize("text, expected", [
    ("Militants attacked two bases housing U.S. troops in western Iraq overnight with rockets and drones.",
     ("IRQ", "USA", "ASSAULT")),
    ("Azerbaijani forces shelled positions held by Armenian forces near the border, the ministry said.",
     ("AZE", "ARM", "ASSAULT")),
    ("The Israeli ambassador was summoned by Brazil's foreign ministry on Tuesday over the minister's remarks.",
     ("BRA", "ISR", "ACCUSE")),
    ("Thousands of Hong Kong residents blocked roads in defiance of Chinese authorities to demand free elections.",
     ("HKG", "CHN", "PROTEST")),
])
def test_targets_through_modifiers(text, expected):
    got = triples(text)
    assert expected in got, got


def test_an_ally_named_by_its_patron_is_not_the_patron():
    got = triples("Hezbollah fighters killed a commander of Israel's militia ally in southern Lebanon on Sunday.")
    assert ("LBN", "ISR", "ASSAULT") not in got, got
    assert ("LBN", "LBN", "ASSAULT") in got, got


def test_a_cause_phrase_is_background_of_the_act_it_explains():
    got = triples("Moscow closed its borders with Georgia and Azerbaijan because of fighting between Armenians "
                  "and Azerbaijanis, officials said.")
    assert ("RUS", "AZE", "SANCTION") in got, got
    assert not any(t == "ASSAULT" for _a, _r, t in got), got
