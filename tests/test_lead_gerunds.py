"""A gerund subject is an event noun: "Fighting between A and B killed ...", "Shelling by X forces killed ...";
a gerund with a subject or an object of its own, or one naming no event, is not."""

from __future__ import annotations

import pytest
from coding_checks import triples


def _triples(text: str) -> set[tuple[str | None, str | None, str]]:
    return triples(text, date="2024-05-06")


@pytest.mark.parametrize("text, want", [
    ("Fighting between Armenia and Azerbaijan killed three soldiers on Tuesday, officials in Yerevan said.",
     {("ARM", "AZE", "ASSAULT"), ("AZE", "ARM", "ASSAULT")}),
    ("Fighting between Armenian and Azerbaijani forces on the border killed three soldiers on Tuesday.",
     {("ARM", "AZE", "ASSAULT"), ("AZE", "ARM", "ASSAULT")}),
    ("Shelling by Russian forces killed five civilians in Kherson overnight.", {("RUS", "*", "ASSAULT")}),
])
def test_a_gerund_subject_names_its_event(text: str, want: set) -> None:
    got = _triples(text)
    for a, r, t in want:
        assert any(a == ga and t == gt and (r == "*" or r == gr) for ga, gr, gt in got), (text, got)


@pytest.mark.parametrize("text", [
    "Talking to the press was forbidden for the delegates.",
    "Protesting against the war is a crime in Russia now.",
    "Meeting the deadline proved impossible for the negotiators.",
])
def test_other_gerund_subjects_name_no_event(text: str) -> None:
    assert not _triples(text), text
