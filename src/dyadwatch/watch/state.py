"""What the watch remembers, in the database itself: a restart goes on where it stopped.

Tables (schema migration 5; `ensure_tables` also creates them in a database of an older schema):
- watch_sources: one row per source (feed URL, feed file or folder): the validators of the last
  answer (ETag, Last-Modified) for conditional requests, the last poll, the last error, counts.
- watch_items: the feed items already stored, by source and key (guid or link), with the article
  they became and its content key (so the same story under another link is not stored again).
- watch_files: the files of a watched folder already read (path, size, modification time).
- watch_dyads: per watched dyad, up to which `ingested_at` its events have been checked.
- alerts, alert_events, alert_deliveries: the alerts raised, the events behind each, and which
  sink (file, webhook) has it. An alert's id is derived from its dyad and its reasons, so the
  same events never raise the same alert twice, across restarts too.

Order of writes, so that a kill at any moment loses nothing and duplicates nothing: an item is
marked seen only after its article is stored (a kill in between: the next poll finds the article
by its URL or content and only marks the item); a source's validators are saved only after all its
items are stored (a kill before: the feed is fetched in full again); a dyad's watermark moves only
after its alert is stored; an alert is marked delivered to a sink only after the sink took it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ..store.schema import WATCH_DDL

TABLES = ("watch_sources", "watch_items", "watch_files", "watch_dyads", "alerts", "alert_events",
          "alert_deliveries")


def has_tables(con: Any) -> bool:
    """Does this database have the watch tables (a read-only server cannot create them)?"""
    n = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name IN "
                    "('alerts', 'alert_events', 'watch_sources')").fetchall()[0][0]
    return int(n) == 3


def ensure_tables(con: Any) -> None:
    """Create the watch tables if the database does not have them yet (idempotent)."""
    n = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name IN "
                    f"({', '.join(repr(t) for t in TABLES)})").fetchall()[0][0]
    if int(n) == len(TABLES):
        return
    con.execute("BEGIN TRANSACTION")
    try:
        for stmt in WATCH_DDL:
            con.execute(stmt)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


class WatchState:
    """Reads and writes the watch tables over one store's connection (the caller serialises)."""

    def __init__(self, store: Any) -> None:
        self.store = store
        ensure_tables(store.con)

    @property
    def con(self) -> Any:
        return self.store.con

    # -- sources ---------------------------------------------------------------------------------
    def source(self, source: str) -> dict[str, Any]:
        cur = self.con.execute("SELECT * FROM watch_sources WHERE source = ?", [source])
        names = [d[0] for d in cur.description]
        row = cur.fetchone()
        return dict(zip(names, row)) if row else {"source": source, "etag": None, "last_modified": None,
                                                  "n_polls": 0, "n_articles": 0}

    def polled(self, source: str, kind: str, *, ok: bool, error: str | None = None, etag: str | None = None,
               last_modified: str | None = None, new_articles: int = 0, keep_validators: bool = False) -> None:
        """Record a finished poll. The validators are replaced only after a complete, successful poll."""
        prev = self.source(source)
        if keep_validators or not ok:
            etag, last_modified = prev.get("etag"), prev.get("last_modified")
        self.con.execute(
            "INSERT INTO watch_sources (source, kind, etag, last_modified, last_poll, last_ok, last_error, "
            "n_polls, n_articles) VALUES (?, ?, ?, ?, current_timestamp, CASE WHEN ? THEN current_timestamp END, "
            "?, 1, ?) ON CONFLICT (source) DO UPDATE SET kind = excluded.kind, etag = excluded.etag, "
            "last_modified = excluded.last_modified, last_poll = excluded.last_poll, "
            "last_ok = coalesce(excluded.last_ok, watch_sources.last_ok), last_error = excluded.last_error, "
            "n_polls = watch_sources.n_polls + 1, n_articles = watch_sources.n_articles + excluded.n_articles",
            [source, kind, etag, last_modified, ok, error, new_articles])

    def sources(self) -> list[dict[str, Any]]:
        cur = self.con.execute("SELECT * FROM watch_sources ORDER BY source")
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]

    # -- items -----------------------------------------------------------------------------------
    def seen_keys(self, source: str, keys: Iterable[str]) -> set[str]:
        keys = list(dict.fromkeys(keys))
        if not keys:
            return set()
        return {r[0] for r in self.con.execute(
            "SELECT key FROM watch_items WHERE source = ? AND key IN (SELECT unnest(?::VARCHAR[]))",
            [source, keys]).fetchall()}

    def known_article(self, url: str | None, content_key: str | None) -> str | None:
        """The id of an article already stored under this URL or with this content, if any."""
        if content_key:
            row = self.con.execute("SELECT article_id FROM watch_items WHERE content_key = ? LIMIT 1",
                                   [content_key]).fetchone()
            if row:
                return row[0]
        if url:
            row = self.con.execute("SELECT id FROM articles WHERE url = ? LIMIT 1", [url]).fetchone()
            if row:
                return row[0]
        return None

    def mark_items(self, source: str, rows: Iterable[tuple[str, str | None, str | None, str | None]]) -> None:
        """(key, link, content_key, article_id) rows: these items are done."""
        rows = [[source, *r] for r in rows]
        if rows:
            self.con.executemany("INSERT INTO watch_items (source, key, link, content_key, article_id) "
                                 "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", rows)

    # -- files -----------------------------------------------------------------------------------
    def seen_files(self, source: str) -> dict[str, tuple[int, int]]:
        return {r[0]: (int(r[1]), int(r[2])) for r in self.con.execute(
            "SELECT path, size, mtime_ns FROM watch_files WHERE source = ?", [source]).fetchall()}

    def mark_file(self, source: str, path: str, size: int, mtime_ns: int) -> None:
        self.con.execute("INSERT INTO watch_files (source, path, size, mtime_ns) VALUES (?, ?, ?, ?) "
                         "ON CONFLICT (source, path) DO UPDATE SET size = excluded.size, "
                         "mtime_ns = excluded.mtime_ns, seen_at = now()", [source, path, size, mtime_ns])

    # -- dyads -----------------------------------------------------------------------------------
    def checked_until(self, dyad: str) -> Any:
        row = self.con.execute("SELECT checked_until FROM watch_dyads WHERE dyad = ?", [dyad]).fetchone()
        return row[0] if row else None

    def start_dyad(self, dyad: str, a: str, b: str) -> None:
        """A dyad watched for the first time starts after the events already stored: history is the
        baseline the checks compare with, not news."""
        if self.con.execute("SELECT 1 FROM watch_dyads WHERE dyad = ?", [dyad]).fetchone():
            return
        until = self.con.execute(
            "SELECT max(e.ingested_at) FROM event_dyads d JOIN events e ON e.id = d.event_id "
            "WHERE (d.source = ? AND d.target = ?) OR (d.source = ? AND d.target = ?)", [a, b, b, a]).fetchone()[0]
        self.con.execute("INSERT INTO watch_dyads VALUES (?, ?, current_timestamp) ON CONFLICT DO NOTHING",
                         [dyad, until])

    def set_checked(self, dyad: str, until: Any) -> None:
        self.con.execute("INSERT INTO watch_dyads VALUES (?, ?, current_timestamp) ON CONFLICT (dyad) DO UPDATE "
                         "SET checked_until = excluded.checked_until, checked_at = excluded.checked_at",
                         [dyad, until])

    # -- alerts ----------------------------------------------------------------------------------
    def alerted_events(self, dyad: str) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT event_id FROM alert_events WHERE dyad = ?", [dyad]).fetchall()}

    def alerted_change_points(self, dyad: str) -> list[Any]:
        return [r[0] for r in self.con.execute(
            "SELECT change_point FROM alerts WHERE dyad = ? AND change_point IS NOT NULL", [dyad]).fetchall()]

    def add_alert(self, alert: dict[str, Any]) -> bool:
        """Store an alert with its events in one transaction; False if its id is already stored."""
        if self.con.execute("SELECT 1 FROM alerts WHERE id = ?", [alert["id"]]).fetchone():
            return False
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute("INSERT INTO alerts (id, dyad, kinds, verdict, change_point, payload) "
                             "VALUES (?, ?, ?, ?, ?, ?)",
                             [alert["id"], alert["dyad"], alert["kinds"], alert["verdict"],
                              alert.get("change_point"), json.dumps(alert, ensure_ascii=False, default=str)])
            ids = [e["id"] for e in alert.get("events", [])] + list(alert.get("quiet_event_ids", []))
            if ids:
                self.con.executemany("INSERT INTO alert_events VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                                     [[alert["id"], alert["dyad"], i] for i in dict.fromkeys(ids)])
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return True

    def undelivered(self, sink: str) -> list[dict[str, Any]]:
        rows = self.con.execute(
            "SELECT payload FROM alerts a WHERE NOT EXISTS (SELECT 1 FROM alert_deliveries d "
            "WHERE d.alert_id = a.id AND d.sink = ?) ORDER BY raised_at, id", [sink]).fetchall()
        return [json.loads(r[0]) for r in rows]

    def delivered(self, alert_id: str, sink: str) -> None:
        self.con.execute("INSERT INTO alert_deliveries (alert_id, sink) VALUES (?, ?) ON CONFLICT DO NOTHING",
                         [alert_id, sink])


def list_alerts(con: Any, dyad: str | None = None, since: Any = None, limit: int = 100,
                offset: int = 0) -> list[dict[str, Any]]:
    """Stored alerts, newest first (the payload as raised); [] when the database has no alerts table."""
    if not has_tables(con):
        return []
    where, params = [], []
    if dyad:
        a, _, b = dyad.upper().partition("-")
        where.append("(dyad = ? OR dyad = ?)")
        params += [f"{a}-{b}", f"{b}-{a}"]
    if since:
        where.append("raised_at >= ?")
        params.append(since)
    sql = ("SELECT payload FROM alerts" + (" WHERE " + " AND ".join(where) if where else "")
           + f" ORDER BY raised_at DESC, id LIMIT {int(limit)} OFFSET {int(offset)}")
    return [json.loads(r[0]) for r in con.execute(sql, params).fetchall()]


def count_alerts(con: Any, dyad: str | None = None) -> int:
    if not has_tables(con):
        return 0
    if dyad:
        a, _, b = dyad.upper().partition("-")
        return int(con.execute("SELECT count(*) FROM alerts WHERE dyad = ? OR dyad = ?",
                               [f"{a}-{b}", f"{b}-{a}"]).fetchall()[0][0])
    return int(con.execute("SELECT count(*) FROM alerts").fetchall()[0][0])


__all__ = ["TABLES", "WATCH_DDL", "WatchState", "count_alerts", "ensure_tables", "has_tables", "list_alerts"]
