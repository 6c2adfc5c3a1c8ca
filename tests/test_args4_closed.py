"""A border closed in other words: "ordered the border closed", "kept its border shut", "declared the crossing
closed" (an object with a predicate participle after order/declare/keep) is the closure itself, done by the
verb's subject and aimed at the neighbour of "with X" or the border's country; a passive "its border with
Colombia has been closed" without an agent is closed by its possessor. Sentences are ours."""

from __future__ import annotations

import pytest
from test_coding_arguments import triples


def sanctions(text: str, modality: str | None = "asserted") -> set[tuple]:
    return {(a, r) for a, r, t in triples(text, modality) if t == "SANCTION"}


@pytest.mark.parametrize("text, pair", [
    ("Maduro ordered the border with Colombia closed on Saturday, hours before the aid convoy was due.",
     ("VEN", "COL")),
    ("Hungary kept its border with Serbia closed for a third day as thousands waited in the rain.", ("HUN", "SRB")),
    ("Pakistan ordered the Torkham crossing with Afghanistan closed after clashes between border guards.",
     ("PAK", "AFG")),
    ("Kenya ordered its border with Somalia shut.", ("KEN", "SOM")),
    ("Colombia ordered the Venezuelan border closed on Thursday.", ("COL", "VEN")),
    ("Thailand ordered all checkpoints along the Cambodian border closed.", ("THA", "KHM")),
    ("Thailand closed all checkpoints along the Cambodian border on Monday after the shooting.", ("THA", "KHM")),
])
def test_an_ordered_closure_is_the_closure(text, pair):
    assert pair in sanctions(text)


@pytest.mark.parametrize("text, pair", [
    ("Venezuela's border with Colombia has been closed since Friday, officials said.", ("VEN", "COL")),
    ("Russia's border crossings with Finland were closed on Monday.", ("RUS", "FIN")),
    (("Venezuela said on Friday that it would not let the aid convoy in. Its border with Brazil has been shut "
      "since Thursday."),
     ("VEN", "BRA")),
])
def test_a_passive_closure_is_the_possessors(text, pair):
    assert pair in sanctions(text)


def test_a_named_agent_still_closes_it():
    got = sanctions("Hungary's border with Serbia was closed by Serbian police on Monday.")
    assert ("SRB", "HUN") in got and ("HUN", "SRB") not in got, got


@pytest.mark.parametrize("text", [
    "The president ordered the schools closed because of the outbreak in the capital.",
    "The Rafah crossing has been closed since May.",
    "The army kept the road open for the convoy.",
])
def test_no_closure_of_a_neighbour_without_a_border_and_an_owner(text):
    assert not sanctions(text, None)
