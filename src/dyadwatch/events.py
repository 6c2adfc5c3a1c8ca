"""The Event record and the scales attached to it (PLOVER score, quad class, Goldstein).

Every layer from coding onwards speaks in `Event` records; the store flattens them into rows
and `Event.to_record()` is the PLOVER JSON line that `dyadwatch code` prints.
"""

from __future__ import annotations

import csv
import hashlib
import json
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE",
    "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "SANCTION", "THREATEN",
    "PROTEST", "MOBILIZE", "COERCE", "ASSAULT",
)
MODALITIES = ("asserted", "negated", "hypothetical", "future", "claimed")

# PLOVER quad classes: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
# 4 material conflict.
QUAD = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "SANCTION": 3, "THREATEN": 3,
    "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation",
              3: "verbal conflict", 4: "material conflict"}

# PLOVER conflict-cooperation score (-10..+10) by type, with mode overrides.
PLOVER_SCORE = {
    "AGREE": 2.5, "CONSULT": 2.5, "SUPPORT": 5.0, "CONCEDE": 4.5,
    "COOPERATE": 9.5, "AID": 10.0, "RETREAT": 6.5,
    "REQUEST": 0.0, "ACCUSE": -3.0, "REJECT": -2.0, "SANCTION": -6.0, "THREATEN": -3.5,
    "PROTEST": -5.0, "MOBILIZE": -5.5, "COERCE": -7.0, "ASSAULT": -9.0,
}
PLOVER_MODE_SCORE = {
    ("CONSULT", "visit"): 4.0, ("CONSULT", "third-party"): 1.0,
    ("CONSULT", "multilateral"): 4.0, ("CONSULT", "phone"): 1.5,
    ("RETREAT", "disarm"): 10.0,
    ("ACCUSE", "disapprove"): -2.0, ("ACCUSE", "investigate"): -3.5, ("ACCUSE", "allege"): -3.5,
    ("PROTEST", "riot"): -7.0,
    ("ASSAULT", "unconventional"): -10.0,
}


def plover_score(event: str, mode: str | None = None) -> float | None:
    """PLOVER conflict-cooperation score of an event type (and mode), None if unknown."""
    event = (event or "").upper()
    if mode and (event, mode) in PLOVER_MODE_SCORE:
        return PLOVER_MODE_SCORE[(event, mode)]
    return PLOVER_SCORE.get(event)


def quad_code(event: str) -> int | None:
    return QUAD.get((event or "").upper())


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, dict[str, Any]]:
    """The package's CAMEO table (kb/data/cameo.csv): code -> {label, plover, mode, goldstein}."""
    table: dict[str, dict[str, Any]] = {}
    try:
        text = resources.files("dyadwatch.kb").joinpath("data/cameo.csv").read_text("utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return table
    for row in csv.DictReader(line for line in text.splitlines() if not line.startswith("#")):
        code = row["code"].strip()
        g = row.get("goldstein", "").strip()
        table[code] = {
            "label": row.get("label", ""),
            "plover": row.get("plover", "").strip() or None,
            "mode": row.get("mode", "").strip() or None,
            "context": row.get("context", "").strip() or None,
            "goldstein": float(g) if g else None,
        }
    return table


def goldstein(cameo: str | None) -> float | None:
    """Goldstein value of a CAMEO code, falling back to its parent codes."""
    if not cameo:
        return None
    table = cameo_table()
    code = str(cameo).strip()
    while code:
        row = table.get(code)
        if row and row["goldstein"] is not None:
            return row["goldstein"]
        code = code[:-1]
    return None


@dataclass
class Actor:
    code: str | None
    sector: str | None = None
    entity_text: str | None = None
    start: int | None = None  # character offsets in the article text
    end: int | None = None
    office: str | None = None

    def to_record(self) -> dict[str, Any]:
        out = {"code": self.code, "sector": self.sector, "entity_text": self.entity_text}
        if self.office:
            out["office"] = self.office
        return out


@dataclass
class Event:
    """One coded event. Offsets are character offsets into the article text."""

    story_id: str
    event: str
    actor: list[Actor]
    recipient: list[Actor] = field(default_factory=list)
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    date: str | None = None  # ISO date of the event, None when undated
    date_precision: str = "publication"  # day | week | month | year | publication | undated
    modality: str = "asserted"
    cameo: str | None = None
    confidence: float = 0.5
    event_text: str | None = None  # the sentence
    sentence_index: int | None = None
    sentence_start: int | None = None
    trigger: str | None = None
    trigger_start: int | None = None
    trigger_end: int | None = None
    lexicon_id: str | None = None
    location: str | None = None  # a place name as a source gave it (imports); the coder leaves it None
    origin: str = "dyadwatch"  # dyadwatch | gdelt | icews | phoenix | polecat | plover
    origin_id: str | None = None
    original: dict[str, Any] | None = None  # original codes of imported events
    id: str | None = None
    # One joint act ("A met B", "A, B and C signed") is one Event per ordered pair of different
    # parties, all sharing this id (None for every other event).
    joint_id: str | None = None
    # Within-article coreference: every mention of this one act, the first included, each in the shape
    # of `evidence` ({"sentence_index", "sentence_start", "trigger", "actor", "recipient", "event_text"});
    # empty when the coder kept only the one mention the Event's own fields describe.
    mentions: list[dict[str, Any]] = field(default_factory=list)
    # Where the act happened, as the coder placed it (coding/places.py): {name, country (ISO alpha-3),
    # lat, lon, feature_class, feature_code, geonames_id, admin1, precision (city | region | country),
    # how (venue | target | scene | dateline), text, start, end (offsets of the name in the article)}
    place: dict[str, Any] | None = None

    def __post_init__(self) -> None:
        self.event = self.event.upper()
        if self.id is None:
            self.id = self.make_id()

    def make_id(self) -> str:
        key = json.dumps([
            self.origin, self.origin_id, self.story_id, self.event,
            [a.code for a in self.actor], [r.code for r in self.recipient],
            self.trigger_start, self.sentence_index, self.date if self.origin != "dyadwatch" else None,
        ])
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    @property
    def quad_code(self) -> int | None:
        return quad_code(self.event)

    @property
    def plover_score(self) -> float | None:
        return plover_score(self.event, self.mode)

    @property
    def goldstein(self) -> float | None:
        return goldstein(self.cameo)

    @property
    def evidence(self) -> dict[str, Any]:
        def span(a: Actor) -> dict[str, Any]:
            return {"text": a.entity_text, "start": a.start, "end": a.end}

        return {
            "sentence_index": self.sentence_index,
            "sentence_start": self.sentence_start,
            "actor": [span(a) for a in self.actor],
            "trigger": {"text": self.trigger, "start": self.trigger_start, "end": self.trigger_end},
            "recipient": [span(r) for r in self.recipient],
            "lexicon_id": self.lexicon_id,
            **({"place": {"text": self.place.get("text"), "start": self.place.get("start"),
                          "end": self.place.get("end")}} if self.place else {}),
        }

    def to_record(self) -> dict[str, Any]:
        """The PLOVER JSON record (what `dyadwatch code` prints, one per line)."""
        return {
            "id": self.id,
            "story_id": self.story_id,
            "date": self.date,
            "date_precision": self.date_precision,
            "event": self.event,
            "mode": self.mode,
            "context": list(self.context),
            "actor": [a.to_record() for a in self.actor],
            "recipient": [r.to_record() for r in self.recipient],
            "modality": self.modality,
            "cameo": self.cameo,
            "goldstein": self.goldstein,
            "plover_score": self.plover_score,
            "quad_code": self.quad_code,
            "confidence": round(float(self.confidence), 3),
            "event_text": self.event_text,
            "event_loc": self.location or (self.place or {}).get("name"),
            **({"place": dict(self.place)} if self.place else {}),
            "evidence": self.evidence,
            "origin": self.origin,
            "coder": "dyadwatch" if self.origin == "dyadwatch" else self.origin,
            **({"joint_id": self.joint_id} if self.joint_id else {}),
            **({"mentions": [dict(m) for m in self.mentions]} if len(self.mentions) > 1 else {}),
        }

    @property
    def num_mentions(self) -> int:
        """How many times the article mentions this act (1 when the coder kept one mention)."""
        return max(1, len(self.mentions))

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _codes(actors: list[Actor]) -> list[str]:
    return list(dict.fromkeys(a.code for a in actors if a.code))


def is_unsplit_joint(e: Event) -> bool:
    """A joint act stored the old way: actor = recipient = the same parties, several of them. (One
    country on both sides, "Sudan's army and the RSF clashed", is a domestic event, not this.)"""
    codes = _codes(e.actor)
    return len(codes) > 1 and set(codes) == set(_codes(e.recipient))


def joint_pairs(e: Event) -> list[Event]:
    """A joint act as one Event per ordered pair of different parties (A->B and B->A, never A->A),
    all sharing one `joint_id` (the original event's id); any other event as it is."""
    if not is_unsplit_joint(e):
        return [e]
    first = {}
    for a in e.actor:
        if a.code:
            first.setdefault(a.code, a)
    gid = e.joint_id or e.id
    return [replace(e, actor=[first[a]], recipient=[first[b]], id=None, joint_id=gid)
            for a in first for b in first if a != b]
