"""Fixtures in each distributed layout (GDELT 1.0 with 57 and 58 fields, GDELT 2.0 plain, .zip and
.gz, ICEWS .tab, POLECAT TSV and JSON lines, Phoenix) import with their documented columns kept as
typed columns, and round-trip through export: PLOVER JSON lines back into a fresh store give the
same events with the same source columns, Parquet holds the same values, and GDELT rows of GDELT
data come back with the same ids, types, dates, dyads and counts."""

from __future__ import annotations

import gzip
import json
import zipfile
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from test_import_export import ICEWS_HEADER, icews_row, phoenix_row
from test_import_formats import POLECAT_HEADER, polecat_row

from dyadwatch.store import Store
from dyadwatch.store.exporters import SOURCE_FIELDS, export_events
from dyadwatch.store.importers import import_files
from dyadwatch.store.synthetic import gdelt_lines

GDELT_KEPT = ["num_mentions", "num_sources", "num_articles", "avg_tone", "is_root_event", "source_url", "geo_type",
              "geo_name", "geo_country", "geo_adm1", "geo_lat", "geo_lon", "geo_feature_id", "actor_geo"]
KEPT = {  # columns each layout fills (documented in the modules of store/formats)
    "gdelt-1.0-57": [c for c in GDELT_KEPT if c != "source_url"],
    "gdelt-1.0-58": GDELT_KEPT, "gdelt-2.0": [*GDELT_KEPT, "geo_adm2"], "gdelt-2.0-zip": [*GDELT_KEPT, "geo_adm2"],
    "gdelt-2.0-gz": [*GDELT_KEPT, "geo_adm2"],
    "icews": ["intensity", "story_id", "publisher", "sentence_number", "geo_name", "geo_adm1", "geo_country",
              "geo_lat", "geo_lon", "event_text"],
    "polecat-tsv": ["intensity", "publisher", "headline", "geo_name", "geo_country", "geo_adm1", "geo_lat",
                    "geo_lon", "geo_feature_id", "story_people", "story_organizations", "story_locations"],
    "polecat-json": ["intensity", "publisher", "headline", "geo_name", "geo_country", "geo_lat", "geo_lon",
                     "geo_feature_id"],
    "phoenix": ["source_url", "publisher", "geo_name", "geo_country", "geo_adm1", "geo_lat", "geo_lon"],
}


def _gdelt(version: int, width: int) -> bytes:
    rows = [r.split("\t")[:width] for r in gdelt_lines(40, seed=8, version=version)]
    rows = [r for r in rows if not r[26].startswith("01")][:12]  # CAMEO 01x has no PLOVER type
    for k, r in enumerate(rows):  # ActionGeo_ADM2Code (2.0) and ActionGeo_FeatureID
        if width == 61:
            r[55], r[58] = f"{r[54]}{k:03d}", f"-{7000 + k}"
        else:
            r[55] = f"-{7000 + k}"
    return ("\n".join("\t".join(r) for r in rows) + "\n").encode()


def _polecat_json() -> bytes:
    recs = [{"Event ID": f"pj{i}", "Event Date": "2023-06-0" + str(i + 1), "Event Type": t, "Event Mode": m,
             "Event Intensity": str(-2.5 - i), "Contexts": "economic", "Actor Name": "United States",
             "Actor Country": "USA", "Actor Sector": "GOV", "Recipient Name": "China;Russia",
             "Recipient Country": "CHN;RUS", "Recipient Sector": "GOV;GOV", "Placename": "Geneva",
             "Country": "CHE", "Latitude": "46.2", "Longitude": "6.15", "GeoNames ID": "2660646",
             "Story ID": f"story-{i}", "Headline": "Talks", "Publisher": "Wire"}
            for i, (t, m) in enumerate([("ACCUSE", None), ("SANCTION", "withdraw"), ("CONSULT", "visit")])]
    return ("\n".join(json.dumps(r) for r in recs) + "\n").encode()


def fixture(layout: str, d: Path) -> tuple[str, Path]:
    if layout.startswith("gdelt"):
        data = _gdelt(2, 61) if layout.startswith("gdelt-2.0") else _gdelt(1, int(layout[-2:]))
        if layout.endswith("zip"):
            p = d / "20190301.export.CSV.zip"
            with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as zf:
                zf.writestr("20190301.export.CSV", data)
        elif layout.endswith("gz"):
            p = d / "20190301.export.CSV.gz"
            p.write_bytes(gzip.compress(data))
        else:
            p = d / "20190301.export.CSV"
            p.write_bytes(data)
        return "gdelt", p
    if layout == "icews":
        p = d / "events.2019.tab"
        p.write_text("\n".join([ICEWS_HEADER] + [
            icews_row(str(500 + i), f"2019-05-0{i + 1}", src, "Government", cty, code, "Citizen (France)",
                      "General Population / Civilian", "France")
            for i, (src, cty, code) in enumerate([("Vladimir Putin", "Russian Federation", "042"),
                                                  ("Government (Iran)", "Iran", "112"),
                                                  ("Police (Germany)", "Germany", "173")])]) + "\n")
        return "icews", p
    if layout == "polecat-tsv":
        p = d / "ngec_coded_v1.txt"
        p.write_text("\n".join(["\t".join(POLECAT_HEADER), polecat_row(),
                                polecat_row(**{"Event ID": "pc2", "Event Type": "AID", "Event Mode": ""})]) + "\n")
        return "polecat", p
    if layout == "polecat-json":
        p = d / "polecat.jsonl"
        p.write_bytes(_polecat_json())
        return "polecat", p
    p = d / "phoenix.tsv"
    p.write_text("\n".join([phoenix_row("p1", "20170102", "SYRMIL", "SYR", "MIL", "SYRREB", "SYR", "190"),
                            phoenix_row("p2", "20170103", "USAGOV", "USA", "GOV", "RUSGOV", "RUS", "036")]) + "\n")
    return "phoenix", p


COMPARED = ["id", "origin", "origin_id", "event", "mode", "context", "date", "date_precision", "actor_code",
            "recipient_code", "actor_sector", "cameo", "story_id", "event_text", *SOURCE_FIELDS]


def rows(store: Store) -> dict[str, dict]:
    cur = store.con.execute(f"SELECT {', '.join(COMPARED)} FROM events ORDER BY id")
    names = [c[0] for c in cur.description]
    return {r[0]: dict(zip(names, r)) for r in cur.fetchall()}


@pytest.mark.parametrize("layout", list(KEPT))
def test_layout_keeps_its_columns_and_round_trips(layout: str, tmp_path: Path):
    fmt, f = fixture(layout, tmp_path)
    with Store(tmp_path / "a.duckdb") as a:
        report = import_files(a, fmt, [f])
        assert report.ok and report.new >= 2, report.messages
        stored = rows(a)
        for col in KEPT[layout]:
            assert all(r[col] is not None for r in stored.values()), (layout, col)
        # PLOVER JSON lines, back into a fresh store: the same events and source columns
        out = tmp_path / "out.jsonl"
        assert export_events(a, "plover", out) == len(stored)
        with Store(tmp_path / "b.duckdb") as b:
            back = import_files(b, "plover", [out])
            assert back.ok and back.new == len(stored), back.messages
            again = rows(b)
            diff = {(i, k): (again[i][k], r[k]) for i, r in stored.items() for k in COMPARED
                    if again.get(i, {}).get(k) != r[k]}
            assert not diff, diff
            assert import_files(b, "plover", [out]).new == 0
        # Parquet: the same values, typed
        pq_out = tmp_path / "out.parquet"
        export_events(a, "parquet", pq_out)
        table = {r["id"]: r for r in pq.read_table(pq_out).to_pylist()}
        for i, r in stored.items():
            for col in KEPT[layout]:
                got = table[i][col]
                want = r[col]
                assert (list(got) if isinstance(got, tuple) else got) == (list(want) if isinstance(want, tuple)
                                                                          else want), (col, got, want)
        if fmt == "gdelt":  # GDELT rows of GDELT data: the same ids (GLOBALEVENTID), types, dates, counts
            g_out = tmp_path / "out.export.CSV"
            export_events(a, "gdelt", g_out)
            with Store(tmp_path / "c.duckdb") as c:
                assert import_files(c, "gdelt", [g_out]).ok
                keys = ["id", "event", "date", "actor_code", "recipient_code", "num_mentions", "num_sources",
                        "num_articles", "avg_tone", "source_url", "geo_name", "geo_lat", "geo_lon"]
                again = rows(c)
                assert set(again) == set(stored)
                for i, r in stored.items():
                    assert {k: again[i][k] for k in keys} == {k: r[k] for k in keys}


def test_json_record_already_stored_keeps_its_columns(tmp_path: Path):
    """Importing a record whose id is stored stores nothing: its typed columns were overwritten by
    the later record's before (found by bench/fuzz_import.py, which hashes the data loaded first)."""
    first, later = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    rec = {"Event ID": "k1", "Event Date": "2023-06-01", "Event Type": "ACCUSE", "Actor Country": "USA",
           "Recipient Country": "CHN", "Event Intensity": "-2.5", "Placename": "Geneva", "Latitude": "46.2"}
    first.write_text(json.dumps(rec) + "\n")
    later.write_text(json.dumps({**rec, "Event Intensity": "9", "Placename": "Elsewhere", "Latitude": "1"}) + "\n")
    with Store(tmp_path / "s.duckdb") as s:
        assert import_files(s, "polecat", [first]).new == 1
        report = import_files(s, "polecat", [later])
        assert report.new == 0 and report.already == 1
        assert s.con.execute("SELECT intensity, geo_name, geo_lat FROM events").fetchall() == [(-2.5, "Geneva", 46.2)]
