"""Article-level memory for later mentions: "the North", "he", "its", "the two sides", "the country";
and the people an article introduces by country and role, found again by name ("Kim", "Biegun")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Token

from ..events import Actor
from .actors import ActorFinder, Mention
from .words import word_set

PRONOUNS_PERSON = word_set("references", "pronouns_person")
PRONOUNS_GROUP = word_set("references", "pronouns_group")
GENERIC_STATE = word_set("references", "generic_state")
PAIR_NOUNS = word_set("references", "pair_nouns")
BOTH = word_set("references", "both")
ROLE_MODIFIERS = word_set("people", "role_modifiers")
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "gen", "col", "maj", "lt", "capt", "adm", "sheikh", "sir", "madam"}


@dataclass
class ArticleContext:
    """What the article has named so far, in order."""

    codes: list[str] = field(default_factory=list)  # every coded mention, in order
    states: list[str] = field(default_factory=list)  # country codes (ISO alpha-3)
    persons: list[Actor] = field(default_factory=list)
    groups: list[Actor] = field(default_factory=list)  # subjects: countries, organisations, groups
    subjects: list[Actor] = field(default_factory=list)  # groups named as a clause's subject
    events: list[Any] = field(default_factory=list)  # events coded so far ("condemned the strikes")
    # names learnt from "North Korean leader Kim Jong Un": full name, first and last word -> (code, sector)
    names: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    anaphors: list[Any] = field(default_factory=list)  # definite event nouns naming no actor (event_coref)
    # a quotation opened in a parsed sentence and not closed yet: (character offset where the sentence ends) or None
    quote_open: int | None = None
    # role nouns of the subjects named so far ("a North Korean defense ministry spokesperson": spokesperson,
    # ministry -> PRK), for a later definite "the spokesperson" / "the ministry"
    roles: list[tuple[str, Actor]] = field(default_factory=list)

    def learn_role(self, word: str, actor: Actor) -> None:
        if actor.code:
            self.roles.append((word, Actor(actor.code, actor.sector)))

    def last_with_role(self, word: str) -> Actor | None:
        """The latest subject named with this role noun."""
        return next((a for w, a in reversed(self.roles) if w == word), None)

    @property
    def seen(self) -> set[str]:
        return set(self.codes)

    def note(self, actor: Actor, kind: str = "", subject: bool = False) -> None:
        if not actor.code:
            return
        self.codes.append(actor.code)
        if len(actor.code) == 3 and actor.code.isalpha() and kind not in ("organisation",):
            self.states.append(actor.code)
        if kind == "person":
            self.persons.append(actor)
        elif subject or kind in ("country", "capital", "seat", "organisation", "demonym"):
            self.groups.append(actor)
            if subject:
                self.subjects.append(actor)

    def last_person(self) -> Actor | None:
        return self.persons[-1] if self.persons else None

    def last_group(self) -> Actor | None:
        return self.groups[-1] if self.groups else None

    def last_subject(self) -> Actor | None:
        """The group last named as a subject ("Sudan expelled the UN envoy. It accused him ...": Sudan)."""
        return self.subjects[-1] if self.subjects else None

    def last_parties(self, n: int, is_country: Callable[[str], bool]) -> list[str]:
        """The n countries of the latest act done by n parties together or jointly ("Ethiopia and Somalia held
        talks. The two sides signed ...": not the host named since), [] if there is none."""
        for ev in reversed(self.events):
            codes: list[str] = []
            for a in ev.actor:
                if a.code and is_country(a.code) and a.code not in codes:
                    codes.append(a.code)
            if len(codes) == n:
                return codes
        return []

    def last_state(self) -> str | None:
        return self.states[-1] if self.states else None

    def last_two_states(self, is_country: Callable[[str], bool] | None = None) -> list[str]:
        out: list[str] = []
        for code in reversed(self.codes):
            if is_country is not None and not is_country(code):
                continue
            if code not in out:
                out.append(code)
            if len(out) == 2:
                break
        return list(reversed(out)) if len(out) == 2 else []

    def main_state(self) -> str | None:
        """The most often named country (ties: the earliest)."""
        ranked = self.ranked_states()
        return ranked[0] if ranked else None

    def ranked_states(self) -> list[str]:
        """The countries named so far, most often named first (ties: the earliest)."""
        counts: dict[str, int] = {}
        for c in self.states:
            counts[c] = counts.get(c, 0) + 1
        return sorted(counts, key=lambda c: (-counts[c], self.states.index(c)))


def learn_named_persons(doc: Doc, mentions: list[Mention], ctx: ArticleContext,
                        finder: ActorFinder) -> list[Mention]:
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
            elif finder.sector_of(t.lower_) or t.lower_ in ROLE_MODIFIERS:
                role = role or finder.sector_of(t.lower_)
            elif t.lower_ == "of" and i + 1 < len(doc) and doc[i + 1].lower_ in ROLE_MODIFIERS:
                pass
            elif (k := _portfolio_end(doc, i, taken)) is not None:
                # "Mining Minister", "Planning and Investment Minister": a portfolio before the office
                role = role or finder.sector_of(doc[k].lower_)
                steps += k - i
                i = k
            else:
                break
            i += 1
            steps += 1
        if role is None:
            continue
        if i + 1 < len(doc) and doc[i].text == "," and i not in taken:
            i += 1  # "The Armenian foreign minister, Gevorg Hakobyan, said": the name in apposition
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
        # a town of the gazetteer is no match for a name the article introduced: "Peruvian Mining Minister
        # Carlos Ruiz Delgado ... Delgado said" (Ciudad Delgado is a town in El Salvador)
        towns = {m.start: m for m in mentions if m.place is not None and m.end - m.start == 1
                 and doc[m.start].text in ctx.names}
        if towns:
            mentions = [m for m in mentions if m.start not in towns or m is not towns[m.start]]
            taken -= set(towns)
        i = 0
        while i < len(doc):
            if i in taken or not _namelike(doc[i]):
                i += 1
                continue
            if doc[i].text.rstrip(".").lower() in HONORIFICS:
                i += 1  # "Mr Petrauskas said": the title is no part of the name
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


OFFICE_HEADS = frozenset(("minister", "secretary", "commissioner", "ministry"))


def _portfolio_end(doc: Doc, i: int, taken: set[int]) -> int | None:
    """The office word ending a portfolio of one to three words from `i` ("Mining Minister", "Trade and
    Industry Secretary", "Energy Minister"), or None."""
    for k in range(i, min(i + 4, len(doc))):
        t = doc[k]
        if k in taken:
            return None
        if k > i and t.lower_ in OFFICE_HEADS:
            return k
        if not (t.is_alpha and (t.text[:1].isupper() or t.lower_ in ("and", "of"))):
            return None
    return None


def _namelike(t: Token) -> bool:
    """A capitalised word the tagger may take for a name (a rare surname is often tagged NOUN)."""
    return t.pos_ in ("PROPN", "NOUN") and t.text[:1].isupper() and t.text.replace("-", "").isalpha()
