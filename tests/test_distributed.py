"""Coding on a local Dask cluster gives the same store as coding in one process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

pytest.importorskip("distributed")

ARTICLES = {
    "a.txt": "Date: 2019-03-04\n\nJapan and South Korea held talks in Tokyo on Monday. "
             "Japan's foreign minister urged Seoul to settle the wartime labour dispute.\n",
    "b.txt": "Date: 2019-05-09\n\nNorth Korea fired two short-range missiles on Thursday. "
             "The United States condemned the launches.\n",
    "c.txt": "Date: 2018-06-12\n\nPresident Donald Trump met North Korean leader Kim Jong Un in Singapore. "
             "The two leaders signed a joint statement.\n",
    "d.txt": "Date: 2020-07-01\n\nChina accused Washington of meddling in its affairs. "
             "Russia and China held joint naval drills.\n",
    "e.txt": "Date: 2017-09-03\n\nRussian troops were shelled by rebels near the border on Sunday.\n",
}


def _ingest(folder: Path, db: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dyadwatch.cli", "ingest", str(folder), "--db", str(db),
                           "--no-progress", *extra], check=False, capture_output=True, text=True, timeout=300)


def _stored(db: Path) -> tuple[list, list]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        arts = con.execute("SELECT id, coded, n_events FROM articles ORDER BY id").fetchall()
        evs = con.execute("SELECT id, story_id, event, actor_code, recipient_code, modality "
                          "FROM events ORDER BY id").fetchall()
        return arts, evs
    finally:
        con.close()


def test_dask_ingest_matches_local(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text)
    local = _ingest(folder, tmp_path / "local.duckdb")
    assert local.returncode == 0, local.stderr
    dask = _ingest(folder, tmp_path / "dask.duckdb", "--dask", "local", "--workers", "2")
    assert dask.returncode == 0, dask.stderr
    arts_local, evs_local = _stored(tmp_path / "local.duckdb")
    arts_dask, evs_dask = _stored(tmp_path / "dask.duckdb")
    assert len(arts_local) == len(ARTICLES)
    assert evs_local, "the articles hold events"
    assert arts_dask == arts_local
    assert evs_dask == evs_local
    # a second Dask run over the same folder stores nothing new
    again = _ingest(folder, tmp_path / "dask.duckdb", "--dask", "local", "--workers", "2")
    assert again.returncode == 0, again.stderr
    assert "read: 0 new" in again.stdout
    assert _stored(tmp_path / "dask.duckdb") == (arts_dask, evs_dask)
