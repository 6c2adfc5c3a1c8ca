"""Hard-wrapped text: a line break inside a paragraph is a wrap, not the end of a sentence
(coding/wraps.py); headlines, bylines, datelines, list items and paragraphs still end one."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dyadwatch.coding.coder import code_text
from dyadwatch.coding.wraps import unwrap

WRAPPED = (
    "KABUL, June 4 (Wire) - Afghan border forces exchanged fire with Pakistani\n"
    "troops near the Torkham crossing on Tuesday, the interior ministry said,\n"
    "and Islamabad closed the crossing to trucks for a third day.\n"
    "\n"
    "The European Union imposed fresh sanctions on\n"
    "Belarus on Monday over the forced landing of a passenger jet.\n"
)


def _pairs(text: str) -> set[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return {(e.event, tuple(a.code for a in e.actor), tuple(r.code for r in e.recipient))
            for e in code_text(text, date="2024-06-04") if e.modality == "asserted"}


def test_unwrap_keeps_length_and_paragraphs():
    out = unwrap(WRAPPED)
    assert len(out) == len(WRAPPED)
    assert "\n\n" in out  # the paragraph break stays
    assert "Pakistani troops" in out and "sanctions on Belarus" in out
    assert "Pakistani\ntroops" not in out


@pytest.mark.parametrize("text", [
    # a headline above the story, no blank line between
    "Japan Protests Chinese Ships Near Disputed Islands\nJapan lodged a protest with China on Friday.",
    # a short headline in sentence case above long lines
    "Border talks collapse\nThe delegations of India and China left the meeting in Chushul after two hours.",
    # a byline, a dateline, list items
    "By Jane Roe\nThe ministers met in Oslo.",
    "Talks resume in Doha\nDOHA, May 2 (AP) - Negotiators met again on Thursday.",
    "Key points\n- Russia expelled two envoys\n- Estonia summoned the charge",
])
def test_breaks_that_end_a_line_stay(text):
    assert unwrap(text).count("\n") == text.count("\n")


@pytest.mark.parametrize("text, joined", [
    ("imposed new sanctions on\nIran on Tuesday.", "on Iran"),
    ("South Korea's\nmilitary said", "Korea's military"),
    ("the talks,\nwhich began", "talks, which"),
    ("the foreign minister of\nJapan and the Chinese envoy", "of Japan"),
])
def test_wraps_inside_a_sentence_become_spaces(text, joined):
    assert joined in unwrap(text)


def test_windows_line_ends():
    text = "The United States imposed new sanctions on\r\nIran on Tuesday.\r\n"
    out = unwrap(text)
    assert len(out) == len(text) and "on  Iran" in out


def test_wrapped_wire_copy_codes_like_unwrapped():
    flat = WRAPPED.replace("\n\n", "\x00").replace("\n", " ").replace("\x00", "\n\n")
    assert _pairs(WRAPPED) == _pairs(flat)
    assert ("SANCTION", ("EUR",), ("BLR",)) in _pairs(WRAPPED)


def test_evidence_offsets_point_into_the_original_text():
    events = code_text(WRAPPED, date="2024-06-04")
    assert events
    for e in events:
        if e.trigger_start is not None:
            assert WRAPPED[e.trigger_start:e.trigger_end] == e.trigger


@given(st.lists(st.sampled_from(["word", "Word", "the", "of", ",", ".", " ", "\n", "\n\n", "\r\n",
                                 "SEOUL (AP) -", "- item", "By Jo"]), max_size=60))
def test_unwrap_changes_only_line_breaks_into_spaces(parts):
    text = "".join(parts)
    out = unwrap(text)
    assert len(out) == len(text)
    for a, b in zip(text, out):
        assert a == b or (a in "\r\n" and b == " ")


def test_evidence_sentence_quotes_the_article_as_written():
    events = [e for e in code_text(WRAPPED, date="2024-06-04") if e.event == "SANCTION"
              and [r.code for r in e.recipient] == ["BLR"]]
    assert events
    for e in events:
        assert e.event_text in WRAPPED
        assert "sanctions on\nBelarus" in e.event_text
