"""A new store is made with the schema the migrations would leave (schema.FRESH, in a few
statements), not by replaying them: the two must be the same tables, columns in the same order,
types, defaults, keys and views, and a store migrated from version 1 must still come out the same."""

from __future__ import annotations

from pathlib import Path

import duckdb

from dyadwatch.store import Store
from dyadwatch.store.schema import FRESH_VERSION, MIGRATIONS, SCHEMA_VERSION


def shape(con: duckdb.DuckDBPyConnection) -> dict[str, list]:
    return {
        "columns": con.execute(
            "SELECT table_name, column_index, column_name, data_type, column_default, is_nullable "
            "FROM duckdb_columns() WHERE NOT internal AND database_name = current_database() "
            "ORDER BY table_name, column_index").fetchall(),
        "constraints": con.execute(
            "SELECT table_name, constraint_type, constraint_text FROM duckdb_constraints() "
            "WHERE database_name = current_database() ORDER BY ALL").fetchall(),
        "views": con.execute("SELECT view_name, sql FROM duckdb_views() WHERE NOT internal AND NOT temporary "
                             "ORDER BY 1").fetchall(),
        "versions": [r[0] for r in con.execute("SELECT version FROM schema_version ORDER BY 1").fetchall()],
    }


def migrated(path: Path) -> dict[str, list]:
    """The schema the migrations make, one by one, as a store older than FRESH saw them."""
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_version (version INTEGER, applied_at TIMESTAMP DEFAULT current_timestamp)")
    for version in sorted(MIGRATIONS):
        for stmt in MIGRATIONS[version]:
            stmt(con) if callable(stmt) else con.execute(stmt)
        con.execute("INSERT INTO schema_version (version) VALUES (?)", [version])
    out = shape(con)
    con.close()
    return out


def test_a_new_store_has_the_schema_the_migrations_make(tmp_path: Path):
    assert FRESH_VERSION <= SCHEMA_VERSION
    with Store(tmp_path / "new.duckdb") as s:
        assert s.schema_version == SCHEMA_VERSION
        fresh = shape(s.con)
    old = migrated(tmp_path / "old.duckdb")
    assert fresh["columns"] == old["columns"]
    assert fresh["constraints"] == old["constraints"]
    assert fresh["views"] == old["views"]
    assert fresh["versions"] == old["versions"] == sorted(MIGRATIONS)
    events = [c[2] for c in fresh["columns"] if c[0] == "events"]
    assert events[:3] == ["id", "story_id", "date"] and events[-1] == "first_reported"


def test_a_version_1_store_is_migrated_not_made_again(tmp_path: Path):
    path = tmp_path / "v1.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_version (version INTEGER, applied_at TIMESTAMP DEFAULT current_timestamp)")
    for stmt in MIGRATIONS[1]:
        con.execute(stmt)
    con.execute("INSERT INTO schema_version (version) VALUES (1)")
    con.execute("INSERT INTO events (id, event, actor_code, origin) VALUES ('kept', 'AID', 'JPN', 'dyadwatch')")
    con.close()
    with Store(path) as s:
        assert s.con.execute("SELECT id FROM events").fetchall() == [("kept",)]
        assert shape(s.con)["columns"] == migrated(tmp_path / "m.duckdb")["columns"]


def test_tables_without_a_schema_version_are_migrated_in_place(tmp_path: Path):
    """A database that already holds tables but no schema_version (made by hand, or by code older
    than the versions) is migrated from version 1, keeping its rows, never made afresh."""
    path = tmp_path / "bare.duckdb"
    con = duckdb.connect(str(path))
    con.execute(MIGRATIONS[1][1])  # events as version 1 made it
    con.execute("INSERT INTO events (id, event, origin) VALUES ('mine', 'AID', 'dyadwatch')")
    con.close()
    with Store(path) as s:
        assert s.con.execute("SELECT id FROM events").fetchall() == [("mine",)]
        assert [r[0] for r in s.con.execute("SELECT version FROM schema_version ORDER BY 1").fetchall()] == \
            sorted(MIGRATIONS)
