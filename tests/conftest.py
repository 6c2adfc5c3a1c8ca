"""Shared fixtures. Area-specific fixtures live in the area's own test module."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    """A path for a fresh DuckDB file in a temporary folder."""
    return tmp_path / "test.duckdb"


@pytest.fixture(scope="session")
def test_output_dir() -> Path:
    """Where tests save artefacts (screenshots, exports) for people to look at."""
    out = ROOT / "test-output"
    out.mkdir(exist_ok=True)
    return out
