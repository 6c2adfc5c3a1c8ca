"""Coder.split: a line break ends a sentence, wherever it falls (blank lines, CRLF, a break right after
the first word or before the last), and nothing else changes spaCy's sentences."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dyadwatch.coding.coder import get_coder


def _old_rule(text: str) -> list[int]:
    """Sentence starts by the rule as first written: the token after a space token holding a line break."""
    coder = get_coder()
    doc = coder.sentencizer(coder.nlp.make_doc(text))
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            tok.is_sent_start = True
    return [s.start for s in doc.sents]


def test_a_headline_and_a_byline_are_sentences_of_their_own():
    doc = get_coder().split("Kenya recalls envoy\nBy Staff Writer\n\nNairobi recalled its ambassador on Monday. "
                            "It gave no reason.")
    assert [s.text.strip() for s in doc.sents] == [
        "Kenya recalls envoy", "By Staff Writer", "Nairobi recalled its ambassador on Monday.", "It gave no reason."]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["Iran", "warned", "Israel.", "\n", "\n\n", "\r\n", " \n ", "Gaza", "said:",
                                 "\u201cNo.\u201d", "U.S.", "-", "Moon Jae-in", "  ", "\t"]), min_size=1, max_size=15))
def test_line_breaks_end_sentences_as_the_first_rule_did(parts):
    text = " ".join(parts)
    assert [s.start for s in get_coder().split(text).sents] == _old_rule(text)
