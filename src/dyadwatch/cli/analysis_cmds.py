"""CLI commands over dyadwatch.analysis: dyad, regimes, impact, reciprocity, triad."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from .app import DbOption, app

SPARK = "▁▂▃▄▅▆▇█"
FreqOption = typer.Option("month", "--freq", help="period: day, week, month, quarter or year")
SinceOption = typer.Option(None, "--since", help="first date (YYYY-MM-DD)")
UntilOption = typer.Option(None, "--until", help="last date (YYYY-MM-DD)")
ModalityOption = typer.Option("asserted", "--modality", help="event modality counted ('' for all)")
OriginOption = typer.Option(None, "--origin", help="only events of this origin (dyadwatch, gdelt, icews, ...)")
JsonOption = typer.Option(False, "--json", help="print machine-readable JSON")
OutputOption = typer.Option(None, "-o", "--output", help="export the series to FILE.csv or .parquet")
CountOption = typer.Option("events", "--count", help="what one unit is: events (each happening once) or reports")
OneADayOption = typer.Option(False, "--one-a-day", help="at most one record per day, dyad and event type")
RootOption = typer.Option(False, "--root-only", help="only GDELT root events (events without the flag are kept)")
WeightOption = typer.Option(None, "--weight", help="count each event by its sources, articles or mentions")
MeasureHelp = ("coop_balance (default), plover_mean, goldstein_mean, coop_share, quad1_share..quad4_share; "
               "counts: net_coop, coop, conflict, quad1..quad4, n_events; per 1,000 stored events: "
               "n_events_per_1k, net_coop_per_1k, ...")


# -- helpers ------------------------------------------------------------------------------------
def _fail(msg: str) -> NoReturn:
    typer.echo(f"error: {msg}", err=True)
    raise typer.Exit(1)


def _open(db: str | None) -> Any:
    from ..config import db_path
    from ..store import Store

    path = db_path(db)
    if not Path(path).exists():
        _fail(f"{path}: no such database (ingest or import events first, or pass --db)")
    try:
        return Store(path, read_only=True)
    except Exception as exc:  # noqa: BLE001 - one clear line for any failure to open
        _fail(f"{path}: cannot open: {exc}")


def _codes(*names: str) -> list[str]:
    from ..analysis import AnalysisError, resolve_actor

    try:
        return [resolve_actor(n) for n in names]
    except AnalysisError as exc:
        _fail(str(exc))


def _json(obj: Any) -> None:
    from ..analysis import to_jsonable

    typer.echo(json.dumps(to_jsonable(obj), ensure_ascii=False, indent=1))


def _num(x: Any, fmt: str = "{:+.2f}") -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "-"
    return fmt.format(x)


def _p(x: Any) -> str:
    if x is None:
        return "-"
    return "< 0.001" if x < 0.001 else f"{x:.3f}"


def sparkline(values: Sequence[float | None]) -> str:
    """A one-line chart of values with unicode blocks (blank where missing)."""
    vals = [v for v in values if v is not None and not math.isnan(v)]
    if not vals:
        return ""
    lo, hi = min(vals), max(vals)
    out = []
    for v in values:
        if v is None or math.isnan(v):
            out.append(" ")
        elif hi == lo:
            out.append(SPARK[len(SPARK) // 2])
        else:
            out.append(SPARK[round((v - lo) / (hi - lo) * (len(SPARK) - 1))])
    return "".join(out)


def diverging_bar(value: float, scale: float, width: int = 10) -> Text:
    """A bar left of the axis (red) for negative values, right of it (green) for positive ones."""
    n = 0 if not scale or value is None or math.isnan(value) else min(width, round(abs(value) / scale * width))
    if value and n == 0:
        n = 1
    text = Text()
    if value is not None and value < 0:
        text.append(" " * (width - n))
        text.append("█" * n, style="red")
        text.append("│" + " " * width)
    else:
        text.append(" " * width + "│")
        text.append("█" * n, style="green")
        text.append(" " * (width - n))
    return text


def _console() -> Console:
    """A console; wide when the output is not a terminal (files, pipes, tests)."""
    console = Console()
    return console if console.is_terminal else Console(width=160)


def _conv(count: str, one_a_day: bool, root_only: bool, weight: str | None) -> dict[str, Any]:
    """The counting-convention keyword arguments every analysis takes."""
    return {"count": count, "one_a_day": one_a_day, "root_only": root_only, "weight": weight or None}


def _run(fn: Any, *args: Any, **kwargs: Any) -> Any:
    from ..analysis import AnalysisError

    try:
        return fn(*args, **kwargs)
    except AnalysisError as exc:
        _fail(str(exc))


# -- dyad ---------------------------------------------------------------------------------------
@app.command("dyad")
def dyad_cmd(
    a: str = typer.Argument(..., help="first actor: a code (USA) or a name the knowledge base knows"),
    b: str = typer.Argument(..., help="second actor"),
    freq: str = FreqOption,
    since: str | None = SinceOption,
    until: str | None = UntilOption,
    directed: bool = typer.Option(False, "--directed", help="only A's actions toward B"),
    json_out: bool = JsonOption,
    output: Path | None = OutputOption,
    modality: str = ModalityOption,
    origin: str | None = OriginOption,
    count: str = CountOption,
    one_a_day: bool = OneADayOption,
    root_only: bool = RootOption,
    weight: str | None = WeightOption,
    db: str | None = DbOption,
) -> None:
    """Per-period series of a dyad: events by quad class and type, tone (balance of cooperation,
    mean PLOVER and Goldstein scores) and coverage; periods the store does not cover are marked."""
    from ..analysis import dyad_series

    ca, cb = _codes(a, b)
    if output is not None and output.suffix.lower() not in (".csv", ".parquet"):
        _fail(f"{output}: the export file must end in .csv or .parquet")
    with _open(db) as store:
        df = _run(dyad_series, store, ca, cb, freq=freq, since=since, until=until, directed=directed,
                  modality=modality or None, origin=origin, **_conv(count, one_a_day, root_only, weight))
    if df.empty:
        extra = f" ({df.attrs['n_undated']} undated events left out)" if df.attrs.get("n_undated") else ""
        _fail(f"no dated events between {ca} and {cb}{extra}")
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        if output.suffix.lower() == ".csv":
            df.to_csv(output, index=False)
        else:
            df.to_parquet(output, index=False)
        if not json_out:
            typer.echo(f"wrote {len(df)} rows to {output}")
    if json_out:
        _json({"dyad": f"{ca}-{cb}", "a": ca, "b": cb, "freq": freq, "directed": directed,
               "n_events": df.attrs["n_events"], "n_undated": df.attrs["n_undated"],
               "coverage": df.attrs.get("coverage"), "counting": df.attrs.get("counting"), "series": df})
        return
    if output is not None:
        return
    _print_series(df, ca, cb, freq, directed)


def _cell(x: Any, fmt: str = "{}") -> str:
    """A count or number for a table cell; '·' where it is missing (a period not covered)."""
    import pandas as pd

    if x is None or pd.isna(x):
        return "·"
    return fmt.format(x)


def _print_series(df: Any, ca: str, cb: str, freq: str, directed: bool) -> None:
    console = _console()
    main = df[df["direction"] == ("a->b" if directed else "both")].reset_index(drop=True)
    ab = df[df["direction"] == "a->b"].set_index("period")
    ba = df[df["direction"] == "b->a"].set_index("period") if not directed else None
    net = main["net_coop"].astype(float)
    scale = float(net.abs().max() or 1) if net.notna().any() else 1.0
    title = f"{ca} → {cb}" if directed else f"{ca} ↔ {cb}"
    table = Table(title=f"{title}, per {freq}")
    has_goldstein = bool(main["goldstein_mean"].notna().any())
    table.add_column("period", no_wrap=True, min_width=10)
    table.add_column("events", justify="right")
    if not directed:
        table.add_column(f"{ca}→{cb}", justify="right")
        table.add_column(f"{cb}→{ca}", justify="right")
    for col in ("v.coop", "m.coop", "v.confl", "m.confl"):
        table.add_column(col, justify="right")
    table.add_column("balance", justify="right")
    table.add_column("PLOVER", justify="right")
    if has_goldstein:
        table.add_column("Goldst.", justify="right")
    table.add_column("net", justify="right")
    table.add_column("conflict │ cooperation", no_wrap=True)
    for r in main.itertuples():
        if not r.covered:
            cells = [r.period, "·"] + (["·", "·"] if not directed else []) + ["·"] * 4 + ["-", "-"]
            if has_goldstein:
                cells.append("-")
            table.add_row(*cells, "·", Text("not covered by the store", style="dim"))
            continue
        cells = [r.period, _cell(r.n_events)]
        if not directed:
            cells += [_cell(ab.loc[r.period, "n_events"]), _cell(ba.loc[r.period, "n_events"])]
        cells += [_cell(r.quad1), _cell(r.quad2), _cell(r.quad3), _cell(r.quad4), _num(r.coop_balance),
                  _num(r.plover_mean)]
        if has_goldstein:
            cells.append(_num(r.goldstein_mean))
        cells.append(_cell(r.net_coop, "{:+}"))
        table.add_row(*cells, diverging_bar(float(r.net_coop), scale, width=10))
    console.print(table)
    console.print(f"net cooperation: {sparkline(net.tolist())}", markup=False)
    console.print(f"balance of cooperation: {sparkline(main['coop_balance'].astype(float).tolist())}", markup=False)
    types = [t for t in main.columns if t.isupper()]
    totals = main[types].astype(float).sum().sort_values(ascending=False)
    top = ", ".join(f"{t} {n:g}" for t, n in totals.items() if n > 0)
    console.print(f"event types: {top}", markup=False)
    cov = df.attrs.get("coverage")
    uncovered = int((~main["covered"]).sum())
    if cov:
        console.print(f"store coverage {cov[0]} to {cov[1]}" +
                      (f"; {uncovered} {freq}(s) without any stored event are not covered (·)" if uncovered else ""),
                      markup=False)
    if df.attrs.get("n_undated"):
        console.print(f"{df.attrs['n_undated']} undated events left out", markup=False)


# -- regimes ------------------------------------------------------------------------------------
@app.command("regimes")
def regimes_cmd(
    a: str = typer.Argument(..., help="first actor"),
    b: str = typer.Argument(..., help="second actor"),
    freq: str = typer.Option("auto", "--freq", help="auto (week, month or quarter by the dyad's volume), "
                                                    "day, week, month, quarter or year"),
    since: str | None = SinceOption,
    until: str | None = UntilOption,
    measure: str | None = typer.Option(None, "--measure", help=MeasureHelp),
    penalty: float | None = typer.Option(None, "--penalty", help="penalty per change point, > 0 "
                                         "(default: beta * log(periods), in units of the noise)"),
    beta: float = typer.Option(2.5, "--beta", help="penalty factor when --penalty is not given (> 0)"),
    min_size: int | None = typer.Option(None, "--min-size", help="fewest periods in a regime "
                                        "(default 3 days, 8 weeks, 3 months, 2 quarters)"),
    top: int = typer.Option(3, "--top", help="events listed for the opening period of each regime"),
    json_out: bool = JsonOption,
    modality: str = ModalityOption,
    origin: str | None = OriginOption,
    count: str = CountOption,
    one_a_day: bool = OneADayOption,
    root_only: bool = RootOption,
    weight: str | None = WeightOption,
    db: str | None = DbOption,
) -> None:
    """Change points in a dyad's tone: regimes, their levels, tone and opening events."""
    from ..analysis import dyad_regimes

    ca, cb = _codes(a, b)
    with _open(db) as store:
        reg = _run(dyad_regimes, store, ca, cb, freq=freq, since=since, until=until, measure=measure,
                   penalty=penalty, beta=beta, min_size=min_size, top=top, modality=modality or None,
                   origin=origin, **_conv(count, one_a_day, root_only, weight))
    meta = dict(reg.attrs)
    if json_out:
        _json({**meta, "regimes": reg})
        return
    console = _console()
    table = Table(title=f"{ca} ↔ {cb}: {len(reg)} regime(s) of {meta['measure']} per {meta['freq']}")
    for col in ("#", "start", "end", "periods", "level (95% CI)", "tone", "events"):
        table.add_column(col, justify="right" if col in ("#", "periods", "events") else "left")
    table.add_column("opening events")
    style = {"cooperative": "green", "conflictual": "red", "neutral": "", None: ""}
    for r in reg.itertuples():
        opening = Text()
        for e in r.top_events:
            sentence = (e.get("event_text") or "").replace("\n", " ")
            if len(sentence) > 64:
                sentence = sentence[:63] + "…"
            opening.append(f"{e['date']} {e['source']}→{e['target']} {e['event'] or '?'} ({_num(e['plover_score'])})\n")
            opening.append("  " + sentence + "\n", style="dim")
        table.add_row(str(r.regime), r.start, r.end, str(r.n_periods),
                      f"{_num(r.level)} ({_num(r.level_ci_low)} to {_num(r.level_ci_high)})",
                      Text(r.tone or "-", style=style.get(r.tone, "")), _cell(r.n_events, "{:g}"),
                      opening.rstrip() or opening)
    console.print(table)
    band = meta.get("band")
    band_txt = f"; neutral band {band[0]:+g} to {band[1]:+g}" if band else ""
    pen = f"penalty {meta['penalty']:.2f}" + (f" (beta {meta['beta']:g} x log {meta['n_observed']} periods)"
                                              if meta.get("beta") else "")
    console.print(f"{pen}, regimes of at least {meta['min_size']} {meta['freq']}s{band_txt}; "
                  f"change points: {', '.join(meta['change_points']) or 'none'}", markup=False)
    if meta.get("n_undated"):
        console.print(f"{meta['n_undated']} undated events left out", markup=False)


# -- impact -------------------------------------------------------------------------------------
@app.command("impact")
def impact_cmd(
    a: str = typer.Argument(..., help="first actor"),
    b: str = typer.Argument(..., help="second actor"),
    date: str | None = typer.Option(None, "--date", help="date of the event (YYYY-MM-DD)"),
    event: str | None = typer.Option(None, "--event", help="a stored event id: its date is used"),
    window: int | None = typer.Option(None, "--window", help="periods either side of the date "
                                      "(default: a year; 0 = the whole coverage)"),
    freq: str = typer.Option("week", "--freq", help="period: day, week, month, quarter or year"),
    measure: str | None = typer.Option(None, "--measure", help=MeasureHelp),
    since: str | None = SinceOption,
    until: str | None = UntilOption,
    robust: bool = typer.Option(True, "--robustness/--no-robustness",
                                help="also run the test over the other specifications"),
    json_out: bool = JsonOption,
    modality: str = ModalityOption,
    origin: str | None = OriginOption,
    count: str = CountOption,
    one_a_day: bool = OneADayOption,
    root_only: bool = RootOption,
    weight: str | None = WeightOption,
    db: str | None = DbOption,
) -> None:
    """Did the dyad change after a date? Segmented regression (level and trend) with a placebo
    test, the volume apart from the tone, and how many other specifications agree."""
    from ..analysis import dyad_impact

    if not date and not event:
        _fail("give --date YYYY-MM-DD or --event ID")
    ca, cb = _codes(a, b)
    with _open(db) as store:
        res = _run(dyad_impact, store, ca, cb, date=date, event_id=event, freq=freq, window=window,
                   measure=measure, since=since, until=until, modality=modality or None, origin=origin,
                   robustness=robust, **_conv(count, one_a_day, root_only, weight))
    if json_out:
        _json(res)
        return
    console = _console()
    style = {True: "bold green", False: "bold", None: "yellow"}[res["significant"]]
    if res.get("event"):
        ev = res["event"]
        console.print(Text(f"event {ev['id']} {ev['date']} {ev['actor_code']}→{ev['recipient_code']} "
                           f"{ev['event']}: {ev.get('event_text') or ''}"))
    console.print(Text(res["verdict_relationship"], style=style))
    if res.get("level_change") is not None:
        table = Table(show_header=True)
        for col in ("", "estimate", "95% CI", "p"):
            table.add_column(col, justify="right")
        table.add_row("level change", _num(res["level_change"]),
                      f"{_num(res['ci_low'])} to {_num(res['ci_high'])}", _p(res["p_value"]))
        if res.get("trend_change") is not None:
            table.add_row(f"trend change (per {res['freq']})", _num(res["trend_change"], "{:+.3f}"),
                          f"{_num(res.get('trend_ci_low'), '{:+.3f}')} to {_num(res.get('trend_ci_high'), '{:+.3f}')}",
                          _p(res.get("trend_p_value")))
            table.add_row("mean change after the date", _num(res.get("effect")),
                          f"{_num(res.get('effect_ci_low'))} to {_num(res.get('effect_ci_high'))}", "")
            table.add_row("level and trend jointly", "", "", _p(res.get("joint_p_value")))
            table.add_row("level before / after", f"{_num(res.get('pre_level'))} / {_num(res.get('post_level'))}",
                          "", "")
        table.add_row("placebo p", _num(res["placebo_p"], "{:.2f}"), f"{res['n_placebo']} placebo dates", "")
        console.print(table)
    console.print(Text(res["verdict_volume"]))
    rob = res.get("robustness")
    if rob:
        rt = Table(title="the same test over other specifications")
        for col in ("measure", "period", "window", "verdict", "joint p", "placebo p", "periods before/after"):
            rt.add_column(col, justify="right" if col not in ("measure", "verdict") else "left")
        for sp in rob["specs"]:
            verdict = ("too few data" if sp["significant"] is None else
                       f"change {sp['direction']}" if sp["significant"] else "no significant change")
            rt.add_row(sp["measure"] + (" (default)" if sp["default"] else ""), sp["freq"], str(sp["window"]),
                       verdict, _p(sp["joint_p_value"]), _num(sp["placebo_p"], "{:.2f}"),
                       f"{sp['n_obs_pre']}/{sp['n_obs_post']}")
        console.print(rt)
        console.print(Text(rob["summary"], style="bold" if rob["agree"] else "bold yellow"))
    vals = [s["value"] for s in res.get("series", [])]
    if vals:
        n_pre = res["n_pre"]
        console.print(f"{res['measure']} per {res['freq']}, {res['window_text']} "
                      f"({res['n_pre']} before | {res['n_post']} after; blank: no events or not covered):",
                      markup=False)
        line = sparkline(vals)
        console.print(line[:n_pre] + "┃" + line[n_pre:], markup=False)
    if res.get("n_undated"):
        console.print(f"{res['n_undated']} undated events left out", markup=False)


# -- reciprocity --------------------------------------------------------------------------------
@app.command("reciprocity")
def reciprocity_cmd(
    a: str = typer.Argument(..., help="first actor"),
    b: str = typer.Argument(..., help="second actor"),
    freq: str = typer.Option("week", "--freq", help="period: day, week, month, quarter or year"),
    max_lag: int = typer.Option(4, "--max-lag", help="largest lag in periods"),
    measure: str = typer.Option("net_coop", "--measure", help=MeasureHelp.replace(" (default)", "")),
    keep_mirrors: bool = typer.Option(False, "--keep-mirrors",
                                      help="keep same-day mirror events (one act coded both ways)"),
    since: str | None = SinceOption,
    until: str | None = UntilOption,
    json_out: bool = JsonOption,
    modality: str = ModalityOption,
    origin: str | None = OriginOption,
    count: str = CountOption,
    one_a_day: bool = OneADayOption,
    root_only: bool = RootOption,
    weight: str | None = WeightOption,
    db: str | None = DbOption,
) -> None:
    """Does each side's behaviour follow the other's? Lagged correlations, Granger tests and VAR
    impulse responses (associations in time, not proof of cause)."""
    from ..analysis import dyad_reciprocity

    ca, cb = _codes(a, b)
    with _open(db) as store:
        res = _run(dyad_reciprocity, store, ca, cb, freq=freq, max_lag=max_lag, measure=measure, since=since,
                   until=until, modality=modality or None, origin=origin,
                   mirrors="keep" if keep_mirrors else "drop", **_conv(count, one_a_day, root_only, weight))
    if json_out:
        _json(res)
        return
    console = _console()
    if res["crosscorr"]:
        table = Table(title=f"{ca} ↔ {cb}: {measure} per {freq} ({res['n_periods']} periods, "
                            f"{res['n_used']} consecutive for Granger and the VAR)")
        table.add_column("lag", justify="right")
        table.add_column(f"{cb} follows {ca} (r)", justify="right")
        table.add_column(f"Granger p {ca}→{cb}", justify="right")
        table.add_column(f"{ca} follows {cb} (r)", justify="right")
        table.add_column(f"Granger p {cb}→{ca}", justify="right")
        granger = {g["lag"]: g for g in res["granger"]}
        for c in res["crosscorr"]:
            g = granger.get(c["lag"], {})
            lag = "0 (same period)" if c["lag"] == 0 else str(c["lag"])
            table.add_row(lag, _num(c["b_responds_to_a"]), _num(g.get("a_causes_b_p"), "{:.4f}"),
                          _num(c["a_responds_to_b"]), _num(g.get("b_causes_a_p"), "{:.4f}"))
        console.print(table)
    if res.get("var"):
        var = res["var"]
        vt = Table(title=f"VAR({var['lag_order']}) responses to a one-SD rise in the other side's {measure}")
        vt.add_column("periods later", justify="right")
        vt.add_column(f"{cb}→{ca} after {ca}→{cb} rises", justify="right")
        vt.add_column(f"{ca}→{cb} after {cb}→{ca} rises", justify="right")
        for h1, h2 in zip(var["b_to_a_shock"], var["a_to_b_shock"]):
            vt.add_row(str(h1["horizon"]), f"{_num(h1['response'])} ({_num(h1['ci_low'])} to {_num(h1['ci_high'])})",
                       f"{_num(h2['response'])} ({_num(h2['ci_low'])} to {_num(h2['ci_high'])})")
        console.print(vt)
    if res.get("same_period") and res["same_period"]["correlation"] is not None:
        console.print(Text(f"same-period correlation r = {res['same_period']['correlation']:+.2f}: "
                           "an association within the period, not a response"))
    for r in res["responses"]:
        console.print(Text(r["summary"]))
    if res["note"]:
        console.print(Text(res["note"], style="yellow"))


# -- triad --------------------------------------------------------------------------------------
@app.command("triad")
def triad_cmd(
    a: str = typer.Argument(..., help="first actor"),
    b: str = typer.Argument(..., help="second actor"),
    c: str = typer.Argument(..., help="third actor"),
    freq: str = FreqOption,
    since: str | None = SinceOption,
    until: str | None = UntilOption,
    min_events: int = typer.Option(10, "--min-events", help="fewest triad events toward a fourth party"),
    top: int = typer.Option(10, "--top", help="fourth parties listed"),
    json_out: bool = JsonOption,
    modality: str = ModalityOption,
    origin: str | None = OriginOption,
    count: str = CountOption,
    one_a_day: bool = OneADayOption,
    root_only: bool = RootOption,
    weight: str | None = WeightOption,
    db: str | None = DbOption,
) -> None:
    """Cohesion of a triad over time and how alike its members act toward fourth parties."""
    from ..analysis import triad_cohesion

    codes = _codes(a, b, c)
    with _open(db) as store:
        res = _run(triad_cohesion, store, *codes, freq=freq, since=since, until=until, min_events=min_events,
                   top=top, modality=modality or None, origin=origin,
                   **_conv(count, one_a_day, root_only, weight))
    if json_out:
        _json(res)
        return
    console = _console()
    console.print(Text(f"triad {res['triad']}: cohesion {_num(res['cohesion'])} over {res['n_events']} events "
                       "(cooperative minus conflictual share, -1..+1)"))
    if res["cohesion_series"]:
        vals = [s["cohesion"] for s in res["cohesion_series"]]
        console.print(f"cohesion per {freq}:  {sparkline(vals)}", markup=False)
        for pair in [p["pair"] for p in res["pairs"]]:
            net = [float(r["net_coop"]) for r in res["series"] if r["pair"] == pair]
            console.print(f"{pair} net coop: {sparkline(net)}", markup=False)
    table = Table(title="pairs")
    for col in ("pair", "events", "coop", "conflict", "net coop", "PLOVER mean", "cohesion"):
        table.add_column(col, justify="left" if col == "pair" else "right")
    for p in res["pairs"]:
        table.add_row(p["pair"], str(p["n_events"]), str(p["coop"]), str(p["conflict"]), f"{p['net_coop']:+d}",
                      _num(p["plover_mean"]), _num(p["cohesion"]))
    console.print(table)
    if res["fourth_parties"]:
        ft = Table(title="toward fourth parties (mean PLOVER score)")
        ft.add_column("actor")
        ft.add_column("events", justify="right")
        for m in res["members"]:
            ft.add_column(m, justify="right")
        for col in ("spread", "similarity", "correlation"):
            ft.add_column(col, justify="right")
        for f in res["fourth_parties"]:
            ft.add_row(escape(f["actor"]), str(f["n_events"]),
                       *[_num(f["members"][m]["plover_mean"]) for m in res["members"]],
                       _num(f["spread"], "{:.2f}"), _num(f["similarity"], "{:.2f}"), _num(f["correlation"]))
        console.print(ft)
    else:
        console.print(f"no fourth party with {min_events} or more events from at least two members", markup=False)
