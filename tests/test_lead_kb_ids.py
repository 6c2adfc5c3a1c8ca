"""Every row of a knowledge-base table with an `id` column has its own id: a second row with the same id
(written again by someone who did not see the first) can carry other facts and silently win or lose."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "src" / "dyadwatch" / "kb" / "data"
TABLES = sorted(p for p in DATA.glob("*.csv")
                if next((ln for ln in p.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")),
                        "").startswith("id,"))


def test_the_tables_with_ids_are_found() -> None:
    assert {"armed_groups.csv", "parties.csv", "agencies.csv"} <= {p.name for p in TABLES}


@pytest.mark.parametrize("table", TABLES, ids=[p.name for p in TABLES])
def test_ids_are_unique(table: Path) -> None:
    rows = csv.DictReader(ln for ln in table.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#"))
    counts = Counter(r["id"] for r in rows if r.get("id"))
    assert [i for i, n in counts.items() if n > 1] == []
