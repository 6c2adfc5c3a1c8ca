"""Every format as distributed (plain, .zip, .gz, folders; GDELT 1.0/2.0 events and mentions,
ICEWS .tab and quoted Dataverse copies, POLECAT TSV, Phoenix) and the defects of issues 11 and 14:
each test fails on the importer before this change. Fixtures are written here, field by field."""

from __future__ import annotations

import gzip
import zipfile
from pathlib import Path

import duckdb
import pytest
from test_import_export import ICEWS_HEADER, gdelt_row, icews_row, phoenix_row, write
from typer.testing import CliRunner

from dyadwatch.cli import app
from dyadwatch.store import Store
from dyadwatch.store.importers import import_event_id, import_files
from dyadwatch.store.synthetic import gdelt_lines


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "t.duckdb") as s:
        yield s


def ev(store: Store, origin: str, oid: str) -> dict:
    e = store.event(import_event_id(origin, oid))
    assert e is not None, (origin, oid)
    return e


def mention_row(gid: str, url: str, source: str, sentence: int = 1) -> str:
    return "\t".join([gid, "20240301120000", "20240302090000", "1", source, url, str(sentence), "10", "40", "25",
                      "1", "80", "2300", "-2.5", "", ""])


# -- GDELT ----------------------------------------------------------------------------------------

def test_gdelt_zip_gz_and_folder_import_the_same_events_as_the_plain_file(tmp_path: Path):
    lines = gdelt_lines(25, seed=11)
    plain = write(tmp_path / "20240301.export.CSV", lines)
    zipped = tmp_path / "z" / "20240301.export.CSV.zip"
    zipped.parent.mkdir()
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(plain, "20240301.export.CSV")
    gz = tmp_path / "g" / "20240301.export.CSV.gz"
    gz.parent.mkdir()
    gz.write_bytes(gzip.compress(plain.read_bytes()))
    folder = tmp_path / "daily"
    folder.mkdir()
    write(folder / "20240301000000.gkg.csv", ["a\tb\tc"])  # a GKG file among the downloads: skipped
    write(folder / "20240301000000.export.CSV", lines[:10])
    write(folder / "20240301001500.export.CSV", lines[10:])
    results = []
    for i, src in enumerate([plain, zipped, gz, folder]):
        with Store(tmp_path / f"s{i}.duckdb") as s:
            report = import_files(s, "gdelt", [src])
            assert report.ok and report.new == 25, report.messages
            results.append(s.con.execute("SELECT id, event, actor_code, recipient_code, num_mentions, avg_tone "
                                         "FROM events ORDER BY id").fetchall())
    assert results[0] == results[1] == results[2] == results[3]


def test_gdelt_keeps_counts_tone_root_geo_and_url_as_typed_columns(store: Store, tmp_path: Path):
    f = write(tmp_path / "e.CSV", [gdelt_row("900", "20240301", "USA", "PRK", "042", geo_fips="KN",
                                             url="https://news.example/a")])
    assert import_files(store, "gdelt", [f]).ok
    row = store.con.execute(
        "SELECT num_mentions, num_sources, num_articles, avg_tone, is_root_event, source_url, geo_type, geo_name, "
        "geo_country, geo_adm1, geo_lat, geo_lon, geo_feature_id, actor_geo FROM events").fetchall()[0]
    assert row[:6] == (2, 1, 2, -1.0, True, "https://news.example/a")
    assert row[6:13] == (4, "Springfield, Somewhere", "PRK", "KN01", 1.5, 2.5, "123")
    assert row[13] is None  # Actor1Geo_Type 0: no place
    types = dict(store.con.execute("SELECT column_name, data_type FROM information_schema.columns "
                                   "WHERE table_name = 'events'").fetchall())
    assert types["num_mentions"] == "INTEGER" and types["avg_tone"] == "DOUBLE" and types["geo_lat"] == "DOUBLE"


def test_gdelt_01x_rows_are_dropped_before_duplicate_ids_are_resolved(tmp_path: Path):
    # the same GLOBALEVENTID as a public statement (no PLOVER type) and as an accusation
    rows = [gdelt_row("77", "20240301", "USA", "CHN", "013"), gdelt_row("77", "20240301", "USA", "CHN", "112")]
    one = write(tmp_path / "one.CSV", rows)
    with Store(tmp_path / "a.duckdb") as s:
        report = import_files(s, "gdelt", [one])
        assert report.new == 1 and report.no_plover == 1 and report.duplicates == 0
        whole = ev(s, "gdelt", "77")["event"]
    split = tmp_path / "split"
    split.mkdir()
    write(split / "1.CSV", rows[:1])
    write(split / "2.CSV", rows[1:])
    with Store(tmp_path / "b.duckdb") as s:
        import_files(s, "gdelt", [split])
        assert ev(s, "gdelt", "77")["event"] == whole == "ACCUSE"


def test_gdelt_regions_are_not_the_eu_or_the_african_union(store: Store, tmp_path: Path):
    f = write(tmp_path / "r.CSV", [
        gdelt_row("1", "20240301", "EUR", "RUS", "042"),  # Europe (a region)
        gdelt_row("2", "20240301", "", "RUS", "042", a_group="EEC", a_code="IGOEEC"),  # the European Union
        gdelt_row("3", "20240301", "AFR", "SDN", "042"),  # Africa (a region)
        gdelt_row("4", "20240301", "", "SDN", "042", a_group="OAU", a_code="IGOOAU"),  # the African Union
        gdelt_row("5", "20240301", "", "SDN", "042", a_group="AFU", a_code="IGOAFU"),  # the African Union
        gdelt_row("6", "20240301", "", "GRC", "042", a_group="WBK", a_code="IGOWBK"),  # the World Bank
        gdelt_row("7", "20240301", "", "ARG", "042", a_group="IMF", a_code="IGOIMF"),  # the IMF
    ])
    import_files(store, "gdelt", [f])
    codes = [ev(store, "gdelt", str(i))["actor_code"] for i in range(1, 8)]
    # the bodies get the codes the coder gives them (kb/data/organisations.csv), not a generic IGO
    assert codes == ["EUROPE", "EUR", "AFRICA", "AFU", "AFU", "WBK", "IMF"]


def test_imported_organisations_get_the_coders_codes():
    from dyadwatch.kb import load_kb
    from dyadwatch.store.codes import cameo_group_table, country_name_to_iso3

    kb = load_kb()
    for cameo, name in (("AFU", "African Union"), ("OAU", "African Union"), ("WBK", "World Bank"),
                        ("IMF", "International Monetary Fund"), ("ASN", "ASEAN"), ("UNO", "United Nations"),
                        ("EEC", "European Union"), ("NAT", "NATO")):
        coder = kb.resolve(name)
        assert cameo_group_table()[cameo] == country_name_to_iso3(name) == coder, (cameo, name, coder)


def test_gdelt_mentions_fill_the_counts_once(store: Store, tmp_path: Path):
    events = write(tmp_path / "20240301120000.export.CSV", [gdelt_row("55", "20240301", "USA", "IRN", "112")])
    mentions = write(tmp_path / "20240302090000.mentions.CSV", [
        mention_row("55", "https://a.example/1", "a.example"), mention_row("55", "https://a.example/2", "a.example"),
        mention_row("55", "https://b.example/1", "b.example"), mention_row("55", "https://c.example/1", "c.example"),
        mention_row("56", "https://c.example/9", "c.example"),  # an event not (yet) stored
    ])
    report = import_files(store, "gdelt", [events, mentions])
    assert report.ok and report.mentions == 5
    counts = store.con.execute("SELECT num_mentions, num_sources, num_articles FROM events").fetchall()[0]
    assert counts == (4, 3, 4)  # larger than the file's own 2, 1, 2
    again = import_files(store, "gdelt", [mentions])
    assert again.mentions == 0 and store.con.execute("SELECT count(*) FROM event_mentions").fetchone()[0] == 5
    assert store.con.execute("SELECT num_mentions FROM events").fetchone()[0] == 4


def test_a_bad_byte_line_or_carriage_return_costs_only_its_own_line(store: Store, tmp_path: Path):
    good = gdelt_lines(6, seed=21)
    f = tmp_path / "mixed.CSV"
    f.write_bytes(b"\n".join([
        good[0].encode(),
        good[1].replace("ACTOR", "AC\rTOR", 1).encode(),  # a stray carriage return inside a field
        good[2].encode() + b"\x01",  # a control byte
        b"x" * (2 << 20),  # a 2 MB line
        good[3].encode(), b"", good[4].encode(), good[5].encode(),
    ]) + b"\n")
    report = import_files(store, "gdelt", [f])
    assert report.new == 6
    assert report.bad == 1 and report.messages == [f"{f}:4: line too long (over 1,048,576 bytes)"]
    assert not report.ok


@pytest.mark.parametrize("crlf", [False, True])
def test_line_numbers_count_blank_lines(store: Store, tmp_path: Path, crlf: bool):
    # blank lines are skipped by DuckDB's reader and looked for only when a message needs a line
    # number; a file with CRs is read from a copy, one without in place: both count them
    rows = [gdelt_row("1", "20240301", "USA", "IRN", "042"), "", "",
            gdelt_row("2", "20240301", "USA", "IRN", "042"), gdelt_row("3", "20240301", "USA", "IRN", "999"),
            "", gdelt_row("4", "20240301", "USA", "IRN", "42"), gdelt_row("1", "20240302", "USA", "IRN", "043")]
    f = tmp_path / "blanks.CSV"
    f.write_bytes(("\r\n" if crlf else "\n").join(rows).encode() + b"\n")
    report = import_files(store, "gdelt", [f])
    assert report.new == 3 and report.bad == 1 and report.duplicates == 1 and report.warnings == 1
    assert f'{f}:5: unknown CAMEO code "999"' in report.messages
    assert any(m.startswith(f"{f}:7: warning: CAMEO code lost its leading zero") for m in report.messages)
    assert f"{f}:8: GLOBALEVENTID '1' repeats line 1; kept line 1" in report.messages


def test_line_numbers_and_first_duplicates_past_the_first_row_group(store: Store, tmp_path: Path):
    # DuckDB reads a big file in parallel and its joins do not keep the reader's order: a row's
    # line must come from its position in the file (past 122,880 rows, the first row group, too)
    rows = gdelt_lines(130_000, seed=5)
    rows.insert(125_000, gdelt_row("900000001", "20240301", "USA", "IRN", "999"))  # line 125,001
    rows.insert(129_000, gdelt_row("900000002", "20240301", "USA", "IRN", "042"))  # line 129,001
    rows.append(gdelt_row("900000002", "20240302", "USA", "IRN", "043"))  # line 130,003: its twin
    f = write(tmp_path / "big.CSV", rows)
    report = import_files(store, "gdelt", [f])
    assert f'{f}:125001: unknown CAMEO code "999"' in report.messages
    assert f"{f}:130003: GLOBALEVENTID '900000002' repeats line 129001; kept line 129001" in report.messages
    assert ev(store, "gdelt", "900000002")["cameo"] == "042"


def test_every_row_bad_exits_1_and_the_summary_names_reasons_and_lines(tmp_path: Path):
    f = write(tmp_path / "bad.CSV", ["not\tgdelt"] * 3 + [gdelt_row("1", "2024-13-01", "USA", "CHN", "042")])
    res = CliRunner().invoke(app, ["import", "gdelt", str(f), "--db", str(tmp_path / "x.duckdb")])
    assert res.exit_code == 1
    assert f"3 wrong number of fields (first: {f}:1, {f}:2, {f}:3)" in res.output
    assert f"1 wrong type in SQLDATE (first: {f}:4)" in res.output
    assert "0 new events" in res.output


def test_empty_files_get_a_message(store: Store, tmp_path: Path):
    empty = tmp_path / "empty.CSV"
    empty.write_bytes(b"")
    blank = write(tmp_path / "blank.CSV", ["", "  ", ""])
    report = import_files(store, "gdelt", [empty, blank])
    assert f"{empty}: empty file" in report.messages and f"{blank}: empty file" in report.messages


def test_a_locked_database_is_a_message_not_a_traceback(tmp_path: Path):
    import subprocess
    import sys

    db = tmp_path / "locked.duckdb"
    Store(db).close()
    code = "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); time.sleep(60)"
    holder = subprocess.Popen([sys.executable, "-c", code, str(db)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        f = write(tmp_path / "g.CSV", gdelt_lines(2, seed=1))
        for args in (["import", "gdelt", str(f)], ["export", "-f", "plover"]):
            res = CliRunner().invoke(app, [*args, "--db", str(db)])
            assert res.exit_code == 1
            assert "in use by another process" in res.output and "Traceback" not in res.output
    finally:
        holder.kill()
        holder.wait()


# -- ICEWS ----------------------------------------------------------------------------------------

def test_icews_names_heads_of_government_intensity_and_two_digit_codes(store: Store, tmp_path: Path):
    f = write(tmp_path / "events.2015.20150313.tab", [
        ICEWS_HEADER,
        icews_row("1", "2015-03-01", "Nikola Gruevski", "Executive,Executive Office,Government,Parties,Elite",
                  "the former Yugoslav Republic of Macedonia", "043", "Government (Greece)", "Government", "Greece"),
        icews_row("2", "2015-03-02", "Hamas", "Rebel,Parties", "Palestinian Territory, Occupied", "190",
                  "Israeli Defense Forces", "Military", "Israel"),
        icews_row("3", "2015-03-03", "Citizen (Greece)", "", "Greece", "12", "Government (Germany)", "", "Germany"),
        icews_row("4", "2015-03-04", "Citizen (Greece)", "", "Greece", "42", "Government (Germany)", "", "Germany"),
    ])
    report = import_files(store, "icews", [f])
    e1, e2 = ev(store, "icews", "1"), ev(store, "icews", "2")
    assert (e1["actor_code"], e1["actor_sector"], e1["recipient_code"]) == ("MKD", "GOV", "GRC")
    assert (e2["actor_code"], e2["actor_sector"], e2["recipient_sector"]) == ("PSE", "REB", "MIL")
    assert e1["intensity"] == 1.0 and e1["publisher"] == "Daily Example" and e1["sentence_number"] == 1
    assert (e1["geo_name"], e1["geo_adm1"], e1["geo_country"], e1["geo_lat"]) == ("Lyon", "Rhone", "FRA", 45.7)
    # "12" lost its leading zero: read as 012 (no PLOVER type) with a warning, never as root 12 REJECT
    assert store.event(import_event_id("icews", "3")) is None and report.no_plover == 1
    assert any(m.startswith(f"{f}:4: warning: CAMEO code lost its leading zero") and "not the root code 12" in m
               for m in report.messages)
    assert ev(store, "icews", "4")["cameo"] == "042" and report.warnings == 2


def test_icews_zipped_and_quoted_as_dataverse_serves_it(store: Store, tmp_path: Path):
    quoted = [ICEWS_HEADER.replace("\t", '"\t"').join('""')]
    quoted.append("\t".join(f'"{v}"' if not v.replace(".", "").replace("-", "").isdigit() else v
                            for v in icews_row("10", "2016-01-02", "Russia", "Government", "Russian Federation",
                                               "036", "Ukraine", "Government", "Ukraine").split("\t")))
    tab = write(tmp_path / "events.2016.tab", quoted)
    zipped = tmp_path / "events.2016.tab.zip"
    with zipfile.ZipFile(zipped, "w") as zf:
        zf.write(tab, "events.2016.tab")
    report = import_files(store, "icews", [zipped])
    assert report.ok, report.messages
    e = ev(store, "icews", "10")
    assert (e["actor_code"], e["recipient_code"], e["event"], e["story_id"]) == ("RUS", "UKR", "AGREE", "77")


# -- POLECAT TSV and Phoenix ----------------------------------------------------------------------------

POLECAT_HEADER = ["Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code", "Contexts",
                  "Actor Name", "Actor Country", "Actor COW", "Actor Sector", "Recipient Name", "Recipient Country",
                  "Recipient COW", "Recipient Sector", "Placename", "City", "State", "Country", "Latitude",
                  "Longitude", "GeoNames ID", "Feature Type", "Story ID", "Headline", "Publisher",
                  "Publication Date", "Story People", "Story Organizations", "Story Locations", "Language"]


def polecat_row(**kw: str) -> str:
    base = {"Event ID": "pc1", "Event Date": "2023-05-02", "Event Type": "SANCTION", "Event Mode": "withdraw",
            "Event Intensity": "-6.5", "Quad Code": "3", "Contexts": "economic;diplomatic",
            "Actor Name": "European Union", "Actor Country": "EUR", "Actor COW": "", "Actor Sector": "GOV",
            "Recipient Name": "Russia;Belarus", "Recipient Country": "RUS;BLR", "Recipient COW": "365;370",
            "Recipient Sector": "GOV;GOV", "Placename": "Brussels", "City": "Brussels", "State": "Brussels",
            "Country": "BEL", "Latitude": "50.85", "Longitude": "4.35", "GeoNames ID": "2800866",
            "Feature Type": "PPLC", "Story ID": "st-9", "Headline": "EU widens sanctions", "Publisher": "Wire",
            "Publication Date": "2023-05-02", "Story People": "Ursula von der Leyen",
            "Story Organizations": "European Union;Kremlin", "Story Locations": "Brussels;Moscow", "Language": "en"}
    base.update(kw)
    return "\t".join(base[h] for h in POLECAT_HEADER)


def test_polecat_tsv_maps_its_columns(store: Store, tmp_path: Path):
    f = write(tmp_path / "ngec_coded_v1.txt", ["\t".join(POLECAT_HEADER), polecat_row(),
                                               polecat_row(**{"Event ID": "pc2", "Event Type": "DANCE"})])
    report = import_files(store, "polecat", [f])
    assert report.new == 1 and report.bad == 1
    assert f'{f}:3: unknown PLOVER event type "DANCE"' in report.messages
    e = ev(store, "polecat", "pc1")
    assert (e["event"], e["mode"], e["context"], e["intensity"]) == ("SANCTION", "withdraw",
                                                                     ["economic", "diplomatic"], -6.5)
    assert [a["code"] for a in e["recipient"]] == ["RUS", "BLR"] and e["actor_code"] == "EUR"
    assert (e["geo_name"], e["geo_country"], e["geo_lat"], e["geo_feature_id"]) == ("Brussels", "BEL", 50.85,
                                                                                   "2800866")
    assert e["story_organizations"] == ["European Union", "Kremlin"] and e["headline"] == "EU widens sanctions"
    dy = store.con.execute("SELECT source, target FROM event_dyads ORDER BY ALL").fetchall()
    assert dy == [("EUR", "BLR"), ("EUR", "RUS")]


def test_polecat_tsv_dyads_of_several_actors(store: Store, tmp_path: Path):
    none = {"Recipient Name": "", "Recipient Country": "", "Recipient COW": "", "Recipient Sector": ""}
    f = write(tmp_path / "ngec_coded_v2.txt", [
        "\t".join(POLECAT_HEADER),
        # joint actors, no recipient: one dyad per actor (as reports.dyad_pairs), none lost
        polecat_row(**{"Event ID": "j1", "Actor Name": "France;Germany", "Actor Country": "FRA;DEU", **none}),
        # joint actors and recipients sharing a code: every pair but the self pair, each once
        polecat_row(**{"Event ID": "j2", "Actor Name": "France;Germany;France", "Actor Country": "FRA;DEU;FRA",
                       "Recipient Name": "Germany;Poland", "Recipient Country": "DEU;POL"}),
        # one actor that is also a recipient: the self pair is kept
        polecat_row(**{"Event ID": "j3", "Actor Name": "Poland", "Actor Country": "POL",
                       "Recipient Name": "Poland", "Recipient Country": "POL"}),
    ])
    import_files(store, "polecat", [f])

    def pairs(oid: str) -> list[tuple]:
        return store.con.execute("SELECT source, target FROM event_dyads WHERE event_id = ? ORDER BY ALL",
                                 [import_event_id("polecat", oid)]).fetchall()

    assert pairs("j1") == [("DEU", None), ("FRA", None)]
    assert pairs("j2") == [("DEU", "POL"), ("FRA", "DEU"), ("FRA", "POL")]
    assert pairs("j3") == [("POL", "POL")]


def test_polecat_json_lines_with_dataverse_names_and_geolocation(store: Store, tmp_path: Path):
    import json

    recs = [
        {"Event ID": "pj1", "Event Date": "2023-05-03", "Event Type": "ASSAULT", "Event Mode": "aerial",
         "Event Intensity": -9.5, "Contexts": "military", "Actor Name": "Russia", "Actor Country": "RUS",
         "Actor Sector": "MIL", "Recipient Name": "Ukraine", "Recipient Country": "UKR", "Placename": "Kharkiv",
         "Latitude": 49.99, "Longitude": 36.23, "GeoNames ID": "706483", "Country": "UKR",
         "Story People": "Volodymyr Zelensky", "Story Locations": "Kharkiv;Kyiv", "Publisher": "Wire"},
        {"id": "pj2", "date": "2023-05-04", "event": "CONSULT", "actor": [{"country": "FRA"}],
         "recipient": [{"country": "DEU"}], "publisher": "Paper", "headline": "Talks",
         "event_geolocation": {"geonameid": 2988507, "lat": 48.85, "lon": 2.35, "country_code3": "FRA",
                               "resolved_placename": "Paris"}},
        {"id": "pj3", "date": "2023-05-05", "event": "AID", "actor": [{"country": "USA"}],
         "Event Intensity": {"not": "a number"}},
    ]
    f = write(tmp_path / "polecat.jsonl", [json.dumps(r) for r in recs])
    report = import_files(store, "polecat", [f])
    assert report.new == 2 and report.bad == 1 and report.messages[0].startswith(f"{f}:3: ")
    e1, e2 = ev(store, "polecat", "pj1"), ev(store, "polecat", "pj2")
    assert (e1["event"], e1["mode"], e1["actor_code"], e1["recipient_code"], e1["intensity"]) == (
        "ASSAULT", "aerial", "RUS", "UKR", -9.5)
    assert (e1["geo_name"], e1["geo_lat"], e1["geo_feature_id"], e1["story_locations"]) == (
        "Kharkiv", 49.99, "706483", ["Kharkiv", "Kyiv"])
    assert (e2["geo_name"], e2["geo_country"], e2["geo_feature_id"], e2["headline"]) == (
        "Paris", "FRA", "2988507", "Talks")


def test_phoenix_keeps_place_and_url(store: Store, tmp_path: Path):
    f = write(tmp_path / "Phoenix.events.20170102.txt", [phoenix_row("p9", "20170102", "SYRMIL", "SYR", "MIL",
                                                                    "SYRREB", "SYR", "190")])
    assert import_files(store, "phoenix", [f]).ok
    e = ev(store, "phoenix", "p9")
    assert (e["source_url"], e["geo_name"], e["geo_lat"], e["geo_adm1"]) == (
        "https://phoenix.example/a", "Somewhere", 10.0, "Province")


def test_quoted_reader_detail_survives_duckdb(tmp_path: Path):
    # the reader's error messages carry the bad value, cut to 40 characters
    with Store(tmp_path / "q.duckdb") as s:
        f = write(tmp_path / "q.CSV", [gdelt_row("1", "2024x" + "9" * 60, "USA", "CHN", "042")])
        report = import_files(s, "gdelt", [f])
        assert report.bad == 1 and "..." in report.messages[0] and "is not a date" in report.messages[0]
    assert duckdb  # imported for the locked-database test's error types


def test_lines_that_are_not_utf8_are_read_as_latin1_and_the_others_kept(store: Store, tmp_path: Path):
    rows = gdelt_lines(3, seed=31)
    f = tmp_path / "mixed-encoding.CSV"
    f.write_bytes(b"\n".join([rows[0].replace("\t", "\tS\u00e3o ", 1).encode("utf-8")[:0] + rows[0].encode(),
                              rows[1].replace("https://", "https://s\u00e3o.", 1).encode("utf-8"),
                              rows[2].replace("https://", "https://s\u00e3o.", 1).encode("latin-1"),
                              b"\xed\xa5\xbc\x80\x9f"]) + b"\n")  # not UTF-8, and bytes DuckDB's Latin-1 refuses
    report = import_files(store, "gdelt", [f])
    assert report.new == 3 and report.bad == 1
    assert f"{f}: not valid UTF-8 (first at line 3): such lines read as Latin-1" in report.messages
    urls = {r[0] for r in store.con.execute("SELECT source_url FROM events").fetchall()}
    assert sum("s\u00e3o." in u for u in urls) == 2  # the UTF-8 line is not turned into mojibake
