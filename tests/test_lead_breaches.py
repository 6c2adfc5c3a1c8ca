"""A side that reports someone else's breach accuses them of it: "Beijing said the Philippine ship violated
international law" is China accusing the Philippines; a speaker's own promise not to breach accuses no one."""

from __future__ import annotations

import pytest
from coding_checks import triples


@pytest.mark.parametrize("text, want", [
    ("Beijing said the Philippine ship violated international law near the shoal.", ("CHN", "PHL", "ACCUSE")),
    ("Manila said the Chinese coast guard had breached the 2016 arbitration ruling again.", ("PHL", "CHN", "ACCUSE")),
])
def test_a_reported_breach_is_an_accusation(text: str, want: tuple) -> None:
    assert want in triples(text)


def test_an_own_promise_accuses_no_one() -> None:
    assert not any(t == "ACCUSE" for _, _, t in triples("Iran said it would not violate the deal."))
