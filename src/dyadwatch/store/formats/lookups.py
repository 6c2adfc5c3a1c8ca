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

from functools import lru_cache

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


@lru_cache(maxsize=1)
def _tables() -> dict[str, list[Column]]:
    """Each lookup table as its columns. Plain Python lists, handed to DuckDB as list parameters:
    building Arrow arrays here made pyarrow import pandas, a fifth of a second of every import."""
    table = cameo_table()
    scores = [(ev, None, s) for ev, s in PLOVER_SCORE.items()]
    scores += [(ev, mode, s) for (ev, mode), s in PLOVER_MODE_SCORE.items()]
    cc, groups, fips, names, states = (cameo_country_table(), cameo_group_table(), fips_table(), name_table(),
                                       state_codes())
    iso = iso_country_table()
    words = sector_words()
    raw: dict[str, tuple[str, str]] = {c: (c, "ok") for c in table if len(c) > 2}
    for c in table:  # a code that lost its leading zero, unless it is a code as written
        if c.startswith("0") and len(c) > 1:
            raw.setdefault(c[1:], (c, "zero"))

    def score(ev: str | None, mode: str | None) -> float | None:
        s = PLOVER_MODE_SCORE.get((ev, mode)) if ev and mode else None  # type: ignore[call-overload]
        return s if s is not None else PLOVER_SCORE.get(ev) if ev else None

    rows = [(r, c, fix, table[c]) for r, (c, fix) in raw.items()]
    return {
        "_dw_cameo_raw": [
            ("raw", "VARCHAR", [r[0] for r in rows]), ("cameo", "VARCHAR", [r[1] for r in rows]),
            ("fix", "VARCHAR", [r[2] for r in rows]), ("event", "VARCHAR", [r[3]["plover"] for r in rows]),
            ("mode", "VARCHAR", [r[3]["mode"] for r in rows]),
            ("context", "VARCHAR[]", [[x.strip() for x in r[3]["context"].split(";")] if r[3]["context"] else []
                                      for r in rows]),
            ("goldstein", "DOUBLE", [r[3]["goldstein"] for r in rows]),
            ("plover_score", "DOUBLE", [score(r[3]["plover"], r[3]["mode"]) for r in rows]),
            ("quad_code", "TINYINT", [QUAD.get(r[3]["plover"]) for r in rows])],
        "_dw_cameo": [
            ("code", "VARCHAR", list(table)), ("plover", "VARCHAR", [r["plover"] for r in table.values()]),
            ("mode", "VARCHAR", [r["mode"] for r in table.values()]),
            ("context", "VARCHAR", [r["context"] for r in table.values()]),
            ("goldstein", "DOUBLE", [r["goldstein"] for r in table.values()])],
        "_dw_score": [("event", "VARCHAR", [s[0] for s in scores]), ("mode", "VARCHAR", [s[1] for s in scores]),
                      ("score", "DOUBLE", [s[2] for s in scores])],
        "_dw_quad": [("event", "VARCHAR", list(QUAD)), ("quad", "TINYINT", list(QUAD.values()))],
        "_dw_cc": [("code", "VARCHAR", list(cc)), ("iso3", "VARCHAR", list(cc.values()))],
        "_dw_iso": [("code", "VARCHAR", list(iso)), ("iso3", "VARCHAR", list(iso.values()))],
        "_dw_groups": [("code", "VARCHAR", list(groups)), ("org", "VARCHAR", list(groups.values()))],
        "_dw_fips": [("fips", "VARCHAR", list(fips)), ("iso3", "VARCHAR", list(fips.values()))],
        "_dw_names": [("name", "VARCHAR", list(names)), ("code", "VARCHAR", list(names.values()))],
        "_dw_sectors": [("word", "VARCHAR", [w[0] for w in words]), ("sector", "VARCHAR", [w[1] for w in words]),
                        ("rank", "INTEGER", [w[2] for w in words])],
        "_dw_states": [("iso3", "VARCHAR", list(states)), ("cow", "INTEGER", [s["cow"] for s in states.values()]),
                       ("cow_abb", "VARCHAR", [s["cow_abb"] for s in states.values()]),
                       ("gw", "INTEGER", [s["gw"] for s in states.values()])],
    }


def register(con: duckdb.DuckDBPyConnection, only: tuple[str, ...] | None = None) -> None:
    """Create the lookup temp tables on `con` (those it lacks: they are only ever read, so a
    connection keeps them from one import to the next)."""
    have = {r[0] for r in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE temporary AND table_name LIKE '\\_dw\\_%' ESCAPE '\\'"
    ).fetchall()}
    for name, columns in _tables().items():
        if (only and name not in only) or name in have:
            continue
        # the columns' lists, zipped by unnest (all of a table's lists have the same length)
        select = ", ".join(f"unnest(?::{typ}[]) AS {col}" for col, typ, _ in columns)
        con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT {select}", [v for _, _, v in columns])
