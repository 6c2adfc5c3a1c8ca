"""The long, seldom-repeating strings of a store (ids, URLs, `original`) are stored with zstd
(schema.ZSTD): the same in a new store and in one migrated from version 1, used by DuckDB for the
rows an import writes, and invisible to what a store returns (a store made before, with DuckDB's
default compression, gives the same rows)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from dyadwatch.store import Store
from dyadwatch.store.importers import import_files
from dyadwatch.store.schema import MIGRATIONS, REPORT_DYADS_VIEW
from dyadwatch.store.synthetic import write_gdelt_tsv

ZSTD_COLUMNS = {("events", "id"), ("events", "story_id"), ("events", "origin_id"), ("events", "original"),
                ("events", "source_url"), ("event_dyads", "event_id")}


def table_sql(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return dict(con.execute("SELECT table_name, sql FROM duckdb_tables() WHERE NOT temporary "
                            "AND table_name IN ('events', 'event_dyads')").fetchall())


def stored_with(con: duckdb.DuckDBPyConnection, table: str, column: str) -> set[str]:
    return {r[0] for r in con.execute(
        f"SELECT DISTINCT compression FROM pragma_storage_info('{table}') WHERE column_name = ? "
        "AND segment_type <> 'VALIDITY'", [column]).fetchall()}


def test_new_and_migrated_stores_declare_the_same_compression(tmp_path: Path):
    with Store(tmp_path / "new.duckdb") as s:
        fresh = table_sql(s.con)
    con = duckdb.connect(str(tmp_path / "old.duckdb"))
    con.execute("CREATE TABLE schema_version (version INTEGER, applied_at TIMESTAMP DEFAULT current_timestamp)")
    for stmt in MIGRATIONS[1]:
        con.execute(stmt)
    con.execute("INSERT INTO schema_version (version) VALUES (1)")
    con.execute("INSERT INTO events (id, event, actor_code, origin, original) "
                "VALUES ('v1-row', 'AID', 'JPN', 'dyadwatch', '{\"note\": \"made by version 1\"}')")
    con.close()
    with Store(tmp_path / "old.duckdb") as s:
        assert table_sql(s.con) == fresh
        assert s.con.execute("SELECT id, original->>'note' FROM events").fetchall() == [("v1-row", "made by version 1")]
    for table, column in ZSTD_COLUMNS:
        assert any(f"{column} " in part and "USING COMPRESSION ZSTD" in part
                   for part in fresh[table].split(", ")), (table, column)
    assert "event_text VARCHAR USING" not in fresh["events"]  # short repeating strings keep the default


def _dump(store: Store) -> list[tuple]:
    return store.con.execute("SELECT * EXCLUDE (ingested_at) FROM events ORDER BY id").fetchall() + \
        store.con.execute("SELECT * FROM event_dyads ORDER BY ALL").fetchall()


def test_an_import_writes_zstd_and_returns_what_a_default_store_returns(tmp_path: Path):
    f = tmp_path / "20240102.export.CSV"
    write_gdelt_tsv(f, 6000, seed=7, version=2)
    with Store(tmp_path / "new.duckdb") as s:
        report = import_files(s, "gdelt", [f])
        assert report.ok and report.new > 5000
        s.con.execute("CHECKPOINT")
        for table, column in ZSTD_COLUMNS:
            assert stored_with(s.con, table, column) == {"ZSTD"}, (table, column)
        new = _dump(s)
    # a store made before the clause: the same tables without it (DuckDB's default compression)
    path = tmp_path / "before.duckdb"
    with Store(path) as s:
        ddl = table_sql(s.con)
    con = duckdb.connect(str(path))
    con.execute("DROP VIEW report_dyads")
    for table in ("events", "event_dyads"):
        con.execute(f"DROP TABLE {table}")
        con.execute(ddl[table].replace(" USING COMPRESSION ZSTD", ""))
    con.execute(REPORT_DYADS_VIEW)
    con.close()
    with Store(path) as s:
        assert "ZSTD" not in "".join(table_sql(s.con).values())
        import_files(s, "gdelt", [f])
        s.con.execute("CHECKPOINT")
        assert "ZSTD" not in stored_with(s.con, "events", "original")
        assert _dump(s) == new
        assert import_files(s, "gdelt", [f]).already == report.new
