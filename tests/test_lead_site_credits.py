"""A page title keeps the site's name after the headline ('... kill four civilians – BBC News'); the cleaner
drops the name, so a news site is never an actor or recipient of the story; headlines that merely hold a
dash, and sentences that end in a credit, are kept as they are."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from dyadwatch.cli import app
from dyadwatch.ingest.debris import clean_text

STRIPPED = [
    ("Peacekeepers in Mali kill three herders – BBC News", "Peacekeepers in Mali kill three herders"),
    ("Sahel bloc agrees on a joint force | Reuters", "Sahel bloc agrees on a joint force"),
    ("Kenya sends police officers to Haiti - The Star", "Kenya sends police officers to Haiti"),
    ("Islamabad summons Afghan envoy - Dawn.com", "Islamabad summons Afghan envoy"),
    ("Manila protests coast guard blockade — Philippine Daily Inquirer",
     "Manila protests coast guard blockade"),
    ("Armenia recalls ambassador – Caucasus Watch News | World", "Armenia recalls ambassador"),
    ("Junta expels French envoy -- AP News", "Junta expels French envoy"),
]

KEPT = [
    "Russia – Ukraine talks resume in Istanbul",
    "Biden meets Xi – a first since 2022",
    "Serbia - Kosovo: EU mediates talks in Brussels",
    "Protests grip Georgia – live updates",
    "The talks ended without a deal, Reuters reported.",
    "Officials said the strike killed four - Reuters.",
    "Ghana – Togo",
]


@pytest.mark.parametrize(("line", "want"), STRIPPED)
def test_site_name_after_headline_dropped(line: str, want: str) -> None:
    body = "Officials confirmed the report on Monday."
    assert clean_text(f"{line}\n\n{body}") == f"{want}\n\n{body}"


@pytest.mark.parametrize("line", KEPT)
def test_other_dashes_kept(line: str) -> None:
    assert clean_text(line) == line


@given(st.text(alphabet="abcdefgh ", min_size=12, max_size=60), st.sampled_from(["Reuters", "BBC News", "Dawn"]))
def test_lower_case_text_before_a_site_is_never_lost(head: str, site: str) -> None:
    """Whatever is stripped is only the site's name: the words before it survive."""
    out = clean_text(f"Talks {head.strip()}x – {site}")
    assert out.startswith("Talks")
    assert f"{head.strip()}x".split()[-1] in out


def test_site_is_no_party_of_the_coded_story(tmp_path: Path) -> None:
    rows = [
        {"id": "1", "date": "2023-08-10",
         "text": "African Union troops in Somalia kill four civilians – BBC News\n\nAfrican Union troops have "
                 "killed four civilians travelling in a car in southern Somalia, officials said."},
        {"id": "2", "date": "2023-08-10", "text": "Niger coup: Ecowas agrees on intervention plan – BBC News"},
        {"id": "3", "date": "2023-08-10", "text": "Kenya sends police officers to Haiti | Reuters"},
    ]
    src = tmp_path / "pages.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["code", str(src)], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    recs = [json.loads(line) for line in res.stdout.splitlines() if line.strip().startswith("{")]
    codes = {a["code"] for r in recs for a in (r["actor"] or []) + (r.get("recipient") or [])}
    assert recs, res.output
    assert "GBR" not in codes and "SOM" in codes
