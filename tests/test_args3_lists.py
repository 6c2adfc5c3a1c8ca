"""Every member of a list is a party, however the parser hung it: an item taken for an apposition
("A, B, the C and D"), the last item after a serial comma hung on the verb, "and the ..."; a real
apposition ("Hamas, the group that ...", "Algeria, Morocco's neighbour") adds no one. Sentences are ours."""

from __future__ import annotations

import pytest
from test_coding_arguments import triples


def actors_of(text: str, etype: str) -> set[str]:
    return {a for a, _r, t in triples(text) if t == etype}


@pytest.mark.parametrize("text, etype, members", [
    ("Saudi Arabia, Egypt, the UAE and Bahrain cut ties with Qatar on Monday, accusing Doha of funding militants.",
     "SANCTION", {"SAU", "EGY", "ARE", "BHR"}),
    ("Saudi Arabia, Egypt, the United Arab Emirates, and Bahrain severed relations with Qatar early on Monday.",
     "SANCTION", {"SAU", "EGY", "ARE", "BHR"}),
    ("Kenya, Uganda, Tanzania and Rwanda condemned the coup in Burundi in a joint statement on Friday.",
     "ACCUSE", {"KEN", "UGA", "TZA", "RWA"}),
    ("Poland, Lithuania, Latvia, and Estonia accused Belarus on Thursday of pushing migrants over the border.",
     "ACCUSE", {"POL", "LTU", "LVA", "EST"}),
])
def test_every_member_of_a_subject_list_acts(text, etype, members):
    got = actors_of(text, etype)
    assert members <= got, got


def test_every_member_of_an_object_list_is_a_target():
    got = triples("Washington imposed new sanctions on Russia, Belarus, Iran, and North Korea on Friday, "
                  "the Treasury Department said in a statement.")
    assert {("USA", c, "SANCTION") for c in ("RUS", "BLR", "IRN", "PRK")} <= got, got


@pytest.mark.parametrize("text, outsider", [
    ("Hamas, the Islamist group that has run Gaza since 2007, fired dozens of rockets at Israel overnight.",
     "ISR"),
    ("Algeria, Morocco's eastern neighbour, cut diplomatic ties with Rabat on Tuesday.", "MAR"),
])
def test_a_real_apposition_adds_no_party(text, outsider):
    got = triples(text)
    assert got and all(a != outsider for a, _r, _t in got), got
