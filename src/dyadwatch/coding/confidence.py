"""How sure the coder is of one event: a probability that the event is right.

The evidence the coder has when it makes an event is turned into a few numeric features (how the
actor was found: a name, a person, a capital or seat standing for a government, a demonym, a
pronoun or an article default; which lexicon entry fired and how specific it is; the modality and
its cue; how far the trigger is from its actor and recipient; the sentence's length and place in the
article; genre cues of the article: first person, questions, "should"). A logistic model turns them
into a probability. Its coefficients are data (kb/data/confidence.yaml), fitted on the development
sets' match / no-match labels with cross-validation by `tools/fit_confidence.py` (see that script to
refit); a DYADWATCH_KB folder's confidence.yaml replaces the bundled model.

    features(scope, tok, entry, etype, actors, recips, modality, how) -> {name: value}
    event_confidence(how, recips, ...) -> probability in (0, 1)
"""

from __future__ import annotations

import logging
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from ..config import kb_dirs
from ..events import QUAD, Actor
from ..ingest.debris import find_dateline

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .scope import Scope
    from .triggers import LexEntry

log = logging.getLogger("dyadwatch.coding")

# actors found by the grammar (subject, by-agent, a mention in the trigger's phrase) are the surest
DIRECT = ("subj", "agent", "mention")
NAMED_KINDS = ("country", "organisation", "region")
METONYM_KINDS = ("capital", "seat")
NO_RECIPIENT_TYPES = frozenset({"MOBILIZE", "PROTEST"})  # PLOVER: these need no recipient
GENERIC_CODES = frozenset({None, "", "IGO", "NGO", "IMG", "MNC", "UNK"})  # codes that name no one body
FIRST_PERSON = frozenset({"i", "we", "my", "our", "us", "me", "ours"})
PRESCRIPTIVE = frozenset({"should", "must", "ought", "needs"})
REPORTING = frozenset({"say", "tell", "report", "announce", "state", "add", "confirm", "quote"})
_QUOTED = re.compile(r"[\"“”][^\"“”]{0,600}[\"“”]")

# Set to a list to collect (story_id, trigger_start, event type, features) of every event made:
# tools/fit_confidence.py does so to fit the model.
RECORDER: list[tuple[str, int, str, dict[str, float]]] | None = None


@dataclass(frozen=True)
class Model:
    intercept: float
    weights: dict[str, float]
    floor: float = 0.02
    ceiling: float = 0.98

    def probability(self, feats: dict[str, float]) -> float:
        z = self.intercept + sum(w * feats.get(k, 0.0) for k, w in self.weights.items())
        p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
        return min(self.ceiling, max(self.floor, p))


def _read_model(text: str, origin: str) -> Model | None:
    import yaml

    try:
        raw = yaml.safe_load(text) or {}
        weights = {str(k): float(v) for k, v in (raw.get("weights") or {}).items()}
        return Model(float(raw.get("intercept", 0.0)), weights, float(raw.get("floor", 0.02)),
                     float(raw.get("ceiling", 0.98)))
    except (yaml.YAMLError, AttributeError, TypeError, ValueError) as exc:
        log.warning("%s: bad confidence model, ignored (%s)", origin, str(exc).splitlines()[0] if str(exc) else exc)
        return None


@lru_cache(maxsize=1)
def load_model() -> Model:
    """The bundled model, or the one in the last DYADWATCH_KB folder that has a confidence.yaml."""
    model: Model | None = None
    try:
        text = resources.files("dyadwatch.kb").joinpath("data/confidence.yaml").read_text("utf-8")
        model = _read_model(text, "kb/data/confidence.yaml")
    except (FileNotFoundError, ModuleNotFoundError):
        log.warning("kb/data/confidence.yaml is missing: confidence falls back to a prior")
    for folder in kb_dirs():
        path = folder / "confidence.yaml"
        if path.is_file():
            model = _read_model(path.read_text("utf-8"), str(path)) or model
    return model or Model(0.0, {"how_direct": 1.0, "has_recipient": 0.6})


# -- features ---------------------------------------------------------------------------------------

@lru_cache(maxsize=64)
def genre(text: str) -> dict[str, float]:
    """Article-level genre cues outside quotations: first person, questions, prescriptions, a dateline."""
    body = _QUOTED.sub(" ", text or "")
    words = re.findall(r"[A-Za-z']+", body.lower())
    n = max(1, len(words))
    return {
        "genre_first_person": 1.0 if sum(w in FIRST_PERSON for w in words) >= 1 else 0.0,
        "genre_question": 1.0 if re.search(r"\?\s", body + " ") else 0.0,
        "genre_prescriptive": min(1.0, 200.0 * sum(w in PRESCRIPTIVE for w in words) / n),
        "genre_dateline": 1.0 if find_dateline(text or "") else 0.0,
    }


def _token_at(doc: Any, char: int | None) -> Any:
    if char is None:
        return None
    for t in doc:
        if t.idx <= char < t.idx + max(1, len(t.text)):
            return t
    return None


def _mention_kind(scope: Scope, actor: Actor, tok: Any) -> str:
    if tok is None:
        return "none"
    m = scope.sa.tokmap.get(tok.i)
    if m is not None:
        return m.kind
    if tok.pos_ == "PRON":
        return "pronoun"
    return "other"


def features(scope: Scope, tok: Token, entry: LexEntry, etype: str, actors: list[Actor], recips: list[Actor],
             modality: str, how: str) -> dict[str, float]:
    """The numeric evidence of one event (names as in kb/data/confidence.yaml)."""
    doc = scope.doc
    off = scope.offset
    f: dict[str, float] = {}
    f["how_direct"] = 1.0 if how in DIRECT else 0.0
    f["how_inherited"] = 1.0 if how == "inherited" else 0.0
    f["how_place"] = 1.0 if how == "place" else 0.0
    a_tok = _token_at(doc, actors[0].start - off) if actors and actors[0].start is not None else None
    kind = _mention_kind(scope, actors[0], a_tok) if actors else "none"
    f["actor_named"] = 1.0 if kind in NAMED_KINDS else 0.0
    f["actor_person"] = 1.0 if kind == "person" else 0.0
    f["actor_metonym"] = 1.0 if kind in METONYM_KINDS else 0.0
    f["actor_demonym"] = 1.0 if kind == "demonym" else 0.0
    f["actor_pronoun"] = 1.0 if kind == "pronoun" else 0.0
    f["actor_unnamed"] = 1.0 if kind in ("other", "none") else 0.0
    f["actor_compound"] = 1.0 if len(actors) > 1 else 0.0
    f["has_recipient"] = 1.0 if recips else 0.0
    f["no_recipient_needed"] = 1.0 if not recips and etype in NO_RECIPIENT_TYPES else 0.0
    r_tok = _token_at(doc, recips[0].start - off) if recips and recips[0].start is not None else None
    rkind = _mention_kind(scope, recips[0], r_tok) if recips else "none"
    f["recipient_unnamed"] = 1.0 if recips and rkind in ("other", "none", "pronoun") else 0.0
    codes = {a.code for a in actors}
    f["actor_generic_code"] = 1.0 if not codes or codes & GENERIC_CODES else 0.0
    f["recipient_generic_code"] = 1.0 if recips and {r.code for r in recips} & GENERIC_CODES else 0.0
    f["self_target"] = 1.0 if recips and codes & {r.code for r in recips} else 0.0
    f["entry_noun"] = 1.0 if getattr(entry, "kind", "verb") == "noun" else 0.0
    try:
        f["entry_specific"] = float(entry.specificity()) / 3.0
    except Exception:  # noqa: BLE001
        f["entry_specific"] = 0.0
    f["entry_compact"] = 1.0 if "." in str(getattr(entry, "id", "")) else 0.0
    f["entry_speech"] = 1.0 if "speech" in getattr(entry, "flags", ()) or how == "accused" else 0.0
    quad = QUAD.get(etype, 0)
    for q in (1, 2, 3):
        f[f"quad{q}"] = 1.0 if quad == q else 0.0
    f["not_asserted"] = 0.0 if modality == "asserted" else 1.0
    f["trigger_present"] = 1.0 if tok.tag_ in ("VBZ", "VBP") else 0.0
    f["trigger_perfect"] = 1.0 if any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve") for c in tok.children) \
        else 0.0
    depth = sum(1 for _ in tok.ancestors)
    f["depth"] = min(depth, 8) / 8.0
    f["embedded"] = 1.0 if any(t.dep_ in ("relcl", "advcl", "acl") for t in [tok, *tok.ancestors][:4]) else 0.0
    f["actor_distance"] = math.log1p(abs(a_tok.i - tok.i)) / 3.0 if a_tok is not None else 1.0
    f["recipient_distance"] = math.log1p(abs(r_tok.i - tok.i)) / 3.0 if r_tok is not None else 0.0
    n = len(doc)
    f["sentence_length"] = math.log1p(n) / 4.0
    f["lead_sentence"] = 1.0 if scope.index == 0 else 0.0
    f["sentence_index"] = math.log1p(scope.index) / 3.0
    f["events_before"] = min(len(scope.made), 4) / 4.0  # acts already made from this sentence
    f["in_quote"] = 1.0 if _in_quote(doc, tok) else 0.0
    f["attributed"] = 1.0 if any(t.lemma_.lower() in REPORTING and t.pos_ == "VERB" for t in doc) else 0.0
    f.update(genre(scope.article.text or ""))
    return f


def _in_quote(doc: Any, tok: Any) -> bool:
    before = sum(1 for t in doc[: tok.i] if t.text in ('"', "“", "”"))
    return before % 2 == 1


def event_confidence(how: str, recips: list[Actor], scope: Scope | None = None, tok: Token | None = None,
                     entry: LexEntry | None = None, etype: str = "", actors: list[Actor] | None = None,
                     modality: str = "asserted") -> float:
    """The probability that the event is right, from its evidence (the fitted model of
    kb/data/confidence.yaml); with only `how` and `recips`, from those two."""
    if scope is None or tok is None or entry is None:
        feats = {"how_direct": 1.0 if how in DIRECT else 0.0, "has_recipient": 1.0 if recips else 0.0}
    else:
        try:
            feats = features(scope, tok, entry, etype, actors or [], recips, modality, how)
        except Exception as exc:  # noqa: BLE001 - a feature bug must not lose the event
            log.debug("confidence features failed: %s", exc)
            feats = {"how_direct": 1.0 if how in DIRECT else 0.0, "has_recipient": 1.0 if recips else 0.0}
        if RECORDER is not None:
            RECORDER.append((str(scope.article.raw_id or scope.article.id), scope.offset + tok.idx, etype, feats))
    return round(load_model().probability(feats), 3)
