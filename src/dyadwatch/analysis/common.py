"""Shared helpers of the analysis functions: connections, actor codes, filters, periods, JSON."""

from __future__ import annotations

import math
import re
from datetime import date as _date
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from ..events import EVENT_TYPES
from ..store.core import to_date

FREQS = {"day": ("day", "D"), "week": ("week", "W-MON"), "month": ("month", "MS"),
         "quarter": ("quarter", "QS"), "year": ("year", "YS")}
_CODE_RE = re.compile(r"^[A-Za-z][A-Za-z0-9]{1,11}$")


class AnalysisError(ValueError):
    """Bad arguments or data for an analysis (unknown actor, empty dyad, bad frequency)."""


def connection(store: Any) -> duckdb.DuckDBPyConnection:
    """The duckdb connection of a Store, or the connection itself."""
    con = getattr(store, "con", store)
    if not isinstance(con, duckdb.DuckDBPyConnection):
        raise TypeError("expected a dyadwatch Store or a duckdb connection")
    return con


def resolve_actor(name_or_code: str) -> str:
    """An actor code for a code or a name the knowledge base knows ("North Korea" -> "PRK").
    Without a knowledge-base match, a code-like string (letters and digits, no spaces) is taken
    as an upper-cased code; anything else raises AnalysisError."""
    raw = (name_or_code or "").strip()
    if not raw:
        raise AnalysisError("empty actor name")
    code = None
    try:
        from ..kb import load_kb

        code = load_kb().resolve(raw)
    except (ImportError, OSError, ValueError, KeyError):  # the knowledge base is optional here
        code = None
    if code:
        return code
    if _CODE_RE.match(raw):
        return raw.upper()
    raise AnalysisError(f"unknown actor: {raw!r} (use a code such as USA or a name the knowledge base knows)")


def check_freq(freq: str) -> str:
    if freq not in FREQS:
        raise AnalysisError(f"freq must be one of {', '.join(FREQS)}, not {freq!r}")
    return freq


def period_start(value: Any, freq: str) -> pd.Timestamp:
    """Start of the period (day, Monday of the week, first of month/quarter/year) containing value."""
    ts = pd.Timestamp(to_date(value) if not isinstance(value, pd.Timestamp) else value).normalize()
    if freq == "day":
        return ts
    if freq == "week":
        return ts - pd.Timedelta(days=ts.weekday())
    if freq == "month":
        return ts.replace(day=1)
    if freq == "quarter":
        return ts.replace(day=1, month=3 * ((ts.month - 1) // 3) + 1)
    return ts.replace(day=1, month=1)


def period_floor(dates: pd.Series, freq: str) -> pd.Series:
    """period_start for a whole column of dates (vectorised)."""
    d = pd.to_datetime(dates).dt.normalize()
    if freq == "day":
        return d
    if freq == "week":
        return d - pd.to_timedelta(d.dt.day_of_week, unit="D")
    return d.dt.to_period({"month": "M", "quarter": "Q", "year": "Y"}[freq]).dt.start_time


def period_range(start: Any, end: Any, freq: str) -> pd.DatetimeIndex:
    """Every period start from the period of `start` to the period of `end`."""
    return pd.date_range(period_start(start, freq), period_start(end, freq), freq=FREQS[freq][1])


def filters(since: Any = None, until: Any = None, modality: str | None = "asserted",
            origin: str | list[str] | None = None) -> tuple[str, list[Any]]:
    """SQL conditions (joined with AND, starting with ' AND ') over event_dyads columns."""
    sql: list[str] = []
    params: list[Any] = []
    for value, cond in ((since, "date >= ?"), (until, "date <= ?")):
        if value is not None and value != "":
            sql.append(cond)
            params.append(parse_date(value))
    if modality:
        sql.append("modality = ?")
        params.append(modality)
    if origin:
        origins = [origin] if isinstance(origin, str) else list(origin)
        sql.append(f"origin IN ({', '.join('?' * len(origins))})")
        params += origins
    return ("".join(f" AND {s}" for s in sql), params)


def parse_date(value: Any) -> _date:
    d = to_date(value)
    if d is None:
        raise AnalysisError(f"not a date: {value!r}")
    return d


def type_columns() -> list[str]:
    """The per-PLOVER-type count columns of a dyad series, in PLOVER order."""
    return list(EVENT_TYPES)


def to_jsonable(obj: Any) -> Any:
    """Plain JSON types for analysis results: DataFrames become lists of records, NaN becomes
    None, numpy scalars become Python numbers, dates become ISO strings."""
    if isinstance(obj, pd.DataFrame):
        return [to_jsonable(r) for r in obj.to_dict("records")]
    if isinstance(obj, pd.Series):
        return to_jsonable(obj.tolist())
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_jsonable(v) for v in obj]
    if isinstance(obj, np.ndarray):
        return [to_jsonable(v) for v in obj.tolist()]
    if isinstance(obj, (pd.Timestamp, _date)):
        return obj.date().isoformat() if isinstance(obj, pd.Timestamp) else obj.isoformat()
    if isinstance(obj, (np.bool_, bool)):
        return bool(obj)
    if isinstance(obj, (np.integer,)):
        return int(obj)
    if isinstance(obj, (np.floating, float)):
        f = float(obj)
        return None if math.isnan(f) or math.isinf(f) else f
    if obj is pd.NaT or obj is None or obj is pd.NA:
        return None
    return obj


def rounded(x: Any, ndigits: int = 3) -> float | None:
    """A float rounded for reports; None for missing or non-finite values."""
    if x is None:
        return None
    try:
        f = float(x)
    except (TypeError, ValueError):
        return None
    if math.isnan(f) or math.isinf(f):
        return None
    return round(f, ndigits)
