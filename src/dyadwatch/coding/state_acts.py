"""Acts only a state does, told in the passive with no doer: "the opposition leader was arrested on Tuesday",
"a curfew has been announced in the capital", "internet access has been suspended". The doer is the state
the story is about: the country of the act's place, else the one country its clause names (not the one acted on), else the
country the article has named most (clearly more than any other). Never for acts anyone can do ("a bomb
exploded", "a tanker was seized"): those keep no actor."""

from __future__ import annotations

from spacy.tokens import Token

from ..events import Actor
from .arguments import is_passive
from .places import location
from .recipients import country_tally
from .scope import Draft, Scope
from .words import word_set

STATE_ACT_MODES = word_set("grammar", "state_act_modes")
STATE_ACT_SUBJECTS = word_set("grammar", "state_act_subjects")
POLICE_MODES = word_set("grammar", "state_act_police_modes")


def _agent(tok: Token) -> bool:
    """The passive names its doer ("was arrested by rebels")."""
    return any(c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by") for c in tok.children)


def _subject(tok: Token) -> Token | None:
    return next((c for c in tok.children if c.dep_ == "nsubjpass"), None)


def state_only(d: Draft) -> bool:
    """Is the drafted act one only a state does?"""
    e = d.entry
    if d.etype not in ("COERCE", "SANCTION"):
        return False
    if d.etype == "COERCE" and (e.mode or "") in STATE_ACT_MODES:
        return True
    s = _subject(d.tok)
    return s is not None and any(t.lower_ in STATE_ACT_SUBJECTS for t in s.subtree)


def _state_of_story(d: Draft, sc: Scope) -> Actor | None:
    sa = sc.sa
    places = [a for a in location(d.tok, sa) if a.code and sc.finder.is_country(a.code)]
    if places:  # (the place is where, not who: its mention stays the place's, the recipient's if it is one)
        return Actor(places[0].code, None, None, None, None)
    s = _subject(d.tok)
    # (not the one acted on: "a French journalist was arrested" is no French act)
    done_to = set(range(s.left_edge.i, s.right_edge.i + 1)) if s is not None else set()
    # within the act's own clause (not "..., the U.S. State Department said": who reports it)
    clause = {t.i for t in d.tok.subtree}
    named = {}
    for m in sa.mentions:
        if m.code and sc.finder.is_country(m.code) and m.start not in done_to and m.start in clause:
            named.setdefault(m.code, m)
    if len(named) == 1:
        m = next(iter(named.values()))
        span = sa.doc[m.start:m.end]
        return Actor(m.code, None, m.text, sa.offset + span.start_char, sa.offset + span.end_char)
    if named:
        return None  # several countries in the sentence: whose act it is is not said
    tally = country_tally(sc, set())
    if tally and (len(tally) == 1 or tally[0][1] > tally[1][1]):
        return Actor(tally[0][0], None, None, None, None)
    return None


def state_doer(d: Draft, sc: Scope) -> None:
    """No actor named for a passive act only a state does: the state of the story does it."""
    if d.actors or d.entry.kind != "verb" or not is_passive(d.tok) or _agent(d.tok) or not state_only(d):
        return
    state = _state_of_story(d, sc)
    if state is None:
        return
    if d.etype == "SANCTION":
        d.retype("COERCE", "censor", "1721")  # "internet access has been suspended": a restriction at home
    sector = "COP" if (d.entry.mode or "") in POLICE_MODES else "GOV"
    d.actors, d.how = [Actor(state.code, sector, state.entity_text, state.start, state.end)], "place"
    if not d.recips:
        # done to whom the passive's subject names ("the opposition leader": of the same country), else to the
        # state's own people ("a curfew has been announced")
        s = _subject(d.tok)
        got = (sc.sa.resolve(s) or sc.sa.role_only(s, d.actors)) if s is not None else []
        got = [a for a in got if a.code]  # (a person the knowledge base does not know: of the state's people)
        d.recips = got or [Actor(state.code, None, None, None, None)]
