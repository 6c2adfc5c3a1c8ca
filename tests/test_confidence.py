"""Event confidence: a fitted logistic model over the coder's evidence (coding/confidence.py, its
coefficients in kb/data/confidence.yaml). Sentences written for these tests."""

from __future__ import annotations

import logging
import math
from pathlib import Path

import pytest

from dyadwatch.coding import code_text, confidence
from dyadwatch.coding.confidence import Model, genre, load_model

CLEAR = "Japan protested to North Korea through its embassy in Beijing on Tuesday."


@pytest.fixture()
def fresh_model():
    load_model.cache_clear()
    yield
    load_model.cache_clear()


def test_bundled_model_is_fitted_and_bounded() -> None:
    m = load_model()
    assert len(m.weights) > 10 and m.floor < m.ceiling
    assert m.probability({}) == pytest.approx(min(m.ceiling, max(m.floor, 1 / (1 + math.exp(-m.intercept)))))
    for feats in ({k: 1.0 for k in m.weights}, {k: -50.0 for k in m.weights}, {k: 50.0 for k in m.weights}):
        assert m.floor <= m.probability(feats) <= m.ceiling


def test_probability_rises_with_a_positive_weight() -> None:
    m = Model(-0.5, {"a": 1.2, "b": -0.7})
    assert m.probability({"a": 1.0}) > m.probability({}) > m.probability({"b": 1.0})
    assert m.probability({"a": 1.0, "zzz": 9.0}) == m.probability({"a": 1.0})  # unknown features ignored


def test_clear_report_is_surer_than_vague_one() -> None:
    """The fitted model: a named actor found as the subject, a named recipient, a short lead sentence
    is surer than a pronoun actor deep in a long sentence with a generic recipient."""
    clear = code_text(CLEAR, date="2021-03-02")
    assert clear, "the clear sentence must give an event"
    confidence.RECORDER = []
    try:
        code_text(CLEAR, date="2021-03-02")
        feats = dict(confidence.RECORDER[0][3])
    finally:
        confidence.RECORDER = None
    m = load_model()
    p_clear = m.probability(feats)
    assert max(e.confidence for e in clear) == pytest.approx(p_clear, abs=1e-3)
    vague = dict(feats, how_direct=0.0, how_inherited=1.0, actor_named=0.0, actor_pronoun=1.0, depth=0.75,
                 embedded=1.0, recipient_generic_code=1.0, recipient_unnamed=1.0, sentence_length=1.2,
                 actor_distance=0.9, recipient_distance=0.9, lead_sentence=0.0, sentence_index=0.5)
    assert p_clear > m.probability(vague) + 0.2


def test_confidence_takes_many_values() -> None:
    text = ("SEOUL, March 3 (Test Wire) - North Korea fired two missiles into the sea on Tuesday. "
            "Japan protested to North Korea through its embassy in Beijing. "
            "The United States urged restraint, and China called for talks between the two Koreas. "
            "Seoul said it would hold drills with Washington next week. "
            "Some lawmakers also criticised them, saying they had been too slow.")
    values = {e.confidence for e in code_text(text, date="2021-03-02")}
    assert len(values) > 3, values


def test_recorder_collects_the_features_of_every_event() -> None:
    confidence.RECORDER = []
    try:
        events = code_text(CLEAR, date="2021-03-02", story_id="rec1")
        rec = list(confidence.RECORDER)
    finally:
        confidence.RECORDER = None
    assert rec and len(rec) >= len(events)
    sid, start, etype, feats = rec[0]
    assert sid == "rec1" and isinstance(start, int) and etype
    assert set(feats) >= set(load_model().weights) - {"genre_question"}
    ev = events[0]
    assert any(s == ev.trigger_start and t == ev.event for _, s, t, _ in rec)
    assert feats["has_recipient"] == 1.0 and feats["how_direct"] == 1.0 and feats["actor_named"] == 1.0


def test_genre_cues_outside_quotes() -> None:
    oped = "I think the junta should leave. Why would anyone trust it? We must say so."
    quoted = 'The junta left, officials said. "I think we should go," one soldier said.'
    g1, g2 = genre(oped), genre(quoted)
    assert g1["genre_first_person"] == 1.0 and g1["genre_question"] == 1.0 and g1["genre_prescriptive"] > 0
    assert g2["genre_first_person"] == 0.0 and g2["genre_question"] == 0.0 and g2["genre_prescriptive"] == 0.0
    assert genre("SEOUL, March 3 (Test Wire) - The talks began.")["genre_dateline"] == 1.0


def test_a_users_model_replaces_the_bundled_one(tmp_path: Path, monkeypatch, fresh_model) -> None:
    (tmp_path / "confidence.yaml").write_text("intercept: 0.0\nweights: {}\n", encoding="utf-8")
    monkeypatch.setenv("DYADWATCH_KB", str(tmp_path))
    load_model.cache_clear()
    assert {e.confidence for e in code_text(CLEAR, date="2021-03-02")} == {0.5}


def test_a_broken_users_model_is_reported_and_the_bundled_one_kept(tmp_path: Path, monkeypatch, caplog,
                                                                    fresh_model) -> None:
    bundled = load_model()
    (tmp_path / "confidence.yaml").write_text("intercept: [oops\nweights: {a: b}\n", encoding="utf-8")
    monkeypatch.setenv("DYADWATCH_KB", str(tmp_path))
    load_model.cache_clear()
    with caplog.at_level(logging.WARNING, logger="dyadwatch.coding"):
        assert load_model() == bundled
    assert "confidence.yaml" in caplog.text
    (tmp_path / "confidence.yaml").write_text("intercept: 1\nweights: {a: not-a-number}\n", encoding="utf-8")
    load_model.cache_clear()
    assert load_model() == bundled
