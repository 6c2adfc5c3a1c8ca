"""From a staged temp table of one file's rows to stored events, set-based.

Every format builds `_dw_stage` with `_row` (the row's position among the rows DuckDB's reader
kept, 1-based, for its line number), `err` / `err_detail` (NULL when the row is good), `warn` /
`warn_detail`, `origin_id`, `id`, and whichever `events` columns it fills (named as in the table);
it may also give a narrower view of the same rows (`keys`: the columns checked and the dyads'), so
that the checks do not join the lookups that only the wide columns need.
`finish` then, in this order: reports bad rows; drops rows without a PLOVER type (CAMEO 01x), so
that a public statement never shadows a valid twin with the same id and the result does not
depend on how the data was split into files; keeps the first of duplicate ids; skips ids already
stored; inserts the rest into `events` and `event_dyads` inside the caller's transaction.

A format whose mapping is one streaming statement (GDELT: the code tables looked up as MAPs, since
DuckDB's joins do not keep the reader's order) inserts every row the reader kept into `events` in
the file's order and calls `finish_inserted`, which runs the same checks on the stored rows (a
row's position is its rowid) and deletes the rows not to keep: the file is read once and its wide
rows written once, with no staging table.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb

from .reading import MAX_MESSAGES, ImportReport, LineMap

ID_SQL = "substr(sha1({origin} || chr(0) || {origin_id}), 1, 16)"  # = importers.import_event_id

# The event_dyads columns of a stage with single actor_code / recipient_code: `_dw_chk` keeps them
# beside the row keys, so the dyads come from the narrow checked rows (the rows kept, no more) and a
# stage that is a view (its lookups joined anew by every statement) is computed twice, not three times.
_DYAD_COLS = "date, actor_code, recipient_code, event, quad_code, plover_score, goldstein, modality, origin"
_DYADS_SINGLE = f"SELECT id, {_DYAD_COLS} FROM _dw_chk WHERE actor_code IS NOT NULL"
# ... and from a stage with lists actor_codes / recipient_codes: every actor x every recipient (each
# code once), a self pair only when the actors are one code, an actor without recipient paired
# with NULL (as reports.dyad_pairs). unnest in the select list, not a lateral join of the wide stage
# rows (which cost 4 s of CPU on 50k POLECAT rows); the pairs of an event are distinct already.
_DYADS_MULTI = """
SELECT id, date, source, target, event, quad_code, plover_score, goldstein, modality, origin FROM (
    SELECT *, unnest(CASE WHEN len(_r) > 0 THEN _r ELSE [NULL::VARCHAR] END) AS target FROM (
        SELECT *, unnest(_a) AS source FROM (
            SELECT id, date, event, quad_code, plover_score, goldstein, modality, origin,
                   list_distinct(list_filter(actor_codes, lambda x: x IS NOT NULL)) AS _a,
                   list_distinct(list_filter(recipient_codes, lambda x: x IS NOT NULL)) AS _r
            FROM _dw_stage) _s) _sa) _sr
WHERE target IS NULL OR len(_a) < 2 OR source <> target
"""


@contextmanager
def insertion_order_free(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """`preserve_insertion_order = false` for the block (a query's ORDER BY is still kept)."""
    prev = con.execute("SELECT current_setting('preserve_insertion_order')").fetchall()[0][0]
    con.execute("SET preserve_insertion_order = false")
    try:
        yield
    finally:
        con.execute(f"SET preserve_insertion_order = {'true' if prev else 'false'}")


def cores_busy() -> bool:
    """Whether the machine's cores are all taken by other work (a load average of at least one
    process per core): then a parallel plan finishes no sooner, it only adds work."""
    try:
        return os.getloadavg()[0] >= (os.cpu_count() or 1)
    except (OSError, AttributeError):  # no load average here (unobtainable, or Windows: no os.getloadavg)
        return False


@contextmanager
def one_thread_when_busy(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """DuckDB on one thread for the block when the cores are busy (`cores_busy`). For a read into
    a table that keeps the file's order: in parallel it costs a third more CPU (400k GDELT rows:
    1.05 s against 0.78 s), which on idle cores buys wall time and on busy ones costs it."""
    if not cores_busy():
        yield
        return
    prev = int(con.execute("SELECT current_setting('threads')").fetchall()[0][0])
    con.execute("SET threads = 1")
    try:
        yield
    finally:
        con.execute(f"SET threads = {prev}")


def event_columns(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'events' "
        "AND table_schema = 'main' ORDER BY ordinal_position").fetchall()]


def _count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    return int(con.execute(sql).fetchall()[0][0])


def _check(con: duckdb.DuckDBPyConnection, report: ImportReport, name: str, lines: LineMap, id_note: str,
           stored_sql: str) -> tuple[int, int, bool]:
    """Report the rows of `_dw_chk` (bad rows, warnings, rows without a type, duplicate ids, ids
    already stored, in this order) and delete from it every row not to store. `stored_sql` gives the
    ids stored before this file. Returns (rows, rows left, whether rows were dropped that no
    predicate of the stage names: duplicates or ids stored)."""
    n_rows, n_bad, n_warn, n_no_type = con.execute(
        "SELECT count(*), count(err), count(warn), count(*) FILTER (err IS NULL AND no_type) FROM _dw_chk"
    ).fetchall()[0]
    report.rows += n_rows
    room = max(5, MAX_MESSAGES - len(report.messages))
    if n_bad:  # bad rows: counted by reason, the first ones named by line
        shown = con.execute(f"SELECT _row, err, err_detail FROM _dw_chk WHERE err IS NOT NULL ORDER BY _row "
                            f"LIMIT {room}").fetchall()
        for err, n in con.execute("SELECT err, count(*) FROM _dw_chk WHERE err IS NOT NULL GROUP BY 1").fetchall():
            report.rejects(err, n, [(f"{name}:{lines.line(r)}", d or "") for r, e, d in shown if e == err])
    if n_warn:
        warned = con.execute(f"SELECT _row, warn, warn_detail FROM _dw_chk WHERE warn IS NOT NULL AND err IS NULL "
                             f"ORDER BY _row LIMIT {room}").fetchall()
        for warn, n in con.execute("SELECT warn, count(*) FROM _dw_chk WHERE warn IS NOT NULL AND err IS NULL "
                                   "GROUP BY 1").fetchall():
            report.warns(warn, n, [(f"{name}:{lines.line(r)}", d or "") for r, w, d in warned if w == warn])
    # CAMEO 01x and other codes without a PLOVER type are skipped before duplicates are resolved
    report.no_plover += n_no_type
    if n_bad or n_no_type:
        con.execute("DELETE FROM _dw_chk WHERE err IS NOT NULL OR no_type")
    n, distinct = con.execute("SELECT count(*), count(DISTINCT id) FROM _dw_chk").fetchall()[0]
    by_row = n != distinct  # rows dropped that no predicate names
    if n != distinct:  # duplicate ids in the file: the first is kept
        dups = con.execute(
            "SELECT _row, origin_id, first FROM (SELECT _row, origin_id, min(_row) OVER (PARTITION BY id) AS first "
            "FROM _dw_chk) WHERE _row > first ORDER BY _row").fetchall()
        report.duplicates += len(dups)
        for row, oid, first in dups[: max(0, MAX_MESSAGES - len(report.messages))]:
            f = lines.line(first)
            report.message(f"{name}:{lines.line(row)}: {id_note} {oid!r} repeats line {f}; kept line {f}")
        con.execute("DELETE FROM _dw_chk WHERE _row IN (SELECT _row FROM (SELECT _row, row_number() OVER "
                    "(PARTITION BY id ORDER BY _row) AS rn FROM _dw_chk) WHERE rn > 1)")
    good = distinct
    if good and con.execute(f"SELECT 1 FROM ({stored_sql}) LIMIT 1").fetchall():  # already stored
        con.execute(f"DELETE FROM _dw_chk WHERE id IN ({stored_sql})")
        left = _count(con, "SELECT count(*) FROM _dw_chk")
        report.already += good - left
        by_row = by_row or left < good
        good = left
    return n_rows, good, by_row


def _dyads_sql(fresh: bool) -> str:
    dyads = _DYADS_SINGLE
    return f"SELECT * FROM ({dyads}) ORDER BY 3, 4, 2" if fresh else dyads


_DYADS_INSERT = ("INSERT INTO event_dyads (event_id, date, source, target, event, quad_code, plover_score, "
                 "goldstein, modality, origin) ")


def finish(con: duckdb.DuckDBPyConnection, report: ImportReport, name: str, lines: LineMap, id_note: str,
           multi: bool = False, keys: str = "_dw_stage") -> None:
    """Report and store the rows of `_dw_stage` (a view or table; see the module docstring). The
    checks run on a narrow copy of the row keys and dyad columns (`_dw_chk`, taken from `keys`: the
    stage, or a narrower view of the same rows with the same `_row`s); the wide rows are computed
    once, in the INSERT, leaving out the rows dropped."""
    stage_cols = [r[0] for r in con.execute("DESCRIBE _dw_stage").fetchall()]
    key_cols = stage_cols if keys == "_dw_stage" else [r[0] for r in con.execute(f"DESCRIBE {keys}").fetchall()]
    # a stage without `_row` holds the rows in the file's order: their position is the rowid
    row_sql = "_row" if "_row" in stage_cols else "(rowid - (SELECT min(rowid) FROM _dw_stage) + 1)"
    warn_cols = "warn, warn_detail" if "warn" in key_cols else "NULL::VARCHAR AS warn, NULL::VARCHAR AS warn_detail"
    dyad_cols = "" if multi else ", " + _DYAD_COLS
    con.execute(f"CREATE OR REPLACE TEMP TABLE _dw_chk AS SELECT {row_sql} AS _row, id, origin_id, err, err_detail, {warn_cols}, "
                f"event IS NULL AS no_type{dyad_cols} FROM {keys}")
    fresh = not con.execute("SELECT 1 FROM events LIMIT 1").fetchall()
    n_rows, good, by_row = _check(con, report, name, lines, id_note, "SELECT id FROM events")
    if good:
        # the rows to store: all; or those without an error and with a type (a filter on the stage's
        # own columns); or, when duplicates or stored ids were dropped too, those whose _row is left
        # (a semi-join on the kept rows' positions)
        keep = ("" if good == n_rows else f" WHERE {row_sql} IN (SELECT _row FROM _dw_chk)" if by_row
                else " WHERE err IS NULL AND event IS NOT NULL")
        cols = ", ".join(c for c in event_columns(con) if c in stage_cols)
        # into an empty store, dyads go in the order Store.optimize gives them (source, target,
        # date: what dyad queries skip row groups by), so a first big import needs no re-sort. Events
        # keep the file's order: sorting the wide rows by id cost a third of the import (about 1 s
        # of CPU on 400k GDELT rows), and a look-up by id reads the narrow id column either way.
        if multi:
            dyads = _DYADS_MULTI.replace("FROM _dw_stage", f"FROM (SELECT * FROM _dw_stage{keep}) _k", 1)
            if fresh:
                dyads = f"SELECT * FROM ({dyads}) ORDER BY 3, 4, 2"
        else:
            dyads = _dyads_sql(fresh)
        # The rows' positions are fixed (the stage's rowids, `_dw_chk`), so the INSERTs need not keep
        # any order but the dyads' ORDER BY: with insertion order kept, DuckDB wrote the wide rows
        # of a 400k GDELT file on one thread (1.6 s of 1.6 s CPU; 0.85 s on two threads without).
        with insertion_order_free(con):
            con.execute(f"INSERT INTO events ({cols}) SELECT {cols} FROM _dw_stage{keep}")
            con.execute(_DYADS_INSERT + dyads)
        report.sorted_files += int(fresh)
        report.new += good
    con.execute("DROP TABLE IF EXISTS _dw_chk")


def first_new_rowid(con: duckdb.DuckDBPyConnection, before: int) -> int | None:
    """The rowid of the first row this transaction added to `events` after `before` (the largest
    rowid before the INSERT, from `last_rowid`), or None when it added none."""
    r = con.execute("SELECT min(rowid) FROM events WHERE rowid > ?", [before]).fetchall()[0][0]
    return None if r is None else int(r)


def last_rowid(con: duckdb.DuckDBPyConnection) -> int:
    return int(con.execute("SELECT coalesce(max(rowid), -1) FROM events").fetchall()[0][0])


def _clean(con: duckdb.DuckDBPyConnection, report: ImportReport, first: int, checks: str, fresh: bool,
           stored: str) -> bool:
    """The usual case of `finish_inserted`, in one pass over the new rows' narrow columns: when no
    row is bad or warned about, no id repeats among the rows with a type and none was stored
    before, the rows without a type (CAMEO 01x) are deleted, the dyads of the others inserted, and
    True returned; else False and nothing is done (the caller reports row by row). No table of
    the rows' keys is made, and the dyads are read from `events` itself."""
    n, n_bad, n_warn, n_no_type, n_ids = con.execute(
        "SELECT count(*), count(err), count(warn), count(*) FILTER (err IS NULL AND no_type), "
        "count(DISTINCT id) FILTER (err IS NULL AND NOT no_type) "
        f"FROM (SELECT id, {checks}, event IS NULL AS no_type FROM events WHERE rowid >= {first})").fetchall()[0]
    good = n - n_no_type
    if n_bad or n_warn or n_ids != good:
        return False
    if not fresh and good and _count(con, f"SELECT count(*) FROM events WHERE rowid >= {first} AND event IS NOT NULL "
                                          f"AND id IN ({stored})"):
        return False
    report.rows += n
    report.no_plover += n_no_type
    if n_no_type:
        con.execute(f"DELETE FROM events WHERE rowid >= {first} AND event IS NULL")
    if good:
        dyads = (f"SELECT id, {_DYAD_COLS} FROM events WHERE rowid >= {first} AND actor_code IS NOT NULL "
                 "AND event IS NOT NULL")
        with insertion_order_free(con):
            con.execute(_DYADS_INSERT + (f"SELECT * FROM ({dyads}) ORDER BY 3, 4, 2" if fresh else dyads))
        report.sorted_files += int(fresh)
        report.new += good
    return True


def finish_inserted(con: duckdb.DuckDBPyConnection, report: ImportReport, name: str, lines: LineMap,
                    id_note: str, first: int | None, checks: str) -> None:
    """Report and keep the rows one INSERT put into `events` in the file's order (each row the
    reader kept, with a rowid from `first` on: a row's position is its rowid less `first`, plus 1).
    `checks` is the select list over those `events` rows giving `err`, `err_detail`, `warn`,
    `warn_detail`. Rows not to store (bad, without a type, later duplicates, stored before) are
    deleted again; the dyads of the rows left are inserted (single actor and recipient codes).
    For a format whose mapping is one streaming statement (no join: DuckDB's joins do not keep
    the reader's order), this writes the wide rows once, with no staging table of the file."""
    if first is None:
        return
    fresh = first == _count(con, "SELECT coalesce(min(rowid), -1) FROM events")
    stored = f"SELECT id FROM events WHERE rowid < {first}"
    if _clean(con, report, first, checks, fresh, stored):
        return
    con.execute(f"CREATE OR REPLACE TEMP TABLE _dw_chk AS SELECT rowid - {first} + 1 AS _row, id, origin_id, "
                f"{checks}, event IS NULL AS no_type, {_DYAD_COLS} FROM events WHERE rowid >= {first}")
    n_rows, good, _ = _check(con, report, name, lines, id_note, "SELECT NULL::VARCHAR WHERE false" if fresh
                                else stored)
    if good < n_rows:  # the rows dropped, deleted by position
        con.execute(f"DELETE FROM events WHERE rowid >= {first} AND rowid - {first} + 1 NOT IN (SELECT _row FROM _dw_chk)")
    if good:
        with insertion_order_free(con):
            con.execute(_DYADS_INSERT + _dyads_sql(fresh))
        report.sorted_files += int(fresh)
        report.new += good
    con.execute("DROP TABLE IF EXISTS _dw_chk")
