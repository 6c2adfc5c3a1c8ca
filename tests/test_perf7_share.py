"""ActorFinder.share: a parsed sentence of a planned article takes the names the planner found in the
article instead of looking them up again, and what it takes is exactly what a fresh look-up of the
sentence gives (or nothing is shared)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dyadwatch.coding.coder import get_coder
from dyadwatch.ingest.article import Article

ARTICLES = [
    ("KABUL, May 4 (Reuters) - Gunmen attacked a police post near Jalalabad on Tuesday, officials said. "
    "Pakistan denied any role.\nThe Taliban said they had not been involved, and Kabul accused Islamabad "
    "of sheltering the attackers."),
    ("Moon Jae-in meets Kim Jong Un at Panmunjom\n\nSouth Korean President Moon Jae-in met North Korean "
    "leader Kim Jong Un on Friday.The two leaders agreed to work toward a peace treaty, Seoul said."),
    ("Russia Expels Two Polish Diplomats Over Spying Claims\nMoscow ordered two diplomats from Poland's "
    "embassy to leave within 48 hours, the Russian foreign ministry said in a statement on Monday."),
    ("The U.S.-led coalition struck Islamic State positions near Deir al-Zor, the Pentagon said; Syria "
    "condemned the strikes as a violation of its sovereignty and Iran called them illegal."),
]


def _found(coder, doc, date):
    return [(f.start, f.end, [e.code for e in f.entries], [p.country for p in f.places])
            for f in coder.finder._found(doc, date)]


def _shared(coder, doc, date):
    hit = coder.finder._memos[(id(doc), 0, len(doc), date)]
    assert hit[0] is doc
    return sorted(((f.start, f.end, [e.code for e in f.entries], [p.country for p in f.places]) for f in hit[1]),
                  key=lambda x: (-(x[1] - x[0]), x[0]))


def _check(text: str, date: str = "2021-05-04") -> int:
    coder = get_coder()
    plan = coder._plan(Article(text=text, raw_id="t", date=date), True)
    if plan is None:
        assert not text.strip()
        return 0
    sents = plan["sents"]
    shared = 0
    for k, doc in zip(plan["keys"], coder.nlp.pipe(plan["texts"])):
        if coder.finder.share(sents[k].doc, doc, plan["starts"][k], date):
            shared += 1
            assert _shared(coder, doc, date) == sorted(_found(coder, doc, date), key=lambda x: (-(x[1] - x[0]), x[0]))
    return shared


def test_every_sentence_takes_the_planners_names_and_they_are_a_fresh_look_ups():
    assert [_check(text) for text in ARTICLES] == [4, 3, 1, 1]  # (the recased headline is read anew)


def test_a_recased_headline_is_looked_up_afresh():
    coder = get_coder()
    plan = coder._plan(Article(text=ARTICLES[2], raw_id="t", date="2021-05-04"), True)
    assert plan["texts"][0].startswith("Russia expels two")  # the parser reads it in sentence case
    doc = coder.nlp(plan["texts"][0])
    assert not coder.finder.share(plan["sents"][0].doc, doc, plan["starts"][0], "2021-05-04")


def test_a_dateline_sentence_is_shared_from_after_the_dateline():
    coder = get_coder()
    text = ARTICLES[0]
    plan = coder._plan(Article(text=text, raw_id="t", date="2021-05-04"), True)
    k = plan["keys"][0]
    assert plan["starts"][k] > plan["sents"][k].start_char  # the dateline is cut off
    doc = coder.nlp(plan["texts"][0])
    assert coder.finder.share(plan["sents"][k].doc, doc, plan["starts"][k], "2021-05-04")
    codes = {c for _, _, cs, _ in _shared(coder, doc, "2021-05-04") for c in cs}
    assert "PAK" not in codes  # the next sentence's names stay out


def test_another_text_or_another_place_shares_nothing():
    coder = get_coder()
    text = ARTICLES[3]
    plan = coder._plan(Article(text=text, raw_id="t", date="2021-05-04"), True)
    source = plan["sents"][0].doc
    other = coder.nlp("The U.S.-led coalition struck Islamic State positions near Raqqa, the Pentagon said.")
    assert not coder.finder.share(source, other, 0, "2021-05-04")  # same opening, other words
    same = coder.nlp(plan["texts"][0])
    assert not coder.finder.share(source, same, 1, "2021-05-04")  # not where the copy starts
    assert not coder.finder.share(source, same, 0, "1999-01-01")  # the planner read it on another date
    unread = coder.nlp.make_doc(text)
    assert not coder.finder.share(unread, same, 0, "2021-05-04")  # the source was never read


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from([
    "Iran warned Israel on Sunday.", "Hamas fired rockets at Tel Aviv!", "\n", "  ", "Egypt's envoy",
    "met Qatari officials in Doha,", "said the U.N.", "North Korea", "fired", "missiles.", "Seoul:",
    "(AP) -", "\u201cWe will respond,\u201d Tehran said.", "Kim Jong-un", "in Gaza City."]), min_size=1, max_size=12))
def test_glued_and_broken_text_is_shared_only_as_a_fresh_look_up_would_read_it(parts):
    _check(" ".join(parts).replace(" \n ", "\n"))
