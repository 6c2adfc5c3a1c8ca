"""Victims named by a role with no nationality are the people of the place it happens in, when the place is a
town the gazetteer knows but names only as where ("killed five civilians in Kharkiv": Ukraine's, not the
attacker's own); at home it stays a domestic act."""

from __future__ import annotations

import pytest
from coding_checks import triples


@pytest.mark.parametrize("text, want, wrong", [
    ("Russian forces killed five civilians in Kharkiv on Monday, the governor said.", ("RUS", "UKR", "ASSAULT"),
     ("RUS", "RUS", "ASSAULT")),
    ("Russian troops detained ten civilians in Kherson.", ("RUS", "UKR", "COERCE"), ("RUS", "RUS", "COERCE")),
])
def test_the_place_names_the_victims(text: str, want: tuple, wrong: tuple) -> None:
    got = triples(text, date="2024-02-04")
    assert want in got and wrong not in got, got


@pytest.mark.parametrize("text, want", [
    ("Sudanese troops killed ten people in Khartoum on Friday.", ("SDN", "SDN", "ASSAULT")),
    ("Police arrested 12 protesters in Moscow on Saturday.", ("RUS", "RUS", "COERCE")),
])
def test_at_home_it_stays_domestic(text: str, want: tuple) -> None:
    assert want in triples(text, date="2024-02-04")


@pytest.mark.parametrize("text, want", [
    ("Five civilians were killed in an Israeli airstrike on Rafah, health officials said.", ("ISR", "PSE", "ASSAULT")),
    ("Ten people were killed in a Russian missile strike on Odesa overnight.", ("RUS", "UKR", "ASSAULT")),
])
def test_the_target_of_the_strike_names_the_victims(text: str, want: tuple) -> None:
    got = triples(text, date="2024-02-04")
    assert want in got and (want[0], want[0], "ASSAULT") not in got, got
