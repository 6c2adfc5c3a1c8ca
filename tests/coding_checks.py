"""What the coder makes of a text, as the coding test files compare it: (actor, recipient, type) for every
pair of an event's actors and recipients (recipient None when it has none)."""

from __future__ import annotations

from dyadwatch.coding import code_text


def triples(text: str, date: str = "2024-02-04", asserted: bool = True) -> set[tuple[str | None, str | None, str]]:
    """Every (actor, recipient, type) the coder makes of `text`, only asserted events unless `asserted` is False."""
    return {(a.code, r.code if r else None, e.event) for e in code_text(text, date=date)
            if not asserted or e.modality == "asserted" for a in e.actor for r in (e.recipient or [None])}


def classify_word(nlp, sentence: str, word: str):
    """The modality reading (coding.modality.classify) of the first token written `word` in `sentence`."""
    from dyadwatch.coding.modality import classify

    doc = nlp(sentence)
    hits = [t for t in doc if t.text == word]
    assert hits, f"{word!r} not in {sentence!r}"
    return classify(hits[0])
