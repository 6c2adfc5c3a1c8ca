"""CLI commands of the main job: `dyadwatch ingest`, `dyadwatch events`, `dyadwatch demo`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import duckdb
import typer

from ..ingest.readers import FIELDS
from .app import DbOption, app

FORMATS = ("table", "csv", "json", "parquet")
TABLE_LIMIT = 100


def _err(msg: str) -> None:
    typer.echo(msg, err=True)


def _db_failed(db: str | None, exc: Exception) -> typer.Exit:
    """A one-line message for a database that cannot be opened (locked by another process, not a
    DuckDB file, ...) and the exit to raise."""
    from ..config import db_path

    first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    _err(f"{db_path(db)}: cannot open the database ({first})")
    return typer.Exit(1)


def _field_map(fields: list[str] | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in fields or []:
        ours, sep, theirs = item.partition("=")
        if not sep or not ours.strip() or not theirs.strip():
            raise typer.BadParameter(f"{item!r}: expected OURS=THEIRS, e.g. text=body", param_hint="--field")
        if ours.strip() not in FIELDS:
            raise typer.BadParameter(f"{ours.strip()!r} is not one of our fields ({', '.join(FIELDS)}); "
                                     "write OURS=THEIRS, e.g. text=body", param_hint="--field")
        out[ours.strip()] = theirs.strip()
    return out


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files (.txt .html .jsonl .json, feeds .rss .xml .atom, "
                                                    "web archives .warc .warc.gz, URL lists .urls), "
                                                    "directories, or - for stdin")],
    db: str | None = DbOption,
    source: str | None = typer.Option(None, "--source", help="Source name for articles that carry none"),
    date: str | None = typer.Option(None, "--date", help="Publication date (YYYY-MM-DD) for articles "
                                                         "that carry none"),
    field: Annotated[list[str] | None, typer.Option("--field", help="Map a JSON field: OURS=THEIRS, "
                                                                    "e.g. --field text=body")] = None,
    progress: bool | None = typer.Option(None, "--progress/--no-progress",
                                         help="Progress bar (default: when stderr is a terminal)"),
    dask: str | None = typer.Option(None, "--dask", help="Code on a Dask cluster: 'local' starts one on "
                                                         "this machine, or give a scheduler address"),
    workers: int = typer.Option(2, "--workers", min=1, help="Worker processes for --dask local"),
    fetch: bool = typer.Option(False, "--fetch", help="Fetch the links of feed items and the URLs of .urls "
                                                      "lists (robots.txt, timeouts and size limits respected); "
                                                      "without it nothing is read from the network"),
    allow_private: bool = typer.Option(False, "--allow-private",
                                       help="With --fetch: also fetch URLs on this machine or the local network"),
) -> None:
    """Store articles and their coded events. Re-ingesting the same article changes nothing.

    .txt files may open with `Date:`, `Title:`, `Source:`, `URL:` header lines; otherwise a short
    first line followed by a blank line is the title. Feeds give one article per item (the linked
    page with --fetch, else the item's text); PDFs, images and other binary files are refused.
    Exit code 1 when any input failed.
    """
    from ..ingest import parse_date
    from ..pipeline import ingest_paths

    if date is not None and parse_date(date) is None:
        raise typer.BadParameter(f"{date!r} is not a date (YYYY-MM-DD)", param_hint="--date")
    show = sys.stderr.isatty() if progress is None else progress
    fm = _field_map(field)
    client = None
    fetcher = None
    if fetch:
        from ..ingest.fetch import Fetcher

        fetcher = Fetcher(allow_private=allow_private)
    try:
        coder = None
        if dask is not None:
            from ..distributed import dask_client, dask_coder

            client = dask_client(dask, workers=workers)
            coder = dask_coder(client)
        report = ingest_paths(paths, db=db, source=source, date=date, field_map=fm, progress=show,
                              coder=coder, fetcher=fetcher)
    except duckdb.Error as exc:
        raise _db_failed(db, exc) from None
    finally:
        if client is not None:
            client.close()
        if fetcher is not None:
            fetcher.close()
    for line in report.errors:
        _err(line)
    langs = ", ".join(f"{k} {v}" for k, v in sorted(report.languages.items()))
    typer.echo(f"{report.read} articles read: {report.stored_new} new ({langs or 'none'}), "
               f"{report.already_present} already stored, {report.events_stored} events stored, "
               f"{report.not_coded} not coded (language), {report.undated} undated, "
               f"{len(report.errors)} errors -> {report.db}")
    if report.errors:
        raise typer.Exit(1)


def _resolve(value: str | None, what: str) -> str | None:
    if not value:
        return None
    try:
        from ..kb import load_kb

        code = load_kb().resolve(value)
    except Exception:  # noqa: BLE001 - without a knowledge base, take the value as a code
        code = None
    if code is None:
        if value.isalpha() and value.isupper() and len(value) <= 6:
            return value
        raise typer.BadParameter(f"unknown actor {value!r}", param_hint=what)
    return code


def _place_country(value: str) -> str:
    """An ISO alpha-3 code for --place-country: a code as given, or a country's name."""
    value = value.strip()
    if len(value) == 3 and value.isalpha():
        return value.upper()
    import pycountry

    try:
        return pycountry.countries.lookup(value).alpha_3
    except LookupError:
        raise typer.BadParameter(f"{value!r}: not a country (give an ISO alpha-3 code such as UKR)",
                                 param_hint="--place-country") from None


def _marked_sentence(row: dict[str, Any]) -> Any:
    """The sentence as rich Text with the trigger marked (plain text: no markup is parsed)."""
    from rich.text import Text

    sentence = (row.get("event_text") or "").strip("\n")
    lead = len(row.get("event_text") or "") - len((row.get("event_text") or "").lstrip("\n"))
    sentence = sentence.replace("\n", " ")
    ev = row.get("evidence")
    if isinstance(ev, str):
        try:
            ev = json.loads(ev)
        except ValueError:
            ev = None
    trig = (ev or {}).get("trigger") or {}
    t_text, t_start = trig.get("text"), trig.get("start")
    s_start = (ev or {}).get("sentence_start")
    span = None
    if isinstance(t_start, int) and isinstance(s_start, int) and t_text:
        k = t_start - s_start - lead
        if 0 <= k and sentence[k:k + len(t_text)] == t_text:
            span = (k, k + len(t_text))
    if span is None and t_text:
        k = sentence.find(t_text)
        if k >= 0:
            span = (k, k + len(t_text))
    if not span:
        return Text(sentence)
    # marked twice: styled for terminals, and between « » for plain output (files, pipes)
    text = Text(sentence[:span[0]])
    text.append("«")
    text.append(sentence[span[0]:span[1]], style="bold underline")
    text.append("»")
    text.append(sentence[span[1]:])
    return text


def _side_codes(row: dict[str, Any], side: str) -> str:
    """Every actor (or recipient) code of an event, e.g. "USA+KOR"; the first code as a fallback."""
    raw = row.get(side)
    try:
        items = json.loads(raw) if isinstance(raw, str) else raw
        codes = [str(i.get("code")) for i in items or [] if isinstance(i, dict) and i.get("code")]
    except (TypeError, ValueError):
        codes = []
    if not codes:
        first = row.get(f"{side}_code")
        codes = [str(first)] if first is not None and str(first) != "nan" else []
    return "+".join(dict.fromkeys(codes))


def _text(value: Any) -> str:
    """A cell as plain text: missing values (None, NaN, NaT, pd.NA) as empty."""
    try:
        import pandas as pd

        if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def _event_table(df: Any, total: int, reports: bool = False) -> Any:
    """Events (or, with `reports`, reports) as a rich table; every cell plain text, never markup."""
    from rich.table import Table
    from rich.text import Text

    what = "reports" if reports else "events"
    table = Table(title=f"{len(df)} of {total} {what}", show_lines=False, expand=True)
    cols: list[tuple[str, dict]] = [("date", {"no_wrap": True}), ("actor", {}), ("event", {"no_wrap": True}),
                                    ("recipient", {}), ("modality", {"no_wrap": True}), ("conf", {"justify": "right"})]
    if reports:
        cols += [("outlet", {}), ("of event", {"no_wrap": True}), ("merged because", {"ratio": 1})]
    else:
        cols += [("reports", {"justify": "right"}), ("sources", {"justify": "right"}), ("outlets", {})]
    cols.append(("sentence («trigger»)", {"ratio": 2 if reports else 1}))
    for name, kw in cols:
        table.add_column(name, **kw)
    for row in df.to_dict("records"):
        date = row.get("date")
        undated = date is None or isinstance(date, float) or str(date) == "NaT"
        date_s = "undated" if undated else str(date)[:10]
        conf = row.get("confidence")
        cells = [Text(date_s), Text(_side_codes(row, "actor")), Text(str(row.get("event") or "")),
                 Text(_side_codes(row, "recipient")), Text(str(row.get("modality") or "")),
                 Text(f"{conf:.2f}" if isinstance(conf, (int, float)) else "")]
        if reports:
            into = _text(row.get("merged_into"))
            cells += [Text(_text(row.get("source"))), Text(into or f"{_text(row.get('id'))} (itself)"),
                      Text(_text(row.get("merge_reason")) or ("" if into else "earliest report"))]
        else:
            outlets = row.get("outlets")
            outlets = list(outlets) if outlets is not None and not isinstance(outlets, (str, float)) else []
            cells += [Text(_text(row.get("num_reports"))), Text(_text(row.get("num_sources"))),
                      Text(", ".join(str(o) for o in outlets))]
        cells.append(_marked_sentence(row))
        table.add_row(*cells)
    return table


JSON_COLUMNS = ("actor", "recipient", "evidence", "original", "mentions")


def _json_records(df: Any) -> list[dict[str, Any]]:
    """Rows as plain records: JSON columns as nested objects, lists as lists, missing as null."""
    import math

    out = []
    for rec in df.to_dict("records"):
        for key, value in rec.items():
            if key in JSON_COLUMNS and isinstance(value, str):
                try:
                    rec[key] = json.loads(value)
                except ValueError:
                    pass
            elif hasattr(value, "tolist"):
                rec[key] = value.tolist()
            elif isinstance(value, float) and math.isnan(value):
                rec[key] = None
            elif value is not None and not isinstance(value, (str, list, dict)) and _text(value) == "":
                rec[key] = None  # pd.NA of nullable integer columns, NaT
        out.append(rec)
    return out


EVENTS_HELP = """List stored events with their evidence.

An EVENT is one happening; a REPORT is that happening as one article tells it. The reports of one
act in different articles (the same story from several outlets, lightly edited wire copy, a
follow-up) are merged into one event: same actors, type and modality, compatible mode, CAMEO code
and towns named, dates that agree (or a near-duplicate story, found by MinHash LSH). Each event is
shown by its earliest report, with num_reports, num_articles, num_sources (distinct outlets, as in
GDELT), num_mentions (mentions in all its articles, also those inside one article), its outlets
and the date first reported. --reports lists every report instead: the event it belongs to and why
it was merged. A joint act ("A met B") is two events, A -> B and B -> A.

Analyses (dyad, regimes, impact, ...) count events by default, so one shelling told by three
outlets counts once. Report-level counting (`report_dyads`), the one-a-day convention and
source-weighted counts are for comparison; imported GDELT/ICEWS rows keep their own NumMentions,
NumSources, NumArticles, AvgTone and IsRootEvent as columns. --source keeps events reported by that
outlet (with --reports: the reports from it).
"""


@app.command(help=EVENTS_HELP)
def events(
    db: str | None = DbOption,
    actor: str | None = typer.Option(None, "--actor", help="Actor code or name (USA, 'North Korea')"),
    recipient: str | None = typer.Option(None, "--recipient", help="Recipient code or name"),
    type: str | None = typer.Option(None, "--type", help="PLOVER event type (ACCUSE, SANCTION, ...)"),
    since: str | None = typer.Option(None, "--since", help="From this date (YYYY-MM-DD)"),
    until: str | None = typer.Option(None, "--until", help="Up to this date (YYYY-MM-DD)"),
    modality: str | None = typer.Option(None, "--modality", help="asserted, negated, hypothetical, ..."),
    source: str | None = typer.Option(None, "--source", help="Only events reported by this outlet "
                                                             "(with --reports: reports from it)"),
    reports: bool = typer.Option(False, "--reports", help="Every report (one per article that told the "
                                                          "event), with its event and why it was merged"),
    place_country: str | None = typer.Option(None, "--place-country", help="Only events that happened in this "
                                             "country (ISO alpha-3 or a name; comma-separated for several)"),
    bbox: str | None = typer.Option(None, "--bbox", help="Only events placed inside WEST,SOUTH,EAST,NORTH "
                                    "(degrees; e.g. 22,44,41,53 for Ukraine)"),
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv, json (JSON lines) or parquet"),
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file")] = None,
    limit: int | None = typer.Option(None, "--limit", help=f"At most this many (table: {TABLE_LIMIT})"),
) -> None:
    from ..config import db_path
    from ..events import EVENT_TYPES, MODALITIES
    from ..ingest import parse_date
    from ..store import Store
    from ..store.core import parse_bbox

    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise typer.BadParameter(f"{fmt!r}: choose one of {', '.join(FORMATS)}", param_hint="--format")
    if fmt == "parquet" and output is None:
        raise typer.BadParameter("parquet needs -o FILE", param_hint="--format")
    if type and type.upper() not in EVENT_TYPES:
        raise typer.BadParameter(f"{type!r}: not a PLOVER type ({', '.join(EVENT_TYPES)})",
                                 param_hint="--type")
    if modality and modality not in MODALITIES:
        raise typer.BadParameter(f"{modality!r}: one of {', '.join(MODALITIES)}", param_hint="--modality")
    for name, value in (("--since", since), ("--until", until)):
        if value and parse_date(value) is None:
            raise typer.BadParameter(f"{value!r} is not a date", param_hint=name)
    try:
        box = parse_bbox(bbox)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--bbox") from None
    countries = [c for c in (_place_country(x) for x in (place_country or "").split(",") if x.strip()) if c]
    path = db_path(db)
    if not path.exists():
        _err(f"{path}: no such database (run `dyadwatch ingest` or `dyadwatch demo` first)")
        raise typer.Exit(1)
    a, r = _resolve(actor, "--actor"), _resolve(recipient, "--recipient")
    try:
        store = Store(path, read_only=True)
    except (duckdb.Error, RuntimeError) as exc:
        raise _db_failed(db, exc) from None
    what = "reports" if reports else "events"
    with store:
        filt = {"actor": a, "recipient": r, "type": type, "since": parse_date(since) if since else None,
                "until": parse_date(until) if until else None, "modality": modality, "source": source,
                "reports": reports, "place_country": countries or None, "bbox": box}
        if fmt == "parquet":
            from ..store.exporters import write_parquet

            n = write_parquet(store, output, **{k: v for k, v in filt.items() if v})
            _err(f"{n} {what} -> {output}")
            return
        total = store.count_events(**filt)
        if limit is None and fmt == "table" and output is None:
            limit = TABLE_LIMIT
        df = store.events(**filt, limit=limit, order="date")
    if fmt == "table":
        from rich.console import Console

        if output is not None:
            with open(output, "w", encoding="utf-8") as fh:
                Console(file=fh, width=160).print(_event_table(df, total, reports))
        else:  # piped output gets a wide table rather than 80 columns
            Console(width=None if sys.stdout.isatty() else 160).print(_event_table(df, total, reports))
        return
    for col in df.columns:  # DuckDB dates and lists -> plain values
        if str(df[col].dtype).startswith("datetime"):
            df[col] = df[col].dt.strftime("%Y-%m-%d" if col in ("date", "first_reported") else "%Y-%m-%dT%H:%M:%S")
    if fmt == "csv":
        data = df.to_csv(index=False)
    else:
        data = "".join(json.dumps(rec, ensure_ascii=False, default=str) + "\n" for rec in _json_records(df))
    if output is not None:
        Path(output).write_text(data, encoding="utf-8")
        _err(f"{len(df)} {what} -> {output}")
    else:
        sys.stdout.write(data)


@app.command()
def demo(db: str | None = DbOption) -> None:
    """Ingest the bundled sample corpus and show what was found (safe to run twice)."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from ..pipeline import run_demo

    console = Console()
    try:
        report, s = run_demo(db, progress=sys.stderr.isatty())
    except duckdb.Error as exc:
        raise _db_failed(db, exc) from None
    for line in report.errors:
        _err(line)
    console.print(f"Sample corpus -> {report.db}: {report.stored_new} new articles, "
                  f"{report.already_present} already stored, {report.events_stored} new events",
                  markup=False, soft_wrap=True)
    langs = ", ".join(f"{k} {v}" for k, v in s["articles_by_language"].items())
    console.print(f"Articles: {s['articles']} ({langs})", markup=False, soft_wrap=True)
    console.print(f"Events: {s['events']} ({s['undated_events']} undated), from {s['reports']} reports "
                  "(one per article that told an event; `dyadwatch events --help`)", markup=False, soft_wrap=True)
    t = Table(title="Events by type")
    t.add_column("type")
    t.add_column("events", justify="right")
    for k, v in s["events_by_type"].items():
        t.add_row(Text(str(k)), Text(str(v)))
    console.print(t)
    a, b = s["dyad"]
    d = Table(title=Text(f"{a} - {b} by month (asserted events, both directions)"))
    for c in ("month", "events", "quad1", "quad2", "quad3", "quad4", "net PLOVER"):
        d.add_column(c, justify="left" if c == "month" else "right")
    for row in s["dyad_by_month"].to_dict("records"):
        d.add_row(str(row["period"])[:7], str(int(row["n_events"])), *(str(int(row[f"quad{q}"]))
                                                                         for q in range(1, 5)),
                  f"{float(row['plover_net']):+.1f}")
    console.print(d)
    console.print("quad1 verbal cooperation, quad2 material cooperation, quad3 verbal conflict, "
                  "quad4 material conflict", markup=False, soft_wrap=True)
    if report.errors:
        raise typer.Exit(1)
