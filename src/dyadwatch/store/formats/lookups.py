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
import pyarrow as pa

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


@lru_cache(maxsize=1)
def _tables() -> dict[str, pa.Table]:
    table = cameo_table()
    scores = [(ev, None, s) for ev, s in PLOVER_SCORE.items()]
    scores += [(ev, mode, s) for (ev, mode), s in PLOVER_MODE_SCORE.items()]
    cc, groups, fips, names, states = (cameo_country_table(), cameo_group_table(), fips_table(), name_table(),
                                       state_codes())
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
        "_dw_cameo_raw": pa.table({
            "raw": [r[0] for r in rows], "cameo": [r[1] for r in rows], "fix": [r[2] for r in rows],
            "event": pa.array([r[3]["plover"] for r in rows], pa.string()),
            "mode": pa.array([r[3]["mode"] for r in rows], pa.string()),
            "context": pa.array([[x.strip() for x in r[3]["context"].split(";")] if r[3]["context"] else []
                                 for r in rows], pa.list_(pa.string())),
            "goldstein": pa.array([r[3]["goldstein"] for r in rows], pa.float64()),
            "plover_score": pa.array([score(r[3]["plover"], r[3]["mode"]) for r in rows], pa.float64()),
            "quad_code": pa.array([QUAD.get(r[3]["plover"]) for r in rows], pa.int8())}),
        "_dw_cameo": pa.table({
            "code": list(table), "plover": [r["plover"] for r in table.values()],
            "mode": [r["mode"] for r in table.values()], "context": [r["context"] for r in table.values()],
            "goldstein": pa.array([r["goldstein"] for r in table.values()], pa.float64())}),
        "_dw_score": pa.table({"event": [s[0] for s in scores], "mode": pa.array([s[1] for s in scores], pa.string()),
                               "score": pa.array([s[2] for s in scores], pa.float64())}),
        "_dw_quad": pa.table({"event": list(QUAD), "quad": pa.array(list(QUAD.values()), pa.int8())}),
        "_dw_cc": pa.table({"code": list(cc), "iso3": list(cc.values())}),
        "_dw_iso": pa.table({"code": list(iso_country_table()), "iso3": list(iso_country_table().values())}),
        "_dw_groups": pa.table({"code": list(groups), "org": list(groups.values())}),
        "_dw_fips": pa.table({"fips": list(fips), "iso3": list(fips.values())}),
        "_dw_names": pa.table({"name": list(names), "code": list(names.values())}),
        "_dw_sectors": pa.table({"word": [w[0] for w in words], "sector": [w[1] for w in words],
                                 "rank": pa.array([w[2] for w in words], pa.int32())}),
        "_dw_states": pa.table({
            "iso3": list(states), "cow": pa.array([s["cow"] for s in states.values()], pa.int32()),
            "cow_abb": pa.array([s["cow_abb"] for s in states.values()], pa.string()),
            "gw": pa.array([s["gw"] for s in states.values()], pa.int32())}),
    }


def register(con: duckdb.DuckDBPyConnection, only: tuple[str, ...] | None = None) -> None:
    """Create the lookup temp tables on `con` (those it lacks: they are only ever read, so a
    connection keeps them from one import to the next)."""
    have = {r[0] for r in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE temporary AND table_name LIKE '\\_dw\\_%' ESCAPE '\\'"
    ).fetchall()}
    for name, tbl in _tables().items():
        if (only and name not in only) or name in have:
            continue
        con.register("_dw_tmp_arrow", tbl)
        try:
            con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT * FROM _dw_tmp_arrow")
        finally:
            con.unregister("_dw_tmp_arrow")
