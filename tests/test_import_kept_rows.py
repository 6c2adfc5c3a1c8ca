"""The rows an import stores are exactly the rows its checks kept, whichever way the INSERT picks
them: all rows; the rows without an error and with a PLOVER type (a filter on the mapped columns);
or, when duplicates or ids already stored were dropped as well, the kept rows by position. Each
case is checked against the report, the events table and the dyads."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_import_export import ICEWS_HEADER, gdelt_row, icews_row, write

from dyadwatch.store import Store
from dyadwatch.store.importers import import_event_id, import_files


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "k.duckdb") as s:
        yield s


def stored(store: Store, origin: str) -> list[str]:
    """The origin ids stored, each as often as it is stored."""
    return sorted(r[0] for r in store.con.execute("SELECT origin_id FROM events WHERE origin = ?",
                                                  [origin]).fetchall())


def dyad_ids(store: Store) -> list[str]:
    return sorted(r[0] for r in store.con.execute("SELECT event_id FROM event_dyads").fetchall())


def event_ids(store: Store) -> list[str]:
    return sorted(r[0] for r in store.con.execute("SELECT id FROM events").fetchall())


def test_statements_and_bad_codes_are_left_out_and_every_other_row_is_stored(store: Store, tmp_path: Path):
    rows = [gdelt_row(str(700 + i), "20240305", "USA", "IRN", "042") for i in range(30)]
    rows[3] = gdelt_row("703", "20240305", "USA", "IRN", "010")  # a public statement: no PLOVER type
    rows[9] = gdelt_row("709", "20240305", "USA", "IRN", "0x9")  # not a CAMEO code
    rows[20] = gdelt_row("720", "20240305", "RUS", "UKR", "017")
    f = write(tmp_path / "statements.export.CSV", rows)
    report = import_files(store, "gdelt", [f])
    assert (report.new, report.no_plover, report.bad, report.duplicates) == (27, 2, 1, 0)
    assert stored(store, "gdelt") == sorted({str(700 + i) for i in range(30)} - {"703", "709", "720"})
    assert dyad_ids(store) == event_ids(store)
    assert store.event(import_event_id("gdelt", "720")) is None


def test_a_twin_and_a_row_stored_before_are_left_out_with_the_statements(store: Store, tmp_path: Path):
    first = write(tmp_path / "a.export.CSV", [gdelt_row("801", "20240306", "FRA", "DEU", "036")])
    assert import_files(store, "gdelt", [first]).new == 1
    rows = [
        gdelt_row("801", "20240306", "FRA", "DEU", "036"),  # stored by the first file
        gdelt_row("802", "20240306", "FRA", "DEU", "010"),  # no PLOVER type
        gdelt_row("803", "20240306", "FRA", "DEU", "043"),
        gdelt_row("804", "20240306", "GBR", "IRL", "057"),
        gdelt_row("803", "20240307", "ITA", "ESP", "190"),  # a twin of line 3: line 3 is kept
        gdelt_row("805", "20240308", "JPN", "KOR", "112"),
    ]
    report = import_files(store, "gdelt", [write(tmp_path / "b.export.CSV", rows)])
    assert (report.new, report.already, report.no_plover, report.duplicates) == (3, 1, 1, 1)
    assert stored(store, "gdelt") == ["801", "803", "804", "805"]
    e = store.event(import_event_id("gdelt", "803"))
    assert (e["actor_code"], e["recipient_code"], e["cameo"]) == ("FRA", "DEU", "043")
    assert dyad_ids(store) == event_ids(store)


def test_icews_rows_without_a_type_are_left_out_by_their_mapped_columns(store: Store, tmp_path: Path):
    def row(eid: str, code: str) -> str:
        return icews_row(eid, "2019-05-01", "Government (France)", "Government", "France", code,
                         "Police (Germany)", "Police", "Germany")

    rows = [ICEWS_HEADER] + [row(str(900 + i), "036") for i in range(12)]
    rows[4] = row("903", "010")  # no PLOVER type
    rows[7] = row("906", "99x")  # not a CAMEO code
    report = import_files(store, "icews", [write(tmp_path / "events.tab", rows)])
    assert (report.new, report.no_plover, report.bad) == (10, 1, 1)
    assert stored(store, "icews") == sorted({str(900 + i) for i in range(12)} - {"903", "906"})
    assert dyad_ids(store) == event_ids(store)
