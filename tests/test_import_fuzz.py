"""Property tests of every importer: any bytes or rows, with good records around them. No
uncaught exception, the good records are stored, nothing is stored twice, and a re-import changes
nothing. (A longer run: HYPOTHESIS_PROFILE=fuzz, see conftest or set max_examples yourself.)"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_import_export import ICEWS_HEADER, icews_row, phoenix_row
from test_import_formats import POLECAT_HEADER, polecat_row

from dyadwatch.store import Store
from dyadwatch.store.importers import import_files
from dyadwatch.store.synthetic import gdelt_lines

EXAMPLES = int(os.environ.get("DYADWATCH_FUZZ_EXAMPLES", "12"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None,
                print_blob=True)

# bad records: arbitrary bytes (control bytes, CR, invalid UTF-8, tabs) and arbitrary text
junk_bytes = st.binary(max_size=300).map(lambda b: b.replace(b"\n", b" "))
junk_text = st.text(max_size=200).map(lambda t: t.replace("\n", " ").encode("utf-8", "surrogatepass"))


def fields_junk(n: int) -> st.SearchStrategy[bytes]:
    """A row of the right width with arbitrary values in its fields."""
    return st.lists(st.text(alphabet=st.characters(blacklist_characters="\t\n\r"), max_size=12),
                    min_size=n, max_size=n).map(lambda fs: "\t".join(fs).encode("utf-8", "surrogatepass"))


def run(fmt: str, good: list[bytes], bad: list[bytes], header: bytes | None = None, suffix: str = ".tsv"
        ) -> tuple[int, int, int]:
    """Write good and bad lines interleaved; import twice; return (new, stored, new on re-import)."""
    lines = []
    for i, g in enumerate(good):
        lines.append(g)
        if i < len(bad):
            lines.append(bad[i])
    lines.extend(bad[len(good):])
    with tempfile.TemporaryDirectory() as d:
        f = Path(d) / f"data{suffix}"
        f.write_bytes(((header + b"\n") if header else b"") + b"\n".join(lines) + b"\n")
        with Store(Path(d) / "s.duckdb") as s:
            first = import_files(s, fmt, [f])
            stored = s.con.execute("SELECT count(*), count(DISTINCT id) FROM events").fetchall()[0]
            assert stored[0] == stored[1]  # nothing stored twice
            dyads = s.con.execute("SELECT count(*), count(DISTINCT (event_id, source, target)) FROM event_dyads"
                                  ).fetchall()[0]
            assert dyads[0] == dyads[1]
            second = import_files(s, fmt, [f])
            return first.new, stored[0], second.new


GDELT_GOOD = [g.encode() for g in gdelt_lines(4, seed=99)]


@FUZZ
@given(st.lists(st.one_of(junk_bytes, junk_text, fields_junk(61), fields_junk(58)), min_size=1, max_size=6))
def test_gdelt_any_rows(bad: list[bytes]):
    _, stored, again = run("gdelt", GDELT_GOOD, bad)
    assert stored >= len(GDELT_GOOD) and again == 0


ICEWS_GOOD = [icews_row(str(900 + i), f"2019-01-0{i + 1}", "Russia", "Government", "Russian Federation",
                        "042", "France", "Government", "France").encode() for i in range(3)]


@FUZZ
@given(st.lists(st.one_of(junk_bytes, junk_text, fields_junk(20)), min_size=1, max_size=6))
def test_icews_any_rows(bad: list[bytes]):
    _, stored, again = run("icews", ICEWS_GOOD, bad, header=ICEWS_HEADER.encode())
    assert stored >= len(ICEWS_GOOD) and again == 0


PHOENIX_GOOD = [phoenix_row(f"ph{i}", "20170102", "SYRMIL", "SYR", "MIL", "SYRREB", "SYR", "190").encode()
                for i in range(3)]


@FUZZ
@given(st.lists(st.one_of(junk_bytes, junk_text, fields_junk(26)), min_size=1, max_size=6))
def test_phoenix_any_rows(bad: list[bytes]):
    _, stored, again = run("phoenix", PHOENIX_GOOD, bad)
    assert stored >= len(PHOENIX_GOOD) and again == 0


POLECAT_GOOD = [polecat_row(**{"Event ID": f"pcf{i}"}).encode() for i in range(3)]


@FUZZ
@given(st.lists(st.one_of(junk_bytes, junk_text, fields_junk(len(POLECAT_HEADER))), min_size=1, max_size=6))
def test_polecat_tsv_any_rows(bad: list[bytes]):
    _, stored, again = run("polecat", POLECAT_GOOD, bad, header="\t".join(POLECAT_HEADER).encode(),
                             suffix=".txt")
    assert stored >= len(POLECAT_GOOD) and again == 0


JSON_GOOD = [json.dumps({"id": f"j{i}", "date": "2023-01-02", "event": "ACCUSE", "actor": [{"country": "USA"}],
                         "recipient": [{"country": "CHN"}]}).encode() for i in range(3)]
json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
                           lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=8), c, max_size=3),
                           max_leaves=12)
json_records = st.fixed_dictionaries({"id": json_values, "event": st.sampled_from(["ACCUSE", "AID", 5, None]),
                                      "date": json_values}, optional={
    "actor": json_values, "recipient": json_values, "mode": json_values, "context": json_values,
    "confidence": json_values, "modality": json_values, "date_precision": json_values, "evidence": json_values,
    "location": json_values, "story_id": json_values, "cameo": json_values, "event_text": json_values,
}).map(lambda r: json.dumps(r).encode())
nasty = st.sampled_from([b'{"id": "s1", "event": "AID", "event_text": "\\ud800"}', b"[" * 1000 + b"]" * 1000,
                         b'{"id": ' + b"9" * 5000 + b', "event": "AID"}', b'{"id": "d", "event": "AID", "a": '
                         + b"[" * 2000 + b"]" * 2000 + b"}", b"[1, 2]", b"\xff\xfe{"])


@FUZZ
@given(st.lists(st.one_of(json_records, nasty, junk_bytes), min_size=1, max_size=6))
def test_polecat_json_any_records(bad: list[bytes]):
    _, stored, again = run("polecat", JSON_GOOD, bad, suffix=".jsonl")
    assert stored >= len(JSON_GOOD) and again == 0
