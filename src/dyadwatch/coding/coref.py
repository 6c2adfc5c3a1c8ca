"""Article-level memory for later mentions: "the North", "he", "its", "the two sides", "the country"."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..events import Actor

PRONOUNS_PERSON = {"he", "she", "him", "her", "his", "hers"}
PRONOUNS_GROUP = {"they", "them", "their", "theirs", "it", "its", "we", "our", "us"}
GENERIC_STATE = {"country", "nation", "government", "state", "regime", "administration", "kingdom",
                 "republic", "authorities", "leadership", "capital", "island", "north", "south"}
PAIR_NOUNS = {"sides", "countries", "nations", "governments", "parties", "neighbours", "neighbors", "leaders",
              "presidents", "ministers", "delegations", "armies", "foes", "rivals", "allies", "capitals", "states",
              "adversaries", "partners"}
BOTH = {"two sides", "both sides", "the two countries", "both countries", "two countries", "the sides",
        "both nations", "two nations", "the two", "both", "two governments", "both governments"}


@dataclass
class ArticleContext:
    """What the article has named so far, in order."""

    codes: list[str] = field(default_factory=list)  # every coded mention, in order
    states: list[str] = field(default_factory=list)  # country codes (ISO alpha-3)
    persons: list[Actor] = field(default_factory=list)
    groups: list[Actor] = field(default_factory=list)  # subjects: countries, organisations, groups
    events: list[Any] = field(default_factory=list)  # events coded so far ("condemned the strikes")
    # names learnt from "North Korean leader Kim Jong Un": full name, first and last word -> (code, sector)
    names: dict[str, tuple[str, str | None]] = field(default_factory=dict)

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

    def last_person(self) -> Actor | None:
        return self.persons[-1] if self.persons else None

    def last_group(self) -> Actor | None:
        return self.groups[-1] if self.groups else None

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
        if not self.states:
            return None
        counts: dict[str, int] = {}
        for c in self.states:
            counts[c] = counts.get(c, 0) + 1
        return max(counts, key=lambda c: (counts[c], -self.states.index(c)))
