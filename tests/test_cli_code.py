"""`dyadwatch code`: any input `ingest` reads, events out as JSON lines, no database; bad inputs named."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dyadwatch.cli import app

PAGE = """<html><head><title>Chile recalls envoy</title><script>var x = "North Korea attacked Japan";</script></head>
<body><nav>Home | World | Sign up for our newsletter</nav><article><h1>Chile recalls envoy</h1>
<p>SANTIAGO, Jan 2 (Test Wire) - Chile recalled its ambassador from Peru on Thursday over a fishing
dispute, the foreign ministry said.</p></article><footer>Share this article on Facebook</footer></body></html>"""

GLUED = ("WASHINGTON (Test Wire) - The United States imposed new sanctions on Iran on Tuesday,the Treasury said."
         "Iran's foreign ministry condemned the sanctions.Advertisement")


def run(args: list[str], stdin: str | None = None):
    return CliRunner().invoke(app, ["code", *args], input=stdin, catch_exceptions=False)


def records(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def triples(recs: list[dict]) -> set[tuple[str, str, str]]:
    return {(r["actor"][0]["code"], (r.get("recipient") or [{"code": ""}])[0]["code"], r["event"]) for r in recs}


def test_a_text_file_an_html_page_and_a_folder(tmp_path: Path) -> None:
    (tmp_path / "glued.txt").write_text(GLUED, encoding="utf-8")
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    r = run([str(tmp_path / "glued.txt"), "--date", "2020-01-07"])
    assert r.exit_code == 0, r.output
    got = records(r.stdout)
    assert ("USA", "IRN", "SANCTION") in triples(got)
    assert all(e["date"] == "2020-01-07" for e in got)  # --date fills what the text lacks
    r = run([str(tmp_path)])  # a folder: both files
    got = records(r.stdout)
    assert r.exit_code == 0
    assert ("CHL", "PER", "SANCTION") in triples(got)
    assert len({e["story_id"] for e in got}) == 2
    # nothing from the page's script, menu or footer
    assert not any(e["actor"][0]["code"] == "PRK" for e in got)
    assert all("newsletter" not in e["event_text"] and "Facebook" not in e["event_text"] for e in got)


def test_json_lines_keep_their_ids_and_bad_lines_are_named(tmp_path: Path) -> None:
    good = {"id": "a1", "text": "Chile recalled its ambassador from Peru.", "date": "2020-01-02"}
    lines = [json.dumps(good), "{not json", "[" * 2000 + "]" * 2000, '{"id": "x", "text": "\\ud800 Peru"}',
             json.dumps({"id": "a2", "text": 42}), json.dumps({"id": "a3", "date": "2020-01-03",
                                                                "text": "Peru expelled Chile's ambassador."})]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    r = run([str(src), "-o", str(out)])
    assert r.exit_code == 1
    for line in (2, 3, 5):
        assert f"{src}:{line}:" in r.stderr, (line, r.stderr)
    got = records(out.read_text(encoding="utf-8"))
    assert {e["story_id"] for e in got} >= {"a1", "a3"}  # the lines after the bad ones are coded
    assert ("PER", "CHL", "SANCTION") in triples(got)


def test_stdin_missing_files_binary_and_other_languages(tmp_path: Path) -> None:
    r = run(["-"], stdin="Japan protested to China over the detention of its citizens, officials said.\n")
    assert r.exit_code == 0
    assert triples(records(r.stdout)) & {("JPN", "CHN", "PROTEST"), ("JPN", "CHN", "ACCUSE")}
    r = run([str(tmp_path / "nothere.txt")])
    assert r.exit_code == 2 and "no such file" in r.stderr
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 40)
    de = tmp_path / "de.txt"
    de.write_text("Die Bundesregierung hat am Montag neue Sanktionen gegen Russland verhängt, wie das "
                  "Auswärtige Amt in Berlin mitteilte. Die Maßnahmen treffen vor allem die Energiewirtschaft "
                  "und mehrere Banken des Landes.", encoding="utf-8")
    r = run([str(pdf), str(de)])
    assert r.exit_code == 1
    assert str(pdf) in r.stderr and "pdf" in r.stderr.lower()
    assert str(de) in r.stderr and "'de'" in r.stderr
    assert records(r.stdout) == []
    assert run([str(de), "--date", "someday"]).exit_code == 2
