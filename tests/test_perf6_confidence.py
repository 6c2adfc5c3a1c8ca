"""The bundled confidence model (kb/data/confidence.yaml) says what it was fitted on, was never fitted on
held-out data, and has a weight for every feature the coder records, so a refit or a new feature cannot
leave features without weight (they would count as zero) or weights without a feature."""

from __future__ import annotations

import re
from importlib import resources

from dyadwatch.coding import code_text, confidence
from dyadwatch.coding.confidence import load_model

TEXT = ("BEIJING, May 2 (Test Wire) - China summoned the Philippine ambassador on Thursday after a collision "
        "near the shoal. Manila accused the Chinese coast guard of ramming its supply boat, and the United "
        "States urged both sides to show restraint.")


def _header() -> str:
    text = resources.files("dyadwatch.kb").joinpath("data/confidence.yaml").read_text("utf-8")
    return "\n".join(line for line in text.splitlines() if line.startswith("#"))


def test_the_model_names_its_training_data_and_no_held_out_set() -> None:
    head = _header()
    fitted = re.search(r"# fitted \S+ on (\d+) scored triples \((\d+) right\) from ([^;]+);", head)
    assert fitted, head
    assert int(fitted.group(2)) < int(fitted.group(1))
    sources = [s.strip() for s in fitted.group(3).split(",")]
    assert len(sources) >= 2 and not any("held" in s for s in sources), sources
    assert "realheld" not in head


def test_every_recorded_feature_has_a_weight_and_every_weight_a_feature() -> None:
    confidence.RECORDER = []
    try:
        events = code_text(TEXT, date="2024-05-02")
        recorded = [f for _, _, _, f in confidence.RECORDER]
    finally:
        confidence.RECORDER = None
    assert events and recorded
    names = set().union(*(set(f) for f in recorded))
    assert names == set(load_model().weights), names ^ set(load_model().weights)


def test_confidence_differs_between_events_of_one_story() -> None:
    values = {e.confidence for e in code_text(TEXT, date="2024-05-02")}
    assert len(values) >= 2 and all(0.0 < v < 1.0 for v in values), values
