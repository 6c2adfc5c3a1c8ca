"""An article's events: its parsed sentences coded in order with one memory of what the article
has named (pronouns, "the country", people by surname, earlier events for "condemned the attack")."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..events import Actor, Event
from ..ingest.article import Article
from .actors import ActorFinder, Mention
from .coref import ArticleContext
from .event_coref import corefer
from .places import place_events
from .sentence import code_sentence
from .triggers import Lexicon


def code_parsed_article(article: Article, sents: list[Span], cheap: list[Mention], starts: dict[int, int],
                        parsed: dict[int, Doc], finder: ActorFinder, lex: Lexicon) -> list[Event]:
    """Events of an article whose candidate sentences (`parsed`, by sentence number) were parsed;
    `cheap`: the actor mentions found before parsing, remembered from the sentences not parsed."""
    ctx = ArticleContext()
    events: list[Event] = []
    cheap_i = 0
    for k, s in enumerate(sents):
        if k in parsed:
            events.extend(code_sentence(parsed[k], starts[k], k, article, ctx, finder, lex))
        # remember the sentence's named actors for later mentions
        while cheap_i < len(cheap) and cheap[cheap_i].start < s.end:
            m = cheap[cheap_i]
            cheap_i += 1
            if k in parsed:
                continue
            ctx.note(Actor(m.code, m.sector, m.text), m.kind)
    # one Event per act, every mention kept; then where each act happened (coding/places.py)
    return place_events(corefer(events, ctx.anaphors), article, sents, parsed, starts, cheap, finder)
