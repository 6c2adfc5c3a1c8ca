"""The DuckDB store: articles, events and the narrow `event_dyads` table.

Concurrency: DuckDB allows one process to hold a database file for writing. Writers (ingest,
import, the synthetic loader) open `Store(path)`; everything that only reads opens
`Store(path, read_only=True)`, which several processes can do at once while no writer holds the
file. A web server should either open a read-only Store per request (cheap: a few ms) or hold one
read-only connection for its lifetime and use `store.con.cursor()` per thread. Within one process,
share one Store per file: DuckDB refuses a second connection to the same file with another mode.

Performance: `events` has no index (schema v2). Bulk writers (`dyadwatch import`, the synthetic
loader) finish with `Store.optimize()`, which sorts `event_dyads` by (source, target, date) and
`events` by id; DuckDB then skips row groups by their min/max, so a dyad series over 10M events
reads a few row groups and `event(id)` reads one (see bench/bench_store.py for timings).
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterable, Sequence
from datetime import date as _date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

import duckdb

from ..config import db_path
from ..events import Event, joint_pairs
from . import clusters
from .report_places import places_named
from .reports import dyad_pairs
from .schema import FRESH, FRESH_VERSION, MIGRATIONS, SCHEMA_VERSION

if TYPE_CHECKING:  # pandas costs ~0.6 s at start-up; DuckDB imports it when a frame is asked for
    import pandas as pd
    import pyarrow as pa

    from ..ingest.article import Article
    from . import stories

EVENT_COLS = (
    "id", "story_id", "date", "date_precision", "event", "mode", "context", "actor_code",
    "actor_sector", "recipient_code", "recipient_sector", "actor", "recipient", "modality", "cameo",
    "goldstein", "plover_score", "quad_code", "confidence", "event_text", "evidence", "location",
    "origin", "origin_id", "original",
)
# the event's place as typed columns (schema 3, as the importers fill them): from Event.place for
# coded events. geo_type follows GDELT's ActionGeo_Type: 1 country, 2 US state, 3 US city,
# 4 world city, 5 world region (first-level region, island, sea or area)
GEO_COLS = ("geo_type", "geo_name", "geo_country", "geo_adm1", "geo_lat", "geo_lon", "geo_feature_id")
DYAD_COLS = ("event_id", "date", "source", "target", "event", "quad_code", "plover_score", "goldstein",
             "modality", "origin")
# what a report of an ingested article adds to EVENT_COLS (schema 4; clusters.REPORT_FIELDS are the merge's)
REPORT_COLS = ("joint_id", "mentions", "source", "merge_key", *clusters.REPORT_FIELDS)
ARTICLE_COLS = ("id", "raw_id", "title", "text", "url", "date", "source", "language", "path", "coded",
                "n_events")

_FACTS_MAX = 100_000  # stored reports whose facts the merge keeps in memory (Store._report_facts), at most


@cache
def _schemas() -> dict[str, pa.Schema]:
    """The Arrow schemas of the batches the writers of coded articles and events hand to DuckDB
    (built on first use: pyarrow and numpy cost 0.15-0.3 s of CPU at start-up, which `dyadwatch
    import` and the readers never need)."""
    import pyarrow as pa

    return {
        "article": pa.schema([(c, pa.date32() if c == "date" else pa.bool_() if c == "coded"
                               else pa.int32() if c == "n_events" else pa.string()) for c in ARTICLE_COLS]),
        "event": pa.schema([
            ("id", pa.string()), ("story_id", pa.string()), ("date", pa.date32()),
            ("date_precision", pa.string()), ("event", pa.string()), ("mode", pa.string()),
            ("context", pa.list_(pa.string())), ("actor_code", pa.string()), ("actor_sector", pa.string()),
            ("recipient_code", pa.string()), ("recipient_sector", pa.string()), ("actor", pa.string()),
            ("recipient", pa.string()), ("modality", pa.string()), ("cameo", pa.string()),
            ("goldstein", pa.float64()), ("plover_score", pa.float64()), ("quad_code", pa.int8()),
            ("confidence", pa.float64()), ("event_text", pa.string()), ("evidence", pa.string()),
            ("location", pa.string()), ("origin", pa.string()), ("origin_id", pa.string()),
            ("original", pa.string()),
        ]),
        "geo": pa.schema([
            ("geo_type", pa.int8()), ("geo_name", pa.string()), ("geo_country", pa.string()),
            ("geo_adm1", pa.string()), ("geo_lat", pa.float64()), ("geo_lon", pa.float64()),
            ("geo_feature_id", pa.string()),
        ]),
        "dyad": pa.schema([
            ("event_id", pa.string()), ("date", pa.date32()), ("source", pa.string()), ("target", pa.string()),
            ("event", pa.string()), ("quad_code", pa.int8()), ("plover_score", pa.float64()),
            ("goldstein", pa.float64()), ("modality", pa.string()), ("origin", pa.string()),
        ]),
        "report": pa.schema([
            ("joint_id", pa.string()), ("mentions", pa.string()), ("source", pa.string()),
            ("merge_key", pa.string()), ("merged_into", pa.string()), ("merge_group", pa.string()),
            ("merge_reason", pa.string()), ("num_reports", pa.int32()), ("num_mentions", pa.int32()),
            ("num_articles", pa.int32()), ("num_sources", pa.int32()), ("outlets", pa.list_(pa.string())),
            ("first_reported", pa.date32()), ("source_url", pa.string()),
        ]),
    }


_POINT_LOOKUPS = 500  # pages (of any offset) of actor/recipient queries up to this size: ids from event_dyads, rows by id
_ROW_GROUP = 122_880  # DuckDB's rows per row group
# a page's rows from a store of up to this many row groups: one scan of the id column (20 ids from
# 20k events: 11 ms) beats 20 point lookups (40 ms); from a bigger sorted store the lookups win
# (1M events: 50 ms against 86 ms)
_SCAN_ROW_GROUPS = 3
_ORDERS = {
    "date": "date ASC NULLS LAST, id", "-date": "date DESC NULLS LAST, id",
    "id": "id", "ingested_at": "ingested_at, id", "-ingested_at": "ingested_at DESC, id",
}


def to_date(value: Any) -> _date | None:
    """An ISO date, year-month or year string (or a date) as a date; None when it is not one."""
    if value is None or value == "":
        return None
    if isinstance(value, _date):
        return value
    s = str(value).strip()
    try:
        if len(s) >= 10:
            return _date.fromisoformat(s[:10])
        if len(s) == 7:
            return _date.fromisoformat(s + "-01")
        if len(s) == 4 and s.isdigit():
            return _date(int(s), 1, 1)
    except ValueError:
        return None
    return None


def _dumps(obj: Any) -> str | None:
    return None if obj is None else json.dumps(obj, ensure_ascii=False)


def _actor_json(actors: Sequence[Any]) -> str:
    return _dumps([{"code": a.code, "sector": a.sector, "entity_text": a.entity_text,
                    "start": a.start, "end": a.end} for a in actors]) or "[]"


def _first_pair(e: Event, pairs: list[tuple[str, str | None]]) -> tuple[Any, Any]:
    """The actor and recipient of the flat actor_code / recipient_code columns: those of the event's
    first dyad pair, so a compound side never shows a self pair there."""
    if not pairs:
        return (e.actor[0] if e.actor else None), (e.recipient[0] if e.recipient else None)
    s, t = pairs[0]
    a = next(x for x in e.actor if x.code == s)
    r = next((x for x in e.recipient if x.code == t), None) if t else None
    return a, r


def _num(value: Any) -> float | None:
    try:
        x = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(x) else x


def geo_values(place: dict[str, Any] | None) -> tuple[Any, ...]:
    """The GEO_COLS values of an Event.place (all None without a place)."""
    if not place:
        return (None,) * len(GEO_COLS)
    precision = place.get("precision")
    country = place.get("country") or None
    lat, lon = _num(place.get("lat")), _num(place.get("lon"))
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        lat = lon = None
    us = country == "USA"
    kind = {"country": 1, "region": 2 if us else 5, "city": 3 if us else 4}.get(precision)
    gid = place.get("geonames_id")
    return (kind, place.get("name") or None, country, place.get("admin1") or None, lat, lon,
            str(gid) if gid not in (None, "") else None)


def event_rows(events: Iterable[Event]) -> tuple[dict[str, list], dict[str, list]]:
    """Columnar rows for `events` (EVENT_COLS and GEO_COLS) and `event_dyads` from Event records."""
    ev: dict[str, list] = {c: [] for c in (*EVENT_COLS, *GEO_COLS)}
    dy: dict[str, list] = {c: [] for c in DYAD_COLS}
    for e in events:
        d = to_date(e.date)
        pairs = dyad_pairs([a.code for a in e.actor], [r.code for r in e.recipient])
        first_a, first_r = _first_pair(e, pairs)
        gold, score, quad = e.goldstein, e.plover_score, e.quad_code
        evidence = e.evidence if e.origin == "dyadwatch" or e.trigger or e.sentence_index is not None else None
        row = {
            "id": e.id, "story_id": e.story_id, "date": d, "date_precision": e.date_precision,
            "event": e.event or None, "mode": e.mode, "context": list(e.context or []),
            "actor_code": first_a.code if first_a else None,
            "actor_sector": first_a.sector if first_a else None,
            "recipient_code": first_r.code if first_r else None,
            "recipient_sector": first_r.sector if first_r else None,
            "actor": _actor_json(e.actor), "recipient": _actor_json(e.recipient),
            "modality": e.modality, "cameo": e.cameo, "goldstein": gold, "plover_score": score,
            "quad_code": quad, "confidence": e.confidence, "event_text": e.event_text,
            "evidence": _dumps(evidence), "location": e.location, "origin": e.origin,
            "origin_id": e.origin_id, "original": _dumps(e.original),
        }
        for c in EVENT_COLS:
            ev[c].append(row[c])
        for c, v in zip(GEO_COLS, geo_values(e.place)):
            ev[c].append(v)
        for s, t in pairs:
            for c, v in zip(DYAD_COLS, (e.id, d, s, t, row["event"], quad, score, gold, e.modality,
                                        e.origin)):
                dy[c].append(v)
    return ev, dy


def _codes(actor_json: str | None) -> list[str | None]:
    try:
        return [a.get("code") for a in json.loads(actor_json or "[]") if isinstance(a, dict)]
    except ValueError:
        return []


def _places(location: str | None, sentences: list[str | None]) -> frozenset[str]:
    named = places_named(sentences)
    return named | {location.lower()} if location else named


def _stored_places(location: str | None, event_text: str | None, mentions: str | None) -> frozenset[str]:
    sentences: list[str | None] = [event_text]
    try:
        sentences += [m.get("event_text") for m in json.loads(mentions or "[]") if isinstance(m, dict)]
    except (ValueError, AttributeError):
        pass
    return _places(location, sentences)


def _facts_of(r: clusters.Report) -> tuple:
    """What never changes in a report, as Store._stored_reports keeps it."""
    return (r.id, r.story_id, r.key, r.date, r.precision, r.mode, r.location, r.source, r.published, r.url,
            r.mentions, r.sentence_index, r.cameo, r.places)


def _report(article: Article, e: Event) -> clusters.Report:
    """What the merge needs of a new report."""
    return clusters.Report(
        id=e.id or "", story_id=e.story_id, date=to_date(e.date), precision=e.date_precision,
        key=clusters.merge_key(e.event, [a.code for a in e.actor], [r.code for r in e.recipient], e.modality),
        mode=e.mode, location=e.location, source=(article.source or None), published=to_date(article.date),
        url=article.url or None, mentions=e.num_mentions, sentence_index=e.sentence_index, cameo=e.cameo,
        places=_places(e.location, [e.event_text, *(m.get("event_text") for m in e.mentions
                                                     if len(e.mentions) > 1)]))


def parse_bbox(value: Any) -> tuple[float, float, float, float] | None:
    """A bounding box (west, south, east, north) in degrees from a sequence of four numbers or a
    string "w,s,e,n" (GeoJSON order: min lon, min lat, max lon, max lat); west > east crosses the
    antimeridian. None for None or ""; ValueError naming what is wrong otherwise."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    parts = value.replace(" ", "").split(",") if isinstance(value, str) else list(value)
    if len(parts) != 4:
        raise ValueError(f"bbox {value!r}: needs four numbers west,south,east,north")
    try:
        w, so, e, n = (float(x) for x in parts)
    except (TypeError, ValueError):
        raise ValueError(f"bbox {value!r}: needs four numbers west,south,east,north") from None
    if any(math.isnan(x) for x in (w, so, e, n)):
        raise ValueError(f"bbox {value!r}: NaN is no coordinate")
    if not (-180 <= w <= 180 and -180 <= e <= 180):
        raise ValueError(f"bbox {value!r}: longitudes must lie in -180..180")
    if not (-90 <= so <= n <= 90):
        raise ValueError(f"bbox {value!r}: latitudes must lie in -90..90, south <= north")
    return w, so, e, n


def _geo_clause(place_country: Any, bbox: Any) -> tuple[list[str], list[Any]]:
    """Clauses over the events' geo_* columns: the country of the place (ISO alpha-3, any of a
    list) and a bounding box (rows without coordinates never match one)."""
    clauses: list[str] = []
    params: list[Any] = []
    countries = _as_list(place_country)
    if countries:
        clauses.append(f"geo_country IN ({', '.join('?' * len(countries))})")
        params += [str(c).strip().upper() for c in countries]
    box = parse_bbox(bbox)
    if box is not None:
        w, so, e, n = box
        lon = "geo_lon BETWEEN ? AND ?" if w <= e else "(geo_lon >= ? OR geo_lon <= ?)"
        clauses.append(f"geo_lat BETWEEN ? AND ? AND {lon}")
        params += [so, n, w, e]
    return clauses, params


def _as_list(value: Any) -> list | None:
    if value is None:
        return None
    if isinstance(value, (str, int)):
        return [value]
    return list(value)


class Store:
    """A dyadwatch DuckDB database. Creates and migrates the file on open (unless read-only)."""

    def __init__(self, path: str | os.PathLike | None = None, read_only: bool = False, merge: bool = True) -> None:
        self.path = db_path(path)
        self.read_only = read_only
        self.merge = merge  # merge reports of one happening from different articles (clusters.py)
        if read_only and str(self.path) != ":memory:" and not Path(self.path).exists():
            raise FileNotFoundError(f"{self.path}: no such database")
        if not read_only and str(self.path) != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self.con = duckdb.connect(str(self.path), read_only=read_only)
        self.con.execute("SET enable_progress_bar = false")
        self.schema_version = self._migrate()

    # -- lifecycle -------------------------------------------------------------------------------
    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self.con is not None:
            self.con.close()
            self.con = None  # type: ignore[assignment]

    def _migrate(self) -> int:
        has = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
        ).fetchall()[0][0]
        current = 0
        if has:
            current = self.con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchall()[0][0]
        if current >= SCHEMA_VERSION:
            return current
        if self.read_only:
            raise RuntimeError(f"{self.path}: schema version {current} is older than {SCHEMA_VERSION}; "
                               "open it once for writing to migrate")
        self.con.execute("BEGIN TRANSACTION")
        try:
            # a database without tables gets FRESH_VERSION's schema at once (schema.FRESH)
            empty = not has and not self.con.execute(
                "SELECT 1 FROM duckdb_tables() WHERE database_name = current_database() AND NOT temporary "
                "LIMIT 1").fetchall()
            self.con.execute("CREATE TABLE IF NOT EXISTS schema_version "
                             "(version INTEGER, applied_at TIMESTAMP DEFAULT current_timestamp)")
            if empty:
                for stmt in FRESH:
                    self.con.execute(stmt)
                self.con.execute("INSERT INTO schema_version (version) SELECT unnest(?::INTEGER[])",
                                 [[v for v in sorted(MIGRATIONS) if v <= FRESH_VERSION]])
                current = FRESH_VERSION
            for version in sorted(MIGRATIONS):
                if version <= current:
                    continue
                for stmt in MIGRATIONS[version]:
                    if callable(stmt):
                        stmt(self.con)
                    else:
                        self.con.execute(stmt)
                self.con.execute("INSERT INTO schema_version (version) VALUES (?)", [version])
                current = version
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return current

    # -- writing ---------------------------------------------------------------------------------
    def _writable(self) -> None:
        if self.read_only:
            raise PermissionError(f"{self.path}: opened read-only")

    def add_article(self, article: Article, events: list[Event], coded: bool = True) -> bool:
        """Store one article and its events in one transaction. False (and nothing changes) when an
        article with this id is already stored."""
        return self.add_articles([(article, events, coded)])[0]

    def add_articles(self, items: Sequence[tuple[Article, list[Event], bool]]) -> list[bool]:
        """Store several (article, events, coded) items in one transaction: all or nothing. Returns,
        per item, True if stored now, False if the article was already stored (or came earlier in
        `items`). Much faster than one `add_article` per article when ingesting a batch.

        The events are the article's *reports*: with `merge` on, each joins the event of the same
        happening reported by other articles, or starts one (clusters.py); near-duplicate stories are
        indexed first (stories.py)."""
        self._writable()
        ids = [a.id for a, _, _ in items]
        known = {r[0] for r in self.con.execute(
            "SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids]).fetchall()}
        flags: list[bool] = []
        new: list[tuple[Article, list[Event], bool]] = []
        for article, events, coded in items:
            fresh = article.id not in known
            flags.append(fresh)
            if fresh:
                known.add(article.id)
                new.append((article, events, coded))
        if not new:
            return flags
        self.con.execute("BEGIN TRANSACTION")
        try:
            rows = [(a.id, a.raw_id, a.title, a.text, a.url, to_date(a.date), a.source, a.language, a.path, coded,
                     len(events)) for a, events, coded in new]
            # Arrow tables are read by DuckDB's replacement scan (a local variable named in the SQL):
            # no view to register and drop in the catalog for every batch
            import pyarrow as pa

            _dw_art_batch = pa.Table.from_pydict(  # read by the SQL below
                {c: [r[k] for r in rows] for k, c in enumerate(ARTICLE_COLS)}, schema=_schemas()["article"])
            cols = ", ".join(ARTICLE_COLS)
            self.con.execute(f"INSERT INTO articles ({cols}) SELECT {cols} FROM _dw_art_batch")
            links = []
            if self.merge:  # the store's LSH buckets kept in memory once it pays (stories.Candidates)
                from . import stories

                self._candidates().begin()
                links = stories.index_articles(self.con, [(a.id, a.text, to_date(a.date)) for a, evs, coded in new
                                                          if coded and evs], self._candidates())
            self._insert_reports([(a, e) for a, events, _ in new for e in events], links)
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            if "_lsh" in self.__dict__:
                self.__dict__["_lsh"].drop()  # it may hold this batch's buckets
            raise
        return flags

    # -- reports and their events --------------------------------------------------------------
    def _insert_reports(self, items: list[tuple[Article, Event]],
                        links: Sequence[tuple[str, str, float]] = ()) -> int:
        """Insert the events of new articles as reports: joint acts split into ordered pairs, each
        with its outlet and mentions; merged (with `merge` on) into events; event_dyads rows for the
        events only. `links`: the near-duplicate links of the new articles (stories.index_articles).
        Runs in the caller's transaction."""
        seen: set[str] = set()
        reps: list[tuple[Article, Event]] = []
        for article, ev in items:
            for e in joint_pairs(ev):
                if e.id not in seen:
                    seen.add(e.id)
                    reps.append((article, e))
        if not reps:
            return 0
        stored_ids = {r[0] for r in self.con.execute(
            "SELECT id FROM events WHERE id IN (SELECT unnest(?::VARCHAR[]))", [sorted(seen)]).fetchall()}
        reps = [(a, e) for a, e in reps if e.id not in stored_ids]
        if not reps:
            return 0
        new = [_report(a, e) for a, e in reps]
        if self.merge:
            near = {frozenset((a, b)): j for a, b, j in links}
            linked = {x for a, b, _ in links for x in (a, b)}
            stored = self._stored_reports(new, linked)
            old_stories = {r.story_id for r in stored} - {r.story_id for r in new}
            near.update(self._candidates().links_among(self.con, old_stories))  # links among stored articles
            values = clusters.assign(new, stored, near)
        else:
            stored, values = [], {}
            for r in new:
                values.update(clusters.event_values([r], r.id))
        ev, dy = event_rows([e for _, e in reps])
        extra: dict[str, list] = {c: [] for c in REPORT_COLS}
        for (_, e), r in zip(reps, new):
            own = {"joint_id": e.joint_id, "source": r.source, "merge_key": r.key,
                   "mentions": _dumps(e.mentions) if len(e.mentions) > 1 else None, **values[r.id]}
            for c in REPORT_COLS:
                extra[c].append(own[c])
        import pyarrow as pa

        sch = _schemas()
        tbl = pa.Table.from_pydict({**ev, **extra}, schema=pa.schema([*sch["event"], *sch["geo"], *sch["report"]]))
        merged = {r.id for r in new if values[r.id]["merged_into"] is not None}
        keep = [i for i, eid in enumerate(dy["event_id"]) if eid not in merged]
        dy_tbl = pa.Table.from_pydict(dy, schema=sch["dyad"]).take(pa.array(keep, pa.int64()))
        cols = ", ".join([*EVENT_COLS, *GEO_COLS, *REPORT_COLS])
        _dw_rep_batch, _dw_dy_batch = tbl, dy_tbl  # read by the SQL below (replacement scans)
        self.con.execute(f"INSERT INTO events ({cols}) SELECT {cols} FROM _dw_rep_batch")
        self.con.execute(f"INSERT INTO event_dyads ({', '.join(DYAD_COLS)}) SELECT * FROM _dw_dy_batch")
        self._update_stored(stored, values)
        if self.merge:
            facts = self._report_facts()
            if len(facts) + len(new) > _FACTS_MAX:
                facts.clear()
            facts.update((r.id, _facts_of(r)) for r in new)
        return len(reps)

    # what never changes in a stored report (clusters.Report's fields up to `places`; kept in memory by
    # `_report_facts`) and its merge state (read again for every batch)
    _FACTS = ("r.id, r.story_id, r.merge_key, r.date, r.date_precision, r.mode, r.location, r.source, a.date, "
              "nullif(a.url, ''), coalesce(json_array_length(r.mentions), 1), "
              "TRY_CAST(json_extract(r.evidence, '$.sentence_index') AS INTEGER), r.cameo, r.event_text, "
              "r.mentions::VARCHAR")
    _STATE = "r.id, r.merge_group, r.merged_into, " + ", ".join(f"r.{c}" for c in clusters.REPORT_FIELDS)

    def _candidates(self) -> stories.Candidates:
        """How this store finds near-duplicate candidates (stories.Candidates, one per Store)."""
        lsh = self.__dict__.get("_lsh")
        if lsh is None:
            from . import stories

            lsh = self.__dict__["_lsh"] = stories.Candidates()
        return lsh

    def _report_facts(self) -> dict[str, tuple]:
        """Report id -> what never changes in it (`_facts_of`): filled as reports are stored and read,
        so that a batch reads only the merge state of the stored reports it meets."""
        facts = self.__dict__.get("_facts")
        if facts is None:
            facts = self.__dict__["_facts"] = {}
        return facts

    def _stored_reports(self, new: list[clusters.Report], linked: set[str]) -> list[clusters.Report]:
        """Every stored report a new one could be linked to (same merge key, and a date within
        NEAR_DUP_DAYS of that new report's, or the article among `linked`, the near-duplicates of the
        new articles), with all the members of their merge groups. One narrow query for their merge
        state; what never changes in a report is read once (`_report_facts`)."""
        pairs = sorted({(r.key, r.date) for r in new}, key=lambda p: (p[0], p[1] is None, p[1] or _date.min))
        span = clusters.NEAR_DUP_DAYS
        rows = self.con.execute(f"""
            WITH n AS (SELECT unnest(?::VARCHAR[]) AS k, unnest(?::DATE[]) AS d),
            c AS (SELECT DISTINCT coalesce(r.merge_group, r.id) AS g FROM events r JOIN n ON r.merge_key = n.k
                  WHERE r.date BETWEEN n.d - {span} AND n.d + {span}
                        OR r.story_id IN (SELECT unnest(?::VARCHAR[])))
            SELECT {self._STATE} FROM events r WHERE coalesce(r.merge_group, r.id) IN (SELECT g FROM c)""",
            [[p[0] for p in pairs], [p[1] for p in pairs], sorted(linked)]).fetchall()
        if not rows:
            return []
        facts = self._report_facts()
        missing = sorted(row[0] for row in rows if row[0] not in facts)
        if missing and len(facts) + len(missing) > _FACTS_MAX:
            facts.clear()  # a bound on memory: start again with what this batch needs
            missing = sorted(row[0] for row in rows)
        if missing:
            for row in self.con.execute(
                    f"SELECT {self._FACTS} FROM events r LEFT JOIN articles a ON a.id = r.story_id "
                    "WHERE r.id IN (SELECT unnest(?::VARCHAR[]))", [missing]).fetchall():
                facts[row[0]] = (*row[:12], row[12], _stored_places(row[6], row[13], row[14]))
        out = []
        for rid, group, merged_into, *vals in rows:
            f = facts[rid]
            rep = clusters.Report(*f[:12], cameo=f[12], places=f[13], merge_group=group, merged_into=merged_into,
                                  values=dict(zip(clusters.REPORT_FIELDS, vals)))
            if rep.values.get("outlets") is not None:
                rep.values["outlets"] = list(rep.values["outlets"])
            out.append(rep)
        return out

    def _update_stored(self, stored: list[clusters.Report], values: dict[str, dict[str, Any]]) -> None:
        """Write back what changed on stored reports; move event_dyads rows to the new events."""
        changed = [r for r in stored if r.id in values and values[r.id] != r.values]
        if not changed:
            return
        # only the columns that changed on some row (mostly an event's counts as a report joins it)
        cols = [c for c in clusters.REPORT_FIELDS if any(values[r.id][c] != r.values.get(c) for r in changed)]
        upd = {"id": [r.id for r in changed]}
        for c in cols:
            upd[c] = [values[r.id][c] for r in changed]
        import pyarrow as pa

        schema = pa.schema([("id", pa.string()), *[f for f in _schemas()["report"] if f.name in cols]])
        _dw_upd = pa.Table.from_pydict(upd, schema=schema)  # read by the SQL below
        sets = ", ".join(f"{c} = u.{c}" for c in cols)
        self.con.execute(f"UPDATE events SET {sets} FROM _dw_upd u WHERE events.id = u.id")
        gone = [r.id for r in changed if r.merged_into is None and values[r.id]["merged_into"] is not None]
        if gone:
            self.con.execute("DELETE FROM event_dyads WHERE event_id IN (SELECT unnest(?::VARCHAR[]))", [gone])
        back = sorted(r.id for r in changed if r.merged_into is not None and values[r.id]["merged_into"] is None)
        if back:  # reports that are an event's own row again: their event_dyads rows, from the stored row
            rows = []
            for rid, actor, recipient, d, event, quad, score, gold, modality, origin in self.con.execute(
                    "SELECT id, actor::VARCHAR, recipient::VARCHAR, date, event, quad_code, plover_score, goldstein, "
                    "modality, origin FROM events WHERE id IN (SELECT unnest(?::VARCHAR[]))", [back]).fetchall():
                for src, tgt in dyad_pairs(_codes(actor), _codes(recipient)):
                    rows.append([rid, d, src, tgt, event, quad, score, gold, modality, origin])
            if rows:
                self.con.executemany(f"INSERT INTO event_dyads ({', '.join(DYAD_COLS)}) VALUES "
                                     f"({', '.join('?' * len(DYAD_COLS))})", rows)

    def add_events(self, events: Iterable[Event], batch_size: int = 50_000) -> int:
        """Insert events (and their event_dyads rows), skipping ids already stored. Returns the
        number of new events."""
        self._writable()
        n = 0
        batch: list[Event] = []
        for e in events:
            batch.append(e)
            if len(batch) >= batch_size:
                n += self._insert_events_tx(batch)
                batch = []
        if batch:
            n += self._insert_events_tx(batch)
        return n

    def _insert_events_tx(self, events: list[Event]) -> int:
        self.con.execute("BEGIN TRANSACTION")
        try:
            n = self._insert_events(events)
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return n

    def _insert_events(self, events: list[Event]) -> int:
        if not events:
            return 0
        ev, dy = event_rows(events)
        import pyarrow as pa

        sch = _schemas()
        ev_tbl = pa.Table.from_pydict(ev, schema=pa.schema([*sch["event"], *sch["geo"]]))
        dy_tbl = pa.Table.from_pydict(dy, schema=sch["dyad"])
        self.con.register("_dw_ev_batch", ev_tbl)
        self.con.register("_dw_dy_batch", dy_tbl)
        try:
            return self.insert_staged("_dw_ev_batch", "SELECT * FROM _dw_dy_batch", columns=(*EVENT_COLS, *GEO_COLS))
        finally:
            self.con.unregister("_dw_ev_batch")
            self.con.unregister("_dw_dy_batch")

    def insert_staged(self, events_rel: str, dyads_sql: str | None = None, unique: bool = False,
                      columns: Sequence[str] = EVENT_COLS) -> int:
        """Insert rows of a staged relation with the `events` columns (a table, view or registered
        frame named `events_rel`), skipping ids already stored (the first of duplicate ids wins),
        and the matching event_dyads rows: from `dyads_sql` (a query with the event_dyads columns)
        or, when None, one row per event from its first actor and recipient codes.
        `unique=True` promises that ids in `events_rel` are distinct (saves a window). `columns`: the
        `events` columns taken from `events_rel` (EVENT_COLS; more, such as GEO_COLS, if it has them).
        Runs inside the caller's transaction if one is open. Returns the number of new events."""
        cols = ", ".join(columns)
        con = self.con
        con.execute("DROP TABLE IF EXISTS _dw_new_ids")
        con.execute(
            f"CREATE TEMP TABLE _dw_new_ids AS SELECT DISTINCT s.id FROM {events_rel} s "
            "WHERE s.id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM events e WHERE e.id = s.id)"
        )
        n = con.execute("SELECT count(*) FROM _dw_new_ids").fetchall()[0][0]
        if n and unique:
            con.execute(f"INSERT INTO events ({cols}) SELECT {cols} FROM {events_rel} "
                        "WHERE id IN (SELECT id FROM _dw_new_ids)")
        elif n:
            con.execute(
                f"INSERT INTO events ({cols}) SELECT {cols} FROM ("
                f"SELECT {cols}, row_number() OVER (PARTITION BY id) AS _rn FROM {events_rel} "
                f"WHERE id IN (SELECT id FROM _dw_new_ids)) WHERE _rn = 1"
            )
        if n:
            if dyads_sql is None:
                dyads_sql = (f"SELECT id AS event_id, date, actor_code AS source, recipient_code AS target, event, "
                             f"quad_code, plover_score, "
                             f"goldstein, modality, origin FROM {events_rel} WHERE actor_code IS NOT NULL")
            con.execute(
                f"INSERT INTO event_dyads ({', '.join(DYAD_COLS)}) SELECT {'' if unique else 'DISTINCT '}* "
                f"FROM ({dyads_sql}) d "
                "WHERE d.event_id IN (SELECT id FROM _dw_new_ids)"
            )
        con.execute("DROP TABLE IF EXISTS _dw_new_ids")
        return int(n)

    def optimize(self) -> None:
        """Re-sort the tables after a bulk load: event_dyads by (source, target, date), so that dyad
        queries read few row groups (DuckDB skips row groups by their min/max), and events by id,
        so that looking an event up by id reads one row group. Events added later are appended
        unsorted (and still found); run it again after the next bulk load."""
        self._writable()
        for table, order in (("event_dyads", "source, target, date"), ("events", "id")):
            self.con.execute("BEGIN TRANSACTION")
            try:
                self.con.execute(f"CREATE TEMP TABLE _dw_sorted AS SELECT * FROM {table} ORDER BY {order}")
                self.con.execute(f"DELETE FROM {table}")
                self.con.execute(f"INSERT INTO {table} SELECT * FROM _dw_sorted")
                self.con.execute("DROP TABLE _dw_sorted")
                self.con.execute("COMMIT")
            except Exception:
                self.con.execute("ROLLBACK")
                raise
            self.con.execute("CHECKPOINT")

    # -- reading ---------------------------------------------------------------------------------
    def _where(self, actor: Any = None, recipient: Any = None, type: Any = None, since: Any = None,
               until: Any = None, modality: Any = None, origin: Any = None, story_id: Any = None,
               on_dyads: bool = False, source: Any = None, reports: bool = False, place_country: Any = None,
               bbox: Any = None) -> tuple[str, list[Any]]:
        """WHERE clause and parameters over `events` (or, with on_dyads, over `event_dyads`, which
        carries every filter column but story_id). Events only (rows that are not a further report of
        another event) unless `reports`; `source` keeps events reported by any of these outlets (with
        `reports`: reports from them); `place_country` (ISO alpha-3, or a list) and `bbox` (west,
        south, east, north; see `parse_bbox`) filter by the event's place (geo_country, geo_lat/lon)."""
        clauses: list[str] = []
        params: list[Any] = []
        actors, recipients = _as_list(actor), _as_list(recipient)
        if actors or recipients:
            sub = []
            if actors:
                sub.append(f"source IN ({', '.join('?' * len(actors))})")
                params += [str(a).upper() for a in actors]
            if recipients:
                sub.append(f"target IN ({', '.join('?' * len(recipients))})")
                params += [str(r).upper() for r in recipients]
            if on_dyads:
                clauses += sub
            elif reports:
                clauses.append(f"coalesce(merged_into, id) IN (SELECT event_id FROM event_dyads "
                               f"WHERE {' AND '.join(sub)})")
            else:
                clauses.append(f"id IN (SELECT event_id FROM event_dyads WHERE {' AND '.join(sub)})")
        if not reports and not on_dyads:
            clauses.append("merged_into IS NULL")
        for col, value, upper in (("event", type, True), ("modality", modality, False),
                                  ("origin", origin, False), ("story_id", story_id, False)):
            values = _as_list(value)
            if values:
                if on_dyads and col == "story_id":
                    raise ValueError("story_id is not a column of event_dyads")
                clauses.append(f"{col} IN ({', '.join('?' * len(values))})")
                params += [str(v).upper() if upper else v for v in values]
        outlets = _as_list(source)
        if outlets:
            marks = ", ".join("?" * len(outlets))
            if reports:
                cond = f"source IN ({marks})"
            else:
                cond = f"(source IN ({marks}) OR list_has_any(outlets, [{marks}]))"
            if on_dyads:
                cond = f"event_id IN (SELECT id FROM events WHERE {cond})"
            clauses.append(cond)
            params += [str(o) for o in outlets] * (1 if reports else 2)
        geo, geo_params = _geo_clause(place_country, bbox)
        if geo:
            cond = " AND ".join(geo)
            clauses.append(f"event_id IN (SELECT id FROM events WHERE {cond})" if on_dyads else cond)
            params += geo_params
        if since:
            clauses.append("date >= ?")
            params.append(to_date(since))
        if until:
            clauses.append("date <= ?")
            params.append(to_date(until))
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def events(self, actor: Any = None, recipient: Any = None, type: Any = None, since: Any = None,
               until: Any = None, modality: Any = None, origin: Any = None, story_id: Any = None,
               limit: int | None = None, offset: int = 0, order: str = "date", source: Any = None,
               reports: bool = False, place_country: Any = None, bbox: Any = None, as_: str = "pandas") -> Any:
        """Events matching the filters (codes match any actor / recipient of an event). With
        `reports`, every report instead: an event's own row and the rows merged into it.
        `place_country`: ISO alpha-3 code(s) of the country where the event happened (geo_country);
        `bbox`: (west, south, east, north) degrees or "w,s,e,n" around its place (geo_lat/geo_lon).
        `as_`: "pandas" (default), "polars", "arrow", or "records" (a list of dicts of Python values:
        dates as `date`, lists as lists; what the HTTP API sends, without building a DataFrame)."""
        if order not in _ORDERS:
            raise ValueError(f"order must be one of {sorted(_ORDERS)}")
        if (actor or recipient) and not story_id and not reports and order in ("date", "-date") \
                and limit is not None and limit <= _POINT_LOOKUPS:
            return self._dyad_page(actor, recipient, type, since, until, modality, origin, limit, offset, order,
                                   source, place_country, bbox, as_)
        where, params = self._where(actor, recipient, type, since, until, modality, origin, story_id,
                                    source=source, reports=reports, place_country=place_country, bbox=bbox)
        sql = f"SELECT * FROM events{where} ORDER BY {_ORDERS[order]}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        if offset:
            sql += f" OFFSET {int(offset)}"
        return self.query(sql, params, as_)

    def query(self, sql: str, params: list[Any] | None = None, as_: str = "pandas") -> Any:
        """The rows of a read query as `as_` asks: "records" (dicts of Python values), or a frame
        ("pandas", "polars", "arrow"; `frames.as_frame`)."""
        if as_ == "records":
            return self._dicts(sql, params or [])
        from .frames import as_frame

        return as_frame(self.con.execute(sql, params or []), as_)

    def _dyad_page(self, actor: Any, recipient: Any, type: Any, since: Any, until: Any, modality: Any,
                   origin: Any, limit: int, offset: int, order: str, source: Any = None, place_country: Any = None,
                   bbox: Any = None, as_: str = "pandas") -> Any:
        """A page of an actor / recipient query: ids, dates and order from the narrow event_dyads
        (sorted by source, target, date after `optimize`), then the page's rows (`events_by_id`)."""
        where, params = self._where(actor, recipient, type, since, until, modality, origin, on_dyads=True,
                                    source=source, place_country=place_country, bbox=bbox)
        direction = "DESC" if order == "-date" else "ASC"
        ids = [r[0] for r in self.con.execute(
            f"SELECT event_id, any_value(date) AS date FROM event_dyads{where} GROUP BY event_id "
            f"ORDER BY date {direction} NULLS LAST, event_id LIMIT {int(limit)} OFFSET {int(offset)}", params
        ).fetchall()]
        return self.events_by_id(ids, as_)

    def events_by_id(self, ids: Sequence[str], as_: str = "pandas") -> Any:
        """The events (or reports) with these ids, in the order given (unknown ids left out): on a
        store of a few row groups one scan of the id column for all of them; on a bigger one a point
        lookup per id (events sorted by id after `optimize`, so that each reads one row group)."""
        ids = list(dict.fromkeys(ids))
        if not ids:
            return self.query("SELECT * FROM events LIMIT 0", [], as_)
        if self._row_groups("events") <= _SCAN_ROW_GROUPS:
            sql = f"SELECT * FROM events WHERE id IN ({', '.join('?' * len(ids))})"
        else:
            sql = " UNION ALL ".join(["SELECT * FROM events WHERE id = ?"] * len(ids))
        if as_ == "records":
            rows = {r["id"]: r for r in self._dicts(sql, ids)}
            return [rows[i] for i in ids if i in rows]
        rank = {i: n for n, i in enumerate(ids)}
        df = self.con.execute(sql, ids).df().drop_duplicates("id")
        df = df.sort_values("id", key=lambda c: c.map(rank)).reset_index(drop=True)
        from .frames import as_frame

        return as_frame(df, as_)

    def _row_groups(self, table: str) -> int:
        """About how many row groups `table` holds (its row count over DuckDB's row-group size)."""
        n = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        return -(-int(n) // _ROW_GROUP)

    def count_events(self, actor: Any = None, recipient: Any = None, type: Any = None, since: Any = None,
                     until: Any = None, modality: Any = None, origin: Any = None, story_id: Any = None,
                     source: Any = None, reports: bool = False, place_country: Any = None, bbox: Any = None) -> int:
        """How many events (with `reports`: reports) match the filters (as for `events`)."""
        if (actor or recipient) and not story_id and not reports:
            where, params = self._where(actor, recipient, type, since, until, modality, origin, on_dyads=True,
                                        source=source, place_country=place_country, bbox=bbox)
            sql = f"SELECT count(DISTINCT event_id) FROM event_dyads{where}"
        else:
            where, params = self._where(actor, recipient, type, since, until, modality, origin, story_id,
                                        source=source, reports=reports, place_country=place_country, bbox=bbox)
            sql = f"SELECT count(*) FROM events{where}"
        return int(self.con.execute(sql, params).fetchall()[0][0])

    def event_reports(self, id: str) -> list[dict[str, Any]]:
        """The reports of one event (its own row first, then the others, earliest first), each with
        its article's outlet, URL, publication date and title, and why it was merged."""
        rows = self._dicts(
            "SELECT r.*, a.url AS article_url, a.date AS published, a.title AS article_title FROM events r "
            "LEFT JOIN articles a ON a.id = r.story_id WHERE r.id = ? OR r.merged_into = ? "
            "ORDER BY r.merged_into IS NOT NULL, a.date NULLS LAST, r.id", [id, id])
        for r in rows:
            if r.get("published") is not None:
                r["published"] = r["published"].isoformat()
        return [self._event_dict(r) for r in rows]

    def dyad_rows_sql(self, where: str = "") -> str:
        """One flat row per (event, actor code, recipient code) pair: `actor_code` and
        `recipient_code` are the pair's (never a self pair for a joint act or a compound side; an
        event without a recipient has one row with a NULL recipient_code), the sectors those of the
        event's first actor / recipient when the code is theirs, and every other `events` column.
        `where` is a clause over `events` (from `_where`). For exporters of flat formats."""
        return f"""
        SELECT d.source AS actor_code, CASE WHEN d.source = e.actor_code THEN e.actor_sector END AS actor_sector,
               d.target AS recipient_code,
               CASE WHEN d.target = e.recipient_code THEN e.recipient_sector END AS recipient_sector,
               e.* EXCLUDE (actor_code, actor_sector, recipient_code, recipient_sector)
        FROM (SELECT * FROM events{where}) e JOIN event_dyads d ON d.event_id = e.id
        ORDER BY e.date NULLS LAST, e.id, d.source, d.target NULLS FIRST"""

    def dyad_rows(self, **filters: Any) -> pd.DataFrame:
        """`dyad_rows_sql` for the events matching `filters` (as for `events`), as a DataFrame."""
        where, params = self._where(**{k: v for k, v in filters.items() if v is not None})
        return self.con.execute(self.dyad_rows_sql(where), params).df()

    @staticmethod
    def _event_dict(row: dict[str, Any]) -> dict[str, Any]:
        for key in ("actor", "recipient", "evidence", "original", "mentions"):
            if isinstance(row.get(key), str):
                row[key] = json.loads(row[key])
        if row.get("actor") is None:
            row["actor"] = []
        if row.get("recipient") is None:
            row["recipient"] = []
        for key in ("date", "ingested_at", "first_reported"):
            if row.get(key) is not None:
                row[key] = row[key].isoformat()
        if row.get("outlets") is not None:
            row["outlets"] = list(row["outlets"])
        row["context"] = list(row.get("context") or [])
        return row

    def _dicts(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]

    def event(self, id: str) -> dict[str, Any] | None:
        """One event (or report) by id, with its evidence."""
        rows = self._dicts("SELECT * FROM events WHERE id = ?", [id])
        return self._event_dict(rows[0]) if rows else None

    def article(self, id: str) -> dict[str, Any] | None:
        rows = self._dicts("SELECT * FROM articles WHERE id = ?", [id])
        if not rows:
            return None
        art = rows[0]
        for key in ("date", "ingested_at"):
            if art.get(key) is not None:
                art[key] = art[key].isoformat()
        evs = self._dicts("SELECT * FROM events WHERE story_id = ? ORDER BY "
                          "json_extract(evidence, '$.sentence_index')::INTEGER NULLS LAST, id", [id])
        art["events"] = [self._event_dict(e) for e in evs]
        return art

    def articles(self, limit: int | None = 100, offset: int = 0) -> pd.DataFrame:
        sql = "SELECT * FROM articles ORDER BY date DESC NULLS LAST, ingested_at DESC, id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        if offset:
            sql += f" OFFSET {int(offset)}"
        return self.con.execute(sql).df()

    def actors(self) -> pd.DataFrame:
        """Every actor code with the number of events it is an actor in and a recipient in."""
        return self.con.execute(
            """
            WITH a AS (SELECT source AS code, count(DISTINCT event_id) AS n_actor FROM event_dyads
                       WHERE source IS NOT NULL GROUP BY 1),
                 r AS (SELECT target AS code, count(DISTINCT event_id) AS n_recipient FROM event_dyads
                       WHERE target IS NOT NULL GROUP BY 1)
            SELECT coalesce(a.code, r.code) AS code, coalesce(n_actor, 0) AS n_actor,
                   coalesce(n_recipient, 0) AS n_recipient
            FROM a FULL OUTER JOIN r ON a.code = r.code
            ORDER BY n_actor + n_recipient DESC, code
            """
        ).df()

    def counts(self) -> dict[str, Any]:
        one = self.con.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), "
            "(SELECT count(*) FROM event_dyads)").fetchall()[0]
        by_origin = dict(self.con.execute(
            "SELECT origin, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC").fetchall())
        return {"articles": int(one[0]), "events": int(one[1]), "dyads": int(one[2]),
                "by_origin": {k: int(v) for k, v in by_origin.items()}}
