"""Actor mentions in text: knowledge-base aliases and gazetteer places (one PhraseMatcher), role
words and sectors, and the choice among several readings of one name ("Georgia", "Tripoli",
"Congo", "Punjab") from the article's other countries and regions."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

import numpy as np
from spacy.attrs import IDX, LOWER, ORTH, SPACY
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .words import word_set

log = logging.getLogger("dyadwatch.coding")
SHIP_PREFIXES = word_set("references", "ship_prefixes")
# texts whose matches the finder keeps: a batch of articles planned, then coded sentence by sentence
_MEMO_SIZE = 1024

_COMPASS = {"north", "south", "east", "west", "northern", "southern", "the", "of", "and", "republic"}
# lower-case words inside a place name ("Deir al-Balah", "Rio de Janeiro", "Stratford-upon-Avon")
_PARTICLES = frozenset((
    "de", "del", "da", "do", "dos", "das", "la", "le", "les", "el", "al", "ar", "as", "ash", "ad", "an", "az",
    "ez", "es", "en", "on", "upon", "of", "the", "and", "y", "e", "i", "sur", "am", "im", "der", "den", "di",
    "du", "van", "von", "-", "'", "bin", "ibn", "bint",
))
_PLACE_ENTS = frozenset(("GPE", "LOC", "FAC"))
_TIME_ENTS = frozenset(("DATE", "TIME"))  # "on March 15", "in May": no town of that name
TITLES = frozenset(("mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "president", "minister",
                     "premier", "general", "gen", "colonel", "col", "major", "maj", "captain", "capt",
                     "lieutenant", "lt", "sergeant", "sgt", "admiral", "adm", "marshal", "senator", "sen",
                     "rep", "representative", "governor", "gov", "mayor", "judge", "justice", "prince",
                     "princess", "king", "queen", "sheikh", "emir", "imam", "ayatollah", "rabbi", "father",
                     "bishop", "cardinal", "pope", "chancellor", "secretary", "ambassador", "envoy",
                     "commander", "chief", "prof", "professor", "mullah", "maulana", "haji", "hajji", "saint",
                     "st"))
_COMPASS_WORDS = frozenset(("north", "south", "east", "west", "northern", "southern", "eastern", "western",
                            "northeast", "northwest", "southeast", "southwest", "central", "upper", "lower",
                            "greater", "old", "new", "inner", "outer", "downtown", "occupied", "rebel-held"))
_LOCATIVE = frozenset(("in", "at", "near", "into", "across", "outside", "inside", "around", "towards", "toward",
                       "through", "throughout", "via", "within", "beyond", "off", "nearby", "from", "to"))
_REGION_WORDS = frozenset(("province", "state", "region", "governorate", "oblast", "district", "county",
                           "prefecture", "department", "territory"))
# words that make a title before a name a past one ("former President", "the late King", "then-minister")
_PAST_TITLE = frozenset(("former", "ex", "late", "then", "onetime", "erstwhile", "outgoing", "retired", "ousted",
                         "deposed", "exiled", "jailed", "slain", "assassinated", "dismissed", "sacked"))
_GOVERNMENT_NOUNS = frozenset(("government", "administration", "regime", "cabinet", "governments"))
_PLAIN_WORDS = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")
# how a gazetteer kind reads as a mention kind: a city, or a region (provinces, islands, breakaways)
_PLACE_KIND = {"capital": "city", "city": "city", "admin1": "region", "region": "region", "island": "region",
               "site": "region"}


@dataclass
class Mention:
    start: int  # token indices in the doc
    end: int
    code: str
    sector: str | None
    kind: str  # the knowledge base's kinds, or "city"/"region" for a gazetteer place
    text: str
    office: str | None = None
    needs_context: bool = False
    ambiguous: bool = False
    place: Any = None  # kb.places.Place when the mention is a place (coordinates, GeoNames id)
    readings: tuple[str, ...] = ()  # every code the name could have had ("Georgia": GEO, USA)


@lru_cache(maxsize=1)
def get_kb() -> Any:
    try:
        from ..kb import load_kb

        return load_kb()
    except Exception as exc:  # noqa: BLE001 - a broken KB must not stop coding
        log.warning("knowledge base unavailable: %s", exc)
        return None


@lru_cache(maxsize=1)
def get_gazetteer() -> Any:
    try:
        from ..kb.places import load_gazetteer

        return load_gazetteer()
    except Exception as exc:  # noqa: BLE001 - no gazetteer: no places, coding goes on
        log.warning("gazetteer unavailable: %s", exc)
        return None


@dataclass
class _Found:
    start: int
    end: int
    entries: list[Any]  # knowledge-base entries (kb.lookup order)
    places: list[Any]  # gazetteer places of the same name, largest first


class ActorFinder:
    """Find actor mentions with one PhraseMatcher over every knowledge-base alias and place name."""

    def __init__(self, nlp: Language, kb: Any = None, gazetteer: Any = None, places: bool = True) -> None:
        self.kb = kb if kb is not None else get_kb()
        self.gaz = gazetteer if gazetteer is not None else (get_gazetteer() if places else None)
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.entries: dict[str, list[Any]] = {}
        self._forms: dict[str, set[str]] = {}  # lower-case form -> forms as written (case rules)
        self._place_keys: set[str] = set()  # lower-case forms that name a gazetteer place
        self._words = _english_words(nlp)
        self._name_words = _person_words(self.kb)
        if self.kb is None and self.gaz is None:
            return
        docs: list[Doc] = []
        seen: set[str] = set()
        rules = getattr(nlp.tokenizer, "rules", None) or {}

        def pattern(form: str) -> None:
            low = form.lower()
            self._forms.setdefault(low, set()).add(form)
            if low in seen:
                return
            seen.add(low)
            if _PLAIN_WORDS.fullmatch(form) and not any(w.lower() in rules for w in form.split()):
                docs.append(Doc(nlp.vocab, words=form.split()))  # what the tokenizer makes of it, faster
            else:
                docs.append(nlp.make_doc(form))

        if self.kb is not None:
            for form, entry in self.kb.aliases():
                self.entries.setdefault(form.lower(), []).append(entry)
                pattern(form)
        self.matcher.add("A", docs)
        # places are many (40,000 forms): a dictionary of lower-case token sequences is built far
        # faster than matcher patterns, and looked up as fast
        self._place_index: dict[tuple[str, ...], str] = {}
        self._place_len = 0
        if self.gaz is not None:
            for form, _places in self.gaz.surface_forms():
                if len(form) < 3 or not form[:1].isupper():
                    continue
                low = form.lower()
                self._place_keys.add(low)
                self._forms.setdefault(low, set()).add(form)
                words = form.split()
                if all(w.isalpha() and w.lower() not in rules for w in words):
                    toks = tuple(w.lower() for w in words)
                else:
                    toks = tuple(t.lower_ for t in nlp.make_doc(form))
                if toks and len(toks) <= 6:
                    self._place_index.setdefault(toks, low)
                    self._place_len = max(self._place_len, len(toks))
        self._place_first = frozenset(k[0] for k in self._place_index)  # the first words of place names

    # -- finding ----------------------------------------------------------------------------

    def find(self, doc: Doc | Span, on_date: str | None = None, seen_codes: set[str] | None = None
             ) -> list[Mention]:
        """Longest non-overlapping matches, each resolved to one reading (by date for persons, by the
        article's countries for names that several places or countries share). Places named only as
        where something happens are left out (`locations` lists them)."""
        return self._find(doc, on_date, seen_codes, False)

    def find_and_locations(self, doc: Doc | Span, on_date: str | None = None, seen_codes: set[str] | None = None
                           ) -> tuple[list[Mention], list[Mention]]:
        """`find` and `locations` of one text from one resolution of its matches (the same lists as the
        two calls give)."""
        if self.kb is None and self.gaz is None:
            return [], []
        found, where = self._find(doc, on_date, seen_codes, None)
        base = doc.doc if isinstance(doc, Span) else doc
        return found, [m for m in where if m.place is not None and self.locative(base[m.start:m.end])]

    def _find(self, doc: Doc | Span, on_date: str | None, seen_codes: set[str] | None, where: bool | None
              ) -> Any:
        """Mentions of `doc`, places named as where included when `where`; both lists (without, with)
        when `where` is None."""
        if self.kb is None and self.gaz is None:
            return ([], []) if where is None else []
        base = doc.doc if isinstance(doc, Span) else doc
        key = (id(base), doc.start if isinstance(doc, Span) else 0, len(doc), on_date)
        memo = self.__dict__.setdefault("_memos", {})  # the last texts read (an article's sentences, its places)
        hit = memo.get(key)
        if hit is not None and hit[0] is base:
            found = list(hit[1])
        else:
            found = self._found(doc, on_date)
            if len(memo) >= _MEMO_SIZE:
                del memo[next(iter(memo))]
            memo[key] = (base, tuple(found))
        return self._resolve_found(base, found, seen_codes, where, on_date)

    def share(self, source: Doc, doc: Doc, offset: int, on_date: str | None) -> bool:
        """Give `doc`, a copy of `source`'s text from character `offset` on tokenized alike (a parsed
        sentence of a planned article), the matches `find` made in `source`, so that finding in `doc` reads
        the knowledge base no second time. The matches are what `doc` itself gives: the names are looked up
        by their words alone. False, nothing shared, when `source` was not read or any token differs."""
        memo = self.__dict__.setdefault("_memos", {})
        hit = memo.get((id(source), 0, len(source), on_date))
        if hit is None or hit[0] is not source or not len(doc):
            return False
        arrays = self.__dict__.get("_shared")
        if arrays is None or arrays[0] is not source:
            arrays = self._shared = (source, source.to_array([IDX, ORTH, SPACY]))
        src = arrays[1]
        a = int(np.searchsorted(src[:, 0], offset))
        n = len(doc)
        if a + n > len(src) or int(src[a, 0]) != offset:
            return False
        mine = doc.to_array([IDX, ORTH, SPACY])
        part = src[a:a + n]
        if not (np.array_equal(part[:, 0] - offset, mine[:, 0]) and np.array_equal(part[:, 1], mine[:, 1])
                and np.array_equal(part[:-1, 2], mine[:-1, 2])):
            return False
        found = tuple(_Found(f.start - a, f.end - a, f.entries, f.places) for f in hit[1]
                      if a <= f.start and f.end <= a + n)
        if len(memo) >= _MEMO_SIZE:
            del memo[next(iter(memo))]
        memo[(id(doc), 0, n, on_date)] = (doc, found)
        return True

    def _found(self, doc, on_date):
        if isinstance(doc, Span):
            offset = doc.start
            matches = self.matcher(doc.as_doc())
            base = doc.doc
        else:
            offset = 0
            matches = self.matcher(doc)
            base = doc
        pairs = {(s + offset, e + offset) for _, s, e in matches}
        if self._place_index:
            lows = [t.lower_ for t in doc]
            for i in range(len(lows)):
                if lows[i] not in self._place_first:
                    continue  # no place name starts with this word
                for n in range(min(self._place_len, len(lows) - i), 0, -1):
                    if tuple(lows[i:i + n]) in self._place_index:
                        pairs.add((i + offset, i + n + offset))
        ships = {}
        for s, e in list(pairs):
            if e - s == 1 and base[s].text.upper() == base[s].text and base[s].lower_ in SHIP_PREFIXES:
                # "the USS Carney", "HMS Diamond": the name words after a ship prefix are the ship's
                end = e
                while end < len(base) and end - e < 3 and base[end].is_alpha and base[end].text[:1].isupper() \
                        and not base[end].is_sent_start:
                    end += 1
                if end > e:
                    ships[(s, end)] = s
                    pairs.add((s, end))
        spans = sorted(pairs, key=lambda x: (-(x[1] - x[0]), x[0]))
        found: list[_Found] = []
        for s, e in spans:
            if (s, e) in ships:
                f = self._look(base[s:s + 1], on_date)
                if f is not None:
                    found.append(_Found(s, e, f.entries, []))
                continue
            f = self._look(base[s:e], on_date)
            if f is not None:
                found.append(f)
        return found

    def _resolve_found(self, base, found, seen_codes, where, on_date):
        codes, admin = self._context(base, found, seen_codes)
        # names that need no context claim their tokens first: "the North Korean regime" is not "the North"
        found.sort(key=lambda f: (bool(f.entries and f.entries[0].needs_context), -(f.end - f.start), f.start))
        taken: set[int] = set()
        out: list[Mention] = []
        deferred: list[tuple[int, int, str, list[Any]]] = []
        located: list[Mention] = []  # (where None) mentions only a place named as where gives
        for f in found:
            if any(i in taken for i in range(f.start, f.end)):
                continue
            span = base[f.start:f.end]
            e0 = f.entries[0] if f.entries else None
            if e0 is not None and e0.needs_context:
                deferred.append((f.start, f.end, span.text, [x for x in f.entries if x.needs_context]))
                continue
            taken.update(range(f.start, f.end))
            if e0 is not None and e0.ambiguous and any(x.kind == "seat" for x in f.entries) and \
                    len({x.code for x in f.entries}) > 1:
                # a body's name several states give their own ("the Foreign Office": Britain's, Pakistan's) is
                # read from the countries named before it, never from its own object ("The Foreign Office
                # summoned Pakistan's high commissioner" is Britain's)
                m = self._choose(span, f, set(seen_codes or ()) | _codes_before(found, f.start), admin, where)
            else:
                m = self._choose(span, f, codes, admin, where)
            if m is not None:
                out.append(m)
                if self._as_where:
                    located.append(m)
        out.extend(self._leader_governments(base, taken, on_date))
        out.extend(self._titled_surnames(base, taken, on_date))
        if where is None:
            plain = [m for m in out if not any(m is x for x in located)] if located else list(out)
            return (self._deferred(plain, set(taken), deferred, seen_codes),
                    self._deferred(out, taken, deferred, seen_codes))
        return self._deferred(out, taken, deferred, seen_codes)

    def _deferred(self, out: list[Mention], taken: set[int], deferred: list[tuple[int, int, str, list[Any]]],
                  seen_codes: set[str] | None) -> list[Mention]:
        # context aliases ("the North"): their country, or one sharing its name ("South Korea" for
        # North Korea), must be named earlier in the article or in this sentence
        for s, e, text, entries in deferred:
            if any(i in taken for i in range(s, e)):
                continue
            seen = set(seen_codes or ()) | {m.code for m in out if m.start < s}
            # "the kingdom": the kingdom named earlier (Saudi Arabia, Jordan, ...), the one this sentence
            # names nearest before first ("Mali's government ... after Paris called the junta illegitimate")
            near = [m.code for m in sorted(out, key=lambda m: -m.start) if m.start < s]
            entry = next((x for c in near for x in entries if x.code == c), None) or \
                next((x for x in entries if x.code in seen), None) or \
                next((x for x in entries if self._kin(x.code, seen)), None)
            if entry is not None:
                taken.update(range(s, e))
                out.append(Mention(s, e, entry.code, entry.sector, entry.kind, text, entry.office, True,
                                   entry.ambiguous))
        out.sort(key=lambda m: m.start)
        return out

    def _leader_governments(self, doc: Doc, taken: set[int], on_date: str | None) -> list[Mention]:
        """A government named after its leader by one name word ("the Moon government", "the Biden
        administration", "Netanyahu's cabinet"): the leader (kb.leader_named), whose government the noun
        then is. Only a capitalised word no other mention took, right before the noun or its "'s"."""
        leader_named = getattr(self.kb, "leader_named", None)
        if leader_named is None:
            return []
        out = []
        # only a word before a government noun, or before "'s" and one, can pass
        nouns = self._with_lower(doc, "_gov_lows", lambda w: w in _GOVERNMENT_NOUNS)
        at = {j - 1 for j in nouns if j >= 1} | {j - 2 for j in nouns if j >= 2 and doc[j - 1].text in ("'s", "\u2019s")}
        for i in sorted(at):
            t = doc[i]
            if t.i in taken or not (t.is_alpha and t.text[:1].isupper() and not t.is_upper) or t.i + 1 >= len(doc):
                continue
            nxt = doc[t.i + 1]
            if nxt.text in ("'s", "\u2019s") and t.i + 2 < len(doc):
                nxt = doc[t.i + 2]
            if nxt.lower_ not in _GOVERNMENT_NOUNS or (t.i > 0 and doc[t.i - 1].text[:1].isupper()
                                                       and doc[t.i - 1].is_alpha and not doc[t.i - 1].is_sent_start):
                continue  # "the Moon Jae-in government" is the knowledge base's; "New Moon government" no name
            e = leader_named(t.text, on_date)
            if e is not None:
                out.append(Mention(t.i, t.i + 1, e.code, "GOV", "person", t.text, e.office))
                taken.add(t.i)
        return out

    def _with_lower(self, doc: Doc, memo_name: str, test: Any) -> list[int]:
        """Indices of the tokens whose lower-case form passes `test` (decided once per form)."""
        memo = self.__dict__.setdefault(memo_name, {})
        if len(memo) > 200_000:
            memo.clear()
        strings = doc.vocab.strings
        out = []
        for i, h in enumerate(doc.to_array(LOWER).tolist()):
            ok = memo.get(h)
            if ok is None:
                ok = memo[h] = bool(test(strings[h]))
            if ok:
                out.append(i)
        return out

    def _titled_surnames(self, doc: Doc, taken: set[int], on_date: str | None) -> list[Mention]:
        """A title and a surname no other mention took ("Minister Marsudi", "President Tinubu", "Gen. Munir"):
        the office holder of that surname in office on the article's date (kb.holder_named), when one
        country's holders bear it. Not before another name word ("President Bola ..." is a first name)."""
        holder_named = getattr(self.kb, "holder_named", None)
        if holder_named is None or not on_date:
            return []
        out = []
        # only a word after a title can pass
        titles = self._with_lower(doc, "_title_lows", lambda w: w.rstrip(".") in TITLES and w.rstrip(".") not in (
            "saint", "st", "father", "pope"))
        for i in titles:
            if i + 1 >= len(doc):
                continue
            t = doc[i + 1]
            if t.i in taken or t.i == 0 or not (t.is_alpha and t.text[:1].isupper() and not t.is_upper):
                continue
            prev = doc[t.i - 1]
            if prev.lower_.rstrip(".") not in TITLES or prev.lower_.rstrip(".") in ("saint", "st", "father", "pope"):
                continue
            if t.i + 1 < len(doc) and doc[t.i + 1].is_alpha and doc[t.i + 1].text[:1].isupper():
                continue  # "President Bola Tinubu", "General Juan Jose Zuniga": a full name, not a surname
            e = holder_named(t.text, on_date, prev.lower_)
            if e is not None:
                out.append(Mention(t.i, t.i + 1, e.code, e.sector, "person", t.text, e.office))
                taken.add(t.i)
        return out

    def _look(self, span: Span, on_date: str | None) -> _Found | None:
        text = span.text
        low = text.lower()
        entries: list[Any] = []
        if self.kb is not None and low in self.entries:
            # the entries depend on the words and the date alone: looked up once per form and date
            memo = self.__dict__.setdefault("_entry_memo", {})
            hit = memo.get((text, on_date))
            if hit is not None:
                entries = list(hit)
            else:
                try:
                    entries = self.kb.lookup(text, on_date)
                    ok = True
                except Exception:  # noqa: BLE001
                    entries = self.entries.get(low, [])
                    ok = False
                entries = [e for e in entries if self._case_fits(text, low, e)]
                if ok:
                    if len(memo) >= 8192:
                        del memo[next(iter(memo))]
                    memo[(text, on_date)] = tuple(entries)
        places: list[Any] = []
        if self.gaz is not None and low in self._place_keys and _titled(span):
            places = self.gaz.candidates(text)
        if not entries and not places:
            return None
        return _Found(span.start, span.end, entries, places)

    def _case_fits(self, text: str, low: str, entry: Any) -> bool:
        """A name written in capitals in the knowledge base needs capitals in the text: "fed" is not
        the Fed, "apc" is not a party, "turkey" is not Turkey; acronyms need all of them ("Isis")."""
        if entry.kind == "role":
            return True
        forms = self._forms.get(low, set())
        if not forms or any(f == f.lower() for f in forms):
            return True  # written in lower case somewhere ("the alliance", "world body")
        if text == text.lower():
            return False
        letters = [f for f in forms if any(ch.isalpha() for ch in f)]
        if letters and all(f.replace(".", "").isupper() and len(f.replace(".", "")) <= 6 for f in letters):
            return text.replace(".", "").isupper() or "." in text
        return True

    def _context(self, doc: Doc, found: list[_Found], seen_codes: set[str] | None
                 ) -> tuple[set[str], set[str]]:
        """Countries and first-level regions the text names without doubt, plus the article's."""
        codes = set(seen_codes or ())
        admin: set[str] = set()
        for f in found:
            e0 = f.entries[0] if f.entries else None
            if e0 is not None:
                if e0.code and not e0.ambiguous and not e0.needs_context and e0.kind != "nonactor" \
                        and len(_holders(f.entries)) < 2:
                    codes.add(e0.code)
                continue
            countries = {p.country for p in f.places}
            span = doc[f.start:f.end]
            if self.people(span.text) or _ents(span) & _TIME_ENTS:
                continue
            if len(countries) == 1 and not any(p.ambiguous for p in f.places) and not self._wordlike(span) \
                    and not (len(span) == 1 and span[0].lower_ in self._name_words):
                codes.update(countries)
                admin.update(p.admin1 for p in f.places if p.kind == "admin1" and p.admin1)
        return codes, admin

    _as_where = False  # the last `_choose` (where None) gave a place only a locations reading keeps

    def _choose(self, span: Span, f: _Found, codes: set[str], admin: set[str], where: bool | None = False
                ) -> Mention | None:
        self._as_where = False
        text = span.text
        e0 = f.entries[0] if f.entries else None
        readings = tuple(dict.fromkeys([e.code for e in f.entries if e.code] + [p.country for p in f.places]))
        if e0 is not None and (e0.kind == "nonactor" or not e0.code):
            return None  # "South China Sea", "New Mexico": shadows the country inside it
        if e0 is not None and not e0.ambiguous:
            # "Paris, Texas": a place in a region the text names beats the capital of another country
            if e0.kind in ("capital", "country") and f.places:
                strong = [p for p in f.places if p.admin1 in admin and p.country != e0.code]
                if strong:
                    return self._place_mention(span, strong[0], readings)
            if text.islower() and e0.kind in ("country", "capital", "demonym") and text[:1].isalpha():
                return None  # a lower-case "turkey", "chad"
            if e0.kind in ("capital", "country") and _inside_person(span, self.sector_of):
                return None  # "Paris Hilton", "Paris Saint-Germain"
            holders = _holders(f.entries)
            if len(holders) > 1:  # "King Abdullah" in 2010 (Jordan's and Saudi Arabia's): the article decides
                e0 = next((e for e in f.entries if e.code in codes and e.code in holders), e0)
            if e0.kind == "person" and e0.sector == "ELI":
                title = self._title_before(span)
                if title is not None:
                    # "Latvian Foreign Minister Baiba Braze" a month before the term the knowledge base
                    # has: the text's own title says she holds the office, she is no former official
                    e0 = replace(e0, sector=title[1], office=title[0])
            return _entry_mention(span, e0, readings)
        # a party or group only some name ("Uri", Korea's Uri Party) that is also a town named as a place ("an army
        # camp in Uri") is the town
        org_place = e0 is not None and bool(f.places) and all(e.kind == "organisation" for e in f.entries) and (
            bool(_ents(span) & {"GPE", "LOC"}) or self.locative(span))
        if e0 is not None and not org_place:  # a false friend: "Jordan", "Georgia", "Congo", "Chad"
            in_kb = [e for e in f.entries if e.code in codes]
            in_places = [p for p in f.places if p.country in codes or p.admin1 in admin]
            if in_places and in_places[0].admin1 not in admin and _outweighed(in_places[0], f.places, codes):
                in_places = []
            if in_places and not in_kb and _not_a_name(span, self.sector_of):
                return self._place_mention(span, in_places[0], readings)
            if in_kb and len({e.code for e in in_kb}) == 1 and span.text[:1].isupper() and \
                    _not_a_name(span, self.sector_of):
                return _entry_mention(span, in_kb[0], readings)
            if _looks_like_actor(span) or (e0.kind in ("demonym", "organisation") and self._role_after(span)):
                return _entry_mention(span, e0, readings)  # "Baloch insurgents", "Karen rebels", "Amal militiamen"
            if self._lone_state_name(span, f):
                return _entry_mention(span, e0, readings)  # "Jordan on Wednesday denounced ...", tagged a person
            return None
        if self.people(span.text):
            return None  # "Berber protesters" (Berber is a town in Sudan): a people, placed by the coder
        if _ents(span) & _TIME_ENTS:
            return None  # "held talks on March 15": a date, not the English town of March
        nxt = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
        place = _pick_place(f.places, codes, admin, nxt in _REGION_WORDS)
        if place is None or not _not_a_name(span, self.sector_of) or self._surname(span) or _in_compound(span):
            return None
        if where is not True and self.locative(span):
            if where is False:
                return None  # "met in Bali", "fighting near Goma": where, not who (see `locations`)
            self._as_where = True
        known = place.country in codes or bool(place.admin1 and place.admin1 in admin)
        if place.kind in ("admin1", "region") and place.ambiguous:
            if not known:  # "Delta", "Plateau", "Chin": a region only in an article about its country
                return None
        elif (place.ambiguous or self._sentence_initial_word(span) or (
                len(span) == 1 and place.kind != "capital" and span[0].lower_ in self._name_words
                and not self._said_as_place(span, place))) and \
                not (_ents(span) & _PLACE_ENTS or known):
            # "Nice", "Split the", "Jackson said", "Kim", "Hassan" (names of people the knowledge base
            # knows): only as a place entity or in a country the text names
            return None
        return self._place_mention(span, place, readings)

    def _said_as_place(self, span: Span, place: Any) -> bool:
        """A city that shares a word with a person's name ("Lagos": Ricardo Lagos) written as a place is
        the place: after a place preposition ("police in Lagos") or before a role or region word ("Lagos
        police", "Lagos state"); a city of 100,000 or more, so that a surname used alone stays a person."""
        if not place.population or place.population < 100_000:
            return False
        doc = span.doc
        i = span.start - 1
        while i >= 0 and doc[i].lower_ in ("the", "northern", "southern", "eastern", "western", "central"):
            i -= 1
        if i >= 0 and doc[i].lower_ in ("in", "at", "near", "outside", "across", "around", "inside"):
            return True
        if span.end < len(doc):
            nxt = doc[span.end]
            return nxt.is_alpha and nxt.text.islower() and (nxt.lower_ in _REGION_WORDS or bool(self.sector_of(nxt.lower_)))
        return False

    def _lone_state_name(self, span: Span, f: _Found) -> bool:
        """A one-word country name that is also a given name ("Jordan", "Chad") standing alone as a
        clause's argument is the country even when the tagger calls it a person: a person is named
        by a full name or a surname after a title, and no capitalised name word stands beside it
        ("Jordan Bardella", "Jim Jordan", "Mr Jordan" are people). Only a name one country owns."""
        if len(span) != 1 or not span.text[:1].isupper() or span.text.isupper():
            return False
        if not f.entries or any(e.kind != "country" for e in f.entries) or len({e.code for e in f.entries}) != 1:
            return False
        if any(p.country != f.entries[0].code for p in f.places):
            return False  # "Georgia": also a state of the United States
        tok = span[0]
        doc = span.doc
        if doc.has_annotation("DEP") and tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"):
            return False
        for j in (tok.i - 1, tok.i + 1):
            if 0 <= j < len(doc):
                t = doc[j]
                if t.lower_.rstrip(".") in TITLES:
                    return False
                if t.is_alpha and t.text[:1].isupper() and not (j == tok.i - 1 and t.is_sent_start) \
                        and t.lower_ not in self.entries and not self.sector_of(t.lower_) \
                        and not (j == tok.i + 1 and t.ent_type_ == "DATE"):
                    return False  # "Jim Jordan", "Jordan Henderson"
        return True

    def _title_before(self, span: Span) -> tuple[str, str] | None:
        """The office a title right before a person's name gives ("Foreign Minister", "opposition leader",
        "Gen."): (title, sector), None without one or with "former", "ex-", "late", "then" before it."""
        doc = span.doc
        words: list[str] = []
        i = span.start - 1
        while i >= 0 and len(words) < 4 and doc[i].is_alpha:
            words.insert(0, doc[i].lower_.rstrip("."))
            i -= 1
        if i >= 0 and doc[i].text in ("-", "\u2011") and i > 0 and doc[i - 1].lower_ == "ex":
            return None
        if any(w in _PAST_TITLE for w in words):
            return None
        for k in range(len(words)):
            phrase = " ".join(words[k:])
            sector = self.sector_of(phrase)
            if sector and sector not in ("ELI", "UNK"):
                return phrase, sector
        return None

    def people(self, text: str) -> list[str]:
        """The countries of a people of several states ("Kurdish", "ethnic Albanians"; kb peoples.csv)."""
        lookup = getattr(self.kb, "people_countries", None)
        if lookup is None:
            return []
        try:
            return list(lookup(text))
        except Exception:  # noqa: BLE001
            return []

    def _role_after(self, span: Span) -> bool:
        """A capitalised name right before a role word ("Baloch insurgents", "Indian police")."""
        doc = span.doc
        if not span.text[:1].isupper() or span.end >= len(doc):
            return False
        nxt = doc[span.end]
        return nxt.is_alpha and nxt.text.islower() and bool(self.sector_of(nxt.lower_))

    def locative(self, span: Span) -> bool:
        """The place is where something happens ("met in Bali", "clashes near Goma"), not an actor or
        a target: the object of a place preposition that does not hang on a role noun ("police in
        Karachi", "rebels in Idlib" name who)."""
        doc = span.doc
        i = span.start - 1
        while i >= 0 and (doc[i].lower_ in ("the", "northern", "southern", "eastern", "western", "central")
                          or (doc[i].text[:1].isupper() and doc[i].lower_ in _COMPASS_WORDS)):
            i -= 1
        if i < 0 or doc[i].lower_ not in _LOCATIVE:
            return False
        prep = doc[i]
        if doc.has_annotation("DEP") and prep.head is not prep:
            head = prep.head
            return not (head.pos_ in ("NOUN", "PROPN") and self.sector_of(head.lemma_.lower() or head.lower_))
        return i == 0 or not self.sector_of(doc[i - 1].lower_)

    def locations(self, doc: Doc | Span, on_date: str | None = None, seen_codes: set[str] | None = None
                  ) -> list[Mention]:
        """The places a text names as locations ("in Bali", "near Goma"), which `find` leaves out."""
        base = doc.doc if isinstance(doc, Span) else doc
        return [m for m in self._find(doc, on_date, seen_codes, True)
                if m.place is not None and self.locative(base[m.start:m.end])]

    def _wordlike(self, span: Span) -> bool:
        """A one-word name that is also an English verb, adjective or adverb ("Split", "Nice")."""
        return len(span) == 1 and span[0].lower_ in self._words

    def _surname(self, span: Span) -> bool:
        """A one-word place right after a first name or a title is a surname ("Kenzo Oshima",
        "Mr Lagos"): the word before is capitalised and no place, country, role or compass word."""
        if len(span) != 1 or span.start == 0:
            return False
        prev = span.doc[span.start - 1]
        low = prev.lower_.rstrip(".")
        if low in TITLES:
            return True
        if not (prev.is_alpha and prev.text[:1].isupper()) or low in _COMPASS_WORDS:
            return False
        if low in self.entries or low in self._place_keys or self.sector_of(low):
            return False
        return prev.pos_ in ("PROPN", "") and not prev.is_stop

    def _sentence_initial_word(self, span: Span) -> bool:
        """A one-word name first in its sentence that is also an English word ("Split", "Reading")."""
        first = span[0]
        return len(span) == 1 and (first.i == 0 or first.is_sent_start is True) and first.lower_ in self._words

    def _place_mention(self, span: Span, place: Any, readings: tuple[str, ...]) -> Mention:
        kind = _PLACE_KIND.get(place.kind, "region")
        return Mention(span.start, span.end, place.country, None, kind, span.text, None, False,
                       bool(place.ambiguous), place, readings)

    def _kin(self, code: str, seen: set[str]) -> bool:
        name_of = getattr(self.kb, "country_name", None)
        if not callable(name_of):
            return False
        mine = {w for w in (name_of(code) or "").lower().split() if w not in _COMPASS}
        if not mine:
            return False
        return any(mine & {w for w in (name_of(c) or "").lower().split() if w not in _COMPASS} for c in seen if c != code)

    def is_country(self, code: str) -> bool:
        countries = getattr(self.kb, "countries", None)
        if isinstance(countries, dict):
            return code in countries
        return len(code) == 3 and code not in ("EUR", "UNO", "IGO", "NGO", "IMG", "MNC")

    def sector_of(self, word: str) -> str | None:
        sector = None
        if self.kb is not None:
            try:
                sector = self.kb.sector_of(word)
            except Exception:  # noqa: BLE001
                sector = None
        return sector or None


def _codes_before(found: list[_Found], start: int) -> set[str]:
    """The codes of the unambiguous names and places found before token `start`."""
    out: set[str] = set()
    for f in found:
        if f.end > start:
            continue
        e0 = f.entries[0] if f.entries else None
        if e0 is not None:
            if e0.code and not e0.ambiguous and not e0.needs_context and e0.kind != "nonactor":
                out.add(e0.code)
        elif len({p.country for p in f.places}) == 1 and not any(p.ambiguous for p in f.places):
            out.add(f.places[0].country)
    return out


def _holders(entries: list[Any]) -> set[str]:
    """The codes of the persons among `entries` who hold an office on the date asked (not "former")."""
    return {e.code for e in entries if e.kind == "person" and e.code and e.sector != "ELI"
            and not (e.office or "").startswith("former")}


def _entry_mention(span: Span, entry: Any, readings: tuple[str, ...]) -> Mention:
    return Mention(span.start, span.end, entry.code, entry.sector, entry.kind, span.text, entry.office,
                   entry.needs_context, entry.ambiguous, None, readings)


def _pick_place(places: list[Any], codes: set[str], admin: set[str], region_word: bool = False) -> Any:
    """A place in a region the text names, else in a country it names, else the one far larger
    than any other country's place of that name."""
    if not places:
        return None
    strong = [p for p in places if p.admin1 and p.admin1 in admin]
    inside = [p for p in places if p.country in codes]
    if inside and not strong and _outweighed(inside[0], places, codes):
        inside = []
    if strong:
        best = strong[0]
    elif inside:
        best = inside[0]
    else:
        from ..kb.places import dominant

        best = dominant(places)
    if best is not None and best.kind not in ("city", "capital") and not region_word:
        # "Kandahar" is the city, "Kandahar province" the province
        city = [p for p in places if p.country == best.country and p.kind in ("city", "capital")]
        if city:
            return city[0]
    return best


def _outweighed(small: Any, places: list[Any], codes: set[str]) -> bool:
    """A country named in the text does not move a big city to its own small namesake: "Russian forces
    shelled Donetsk" is Ukraine's city of 900,000, not the Russian town of 50,000 (a contested city keeps
    its internationally recognised country, as the gazetteer gives it)."""
    big = max((p for p in places if p.population), key=lambda p: p.population, default=None)
    return big is not None and big.country not in codes and bool(small.population) and \
        big.population >= 300_000 and big.population >= 10 * small.population


def _in_compound(span: Span) -> bool:
    """Part of a hyphenated name ("Shan-e-Mustafa", "Hizb-ul-..."): a hyphen glued on either side
    joins it to another word that is no suffix ("Aleppo-based" is still Aleppo)."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].text == "-" and not doc[span.start - 1].whitespace_ and \
            span.start > 1 and not doc[span.start - 2].whitespace_ and doc[span.start - 2].is_alpha:
        return True
    if span.end + 1 < len(doc) and doc[span.end].text == "-" and not doc[span.end - 1].whitespace_:
        nxt = doc[span.end + 1]
        return nxt.lower_ in ("e", "i", "ul", "ur", "al", "el", "ud", "un") or nxt.text[:1].isupper()
    return False


def _titled(span: Span) -> bool:
    """Every word capitalised but particles ("Deir al-Balah"), the first one always."""
    words = [t for t in span if not t.is_punct]
    if not words or not words[0].text[:1].isupper():
        return False
    return all(t.text[:1].isupper() or t.lower_ in _PARTICLES or not t.is_alpha for t in words)


def _ents(span: Span) -> set[str]:
    if not span.doc.has_annotation("ENT_IOB"):
        return set()
    return {t.ent_type_ for t in span if t.ent_type_}


_NAME_ENTS = frozenset(("PERSON", "ORG", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"))


def _inside_person(span: Span, role_word: Any = None) -> bool:
    """The name is one word of a longer name the entity recogniser found: a person ("Paris Hilton",
    "Jim Jordan"), a firm or an event ("Beijing Olympics"); not "Ankara Police" (a role word)."""
    doc = span.doc
    if not doc.has_annotation("ENT_IOB"):
        return False
    label = doc[span.start].ent_type_
    if label not in _NAME_ENTS or any(t.ent_type_ != label for t in span):
        return False
    if label == "PERSON" and span.start > 0 and doc[span.start - 1].ent_type_ == "PERSON" and \
            doc[span.start].ent_iob_ == "I":
        return True  # "Jim Jordan", "Chad Wolf" seen from the surname
    if span.end < len(doc):
        nxt = doc[span.end]
        if nxt.ent_type_ == label and nxt.ent_iob_ == "I" and nxt.text[:1].isupper():
            if role_word is None:
                return True
            rest = [nxt]
            for t in doc[span.end + 1:]:
                if t.ent_type_ != label or t.ent_iob_ != "I":
                    break
                rest.append(t)
            # "Ankara Police", "the U.S. Supreme Court": the rest of the name is a role
            return not (role_word(nxt.lower_) or role_word(" ".join(t.lower_ for t in rest)))
    return False


def _not_a_name(span: Span, role_word: Any = None) -> bool:
    """Not a word of a longer name: "Paris Hilton", "Jordan Peterson", "Sydney Sweeney". Without
    entities, a capitalised name right after it that is no role word says the same."""
    doc = span.doc
    if doc.has_annotation("ENT_IOB"):
        return not _inside_person(span, role_word)
    nxt = doc[span.end] if span.end < len(doc) else None
    name_after = nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha and not nxt.is_sent_start
    return not name_after or (role_word is not None and bool(role_word(nxt.lower_)))


def _person_words(kb: Any) -> frozenset[str]:
    """Words of the names of the people the knowledge base knows ("kim", "hassan", "sharif")."""
    out: set[str] = set()
    for person in getattr(kb, "people", {}).values():
        for name in [person.name, *person.aliases]:
            out.update(w.lower() for w in re.split(r"[\s\-]+", name) if len(w) > 2 and w[:1].isupper())
    return frozenset(out)


@lru_cache(maxsize=8)
def _english_words(nlp: Language) -> frozenset[str]:
    """English verbs, adjectives and adverbs from the lemmatizer's tables (WordNet base forms), for
    "Split the difference", "Nice to see"."""
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except Exception:  # noqa: BLE001 - another pipeline: no word list
        return frozenset()
    from spacy.strings import get_string_id

    out: set[str] = set()
    for pos in ("verb", "adj", "adv"):  # the nouns hold WordNet's place names ("gao", "punjab")
        out.update(table.get(get_string_id(pos), ()))
    return frozenset(out)


def _looks_like_actor(span: Span) -> bool:
    """An ambiguous name ("Jordan", "Chad") counts when capitalised and tagged as a place or group."""
    if not span.text[:1].isupper():
        return False
    if span.doc.has_annotation("ENT_IOB"):
        ents = {t.ent_type_ for t in span}
        if ents & {"GPE", "NORP", "ORG", "LOC"}:
            return True
        if ents & {"PERSON"}:
            return False
    return span.doc.has_annotation("DEP") and any(t.dep_ in ("nsubj", "pobj", "dobj", "poss") for t in span)
