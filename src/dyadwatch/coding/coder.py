"""Sentences -> PLOVER events: a cheap prefilter, a parse of candidate sentences, lexicon triggers,
dependency arguments, modality, reported speech and article-level coreference."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import pairwise

from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Token

from ..events import QUAD, Actor, Event, cameo_table
from ..ingest.article import Article
from ..nlp import get_nlp
from .actors import ActorFinder, Mention
from .arguments import SentenceActors, direct_object, is_passive, prep_objects, subject_token
from .coref import GENERIC_STATE, PAIR_NOUNS, PRONOUNS_GROUP, PRONOUNS_PERSON, ArticleContext
from .triggers import MEASURE_NOUNS, SPEECH, LexEntry, load_lexicon, match_noun, match_verb

log = logging.getLogger("dyadwatch.coding")

try:  # dates and modality cues live in their own modules (coding/dates.py, coding/modality.py)
    from .dates import event_date as _event_date
except Exception:  # noqa: BLE001
    _event_date = None
try:
    from .modality import classify_modality as _classify_modality
except Exception:  # noqa: BLE001
    _classify_modality = None

LINK_LINE = re.compile(r"(?i)^(?:related|read more|read also|see also|watch|more|also read|recommended|"
                       r"most read|trending|photo|video|listen)\b\s*[:|-]")
DATELINE = re.compile(r"\s*[A-Z][A-Z.'-]{2,}(?: [A-Z][A-Z.'-]+){0,3}(?:,\s*[A-Z][\w.' -]{0,40}?)?(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
                      r"\s*(?:\([A-Za-z .&-]{2,30}\))?\s*(?:-|--|\u2013|\u2014)\s+")
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
HYPO_AUX = {"would", "could", "might", "may", "can", "ca", "should", "must", "'d"}
MUST = {"must", "should", "ought"}
FUTURE_HEADS = {"plan", "intend", "expect", "schedule", "set", "due", "aim", "prepare", "mean", "vow",
                "agree", "promise", "pledge", "offer", "threaten", "propose", "seek", "want",
                "wish", "hope", "consider", "need", "have", "going", "go", "likely", "ready", "poise",
                "announce", "refuse", "decline", "urge", "ask", "call", "demand", "order", "invite",
                "press", "tell", "warn", "allow", "permit", "appeal", "plead", "implore", "push", "force"}
HYPO_HEADS = {"hope", "want", "wish", "consider", "seek", "may", "might", "could", "would", "likely",
              "possible", "able"}
NEG_WORDS = {"not", "n't", "never", "no", "neither", "nor"}
NEUTRAL_SPEAKERS = {"police", "source", "sources", "official", "officials", "witness", "witnesses",
                    "agency", "report", "reports", "newspaper", "radio", "television", "media", "spokesman",
                    "spokeswoman", "spokesperson", "statement", "ministry", "military", "army",
                    "correspondent", "diplomat", "diplomats", "analyst", "observers", "residents", "chief",
                    "chiefs", "staff", "command", "headquarters", "office", "service", "monitor", "monitors",
                    "group", "organization", "organisation", "watchdog", "journalist", "reporter", "officer"}
COOPERATIVE_QUADS = {1, 2}
DOMESTIC_LOC_TYPES = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "SANCTION", "CONCEDE", "AID", "RETREAT"}
# Light verbs whose subject is the actor of their object noun ("staged a protest", "launched an attack").
SUPPORT_VERBS = {"stage", "hold", "launch", "carry", "conduct", "begin", "start", "continue", "mount", "organize",
                 "organise", "resume", "step", "make", "issue", "impose", "announce", "declare", "lead", "join",
                 "wage", "undertake", "initiate", "pursue", "escalate", "intensify", "order", "unleash",
                 "call", "have", "open", "end", "complete", "deliver", "provide", "send", "offer", "give",
                 "extend", "sign", "reach", "seek", "express", "voice", "lodge", "file", "level", "renew",
                 "reiterate", "repeat", "press", "insist", "restate", "publish", "release", "submit", "table",
                 "put", "set", "present", "drop", "withdraw", "accept", "speed", "accelerate", "finish",
                 "conclude", "expand", "ramp", "halt", "suspend", "stop", "oversee", "supervise", "guide",
                 "postpone", "delay", "cancel",
                 "be", "go", "take", "do", "perform", "commit", "engage", "plan", "prepare", "attempt", "try"}
PROPOSAL_NOUNS = {"appeal", "call", "demand", "request", "proposal", "offer", "plan", "invitation", "ultimatum",
                  "order", "plea", "bid", "initiative", "suggestion", "pressure", "promise", "pledge", "threat"}
RELATIVE_WORDS = {"who", "which", "whom", "whose"}
TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "day", "night",
              "morning", "evening", "weekend", "week", "month", "year", "occasion", "anniversary"}
WATERS = {"sea", "ocean", "water", "waters", "gulf", "bay", "strait", "coast"}
IRREALIS_GOVERNORS = {"fear", "expect", "anticipate", "warn", "predict", "prevent", "avoid", "consider",
                      "discuss", "debate", "seek", "want", "propose", "plan", "rule", "risk", "threaten", "urge",
                      "demand", "call", "oppose", "reject", "deny", "forestall", "deter", "averting", "avert"}
REACTION_VERBS = {"draw", "receive", "face", "attract", "prompt", "spark", "trigger", "provoke", "earn", "win",
                  "meet", "bring", "elicit"}
REACTION_TYPES = {"ACCUSE", "REJECT", "PROTEST", "SUPPORT"}
EVENT_WORDS = {"launch", "test", "move", "decision", "incident", "action", "step", "provocation", "violence",
               "operation", "killing", "crackdown", "measure", "act", "escalation", "incursion", "violation",
               "seizure", "capture", "detention", "shooting", "raid", "execution", "expulsion", "deployment",
               "annexation", "intervention", "remark", "statement", "comment", "policy", "plan", "proposal",
               "allegation", "accusation", "claim", "charge", "criticism", "threat", "warning", "demand"}
CARRIERS = {"effort", "mission", "bid", "attempt", "campaign", "plan", "initiative", "process", "operation",
            "talk", "talks", "round", "wave", "series", "session"}
FAIL_HEADS = {"fail", "refuse", "decline", "neglect"}
CROWD = {"thousands", "hundreds", "tens", "dozens", "scores", "millions", "crowd", "crowds", "people", "group",
         "members", "supporters", "thousand", "hundred", "dozen", "score", "million", "mob", "throng"}
PLACE_PREPS = {"in", "throughout", "across", "from", "inside", "at", "near", "outside", "along"}
BACKGROUND_PREPS = {"since", "under", "despite", "amid", "during", "before", "following", "after", "in",
                    "from", "of", "at", "with", "without"}
NEEDS_RECIPIENT = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "SANCTION"}
PREPARE = {"prepare", "poise", "gear", "ready", "mass", "threaten"}
# verbal acts whose object is a thing asked, refused or promised ("demanded a truce"): the target may be home
ABSTRACT_OBJECT_TYPES = {"REQUEST", "REJECT", "AGREE", "CONCEDE", "THREATEN"}
SELF_DEFAULT_TYPES = {"PROTEST", "COERCE", "ASSAULT", "CONCEDE", "REQUEST", "REJECT", "ACCUSE", "AGREE",
                      "THREATEN"}
# acts between states: a target named elsewhere in the sentence beats the actor's own country
INTERNATIONAL_TYPES = {"ACCUSE", "AGREE", "REJECT", "REQUEST", "THREATEN", "CONCEDE"}
# words of a title between a country and a name ("U.S. Defense Secretary Jim Mattis")
ROLE_MODIFIERS = {"defense", "defence", "foreign", "prime", "vice", "deputy", "senior", "top", "chief", "state",
                  "special", "interior", "finance", "trade", "first", "supreme", "former", "acting", "national",
                  "security", "adviser", "advisor", "counterpart", "representative", "nuclear", "lead",
                  "minister", "secretary", "leader", "president", "official", "envoy", "negotiator"}
STAFF_WORDS = {"adviser", "advisor", "minister", "secretary", "director", "chief", "official", "employee", "staff",
               "aide", "coach", "manager", "head", "commander", "general", "ambassador", "spokesman", "worker"}
DEVICE_WORDS = {"bomb", "bombing", "explosion", "blast", "device", "mine", "landmine", "shell", "rocket", "missile",
                "grenade", "mortar", "ied", "car", "bullet", "fire", "attack", "shelling", "strike", "airstrike",
                "drone", "explosive", "minefield", "gunfire", "sniper"}
TOWN_WORDS = {"town", "city", "village", "province", "region", "capital", "district", "port", "suburb", "area"}
ATTEMPT_HEADS = {"try", "attempt", "seek", "strive", "struggle"}
CHARACTERISE = {"call", "describe", "label", "brand", "term", "dub", "characterise", "characterize", "deem",
                "consider"}
NEGATIVE_WORDS = {"reckless", "dangerous", "threat", "provocation", "provocative", "unacceptable", "outrageous",
                  "irresponsible", "illegal", "violation", "lie", "absurd", "hostile", "aggression", "crime",
                  "criminal", "barbaric", "shameful", "hypocritical", "destabilizing", "destabilising", "insult",
                  "nonsense", "ridiculous", "deplorable", "regrettable", "disappointing", "appalling",
                  "unjustified", "unprovoked", "blackmail", "terrorism", "madness", "lunatic", "barking",
                  "aggressive", "belligerent", "inflammatory", "irrational", "senseless", "deranged", "gangster",
                  "grave", "serious", "despicable", "heinous", "brutal", "atrocious", "unlawful", "warmongering",
                  "interference", "meddling", "declaration", "war", "affront", "bullying", "arrogant", "mistake"}
# types whose target is another party: a self-dyad is a misreading
OUTWARD_TYPES = {"SANCTION", "CONSULT", "SUPPORT", "AID", "COOPERATE", "MOBILIZE"}
ASKED_ACTS = {"withdrawal", "removal", "pullout", "release", "resignation", "departure", "return", "handover",
              "surrender", "extradition", "disarmament", "evacuation"}
BACKGROUND_MARKS = {"after", "as", "because", "since", "when", "while", "following", "once"}
DISCUSS_WORDS = {"telephone", "phone", "talk", "talks", "negotiate", "negotiation", "negotiations", "confer",
                 "discuss", "speak", "consultation", "consultations"}
NOT_PLACES = {"defiance", "response", "retaliation", "protest", "support", "solidarity", "opposition",
              "violation", "breach", "reaction", "memory", "favour", "favor", "accordance", "line", "light", "view",
              "spite", "honour", "honor", "return", "exchange", "addition", "cooperation", "coordination"}
VERBAL_TYPES = {"REJECT", "ACCUSE", "REQUEST", "AGREE", "SUPPORT"}
BLOCS = {"EUR", "NATO"}  # organisations that act like states as targets
MILITARY_WORDS = {"troop", "force", "army", "reservist", "reserve", "soldier", "unit", "militia", "fighter",
                  "conscript", "division", "brigade", "battalion", "navy", "guard", "police", "man"}
INTENT_NOUNS = {"intention", "plan", "desire", "interest", "wish", "willingness"}
MEETING_NOUNS = {"summit", "talk", "talks", "meeting", "negotiation", "negotiations", "dialogue", "visit"}
STOP_VERBS = {"suspend", "stop", "close", "halt", "cease", "leave", "shut", "disband", "dissolve", "vacate",
              "quit", "end", "evacuate", "surrender", "demolish", "abandon"}
WILLING = {"willing", "ready", "prepared", "committed", "eager", "determined", "keen", "poised"}
INTENT_TYPES = {"AID", "COOPERATE", "RETREAT", "CONCEDE", "SUPPORT"}
TRIGGER_WORDS_PRONOUN = PRONOUNS_GROUP | PRONOUNS_PERSON | GENERIC_STATE | PAIR_NOUNS | {"both"}


def _each_other(tok: Token) -> bool:
    """The trigger's object is "each other" / "one another" (directly or through a preposition)."""
    for ch in tok.children:
        objs = [ch] if ch.dep_ in ("dobj", "dative", "pobj") else \
            [g for g in ch.children if g.dep_ == "pobj"] if ch.dep_ == "prep" else []
        for o in objs:
            words = [w.lower_ for w in o.subtree]
            if words[-2:] in (["each", "other"], ["one", "another"]):
                return True
    return False


@dataclass
class _Cand:
    tok: Token
    entry: LexEntry
    obj_tok: Token | None = None


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
        for tok in doc[1:]:  # a line break ends a sentence (headlines, bylines, paragraphs)
            prev = doc[tok.i - 1]
            if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
                tok.is_sent_start = True
        return doc

    def candidates(self, doc: Doc, mentions: list[Mention]) -> list[bool]:
        """Sentence by sentence: can it hold an event (an actor mention or a reference, and a trigger)?"""
        out = []
        by_sent: dict[int, int] = {}
        sents = list(doc.sents)
        starts = [s.start for s in sents]
        import bisect

        # capitalised words just after a country ("North Korean leader Kim Jong Un"): later "Kim" is a name
        names: set[str] = set()
        for m in mentions:
            k = bisect.bisect_right(starts, m.start) - 1
            by_sent[k] = by_sent.get(k, 0) + 1
            if m.kind == "person" and m.end - m.start >= 2:
                names.update(t.text for t in (doc[m.start], doc[m.end - 1]) if t.is_alpha and len(t) > 2)
            if m.kind in ("country", "demonym"):
                names.update(t.text for t in doc[m.end:min(m.end + 7, len(doc))]
                             if t.text[:1].isupper() and t.is_alpha and len(t) > 2)
        for k, s in enumerate(sents):
            words = {t.lower_ for t in s}
            has_trigger = bool(words & self.lex.forms)
            has_actor = by_sent.get(k, 0) > 0 or bool(words & TRIGGER_WORDS_PRONOUN) or \
                any(t.text in names for t in s[1:]) or (len(s) > 0 and s[0].text in names)
            out.append(has_trigger and has_actor)
        return out

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
            out.append(self._finish(article, plan, parsed))
        return out

    def _plan(self, article: Article, parse_all: bool) -> dict | None:
        text = article.text or ""
        if not text.strip():
            return None
        doc = self.split(text)
        sents = list(doc.sents)
        cheap = self.finder.find(doc, article.date)
        flags = [True] * len(sents) if parse_all else self.candidates(doc, cheap)
        if "\n" in text.strip():
            # headlines, link lists and captions ("Related: Israel strikes Syria again") are no reports:
            # a short line without closing punctuation, or one that starts like a link, is not coded
            for k, s in enumerate(sents):
                line = s.text.strip()
                if LINK_LINE.match(line) or (len(s) < 20 and line and line[-1] not in ".!?\"'\u201d\u2019)"):
                    flags[k] = False
        todo = [(k, s) for k, s in enumerate(sents) if flags[k]]
        # "SEOUL, March 3 (Reuters) - North Korea fired ...": the dateline names no actor
        starts = {k: s.start_char for k, s in todo}
        for k, s in todo:
            if k == 0 or "\n" in text[max(0, s.start_char - 2):s.start_char + 1]:
                m = DATELINE.match(text, s.start_char)
                if m and m.end() < s.end_char:
                    starts[k] = m.end()
        return {"sents": sents, "cheap": cheap, "starts": starts, "keys": [k for k, _ in todo],
                "texts": [text[starts[k]:s.end_char] for k, s in todo]}

    def _finish(self, article: Article, plan: dict, parsed: dict[int, Doc]) -> list[Event]:
        sents, cheap, starts = plan["sents"], plan["cheap"], plan["starts"]
        ctx = ArticleContext()
        events: list[Event] = []
        cheap_i = 0
        for k, s in enumerate(sents):
            if k in parsed:
                events.extend(self.code_sentence(parsed[k], starts[k], k, article, ctx))
            # remember the sentence's named actors for later mentions
            while cheap_i < len(cheap) and cheap[cheap_i].start < s.end:
                m = cheap[cheap_i]
                cheap_i += 1
                if k in parsed:
                    continue
                ctx.note(Actor(m.code, m.sector, m.text), m.kind)
        return events

    # -- sentence level ----------------------------------------------------------------------

    def code_sentence(self, doc: Doc, offset: int, index: int, article: Article,
                      ctx: ArticleContext) -> list[Event]:
        mentions = self.finder.find(doc, article.date, ctx.seen)
        mentions = self._named_persons(doc, mentions, ctx)
        # "Bosnian Serbs", "Iraqi Kurds": a people named by the state it lives in belongs to that state
        for m1, m2 in pairwise(mentions):
            if m1.end == m2.start and m1.kind in ("demonym", "country") and m2.kind == "demonym" and \
                    doc[m2.end - 1].tag_ in ("NNPS", "NNS") and m1.code != m2.code:
                m2.code = m1.code
        # names in this sentence count as context for its own pronouns and generic nouns
        sa = SentenceActors(doc, offset, mentions, ctx, self.finder)
        cands: list[_Cand] = []
        speech: dict[int, LexEntry] = {}
        obj_used: set[int] = set()
        for tok in doc:
            if tok.i in sa.tokmap and sa.tokmap[tok.i].kind != "role":
                continue
            if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
                for e in match_verb(tok, self.lex):
                    if e.is_speech:
                        speech[tok.i] = e
                    elif "infinitive" in e.flags and not _has_infinitive(tok):
                        continue  # "told reporters that ...", "ordered the arrest of ...": not a demand
                    else:
                        obj = None
                        if e.obj:
                            from .triggers import verb_object

                            obj = verb_object(tok)
                            if obj is not None:
                                obj_used.add(obj.i)
                        cands.append(_Cand(tok, e, obj))
        verb_trig = {c.tok.i for c in cands} | {i for i in speech if doc[i].lemma_.lower() not in SUPPORT_VERBS}
        for tok in doc:
            if tok.dep_ in ("dobj", "nsubjpass") and tok.head.i in verb_trig:
                continue
            if tok.dep_ == "pobj" and tok.head.head.i in verb_trig and tok.head.head.pos_ == "VERB" and \
                    tok.head.lower_ in ("for", "to", "against", "of", "over", "about", "on", "with"):
                continue
            if tok.dep_ == "pobj" and tok.head.lower_ in BACKGROUND_PREPS and not prep_objects(tok, "by"):
                continue
            if tok.dep_ == "compound" and tok.head.lemma_.lower() not in CARRIERS and \
                    match_noun(tok.head, self.lex) is None:
                continue  # "truce monitors", "attack helicopters": a modifier, not an event
            if tok.pos_ in ("NOUN", "PROPN") and tok.i not in obj_used and tok.i not in sa.tokmap:
                e = match_noun(tok, self.lex)
                if e is not None:
                    cands.append(_Cand(tok, e))
        # Control verbs own their embedded clause: "agreed to meet", "refused to withdraw".
        controlled: dict[int, int] = {}
        for c in cands:
            if c.entry.kind == "noun" and c.entry.event in ("REQUEST", "THREATEN", "AGREE", "ACCUSE"):
                # "its demand that Israel ease restrictions": the clause is the demand's content (also
                # when it hangs on the verb: "reiterated its demand today that ...")
                near = list(c.tok.children) + (
                    [x for x in c.tok.head.children if x.dep_ == "ccomp"] if c.tok.dep_ == "dobj" else [])
                for x in near:
                    if x.dep_ in ("acl", "ccomp", "relcl") and any(
                            (w.lower_ == "that" and w.dep_ == "mark") or (w.lower_ == "to" and w.dep_ == "aux")
                            for w in x.children):
                        for t in x.subtree:
                            controlled.setdefault(t.i, c.tok.i)
            if "control" in c.entry.flags or "intent" in c.entry.flags:
                for x in c.tok.children:
                    if x.dep_ in ("xcomp", "ccomp") and x.i > c.tok.i:
                        for t in x.subtree:
                            controlled.setdefault(t.i, c.tok.i)
                # "demanded an admission that ...": a content clause of the object is the content too
                if c.entry.kind == "verb":
                    for o in c.tok.children:
                        if o.dep_ in ("dobj", "nsubjpass") and o.lemma_.lower() in PROPOSAL_NOUNS:
                            for x in o.children:
                                if x.dep_ in ("acl", "relcl", "ccomp") and any(
                                        a.lower_ == "to" and a.dep_ == "aux" for a in x.children):
                                    for t in x.subtree:
                                        controlled.setdefault(t.i, c.tok.i)
                for o in c.tok.children:
                    if o.dep_ in ("dobj", "nsubjpass") and c.entry.kind == "verb":
                        for x in o.children:
                            if x.dep_ in ("acl", "ccomp") and not any(w.lower_ in RELATIVE_WORDS for w in x.children):
                                for t in x.subtree:
                                    controlled.setdefault(t.i, c.tok.i)
                # "called on Arabs to unite": an infinitive hanging on the object is the content too
                for t in c.tok.subtree:
                    if t.i > c.tok.i and t.pos_ == "VERB" and t.dep_ in ("acl", "xcomp", "advcl") and \
                            any(a.lower_ == "to" and a.dep_ == "aux" for a in t.children) and \
                            (t.head.i == c.tok.i or t.head.dep_ in ("dobj", "pobj")):
                        for u in t.subtree:
                            controlled.setdefault(u.i, c.tok.i)
        # "X said Y must ...": the clause is the content of a demand, coded once as REQUEST below
        must_clauses: dict[int, int] = {}
        for si in speech:
            for x in doc[si].children:
                if x.dep_ == "ccomp" and any(ch.lower_ in MUST for ch in x.children if ch.dep_ in ("aux", "auxpass")):
                    must_clauses[x.i] = si
                    for t in x.subtree:
                        controlled.setdefault(t.i, si)
        # "staged protests to demand reforms", "blocked roads, calling for ...": the aim of a material
        # event is part of it, not a second (verbal) event
        for c in cands:
            if c.entry.event in ("PROTEST", "ASSAULT", "COERCE", "MOBILIZE"):
                anchor = c.tok if c.entry.kind == "verb" else c.tok.head
                for x in anchor.children:
                    if x.dep_ not in ("advcl", "xcomp", "acl") or x.i < anchor.i:
                        continue
                    infinitive = any(a.lower_ == "to" and a.dep_ == "aux" for a in x.children)
                    aims = {"REQUEST", "PROTEST"} if infinitive else {"REQUEST"} if x.tag_ == "VBG" else set()
                    for t in x.subtree:
                        inner = next((d for d in cands if d.tok.i == t.i), None)
                        if inner is not None and inner.entry.event in aims and inner is not c:
                            controlled.setdefault(t.i, c.tok.i)
        by_tok = {c.tok.i: c for c in cands}
        events: list[Event] = []
        made: dict[int, Event] = {}
        seen: set[tuple] = set()
        # note this sentence's mentions before resolving pronouns that refer back within it
        for m in mentions:
            ctx_actor = Actor(m.code, m.sector, m.text)
            if m.kind in ("person",):
                ctx.note(ctx_actor, "person")
        trig_toks = {c.tok.i for c in cands}
        for c in cands:
            if c.tok.i in controlled and controlled[c.tok.i] != c.tok.i:
                continue
            if "weak" in c.entry.flags and c.tok.head.i in trig_toks and c.tok.head.i != c.tok.i:
                continue  # "imposed sanctions, targeting its oil exports": part of the main event
            ev = self._event(c, sa, by_tok, controlled, speech, article, index, offset, made)
            if ev is None:
                continue
            key = (ev.event, tuple(sorted(a.code or "" for a in ev.actor)),
                   tuple(sorted(r.code or "" for r in ev.recipient)), ev.modality)
            if key in seen:
                continue
            # "shelled the town, killing 20 people": the participle elaborates the same event
            head = c.tok.head
            if c.tok.dep_ in ("advcl", "conj", "xcomp") and head.i in made and made[head.i].event == ev.event \
                    and {a.code for a in made[head.i].actor} == {a.code for a in ev.actor} and (
                        all(r.entity_text is None for r in ev.recipient)
                        or {r.code for r in ev.recipient} <= {r.code for r in made[head.i].recipient}
                        or {r.code for r in ev.recipient} <= {a.code for a in ev.actor}):
                continue
            seen.add(key)
            made[c.tok.i] = ev
            events.append(ev)
        # "called the launch reckless", "said the test was a clear threat": a characterisation is an
        # accusation of whoever made the thing characterised
        for tok in doc:
            if tok.i in made or tok.pos_ not in ("VERB", "AUX", "NOUN"):
                continue
            ev = self._characterisation(tok, sa, article, index, offset, made, speech) if tok.pos_ != "NOUN" \
                else (self._no_intention(tok, sa, article, index, offset)
                      or self._open_to(tok, sa, article, index, offset))
            if ev is None:
                continue
            key = (ev.event, tuple(sorted(a.code or "" for a in ev.actor)),
                   tuple(sorted(r.code or "" for r in ev.recipient)), ev.modality)
            if key not in seen:
                seen.add(key)
                made[tok.i] = ev
                events.append(ev)
        # "X said Y must ...": a demand even when the demanded act is not in the lexicon
        for xi, si in must_clauses.items():
            sentry = speech[si]
            stok, x = doc[si], doc[xi]
            if True:
                speakers, how = self._subject(stok, sa)
                subj, _ = subject_token(x)
                targets = sa.resolve(subj) if subj is not None else []
                if speakers and targets and not {t.code for t in targets} <= {a.code for a in speakers}:
                    ev = self._make(sa, article, index, offset, x, sentry, "REQUEST", None, "100", speakers,
                                    targets, "asserted", how)
                    key = (ev.event, tuple(sorted(a.code or "" for a in ev.actor)),
                           tuple(sorted(r.code or "" for r in ev.recipient)), ev.modality)
                    if key not in seen:
                        seen.add(key)
                        events.append(ev)
        # "X protested to China, whose coast guard blocked a supply mission": what the complained-of party
        # did in the relative clause was done to the complainant
        for idx, ev in made.items():
            t = doc[idx]
            if t.dep_ != "relcl" or ev.recipient and any(r.entity_text for r in ev.recipient):
                continue
            if QUAD.get(ev.event) not in (3, 4):
                continue
            head_start = offset + t.head.idx
            for other in made.values():
                if other is ev or other.event not in ("ACCUSE", "PROTEST", "REJECT"):
                    continue
                if any(r.start is not None and r.start <= head_start < (r.end or 0) for r in other.recipient):
                    ev.recipient = [Actor(a.code, a.sector, a.entity_text, a.start, a.end) for a in other.actor]
                    ev.id = ev.make_id()
                    break
        # "rejected the proposal, urging India to sign another": a participle that elaborates a verbal act
        # of the same actor is part of it
        if made:
            extra: set[int] = set()
            for idx, ev in made.items():
                t = doc[idx]
                host = t
                if t.dep_ in ("xcomp", "ccomp") and t.head.i in speech and t.head.tag_ == "VBG":
                    host = t.head  # "..., saying he would welcome him"
                purpose = host.dep_ in ("advcl", "xcomp") and host.head.i in made and any(
                    a.lower_ == "to" and a.dep_ == "aux" for a in host.children) and all(
                    r.entity_text is None or r.entity_text.lower() in PRONOUNS_GROUP | PRONOUNS_PERSON
                    for r in ev.recipient) and ev.event in ("CONCEDE", "AGREE", "REQUEST", "SUPPORT")
                if purpose and {a.code for a in made[host.head.i].actor} == {a.code for a in ev.actor}:
                    extra.add(id(ev))  # "resigned to allow elections": the purpose is part of the act
                    continue
                if not ((host.dep_ == "advcl" and host.tag_ == "VBG") or (
                        host.dep_ == "conj" and all(r.entity_text is None or r.entity_text.lower() in
                                                    PRONOUNS_GROUP | PRONOUNS_PERSON for r in ev.recipient))) \
                        or host.head.i not in made or host.head.i == idx:
                    continue
                main = made[host.head.i]
                if main.event in VERBAL_TYPES and ev.event in VERBAL_TYPES and \
                        {a.code for a in main.actor} == {a.code for a in ev.actor}:
                    extra.add(id(ev))
            if extra:
                events = [e for e in events if id(e) not in extra]
        # "Italy suspended air links a day after a Serbian jet shot down a helicopter": the background
        # clause of a coded event is context, reported in its own right elsewhere
        if made:
            background: set[int] = set()
            for idx in made:
                clause = self._background_clause(doc[idx])
                if clause is not None and any(j in made and j != idx for j in _clause_heads(clause)):
                    background.add(idx)
            if background:
                drop = {id(made[i]) for i in background}
                ctx.events.extend(e for e in events if id(e) in drop)  # still there for "condemned the attack"
                events = [e for e in events if id(e) not in drop]
        # the same act with and without a named target ("condemned the poisoning and blamed Moscow"): one
        targeted = {(e.event, frozenset(a.code for a in e.actor), e.modality) for e in events if e.recipient}
        events = [e for e in events if e.recipient
                  or (e.event, frozenset(a.code for a in e.actor), e.modality) not in targeted]
        ctx.events.extend(events)
        for m in mentions:
            if m.kind != "person":
                head = doc[m.end - 1]
                ctx.note(Actor(m.code, m.sector, m.text), m.kind, subject=head.dep_ in ("nsubj", "nsubjpass"))
        return events

    def _event(self, c: _Cand, sa: SentenceActors, by_tok: dict[int, _Cand], controlled: dict[int, int],
               speech: dict[int, LexEntry], article: Article, index: int, offset: int,
               made: dict[int, Event] | None = None) -> Event | None:
        made = made if made is not None else {}
        tok, e = c.tok, c.entry
        etype, mode, cameo = e.event, e.mode, e.cameo
        if "infinitive" in e.flags and not any(
                x.dep_ in ("xcomp", "ccomp", "advcl") and any(a.lower_ == "to" and a.dep_ == "aux" for a in x.children)
                for x in tok.children):
            return None  # "told reporters that ..." is speech; "told Iran to stop" is a demand
        if e.kind == "verb" and e.event == "RETREAT" and tok.lemma_.lower() == "return" and not e.obj and \
                direct_object(tok) is None and not is_passive(tok):
            return None  # "after returning from Pyongyang", "returned home": travel, not a concession
        if e.kind == "verb" and e.event == "ASSAULT" and tok.lemma_.lower() in ("fire", "sack", "axe") and \
                not e.prt and direct_object(tok) is not None and self._is_person(direct_object(tok), sa):
            return None  # "fired his national security adviser": dismissed from a post
        if e.kind == "verb" and e.event == "MOBILIZE" and tok.lemma_.lower() in ("mobilize", "mobilise") and \
                direct_object(tok) is not None and sa.role_sector(direct_object(tok)) not in ("MIL", "REB") and \
                direct_object(tok).lemma_.lower() not in MILITARY_WORDS:
            return None  # "mobilized pressure groups", "mobilised support": not forces
        if e.kind == "verb" and etype == "SANCTION" and tok.lemma_.lower() in ("end", "conclude", "finish", "complete",
                                                                              "wrap") and any(
                c.dep_ == "dobj" and c.lemma_.lower() in MEASURE_NOUNS for c in tok.children):
            etype, mode, cameo = "CONSULT", None, "040"  # "ended three days of talks": the talks took place
        if e.kind == "verb":
            actors, how = self._subject(tok, sa)
            recips = self._recipients(tok, e, sa, by_tok, actors)
        else:
            actors, recips, how = self._noun_args(tok, e, sa, by_tok, made)
        if not actors and e.kind == "verb" and is_passive(tok) and (
                e.event in ("COERCE", "SANCTION") or (e.event == "ACCUSE" and e.mode == "investigate")):
            # "a journalist was arrested in Iran", "the ambassador was expelled from Turkey": the state there
            places = [a for a in self._location(tok, sa) + [x for g in prep_objects(tok, "from")
                                                             for x in sa.resolve(g)]
                      if a.code and self.finder.is_country(a.code)]
            if places:
                p = places[0]
                actors, how = [Actor(p.code, "GOV", p.entity_text, p.start, p.end)], "place"
                recips = [r for r in recips if r.code != p.code] or recips
        if not actors and e.kind == "verb" and etype == "ASSAULT":
            # "killed by a roadside bomb outside the Iraqi city of Basra", "a blast in Beirut killed ...":
            # an attacker known only by the place of the attack
            got = self._attack_place(tok, sa)
            if got is not None:
                actors, how = got, "place"
                if not recips:
                    recips = [Actor(got[0].code, None, None, None, None)]
        if not actors:
            return None
        # "intent" verbs take their type from the embedded clause ("vowed to retaliate")
        if "intent" in e.flags:
            inner = self._embedded_type(tok, by_tok)
            if inner is None:
                return None
            etype = "AGREE" if QUAD.get(inner, 0) in COOPERATIVE_QUADS else "THREATEN"
            if self._embedded_negated(tok):
                etype = "REJECT" if etype == "AGREE" else "AGREE"
        reciprocal = False
        if "recip" in e.flags and len({a.code for a in actors}) > 1 and (
                not recips or {r.code for r in recips} <= {a.code for a in actors}):
            recips = list(actors)
            reciprocal = True
        if not reciprocal and len({a.code for a in actors}) > 1 and _each_other(tok) and (
                not recips or {r.code for r in recips} <= {a.code for a in actors}):
            # "Armenia and Azerbaijan accused each other": every side acts on every other side
            recips = list(actors)
            reciprocal = True
        # "is willing / ready / prepared to ...": a statement of intent
        head = tok.head
        if e.kind == "verb" and tok.dep_ == "xcomp" and head.lemma_.lower() in WILLING:
            etype, mode, cameo = ("AGREE", None, "030") if QUAD.get(etype, 0) in COOPERATIVE_QUADS else \
                ("THREATEN", None, "130")
        if len(actors) == 1 and self._ethnic(actors[0], sa):
            # "ethnic Albanians demonstrated in Serbia": a minority acts in the country where it lives
            place = [p for p in self._location(tok, sa) if self.finder.is_country(p.code or "")] or \
                self._other_country(tok, sa, actors)
            if place:
                a = actors[0]
                actors = [Actor(place[0].code, a.sector or "CVL", a.entity_text, a.start, a.end)]
                recips = [r for r in recips if r.code != place[0].code or r.entity_text is None]
        if recips and etype in ("ASSAULT", "COERCE", "SANCTION") and any(self._ethnic(r, sa) for r in recips):
            # "killed three ethnic Albanians in southern Serbia": a minority where it lives, not a state
            place = [p for p in self._location(tok, sa) if self.finder.is_country(p.code or "")]
            if place:
                recips = [Actor(place[0].code, None, place[0].entity_text, place[0].start, place[0].end)]
        if not recips and etype in DOMESTIC_LOC_TYPES:
            recips = self._location(tok, sa)
        if not recips and e.kind == "verb" and etype in REACTION_TYPES:
            recips = self._earlier_event_actors(tok, sa, actors, made)
        if etype == "REQUEST":
            # "demanded the withdrawal of Serbian forces from Bosnia": asked of those who are to withdraw;
            # "its demand that Israel ease restrictions": asked of the clause's subject
            asked = self._asked_of(tok, e, sa, actors)
            if asked:
                recips = asked
        if not recips and e.kind == "verb" and etype == "REQUEST":
            # "demanded the ship's release" after "Iran seized a tanker": asked of the one who holds it
            o = direct_object(tok)
            entry = match_noun(o, self.lex) if o is not None and o.pos_ == "NOUN" else None
            if entry is not None and entry.event in ("RETREAT", "CONCEDE"):
                own = {a.code for a in actors}
                for ev in list(made.values()) + list(reversed(sa.ctx.events)):
                    if ev.modality == "asserted" and QUAD.get(ev.event) in (3, 4) and \
                            not ({a.code for a in ev.actor} & own):
                        recips = [Actor(a.code, a.sector, a.entity_text, a.start, a.end) for a in ev.actor]
                        break
        if not recips and etype in SELF_DEFAULT_TYPES and len({a.code for a in actors}) == 1 and (
                (e.kind == "verb" and not self._open_slot(tok, e, sa)
                 and not (tok.lemma_.lower() == "deny"
                          and any(ch.dep_ in ("ccomp", "xcomp") and ch.pos_ in ("VERB", "AUX") for ch in tok.children))
                 and (direct_object(tok) is None or sa.role_sector(direct_object(tok))
                      or (e.obj and etype != "ASSAULT")
                      or (etype in ABSTRACT_OBJECT_TYPES and not self._names_an_act(direct_object(tok)))))
                or etype == "PROTEST"
                or (etype == "ASSAULT" and actors[0].sector == "COP")):
            # no named target: another country the sentence names is the likelier target ("denounced
            # as a crime Serbia's crackdown"); failing that a domestic event (protesters face their own
            # government)
            a = actors[0]
            other = self._other_country(tok, sa, actors) if etype in INTERNATIONAL_TYPES or (
                etype == "PROTEST" and a.sector not in ("GOV", "MIL", "COP")) else []
            if other:
                recips = other
            elif etype in INTERNATIONAL_TYPES and a.sector in (None, "GOV") and self.finder.is_country(a.code or "") \
                    and self._article_other(sa, a.code):
                # an article about relations with another country: a government's complaint, warning or
                # pledge with no target named is aimed at the other country the article keeps naming
                recips = [Actor(self._article_other(sa, a.code), None, None, None, None)]
            elif a.code and len(a.code) == 3 and a.code not in ("IGO", "NGO", "IMG", "MNC", "UNO", "EUR"):
                recips = [Actor(a.code, None, None, None, None)]
        modality = self._modality(tok, e)
        if e.kind == "verb" and tok.dep_ in ("relcl", "acl", "ccomp") and tok.head.lemma_.lower() in ("way", "chance") \
                and any(c.lower_ == "no" for c in tok.head.children):
            modality = "negated"  # "there was no way Pyongyang would give up its weapons"
        if modality == "asserted" and e.kind == "verb" and tok.dep_ == "xcomp" and \
                tok.head.lemma_.lower() in ATTEMPT_HEADS and QUAD.get(etype, 0) in COOPERATIVE_QUADS:
            # "trying to negotiate" is no negotiation yet (an attempted attack is coded as the attack)
            modality = "hypothetical"
        if etype == "ASSAULT" and e.kind == "verb" and self._under(tok, PREPARE - {"threaten"}):
            etype, mode, cameo, modality = "MOBILIZE", "troops", "154", "asserted"
        if e.kind == "verb" and tok.dep_ == "xcomp" and head.lemma_.lower() in WILLING:
            modality = self._clause_modality(head.head) if head.head is not head else "asserted"
            if modality in ("future", "hypothetical"):
                modality = "asserted"
        if modality == "future" and (etype in INTENT_TYPES or (etype == "CONSULT" and mode == "visit")) and \
                self._has_will(tok):
            # "will send aid", "will visit Albania" (a trip arranged with the host); "will meet" stays future
            etype, mode, cameo, modality = "AGREE", None, "030", "asserted"
        if modality == "negated" and e.kind == "verb" and etype in ("AGREE", "SUPPORT", "CONCEDE") and \
                "control" not in e.flags and (self._has_will(tok) or any(
                    c.lower_ in ("never", "refuse", "refused") for c in tok.children)
                    or (tok.dep_ == "xcomp" and tok.head.lemma_.lower() in FAIL_HEADS)):
            etype, mode, cameo, modality = "REJECT", None, "120", "asserted"
        elif modality == "negated" and e.kind == "verb" and QUAD.get(etype) in (1, 2) and self._has_will(tok):
            # "will not attend", "would never give up": a refusal
            etype, mode, cameo, modality = "REJECT", None, "120", "asserted"
        if how == "accused" and modality == "asserted":
            modality = "claimed"
        # reported speech
        sp = self._speech_head(tok, speech)
        if sp is None and e.kind == "verb" and any(
                ch.lower_ in MUST for ch in tok.children if ch.dep_ in ("aux", "auxpass")):
            gov = self._governor(tok)
            if gov is not None:
                speakers, _ = self._subject(gov, sa)
                if speakers and not {a.code for a in actors} <= {a.code for a in speakers}:
                    return self._make(sa, article, index, offset, tok, e, "REQUEST", None, "100", speakers,
                                      actors, "asserted", how)
        if sp is not None and modality in ("asserted", "future", "hypothetical"):
            sp_tok, sp_entry = sp
            speakers, _ = self._subject(sp_tok, sa)
            spk = {a.code for a in speakers}
            act = {a.code for a in actors}
            has_must = any(ch.lower_ in MUST for ch in tok.children if ch.dep_ in ("aux", "auxpass"))
            if sp_entry.event == "DENY":
                modality = "negated"
            elif has_must and speakers and not act <= spk:
                ev_recips = actors
                actors, recips = speakers, ev_recips
                etype, mode, cameo, modality = "REQUEST", None, "100", "asserted"
            elif modality in ("future", "hypothetical") and speakers and act <= spk and (
                    modality == "future" or any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX | HYPO_AUX
                                                for c in tok.children)) and not any(
                    m.dep_ == "mark" and m.lower_ in ("if", "unless", "whether", "until", "before")
                    for m in tok.children):
                # a statement of one's own future act: promise (AGREE) or threat; an announced sanction
                # is the sanction itself
                if QUAD.get(etype, 0) in COOPERATIVE_QUADS:
                    etype, mode, cameo = "AGREE", None, "030"
                elif etype in ("ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "THREATEN") or self._unless(tok):
                    etype, mode, cameo = "THREATEN", None, "130"
                modality = "asserted"
            elif modality == "asserted" and sp_tok.i < tok.i and speakers and not act <= spk:
                if not self._neutral(sp_tok, sa):
                    modality = "claimed"
                # "Kyiv said Russian drones struck a power plant": the speaker reports what hit it
                if etype in ("ASSAULT", "COERCE") and "test" not in e.flags and \
                        all(r.entity_text is None for r in recips):
                    recips = [Actor(a.code, None, a.entity_text, a.start, a.end) for a in speakers]
        if etype in (SPEECH, "DENY"):
            return None
        if etype == "REQUEST" and tok.lemma_.lower() in ("order", "force", "compel") and recips and \
                {r.code for r in recips} == {a.code for a in actors} and \
                all(a.sector in (None, "GOV", "JUD", "COP", "MIL") for a in actors) and any(
                    x.lemma_.lower() in STOP_VERBS for x in tok.subtree if x.pos_ == "VERB" and x is not tok):
            # "the government ordered the opposition newspaper to suspend publication": a state order
            # to its own people is coercion
            etype, mode, cameo = "COERCE", None, "170"
        if etype == "MOBILIZE" and mode == "weapons" and (
                len({a.code for a in actors}) > 1 or any(w.lower_ in ("joint", "combined") for w in tok.subtree)):
            # joint exercises are military cooperation between the participants
            etype, mode, cameo = "COOPERATE", None, "062"
            if len({a.code for a in actors}) > 1:
                recips = list(actors)
                reciprocal = True
        subj_tok = subject_token(tok)[0] if e.kind == "verb" else None
        if etype == "ASSAULT" and actors and all(a.sector == "CVL" for a in actors) and subj_tok is not None \
                and self.finder.sector_of(subj_tok.lemma_.lower()) == "CVL":
            etype, mode, cameo = "PROTEST", "riot", "145"
            if not recips:
                recips = [Actor(actors[0].code, None, None, None, None)]
        people = subj_tok is not None and subj_tok.tag_ in ("NNS", "NNPS") and \
            sa.role_sector(subj_tok) not in ("GOV", "MIL", "COP", "LEG", "JUD")  # "Iraqi Kurds protested"
        if etype == "PROTEST" and people and actors:
            actors = [Actor(a.code, a.sector or "CVL", a.entity_text, a.start, a.end, a.office) for a in actors]
        if etype == "PROTEST" and tok.lemma_.lower() in ("protest", "object") and actors and not people and all(
                self.finder.is_country(a.code or "") and a.sector in (None, "GOV") for a in actors):
            etype, mode, cameo = "ACCUSE", "allege", "114"  # a state's protest is a diplomatic complaint
            own = {a.code for a in actors}
            if all(r.entity_text is None and r.code in own for r in recips):
                # ... lodged with another state: the one named in the sentence, else the article's other one
                alt = self._other_country(tok, sa, actors) or [
                    Actor(c, None, None, None, None) for c in [self._main_other(sa, set(own))] if c]
                recips = alt or recips
        if "test" in e.flags and not recips and not self._aimed(tok):
            etype, mode, cameo = "MOBILIZE", "weapons", "150"  # missiles fired at no one: a weapons test
        if etype == "PROTEST" and mode == "obstruct" and actors and all(
                a.sector in (None, "GOV", "MIL", "COP") for a in actors):
            etype, mode, cameo = "COERCE", "restrict", "191"  # a state blocking is coercion, not protest
        if etype == "CONSULT" and mode == "visit" and e.kind == "verb" and e.prt:
            subj, _ = subject_token(tok)
            words = subj.subtree if subj is not None else []
            np_text = " ".join(t.lower_ for t in words)
            if "peacekeep" in np_text:
                etype, mode, cameo = "AID", None, "074"
            elif any(a.sector in ("MIL", "REB", "COP", "CVL", "REF") for a in actors):
                return None
        cond = self._condition_subject(tok, sa)
        conflict = etype in ("SANCTION", "ASSAULT", "COERCE", "MOBILIZE")
        if cond is not None and (etype == "THREATEN" or (sp is not None and etype in ("RETREAT", "SANCTION", "AGREE"))
                                 or (conflict and (modality == "future" or self._unless(tok)))):
            cond_actors = [a for a in cond if a.code not in {x.code for x in actors}]
            if cond_actors or (conflict and recips):
                if etype != "THREATEN":
                    etype, mode, cameo, modality = "THREATEN", None, "130", "asserted"
                real = [r for r in recips if r.entity_text is not None and r.code not in {x.code for x in actors}]
                recips = real or cond_actors
        if not recips and not reciprocal and etype not in ("CONSULT", "COOPERATE") and modality == "asserted" and \
                not ("test" in e.flags and etype == "MOBILIZE"):
            # "food aid to refugees fleeing the war in Liberia", "the withdrawal of forces from Panama": the
            # one other country the sentence names
            recips = self._other_country(tok, sa, actors, within=etype in NEEDS_RECIPIENT)
        if etype == "CONSULT" and not recips and actors and all(self.finder.is_country(a.code or "") for a in actors):
            # "held talks in Pyongyang": a foreign visitor talks with the government of the place
            own = {a.code for a in actors}
            measured = [t for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in MEASURE_NOUNS
                        for t in c.subtree]  # "three days of talks in Pyongyang"
            places = self._location(tok, sa) or (self._location(tok.head, sa) if e.kind == "noun" else []) or [
                a for t in measured if t.dep_ == "pobj" and t.head.lower_ in ("in", "at") for a in sa.resolve(t)]
            places = [p for p in places if self.finder.is_country(p.code or "") and p.code not in own]
            if places:
                recips = [Actor(places[0].code, "GOV", places[0].entity_text, places[0].start, places[0].end)]
        if etype == "CONSULT" and not reciprocal and recips and mode != "visit" and (
                tok.lemma_.lower() in DISCUSS_WORDS or (direct_object(tok) is not None and
                                                        direct_object(tok).lemma_.lower() in DISCUSS_WORDS)):
            # talks and phone calls go both ways: each side consults the other
            own = {a.code for a in actors}
            others = [r for r in recips if r.code not in own]
            if others and all(self.finder.is_country(x.code or "") for x in actors + others):
                actors = list(actors) + others
                recips = list(actors)
                reciprocal = True
        if etype in ("CONSULT", "COOPERATE") and not reciprocal and recips and \
                {r.code for r in recips} <= {a.code for a in actors}:
            recips = []  # "Turkey hosts refugees": no one to consult with
        if not recips and etype in NEEDS_RECIPIENT:
            return None
        if recips and not reciprocal and all(not self.finder.is_country(a.code or "") for a in actors):
            own = {a.code for a in actors}
            recips = [r for r in recips if r.code not in own]  # an organisation acting on itself: no
            if not recips and modality == "asserted" and etype not in NEEDS_RECIPIENT | {"MOBILIZE"}:
                recips = self._other_country(tok, sa, actors)  # "rejected a call ... in East Timor"
        if not recips and e.kind == "verb" and tok.dep_ in ("advcl", "xcomp") and tok.head.i in made and \
                any(a.lower_ == "to" and a.dep_ == "aux" for a in tok.children):
            # "sent personnel to Bosnia to investigate": the purpose has the same target
            recips = [r for r in made[tok.head.i].recipient if r.entity_text is not None]
        if how == "place" and recips and not reciprocal and any(r.entity_text for r in recips) and \
                {a.code for a in actors} == {r.code for r in recips}:
            # "a foreign ministry spokesman accused Washington": an unnamed official speaks for the other
            # country of the article, never for the one he accuses
            alt = self._main_other(sa, {r.code for r in recips})
            if alt:
                actors = [Actor(alt, a.sector, a.entity_text, a.start, a.end) for a in actors[:1]]
        if recips and not reciprocal and etype not in ("REJECT", "REQUEST", "ACCUSE", "AGREE", "CONCEDE", "PROTEST") \
                and all((r.entity_text or "").lower() in PRONOUNS_GROUP | PRONOUNS_PERSON for r in recips) and \
                {r.code for r in recips} <= {a.code for a in actors}:
            # "fired missiles off its east coast", "shut down its test site": the actor's own, not a target
            recips = []
            if etype in NEEDS_RECIPIENT:
                return None
            if etype == "ASSAULT" and "test" in e.flags:
                etype, mode, cameo = "MOBILIZE", "weapons", "150"
        if recips and not reciprocal and etype in OUTWARD_TYPES and len({a.code for a in actors}) == 1 and \
                {r.code for r in recips} == {a.code for a in actors} and self.finder.is_country(actors[0].code or ""):
            # a sanction, a meeting, aid aimed at one's own country: the other party the sentence names
            recips = self._other_country(tok, sa, actors)
            if not recips and etype in NEEDS_RECIPIENT:
                return None
        if recips and not reciprocal:
            # drop a recipient that is the very same mention as the actor
            spans = {(a.start, a.end) for a in actors}
            recips = [r for r in recips if (r.start, r.end) not in spans]
        return self._make(sa, article, index, offset, tok, e, etype, mode, cameo, actors, recips, modality, how)

    def _named_persons(self, doc: Doc, mentions: list[Mention], ctx: ArticleContext) -> list[Mention]:
        """Learn people introduced by their country and role ("North Korean leader Kim Jong Un", "U.S.
        envoy Stephen Biegun") and find them again by full name, first or last word ("Kim", "Biegun")."""
        taken = {i for m in mentions for i in range(m.start, m.end)}
        for m in list(mentions):
            if m.kind == "person" and m.end - m.start >= 2:
                for t in (doc[m.start], doc[m.end - 1]):  # "Kim" for Kim Jong Un, "Pompeo" for Mike Pompeo
                    if t.text[:1].isupper() and t.is_alpha and len(t) > 2 and not t.is_stop:
                        ctx.names[t.text] = (m.code, m.sector)
                continue
            if m.kind not in ("country", "demonym"):
                continue
            i = m.end
            role: str | None = None
            steps = 0
            while i < len(doc) and steps < 5 and i not in taken:
                t = doc[i]
                if t.text in ("'s", "\u2019s") and i == m.end:
                    pass
                elif self.finder.sector_of(t.lower_) or t.lower_ in ROLE_MODIFIERS:
                    role = role or self.finder.sector_of(t.lower_)
                elif t.lower_ == "of" and i + 1 < len(doc) and doc[i + 1].lower_ in ROLE_MODIFIERS:
                    pass
                else:
                    break
                i += 1
                steps += 1
            if role is None:
                continue
            j = i
            while j < len(doc) and j not in taken and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() \
                    and doc[j].text.replace("-", "").isalpha():
                j += 1
            if j - i < 2 or j - i > 4:
                continue
            name = doc[i:j]
            code_sector = (m.code, role)
            for key in {name.text, doc[i].text, doc[j - 1].text}:
                ctx.names[key] = code_sector
            mentions.append(Mention(i, j, m.code, role, "person", name.text))
            taken.update(range(i, j))
        if ctx.names:
            i = 0
            while i < len(doc):
                if i in taken or not _namelike(doc[i]):
                    i += 1
                    continue
                j = i
                while j < len(doc) and j not in taken and _namelike(doc[j]):
                    j += 1
                hit = None
                for a in range(i, j):  # the longest known run of words inside this name
                    for b in range(j, a, -1):
                        if doc[a:b].text in ctx.names and (hit is None or b - a > hit[1] - hit[0]):
                            hit = (a, b)
                if hit is not None and (hit[1] - hit[0] > 1 or j - i == 1):
                    code, sector = ctx.names[doc[hit[0]:hit[1]].text]
                    mentions.append(Mention(i, j, code, sector, "person", doc[i:j].text))
                    taken.update(range(i, j))
                i = j
        mentions.sort(key=lambda m: m.start)
        return mentions

    def _article_other(self, sa: SentenceActors, code: str | None) -> str | None:
        """The country other than `code` that earlier sentences named most (at least twice), or None."""
        counts: dict[str, int] = {}
        for c in sa.ctx.states:
            if c != code and self.finder.is_country(c):
                counts[c] = counts.get(c, 0) + 1
        if not counts:
            return None
        best = max(counts, key=lambda c: (counts[c], -sa.ctx.states.index(c)))
        return best if counts[best] >= 2 and counts[best] >= sa.ctx.states.count(code or "") / 2 else None

    def _main_other(self, sa: SentenceActors, exclude: set[str | None]) -> str | None:
        """The country the article (and this sentence) names most often, leaving out some codes."""
        counts: dict[str, int] = {}
        states = list(sa.ctx.states) + [m.code for m in sa.mentions if self.finder.is_country(m.code)]
        for c in states:
            if c not in exclude:
                counts[c] = counts.get(c, 0) + 1
        if not counts:
            return None
        return max(counts, key=lambda c: (counts[c], -states.index(c)))

    def _no_intention(self, tok: Token, sa: SentenceActors, article: Article, index: int, offset: int
                      ) -> Event | None:
        """"has no intention of sitting down with the United States": a refusal."""
        if tok.lemma_.lower() not in INTENT_NOUNS or not any(c.lower_ == "no" for c in tok.children):
            return None
        inner = [g for p in tok.children if p.dep_ in ("prep", "acl") for g in ([p] if p.pos_ == "VERB" else
                 [x for x in p.children if x.dep_ in ("pcomp", "pobj") and x.pos_ == "VERB"])]
        if not inner or tok.head.pos_ not in ("VERB", "AUX"):
            return None
        actors, how = self._subject(tok.head, sa)
        if not actors:
            return None
        own = {a.code for a in actors}
        recips: list[Actor] = []
        for t in inner[0].subtree:
            if t.dep_ == "pobj" and t.head.lower_ in ("with", "to"):
                recips = [a for a in sa.resolve(t) if a.code not in own]
                if recips:
                    break
        recips = recips or [a for a in sa.resolve(direct_object(inner[0])) if a.code not in own] \
            if direct_object(inner[0]) is not None else recips
        entry = LexEntry("c120", "noun", tok.lemma_.lower(), "", frozenset(), "REJECT", None, "120", (), frozenset())
        return self._make(sa, article, index, offset, tok, entry, "REJECT", None, "120", actors, recips,
                          "asserted", how)

    def _open_to(self, tok: Token, sa: SentenceActors, article: Article, index: int, offset: int) -> Event | None:
        """"was open to a third summit with Trump", "is ready for talks with Iran": an offer to meet."""
        if tok.dep_ != "pobj" or tok.lemma_.lower() not in MEETING_NOUNS or tok.head.lower_ not in ("to", "for"):
            return None
        adj = tok.head.head
        if adj.pos_ != "ADJ" or adj.lemma_.lower() not in WILLING | {"open"} or adj.dep_ != "acomp":
            return None
        verb = adj.head
        actors, how = self._subject(verb, sa)
        if not actors:
            return None
        own = {a.code for a in actors}
        recips = [a for g in prep_objects(tok, "with") for a in sa.resolve(g) if a.code not in own] or \
            self._other_country(tok, sa, actors)
        negated = any(c.dep_ == "neg" for c in verb.children) or any(c.dep_ == "neg" for c in adj.children)
        etype, cameo = ("REJECT", "120") if negated else ("AGREE", "030")
        entry = LexEntry("c030", "noun", tok.lemma_.lower(), "", frozenset(), etype, None, cameo, (), frozenset())
        return self._make(sa, article, index, offset, tok, entry, etype, None, cameo, actors, recips, "asserted", how)

    def _characterisation(self, tok: Token, sa: SentenceActors, article: Article, index: int, offset: int,
                          made: dict[int, Event], speech: dict[int, LexEntry]) -> Event | None:
        lemma = tok.lemma_.lower()
        target: Token | None = None
        if lemma == "pay" and (any(c.lower_ in ("dearly", "heavily") for c in tok.children) or any(
                c.dep_ == "dobj" and c.lemma_.lower() == "price" for c in tok.children)):
            # "said Trump would pay dearly": the speaker threatens the one who is to pay
            sp = self._speech_head(tok, speech)
            subj, _ = subject_token(tok)
            if sp is None or subj is None:
                return None
            speakers, how = self._subject(sp[0], sa)
            payers = [a for a in sa.resolve(subj) if a.code not in {x.code for x in speakers}]
            if not speakers or not payers:
                return None
            entry = LexEntry("c130", "verb", lemma, "", frozenset(), "THREATEN", None, "130", (), frozenset())
            return self._make(sa, article, index, offset, tok, entry, "THREATEN", None, "130", speakers, payers,
                              "asserted", how)
        if lemma in CHARACTERISE:
            o = direct_object(tok)
            if o is None:
                return None
            words = [t for t in tok.subtree if t.i > o.i and t.i not in {x.i for x in o.subtree}] or list(o.subtree)
            if not any(_negative(t) for t in words):
                return None
            target = o
        elif tok.i in speech:
            for x in tok.children:
                if x.dep_ != "ccomp" or x.lemma_.lower() != "be":
                    continue
                subj = next((c for c in x.children if c.dep_ == "nsubj"), None)
                pred = [c for c in x.children if c.dep_ in ("attr", "acomp")]
                if subj is not None and pred and any(_negative(t) for p in pred for t in p.subtree) and (
                        subj.lower_ in ("it", "this", "that") or subj.lemma_.lower() in EVENT_WORDS
                        or match_noun(subj, self.lex) is not None):
                    target = subj
                    break
        if target is None:
            return None
        actors, how = self._subject(tok, sa)
        if not actors:
            return None
        own = {a.code for a in actors}
        recips = [] if target.lower_ in ("it", "this", "that") else sa.resolve(target)
        if not recips:
            recips = self._earlier_event_actors(tok, sa, actors, made, objs=[target]) if target.pos_ == "NOUN" \
                else []
        if not recips:
            for ev in list(made.values())[::-1] + list(reversed(sa.ctx.events)):
                if ev.modality == "asserted" and not ({a.code for a in ev.actor} & own) and ev.actor:
                    recips = [Actor(a.code, a.sector, a.entity_text, a.start, a.end) for a in ev.actor]
                    break
        recips = [r for r in recips if r.code and r.code not in own]
        if not recips:
            return None
        entry = LexEntry("c111", "verb", lemma, "", frozenset(), "ACCUSE", None, "111", (), frozenset())
        modality = self._modality(tok, entry)
        return self._make(sa, article, index, offset, tok, entry, "ACCUSE", None, "111", actors, recips,
                          modality, how)

    def _asked_of(self, tok: Token, e: LexEntry, sa: SentenceActors, actors: list[Actor]) -> list[Actor]:
        own = {a.code for a in actors}
        if e.kind == "verb":
            o = direct_object(tok)
            if o is not None and o.pos_ == "NOUN":
                entry = match_noun(o, self.lex)
                if (entry is not None and entry.event in ("RETREAT", "CONCEDE")) or o.lemma_.lower() in ASKED_ACTS:
                    for g in prep_objects(o, "of"):
                        named = sa.resolve(g)
                        got = [a for a in named if a.code not in own]
                        if got:
                            return got
                        if named and o.lemma_.lower() in ("release", "return", "extradition", "handover"):
                            # "demanded the release of three Americans": asked of the captor, the other
                            # state the sentence names
                            return self._other_country(tok, sa, actors)
            return []
        near = list(tok.children) + (list(tok.head.children) if tok.dep_ == "dobj" else [])
        for x in near:
            if x.dep_ in ("acl", "ccomp", "relcl") and any(w.lower_ == "that" and w.dep_ == "mark" for w in x.children):
                subj = next((c for c in x.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None:
                    got = [a for a in sa.resolve(subj) if a.code not in own]
                    if got:
                        return got
        return []

    def _ethnic(self, r: Actor, sa: SentenceActors) -> bool:
        """A recipient named as an ethnic group ("ethnic Albanians")."""
        if r.start is None:
            return False
        for t in sa.doc:
            if sa.offset + t.idx == r.start:
                return t.i > 0 and sa.doc[t.i - 1].lower_ == "ethnic"
        return False

    def _background_clause(self, tok: Token) -> Token | None:
        """The head of an adverbial clause of time or cause that holds the trigger ("after X fired ...",
        "as police cracked down ..."), or None."""
        cur = tok
        for _ in range(6):
            if cur.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in BACKGROUND_MARKS for m in cur.children):
                return cur
            if cur.dep_ == "pobj" and cur.head.lower_ in ("after", "following", "amid") and cur.head.dep_ == "prep":
                return cur.head
            if cur.dep_ == "acl" and cur.tag_ == "VBN" and cur.head.pos_ in ("NOUN", "PROPN"):
                return cur  # "the return of property seized by the army in the 1970s": a description
            if cur.head is cur:
                return None
            cur = cur.head
        return None

    def _attack_place(self, tok: Token, sa: SentenceActors) -> list[Actor] | None:
        """The country where an attack without a named attacker happened: the verb is passive with no
        agent or a device for agent, or its subject is a device or an attack ("a car bomb", "an explosion")."""
        subj, _ = subject_token(tok)
        heads: list[Token] = [tok]
        if is_passive(tok):
            agents = prep_objects(tok, "by")
            if agents and not all(self._device(a) for a in agents):
                return None
            heads += agents
        elif subj is None or not self._device(subj):
            return None
        else:
            heads.append(subj)
        skip = {t.i for v in tok.children if v.dep_ == "nsubjpass" for t in v.subtree}
        for h in heads:
            for t in h.subtree:
                if t.i in skip or t.dep_ != "pobj":
                    continue
                if t.head.lower_ in PLACE_PREPS | {"near", "outside"} or (
                        t.head.lower_ == "of" and (t.head.head.lemma_.lower() in TOWN_WORDS
                                                   or t.head.head.lower_ in ("outside", "near"))):
                    got = [a for a in sa.resolve(t) if a.code and self.finder.is_country(a.code)]
                    if not got:
                        for sub in t.subtree:
                            m = sa.tokmap.get(sub.i)
                            if m is not None and m.kind in ("country", "capital", "demonym", "region") and \
                                    self.finder.is_country(m.code):
                                got = [sa.actor_from_mention(m, None)]
                                break
                    if got:
                        return [Actor(got[0].code, None, got[0].entity_text, got[0].start, got[0].end)]
        return None

    def _device(self, t: Token) -> bool:
        """A weapon or an attack standing as the doer ("a roadside bomb", "the blast")."""
        if t.lemma_.lower() in DEVICE_WORDS:
            return True
        entry = match_noun(t, self.lex)
        return entry is not None and entry.event == "ASSAULT"

    def _is_person(self, o: Token, sa: SentenceActors) -> bool:
        """An object that names a person or an office holder (not weapons or shells)."""
        m = sa.tokmap.get(o.i)
        if m is not None and m.kind == "person":
            return True
        words = [o] + [c for c in o.children if c.dep_ in ("compound", "amod", "appos")]
        return any(w.lemma_.lower() in STAFF_WORDS or sa.role_sector(w) in ("GOV", "LEG", "JUD") for w in words)

    def _other_country(self, tok: Token, sa: SentenceActors, actors: list[Actor], within: bool = False
                       ) -> list[Actor]:
        """The one country other than the actor's that the sentence names outside the actor's own phrase
        and outside quotations: the target of an act whose object names no one. `within`: only inside
        the trigger's own phrase ("evacuated the wounded from the Bosnian town")."""
        own = {a.code for a in actors}
        clauses = {t.i for c in tok.subtree if c is not tok and (c.dep_ in ("relcl", "advcl") or (
            c.dep_ == "prep" and c.lower_ in ("despite", "amid", "after", "before", "since", "following", "because")))
            for t in c.subtree}
        inside = {t.i for t in tok.subtree} - clauses  # not inside a relative or adverbial clause of its own
        subj = subject_token(tok)[0] if tok.pos_ in ("VERB", "AUX") else None
        skip = set(range(subj.left_edge.i, subj.right_edge.i + 1)) if subj is not None else set()
        quoted = _quoted_tokens(sa.doc)
        found: dict[str, Mention] = {}
        for m in sa.mentions:
            if not m.code or m.code in own or not (self.finder.is_country(m.code) or m.code in BLOCS):
                continue
            if any(i in skip or i in quoted for i in range(m.start, m.end)):
                continue
            if within and m.start not in inside:
                continue
            if m.start > 0 and (sa.doc[m.start - 1].lower_ in ("anti", "pro", "non") or (
                    m.start > 1 and sa.doc[m.start - 1].text == "-" and sa.doc[m.start - 2].lower_ in ("anti", "pro"))):
                continue  # "an anti-Syria journalist": an attitude, not a party
            found.setdefault(m.code, m)
        if len(found) > 1:
            # "denounced Serbia's suppression of unrest in Montenegro": the possessor of the act
            poss = {c: m for c, m in found.items() if sa.doc[m.end - 1].dep_ == "poss" and m.start in inside}
            if len(poss) == 1:
                found = poss
        if len(found) != 1:
            return []
        m = next(iter(found.values()))
        span = sa.doc[m.start:m.end]
        return [Actor(m.code, None, m.text, sa.offset + span.start_char, sa.offset + span.end_char)]

    def _governor(self, tok: Token) -> Token | None:
        cur = tok
        for _ in range(4):
            if cur.dep_ in ("ccomp", "acl", "relcl", "advcl") and cur.head is not cur:
                cur = cur.head
                if cur.pos_ in ("NOUN", "PROPN"):
                    cur = cur.head
                if cur.pos_ in ("VERB", "AUX"):
                    return cur
            else:
                return None
        return None

    def _make(self, sa: SentenceActors, article: Article, index: int, offset: int, tok: Token, e: LexEntry,
              etype: str, mode: str | None, cameo: str | None, actors: list[Actor], recips: list[Actor],
              modality: str, how: str) -> Event:
        context = []
        row = cameo_table().get(cameo or "")
        if row and row.get("context"):
            context = [x.strip() for x in row["context"].split(";") if x.strip()]
        date, precision = self._date(sa.doc, article, tok, modality)
        conf = 0.5 + (0.2 if how in ("subj", "agent", "mention") else 0.05) + (0.15 if recips else 0.0)
        return Event(
            story_id=str(article.raw_id or article.id), event=etype, actor=actors, recipient=recips,
            mode=mode, context=context, date=date, date_precision=precision, modality=modality,
            cameo=cameo, confidence=min(conf, 0.95), event_text=sa.doc.text, sentence_index=index,
            sentence_start=offset, trigger=tok.text, trigger_start=offset + tok.idx,
            trigger_end=offset + tok.idx + len(tok), lexicon_id=e.id,
        )

    # -- helpers -----------------------------------------------------------------------------

    def _subject(self, tok: Token, sa: SentenceActors, _depth: int = 0) -> tuple[list[Actor], str]:
        s, how = subject_token(tok)
        if s is None:
            return [], ""
        got = sa.resolve(s)
        if not got and tok.dep_ == "acl" and s is tok.head and tok.head.head.pos_ in ("VERB", "AUX") \
                and tok.head.head is not tok.head:
            # "issued a declaration demanding that ...": the one who issued it
            return self._subject(tok.head.head, sa)
        if not got and s.pos_ in ("NOUN", "PROPN"):
            got = self._unnamed(s, tok, sa)
            how = "place" if got else how
        if not got and s.pos_ == "PRON" and s.lower_ in PRONOUNS_GROUP | PRONOUNS_PERSON and _depth < 3:
            # "The Umma party said it will boycott ...": the pronoun is the speaker
            cur = tok
            while cur.dep_ in ("ccomp", "conj", "xcomp") and cur.head is not cur:
                cur = cur.head
                if cur.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
                    return self._subject(cur, sa, _depth + 1)
        return got, how

    def _unnamed(self, s: Token, tok: Token, sa: SentenceActors) -> list[Actor]:
        """An unnamed group ("thousands of students in Jakarta"): the country where it acts."""
        head = s
        for _ in range(2):
            if head.lemma_.lower() in CROWD or head.lower_ in CROWD:
                pobjs = [g for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                         for g in p.children if g.dep_ == "pobj"]
                if pobjs:
                    head = pobjs[0]
                    continue
            break
        sector = sa.role_sector(head) or sa.role_sector(s)
        if sector is None and (head.lemma_.lower() in CROWD or head.lower_ in CROWD):
            sector = "CVL"
        if sector is None:
            return []
        places: list[Actor] = []
        for t in s.subtree:
            if t.dep_ == "prep" and t.lower_ in PLACE_PREPS:
                for g in t.children:
                    if g.dep_ == "pobj":
                        places = [a for a in sa.resolve(g) if a.code and len(a.code) == 3]
                        if places:
                            break
            if places:
                break
        if not places:
            places = self._location(tok, sa)
        if not places:
            for m in sa.mentions:
                h = sa.doc[m.end - 1]
                if m.kind in ("country", "capital", "region") and h.dep_ == "pobj" and h.head.lower_ in PLACE_PREPS:
                    places = [sa.actor_from_mention(m, None)]
                    break
        if not places:
            # one country named in the sentence: the group's country ("the Umma party ... Algeria's elections")
            named = {m.code for m in sa.mentions if self.finder.is_country(m.code)}
            if len(named) == 1:
                places = [Actor(named.pop(), None)]
        if not places:
            code = sa.ctx.main_state()
            if code:
                places = [Actor(code, None)]
        if not places:
            return []
        p = places[0]
        left = s.left_edge
        span = sa.doc[left.i:s.i + 1]
        return [Actor(p.code, sector, span.text, sa.offset + span.start_char, sa.offset + span.end_char)]

    def _slot(self, tok: Token, slot: str, sa: SentenceActors, by_tok: dict[int, _Cand]) -> list[Actor]:
        if slot in ("dobj", "dobj_actor"):
            o = direct_object(tok)
            if o is None:
                return []
            got = sa.resolve(o)
            if not got and slot == "dobj" and o.pos_ == "NOUN":
                # "condemned the coup in Niger": an event object names its place
                for t in o.subtree:
                    if t.dep_ in ("relcl", "acl", "ccomp"):
                        break
                    if t.dep_ == "pobj" and t.head.lower_ == "in":
                        got = [a for a in sa.resolve(t) if a.code and len(a.code) == 3]
                        if got:
                            break
            return got
        if slot == "iobj":
            for ch in tok.children:
                if ch.dep_ in ("dative", "iobj") and ch.pos_ != "ADP":
                    return sa.resolve(ch)
            return []
        if slot == "nsubjpass":
            for ch in tok.children:
                if ch.dep_ == "nsubjpass":
                    return sa.resolve(ch)
            return []
        if slot.startswith("prep:"):
            word = slot[5:].replace("_actor", "")
            out: list[Actor] = []
            for g in prep_objects(tok, word):
                out.extend(sa.resolve(g))
            # the preposition may hang on the object ("imposed sanctions on Iran")
            if not out:
                o = direct_object(tok)
                if o is not None:
                    for g in prep_objects(o, word):
                        out.extend(sa.resolve(g))
            return out
        if slot == "of":
            out = []
            for g in prep_objects(tok, "of"):
                out.extend(sa.resolve(g))
            return out
        if slot == "xobj":
            for ch in tok.children:
                if ch.dep_ in ("xcomp", "ccomp"):
                    inner = by_tok.get(ch.i)
                    if inner is not None and inner.entry.recip:
                        got = self._recipients(ch, inner.entry, sa, by_tok, [])
                        if got:
                            return got
                    for t in ch.subtree:
                        if t.dep_ in ("dobj", "pobj", "dative", "nsubjpass") and t.i > ch.i - 1:
                            if t.dep_ == "pobj" and t.head.lower_ in ("by", "since", "for", "until", "after"):
                                continue
                            got = sa.resolve(t)
                            if got:
                                return got
            return []
        if slot == "ccsubj":
            for ch in tok.children:
                if ch.dep_ == "ccomp":
                    for g in ch.children:
                        if g.dep_ in ("nsubj", "nsubjpass"):
                            return sa.resolve(g)
            return []
        if slot == "loc":
            return self._location(tok, sa)
        if slot == "ncsubj":  # "the demand that Israel ease ...": the subject of the content clause
            for ch in tok.children:
                if ch.dep_ in ("acl", "ccomp", "relcl"):
                    for g in ch.children:
                        if g.dep_ in ("nsubj", "nsubjpass") and g.lower_ not in RELATIVE_WORDS | {"that"}:
                            return sa.resolve(g)
            return []
        return []

    def _recipients(self, tok: Token, e: LexEntry, sa: SentenceActors, by_tok: dict[int, _Cand],
                    actors: list[Actor]) -> list[Actor]:
        for slot in e.recip:
            got = self._slot(tok, slot, sa, by_tok)
            if got:
                return got
        # an uncoded role as object: "police arrested 12 protesters" (same country)
        o = direct_object(tok)
        if o is not None and "dobj" in e.recip:
            if e.event in ("ASSAULT", "COERCE") and sa.role_sector(o):
                place = self._location(tok, sa)
                if place:
                    return place
                if e.event == "ASSAULT" and sa.role_sector(o) in ("MIL", "GOV", "SPY", "REB"):
                    return []  # someone's soldiers or officials: not the attacker's own
            return sa.role_only(o, actors)
        return []

    def _location(self, tok: Token, sa: SentenceActors) -> list[Actor]:
        for word in ("in", "into", "on", "across", "near", "at", "over", "throughout", "inside", "along", "around",
                     "toward", "towards", "off"):
            for g in prep_objects(tok, word):
                if g.lemma_.lower() in NOT_PLACES:
                    continue  # "in defiance of Chinese authorities", "in response to ..."
                got = [a for a in sa.resolve(g) if a.code and len(a.code) == 3]
                if got:
                    return got
                borders = ("with",) if g.lemma_.lower() in ("border", "frontier", "boundary") else ()
                for w2 in ("in", "near", "outside") + borders:
                    for g2 in prep_objects(g, w2):
                        got = [a for a in sa.resolve(g2) if a.code and len(a.code) == 3]
                        if got:
                            return got
        for p in tok.children:
            if p.dep_ == "prep":
                for g in p.children:
                    if g.dep_ == "pobj":
                        for g2 in prep_objects(g, "in"):
                            got = [a for a in sa.resolve(g2) if a.code and len(a.code) == 3]
                            if got:
                                return got
        o = direct_object(tok)
        if o is not None:
            for word in ("in", "of", "near"):
                for g in prep_objects(o, word):
                    got = [a for a in sa.resolve(g) if a.code and len(a.code) == 3]
                    if got:
                        return got
        return []

    def _noun_args(self, tok: Token, e: LexEntry, sa: SentenceActors, by_tok: dict[int, _Cand],
                   made: dict[int, Event] | None = None) -> tuple[list[Actor], list[Actor], str]:
        if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() in CARRIERS:
            tok = tok.head  # "a mediation effort between A and B": the head noun carries the arguments
        actors: list[Actor] = []
        how = ""
        for g in prep_objects(tok, "by"):
            actors = sa.resolve(g)
            how = "agent"
        if not actors:
            for g in prep_objects(tok, "from"):
                actors = sa.resolve(g)
                how = "agent"
        reaction_target: list[Actor] = []
        if not actors and tok.dep_ == "dobj" and tok.head.lemma_.lower() in REACTION_VERBS:
            # "the launches drew condemnation from Seoul": the reaction's source and its cause
            verb = tok.head
            for g in prep_objects(verb, "from"):
                actors = sa.resolve(g)
                how = "agent"
            if actors:
                subj, _ = subject_token(verb)
                if subj is not None:
                    reaction_target = sa.resolve(subj) or self._earlier_event_actors(
                        verb, sa, actors, made or {}, objs=[subj])
        if not actors and "of_actor" in e.flags:
            for g in prep_objects(tok, "of"):
                actors = sa.resolve(g)
                how = "agent"
        if not actors:
            for ch in tok.children:
                if ch.dep_ in ("poss", "amod", "compound", "nmod") and ch.i < tok.i:
                    m = sa.tokmap.get(ch.i)
                    if m is None:
                        for g in ch.subtree:
                            if g.i in sa.tokmap:
                                m = sa.tokmap[g.i]
                                break
                    if m is not None:
                        actors.append(sa.actor_from_mention(m, tok))
                        for cc in ch.conjuncts:
                            mm = sa.tokmap.get(cc.i)
                            if mm is not None:
                                actors.append(sa.actor_from_mention(mm, tok))
                        how = "mention"
                    elif ch.dep_ == "poss" and ch.pos_ == "PRON":
                        actors = sa.resolve(ch)
                        how = "mention"
        recips: list[Actor] = []
        if "recip" in e.flags:
            between = []
            for g in prep_objects(tok, "between"):
                between = sa.resolve(g)
            if len(between) > 1 and not actors:
                return between, list(between), "mention"
        head = tok.head
        if not actors and tok.dep_ in ("dobj", "pobj", "nsubjpass", "attr") and head is not tok:
            verb = head if tok.dep_ != "pobj" else head.head
            if verb.pos_ in ("VERB", "AUX") and verb.i not in by_tok and verb.lemma_.lower() in SUPPORT_VERBS:
                if tok.dep_ == "nsubjpass":
                    acts = []
                else:
                    acts, how = self._subject(verb, sa)
                actors = acts
        if not actors:
            return [], [], ""
        for slot in e.recip:
            got = self._slot(tok, slot, sa, by_tok)
            if got:
                recips = got
                break
        if not recips and reaction_target:
            recips = reaction_target
        if not recips and tok.dep_ == "dobj":
            verb = tok.head
            for slot in ("prep:on", "prep:against", "prep:with", "prep:to", "iobj"):
                got = self._slot(verb, slot, sa, by_tok)
                if got:
                    recips = got
                    break
        if not recips and "recip" in e.flags and len({a.code for a in actors}) > 1:
            recips = list(actors)
        return actors, recips, how

    def _embedded_negated(self, tok: Token) -> bool:
        for ch in tok.children:
            if ch.dep_ in ("xcomp", "ccomp") and any(g.dep_ == "neg" for g in ch.children):
                return True
        return False

    def _embedded_type(self, tok: Token, by_tok: dict[int, _Cand]) -> str | None:
        for ch in tok.children:
            if ch.dep_ in ("xcomp", "ccomp"):
                for t in ch.subtree:
                    c = by_tok.get(t.i)
                    if c is not None and c.entry.event not in (SPEECH, "DENY"):
                        return c.entry.event
        return None

    def _speech_head(self, tok: Token, speech: dict[int, LexEntry]) -> tuple[Token, LexEntry] | None:
        cur = tok
        for _ in range(6):
            if cur.dep_ in ("ccomp", "conj", "xcomp", "advcl", "pcomp", "dobj", "pobj", "prep") and cur.head is not cur:
                entered = cur.dep_
                cur = cur.head
                if cur.i in speech and entered in ("ccomp",):
                    return cur, speech[cur.i]
                if cur.i in speech and entered in ("dobj", "xcomp") and speech[cur.i].event == "DENY":
                    return cur, speech[cur.i]
            else:
                return None
        return None

    def _names_an_act(self, o: Token | None) -> bool:
        """Is this object someone's act ("rejected the sanctions", "dismissed the proposal")?"""
        if o is None:
            return False
        lemma = o.lemma_.lower()
        return match_noun(o, self.lex) is not None or lemma in EVENT_WORDS or lemma in PROPOSAL_NOUNS

    def _open_slot(self, tok: Token, e: LexEntry, sa: SentenceActors) -> bool:
        """Does a recipient slot hold a phrase that names no actor ("called on all sides")?"""
        for slot in e.recip:
            if slot.startswith("prep:"):
                for g in prep_objects(tok, slot[5:].replace("_actor", "")):
                    if not sa.role_sector(g):
                        return True
        return False

    def _earlier_event_actors(self, tok: Token, sa: SentenceActors, actors: list[Actor],
                              made: dict[int, Event], objs: list[Token | None] | None = None) -> list[Actor]:
        """ACCUSE / SUPPORT ... of an event named by a noun ("condemned the strikes"): its actors."""
        if objs is None:
            objs = [direct_object(tok)] + [g for w in ("over", "about", "against", "for", "at", "of")
                                           for g in prep_objects(tok, w)]
        own = {a.code for a in actors}
        for o in objs:
            if o is None or o.pos_ != "NOUN":
                continue
            entry = match_noun(o, self.lex)
            if entry is None and o.lemma_.lower() not in EVENT_WORDS:
                continue
            earlier = list(made.values()) + list(reversed(sa.ctx.events))
            # the same act first: "condemned the test" is the test, not a drill reported since
            word = re.compile(r"\b" + re.escape(o.lemma_.lower()[:5]) + r"\w*", re.IGNORECASE)
            same = [ev for ev in earlier if word.search(ev.trigger or "") or word.search(ev.event_text or "")]
            for ev in same + earlier:
                if ev.modality != "asserted" or {a.code for a in ev.actor} & own:
                    continue
                if entry is not None and ev.event != entry.event and QUAD.get(ev.event) != QUAD.get(entry.event):
                    continue
                return [Actor(a.code, a.sector, a.entity_text, a.start, a.end) for a in ev.actor]
        return []

    def _aimed(self, tok: Token) -> bool:
        """Fired at something ("at targets in Jericho"), not merely into the sea."""
        for w in ("at", "on", "toward", "towards", "against"):
            for g in prep_objects(tok, w):
                if g.lemma_.lower() not in WATERS and g.ent_type_ not in ("DATE", "TIME") \
                        and g.lemma_.lower() not in TIME_WORDS:
                    return True
        return False

    def _unless(self, tok: Token) -> bool:
        return any(m.dep_ == "mark" and m.lower_ == "unless" for c in tok.children if c.dep_ == "advcl"
                   for m in c.children)

    def _condition_subject(self, tok: Token, sa: SentenceActors) -> list[Actor] | None:
        """The party an "unless / if" clause puts a condition on ("... unless Israel withdraws")."""
        heads = [tok] + [c for c in tok.children if c.dep_ in ("xcomp", "ccomp")]
        cur = tok
        while cur.head is not cur and cur.dep_ in ("xcomp", "ccomp", "conj") and len(heads) < 8:
            cur = cur.head
            heads.append(cur)
        for h in heads:
            for c in h.children:
                if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("unless", "if") for m in c.children):
                    for g in c.children:
                        if g.dep_ in ("nsubj", "nsubjpass"):
                            got = sa.resolve(g)
                            if got:
                                return got
        return None

    def _under(self, tok: Token, lemmas: set[str]) -> bool:
        cur = tok
        for _ in range(4):
            if cur.dep_ in ("xcomp", "dobj", "acomp") and cur.head is not cur:
                cur = cur.head
                if cur.lemma_.lower() in lemmas:
                    return True
            else:
                return False
        return False

    def _has_will(self, tok: Token) -> bool:
        return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX | {"would"} for c in tok.children)

    def _neutral(self, sp_tok: Token, sa: SentenceActors) -> bool:
        s, _ = subject_token(sp_tok)
        if s is None:
            return True
        return s.lemma_.lower() in NEUTRAL_SPEAKERS or s.lower_ in NEUTRAL_SPEAKERS

    def _modality(self, tok: Token, e: LexEntry) -> str:
        mine = self._own_modality(tok, e)
        if mine == "asserted" and _classify_modality is not None:
            # the modality module's cue lists (data) catch markers the parse-based rules miss
            try:
                theirs = _classify_modality(tok)
            except Exception:  # noqa: BLE001
                theirs = "asserted"
            if theirs in ("negated", "hypothetical", "future"):
                return theirs
        return mine

    def _own_modality(self, tok: Token, e: LexEntry) -> str:
        chain = [tok]
        if e.kind == "noun":
            if any(c.lower_ in ("no",) for c in tok.children):
                return "negated"
            if any(c.lemma_.lower() in ("planned", "proposed", "possible", "potential", "future", "upcoming")
                   for c in tok.children if c.dep_ == "amod"):
                return "future"
            gov = tok.head if tok.dep_ != "pobj" else tok.head.head
            if gov.lemma_.lower() in IRREALIS_GOVERNORS and tok.dep_ in ("dobj", "pobj", "nsubjpass"):
                return "hypothetical"  # "fear a new offensive", "warned of an attack"
            if tok.dep_ in ("dobj", "nsubjpass", "nsubj") and tok.head.pos_ in ("VERB", "AUX"):
                chain = [tok.head]
            elif tok.dep_ == "pobj" and tok.head.head.pos_ in ("VERB", "AUX"):
                chain = [tok.head.head]
            else:
                return "asserted"
        verb = chain[0]
        mod = self._clause_modality(verb)
        if mod != "asserted":
            return mod
        # up the chain of embedding verbs
        cur = verb
        for _ in range(4):
            if cur.dep_ in ("xcomp",) and cur.head is not cur:
                head = cur.head
                lemma = head.lemma_.lower()
                hm = self._clause_modality(head)
                if hm == "negated":
                    return "negated"
                if lemma == "fail":
                    return "negated"
                if lemma == "be" and any(a.lower_ == "to" for a in cur.children):
                    return "future"  # "Britain is to send tanks"
                if lemma in HYPO_HEADS:
                    return "hypothetical"
                if lemma in FUTURE_HEADS:
                    return "future" if hm == "asserted" else hm
                if hm != "asserted":
                    return hm
                cur = head
            elif cur.dep_ in ("conj",) and cur.head is not cur:
                cur = cur.head
                hm = self._clause_modality(cur)
                if hm in ("future", "hypothetical"):
                    return hm
            elif cur.dep_ in ("advcl", "ccomp", "relcl") and any(
                    c.lower_ in ("if", "unless", "whether") and c.dep_ == "mark" for c in cur.children):
                return "hypothetical"
            else:
                break
        return "asserted"

    def _clause_modality(self, verb: Token) -> str:
        neg = fut = hyp = claimed = False
        for c in verb.children:
            low = c.lower_
            if c.dep_ == "neg" or (low in NEG_WORDS and c.dep_ in ("advmod", "neg", "det")):
                neg = True
            if c.dep_ in ("aux", "auxpass"):
                if low in FUTURE_AUX:
                    fut = True
                elif low in HYPO_AUX:
                    hyp = True
            if c.dep_ == "mark" and low in ("if", "unless", "whether"):
                hyp = True
            if c.dep_ == "advmod" and low in ("allegedly", "purportedly", "supposedly"):
                claimed = True
        if verb.dep_ == "advcl":
            for c in verb.children:
                if c.dep_ == "mark" and c.lower_ in ("if", "unless"):
                    hyp = True
        if neg:
            return "negated"
        if hyp:
            return "hypothetical"
        if fut:
            return "future"
        if claimed:
            return "claimed"
        return "asserted"

    def _date(self, doc: Doc, article: Article, tok: Token | None = None, modality: str = "asserted"
              ) -> tuple[str | None, str]:
        if _event_date is not None:
            try:
                # a future event reads "on June 12" forward
                return _event_date(doc[:], article.date, trigger=tok, future=modality == "future" or (
                    modality == "hypothetical" and tok is not None and any(
                        c.lower_ in ("would", "will") for c in tok.head.children if c.dep_ == "aux")))
            except Exception as exc:  # noqa: BLE001
                log.debug("event_date failed: %s", exc)
        if article.date:
            return str(article.date)[:10], "publication"
        return None, "undated"


def _clause_heads(clause: Token) -> list[int]:
    """The tokens a background clause hangs on, up to the root."""
    out = []
    cur = clause.head
    for _ in range(6):
        out.append(cur.i)
        if cur.head is cur:
            break
        cur = cur.head
    return out


def _negative(t: Token) -> bool:
    """A word that condemns ("reckless", "a clear threat", "an act of war")."""
    return t.lemma_.lower() in NEGATIVE_WORDS or t.lower_ in NEGATIVE_WORDS


def _namelike(t: Token) -> bool:
    """A capitalised word the tagger may take for a name (a rare surname is often tagged NOUN)."""
    return t.pos_ in ("PROPN", "NOUN") and t.text[:1].isupper() and t.text.replace("-", "").isalpha()


def _quoted_tokens(doc: Doc) -> set[int]:
    """Indices of tokens between quotation marks."""
    out: set[int] = set()
    inside = False
    for t in doc:
        if t.text in ('"', "\u201c", "\u201d", "''", "``"):
            inside = not inside if t.text in ('"', "''", "``") else t.text == "\u201c"
            continue
        if inside:
            out.add(t.i)
    return out


def _has_infinitive(tok: Token) -> bool:
    return any(x.dep_ in ("xcomp", "ccomp", "advcl") and any(a.lower_ == "to" and a.dep_ == "aux" for a in x.children)
               for x in tok.children)


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
