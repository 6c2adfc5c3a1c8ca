"""ActorFinder reads leaders' governments ("the Moon government") and titled surnames ("Minister Marsudi")
only at the words a government noun or a title stands next to: the same mentions as reading every word."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dyadwatch.coding.actors import _GOVERNMENT_NOUNS, TITLES
from dyadwatch.coding.coder import get_coder

PIECES = [
    "the Moon government said", "Netanyahu's cabinet met", "Biden\u2019s administration", "the Biden",
    "Minister Marsudi", "President Tinubu", "Gen. Munir", "President Bola Tinubu", "Saint Peter", "'s",
    "government", "Pope Francis", "regime", "Mr. Modi's government", "cabinet", "Dr Tedros", "said on Monday.",
    "President", "New Moon government", "ERDOGAN government", "Kishida 's cabinet",
]


def _every_word_leaders(finder, doc, taken, on_date):
    out = []
    for t in doc:
        if t.i in taken or not (t.is_alpha and t.text[:1].isupper() and not t.is_upper) or t.i + 1 >= len(doc):
            continue
        nxt = doc[t.i + 1]
        if nxt.text in ("'s", "\u2019s") and t.i + 2 < len(doc):
            nxt = doc[t.i + 2]
        if nxt.lower_ not in _GOVERNMENT_NOUNS or (t.i > 0 and doc[t.i - 1].text[:1].isupper()
                                                   and doc[t.i - 1].is_alpha and not doc[t.i - 1].is_sent_start):
            continue
        e = finder.kb.leader_named(t.text, on_date)
        if e is not None:
            out.append((t.i, e.code, e.office))
            taken.add(t.i)
    return out


def _every_word_titled(finder, doc, taken, on_date):
    out = []
    for t in doc:
        if t.i in taken or t.i == 0 or not (t.is_alpha and t.text[:1].isupper() and not t.is_upper):
            continue
        prev = doc[t.i - 1]
        if prev.lower_.rstrip(".") not in TITLES or prev.lower_.rstrip(".") in ("saint", "st", "father", "pope"):
            continue
        if t.i + 1 < len(doc) and doc[t.i + 1].is_alpha and doc[t.i + 1].text[:1].isupper():
            continue
        e = finder.kb.holder_named(t.text, on_date, prev.lower_)
        if e is not None:
            out.append((t.i, e.code, e.office))
            taken.add(t.i)
    return out


def _check(text, on_date, taken):
    coder = get_coder()
    finder = coder.finder
    doc = coder.split(text)
    taken = {i for i in taken if i < len(doc)}
    got = [(m.start, m.code, m.office) for m in finder._leader_governments(doc, set(taken), on_date)]
    assert got == _every_word_leaders(finder, doc, set(taken), on_date)
    got = [(m.start, m.code, m.office) for m in finder._titled_surnames(doc, set(taken), on_date)]
    assert got == _every_word_titled(finder, doc, set(taken), on_date)
    return got


def test_known_holders_are_found():
    coder = get_coder()
    doc = coder.split("Foreign Minister Marsudi met President Tinubu, and the Moon government protested.")
    assert [m.text for m in coder.finder._titled_surnames(doc, set(), "2023-06-01")] == ["Marsudi", "Tinubu"]
    assert [m.text for m in coder.finder._leader_governments(doc, set(), "2018-06-01")] == ["Moon"]
    _check(doc.text, "2023-06-01", set())


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=7),
       st.sampled_from(["2018-06-01", "2023-06-01", "2010-01-01", None]),
       st.sets(st.integers(0, 12), max_size=3))
def test_same_as_reading_every_word(pieces, on_date, taken):
    _check(" ".join(pieces), on_date, taken)
