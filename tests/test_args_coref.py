"""People an article introduces by country and role, found again by surname: after a title ("Mr",
"Gen."), and when the first mention puts the name in apposition after the role. Sentences are our own."""

from __future__ import annotations

import pytest

from dyadwatch.coding import code_text


def triples(text: str) -> set[tuple]:
    return {(a.code, r.code if r is not None else None, e.event)
            for e in code_text(text, date="2024-05-10") if e.modality == "asserted"
            for a in e.actor for r in (e.recipient or [None])}


@pytest.mark.parametrize("text, triple", [
    (("VILNIUS, May 9 (Wire) - Lithuania's defence minister Jonas Petrauskas visited a training ground near the "
     "border on Thursday.\nMr Petrauskas condemned Russia for the drone incursions, calling them reckless."),
     ("LTU", "RUS", "ACCUSE")),
    (("RIGA, May 9 (Wire) - Latvia's defence minister Inara Kalnina inspected the new fence on the eastern "
     "border on Friday.\nMs Kalnina accused Belarus of pushing migrants across it at night."), ("LVA", "BLR", "ACCUSE")),
])
def test_a_surname_after_a_title_is_the_person_introduced(text: str, triple: tuple) -> None:
    assert triple in triples(text), triples(text)


def test_a_name_in_apposition_after_the_role_is_learnt() -> None:
    text = ("The Armenian foreign minister, Gevorg Hakobyan, met his Iranian counterpart in Tehran on Monday.\n"
            "Hakobyan accused Azerbaijan of shelling villages along the border, the ministry said.")
    assert ("ARM", "AZE", "ACCUSE") in triples(text), triples(text)
