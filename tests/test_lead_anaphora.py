"""Counted and pronoun references across sentences, as articles write them: "the two sides" and "the two
countries' leaders" are the pair that last acted together (not a host named since), "the three military
governments" the trio, and a subject "It" the last subject rather than the last name."""

from __future__ import annotations

import pytest
from coding_checks import triples


def _triples(text: str) -> set[tuple[str | None, str | None, str]]:
    return triples(text, date="2024-02-04")


@pytest.mark.parametrize("text, want, wrong", [
    (("Ethiopia and Somalia held talks in Ankara on Monday under Turkish mediation. The two sides signed a "
     "declaration pledging to respect each other's sovereignty."), ("ETH", "SOM", "SUPPORT|AGREE"), "TUR"),
    (("Ethiopia and Somalia held talks in Ankara on Monday. The two countries' leaders agreed to restore full "
     "diplomatic ties."), ("ETH", "SOM", "AGREE"), "TUR"),
    (("Niger, Mali and Burkina Faso quit the Economic Community of West African States on Sunday. The three "
     "military governments accused the bloc of serving French interests."), ("NER", "IGO", "ACCUSE"), "FRA"),
])
def test_counted_references_are_the_parties_of_the_last_joint_act(text: str, want: tuple, wrong: str) -> None:
    got = _triples(text)
    actor, recipient, types = want
    assert any(a == actor and r == recipient and t in types.split("|") for a, r, t in got), got
    assert not any(a == wrong for a, _, _ in got), got


def test_a_subject_it_is_the_last_subject() -> None:
    got = _triples("Sudan expelled the United Nations envoy on Friday. It accused him of bias against the army.")
    assert any(a == "SDN" and t == "ACCUSE" for a, _, t in got) and not any(
        a == "UNO" and t == "ACCUSE" for a, _, t in got), got
