"""A passive summons names no summoner: the country of the ministry or of the place (its capital) summons
the envoy's country. Without a place, or at the envoy's own capital, no one is named. Sentences are ours."""

from __future__ import annotations

import pytest
from test_coding_arguments import triples


def accusations(text: str) -> set[tuple]:
    return {(a, r) for a, r, t in triples(text) if t == "ACCUSE"}


@pytest.mark.parametrize("text, pair", [
    (("U.S. Ambassador John Bass was summoned to the Turkish foreign ministry on Monday after the arrest of a "
      "consulate worker, state media reported."), ("TUR", "USA")),
    ("Israel's envoy was called in at the foreign ministry in Brasilia to explain the remarks.", ("BRA", "ISR")),
    ("The German ambassador was summoned in Ankara on Tuesday over the parliament's resolution.", ("TUR", "DEU")),
    (("Turkey's ambassador was summoned to the foreign ministry in Vienna on Thursday to explain the president's "
      "remarks about the election."), ("AUT", "TUR")),
    ("The French ambassador was summoned to Rome's foreign ministry on Friday.", ("ITA", "FRA")),
    ("The Iranian charge d'affaires was summoned in London over the detention of a British-Iranian woman.",
     ("GBR", "IRN")),
    ("Russia's ambassador to Britain was summoned on Monday over the poisoning in Salisbury.", ("GBR", "RUS")),
])
def test_the_place_of_a_passive_summons_summons(text, pair):
    assert pair in accusations(text)


@pytest.mark.parametrize("text", [
    "The U.S. ambassador was summoned to Washington for consultations.",
    "The U.S. ambassador to Turkey was summoned to Washington for consultations on Friday.",
    "Two journalists were summoned to a court in Ankara on Monday.",
    "The Chinese ambassador was summoned on Monday, a spokesman said.",
])
def test_no_summoner_without_a_foreign_place(text):
    assert not accusations(text)


def test_a_named_summoner_still_wins():
    assert ("GBR", "RUS") in accusations("Russia's ambassador to Britain was summoned by the Foreign Office in London on Friday.")


@pytest.mark.parametrize("text, pair", [
    (("The Iranian ambassador was summoned to the foreign ministry in Rome and handed a formal protest over the "
      "executions."), ("ITA", "IRN")),
    ("The Russian charge d'affaires was summoned and handed a protest note in Warsaw on Tuesday.", ("POL", "RUS")),
    ("The Russian charge d'affaires was handed a protest note in Warsaw.", ("POL", "RUS")),
])
def test_the_envoy_handed_a_protest_receives_it(text, pair):
    got = accusations(text)
    assert pair in got and pair[::-1] not in got, got


@pytest.mark.parametrize("text, pair", [
    ("The U.S. envoy, summoned to the Turkish foreign ministry on Monday, was told that the detention was lawful.",
     ("TUR", "USA")),
    ("China's ambassador, who was summoned to the foreign ministry in Canberra, rejected the accusations.",
     ("AUS", "CHN")),
])
def test_an_envoy_summoned_in_a_modifier_is_summoned(text, pair):
    assert pair in accusations(text)


def test_a_ministry_statement_in_a_modifier_summons_no_one():
    assert not accusations("The statement, released by the foreign ministry in Ankara on Monday, gave no details.")
