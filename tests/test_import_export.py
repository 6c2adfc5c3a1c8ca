"""Importers (GDELT, ICEWS, Phoenix, POLECAT/PLOVER) and exporters, on small files written here."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from dyadwatch.cli import app
from dyadwatch.store import Store
from dyadwatch.store.exporters import export_events
from dyadwatch.store.importers import import_event_id, import_files
from dyadwatch.store.synthetic import gdelt_lines


def gdelt_row(gid: str, date: str, a_country: str, r_country: str, code: str, version: int = 2,
              a_type: str = "GOV", r_type: str = "", geo_fips: str = "US", url: str = "https://x.example/1",
              a_group: str = "", a_code: str | None = None) -> str:
    """One GDELT row written field by field (2.0: 61 fields, 1.0: 58)."""
    g = 8 if version == 2 else 7
    actor1 = [a_code if a_code is not None else a_country + a_type, "ACTOR ONE", a_country, a_group,
              "", "", "", a_type, "", ""]
    actor2 = [r_country + r_type, "ACTOR TWO" if r_country else "", r_country, "", "", "", "", r_type, "", ""]
    geo = ["4", "Springfield, Somewhere", geo_fips, geo_fips + "01"] + ([""] if version == 2 else []) + [
        "1.5", "2.5", "123"]
    assert len(geo) == g
    row = ([gid, date, date[:6], date[:4], "2024.1"] + actor1 + actor2
           + ["1", code, code[:3], code[:2], "1", "0.0", "2", "1", "2", "-1.0"]
           + ["0"] + [""] * (g - 1) + ["0"] + [""] * (g - 1) + geo + ["20240101120000", url])
    return "\t".join(row)


@pytest.fixture
def store(db_file: Path):
    with Store(db_file) as s:
        yield s


def write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def dyads(store: Store) -> list[tuple]:
    return store.con.execute("SELECT source, target, event FROM event_dyads ORDER BY ALL").fetchall()


def test_gdelt_import_maps_codes_and_reports_bad_rows(store: Store, tmp_path: Path):
    f = write(tmp_path / "20240301.export.CSV", [
        gdelt_row("501", "20240301", "USA", "PRK", "0231", r_type="MIL", geo_fips="KN"),
        gdelt_row("502", "20240302", "ROM", "ZAR", "173"),  # CAMEO country codes that are not ISO
        gdelt_row("503", "20240303", "", "CHN", "042", a_group="UNO", a_code="IGOUNO"),
        "too\tfew\tfields",
        gdelt_row("504", "20240304", "USA", "CHN", "13y"),
        gdelt_row("505", "2024-03-05", "USA", "CHN", "042"),
        gdelt_row("506", "20240306", "USA", "CHN", "013"),  # public statement: no PLOVER type
        gdelt_row("501", "20240301", "USA", "PRK", "0231"),  # repeated GLOBALEVENTID
    ])
    v1 = write(tmp_path / "19790101.csv", [gdelt_row("507", "20240307", "GBR", "", "190", version=1)])  # 1.0
    report = import_files(store, "gdelt", [f, v1])
    assert report.rows == 9
    assert report.new == 4
    assert report.bad == 3 and report.duplicates == 1 and report.no_plover == 1
    assert not report.ok
    text = "\n".join(report.messages)
    assert f"{f}:4: wrong number of fields (expected 61, found 3)" in text
    assert f'{f}:5: unknown CAMEO code "13y"' in text
    assert f"{f}:6: wrong type in SQLDATE ('2024-03-05' is not a date)" in text
    assert f"{f}:8:" in text and "repeats line 1" in text

    e = store.event(import_event_id("gdelt", "501"))
    assert e is not None
    assert (e["event"], e["mode"], e["actor_code"], e["recipient_code"]) == ("REQUEST", "assist", "USA", "PRK")
    assert e["recipient_sector"] == "MIL" and e["origin"] == "gdelt" and e["origin_id"] == "501"
    assert e["original"]["EventCode"] == "0231" and e["geo_country"] == "PRK"
    assert e["goldstein"] == pytest.approx(3.4) and e["quad_code"] == 3
    assert e["date"] == "2024-03-01" and e["story_id"] == "https://x.example/1"
    assert store.event(import_event_id("gdelt", "502"))["actor_code"] == "ROU"
    assert store.event(import_event_id("gdelt", "502"))["recipient_code"] == "COD"
    assert store.event(import_event_id("gdelt", "503"))["actor_code"] == "UNO"
    e507 = store.event(import_event_id("gdelt", "507"))
    assert e507["event"] == "ASSAULT" and e507["recipient"] == [] and e507["recipient_code"] is None

    assert dyads(store) == sorted([("USA", "PRK", "REQUEST"), ("ROU", "COD", "COERCE"),
                                   ("UNO", "CHN", "CONSULT"), ("GBR", None, "ASSAULT")],
                                  key=lambda t: (t[0], t[1] or "", t[2]))
    assert store.count_events(actor="USA", recipient="PRK") == 1
    assert list(store.events(origin="gdelt", type="CONSULT")["origin_id"]) == ["503"]


def test_import_twice_stores_once(store: Store, tmp_path: Path):
    f = write(tmp_path / "g.tsv", gdelt_lines(40, seed=3))
    first = import_files(store, "gdelt", [f])
    assert first.new == 40 and first.bad == 0
    again = import_files(store, "gdelt", [f, f])
    assert again.new == 0 and again.already == 80
    assert store.counts()["events"] == 40
    assert store.con.execute("SELECT count(*) FROM event_dyads").fetchone()[0] == 40


def test_import_into_a_reopened_store(db_file: Path, tmp_path: Path):
    f = write(tmp_path / "g.tsv", gdelt_lines(10, seed=9))
    with Store(db_file) as s:
        assert import_files(s, "gdelt", [f]).new == 10
    with Store(db_file) as s:  # opening an existing file leaves the connection ready for imports
        report = import_files(s, "gdelt", [f])
        assert report.new == 0 and report.already == 10 and not report.messages
        assert import_files(s, "icews", [write(tmp_path / "i.tab", [ICEWS_HEADER])]).rows == 0


def test_crlf_and_latin1_files(store: Store, tmp_path: Path):
    crlf = tmp_path / "crlf.tsv"
    crlf.write_bytes("\r\n".join([gdelt_row("71", "20240101", "USA", "CAN", "051", url="https://x.example/crlf"),
                                   ""]).encode())
    assert import_files(store, "gdelt", [crlf]).new == 1
    assert store.event(import_event_id("gdelt", "71"))["story_id"] == "https://x.example/crlf"
    latin = tmp_path / "latin1.tsv"
    latin.write_bytes(gdelt_row("72", "20240101", "USA", "CAN", "051").replace("ACTOR ONE", "S\u00e3o").encode("latin-1"))
    report = import_files(store, "gdelt", [latin])
    assert report.new == 1 and report.messages == [f"{latin}: not valid UTF-8 (first at line 1): such lines read as Latin-1"]
    assert store.event(import_event_id("gdelt", "72"))["actor"][0]["entity_text"] == "S\u00e3o"


def test_missing_and_broken_files_do_not_stop_the_others(store: Store, tmp_path: Path):
    good = write(tmp_path / "good.tsv", gdelt_lines(5, seed=4))
    empty = write(tmp_path / "empty.tsv", [""])
    report = import_files(store, "gdelt", [tmp_path / "missing.tsv", empty, good])
    assert any("missing.tsv: no such file" in m for m in report.messages)
    assert report.new == 5


ICEWS_HEADER = ("Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\t"
                "Intensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\t"
                "Publisher\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude")


def icews_row(eid: str, date: str, src: str, src_sec: str, src_cty: str, code: str, tgt: str,
              tgt_sec: str, tgt_cty: str, text: str = "Make statement") -> str:
    fields = [eid, date, src, src_sec, src_cty, text, code, "1.0", tgt, tgt_sec, tgt_cty, "77", "1",
              "Daily Example", "Lyon", "", "Rhone", "France", "45.7", "4.8"]
    return "\t".join(fields)


def test_icews_import(store: Store, tmp_path: Path):
    f = write(tmp_path / "events.2019.tab", [
        ICEWS_HEADER,
        icews_row("1001", "2019-05-01", "Government (North Korea)", "Government,Executive", "North Korea",
                  "112", "Military (United States)", "Military", "United States"),
        icews_row("1002", "2019-05-02", "Citizen (France)", "General Population / Civilian", "France",
                  "13y", "Police (France)", "Police", "France"),
        icews_row("1003", "2019-05-03", "Russia", "", "Russian Federation", "42", "Iran", "", "Iran"),
        icews_row("1001", "2019-05-04", "Government (North Korea)", "Government", "North Korea", "112",
                  "Military (United States)", "Military", "United States"),  # same id, other date
        icews_row("1004", "2019-05-05", "United Nations", "", "", "0874", "Syria", "", "Syria"),
    ])
    report = import_files(store, "icews", [f])
    assert report.new == 3
    assert report.bad == 1 and f'{f}:3: unknown CAMEO code "13y"' in report.messages
    assert report.duplicates == 1 and any(m.startswith(f"{f}:5:") for m in report.messages)
    e = store.event(import_event_id("icews", "1001"))
    assert (e["actor_code"], e["actor_sector"], e["recipient_code"], e["recipient_sector"]) == (
        "PRK", "GOV", "USA", "MIL")
    assert e["event"] == "ACCUSE" and e["date"] == "2019-05-01"  # the first of the duplicates is kept
    assert e["original"]["Source Country"] == "North Korea"
    e3 = store.event(import_event_id("icews", "1003"))
    assert (e3["actor_code"], e3["recipient_code"], e3["cameo"], e3["mode"]) == ("RUS", "IRN", "042", "visit")
    e4 = store.event(import_event_id("icews", "1004"))
    assert (e4["actor_code"], e4["event"], e4["mode"]) == ("UNO", "RETREAT", "disarm")
    assert store.count_events(actor="PRK", recipient="USA", origin="icews") == 1


def phoenix_row(eid: str, ymd: str, src_full: str, src: str, src_role: str, tgt_full: str, tgt: str,
                code: str) -> str:
    return "\t".join([eid, ymd, ymd[:4], ymd[4:6], ymd[6:], src_full, src, src_role, "", tgt_full, tgt, "",
                      "", code, code[:2], "1", "1.0", "", "10.0", "20.0", "Somewhere", "Province", "SYR",
                      f"{eid}_1", "https://phoenix.example/a;https://phoenix.example/b", "wire"])


def test_phoenix_import(store: Store, tmp_path: Path):
    f = write(tmp_path / "phoenix.tsv", [
        phoenix_row("p1", "20170102", "SYRMIL", "SYR", "MIL", "SYRREB", "SYR", "190"),
        phoenix_row("p2", "20170103", "USAGOV", "USA", "GOV", "RUSGOV", "RUS", "036"),
        "p3\t20170104\tonly a few",
        phoenix_row("p4", "2017xx05", "USAGOV", "USA", "GOV", "RUSGOV", "RUS", "036"),
    ])
    report = import_files(store, "phoenix", [f])
    assert report.new == 2 and report.bad == 2
    assert f"{f}:3: wrong number of fields (expected 26, found 3)" in report.messages
    assert any(m.startswith(f"{f}:4: bad Date") for m in report.messages)
    e = store.event(import_event_id("phoenix", "p1"))
    assert (e["actor_code"], e["actor_sector"], e["recipient_code"], e["event"]) == ("SYR", "MIL", "SYR", "ASSAULT")
    assert e["story_id"] == "https://phoenix.example/a"
    assert dyads(store) == [("SYR", "SYR", "ASSAULT"), ("USA", "RUS", "AGREE")]


def test_polecat_import(store: Store, tmp_path: Path):
    recs = [
        {"id": "pc-1", "date": "2023-02-01", "event": "SANCTION", "mode": "withdraw", "context": "economic, diplomatic",
         "actor": [{"name": "European Union", "country": "EUR", "code_1": "GOV"}],
         "recipient": [{"name": "Russia", "country": "RUS"}], "story_id": "s1",
         "event_geolocation": {"resolved_placename": "Brussels", "country_code3": "BEL"}},
        {"id": "pc-2", "date": "2023-02-02", "event": ["PROTEST"], "actor": [{"country": "FRA", "code_1": "CVL"},
                                                                           {"country": "DEU"}]},
        {"id": "pc-3", "date": "2023-02-03", "event": "NOT_A_TYPE", "actor": []},
    ]
    lines = [json.dumps(r) for r in recs] + ["{not json"]
    f = write(tmp_path / "polecat.jsonl", lines)
    report = import_files(store, "polecat", [f])
    assert report.new == 2 and report.bad == 2
    assert any(m.startswith(f"{f}:3:") for m in report.messages)
    assert any(m.startswith(f"{f}:4:") for m in report.messages)
    e = store.event(import_event_id("polecat", "pc-1"))
    assert (e["event"], e["mode"], e["context"], e["location"]) == (
        "SANCTION", "withdraw", ["economic", "diplomatic"], "Brussels")
    assert e["plover_score"] == -6.0
    assert dyads(store) == [("DEU", None, "PROTEST"), ("EUR", "RUS", "SANCTION"), ("FRA", None, "PROTEST")]
    assert import_files(store, "plover", [f]).new == 0


def test_plover_export_round_trip(store: Store, tmp_path: Path):
    f = write(tmp_path / "g.tsv", gdelt_lines(30, seed=5))
    import_files(store, "gdelt", [f])
    out = tmp_path / "out.jsonl"
    assert export_events(store, "plover", out) == 30
    with Store(tmp_path / "second.duckdb") as other:
        report = import_files(other, "plover", [out])
        assert report.new == 30 and report.bad == 0
        cols = ["id", "date", "event", "mode", "actor_code", "actor_sector", "recipient_code", "cameo",
                "goldstein", "plover_score", "quad_code", "origin", "origin_id", "story_id", "location"]
        a = store.events()[cols].astype(str).values.tolist()
        b = other.events()[cols].astype(str).values.tolist()
        assert a == b
        assert dyads(store) == dyads(other)
        one = a[0][0]
        assert store.event(one)["original"] == other.event(one)["original"]
        assert store.event(one)["actor"] == other.event(one)["actor"]


def test_gdelt_csv_parquet_exports(store: Store, tmp_path: Path):
    import_files(store, "gdelt", [write(tmp_path / "g.tsv", gdelt_lines(12, seed=6))])
    gd = tmp_path / "out.gdelt.tsv"
    assert export_events(store, "gdelt", gd, actor="USA") == store.count_events(actor="USA")
    rows = [line.split("\t") for line in gd.read_text().splitlines()]
    assert rows and all(len(r) == 61 for r in rows)
    with Store(tmp_path / "again.duckdb") as other:
        assert import_files(other, "gdelt", [gd]).new == len(rows)
        assert dyads(other) == sorted(d for d in dyads(store) if d[0] == "USA")
    csv_out = tmp_path / "out.csv"
    assert export_events(store, "csv", csv_out) == 12
    assert csv_out.read_text().splitlines()[0].startswith("event_id,date,source,source_cow,source_gw,target")
    pq = tmp_path / "out.parquet"
    assert export_events(store, "parquet", pq, since="2015-01-01") == 12
    assert duckdb.connect().execute(f"SELECT count(*) FROM read_parquet('{pq}')").fetchone()[0] == 12


def test_cli_import_and_export(tmp_path: Path):
    db = tmp_path / "cli.duckdb"
    f = write(tmp_path / "g.tsv", [*gdelt_lines(3, seed=8), "broken\tline"])
    runner = CliRunner()
    res = runner.invoke(app, ["import", "gdelt", str(f), "--db", str(db)])
    assert res.exit_code == 1, res.output  # a bad row is a failure, the good ones are stored
    assert "3 new events" in res.output and f"{f}:4:" in res.output
    assert "1 wrong number of fields (first: " in res.output
    res = runner.invoke(app, ["export", "--format", "plover", "--db", str(db)])
    assert res.exit_code == 0
    assert len([json.loads(line) for line in res.output.splitlines() if line.startswith("{")]) == 3
    res = runner.invoke(app, ["import", "nonsense", str(f), "--db", str(db)])
    assert res.exit_code != 0


def test_code_tables():
    from dyadwatch.events import cameo_table
    from dyadwatch.store.codes import cameo_country_table, country_name_to_iso3, fips_table, sectors_to_plover

    assert fips_table()["GM"] == "DEU" and fips_table()["KN"] == "PRK" and fips_table()["UK"] == "GBR"
    assert cameo_country_table()["ROM"] == "ROU" and cameo_country_table()["FRA"] == "FRA"
    assert country_name_to_iso3("Russian Federation") == "RUS"
    assert country_name_to_iso3("North Korea") == "PRK"
    assert country_name_to_iso3("Occupied Palestinian Territory") == "PSE"
    assert country_name_to_iso3("Atlantis") is None
    assert sectors_to_plover("Government,Executive") == "GOV"
    assert sectors_to_plover("Police,Government") == "COP"
    table = cameo_table()
    assert len(table) > 300
    assert table["010"]["plover"] is None and table["020"]["plover"] == "REQUEST"
    assert all(row["plover"] for code, row in table.items() if not code.startswith("01"))
    assert all(row["label"] for row in table.values())
