"""Noun phrases -> actors: the mentions of one parsed sentence, modifiers ("North Korean troops"),
possessives, pronouns, generic nouns ("the country") and titled names, with the article's memory."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from spacy.tokens import Doc, Token

from ..events import Actor
from ..kb.actors import normalise
from .actors import ActorFinder, Mention
from .arguments import subject_token
from .coref import GENERIC_STATE, PAIR_NOUNS, PRONOUNS_GROUP, PRONOUNS_PERSON, ArticleContext
from .words import word_set

PLURAL_PRONOUNS = word_set("references", "pronouns_plural")
FIRST_PERSON = frozenset(("we", "our", "us", "ours", "ourselves"))
QUOTES = frozenset(('"', "\u201c", "\u201d", "``", "''", "\u00ab", "\u00bb"))
OPENING = frozenset(("\u201c", "``", "\u00ab"))
CLOSING = frozenset(("\u201d", "''", "\u00bb"))
QUOTE_SPAN = 800  # characters a quotation is taken to run on without a parsed sentence closing it
COUNT_WORDS = {"both": 2, "two": 2, "all": 2, "three": 3, "four": 4, "five": 5}

BACKED = word_set("people", "backed")
PLACE_NOUNS = word_set("places", "place_nouns")
RELATIVE = word_set("grammar", "relative")
TITLES = word_set("people", "titles")
OWN_PLACES = word_set("places", "own_places")
MEDIATION_VERBS = word_set("events", "mediation_verbs")
MISSIONS = word_set("places", "missions")
SECTOR_ADJECTIVES = word_set("people", "sector_adjectives")
GENERIC_PARTIES = word_set("people", "generic_parties")
TITLE_HEADS = ("chief", "head", "commander")
STATE_SECTORS = ("GOV", "MIL", "COP", "SPY", "UAF", "REB", "JUD", "LEG")  # a leader's forces, ministries, courts
GOVERNMENT_NOUNS = ("government", "administration", "regime", "cabinet")  # titles with an object in sectors.csv ("chief of staff")
ATTITUDES = ("pro", "anti", "non")
PLACE_PREPS_OWN = word_set("places", "own_place_preps")
LIST_JOINERS = {",", ";", "and", "as", "well", "along", "together"}
LIST_KINDS = ("country", "demonym", "capital", "organisation", "seat", "person", "region")


def _subject_modifiers(h: Token) -> set[int]:
    """Token indices of the subject (and its modifiers) of the clause that holds `h`."""
    verb = h
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    subj = subject_token(verb)[0] if verb.pos_ in ("VERB", "AUX") else None
    if subj is None or subj.i > h.i:
        return set()
    return {subj.i} | {c.i for c in subj.children if c.dep_ in ("amod", "compound", "poss", "nmod")}


def _one_per_code(actors: list[Actor]) -> list[Actor]:
    """Modifiers of one head that name one country ("Saudi Crown Prince Mohammed bin Salman") are one
    actor: the one with a sector (the office holder) if any, else the first."""
    best: dict[str | None, Actor] = {}
    for a in actors:
        if a.code not in best or (best[a.code].sector is None and a.sector is not None):
            best[a.code] = a
    return list(best.values())


@dataclass
class SentenceActors:
    """Actor mentions of one parsed sentence and the article memory used to resolve the rest."""

    doc: Doc
    offset: int  # character offset of the sentence in the article
    mentions: list[Mention]
    ctx: ArticleContext
    finder: ActorFinder
    tokmap: dict[int, Mention] = field(default_factory=dict)
    quoted: bool = False  # the sentence begins inside a quotation an earlier sentence opened
    _locations: list[Mention] | None = field(default=None, repr=False)
    _open_pronouns: set[int] = field(default_factory=set, repr=False)  # plural pronouns whose list is being read

    def __post_init__(self) -> None:
        for m in self.mentions:
            for i in range(m.start, m.end):
                self.tokmap[i] = m
        for m in self.mentions:
            code = self._party_country(m)
            if code:
                m.code = code
        # a quotation still open from an earlier sentence ("... NATO said: \u201cThese attacks are unacceptable. We
        # ask all parties ...\u201d"), forgotten after a long stretch of text no parsed sentence saw
        opened = self.ctx.quote_open
        self.quoted = opened is not None and self.offset - opened < QUOTE_SPAN
        marks = [t for t in self.doc if t.text in QUOTES]
        inside = self.quoted
        for t in marks:
            inside = t.text in OPENING or (t.text not in CLOSING and not inside)
        end = self.offset + len(self.doc.text)
        self.ctx.quote_open = end if inside else None

    def location_at(self, tok: Token) -> Mention | None:
        """The gazetteer place named only as where something happens ("killed five civilians in Kharkiv") that
        covers `tok`; `mentions` leaves those out. Found once per sentence, with the article's countries."""
        if self._locations is None:
            try:
                self._locations = self.finder.locations(self.doc, None, set(self.ctx.codes))
            except Exception:  # noqa: BLE001 - no gazetteer: no places
                self._locations = []
        return next((m for m in self._locations if m.start <= tok.i < m.end and m.code), None)

    # -- resolution ------------------------------------------------------------------------

    def actor_from_mention(self, m: Mention, head: Token | None) -> Actor:
        sector = m.sector
        if head is not None and not (m.start <= head.i < m.end) and (sector is None or m.kind in ("country", "demonym")
                                                                       or self._leader_of(m, head)
                                                                       or self._party_rule(m, head)
                                                                       or self._leader_rule(m, head)):
            role = self.role_sector(head)
            if role and (sector is None or m.kind != "person" or role in STATE_SECTORS):
                sector = role
        if m.kind == "demonym" and head is not None and m.start <= head.i < m.end and sector is None \
                and head.tag_ in ("NNPS", "NNS"):
            sector = "CVL"  # "Algerians blocked roads": people, not the state
        if m.kind == "person" and not sector:
            sector = "GOV" if m.office else "ELI"
        span = self.doc[m.start:m.end]
        return Actor(m.code, sector, m.text, self.offset + span.start_char, self.offset + span.end_char,
                     m.office)

    def _party_country(self, m: Mention) -> str | None:
        """A party named as many countries' parties are ("the Conservatives", "Labour", "the Social Democrats")
        in an article that never names the knowledge base's country of it is a party of the article's own
        country: the country the article named most so far, else one this sentence names outside the act's
        objects ("In Vilnius, the Conservatives accused the Kremlin ...": Lithuania, not Britain or Russia)."""
        if m.kind != "organisation" or normalise(m.text) not in GENERIC_PARTIES:
            return None
        named = [x for x in self.mentions if x is not m and x.code and normalise(x.text) not in GENERIC_PARTIES]
        if m.code in self.ctx.codes or any(x.code == m.code for x in named):
            return None
        ranked = [c for c in self.ctx.ranked_states() if self.finder.is_country(c)]
        if ranked:
            return ranked[0]
        here = named + [x for x in self._located() if x.code]
        for x in sorted(here, key=lambda x: x.start):
            last = self.doc[x.end - 1]
            if self.finder.is_country(x.code) and not (last.dep_ in ("dobj", "dative") or (
                    last.dep_ == "pobj" and last.head.lower_ not in ("in", "from", "of"))):
                return x.code
        return None

    def _located(self) -> list[Mention]:
        if self._locations is None:
            try:
                self._locations = self.finder.locations(self.doc, None, set(self.ctx.codes))
            except Exception:  # noqa: BLE001 - no gazetteer: no places
                self._locations = []
        return self._locations

    def _leader_of(self, m: Mention, head: Token) -> bool:
        """A person's possessive before a role noun: "Assad's forces" are MIL, "Putin's army" too."""
        if m.kind != "person" or m.end >= len(self.doc) or self.doc[m.end].lower_ not in ("'s", "'"):
            return False
        return head.i > m.end and head.pos_ == "NOUN"

    def _party_rule(self, m: Mention, head: Token) -> bool:
        """A party or movement before "government": its rule ("the MPLA government", "the Taliban regime")."""
        return m.kind == "organisation" and head.lower_ in GOVERNMENT_NOUNS and m.end <= head.i

    def _leader_rule(self, m: Mention, head: Token) -> bool:
        """A leader's name before "government" or "administration": the government of that leader's day ("the
        Trump administration" in a 2022 story is the United States government, not a former president)."""
        return m.kind == "person" and head.lower_ in GOVERNMENT_NOUNS and m.end <= head.i

    def _backer(self, m: Mention) -> bool:
        doc = self.doc
        return m.end + 1 < len(doc) and doc[m.end].text == "-" and doc[m.end + 1].lower_ in BACKED

    def _attitude(self, m: Mention) -> bool:
        """"pro-EU", "anti-Kremlin", "anti-American": the name is the cause of an attitude, not a party."""
        doc = self.doc
        before = [doc[j].lower_ for j in range(max(0, m.start - 2), m.start)]
        first = doc[m.start].lower_
        return bool(before) and (before[-1] in ATTITUDES or (before[-1] == "-" and len(before) > 1
                                                              and before[-2] in ATTITUDES)) \
            or first.startswith(tuple(a + "-" for a in ATTITUDES))

    def role_sector(self, head: Token) -> str | None:
        if head.pos_ not in ("NOUN", "PROPN"):
            return None
        words = [head.lower_, head.lemma_.lower()]
        for c in head.children:
            if c.dep_ == "compound" and c.i < head.i and c.i not in self.tokmap:
                words.insert(0, f"{c.lower_} {head.lower_}")
            elif c.dep_ == "amod" and c.i < head.i and c.i not in self.tokmap and c.lower_ in SECTOR_ADJECTIVES:
                words.insert(0, f"{c.lower_} {head.lower_}")  # "a military spokesman": MIL, not GOV
            elif c.dep_ == "prep" and c.lower_ == "of" and c.i == head.i + 1 and head.lower_ in TITLE_HEADS:
                # a title with its object: "chief of staff", "chief of defence staff", "head of state"
                for g in c.children:
                    if g.dep_ == "pobj" and g.pos_ == "NOUN":
                        mods = " ".join(t.lower_ for t in g.lefts if t.dep_ == "compound")
                        title = f"{head.lower_} of {mods + ' ' if mods else ''}{g.lower_}"
                        exact = self.finder.kb.sector_words.get(title) if self.finder.kb is not None else None
                        if exact:
                            return exact
        for w in words:
            s = self.finder.sector_of(w)
            if s:
                return s
        return None

    def _actor(self, code: str, sector: str | None, tok: Token) -> Actor:
        left = tok.left_edge
        if left.i > tok.i:
            left = tok
        span = self.doc[left.i:tok.i + 1]
        return Actor(code, sector, span.text, self.offset + span.start_char, self.offset + span.end_char)

    def list_tail(self, chain: list[Token]) -> Mention | None:
        """"Brazil, Argentina, and Chile": the parser often hangs the last item of a list elsewhere. The
        actor mention right after a coordination of two or more items, joined by "," / ";" / "and" /
        "as well as" / "along with", is its last item."""
        if len(chain) < 2:
            return None
        j = max(c.right_edge.i for c in chain) + 1
        doc = self.doc
        # "Saudi Arabia, Egypt, the UAE, and Bahrain": the "and" may end the coordination's own subtree
        joined = doc[j - 1].lower_ in ("and", "&") and doc[j - 1].dep_ == "cc"
        while j < len(doc) and doc[j].lower_ in LIST_JOINERS:
            if doc[j].lower_ in ("as", "along", "together") and j + 1 < len(doc) and \
                    doc[j + 1].lower_ in ("well", "with"):
                j += 2 + (doc[j + 1].lower_ == "well")  # "as well as", "along with", "together with"
                joined = True
                continue
            if doc[j].lower_ in ("as", "along", "together"):
                return None
            joined = joined or doc[j].lower_ != ","
            j += 1
        if joined and j < len(doc) and doc[j].lower_ == "the" and j not in self.tokmap:
            j += 1  # "... and the European Union"
        m = self.tokmap.get(j)
        if not joined or m is None or m.start != j or m.kind not in LIST_KINDS:
            return None
        if any(m.start <= c.i < m.end for c in chain):
            return None
        return m

    def _hosted_by(self, h: Token, codes: set) -> bool:
        """The mission noun `h` stands "in" a place of one of these countries ("its embassy in Quito")."""
        for p in h.children:
            if p.dep_ == "prep" and p.lower_ == "in":
                for g in p.children:
                    m = self.tokmap.get(g.i)
                    if g.dep_ == "pobj" and m is not None and m.code in codes:
                        return True
        return False

    def _list_member(self, tok: Token, a: Token) -> bool:
        """`a`, in apposition to `tok`, is the next item of a list: both name parties of their own (not
        "Hamas, the Islamist group", "Kyiv, Ukraine's capital"), of different codes, and `a` is coordinated
        further ("A, B, C and D") or both are countries ("Kenya, Uganda condemned ...")."""
        m1, m2 = self.tokmap.get(tok.i), self.tokmap.get(a.i)
        if m1 is None or m2 is None or m1 is m2 or m1.code == m2.code:
            return False
        kinds = ("country", "capital", "organisation", "demonym")
        if m1.kind not in kinds or m2.kind not in kinds:
            return False
        return bool(a.conjuncts) or (m1.kind == "country" and m2.kind == "country")

    def resolve(self, tok: Token, depth: int = 0) -> list[Actor]:
        """Actors named by the noun phrase headed by `tok` (conjuncts included)."""
        heads = [tok] + [c for c in tok.conjuncts if c.i > tok.i]
        # "Saudi Arabia, Egypt, the UAE and Bahrain": a list member the parser took for an apposition
        members = [a for a in tok.children if a.dep_ == "appos" and self._list_member(tok, a)]
        heads += members
        # "Jordan's foreign minister Ayman Safadi and his Egyptian counterpart": the parser hangs the
        # second party on the name in apposition
        heads += [c for a in tok.children if a.dep_ == "appos" for c in a.conjuncts if c.i > a.i
                  and c.pos_ in ("NOUN", "PROPN") and all(c.i != h.i for h in heads)]
        # ... or as a second apposition after "and" ("minister X and his Tanzanian counterpart Y")
        appos = [a for a in tok.children if a.dep_ == "appos"]
        for a1, a2 in pairwise(appos):
            if any(c.dep_ == "cc" and c.lower_ in ("and", "&") for c in a1.children) and \
                    any(c.dep_ == "poss" and c.lower_ in ("his", "her", "its", "their") for c in a2.children):
                heads.append(a2)
        out: list[Actor] = []
        for h in heads:
            out.extend(self._resolve_head(h, depth))
        tail = self.list_tail(heads) if out and all(h.dep_ != "appos" or h in members for h in heads) else None
        if tail is not None:
            out.append(self.actor_from_mention(tail, self.doc[tail.end - 1]))
        seen: set[tuple[str | None, str | None]] = set()
        unique = []
        for a in out:
            if (a.code, a.sector) in seen or not a.code:
                continue
            seen.add((a.code, a.sector))
            unique.append(a)
        return unique

    def _resolve_head(self, h: Token, depth: int) -> list[Actor]:
        m = self.tokmap.get(h.i)
        if m is not None and m.kind == "demonym" and depth < 2 and (
                h.tag_ in ("NNPS", "NNS") or any(c.lower_ == "ethnic" for c in h.children)):
            # "ethnic Albanians in Serbia", "the Albanians of southern Serbia": a group of that country
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "of", "from"):
                    for g in c.children:
                        if g.dep_ == "pobj":
                            place = [a for a in self.resolve(g, depth + 1)
                                     if a.code and a.code != m.code and self.finder.is_country(a.code)]
                            if place:
                                place[0].sector = "CVL"
                                return place[:1]
        if m is not None:
            if m.kind in ("seat", "role", "organisation") and m.sector:
                # "South Korea's Joint Chiefs of Staff": the possessor's institution
                first = self.doc[m.start]
                for c in list(h.children) + list(first.children):
                    mm = self.tokmap.get(c.i)
                    if c.dep_ in ("poss", "compound", "amod") and c.i < m.start and mm is not None \
                            and mm.kind in ("country", "demonym") and mm.code != m.code:
                        a = self.actor_from_mention(m, h)
                        a.code = mm.code
                        return [a]
            return [self.actor_from_mention(m, h)]
        # "the two countries' leaders": the parties the counted noun stands for
        for c in h.children:
            if c.dep_ == "poss" and c.lower_ in PAIR_NOUNS and depth < 2 and \
                    any(g.lower_ in COUNT_WORDS for g in c.children):
                got = self.resolve(c, depth + 1)
                if got:
                    role = self.role_sector(h)
                    for a in got:
                        a.sector = role or a.sector
                    return got
        # Modifiers: "North Korean troops", "Sudan's government", "Hungarian and Romanian officials".
        found: list[Actor] = []
        for c in h.children:
            if c.dep_ in ("poss", "compound", "amod", "nmod", "npadvmod") and c.i < h.i:
                for cc in [c] + list(c.conjuncts):
                    mm = self.tokmap.get(cc.i)
                    if mm is None:
                        # "the U.S. Defense Secretary": a mention deeper in the compound chain
                        for g in cc.subtree:
                            if g.i in self.tokmap and g.i < h.i:
                                mm = self.tokmap[g.i]
                                break
                    if mm is not None and (self._backer(mm) or self._attitude(mm)):
                        continue  # "Iranian-backed militias" are not Iranian; "pro-EU protesters" not the EU
                    if mm is not None:
                        found.append(self.actor_from_mention(mm, h))
        if found:
            return _one_per_code(found)
        for c in h.children:
            if c.dep_ == "poss" and c.lower_ == "whose" and depth < 2:
                rel = h
                while rel.dep_ != "relcl" and rel.head != rel:
                    rel = rel.head
                if rel.dep_ == "relcl":
                    got = self.resolve(rel.head, depth + 1)
                    if got:
                        role = self.role_sector(h)
                        for a in got:
                            a.sector = role or a.sector
                        return got
            if c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our"):
                # "shelled its positions": not the shelling subject's; "fired missiles off its east coast",
                # "drills in its waters": the subject's own territory
                own_place = h.lemma_.lower() in OWN_PLACES and h.dep_ == "pobj" and h.head.lower_ in PLACE_PREPS_OWN
                got = self._pronoun(c, exclude_clause=self.role_sector(h) is None and not own_place)
                if got and h.lemma_.lower() in MISSIONS and self._hosted_by(h, {a.code for a in got}):
                    # "Ecuadorean police forced their way into its embassy in Quito": no state has its embassy
                    # at home; the pronoun is the other party
                    got = self._pronoun(c, exclude_clause=True)
                    got = [a for a in got if not self._hosted_by(h, {a.code})]
                if got:
                    role = self.role_sector(h)
                    for a in got:
                        a.sector = role or a.sector
                    return got
        # The head may sit inside a larger mention ("the Security Council") found via any token.
        if depth < 2:
            for c in h.children:
                if c.dep_ in ("prep", "agent") and c.lower_ in ("of", "from", "for", "by") and h.pos_ in ("NOUN", "PROPN"):
                    for g in c.children:
                        if g.dep_ == "pobj":
                            sub = self.resolve(g, depth + 1)
                            if sub:
                                role = self.role_sector(h)
                                if role:
                                    for a in sub:
                                        if a.sector is None or c.lower_ == "of":
                                            a.sector = role
                                return sub
            if self.role_sector(h) or h.lemma_.lower() in PLACE_NOUNS:
                # "security forces in Guinea", "cities across Ukraine": a role or a place in a country
                for c in h.children:
                    if c.dep_ == "prep" and (c.lower_ in ("in", "inside", "across", "throughout") or (
                            c.lower_ == "with" and h.lemma_.lower() in ("border", "frontier", "boundary"))):
                        for g in c.children:
                            if g.dep_ == "pobj":
                                sub = [a for a in self.resolve(g, depth + 1) if a.code and len(a.code) == 3]
                                if sub:
                                    for a in sub:
                                        a.sector = self.role_sector(h) or "CVL"
                                    return sub
            for c in h.children:
                if c.dep_ == "appos":
                    sub = self.resolve(c, depth + 1)
                    if sub:
                        return sub
            for c in h.children:
                # "crimes committed by Croat forces": the one who did it
                if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() not in MEDIATION_VERBS:
                    # ("a truce brokered by Egypt" is not Egypt's: the broker is a third party)
                    for a in c.children:
                        if a.dep_ == "agent":
                            for g in a.children:
                                if g.dep_ == "pobj":
                                    sub = self.resolve(g, depth + 1)
                                    if sub:
                                        return sub
        low = h.lower_
        if low in RELATIVE and h.head.dep_ == "relcl" and depth < 2:
            return self.resolve(h.head.head, depth + 1)  # "refugees, whom authorities blame"
        if h.pos_ == "PRON" or low in PRONOUNS_PERSON | PRONOUNS_GROUP:
            return self._pronoun(h)
        if h.pos_ == "DET" and low in ("both",):
            codes = self.ctx.last_two_states(self.finder.is_country)
            return [self._actor(c, None, h) for c in codes]
        count = next((COUNT_WORDS[c.lower_] for c in h.children if c.lower_ in COUNT_WORDS), 0)
        if low in PAIR_NOUNS and count:
            # "Moscow urged both sides ...": the sides are not the one speaking of them; "the two sides",
            # "the three military governments": the parties of the last act done by that many together
            outside = {m.code for m in self.mentions if m.end <= h.i}

            def ok(c: str) -> bool:
                return self.finder.is_country(c) and c not in outside

            codes = self._coordinated_before(h, count) or self.ctx.last_parties(count, ok) or (
                self.ctx.last_two_states(ok) if count == 2 else [])
            return [self._actor(c, None, h) for c in codes]
        lemma = h.lemma_.lower()
        if lemma in GENERIC_STATE and any(c.lower_ in ("the", "this", "that") for c in h.children):
            # "The US and Britain imposed sanctions on the country": not the subject's own country
            # ... nor the country of its own clause's subject ("Russian missiles struck ... the country")
            in_subject = _subject_modifiers(h)
            subjects = {m.code for m in self.mentions
                        if (self.doc[m.end - 1].dep_ in ("nsubj", "nsubjpass", "conj") or m.start in in_subject)
                        and self.doc[m.end - 1].head.i != h.i and m.end <= h.i}
            local = [m.code for m in self.mentions if m.end <= h.i and m.kind in ("country", "capital", "demonym")
                     and self.finder.is_country(m.code) and m.code not in subjects]
            earlier = [c for c in reversed(self.ctx.states) if c not in subjects]
            code = local[-1] if local else (earlier[0] if earlier else None)
            if code:
                return [self._actor(code, self.role_sector(h) or "GOV", h)]
        # A titled person the knowledge base does not know: "President Omar al-Bashir".
        if h.pos_ == "PROPN" and h.ent_type_ in ("PERSON", ""):
            titled = [c for c in h.subtree if c.i < h.i and c.lower_ in TITLES]
            if titled:
                # the country named nearest before the person, else nearest after, else the article's
                before = [m.code for m in self.mentions if m.kind != "person" and m.end <= h.i
                          and self.finder.is_country(m.code)]
                # (after it not a state that is the act's party: "Minister Smith criticised Norway" is no
                # Norwegian's; "President Bouteflika threatened a curfew in Algiers" is Algeria's)
                after = [m.code for m in self.mentions if m.kind != "person" and m.start > h.i
                         and self.finder.is_country(m.code) and not self._party_named(m)]
                code = before[-1] if before else after[0] if after else self.ctx.main_state()
                if code:
                    return [self._actor(code, "GOV", h)]
        return []

    def _party_named(self, m: Mention) -> bool:
        """A state named as a whole as a verb's object or addressee ("criticised Norway", "talks with Japan")."""
        if m.kind not in ("country", "capital"):
            return False
        last = self.doc[m.end - 1]
        if last.dep_ == "poss" and last.head.i != last.i:
            last = last.head  # "condemned Argentina's decision"
        return last.dep_ in ("dobj", "dative") or (last.dep_ == "pobj" and last.head.lower_ in (
            "to", "with", "against", "on", "at", "toward", "towards", "from"))

    def _coordinated_before(self, h: Token, count: int) -> list[str]:
        """The countries of a coordinated pair or list that is an earlier subject of the sentence, if it has `count`
        of them ("Pakistan's foreign minister and his Chinese counterpart discussed ... as the two sides ...")."""
        by_root: dict[int, list[str]] = {}
        for m in self.mentions:
            if m.end > h.i or not m.code or not self.finder.is_country(m.code):
                continue
            t = self.doc[m.end - 1]
            while t.dep_ in ("poss", "amod", "compound") and t.head != t:
                t = t.head  # "Pakistan's Foreign Minister", "his Chinese counterpart": the noun they modify
            if not t.conjuncts:
                continue
            root = min([t, *t.conjuncts], key=lambda x: x.i)
            if root.dep_ not in ("nsubj", "nsubjpass"):
                continue  # a pair that acted, not one named as a topic ("the summit between A and B")
            codes = by_root.setdefault(root.i, [])
            if m.code not in codes:
                codes.append(m.code)
        for codes in by_root.values():
            if len(codes) == count:
                return codes
        return []

    def _pronoun(self, h: Token, exclude_clause: bool = False) -> list[Actor]:
        low = h.lower_
        if low in FIRST_PERSON:
            return self._speaker_of(h)
        # an antecedent earlier in the same sentence: the nearest subject, else the nearest name
        before = [m for m in self.mentions if m.end <= h.i]
        if exclude_clause:
            # "Armenian forces shelled its positions": not the subject of the pronoun's own clause
            verb = h
            while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
                verb = verb.head
            own = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
            if h.i not in own:
                before = [m for m in before if m.start not in own]
        if low in PRONOUNS_PERSON:
            before = [m for m in before if m.kind == "person"]
        elif low in PRONOUNS_GROUP:
            before = [m for m in before if m.kind != "person"]
        else:
            before = []
        if before:
            subj = [m for m in before if self.doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")
                    or self.doc[m.end - 1].head.dep_ in ("nsubj", "nsubjpass")]
            # a subject pronoun takes the nearest subject; an object or possessive the nearest name
            # outside its own clause's subject ("he would welcome him", "forces shelled its positions"),
            # except the own people of the subject ("Pakistan urged its citizens")
            own_people = h.dep_ == "poss" and self.role_sector(h.head) is not None
            if h.dep_ in ("nsubj", "nsubjpass") or own_people:
                m = (subj or before)[-1]
            else:
                m = before[-1]
            head = self.doc[m.end - 1]
            if head.head.dep_ in ("nsubj", "nsubjpass") and head.dep_ in ("amod", "compound", "poss"):
                head = head.head
            if low in PLURAL_PRONOUNS and (head.conjuncts or head.dep_ == "appos"):
                # "Niger, Mali and Burkina Faso announced that they were leaving": all of the list
                first = min([head, *head.conjuncts], key=lambda t: t.i)
                while first.dep_ in ("conj", "appos") and first.head.i < first.i:
                    first = first.head
                # "the US, the EU and their allies": the pronoun may sit inside the list it points to;
                # resolving that list comes back to the pronoun, so a pronoun being resolved reads no list
                if h.i in self._open_pronouns:
                    return []
                self._open_pronouns.add(h.i)
                try:
                    found = self.resolve(first, 2)
                finally:
                    self._open_pronouns.discard(h.i)
                members = [a for a in found if a.code]
                if len(members) > 1:
                    return [Actor(a.code, a.sector, h.text, self.offset + h.idx, self.offset + h.idx + len(h))
                            for a in members]
            a = self.actor_from_mention(m, head)
            return [Actor(a.code, a.sector, h.text, self.offset + h.idx, self.offset + h.idx + len(h))]
        if low in PRONOUNS_PERSON:
            p = self.ctx.last_person()
            if h.dep_ not in ("nsubj", "nsubjpass") and p is not None and len(self.ctx.persons) > 1:
                p = self.ctx.persons[-2] if self.ctx.persons[-2].code != p.code else p
            if p is not None:
                return [Actor(p.code, p.sector, h.text, self.offset + h.idx, self.offset + h.idx + len(h))]
            return []
        if low in PRONOUNS_GROUP:
            # a subject pronoun opening its own sentence takes the last subject ("Sudan expelled the UN envoy.
            # It accused him of bias": Sudan, not the UN)
            g = (self.ctx.last_subject() if h.dep_ in ("nsubj", "nsubjpass") and low in ("it", "they") else None) \
                or self.ctx.last_group()
            if g is not None:
                return [Actor(g.code, g.sector, h.text, self.offset + h.idx, self.offset + h.idx + len(h))]
        return []

    def _speaker_of(self, h: Token) -> list[Actor]:
        """"We", "our", "us" stand for whoever speaks them, never for a name before them ("We must stand with
        Ukraine against Russian aggression, our leaders ..." is no Russian's; "Russia is the aggressor and we
        will respond," the minister said: the minister's): the subject of the verb of saying the pronoun's
        clause hangs on; in a quotation with no speaker of its own, the speaker named before ("NATO condemned the
        events: \u201cWe ask all parties ...\u201d"); else no one (an op-ed's writer)."""
        cur = h
        for _ in range(8):
            if cur.head.i == cur.i:
                break
            dep, cur = cur.dep_, cur.head
            if dep in ("ccomp", "parataxis") and cur.pos_ in ("VERB", "AUX"):
                subj = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in FIRST_PERSON]
                if subj:
                    got = self.resolve(subj[0], 2)
                    return [Actor(a.code, a.sector, h.text, self.offset + h.idx, self.offset + h.idx + len(h))
                            for a in got]
                break
        if self.quoted or any(t.text in QUOTES for t in self.doc[:h.i]):
            g = self.ctx.last_subject() or self.ctx.last_group()
            if g is not None and g.code:
                return [Actor(g.code, g.sector, h.text, self.offset + h.idx, self.offset + h.idx + len(h))]
        return []

    def role_only(self, tok: Token, like: list[Actor]) -> list[Actor]:
        """An uncoded role noun as object ("police arrested 12 protesters"): same country, its sector."""
        if not like or tok.pos_ not in ("NOUN", "PROPN"):
            return []
        sector = self.role_sector(tok)
        if not sector:
            return []
        code = like[0].code
        return [self._actor(code, sector, tok)] if code else []
