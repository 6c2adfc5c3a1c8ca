"""ActorFinder looks a name's knowledge-base entries up once per written form and date: what a later text
gets from the memo is what a fresh look-up gives (an office holder's sector follows the date)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dyadwatch.coding.coder import get_coder

PIECES = [
    "Donald Trump said on Monday", "Joe Biden met Vladimir Putin", "the US and the Fed", "TURKEY and turkey",
    "Boris Johnson,the Foreign Office and Isis", "Hassan Rouhani visited Iraq", "the North fired missiles",
    "Emmanuel Macron", "Jordan and Georgia", "Narendra Modi's government", "apc",
]
DATES = ["2017-06-01", "2021-06-01", "2010-01-01", "2024-09-01", None]


def _key(ms):
    return [(m.start, m.end, m.code, m.sector, m.kind, m.text, m.office, m.readings) for m in ms]


def _fresh(coder, text, day):
    coder.finder.__dict__.pop("_entry_memo", None)
    coder.finder.__dict__.pop("_memos", None)
    return _key(coder.finder.find(coder.split(text), day))


def test_one_name_two_dates():
    coder = get_coder()
    coder.finder.__dict__.pop("_entry_memo", None)
    then = _key(coder.finder.find(coder.split("Donald Trump said on Monday"), "2019-06-01"))
    later = _key(coder.finder.find(coder.split("Donald Trump said on Monday"), "2022-06-01"))
    assert then != later  # the president, then the former president
    assert then == _fresh(coder, "Donald Trump said on Monday", "2019-06-01")
    assert later == _fresh(coder, "Donald Trump said on Monday", "2022-06-01")


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.lists(st.sampled_from(PIECES), min_size=1, max_size=4), st.sampled_from(DATES)),
                min_size=2, max_size=5))
def test_memo_gives_the_fresh_entries(texts):
    coder = get_coder()
    coder.finder.__dict__.pop("_entry_memo", None)
    warm = [_key(coder.finder.find(coder.split(", ".join(p)), day)) for p, day in texts]
    assert warm == [_fresh(coder, ", ".join(p), day) for p, day in texts]
