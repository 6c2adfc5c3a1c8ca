"""The HTTP API and the dashboard: `create_app(db_path) -> FastAPI`.

The API is thin over the library: the store (`dyadwatch.store.Store`), the analyses
(`dyadwatch.analysis`), the knowledge base (`dyadwatch.kb`) and the coder (`dyadwatch.coding`).
Every route returns JSON made from the plain records or DataFrames those functions return.

Concurrency. DuckDB allows one writing process per database file. The server therefore opens ONE
connection for its whole life: read-write when an API token is configured (so `POST /api/articles`
can store what it codes), read-only otherwise, so that a read-only server may run next to other
readers of the same file. All routes are synchronous and FastAPI runs them in a thread pool; a lock
serialises every use of the connection, because one DuckDB connection must not be used by two
threads at once. `POST /api/articles` loads spaCy outside the lock, then codes and stores the
article under it (one article: a fraction of a second). While a server holds the file, no other
process can write it (`dyadwatch ingest` fails with a lock error): post articles to the server
instead, or stop it. A server started while another process writes the file answers 503 and opens
the file on the first request after that writer has gone.

Security. Writing needs `DYADWATCH_TOKEN` (or `token=`) on the server and `Authorization: Bearer
<token>` on the request; without a configured token the server is read-only and `POST` answers 403.
The dashboard is static files served with a Content-Security-Policy that allows scripts from the
server only; article text reaches the page only as JSON and is put in the DOM as text nodes.
"""

from __future__ import annotations

import copy
import hmac
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from datetime import date as _date
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from pydantic import BaseModel, Field

from .. import __version__, config
from .cache import ResponseCache
from .guard import CSP, SECURITY_HEADERS, Guard, Limits, allowed_hosts
from .openapi import complete as complete_openapi
from .queries import (
    EVENT_SORTS,
    clamp_range,
    dyad_event_page,
    event_table,
    facets,
    impact_fit,
    jsonable,
    key_events,
    map_summary,
    network,
    parse_bbox,
    records,
    suggest_actors,
    watch_status,
)

log = logging.getLogger("dyadwatch.web")

T = TypeVar("T")

STATIC_DIR = Path(str(resources.files("dyadwatch.web").joinpath("static")))

MAX_PAGE = 1000
MODALITY = "(asserted|negated|hypothetical|future|claimed)"
MODALITIES_RE = f"^{MODALITY}(,{MODALITY})*$"
FREQ_RE = "^(day|week|month|quarter|year|[DWMQYdwmqy])$"
SINCE_Q = Query(None, description="first date, YYYY-MM-DD")
UNTIL_Q = Query(None, description="last date, YYYY-MM-DD")
MODALITY_Q = Query("asserted", pattern=f"^{MODALITY}?$",
                   description="asserted (the default), negated, hypothetical, future, claimed; empty: all")
COUNTRY_Q = Query(None, max_length=400, pattern=r"^[A-Za-z]{3}(,[A-Za-z]{3})*$",
                  description="ISO alpha-3 codes of the country where the event happened (its place; comma-separated)")
BBOX_Q = Query(None, max_length=100, pattern=r"^[-+0-9.eE]+(,[-+0-9.eE]+){3}$",
               description="west,south,east,north in degrees: events placed inside (west > east crosses the "
                           "antimeridian); events without coordinates never match")
SORT_RE = "^(" + "|".join(k.replace("-", "\\-") for k in EVENT_SORTS) + ")$"
CODE_LIST_RE = r"^[^\x00-\x1f]{0,400}$"
_MODEL_LOCK = threading.Lock()


class ArticleIn(BaseModel):
    """One article to ingest: the fields of a JSON line."""

    text: str = Field(..., min_length=1, max_length=2_000_000)
    id: str | None = None
    title: str | None = None
    url: str | None = None
    date: str | None = None
    source: str | None = None


class StoreUnavailable(RuntimeError):
    """The database file cannot be opened now (held by another writer, old schema, unreadable)."""


class QueryTooLong(RuntimeError):
    """A query ran past the server's time limit and was interrupted."""


class Backend:
    """The server's store: one connection that writes, and a cursor per worker thread that reads.

    DuckDB allows one process to hold a database file for writing; inside that process, cursors of
    the one connection read concurrently (each is its own connection to the same database), while a
    lock serialises the writers. `generation` counts the writes, so that readers know when what they
    computed is stale.
    """

    def __init__(self, db_path: str | Path, read_only: bool, limits: Limits | None = None) -> None:
        self.db_path = Path(db_path)
        self.read_only = read_only
        self.limits = limits or Limits()
        self.lock = threading.RLock()  # opening, closing and writing
        self.generation = 0
        self._store: Any = None
        self._opened = 0  # bumped on every (re)open, so thread cursors of a closed store are renewed
        self._local = threading.local()

    # -- store -------------------------------------------------------------------------------
    def open(self) -> None:
        from ..store import Store

        if self.read_only and not self.db_path.exists():
            # Create an empty, migrated database first, then reopen it read-only.
            Store(self.db_path).close()
        self._store = Store(self.db_path, read_only=self.read_only)
        self._opened += 1

    def close(self) -> None:
        if self._store is not None:
            close = getattr(self._store, "close", None)
            if close:
                close()
            self._store = None

    def _base(self) -> Any:
        with self.lock:
            if self._store is None:
                import duckdb

                try:
                    self.open()
                except (duckdb.Error, RuntimeError, OSError) as exc:
                    log.warning("dyadwatch: cannot open %s: %s", self.db_path, exc)
                    raise StoreUnavailable(_unavailable_reason(exc)) from exc
            return self._store

    def _reader(self) -> Any:
        """This thread's view of the store: the same object with a cursor of its own."""
        base = self._base()
        local = self._local
        if getattr(local, "opened", None) != self._opened or getattr(local, "view", None) is None:
            view = copy.copy(base)
            view.con = base.con.cursor()
            local.view, local.opened = view, self._opened
        return local.view

    @contextmanager
    def store(self) -> Iterator[Any]:
        """The store for writing, under the write lock (kept for callers of the old interface)."""
        base = self._base()
        with self.lock:
            yield base

    def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run `fn(store, *args, **kwargs)` on this thread's reading cursor, interrupted after
        `limits.query_seconds`."""
        view = self._reader()
        timer = threading.Timer(self.limits.query_seconds, view.con.interrupt)
        timer.daemon = True
        timer.start()
        try:
            return fn(view, *args, **kwargs)
        except Exception as exc:
            import duckdb

            if isinstance(exc, duckdb.InterruptException) or "INTERRUPT" in str(exc).upper():
                raise QueryTooLong(f"the query ran past the limit of {self.limits.query_seconds} s "
                                   "(DYADWATCH_QUERY_SECONDS); narrow it (dates, actors, a coarser freq)"
                                   ) from exc
            raise
        finally:
            timer.cancel()

    def write(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run `fn(store, *args, **kwargs)` on the writing connection, one writer at a time."""
        with self.store() as st:
            try:
                return fn(st, *args, **kwargs)
            finally:
                self.generation += 1


def _unavailable_reason(exc: BaseException) -> str:
    """Why the database cannot be opened, in words that name no path and no process id."""
    text = str(exc).lower()
    if "lock" in text or "conflicting" in text:
        return "the database is held by another process that is writing it; try again when it is done"
    if "not a valid" in text or "invalid" in text and "database" in text:
        return "the file is not a DuckDB database that this version can read"
    if "schema version" in text:
        return "the database has an older schema: open it once for writing to migrate it"
    if "no such" in text or "not found" in text:
        return "the database file does not exist"
    return "the database cannot be opened (see the server log)"


def _resolve(code: str) -> str:
    """An actor code for what a user typed ("prk", "North Korea", "Pyongyang" -> "PRK")."""
    raw = (code or "").strip()
    if not raw:
        raise HTTPException(422, "empty actor")
    try:
        from ..kb import load_kb

        found = load_kb().resolve(raw)
    except (ImportError, OSError, ValueError):  # the knowledge base is a convenience here
        found = None
    return found or raw.upper()


def _resolve_list(value: str | None) -> list[str] | None:
    """Codes for a comma-separated list of actor names or codes; None when empty."""
    codes = [_resolve(v) for v in (value or "").split(",") if v.strip()]
    return codes or None


def _known(raw: str) -> str | None:
    """The code the knowledge base resolves `raw` to, or None (also when the KB cannot load)."""
    try:
        from ..kb import load_kb

        return load_kb().resolve((raw or "").strip())
    except (ImportError, OSError, ValueError):
        return None


def _split(value: str | None, upper: bool = True) -> list[str] | None:
    """The items of a comma-separated parameter (upper-cased when `upper`); None when empty."""
    items = [v.strip().upper() if upper else v.strip() for v in (value or "").split(",") if v.strip()]
    return items or None


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    try:
        return parse_bbox(value)
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from None


def _measures() -> list[dict[str, Any]]:
    """The analysis' measures as plain records (a short built-in list on older analysis modules)."""
    try:
        from ..analysis.measures import MEASURES
    except ImportError:
        basic = {"net_coop": "cooperative minus conflictual events", "plover_mean": "mean PLOVER score (-10..+10)",
                 "plover_sum": "sum of PLOVER scores", "goldstein_mean": "mean Goldstein score (-10..+10)",
                 "n_events": "events (volume)"}
        return [{"name": k, "label": v, "unit": "", "kind": "", "polarity": 0} for k, v in basic.items()]
    return [{"name": m.name, "label": m.label, "unit": m.unit, "kind": m.kind, "polarity": m.polarity}
            for m in MEASURES.values()]


_FREQ_ALIASES = {"d": "day", "w": "week", "m": "month", "q": "quarter", "y": "year"}


def _freq(value: str | None) -> str:
    f = (value or "week").strip().lower()
    f = _FREQ_ALIASES.get(f, f)
    if f not in ("day", "week", "month", "quarter", "year"):
        raise HTTPException(422, f"freq must be day, week, month, quarter or year, not {value!r}")
    return f


def _iso(value: str | _date | None, name: str) -> str | None:
    if value in (None, ""):
        return None
    try:
        return _date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        raise HTTPException(422, f"{name}: not an ISO date (YYYY-MM-DD): {value!r}") from None


def _static(name: str) -> Path:
    path = (STATIC_DIR / name).resolve()
    if STATIC_DIR.resolve() not in path.parents or not path.is_file():
        raise HTTPException(404, "not found")
    return path


def create_app(db_path: str | Path | None = None, token: str | None = None,
               read_only: bool | None = None, bind: str | None = "127.0.0.1",
               allow_hosts: tuple[str, ...] = (), limits: Limits | None = None) -> FastAPI:
    """The FastAPI application over the DuckDB file `db_path`.

    `token` defaults to $DYADWATCH_TOKEN; without one the server is read-only. `read_only`
    forces the mode of the connection (default: read-write exactly when a token is configured).
    `bind` is the address the server listens on: with the local names, it is the Host header the
    server answers to, plus `allow_hosts` (see `guard.allowed_hosts`). `limits` bounds bodies,
    periods and query time (defaults from the environment, `guard.Limits`).
    """
    token = token if token is not None else config.api_token()
    if read_only is None:
        read_only = not token
    limits = limits or Limits()
    backend = Backend(config.db_path(db_path), read_only=read_only, limits=limits)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):  # type: ignore[no-untyped-def]
        try:
            with backend.lock:
                backend.open()
        except Exception as exc:  # noqa: BLE001 - keep serving: routes answer 503 with the reason
            log.error("dyadwatch: cannot open %s: %s", backend.db_path, exc)
        yield
        with backend.lock:
            backend.close()

    app = FastAPI(
        title="dyadwatch",
        version=__version__,
        description="Political events coded from news text (PLOVER), stored in DuckDB, and the "
                    "dynamics of dyads. Read routes are open; `POST /api/articles` needs a bearer token.",
        lifespan=lifespan,
        docs_url=None,  # FastAPI's pages load Swagger/ReDoc from a CDN; ours is bundled (static/api.html)
        redoc_url=None,
    )
    app.state.backend = backend
    from .alerts_routes import alerts_router

    app.include_router(alerts_router())
    app.openapi = lambda: complete_openapi(app)  # type: ignore[method-assign]
    app.add_middleware(ResponseCache, generation=lambda: (backend._opened, backend.generation))
    app.add_middleware(Guard, hosts=allowed_hosts(bind, allow_hosts), max_body=limits.max_body, token=token,
                       token_paths=lambda method, path: method == "POST" and path.startswith("/api/"))

    @app.exception_handler(Exception)
    async def internal_error(_request: Request, exc: Exception) -> JSONResponse:
        log.exception("dyadwatch: internal error", exc_info=exc)
        return JSONResponse({"detail": f"internal error ({type(exc).__name__})"}, status_code=500,
                            headers=SECURITY_HEADERS)

    @app.exception_handler(ValueError)
    async def value_error(_request: Request, exc: ValueError) -> JSONResponse:
        return JSONResponse({"detail": _short(str(exc))}, status_code=422)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
        # FastAPI's default echoes the whole input back; name the field and the rule only.
        errors = [{"loc": list(e.get("loc", ())), "msg": _short(str(e.get("msg", ""))), "type": e.get("type")}
                  for e in exc.errors()[:20]]
        return JSONResponse({"detail": errors}, status_code=422)

    def run(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        return _guarded(backend.call, fn, *args, **kwargs)

    def write(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        return _guarded(backend.write, fn, *args, **kwargs)

    def require_token(authorization: str | None = Header(default=None)) -> None:
        if not token:
            raise HTTPException(403, "this server is read-only: set DYADWATCH_TOKEN to enable writing")
        scheme, _, given = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
            raise HTTPException(401, "missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"})

    # -- dashboard -----------------------------------------------------------------------------
    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(_static("index.html"), media_type="text/html; charset=utf-8")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(_static("api.html"), media_type="text/html; charset=utf-8")

    @app.get("/static/{name:path}", include_in_schema=False)
    def static(name: str) -> FileResponse:
        return FileResponse(_static(name))

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    # -- API -----------------------------------------------------------------------------------
    @app.get("/api/info", tags=["meta"])
    def info() -> dict[str, Any]:
        """Version, database, write mode and counts."""

        def counts(st: Any) -> dict[str, Any]:
            out = {}
            for table in ("articles", "events"):
                out[table] = st.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            dates = st.con.execute("SELECT min(date), max(date) FROM events").fetchone()
            out["first_date"], out["last_date"] = jsonable(dates[0]), jsonable(dates[1])
            return out

        return {"version": __version__, "db": backend.db_path.name, "writable": bool(token),
                **run(counts)}

    @app.get("/api/events", tags=["events"])
    def list_events(
        actor: str | None = Query(None, description="actor code or name (comma-separated: any of them)"),
        recipient: str | None = Query(None, description="recipient code or name (comma-separated)"),
        type: str | None = Query(None, description="PLOVER event type, e.g. ASSAULT (comma-separated)"),
        since: _date | None = SINCE_Q,
        until: _date | None = UNTIL_Q,
        modality: str | None = Query(None, pattern=MODALITIES_RE,
                                     description="asserted, negated, hypothetical, future, claimed (comma-separated)"),
        story_id: str | None = Query(None, description="events of one article"),
        dyad: str | None = Query(None, description="A,B: events between A and B either way "
                                                   "(instead of actor and recipient)"),
        origin: str | None = Query(None, max_length=400,
                                   description="where the events come from: coded, gdelt, icews, ... (comma-separated)"),
        source: str | None = Query(None, max_length=400, description="outlet that reported the event (comma-separated)"),
        q: str | None = Query(None, max_length=200, description="words of the sentence, outlet, actor names or place "
                                                                "(case-insensitive, anywhere)"),
        sort: str = Query("-date", pattern=SORT_RE, description="column to sort by, '-' for descending: "
                                                               + ", ".join(k for k in EVENT_SORTS if k[0] != "-")),
        country: str | None = COUNTRY_Q,
        bbox: str | None = BBOX_Q,
        limit: int = Query(50, ge=1, le=MAX_PAGE),
        offset: int = Query(0, ge=0, le=100_000_000),
    ) -> dict[str, Any]:
        """Events matching the filters of `dyadwatch events`, newest first (or by `sort`), one page at a time."""
        filters = {
            "actor": _resolve_list(actor),
            "recipient": _resolve_list(recipient),
            "type": _split(type),
            "since": _iso(since, "since"),
            "until": _iso(until, "until"),
            "modality": [m.strip().lower() for m in modality.split(",") if m.strip()] if modality else None,
            "story_id": story_id,
            "origin": _split(origin, upper=False),
            "source": _split(source, upper=False),
            "place_country": _split(country),
            "bbox": _bbox(bbox),
        }

        pair = _resolve_list(dyad)
        if dyad is not None and (not pair or len(pair) != 2 or pair[0] == pair[1]):
            raise HTTPException(422, "dyad must name two different actors: dyad=USA,PRK")
        filters["dyad"] = pair

        def page(st: Any) -> dict[str, Any]:
            geo = filters["place_country"] or filters["bbox"]
            deep = not pair and offset > 1000  # Store.events sorts whole rows: slow on a deep page of a big store
            if (q and q.strip()) or sort not in ("-date", "date") or geo or deep or \
                    (pair and (filters["origin"] or filters["source"])):
                kw = {k: v for k, v in filters.items() if k != "dyad"}
                total, df = event_table(st, kw, q=q, dyad=pair, sort=sort, limit=limit, offset=offset,
                                        as_="records")
            elif pair:
                total, df = dyad_event_page(st, pair[0], pair[1], type=filters["type"], since=filters["since"],
                                            until=filters["until"], modality=filters["modality"],
                                            limit=limit, offset=offset, as_="records")
            else:
                kw = {k: v for k, v in filters.items() if k not in ("dyad", "place_country", "bbox")}
                total = st.count_events(**kw)
                df = st.events(limit=limit, offset=offset, order=sort, as_="records", **kw)
            return {"total": int(total), "limit": limit, "offset": offset, "filters": filters, "q": q, "sort": sort,
                    "items": records(df)}

        return run(page)

    @app.get("/api/facets", tags=["events"])
    def get_facets() -> dict[str, Any]:
        """The values the events table offers as filters, with counts: origins and outlets."""
        return run(facets)

    @app.get("/api/map", tags=["events"])
    def get_map(
        actor: str | None = Query(None, max_length=400, description="actor code or name (comma-separated)"),
        recipient: str | None = Query(None, max_length=400, description="recipient code or name (comma-separated)"),
        type: str | None = Query(None, max_length=400, description="PLOVER event types (comma-separated)"),
        since: _date | None = SINCE_Q,
        until: _date | None = UNTIL_Q,
        modality: str | None = Query(None, pattern=MODALITIES_RE, description="modalities (comma-separated)"),
        origin: str | None = Query(None, max_length=400, description="origins (comma-separated)"),
        source: str | None = Query(None, max_length=400, description="outlets (comma-separated)"),
        dyad: str | None = Query(None, max_length=200, description="A,B: events between A and B either way"),
        q: str | None = Query(None, max_length=200, description="text search, as for /api/events"),
        country: str | None = COUNTRY_Q,
        bbox: str | None = BBOX_Q,
        by: str = Query("place", pattern="^(place|actor|recipient)$",
                        description="country of an event: place (its place, else its recipient's, else its "
                                    "actor's), actor or recipient"),
        points: int = Query(2000, ge=0, le=10_000, description="at most this many places (the busiest)"),
    ) -> dict[str, Any]:
        """Events per country (for shading) and per place with coordinates (for points), for the
        filters of /api/events."""
        filters = {
            "actor": _resolve_list(actor), "recipient": _resolve_list(recipient),
            "type": _split(type), "since": _iso(since, "since"), "until": _iso(until, "until"),
            "modality": _split(modality, upper=False), "origin": _split(origin, upper=False),
            "source": _split(source, upper=False), "place_country": _split(country), "bbox": _bbox(bbox),
        }
        pair = _resolve_list(dyad)
        if dyad is not None and (not pair or len(pair) != 2 or pair[0] == pair[1]):
            raise HTTPException(422, "dyad must name two different actors: dyad=USA,PRK")
        return run(map_summary, filters, q=q, dyad=pair, by=by, max_points=points)

    @app.get("/api/events/{event_id}", tags=["events"])
    def get_event(event_id: str) -> dict[str, Any]:
        """One event with its evidence (sentence and character offsets, every mention), its
        article's title and its reports (every article that told of it, with outlet and URL)."""

        def one(st: Any) -> dict[str, Any] | None:
            ev = st.event(event_id)
            if not ev:
                return None
            ev = jsonable(ev)
            art = st.con.execute("SELECT id, title, url, date, source FROM articles WHERE id = ?",
                                 [ev.get("story_id")]).fetchone()
            ev["article"] = (dict(zip(("id", "title", "url", "date", "source"), jsonable(list(art))))
                             if art else None)
            ev["reports"] = jsonable(st.event_reports(ev.get("merged_into") or event_id))
            return ev

        ev = run(one)
        if ev is None:
            raise HTTPException(404, f"no event {event_id!r}")
        return ev

    @app.get("/api/articles", tags=["articles"])
    def list_articles(limit: int = Query(50, ge=1, le=MAX_PAGE), offset: int = Query(0, ge=0)) -> dict[str, Any]:
        """Stored articles, newest first, without their text (one page at a time)."""

        def page(st: Any) -> dict[str, Any]:
            total = st.con.execute("SELECT count(*) FROM articles").fetchone()[0]
            df = st.articles(limit=limit, offset=offset)
            return {"total": int(total), "limit": limit, "offset": offset,
                    "items": records(df.drop(columns=["text"], errors="ignore"))}

        return run(page)

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def get_article(article_id: str) -> dict[str, Any]:
        """One article: its text and its events with their character offsets into that text."""
        art = run(lambda st: st.article(article_id))
        if not art:
            raise HTTPException(404, f"no article {article_id!r}")
        return jsonable(art)

    @app.post("/api/articles", tags=["articles"], status_code=201, dependencies=[Depends(require_token)])
    def post_article(body: ArticleIn) -> dict[str, Any]:
        """Clean, code and store one article, exactly as `dyadwatch ingest` does with a JSON line
        (needs `Authorization: Bearer <token>`). Posting a stored article again changes nothing."""
        if read_only:
            raise HTTPException(403, "this server was started read-only")
        from ..ingest.readers import IngestError, record_to_article
        from ..pipeline import ingest_articles

        art = record_to_article(body.model_dump(exclude_none=True), "api", None)
        if isinstance(art, IngestError):
            raise HTTPException(422, str(art))
        if art.language in (None, "en"):
            from ..coding import get_coder

            with _MODEL_LOCK:  # one load however many first requests arrive together
                get_coder()  # load spaCy before taking the write lock, so that reads go on meanwhile
        report = write(lambda st: ingest_articles([art], st))
        if report.errors:
            raise HTTPException(422, "; ".join(report.errors))
        stored = run(lambda st: st.article(art.id)) or {}
        return {"id": art.id, "raw_id": art.raw_id, "new": report.stored_new == 1,
                "language": art.language, "n_events": len(stored.get("events") or []),
                "events": jsonable(stored.get("events") or [])}

    @app.get("/api/actors", tags=["actors"])
    def actors(limit: int = Query(500, ge=1, le=5000)) -> list[dict[str, Any]]:
        """Actors that occur in the events, with names and event counts, most frequent first."""
        rows = records(run(lambda st: st.actors()))
        try:
            from ..kb import load_kb

            name_of = load_kb().country_name
        except (ImportError, OSError, ValueError):  # names are a convenience
            def name_of(_code: str) -> str | None:
                return None
        for r in rows:
            r.setdefault("events", int(r.get("n_actor") or 0) + int(r.get("n_recipient") or 0))
            if not r.get("name") and r.get("code"):
                r["name"] = name_of(r["code"])
        rows.sort(key=lambda r: (-r["events"], r.get("code") or ""))
        return rows[:limit]

    @app.get("/api/actors/suggest", tags=["actors"])
    def actors_suggest(q: str = Query(..., min_length=1, max_length=100, description="what the user typed"),
                       limit: int = Query(8, ge=1, le=50)) -> dict[str, Any]:
        """Actors a user may mean: the code the knowledge base resolves the text to (if any), and the
        closest codes and names it knows or the store holds, each with its number of events."""
        code = _known(q)
        return {"q": q, "code": code, "suggestions": run(suggest_actors, q, limit=limit)}

    @app.get("/api/network", tags=["actors"])
    def get_network(since: _date | None = None, until: _date | None = None,
                    min_events: int = Query(1, ge=1), limit: int = Query(150, ge=1, le=2000),
                    modality: str = MODALITY_Q) -> dict[str, Any]:
        """Who interacts with whom: undirected edges with event counts and net cooperation."""
        df = run(network, since=_iso(since, "since"), until=_iso(until, "until"),
                 min_events=min_events, limit=limit, modality=modality or None)
        return {"edges": records(df)}

    @app.get("/api/watch", tags=["alerts"])
    def get_watch() -> dict[str, Any]:
        """What the watch has done: its sources (last poll, last error, articles), how far each
        dyad was checked, and how many alerts it raised; `active` is false when it never ran."""
        return run(watch_status)

    @app.get("/api/measures", tags=["dyads"])
    def get_measures() -> dict[str, Any]:
        """The measures a dyad series offers: name, what it means in words, its unit, its kind
        (tone, count, normalised by coverage, volume) and which way is cooperation."""
        return {"measures": _measures()}

    # -- dyads -------------------------------------------------------------------------------
    def check_actor(raw: str, code: str) -> None:
        """422 naming the actor and the closest names, when neither the knowledge base nor the
        store knows `code`."""
        if _known(raw) or run(lambda st: st.con.execute(
                "SELECT count(*) FROM (SELECT 1 FROM event_dyads WHERE source = ? OR target = ? LIMIT 1)",
                [code, code]).fetchall()[0][0]):
            return
        near = run(suggest_actors, raw, limit=5)
        hint = ", ".join(f"{s['code']} ({s['name']})" if s.get("name") else s["code"] for s in near)
        raise HTTPException(422, f"unknown actor {raw[:60]!r}: no stored event has it and the knowledge base "
                                 f"does not know the name" + (f"; did you mean {hint}?" if hint else ""))

    def dyad_args(a: str, b: str, freq: str) -> tuple[str, str, str]:
        ca, cb = _resolve(a), _resolve(b)
        check_actor(a, ca)
        check_actor(b, cb)
        if ca == cb:
            raise HTTPException(422, f"a dyad needs two different actors (both are {ca})")
        return ca, cb, _freq(freq)

    @app.get("/api/dyads/{a}/{b}/key_events", tags=["dyads"])
    def dyad_key_events(a: str, b: str, since: _date | None = None, until: _date | None = None,
                        modality: str = MODALITY_Q, limit: int = Query(10, ge=1, le=100)) -> dict[str, Any]:
        """The events of the dyad worth a label on its chart: the largest by severity (|Goldstein|,
        else |PLOVER score|) and by the number of sources that reported them."""
        ca, cb, _ = dyad_args(a, b, "week")
        items = run(key_events, ca, cb, since=_iso(since, "since"), until=_iso(until, "until"),
                    modality=modality or None, limit=limit)
        return {"a": ca, "b": cb, "items": items}

    freq_q = Query("week", pattern=FREQ_RE, description="period: day, week, month, quarter, year (or D, W, M, Q, Y)")
    measure_q = Query("net_coop", description="net_coop, plover_mean, plover_sum, goldstein_mean, n_events")

    @app.get("/api/dyads/{a}/{b}/series", tags=["dyads"])
    def series(a: str, b: str, freq: str = freq_q, since: _date | None = None, until: _date | None = None,
               directed: bool = False, modality: str = MODALITY_Q,
               fields: str | None = Query(None, max_length=400, pattern=r"^[a-z0-9_]+(,[a-z0-9_]+)*$",
                                          description="only these columns besides period and direction "
                                                      "(comma-separated measure names), e.g. coop_balance,n_events"),
               ) -> dict[str, Any]:
        """Cooperation-conflict series of a dyad: one row per period and direction (a->b, b->a, both)
        with counts by quad class and type, PLOVER and Goldstein sums and means, net_coop (or only
        the `fields` asked for)."""
        from ..analysis import dyad_series

        ca, cb, f = dyad_args(a, b, freq)
        lo, hi = run(clamp_range, _iso(since, "since"), _iso(until, "until"), f, limits.max_periods)
        df = run(dyad_series, ca, cb, freq=f, since=lo, until=hi, directed=directed, modality=modality or None)
        if fields:
            want = list(dict.fromkeys(["period", "direction", *fields.split(",")]))
            unknown = [c for c in want if c not in df.columns]
            if unknown and len(df.columns):
                raise HTTPException(422, f"fields: no column {', '.join(unknown)[:200]}; choose from "
                                         f"{', '.join(c for c in df.columns if c not in ('period', 'direction'))}"[:300])
            attrs = dict(df.attrs)
            df = df[[c for c in want if c in df.columns]]
            df.attrs.update(attrs)
        return {"a": ca, "b": cb, "freq": f, "directed": directed, **jsonable(dict(df.attrs)),
                "points": records(df)}

    @app.get("/api/dyads/{a}/{b}/regimes", tags=["dyads"])
    def regimes(a: str, b: str, freq: str = freq_q, measure: str = measure_q, since: _date | None = None,
                until: _date | None = None,
                penalty: float | None = Query(None, gt=0, allow_inf_nan=False,
                                              description="change-point penalty (> 0); default: scaled to the data")
                ) -> dict[str, Any]:
        """Regimes of a dyad's series (segments between change points), with their level and top events."""
        from ..analysis import dyad_regimes

        ca, cb, f = dyad_args(a, b, freq)
        lo, hi = run(clamp_range, _iso(since, "since"), _iso(until, "until"), f, limits.max_periods)
        df = run(dyad_regimes, ca, cb, freq=f, measure=measure, since=lo, until=hi, penalty=penalty)
        return {"a": ca, "b": cb, **jsonable(dict(df.attrs)), "regimes": records(df)}

    @app.get("/api/dyads/{a}/{b}/impact", tags=["dyads"])
    def impact(a: str, b: str, date: _date | None = None, event: str | None = None, freq: str = freq_q,
               measure: str = measure_q, window: int | None = Query(None, ge=2, le=520)) -> dict[str, Any]:
        """Did the dyad change at `date` (or at the date of the stored `event`)? Segmented regression
        with a placebo test: verdict, level and trend change, and per period the observed value and
        the fitted lines before and after (`fit`)."""
        from ..analysis import dyad_impact

        ca, cb, f = dyad_args(a, b, freq)
        when = _iso(date, "date")
        if not when and not event:
            raise HTTPException(422, "give date=YYYY-MM-DD or event=<event id>")
        out = run(dyad_impact, ca, cb, date=when, event_id=event or None, freq=f, measure=measure,
                  window=window)
        out = jsonable(out)
        out["a"], out["b"] = ca, cb
        out["fit"] = impact_fit(out)
        return out

    @app.get("/api/dyads/{a}/{b}/reciprocity", tags=["dyads"])
    def reciprocity(a: str, b: str, freq: str = freq_q, measure: str = measure_q,
                    max_lag: int = Query(4, ge=1, le=26)) -> dict[str, Any]:
        """How each side answers the other: lagged cross-correlations and Granger tests."""
        from ..analysis import dyad_reciprocity

        ca, cb, f = dyad_args(a, b, freq)
        out = jsonable(run(dyad_reciprocity, ca, cb, freq=f, measure=measure, max_lag=max_lag))
        out["a"], out["b"] = ca, cb
        return out

    return app


def _short(text: str, limit: int = 300) -> str:
    """An error message cut to `limit` characters (messages may quote what the client sent)."""
    return text if len(text) <= limit else text[:limit] + "..."


def _guarded(call: Callable[..., T], fn: Callable[..., Any], *args: Any, **kwargs: Any) -> T:
    """`call(fn, ...)` with the store's failures as HTTP errors that name no path or process."""
    try:
        return call(fn, *args, **kwargs)
    except HTTPException:
        raise
    except StoreUnavailable as exc:
        raise HTTPException(503, str(exc)) from exc
    except QueryTooLong as exc:
        raise HTTPException(503, str(exc)) from exc
    except ValueError as exc:  # AnalysisError and other bad arguments
        raise HTTPException(422, _short(str(exc))) from exc
    except ImportError as exc:
        raise HTTPException(501, f"not available in this installation: {type(exc).__name__}") from exc
    except Exception as exc:
        import duckdb

        if isinstance(exc, duckdb.OperationalError | duckdb.IOException):  # I/O, locks
            log.warning("dyadwatch: database error: %s", exc)
            raise HTTPException(503, "the database is unavailable (see the server log)") from exc
        if isinstance(exc, duckdb.DataError | duckdb.InvalidInputException | duckdb.ConversionException):
            raise HTTPException(422, f"bad value: {_short(str(exc))}") from exc
        raise


__all__ = ["CSP", "ArticleIn", "Backend", "QueryTooLong", "StoreUnavailable", "create_app"]
