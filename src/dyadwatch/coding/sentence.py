"""One parsed sentence -> its events: actor mentions, candidate triggers, the clauses other triggers
own, one event per candidate (assemble.py), the speaker's own acts (speech.py, intent.py), then the
sentence-level merging of one act coded twice (merge.py)."""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Doc

from ..events import Actor, Event
from ..ingest.article import Article
from . import merge
from .actors import ActorFinder, Mention
from .assemble import assemble
from .candidates import find_candidates, talks_held
from .clause_modality import cue_call
from .control import owned_clauses
from .coref import ArticleContext, learn_named_persons
from .event_coref import Anaphor
from .intent import no_intention, open_to
from .joint import ordered_pairs
from .mediation import is_mediating_participle
from .resolve import SentenceActors
from .scope import Cand, Scope
from .speech import characterisation, must_demands
from .triggers import Lexicon, match_noun
from .words import word_set

ANAPHOR_NOUNS = word_set("events", "anaphor_nouns")
DEFINITE = ("the", "this", "that", "these", "those")
NOT_SAME = word_set("events", "not_same")


def _peoples_of_states(doc: Doc, mentions: list[Mention]) -> None:
    """"Bosnian Serbs", "Iraqi Kurds": a people named by the state it lives in belongs to that state."""
    for m1, m2 in pairwise(mentions):
        if m1.end == m2.start and m1.kind in ("demonym", "country") and m2.kind == "demonym" and \
                doc[m2.end - 1].tag_ in ("NNPS", "NNS") and m1.code != m2.code:
            m2.code = m1.code


def anaphors(doc: Doc, offset: int, index: int, unresolved: list[Cand], made: dict[int, Event],
             trig_toks: set[int], lex: Lexicon | None = None) -> list[Anaphor]:
    """Definite event nouns that name no actor ("The expulsion of the envoy marks a new low", "the move"):
    further mentions of an earlier act (event_coref.link_anaphors)."""
    out = []
    nouns = [(c.tok, c.entry.event) for c in unresolved] + [
        (t, None) for t in doc if t.pos_ == "NOUN" and t.lemma_.lower() in ANAPHOR_NOUNS and t.i not in trig_toks]
    if lex is not None:
        # "Damascus condemned the shelling": the object of a reaction names the act reacted to
        seen = {t.i for t, _ in nouns}
        for t in doc:
            if t.dep_ in ("dobj", "nsubjpass") and t.head.i in made and t.i not in seen and t.i not in trig_toks \
                    and t.pos_ == "NOUN" and (e := match_noun(t, lex)) is not None and e.event != made[t.head.i].event:
                nouns.append((t, e.event))
    for tok, etype in nouns:
        if tok.i in made or not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in tok.children):
            continue
        if tok.head.i in made and tok.dep_ in ("nsubj", "nsubjpass", "dobj") and (
                etype is None or made[tok.head.i].event == etype):
            continue  # "The strikes hit radar sites": the argument of a mention already coded (but
            # "condemned the shelling" names the act condemned)
        if any(c.dep_ == "amod" and c.lower_ in NOT_SAME for c in tok.children):
            continue  # "the next attack", "the first such strike": another act
        if cue_call(tok).modality != "asserted":
            continue  # "would sign the deal", "fears the attack will ...": no mention of a done act
        out.append(Anaphor(index, offset, tok.text, offset + tok.idx, offset + tok.idx + len(tok), doc.text,
                           etype))
    return out


def code_sentence(doc: Doc, offset: int, index: int, article: Article, ctx: ArticleContext,
                  finder: ActorFinder, lex: Lexicon) -> list[Event]:
    """The events of one parsed sentence (`offset`: its first character in the article text)."""
    mentions = finder.find(doc, article.date, ctx.seen)
    mentions = learn_named_persons(doc, mentions, ctx, finder)
    _peoples_of_states(doc, mentions)
    # names in this sentence count as context for its own pronouns and generic nouns
    sa = SentenceActors(doc, offset, mentions, ctx, finder)
    cands, speech = find_candidates(doc, sa, lex)
    controlled, must_clauses = owned_clauses(doc, cands, speech)
    sc = Scope(sa, lex, article, index, by_tok={c.tok.i: c for c in cands}, speech=speech, controlled=controlled)
    events: list[Event] = []
    made = sc.made
    seen: set[tuple] = set()
    # note this sentence's mentions before resolving pronouns that refer back within it
    for m in mentions:
        if m.kind in ("person",):
            ctx.note(Actor(m.code, m.sector, m.text), "person")
    trig_toks = {c.tok.i for c in cands}
    unresolved: list[Cand] = []  # event nouns that named no actor ("the expulsion"): maybe anaphors
    for c in cands:
        if c.tok.i in controlled and controlled[c.tok.i] != c.tok.i and not is_mediating_participle(c.tok) \
                and not talks_held(c.tok, lex, sa):
            continue  # (a broker and talks held are acts of their own inside an agreement's content)
        if "weak" in c.entry.flags and c.tok.head.i in trig_toks and c.tok.head.i != c.tok.i and not (
                any(ch.dep_ == "mark" and ch.lower_ in ("while", "whereas") for ch in c.tok.children)
                and any(ch.dep_ in ("nsubj", "nsubjpass") for ch in c.tok.children)):
            continue  # "imposed sanctions, targeting its oil exports": part of the main event (not "while
            # Pakistan targeted civilian areas, the BSF did not target ...": a clause with a doer of its own)
        ev = assemble(c, sc)
        if ev is None:
            if c.entry.kind == "noun":
                unresolved.append(c)
            continue
        if c.reported and not ev.recipient:
            if c.entry.kind == "noun":
                unresolved.append(c)  # still a further mention of the act reacted to
            continue  # "condemned Russia's withdrawal" with no one it was done to: the reaction says it all
        key = merge.event_key(ev)
        if key in seen or merge.elaborates(c, ev, made):
            continue
        seen.add(key)
        made[c.tok.i] = ev
        events.append(ev)
    # the speaker's own acts: a characterisation is an accusation of whoever made the thing
    # characterised; "has no intention of ...", "is open to talks with ..."
    for tok in doc:
        if tok.i in made or tok.pos_ not in ("VERB", "AUX", "NOUN"):
            continue
        ev = characterisation(tok, sc) if tok.pos_ != "NOUN" else (no_intention(tok, sc) or open_to(tok, sc))
        if ev is None:
            continue
        key = merge.event_key(ev)
        if key not in seen:
            seen.add(key)
            made[tok.i] = ev
            events.append(ev)
    for ev in must_demands(sc, must_clauses) + sc.side:  # "X said Y must ...": a demand; speakers' accusations
        key = merge.event_key(ev)
        if key not in seen:
            seen.add(key)
            events.append(ev)
    merge.complaint_target(sc)
    events = merge.part_of_main(sc, events)
    events = merge.drop_background(sc, events)
    events = merge.drop_untargeted_twins(events)
    events = merge.drop_tolls(sc, events)
    ctx.events.extend(events)
    ctx.anaphors.extend(anaphors(doc, offset, index, unresolved, made, trig_toks, lex))
    events = ordered_pairs(events, sc.joint)  # a joint act: one event per ordered pair of parties
    for m in mentions:
        if m.kind != "person":
            head = doc[m.end - 1]
            ctx.note(Actor(m.code, m.sector, m.text), m.kind, subject=head.dep_ in ("nsubj", "nsubjpass"))
    return events
