"""Coding accuracy against gold files (the format of docs/EVALUATION.md).

A gold line: {"id", "text", "date", "events": [{"source", "target": [...], "type": [...]}],
"optional": [...]}. Coded event records (PLOVER JSON, `Event.to_record()`) are expanded into
(actor, recipient, type) triples, actor x recipient, deduplicated per gold record; only asserted
events count. Each gold event takes the first unused triple (in sorted order) that matches its
source, one of its types (YIELD = CONCEDE or RETREAT) and one of its targets ("*" = any recipient
or none, null = no recipient). Unused triples that match no gold or optional event are spurious.
Organisation codes are folded (UN/IGOUNO -> UNO, EU/IGOEUREEC -> EUR, ...) before comparing.

    docs = load_gold("gold.jsonl")
    result = score(docs, code_gold(docs))   # or score(docs, load_events("events.jsonl"))
    result.f1, result.by_type_frame(), result.errors
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger("dyadwatch.coding")

# Organisation aliases folded before comparison: the codes other coders use for the same body.
ORG_FOLD = {
    "UN": "UNO", "IGOUNO": "UNO", "UNO": "UNO",
    "EU": "EUR", "IGOEUREEC": "EUR", "EUR": "EUR",
    "NATO": "NATO", "IGOWSTNAT": "NATO", "NAT": "NATO",
    "IAEA": "IAEA", "IGOUNOIAE": "IAEA", "IAE": "IAEA",
}
YIELD_TYPES = frozenset({"CONCEDE", "RETREAT"})

Triple = tuple[str | None, str | None, str]


def fold_code(code: Any) -> str | None:
    """Upper-case actor code with organisation aliases folded; None for missing or blank codes."""
    if code is None:
        return None
    text = str(code).strip().upper()
    if not text:
        return None
    return ORG_FOLD.get(text, text)


@dataclass
class GoldDoc:
    id: str
    text: str
    date: str | None
    events: list[dict[str, Any]]
    optional: list[dict[str, Any]] = field(default_factory=list)


def _gold_event(raw: Any, where: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise TypeError(f"{where}: gold event is not an object")
    types = raw.get("type")
    if isinstance(types, str):
        types = [types]
    if not isinstance(types, list) or not types or not all(isinstance(t, str) for t in types):
        raise ValueError(f"{where}: gold event needs a non-empty \"type\" list")
    if "source" not in raw:
        raise ValueError(f"{where}: gold event has no \"source\"")
    target = raw.get("target", ["*"])
    if target is None or isinstance(target, str):
        target = [target]  # "target": null accepts no recipient, "target": "KOR" one
    if not isinstance(target, list):
        raise TypeError(f"{where}: \"target\" must be a list")
    return {"source": raw["source"], "target": target, "type": types}


def read_gold(path: str | Path, errors: list[str] | None = None) -> Iterator[GoldDoc]:
    """Gold records from a JSON-lines file; a bad line is reported (file:line) and skipped."""
    with open(path, encoding="utf-8", errors="replace") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                rec = json.loads(line)
                if not isinstance(rec, dict):
                    raise TypeError(f"{where}: not a JSON object")
                if rec.get("id") is None:
                    raise ValueError(f"{where}: no \"id\"")
                events = rec.get("events")
                if not isinstance(events, list):
                    raise TypeError(f"{where}: no \"events\" list")
                optional = rec.get("optional") or []
                if not isinstance(optional, list):
                    raise TypeError(f"{where}: \"optional\" must be a list")
                text = rec.get("text")
                yield GoldDoc(
                    id=str(rec["id"]), text=text if isinstance(text, str) else "",
                    date=str(rec["date"])[:10] if rec.get("date") else None,
                    events=[_gold_event(e, where) for e in events],
                    optional=[_gold_event(e, where) for e in optional],
                )
            except json.JSONDecodeError as exc:
                _report(errors, f"{where}: not JSON ({exc.msg})")
            except (ValueError, TypeError) as exc:
                _report(errors, str(exc))


def load_gold(path: str | Path, errors: list[str] | None = None) -> list[GoldDoc]:
    return list(read_gold(path, errors))


def _report(errors: list[str] | None, message: str) -> None:
    log.warning(message)
    if errors is not None:
        errors.append(message)


def read_events(path: str | Path, errors: list[str] | None = None) -> Iterator[dict[str, Any]]:
    """PLOVER event records (one JSON object a line); bad lines are reported and skipped."""
    with open(path, encoding="utf-8", errors="replace") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                _report(errors, f"{path}:{lineno}: not JSON ({exc.msg})")
                continue
            if not isinstance(rec, dict):
                _report(errors, f"{path}:{lineno}: not a JSON object")
                continue
            yield rec


def load_events(path: str | Path, errors: list[str] | None = None) -> list[dict[str, Any]]:
    return list(read_events(path, errors))


def _codes(entities: Any) -> list[str | None]:
    if not isinstance(entities, (list, tuple)):
        return []
    return [fold_code(e.get("code")) for e in entities if isinstance(e, dict)]


def event_triples(record: dict[str, Any]) -> list[Triple]:
    """(actor, recipient, type) triples of one event record, actor x recipient; [] unless asserted.
    An actor that is also a recipient of a compound event is not paired with itself."""
    if str(record.get("modality", "asserted")).lower() != "asserted":
        return []
    etype = str(record.get("event", "")).upper()
    actors = [a for a in _codes(record.get("actor")) if a] or [None]
    recipients = [r for r in _codes(record.get("recipient")) if r] or [None]
    out: set[Triple] = set()
    for a in actors:
        for r in recipients:
            if a is not None and a == r and len(actors) > 1:
                continue
            out.add((a, r, etype))
    return sorted(out, key=str)


def matches(gold: dict[str, Any], triple: Triple) -> bool:
    """Whether a triple satisfies one gold (or optional) event."""
    source, target, etype = triple
    if gold["source"] != "*" and fold_code(gold["source"]) != source:
        return False
    types = {str(t).upper() for t in gold["type"]}
    if "YIELD" in types:
        types |= YIELD_TYPES
    if etype not in types:
        return False
    targets = gold.get("target", ["*"])
    if "*" in targets:
        return True
    if target is None:
        return None in targets
    return target in {fold_code(t) for t in targets if t is not None}


_FORMS: dict[str, list[str]] | None = None


def _forms_by_code() -> dict[str, list[str]]:
    """Knowledge-base surface forms by folded code (for pointing at the sentence of a missed event)."""
    global _FORMS
    if _FORMS is None:
        _FORMS = {}
        try:
            from ..kb import load_kb

            for form, entry in load_kb().aliases():
                code = fold_code(getattr(entry, "code", None))
                if code and len(form) > 2:
                    _FORMS.setdefault(code, []).append(form.lower())
        except Exception as exc:  # noqa: BLE001 - display help only
            log.debug("no knowledge base for error display: %s", exc)
    return _FORMS


def sentence_for(text: str, codes: Iterable[Any]) -> str:
    """The first sentence of `text` that names one of the actor codes (the whole text if none does)."""
    import re

    from ..nlp import get_tokenizer_nlp

    folded = [fold_code(c) for c in codes if c != "*"]
    forms = [f for c in folded if c for f in _forms_by_code().get(c, [])]
    if not forms or len(text) < 200:
        return text
    sents = [s.text for s in get_tokenizer_nlp()(text).sents]
    for sent in sents:
        low = sent.lower()
        if any(re.search(rf"\b{re.escape(f)}\b", low) for f in forms):
            return sent
    return text


@dataclass
class EvalError:
    kind: str  # missed | spurious
    story_id: str
    gold: dict[str, Any] | None  # the missed gold event
    triple: Triple | None  # the spurious triple
    text: str  # the gold record's text
    sentences: list[str] = field(default_factory=list)  # event_text of the spurious event's records

    def describe(self) -> str:
        if self.kind == "missed" and self.gold is not None:
            g = self.gold
            return f"{g['source']} -> {'|'.join(str(t) for t in g['target'])} {'|'.join(g['type'])}"
        if self.triple is not None:
            a, r, t = self.triple
            return f"{a} -> {r} {t}"
        return ""

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "story_id": self.story_id, "gold": self.gold,
                "triple": list(self.triple) if self.triple else None, "text": self.text,
                "sentences": self.sentences}


# Confidence bands shown by `dyadwatch evaluate` (lower edges; the last band runs to 1).
BANDS = (0.0, 0.5, 0.7, 0.85)


@dataclass
class Outcome:
    """One scored triple: its story, whether it matched a gold event, and the highest confidence of
    the event records that gave it (None when the records carry none)."""

    story_id: str
    triple: Triple
    correct: bool
    confidence: float | None


@dataclass
class EvalResult:
    tp: int
    fp: int
    fn: int
    per_type: dict[str, list[int]]  # type -> [tp, fp, fn]
    errors: list[EvalError]
    n_docs: int = 0
    unknown_stories: int = 0  # coded story ids that are not in the gold file
    outcomes: list[Outcome] = field(default_factory=list)  # every true and spurious triple

    def bands(self, edges: tuple[float, ...] = BANDS) -> list[dict[str, Any]]:
        """Precision of the scored triples per confidence band: [{"band", "low", "high", "n", "tp",
        "fp", "precision", "mean_confidence"}], lowest band first; triples without a confidence
        are left out."""
        rows = []
        for k, low in enumerate(edges):
            high = edges[k + 1] if k + 1 < len(edges) else 1.0
            last = k + 1 == len(edges)
            inside = [o for o in self.outcomes if o.confidence is not None
                      and low <= o.confidence and (o.confidence < high or last)]
            tp = sum(o.correct for o in inside)
            rows.append({"band": f"{low:.2f}-{high:.2f}", "low": low, "high": high, "n": len(inside),
                         "tp": tp, "fp": len(inside) - tp,
                         "precision": tp / len(inside) if inside else None,
                         "mean_confidence": sum(o.confidence or 0.0 for o in inside) / len(inside) if inside
                         else None})
        return rows

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def summary(self) -> dict[str, Any]:
        """The numbers, keyed as the reference scorer's --json output."""
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": self.precision,
                "recall": self.recall, "f1": self.f1,
                "per_type": {k: list(v) for k, v in self.per_type.items()}}

    def by_type(self) -> list[dict[str, Any]]:
        rows = []
        for etype, (tp, fp, fn) in sorted(self.per_type.items()):
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            rows.append({"type": etype, "tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r,
                         "f1": 2 * p * r / (p + r) if p + r else 0.0})
        return rows

    def by_type_frame(self) -> Any:
        import pandas as pd

        return pd.DataFrame(self.by_type(), columns=["type", "tp", "fp", "fn", "precision", "recall", "f1"])


def score(gold: Iterable[GoldDoc], events: Iterable[dict[str, Any]]) -> EvalResult:
    """Score coded event records against gold records (the rules in the module docstring)."""
    docs = list(gold)
    by_story: dict[str, set[Triple]] = defaultdict(set)
    sentences: dict[tuple[str, Triple], list[str]] = defaultdict(list)
    confidence: dict[tuple[str, Triple], float] = {}
    for rec in events:
        sid = str(rec.get("story_id"))
        conf = _confidence(rec)
        for t in event_triples(rec):
            by_story[sid].add(t)
            if conf is not None and conf > confidence.get((sid, t), -1.0):
                confidence[(sid, t)] = conf
            text = rec.get("event_text")
            if isinstance(text, str) and text not in sentences[(sid, t)]:
                sentences[(sid, t)].append(text)
    outcomes: list[Outcome] = []
    tp = fp = fn = 0
    per_type: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    errors: list[EvalError] = []
    for doc in docs:
        triples = sorted(by_story.get(doc.id, set()), key=str)
        used: set[Triple] = set()
        for g in doc.events:
            key = str(g["type"][0]).upper()
            hit = next((t for t in triples if t not in used and matches(g, t)), None)
            if hit is not None:
                used.add(hit)
                tp += 1
                per_type[key][0] += 1
                outcomes.append(Outcome(doc.id, hit, True, confidence.get((doc.id, hit))))
            else:
                fn += 1
                per_type[key][2] += 1
                errors.append(EvalError("missed", doc.id, g, None, doc.text))
                errors[-1].sentences = [sentence_for(doc.text, [g["source"], *g["target"]])] \
                    if len(doc.text) >= 200 else []
        for t in triples:
            if t in used:
                continue
            if any(matches(o, t) for o in doc.optional) or any(matches(g, t) for g in doc.events):
                continue  # an optional reading, or a second triple for an already found event
            fp += 1
            per_type[t[2]][1] += 1
            outcomes.append(Outcome(doc.id, t, False, confidence.get((doc.id, t))))
            errors.append(EvalError("spurious", doc.id, None, t, doc.text, sentences.get((doc.id, t), [])))
    known = {d.id for d in docs}
    return EvalResult(tp, fp, fn, dict(per_type), errors, n_docs=len(docs),
                      unknown_stories=sum(1 for sid in by_story if sid not in known), outcomes=outcomes)


def _confidence(rec: dict[str, Any]) -> float | None:
    """A record's confidence in [0, 1], or None when it has none (or a value that is not a number)."""
    value = rec.get("confidence")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    value = float(value)
    return value if 0.0 <= value <= 1.0 else None


def code_gold(docs: Iterable[GoldDoc], clean: bool = False) -> list[dict[str, Any]]:
    """Code the gold records' texts with dyadwatch's coder; event records with story_id = gold id."""
    from ..ingest.article import Article
    from . import code_articles

    cleaner = None
    if clean:
        from ..ingest.debris import clean_text as cleaner

    def articles() -> Iterator[Article]:
        for d in docs:
            text = d.text
            if cleaner is not None:
                text = cleaner(text) or text
            yield Article(text=text, date=d.date, raw_id=d.id)

    out: list[dict[str, Any]] = []
    for article, evs in code_articles(articles()):
        for ev in evs:
            rec = ev.to_record()
            rec["story_id"] = str(article.raw_id)
            out.append(rec)
    return out


def evaluate_file(gold_path: str | Path, events_path: str | Path | None = None, *, clean: bool = False,
                  errors: list[str] | None = None) -> EvalResult:
    """Score a gold file against an events file, or against dyadwatch's own coding of its texts."""
    docs = load_gold(gold_path, errors)
    events = load_events(events_path, errors) if events_path else code_gold(docs, clean=clean)
    return score(docs, events)
