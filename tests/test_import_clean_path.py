"""A GDELT file with nothing to report (no bad row, no warning, no repeated or stored id) is
checked in one pass and its dyads read from the stored rows (stage._clean); anything to report
sends it the row-by-row way. Both must store the same events and dyads and count the same."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_import_export import gdelt_row, write

from dyadwatch.store import Store
from dyadwatch.store.importers import import_event_id, import_files


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "c.duckdb") as s:
        yield s


def dyads(store: Store) -> list[tuple]:
    return sorted(store.con.execute("SELECT event_id, source, target, event FROM event_dyads").fetchall())


def counts(report) -> tuple[int, ...]:
    return report.rows, report.new, report.already, report.bad, report.duplicates, report.no_plover


def test_statements_in_a_clean_file_are_counted_and_left_out(store: Store, tmp_path: Path):
    rows = [gdelt_row(str(100 + i), "20240305", "USA", "IRN", "010" if i % 3 == 0 else "042") for i in range(12)]
    report = import_files(store, "gdelt", [write(tmp_path / "a.export.CSV", rows)])
    assert counts(report) == (12, 8, 0, 0, 0, 4)
    assert report.sorted_files == 1
    kept = {import_event_id("gdelt", str(100 + i)) for i in range(12) if i % 3}
    assert {r[0] for r in store.con.execute("SELECT id FROM events").fetchall()} == kept
    assert {d[0] for d in dyads(store)} == kept
    assert all(d[1:] == ("USA", "IRN", "CONSULT") for d in dyads(store))


def test_a_second_clean_file_goes_after_the_first_and_a_stored_id_is_noticed(store: Store, tmp_path: Path):
    import_files(store, "gdelt", [write(tmp_path / "a.export.CSV", [gdelt_row("1", "20240305", "FRA", "DEU", "036")])])
    second = [gdelt_row("2", "20240306", "GBR", "IRL", "057"), gdelt_row("3", "20240306", "GBR", "IRL", "010")]
    report = import_files(store, "gdelt", [write(tmp_path / "b.export.CSV", second)])
    assert counts(report) == (2, 1, 0, 0, 0, 1)
    assert report.sorted_files == 0  # not into an empty store
    # the same rows again, with one new: the stored id is seen, not stored twice
    again = [*second, gdelt_row("4", "20240307", "JPN", "KOR", "112")]
    report = import_files(store, "gdelt", [write(tmp_path / "c.export.CSV", again)])
    assert counts(report) == (3, 1, 1, 0, 0, 1)
    ids = [r[0] for r in store.con.execute("SELECT origin_id FROM events ORDER BY origin_id").fetchall()]
    assert ids == ["1", "2", "4"]
    assert [d[0] for d in dyads(store)] == sorted(import_event_id("gdelt", i) for i in ("1", "2", "4"))


def test_a_twin_of_a_statement_is_kept_in_a_file_otherwise_clean(store: Store, tmp_path: Path):
    rows = [gdelt_row("9", "20240305", "USA", "IRN", "010"), gdelt_row("9", "20240305", "USA", "IRN", "042")]
    report = import_files(store, "gdelt", [write(tmp_path / "t.export.CSV", rows)])
    assert counts(report) == (2, 1, 0, 0, 0, 1)
    assert store.event(import_event_id("gdelt", "9"))["event"] == "CONSULT"


def test_a_file_with_a_repeated_id_is_reported_line_by_line(store: Store, tmp_path: Path):
    rows = [gdelt_row("5", "20240305", "USA", "IRN", "042"), gdelt_row("5", "20240306", "USA", "IRN", "043")]
    report = import_files(store, "gdelt", [write(tmp_path / "d.export.CSV", rows)])
    assert counts(report) == (2, 1, 0, 0, 1, 0)
    assert any(m.endswith("repeats line 1; kept line 1") and ":2:" in m for m in report.messages)
    assert len(dyads(store)) == 1
