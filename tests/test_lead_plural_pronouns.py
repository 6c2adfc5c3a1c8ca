"""A plural pronoun after a list refers to every member of it: "Niger, Mali and Burkina Faso announced that they
were leaving ..." is an exit of each; a singular pronoun or a pronoun after one name still takes one."""

from __future__ import annotations

import pytest

from dyadwatch.coding import code_text


def _actors(text: str, etype: str) -> set[str]:
    return {a.code for e in code_text(text, date="2024-02-04") if e.event == etype and e.modality == "asserted"
            for a in e.actor}


@pytest.mark.parametrize("text, etype, want", [
    (("Niger, Mali and Burkina Faso announced on Sunday that they were leaving the Economic Community of West "
     "African States with immediate effect."), "REJECT", {"NER", "MLI", "BFA"}),
    ("Saudi Arabia, Bahrain, and the United Arab Emirates said they had recalled their ambassadors from Doha.",
     "SANCTION", {"SAU", "BHR", "ARE"}),
])
def test_they_after_a_list_is_the_whole_list(text: str, etype: str, want: set) -> None:
    got = _actors(text, etype)
    assert want <= got, got


def test_it_after_a_list_is_not_the_whole_list() -> None:
    got = _actors("Mali, backed by Russia and Turkey, said it was leaving the regional bloc.", "REJECT")
    assert got == {"MLI"}, got
