"""Sentences -> PLOVER events. The `Coder` holds the parser, the actor finder and the lexicon, and
runs an article through the decisions, each in its own module:

prefilter (can a sentence hold an event? no parse) -> parse of the candidate sentences ->
sentence: actors (mentions) -> candidates (lexicon triggers on the parse) -> control (clauses
another trigger owns) -> assemble, one event per trigger: senses, agents / recipients / nominal
(arguments), joint, reinterpret, targets, clause_modality, speech, intent -> merge (one act once
per sentence) -> article (the article's memory across sentences; coref).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

import numpy as np
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from ..events import Event
from ..ingest.article import Article
from ..nlp import get_nlp
from .actors import ActorFinder, Mention
from .article import code_parsed_article, own_headline, recase_headline
from .prefilter import drop_non_reports, may_hold_event, report_start
from .triggers import load_lexicon
from .wraps import restore_sentences, unwrap

log = logging.getLogger("dyadwatch.coding")


class Coder:
    """Holds the parser, the actor finder and the lexicon; codes articles one at a time."""

    def __init__(self, nlp: Language | None = None, kb: object = None) -> None:
        self.nlp = nlp or get_nlp()
        self.finder = ActorFinder(self.nlp, kb)
        self.lex = load_lexicon()
        self.sentencizer = Sentencizer()
        # NER stays on: it tells "Jordan" the country from Jordan the person (ambiguous aliases)
        self.skip_pipes: list[str] = []

    # -- article level -----------------------------------------------------------------------

    def split(self, text: str) -> Doc:
        doc = self.nlp.make_doc(text)
        doc = self.sentencizer(doc)
        # a line break left by `unwrap` ends a sentence (headlines, bylines, paragraphs): it is a space token
        # (a token's own trailing whitespace is one space at most)
        if "\n" in text:
            n = len(doc)
            for i in np.flatnonzero(doc.to_array(IS_SPACE)):
                if i + 1 < n and "\n" in doc[int(i)].text:
                    doc[int(i) + 1].is_sent_start = True
        return doc

    def candidates(self, doc: Doc, mentions: list[Mention]) -> list[bool]:
        """Sentence by sentence: can it hold an event (an actor mention or a reference, and a trigger)?"""
        return may_hold_event(doc, mentions, self.lex.forms)

    def code(self, article: Article, parse_all: bool = False) -> list[Event]:
        """Events of one article."""
        return self.code_many([article], parse_all=parse_all)[0]

    def code_many(self, articles: list[Article], parse_all: bool = False) -> list[list[Event]]:
        """Events of several articles; their candidate sentences go through spaCy in one stream."""
        plans = [self._plan(a, parse_all) for a in articles]
        texts = [t for p in plans if p is not None for t in p["texts"]]
        docs = iter(self.nlp.pipe(texts, batch_size=64, disable=self.skip_pipes))
        out: list[list[Event]] = []
        for article, plan in zip(articles, plans):
            if plan is None:
                out.append([])
                continue
            parsed = {k: next(docs) for k in plan["keys"]}
            events = code_parsed_article(article, plan["sents"], plan["cheap"], plan["starts"], parsed,
                                         self.finder, self.lex)
            if plan["rewritten"]:  # evidence quotes the article as written, not the copy the parser read
                restore_sentences(events, plan["text"], article.text or "")
            out.append(events)
        return out

    def _plan(self, article: Article, parse_all: bool) -> dict | None:
        """The sentences of an article to parse, and where each one's report starts."""
        text = unwrap(article.text or "")  # a hard wrap inside a sentence is a space (same offsets)
        if not text.strip():
            return None
        doc = self.split(text)
        sents = list(doc.sents)
        if parse_all:
            cheap = self.finder.find(doc, article.date)
            flags = [True] * len(sents)
        else:
            # a town named only as where ("gunmen attacked a police station in Peshawar") can stand for the doer
            cheap, where = self.finder.find_and_locations(doc, article.date)
            flags = self.candidates(doc, cheap + where)
        head = own_headline(text, sents)
        keep_head = head is not None and flags[head]
        drop_non_reports(text, sents, flags)
        if keep_head:
            flags[head] = True
        todo = [(k, s) for k, s in enumerate(sents) if flags[k]]
        # "SEOUL, March 3 (Reuters) - North Korea fired ...": the dateline names no actor
        starts = {k: report_start(text, k, s) for k, s in todo}
        read = text
        if keep_head and head is not None:  # the parser reads a Title Case headline's verb as a name
            recased = recase_headline(sents[head], cheap)
            if recased is not None:
                s0 = sents[head]
                read = text[:s0.start_char] + recased + text[s0.end_char:]
        return {"text": text, "rewritten": read != (article.text or ""), "sents": sents, "cheap": cheap, "starts": starts, "keys": [k for k, _ in todo],
                "texts": [read[starts[k]:s.end_char] for k, s in todo]}


_CODER: Coder | None = None


def get_coder() -> Coder:
    global _CODER
    if _CODER is None:
        _CODER = Coder()
    return _CODER


def code_article(article: Article) -> list[Event]:
    """PLOVER events of one article."""
    return get_coder().code(article)


def code_articles(articles: Iterable[Article], batch_size: int = 32) -> Iterator[tuple[Article, list[Event]]]:
    """Events of each article, in order (candidate sentences go through spaCy in batches)."""
    coder = get_coder()
    batch: list[Article] = []

    def flush() -> Iterator[tuple[Article, list[Event]]]:
        try:
            results = coder.code_many(batch)
        except Exception:  # noqa: BLE001 - retry one by one so that one bad article spoils nothing else
            results = []
            for article in batch:
                try:
                    results.append(coder.code(article))
                except Exception as exc:  # noqa: BLE001
                    log.warning("%s: coding failed: %s", article.path or article.id, exc)
                    results.append([])
        yield from zip(batch, results)

    for article in articles:
        batch.append(article)
        if len(batch) >= max(1, batch_size):
            yield from flush()
            batch = []
    if batch:
        yield from flush()


def code_text(text: str, date: str | None = None, story_id: str = "text") -> list[Event]:
    """Events of a piece of text (for notebooks)."""
    return code_article(Article(text=text, date=date, raw_id=story_id))
