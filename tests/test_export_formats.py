"""Exports: one typed Parquet schema, a flat CSV with one row per dyad, GDELT rows that keep ids,
URLs, places, counts and event types, PLOVER round trips that keep modality and date precision,
COW / Gleditsch-Ward numbers beside ISO, and the frame conversion helper."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from test_import_export import gdelt_row, write

from dyadwatch.events import Actor, Event, cameo_table
from dyadwatch.ingest.article import Article
from dyadwatch.store import Store
from dyadwatch.store.exporters import export_events, gdelt_event_id, write_parquet
from dyadwatch.store.frames import as_frame
from dyadwatch.store.importers import import_files


def own_events() -> list[Event]:
    """Events as the coder makes them, with modalities, precisions and a lexicon CAMEO code that
    does not map to the event's type in cameo.csv (163 is COERCE there, the event is SANCTION)."""
    return [
        Event(story_id="art1", event="SANCTION", actor=[Actor("USA", "GOV", "Washington", 0, 10)],
              recipient=[Actor("IRN", "GOV", "Tehran", 20, 26)], cameo="163", date="2024-02-01",
              date_precision="month", modality="hypothetical", confidence=0.7, event_text="..."),
        Event(story_id="art1", event="CONSULT", actor=[Actor("FRA"), Actor("DEU")], recipient=[],
              mode="multilateral", date="2024-02-03", date_precision="day", modality="negated", trigger="met",
              trigger_start=40, sentence_index=2),
        Event(story_id="art1", event="AGREE", actor=[Actor("JPN")], recipient=[Actor("KOR")], cameo="057",
              date=None, date_precision="undated", modality="future"),
    ]


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "x.duckdb") as s:
        art = Article(id="art1", raw_id="art1", title="t", text="x" * 100, url="https://paper.example/story",
                      date="2024-02-05", source="paper")
        s.add_article(art, own_events())
        f = write(tmp_path / "g.CSV", [gdelt_row("123456", "20240301", "USA", "PRK", "042", geo_fips="KN",
                                                 url="https://g.example/1")])
        import_files(s, "gdelt", [f])
        yield s


def test_parquet_has_real_types_and_cow_gw_codes(store: Store, tmp_path: Path):
    out = tmp_path / "e.parquet"
    assert write_parquet(store, out) == 4
    t = pq.read_table(out)
    assert t.schema.field("date").type == pa.date32()
    actor = t.schema.field("actor").type
    assert pa.types.is_list(actor) and pa.types.is_struct(actor.value_type)
    assert pa.types.is_struct(t.schema.field("evidence").type)
    assert pa.types.is_list(t.schema.field("context").type)
    assert t.schema.field("num_mentions").type == pa.int32()
    rows = {r["origin"] + (r["event"] or ""): r for r in t.to_pylist()}
    usa = rows["dyadwatchSANCTION"]
    assert (usa["actor_cow"], usa["actor_gw"], usa["recipient_cow"]) == (2, 2, 630)
    assert usa["actor"][0]["code"] == "USA" and usa["actor"][0]["start"] == 0
    assert rows["gdeltCONSULT"]["recipient_gw"] == 731
    # export -f parquet writes the same schema
    out2 = tmp_path / "e2.parquet"
    export_events(store, "parquet", out2)
    assert pq.read_table(out2).schema == t.schema


def test_csv_is_flat_one_row_per_dyad(store: Store, tmp_path: Path):
    out = tmp_path / "d.csv"
    assert export_events(store, "csv", out) == 4
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    pairs = sorted((r["source"], r["target"]) for r in rows)
    assert pairs == [("DEU", ""), ("FRA", ""), ("JPN", "KOR"), ("USA", "IRN"), ("USA", "PRK")]
    assert all(r["source"] != r["target"] for r in rows)
    jpn = next(r for r in rows if r["source"] == "JPN")
    assert (jpn["source_cow"], jpn["target_cow"], jpn["target_gw"]) == ("740", "732", "732")
    assert all("{" not in v for r in rows for v in r.values())  # nothing nested


def test_gdelt_export_ids_urls_places_counts_and_types(store: Store, tmp_path: Path):
    out1, out2 = tmp_path / "a.tsv", tmp_path / "b.tsv"
    export_events(store, "gdelt", out1)
    export_events(store, "gdelt", out2, type="SANCTION")
    rows = [line.split("\t") for line in out1.read_text().splitlines()]
    by_id = {r[0]: r for r in rows}
    assert "123456" in by_id  # GDELT's own id kept
    sanction = next(line.split("\t") for line in out2.read_text().splitlines())
    assert sanction[0] in by_id and by_id[sanction[0]] == sanction  # stable across exports
    g = by_id["123456"]
    assert g[60] == "https://g.example/1" and g[51:54] == ["4", "Springfield, Somewhere", "KN"]
    assert (g[31], g[32], g[33], g[34]) == ("2", "1", "2", "-1.0")
    assert sanction[60] == "https://paper.example/story"  # the article's URL
    assert sanction[51:53] == ["0", ""]  # no place: empty, not the actor's country
    with Store(tmp_path / "back.duckdb") as back:
        report = import_files(back, "gdelt", [out1])
        assert report.ok, report.messages
        types = sorted(r[0] for r in back.con.execute("SELECT event FROM events").fetchall())
    # GDELT is dyadic: the FRA+DEU meeting is one row per actor, each with its own stable id
    assert types == sorted(["SANCTION", "CONSULT", "CONSULT", "AGREE", "CONSULT"])
    assert len(by_id) == len(rows) == 5


def test_cameo_written_for_an_event_maps_back_to_its_type():
    from dyadwatch.store.exporters import cameo_for

    table = cameo_table()
    for row in table.values():
        if row["plover"]:
            for wrong in ("163", "057", "030", None):
                assert table[cameo_for(row["plover"], row["mode"], wrong)]["plover"] == row["plover"]


def test_plover_round_trip_keeps_modality_and_precision(store: Store, tmp_path: Path):
    out = tmp_path / "p.jsonl"
    export_events(store, "plover", out)
    with Store(tmp_path / "again.duckdb") as other:
        assert import_files(other, "plover", [out]).ok
        q = "SELECT id, event, modality, date_precision, date FROM events ORDER BY id"
        assert other.con.execute(q).fetchall() == store.con.execute(q).fetchall()
    assert {json.loads(line)["modality"] for line in out.read_text().splitlines()} >= {"negated", "future"}


def test_gdelt_event_id_is_stable_and_numeric():
    row = {"id": "0123456789abcdef", "origin": "dyadwatch", "origin_id": None}
    assert gdelt_event_id(row) == gdelt_event_id(dict(row)) == str(int("0123456789abcde", 16))


def test_as_frame_pandas_polars_arrow(store: Store):
    rel = store.con.sql("SELECT id, date FROM events ORDER BY id")
    pdf = as_frame(rel)
    assert len(pdf) == 4 and str(pdf["date"].dtype).startswith("datetime64")
    pl_df = as_frame(rel, as_="polars")
    assert str(pl_df.schema["date"]) == "Date"
    assert as_frame(rel, as_="arrow").schema.field("date").type == pa.date32()
    assert as_frame(pdf, as_="polars").height == 4
    with pytest.raises(ValueError, match="as_ must be one of"):
        as_frame(rel, as_="excel")


def test_csv_joint_act_is_both_directed_pairs_never_a_self_dyad(tmp_path: Path):
    with Store(tmp_path / "j.duckdb") as s:
        joint = Event(story_id="j1", event="AGREE", actor=[Actor("USA"), Actor("CHN")],
                      recipient=[Actor("USA"), Actor("CHN")], date="2024-03-01", date_precision="day")
        s.add_article(Article(id="j1", raw_id="j1", text="y" * 50, date="2024-03-01"), [joint])
        out = tmp_path / "j.csv"
        export_events(s, "csv", out)
        pairs = sorted((r["source"], r["target"]) for r in csv.DictReader(out.open(encoding="utf-8")))
    assert pairs == [("CHN", "USA"), ("USA", "CHN")]
