"""A contrast clause ("while X shelled towns, Y did not fire at civilians") reports X's act even though the main
act is denied; a time clause of an asserted act stays background. Sentences written for these tests."""

from __future__ import annotations

import pytest
from coding_checks import triples

CONTRASTS = [
    (("A military spokesman told reporters that while Russian forces shelled residential areas of Kharkiv, "
     "Ukrainian units did not fire at any civilian site."), ("RUS", "UKR", "ASSAULT"), "UKR"),
    (("Thai officials said that while Cambodian troops fired rockets at border villages, the Thai army did not "
     "target civilians."), ("KHM", "THA", "ASSAULT"), "THA"),
]


@pytest.mark.parametrize("text, act, denier", CONTRASTS)
def test_a_contrast_clause_keeps_its_act(text, act, denier) -> None:
    got = triples(text)
    assert act in got, (got, triples(text, asserted=False))
    assert not any(a == denier and t == "ASSAULT" for a, _, t in got), got


def test_a_time_clause_of_an_asserted_act_is_still_background() -> None:
    # the main act is done: the earlier act it follows is context, coded where it is reported
    got = triples("Italy suspended flights to Belgrade as Serbian troops shelled the border town.")
    assert ("SRB", None, "ASSAULT") not in got and not any(a == "SRB" and t == "ASSAULT" for a, _, t in got), got
