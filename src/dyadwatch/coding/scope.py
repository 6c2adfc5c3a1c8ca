"""What the rules of one sentence share: the candidate triggers, the sentence's actors, the events made
so far (`Scope`); the event being decided (`Draft`); and the one place an `Event` is built."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..events import QUAD, Actor, Event, cameo_table
from ..ingest.article import Article
from .actors import ActorFinder
from .confidence import event_confidence
from .dates import event_date, parse_iso
from .resolve import SentenceActors
from .triggers import LexEntry, Lexicon

log = logging.getLogger("dyadwatch.coding")


@dataclass
class Cand:
    """A lexicon entry that fired on a token (`obj_tok`: the object the entry's pattern matched)."""

    tok: Token
    entry: LexEntry
    obj_tok: Token | None = None
    reported: bool = False  # an event noun that is also the argument of a reaction ("condemned X's strikes")


@dataclass
class Scope:
    """One parsed sentence and what its rules have found so far."""

    sa: SentenceActors
    lex: Lexicon
    article: Article
    index: int  # sentence number in the article
    by_tok: dict[int, Cand] = field(default_factory=dict)  # candidate triggers by token index
    speech: dict[int, LexEntry] = field(default_factory=dict)  # speech verbs by token index
    controlled: dict[int, int] = field(default_factory=dict)  # token -> trigger owning its clause
    made: dict[int, Event] = field(default_factory=dict)  # events made so far, by trigger token
    joint: set[int] = field(default_factory=set)  # id() of the events that stand for a joint act
    side: list[Event] = field(default_factory=list)  # events a rule made beside its own (a speaker's accusation)

    @property
    def doc(self) -> Doc:
        return self.sa.doc

    @property
    def offset(self) -> int:
        return self.sa.offset

    @property
    def finder(self) -> ActorFinder:
        return self.sa.finder

    def make(self, tok: Token, e: LexEntry, etype: str, mode: str | None, cameo: str | None,
             actors: list[Actor], recips: list[Actor], modality: str, how: str) -> Event:
        """The Event record of a decided act, with its context, date, confidence and evidence."""
        context = []
        row = cameo_table().get(cameo or "")
        if row and row.get("context"):
            context = [x.strip() for x in row["context"].split(";") if x.strip()]
        date, precision = trigger_date(self.doc, self.article, tok, modality)
        if modality == "asserted" and (historical(tok, self.article.date) or (
                tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "dobj" and historical(tok.head, self.article.date))):
            # "the junta, which seized power in 2021, ...", "jailed over the 2019 protests": an act
            # dated well before the story is its background, not its news
            modality = "claimed"
        offset = self.offset
        return Event(
            story_id=str(self.article.raw_id or self.article.id), event=etype, actor=actors, recipient=recips,
            mode=mode, context=context, date=date, date_precision=precision, modality=modality,
            cameo=cameo, confidence=event_confidence(how, recips, scope=self, tok=tok, entry=e, etype=etype,
                                                     actors=actors, modality=modality), event_text=self.doc.text,
            sentence_index=self.index, sentence_start=offset, trigger=tok.text, trigger_start=offset + tok.idx,
            trigger_end=offset + tok.idx + len(tok), lexicon_id=e.id,
        )


@dataclass
class Draft:
    """The event of one candidate while the rules decide it: each rule may change any field."""

    cand: Cand
    etype: str
    mode: str | None
    cameo: str | None
    actors: list[Actor] = field(default_factory=list)
    recips: list[Actor] = field(default_factory=list)
    how: str = ""  # how the actor was found: subj, agent, mention, inherited, place, accused ...
    modality: str = "asserted"
    reciprocal: bool = False  # every actor acts on every other one (recips == actors)
    recip_slot: str = ""  # the entry slot that named the recipients ("dobj", "prep:with" ...)

    @property
    def tok(self) -> Token:
        return self.cand.tok

    @property
    def entry(self) -> LexEntry:
        return self.cand.entry

    def retype(self, etype: str, mode: str | None, cameo: str | None) -> None:
        self.etype, self.mode, self.cameo = etype, mode, cameo

    def actor_codes(self) -> set[str | None]:
        return {a.code for a in self.actors}

    def recip_codes(self) -> set[str | None]:
        return {r.code for r in self.recips}


def copy_actor(a: Actor) -> Actor:
    """The same actor and evidence span, as a new record (without the office)."""
    return Actor(a.code, a.sector, a.entity_text, a.start, a.end)


def trigger_date(doc: Doc, article: Article, tok: Token | None = None, modality: str = "asserted"
                 ) -> tuple[str | None, str]:
    """The event's date from its sentence; a future event reads "on June 12" forward."""
    try:
        return event_date(doc[:], article.date, trigger=tok, future=modality == "future" or (
            modality == "hypothetical" and tok is not None and any(
                c.lower_ in ("would", "will") for c in tok.head.children if c.dep_ == "aux")))
    except Exception as exc:  # noqa: BLE001
        log.debug("event_date failed: %s", exc)
    if article.date:
        return str(article.date)[:10], "publication"
    return None, "undated"


_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
YEAR_PREPS = ("in", "during")


def _year_of(tok: Token) -> int | None:
    """A year the act's own words date it by: "seized power in 2021", "the 2020 protests", "during
    the 2014 war" (not a date of another clause of the sentence)."""
    for ch in tok.children:
        if ch.dep_ in ("nummod", "compound", "amod", "npadvmod") and _YEAR.match(ch.text):
            return int(ch.text)
        if ch.dep_ == "prep" and ch.lower_ in YEAR_PREPS:
            for obj in ch.children:
                if obj.dep_ == "pobj" and _YEAR.match(obj.text):
                    return int(obj.text)
                if obj.dep_ == "pobj" and any(c.dep_ in ("nummod", "compound") and _YEAR.match(c.text)
                                              for c in obj.children):
                    return int(next(c.text for c in obj.children if _YEAR.match(c.text)))
    return None


def historical(tok: Token, article_date: object) -> bool:
    """The act's own words date it to a year before the story's: its background, not its news."""
    base = parse_iso(article_date)
    if base is None:
        return False
    year = _year_of(tok)
    return year is not None and year < base.year


def cooperative(etype: str) -> bool:
    """A type of verbal or material cooperation (quad 1 or 2)."""
    return QUAD.get(etype, 0) in (1, 2)
