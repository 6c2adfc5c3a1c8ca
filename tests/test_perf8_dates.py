"""event_date reads a sentence's date expressions once for every trigger in it: what a second event of the
same sentence gets from the memo is what a fresh reading gives, whatever the article date or direction."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dyadwatch.coding import dates
from dyadwatch.nlp import get_nlp

SENTENCES = [
    "The minister said on Friday that troops would withdraw by March 3, two days after the vote.",
    "Talks held in Geneva last week ended on 12 June 2019,and a new round starts next Tuesday.",
    "Since March the army has shelled the town every day, residents said on Monday.",
    "Rebels attacked a convoy on Sunday; on Good Friday a bomb went off near the market.",
    "It came six days after the launch, officials said in a statement on 2021-05-04.",
]
DATES = ["2021-05-04", "2019-06-14", "2008-03-01", None]


def _fresh(doc, article_date, future, trigger):
    dates._READ.clear()
    return dates.event_date(doc[:], article_date, trigger=trigger, future=future)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(SENTENCES) - 1), st.sampled_from(DATES), st.booleans(),
                          st.integers(0, 40)), min_size=2, max_size=8))
def test_memo_gives_the_fresh_reading(calls):
    nlp = get_nlp()
    docs = [nlp(s) for s in SENTENCES]
    dates._READ.clear()
    cached = []
    for k, day, future, t in calls:
        doc = docs[k]
        cached.append(dates.event_date(doc[:], day, trigger=doc[t % len(doc)], future=future))
    fresh = [_fresh(docs[k], day, future, docs[k][t % len(docs[k])]) for k, day, future, t in calls]
    assert cached == fresh


def test_one_sentence_two_directions():
    doc = get_nlp()("Officials said on Friday the envoy will travel to Seoul on Friday.")
    dates._READ.clear()
    back = dates.event_date(doc[:], "2021-05-04")
    forward = dates.event_date(doc[:], "2021-05-04", future=True)
    other_day = dates.event_date(doc[:], "2019-06-14")
    assert back == _fresh(doc, "2021-05-04", False, None)
    assert forward == _fresh(doc, "2021-05-04", True, None)
    assert other_day == _fresh(doc, "2019-06-14", False, None)
    assert back != forward
