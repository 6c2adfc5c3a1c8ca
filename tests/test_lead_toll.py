"""A toll participle ("..., killing two", "..., injuring three sailors") belongs to the clause that ends just
before it, even when the parser hangs it on the sentence's main verb: the ones who protested or summoned an
envoy did not do the killing."""

from __future__ import annotations

import pytest
from coding_checks import triples


def _triples(text: str) -> set[tuple[str | None, str | None, str]]:
    return triples(text, date="2024-05-06", asserted=False)


@pytest.mark.parametrize("text, wrong", [
    (("The Philippines summoned the Chinese envoy to protest actions by the Chinese coast guard, which fired water "
     "cannon at a Philippine boat, injuring three sailors."), ("PHL", "CHN", "ASSAULT")),
    (("Vietnam protested on Tuesday after Chinese maritime militia vessels fired flares at a Vietnamese fishing boat, "
     "injuring four fishermen."), ("VNM", "CHN", "ASSAULT")),
    (("Lebanon lodged a complaint at the United Nations after Israeli drones struck a car near Tyre on Sunday, "
     "killing two men."), ("LBN", "ISR", "ASSAULT")),
    ("South Korea protested to Japan, whose patrol ship rammed a South Korean trawler, wounding two fishermen.",
     ("KOR", "JPN", "ASSAULT")),
    ("Kyiv said Russian forces shelled Kharkiv overnight, killing ten civilians.", ("UKR", "RUS", "ASSAULT")),
])
def test_the_toll_is_not_the_complainants_act(text: str, wrong: tuple) -> None:
    assert wrong not in _triples(text)


@pytest.mark.parametrize("text, want", [
    ("Russian forces shelled Kharkiv on Monday, wounding ten civilians.", ("RUS", "UKR", "ASSAULT")),
    ("Turkish jets bombed Kurdish militant positions in northern Iraq, killing at least 12 fighters, the ministry said.",
     ("TUR", "IRQ", "ASSAULT")),
])
def test_a_toll_on_its_own_clause_stays_with_it(text: str, want: tuple) -> None:
    assert want in _triples(text)
