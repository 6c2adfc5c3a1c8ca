"""Checks the lexicon test files share: a trigger of a type fires on a sentence, another sense
does not, and the prefilter loses no event that parsing every sentence finds."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from dyadwatch.ingest.article import Article


def assert_fires(fired: Callable, nlp, etype: str, text: str) -> None:
    got = fired(nlp, text)
    assert any(e.event == etype for e in got), f"{etype} not fired; fired: {[e.id for e in got]}"


def assert_no_entry(fired: Callable, nlp, etype: str, text: str) -> None:
    got = [e.id for e in fired(nlp, text) if e.event == etype]
    assert not got, f"{etype} fired by {got}"


def asserted_pairs(coder, text: str) -> set[tuple[str, str, str]]:
    """(type, actor, recipient or "") of each asserted event of the text, one pair per actor and recipient."""
    evs = coder.code_many([Article(text=text, date="2024-05-06", raw_id="x")])[0]
    return {(e.event, a.code, r.code if r else "") for e in evs if e.modality == "asserted" for a in e.actor
            for r in (e.recipient or [None])}


def assert_coded(coder, text: str, etype: str, actor: str, recip: str) -> None:
    """An asserted `etype` event by `actor` toward `recip` ("" when any recipient, or none, will do)."""
    got = asserted_pairs(coder, text)
    if recip:
        assert (etype, actor, recip) in got, got
    else:
        assert any(t == etype and a == actor for t, a, _ in got), got


def prefilter_losses(coder, texts: Iterable[str]) -> list:
    """(text, events lost) for each text (its own article) whose events differ between the prefilter
    and parsing every sentence; one article per text, so that the article's main state cannot stand
    in for unnamed actors across unrelated sentences."""
    arts = [Article(text=t, date="2024-05-06", raw_id=str(i)) for i, t in enumerate(texts)]

    def keys(evs):
        return {(e.event, e.trigger_start, tuple(a.code for a in e.actor), tuple(r.code for r in e.recipient))
                for e in evs}

    fast = coder.code_many(arts)
    full = coder.code_many(arts, parse_all=True)
    return [(a.text, keys(f) - keys(p)) for a, p, f in zip(arts, fast, full) if keys(p) != keys(f)]
