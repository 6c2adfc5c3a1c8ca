"""Helpers behind the API that a notebook user can call too: JSON conversion and the actor network."""

from __future__ import annotations

import json
import math
from datetime import date, datetime
from typing import Any

import pandas as pd


def jsonable(value: Any) -> Any:
    """`value` with dates as ISO strings, NaN as None, numpy scalars as Python ones, JSON text parsed."""
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, pd.DataFrame):
        return records(value)
    if isinstance(value, pd.Series):
        return jsonable(value.to_dict())
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [jsonable(v) for v in value]
    if hasattr(value, "tolist") and not isinstance(value, str | bytes):  # numpy arrays and scalars
        return jsonable(value.tolist())
    if isinstance(value, pd.Timestamp):
        if pd.isna(value):
            return None
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, pd.Period):
        return str(value)
    if isinstance(value, bool | int | str):
        return value
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


_JSON_COLUMNS = ("actor", "recipient", "evidence", "original")


def records(df: Any) -> list[dict[str, Any]]:
    """Rows of a DataFrame (or a list of dicts) as JSON-ready dicts; JSON text columns are parsed."""
    if df is None:
        return []
    if isinstance(df, pd.DataFrame):
        return _frame_records(df)
    if isinstance(df, dict):
        rows = [df]
    else:
        rows = list(df)
    out = []
    for row in rows:
        row = dict(row)
        for col in _JSON_COLUMNS:
            v = row.get(col)
            if isinstance(v, str) and v[:1] in "[{":
                try:
                    row[col] = json.loads(v)
                except ValueError:
                    pass
        out.append(jsonable(row))
    return out


def _plain_column(col: pd.Series) -> list[Any] | None:
    """`col` as a list of JSON-ready values when its dtype allows a vectorised conversion (dates,
    numbers, booleans, strings; missing values as None); None when the values need `jsonable`
    one by one."""
    kind = col.dtype.kind
    missing = col.isna().tolist()
    if kind == "M":  # datetimes: a date when at midnight, else the full timestamp
        ts = pd.to_datetime(col)
        known = ts.dropna()
        if (known == known.dt.normalize()).all():
            values = ts.dt.strftime("%Y-%m-%d").tolist()
        else:
            values = [v.isoformat() if pd.notna(v) else None for v in ts]
    elif kind == "f":
        values = [None if v in (float("inf"), float("-inf")) else v for v in col.astype(object).tolist()]
    elif kind in "iub" or isinstance(col.dtype, pd.StringDtype):
        values = col.astype(object).tolist()
    else:
        return None
    return [None if m else v for v, m in zip(values, missing, strict=True)]


def _frame_records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """`records` of a DataFrame: whole columns converted at once, per-value work only where the
    column holds nested or mixed values (a 1,500-row series is 4x faster than row by row)."""
    columns: dict[str, list[Any]] = {}
    for name in df.columns:
        col = df[name]
        plain = None if name in _JSON_COLUMNS else _plain_column(col)
        if plain is not None:
            columns[str(name)] = plain
            continue
        values = col.tolist()
        if name in _JSON_COLUMNS:
            values = [_parse_json(v) for v in values]
        columns[str(name)] = [jsonable(v) for v in values]
    names = list(columns)
    return [dict(zip(names, row)) for row in zip(*columns.values())] if names else [{} for _ in range(len(df))]


def _parse_json(v: Any) -> Any:
    if isinstance(v, str) and v[:1] in "[{":
        try:
            return json.loads(v)
        except ValueError:
            return v
    return v


def dyad_event_page(store: Any, a: str, b: str, type: list[str] | None = None, since: str | None = None,
                    until: str | None = None, modality: list[str] | None = None, limit: int = 50,
                    offset: int = 0, as_: str = "pandas") -> tuple[int, Any]:
    """Events between A and B in either direction (an actor of one side, a recipient of the other),
    newest first: (total matching, one page with the `events` columns, as `as_` asks: a DataFrame,
    or "records", see `Store.query`). The page's ids come from the narrow `event_dyads` (which
    holds every filter column), then its rows by id (`Store.events_by_id`)."""
    where = ["((source = ? AND target = ?) OR (source = ? AND target = ?))"]
    params: list[Any] = [a, b, b, a]
    for col, values in (("event", type), ("modality", modality)):
        if values:
            where.append(f"{col} IN ({', '.join('?' * len(values))})")
            params += list(values)
    if since:
        where.append("date >= ?")
        params.append(since)
    if until:
        where.append("date <= ?")
        params.append(until)
    cond = " AND ".join(where)
    total = store.con.execute(f"SELECT count(DISTINCT event_id) FROM event_dyads WHERE {cond}", params).fetchone()[0]
    ids = [r[0] for r in store.con.execute(
        f"SELECT event_id, any_value(date) AS date FROM event_dyads WHERE {cond} GROUP BY event_id "
        "ORDER BY date DESC NULLS LAST, event_id LIMIT ? OFFSET ?", params + [int(limit), int(offset)]).fetchall()]
    return int(total), store.events_by_id(ids, as_)


def network(store: Any, since: str | None = None, until: str | None = None, min_events: int = 1,
            limit: int = 150, modality: str | None = "asserted") -> pd.DataFrame:
    """Who interacts with whom: one row per unordered actor pair, from `event_dyads`.

    Columns: a, b (codes, a < b), events, a_to_b, b_to_a, net (mean PLOVER score, -10..10),
    cooperation and conflict (event counts by quad class 1-2 and 3-4), net_coop (cooperation minus
    conflict) and net_coop_share (net_coop / events, -1..1). The `limit` busiest pairs.
    """
    from ..analysis.common import filters

    extra, params = filters(since, until, modality)
    sql = f"""
        SELECT least(source, target) AS a, greatest(source, target) AS b,
               count(*) AS events,
               count(*) FILTER (WHERE source < target) AS a_to_b,
               count(*) FILTER (WHERE source > target) AS b_to_a,
               avg(plover_score) AS net,
               count(*) FILTER (WHERE quad_code IN (1, 2)) AS cooperation,
               count(*) FILTER (WHERE quad_code IN (3, 4)) AS conflict,
               count(*) FILTER (WHERE quad_code IN (1, 2)) - count(*) FILTER (WHERE quad_code IN (3, 4))
                   AS net_coop,
               (count(*) FILTER (WHERE quad_code IN (1, 2)) - count(*) FILTER (WHERE quad_code IN (3, 4)))
                   / count(*) AS net_coop_share
        FROM event_dyads
        WHERE target IS NOT NULL AND source IS NOT NULL AND source <> target{extra}
        GROUP BY 1, 2
        HAVING count(*) >= ?
        ORDER BY events DESC, a, b
        LIMIT ?
    """
    params += [int(min_events), int(limit)]
    return store.con.execute(sql, params).df()


def impact_fit(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Per period of an impact result: the observed value and the segmented-regression lines.

    `before` is the fitted pre-event line (periods before the date), `after` the fitted post-event
    line (from the date on) and `counterfactual` the pre-event line continued past the date. Empty
    when the result holds no fit (too few data). Index t0 = n_pre is the first period after the date.
    """
    series = result.get("series") or []
    t0 = result.get("n_pre")
    keys = ("pre_level", "pre_trend", "post_level", "post_trend")
    if t0 is None or any(not isinstance(result.get(k), int | float) for k in keys):
        return [{"period": p.get("period"), "value": p.get("value")} for p in series]
    pre_level, pre_trend, post_level, post_trend = (float(result[k]) for k in keys)
    out = []
    for i, p in enumerate(series):
        row = {"period": p.get("period"), "value": p.get("value")}
        cf = pre_level + pre_trend * (i - t0)
        if i < t0:
            row["before"] = round(cf, 4)
        else:
            row["after"] = round(post_level + post_trend * (i - t0), 4)
            row["counterfactual"] = round(cf, 4)
        out.append(row)
    if 0 < t0 <= len(out):  # join the before line to the break for a continuous drawing
        out[t0 - 1]["counterfactual"] = out[t0 - 1]["before"]
    return out


_PERIOD_DAYS = {"day": 1, "week": 7, "month": 30.44, "quarter": 91.3, "year": 365.25}


def clamp_range(store: Any, since: str | None, until: str | None, freq: str, max_periods: int
                ) -> tuple[str | None, str | None]:
    """`since` and `until` narrowed to the span of the stored events, so that a request for
    0001-01-01..9999-12-31 builds no period the store has no data for; ValueError (a 422) when the
    span left still holds more than `max_periods` periods of `freq`."""
    first, last = store.con.execute("SELECT min(date), max(date) FROM events").fetchone()
    if first is None:
        return since, until
    lo = max(date.fromisoformat(since), first) if since else first
    hi = min(date.fromisoformat(until), last) if until else last
    if hi < lo:  # the range misses the stored span: one empty period at the near end of the request
        lo = hi = lo if lo > last else hi
    periods = (hi - lo).days / _PERIOD_DAYS.get(freq, 1) + 1
    if periods > max_periods:
        raise ValueError(f"{int(periods):,} periods of one {freq} are over the limit of {max_periods:,} "
                         "(DYADWATCH_MAX_PERIODS): use a coarser freq or narrower since/until")
    return lo.isoformat(), hi.isoformat()


# -- the events table ------------------------------------------------------------------------------

EVENT_SORTS = {
    "date": "date ASC NULLS LAST", "-date": "date DESC NULLS LAST",
    "event": "event ASC NULLS LAST", "-event": "event DESC NULLS LAST",
    "actor": "actor_code ASC NULLS LAST", "-actor": "actor_code DESC NULLS LAST",
    "recipient": "recipient_code ASC NULLS LAST", "-recipient": "recipient_code DESC NULLS LAST",
    "modality": "modality ASC NULLS LAST", "-modality": "modality DESC NULLS LAST",
    "confidence": "confidence ASC NULLS LAST", "-confidence": "confidence DESC NULLS LAST",
    "score": "plover_score ASC NULLS LAST", "-score": "plover_score DESC NULLS LAST",
    "sources": "coalesce(num_sources, num_reports, 1) ASC", "-sources": "coalesce(num_sources, num_reports, 1) DESC",
    "source": "source ASC NULLS LAST", "-source": "source DESC NULLS LAST",
    "origin": "origin ASC NULLS LAST", "-origin": "origin DESC NULLS LAST",
}


def _like(text: str) -> str:
    """`text` as an ILIKE pattern that matches it anywhere, its own % _ and \\ taken literally."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """"west,south,east,north" in degrees (GeoJSON order; west > east crosses the antimeridian)."""
    if value in (None, ""):
        return None
    try:
        w, s, e, n = (float(v) for v in str(value).split(","))
    except ValueError:
        raise ValueError("bbox must be four numbers: west,south,east,north (degrees)") from None
    if not all(math.isfinite(v) for v in (w, s, e, n)) or not (-180 <= w <= 180 and -180 <= e <= 180
                                                              and -90 <= s <= n <= 90):
        raise ValueError("bbox: longitudes -180..180, latitudes -90..90 with south <= north")
    return w, s, e, n


def event_where(store: Any, filters: dict[str, Any], q: str | None = None,
                dyad: list[str] | None = None) -> tuple[str, list[Any]]:
    """The WHERE clause over `events` for the table's filters: `filters` as for `Store.events`
    (actor, recipient, type, since, until, modality, origin, story_id, source; place_country: ISO
    alpha-3 codes of the event's place; bbox: (west, south, east, north) of its coordinates), `dyad`
    (two codes: either way) and `q` (words of the sentence, the outlet, an actor's name or the place,
    case-insensitive)."""
    filters = {k: v for k, v in filters.items() if v not in (None, "", [])}
    countries, bbox = filters.pop("place_country", None), filters.pop("bbox", None)
    where, params = store._where(**filters)
    clauses = [where[len(" WHERE "):]] if where else []
    if countries:
        countries = [countries] if isinstance(countries, str) else list(countries)
        clauses.append(f"geo_country IN ({', '.join('?' * len(countries))})")
        params += [str(c).upper() for c in countries]
    if bbox:
        w, s, e, n = parse_bbox(bbox) if isinstance(bbox, str) else bbox
        lon = "geo_lon BETWEEN ? AND ?" if w <= e else "(geo_lon >= ? OR geo_lon <= ?)"
        clauses.append(f"(geo_lat BETWEEN ? AND ? AND {lon})")
        params += [s, n, w, e]
    if dyad:
        a, b = dyad
        clauses.append("id IN (SELECT event_id FROM event_dyads WHERE (source = ? AND target = ?) "
                       "OR (source = ? AND target = ?))")
        params += [a, b, b, a]
    if q and q.strip():
        pattern = _like(q.strip())
        clauses.append("(event_text ILIKE ? ESCAPE '\\' OR source ILIKE ? ESCAPE '\\' "
                       "OR CAST(actor AS VARCHAR) ILIKE ? ESCAPE '\\' OR CAST(recipient AS VARCHAR) ILIKE ? ESCAPE '\\' "
                       "OR geo_name ILIKE ? ESCAPE '\\')")
        params += [pattern] * 5
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def event_table(store: Any, filters: dict[str, Any], q: str | None = None, dyad: list[str] | None = None,
                sort: str = "-date", limit: int = 50, offset: int = 0, as_: str = "pandas") -> tuple[int, Any]:
    """One page of the events table over the whole store: (total matching, the page as `as_` asks,
    see `Store.query`), sorted by one of `EVENT_SORTS` (then by date, newest first, and id, so that
    pages never overlap)."""
    if sort not in EVENT_SORTS:
        raise ValueError(f"sort must be one of {', '.join(EVENT_SORTS)}")
    where, params = event_where(store, filters, q, dyad)
    total = store.con.execute(f"SELECT count(*) FROM events{where}", params).fetchall()[0][0]
    order = EVENT_SORTS[sort]
    tail = "" if sort.lstrip("-") == "date" else ", date DESC NULLS LAST"
    # the page's ids first, sorting only the key columns (a deep page of a 1M-event store sorts 1M keys,
    # not 1M whole rows), then those rows
    page = f"SELECT id FROM events{where} ORDER BY {order}{tail}, id LIMIT ? OFFSET ?"
    rows = store.query(f"SELECT * FROM events WHERE id IN ({page}) ORDER BY {order}{tail}, id",
                       params + [int(limit), int(offset)], as_)
    return int(total), rows


def facets(store: Any) -> dict[str, list[dict[str, Any]]]:
    """The values the table's filters offer, with their counts: origins and outlets (top 200)."""
    out = {}
    for name, where in (("origin", "merged_into IS NULL"), ("source", "source IS NOT NULL")):
        sql = f"SELECT {name} AS value, count(*) AS n FROM events WHERE {where} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 200"
        out[name] = [{"value": v, "n": int(n)} for v, n in store.con.execute(sql).fetchall() if v is not None]
    return out


# -- the dyad view -------------------------------------------------------------------------------

def key_events(store: Any, a: str, b: str, since: str | None = None, until: str | None = None,
               modality: str | None = "asserted", limit: int = 10) -> list[dict[str, Any]]:
    """The events of the A-B dyad (either way) most worth a label on its chart: the largest by
    severity (|Goldstein|, else |PLOVER score|) times reach (1 + ln of the number of sources, else
    of reports). Each: id, date, source, target, event, modality, goldstein, plover_score, sources,
    event_text (first 200 characters) and `weight` (the rank score)."""
    from ..analysis.common import filters

    extra, params = filters(since, until, modality)
    sql = f"""
        WITH d AS (SELECT event_id, any_value(source) AS source, any_value(target) AS target
                   FROM event_dyads WHERE ((source = ? AND target = ?) OR (source = ? AND target = ?))
                   AND date IS NOT NULL{extra} GROUP BY event_id)
        SELECT e.id, e.date, d.source, d.target, e.event, e.modality, e.goldstein, e.plover_score,
               coalesce(e.num_sources, e.num_reports, 1) AS sources, left(e.event_text, 200) AS event_text,
               abs(coalesce(e.goldstein, e.plover_score, 0)) * (1 + ln(greatest(coalesce(e.num_sources,
                   e.num_reports, 1), 1))) AS weight
        FROM d JOIN events e ON e.id = d.event_id
        ORDER BY weight DESC, e.date, e.id
        LIMIT ?"""
    cur = store.con.execute(sql, [a, b, b, a, *params, int(limit)])
    names = [c[0] for c in cur.description]
    return [jsonable(dict(zip(names, row))) for row in cur.fetchall()]


# -- the map -------------------------------------------------------------------------------------

_SHADE_BY = {
    # an event's country for the shading: its place, else where the act landed (recipient), else its actor
    "place": "coalesce(e.geo_country, e.recipient_code, e.actor_code)",
    "actor": "e.actor_code",
    "recipient": "e.recipient_code",
}


def _iso_numeric() -> dict[str, tuple[str, str]]:
    """ISO alpha-3 -> (numeric code as in world-atlas, name), from pycountry."""
    try:
        import pycountry
    except ImportError:  # shading by name still works
        return {}
    return {c.alpha_3: (c.numeric, getattr(c, "common_name", None) or c.name) for c in pycountry.countries}


def map_summary(store: Any, filters: dict[str, Any], q: str | None = None, dyad: list[str] | None = None,
                by: str = "place", max_points: int = 2000) -> dict[str, Any]:
    """What the map draws for the events matching the table's filters: per country (ISO alpha-3,
    with its ISO numeric code and name) the events, cooperative and conflictual counts and their
    net share; per place with coordinates (geo_lat/geo_lon, rounded to 0.01 degree) the same,
    the `max_points` busiest. `by`: place (the event's place, else its recipient's country, else its
    actor's), actor or recipient."""
    if by not in _SHADE_BY:
        raise ValueError(f"by must be one of {', '.join(_SHADE_BY)}")
    where, params = event_where(store, filters, q, dyad)
    counts = """count(*) AS events, count(*) FILTER (WHERE e.quad_code IN (1, 2)) AS coop,
                count(*) FILTER (WHERE e.quad_code IN (3, 4)) AS conflict"""
    rows = store.con.execute(f"""
        SELECT {_SHADE_BY[by]} AS code, {counts}, count(*) FILTER (WHERE e.geo_country IS NOT NULL) AS placed
        FROM (SELECT * FROM events{where}) e GROUP BY 1 HAVING code IS NOT NULL ORDER BY events DESC, code
        """, params).fetchall()
    iso = _iso_numeric()
    countries = []
    for code, n, coop, conflict, placed in rows:
        n3, name = iso.get(code, (None, None))
        countries.append({"code": code, "n3": n3, "name": name, "events": int(n), "coop": int(coop),
                          "conflict": int(conflict), "placed": int(placed),
                          "net": round((coop - conflict) / n, 4) if n else 0.0})
    prow = store.con.execute(f"""
        SELECT round(e.geo_lat, 2) AS lat, round(e.geo_lon, 2) AS lon, any_value(e.geo_name) AS name,
               any_value(e.geo_country) AS country, {counts}
        FROM (SELECT * FROM events{where}) e
        WHERE e.geo_lat BETWEEN -90 AND 90 AND e.geo_lon BETWEEN -180 AND 180
        GROUP BY 1, 2 ORDER BY events DESC, lat, lon LIMIT ?""", params + [int(max_points)]).fetchall()
    points = [{"lat": float(lat), "lon": float(lon), "name": name, "country": country, "events": int(n),
               "coop": int(coop), "conflict": int(conflict)} for lat, lon, name, country, n, coop, conflict in prow]
    totals = store.con.execute(
        f"SELECT count(*), count(*) FILTER (WHERE geo_lat IS NOT NULL) FROM events{where}", params).fetchall()[0]
    return {"by": by, "n_events": int(totals[0]), "n_placed": int(totals[1]), "countries": countries,
            "points": points}


# -- actors --------------------------------------------------------------------------------------

def suggest_actors(store: Any, text: str, limit: int = 8) -> list[dict[str, Any]]:
    """Actors a user may have meant by `text`: codes and names the knowledge base knows and codes
    in the store, closest first (rapidfuzz), each {code, name, events (as actor or recipient), score}."""
    from rapidfuzz import fuzz, process, utils

    from ..kb import load_kb

    kb = load_kb()
    names = dict(kb.codes())
    stored = {c: int(n) for c, n in store.con.execute(
        "SELECT code, count(DISTINCT event_id) FROM (SELECT source AS code, event_id FROM event_dyads UNION ALL "
        "SELECT target, event_id FROM event_dyads) WHERE code IS NOT NULL GROUP BY 1").fetchall()}
    choices: dict[str, str] = {}  # surface form -> code
    for code, name in names.items():
        choices.setdefault(name, code)
        choices.setdefault(code, code)
    for form, entry in kb.aliases():
        if entry.code and entry.kind in ("country", "organisation", "capital", "demonym"):
            choices.setdefault(form, entry.code)
    for code in stored:
        choices.setdefault(code, code)
    best: dict[str, float] = {}
    for form, score, _ in process.extract(text, list(choices), scorer=fuzz.WRatio,
                                          processor=utils.default_process, limit=limit * 6):
        code = choices[form]
        best[code] = max(best.get(code, 0.0), float(score))
    ranked = sorted(best.items(), key=lambda kv: (-kv[1], -stored.get(kv[0], 0), kv[0]))[:limit]
    return [{"code": c, "name": names.get(c), "events": stored.get(c, 0), "score": round(s, 1)} for c, s in ranked]


# -- the watch -----------------------------------------------------------------------------------

def watch_status(store: Any) -> dict[str, Any]:
    """What the watch (`dyadwatch watch`, `serve --watch`) has done, from its tables: per source its
    kind, last poll, last success, last error, polls and articles; per dyad how far it was checked;
    the number of alerts. `active` is False on a database the watch never ran on."""
    con = store.con
    present = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_name IN "
        "('watch_sources', 'watch_dyads', 'alerts')").fetchall()}
    out: dict[str, Any] = {"active": False, "sources": [], "dyads": [], "alerts": 0}
    if "watch_sources" in present:
        cur = con.execute("SELECT source, kind, last_poll, last_ok, last_error, n_polls, n_articles "
                          "FROM watch_sources ORDER BY last_poll DESC NULLS LAST, source LIMIT 500")
        names = [c[0] for c in cur.description]
        out["sources"] = [jsonable(dict(zip(names, r))) for r in cur.fetchall()]
    if "watch_dyads" in present:
        cur = con.execute("SELECT dyad, checked_until, checked_at FROM watch_dyads ORDER BY dyad LIMIT 500")
        names = [c[0] for c in cur.description]
        out["dyads"] = [jsonable(dict(zip(names, r))) for r in cur.fetchall()]
    if "alerts" in present:
        out["alerts"] = int(con.execute("SELECT count(*) FROM alerts").fetchall()[0][0])
    out["active"] = bool(out["sources"] or out["dyads"] or out["alerts"])
    return out
