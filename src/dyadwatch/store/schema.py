"""DuckDB schema of the dyadwatch store. Versioned: `migrations` run in order on open.

Tables
- articles: one row per article (stable id from normalised text + URL).
- events: one row per event, with its evidence; imported events carry origin and original codes.
- Steps are SQL strings, or functions of the connection for what SQL says badly (migration 4).
- event_dyads: one row per (event, actor code, recipient code) pair, the narrow table every dyad
  analysis reads. `target` is NULL for events without a recipient.

Version 4 ("events") makes events count right: a row of `events` is a *report* (one act as one
article tells it); reports of one happening are merged into one *event* (`merged_into` is NULL on
the event's own row, the representative, and the event's id on its other reports); event_dyads holds
rows for events only. Joint acts are one row per ordered pair (`joint_id`), never A -> A. Also the
outlet of each report (`source`), within-article mentions, near-duplicate stories (MinHash LSH
buckets, signatures and links) and the report-level view `report_dyads`. See store/clusters.py.

Version 5 ("live") adds the state of `dyadwatch watch` (sources polled, feed items and folder files
already stored, each watched dyad's last check) and the alerts it raised, with their events and
deliveries. See dyadwatch/watch/state.py.

Version 2 drops the PRIMARY KEY of events.id: its index made bulk imports three times slower and
holds every id in memory. Ids stay unique because every insert goes through
`Store.insert_staged`, which skips ids already stored.
"""

from typing import Any

from .reports import migrate_reports  # a Python step of migration 4

SCHEMA_VERSION = 5
# Long strings that seldom repeat (ids, URLs, the source's own record as JSON) are stored with zstd:
# DuckDB's default for strings (dictionary + FSST, chosen per segment) spent a third of the cost of
# writing a 400k-row GDELT import on these five columns (0.40 s of 1.2 s CPU at the commit) and
# stored `original` in 16.5 MB against zstd's 8.9 MB. The clause only sets how a column is stored:
# types and SELECTs are the same. Stores made before keep their columns' compression.
ZSTD = "USING COMPRESSION zstd"
_GEO = ("STRUCT(type TINYINT, name VARCHAR, country VARCHAR, adm1 VARCHAR, adm2 VARCHAR, lat DOUBLE, "
        "lon DOUBLE, feature_id VARCHAR)")  # a place as GDELT's geo blocks give it (migration 3)

# events as migration 2 makes it; migrations 3 and 4 add the columns below, in this order
_EVENTS_V2 = """
        CREATE TABLE {name} (
            id VARCHAR {zstd},
            story_id VARCHAR {zstd},
            date DATE,
            date_precision VARCHAR,
            event VARCHAR,
            mode VARCHAR,
            context VARCHAR[],
            actor_code VARCHAR,
            actor_sector VARCHAR,
            recipient_code VARCHAR,
            recipient_sector VARCHAR,
            actor JSON,
            recipient JSON,
            modality VARCHAR,
            cameo VARCHAR,
            goldstein DOUBLE,
            plover_score DOUBLE,
            quad_code TINYINT,
            confidence DOUBLE,
            event_text VARCHAR,
            evidence JSON,
            location VARCHAR,
            origin VARCHAR,
            origin_id VARCHAR {zstd},
            original JSON {zstd},
            ingested_at TIMESTAMP DEFAULT current_timestamp{more}
        )
        """
_V3_COLUMNS = (
    "num_mentions INTEGER", "num_sources INTEGER", "num_articles INTEGER", "avg_tone DOUBLE",
    "is_root_event BOOLEAN", f"source_url VARCHAR {ZSTD}", "geo_type TINYINT", "geo_name VARCHAR",
    "geo_country VARCHAR", "geo_adm1 VARCHAR", "geo_adm2 VARCHAR", "geo_lat DOUBLE", "geo_lon DOUBLE",
    "geo_feature_id VARCHAR",
    f"actor_geo {_GEO}", f"recipient_geo {_GEO}",
    "intensity DOUBLE", "publisher VARCHAR", "headline VARCHAR", "sentence_number INTEGER",
    "story_people VARCHAR[]", "story_organizations VARCHAR[]", "story_locations VARCHAR[]",
)
_V4_COLUMNS = (
    "joint_id VARCHAR", "mentions JSON", "source VARCHAR", "merged_into VARCHAR", "merge_key VARCHAR",
    "merge_group VARCHAR", "merge_reason VARCHAR", "num_reports INTEGER", "outlets VARCHAR[]",
    "first_reported DATE",
)

# report_dyads (4): one row per report and dyad, for counting reports rather than events
REPORT_DYADS_VIEW = """
CREATE OR REPLACE VIEW report_dyads AS
SELECT r.id AS report_id, d.event_id, r.story_id, r.source AS outlet, r.date, r.date_precision, d.source,
       d.target, d.event, d.quad_code, d.plover_score, d.goldstein, r.modality, d.origin,
       coalesce(json_array_length(r.mentions), 1) AS mentions
FROM event_dyads d JOIN events r ON coalesce(r.merged_into, r.id) = d.event_id
"""

WATCH_DDL = [  # migration 5 ("live")
    """
    CREATE TABLE IF NOT EXISTS watch_sources (
        source VARCHAR PRIMARY KEY,
        kind VARCHAR,
        etag VARCHAR,
        last_modified VARCHAR,
        last_poll TIMESTAMP,
        last_ok TIMESTAMP,
        last_error VARCHAR,
        n_polls INTEGER DEFAULT 0,
        n_articles INTEGER DEFAULT 0
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS watch_items (
        source VARCHAR,
        key VARCHAR,
        link VARCHAR,
        content_key VARCHAR,
        article_id VARCHAR,
        seen_at TIMESTAMP DEFAULT current_timestamp,
        PRIMARY KEY (source, key)
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS watch_files (
        source VARCHAR,
        path VARCHAR,
        size BIGINT,
        mtime_ns BIGINT,
        seen_at TIMESTAMP DEFAULT current_timestamp,
        PRIMARY KEY (source, path)
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS watch_dyads (
        dyad VARCHAR PRIMARY KEY,
        checked_until TIMESTAMP,
        checked_at TIMESTAMP
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS alerts (
        id VARCHAR PRIMARY KEY,
        dyad VARCHAR,
        kinds VARCHAR[],
        verdict VARCHAR,
        change_point DATE,
        raised_at TIMESTAMP DEFAULT current_timestamp,
        payload JSON
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS alert_events (
        alert_id VARCHAR,
        dyad VARCHAR,
        event_id VARCHAR,
        PRIMARY KEY (alert_id, event_id)
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS alert_deliveries (
        alert_id VARCHAR,
        sink VARCHAR,
        delivered_at TIMESTAMP DEFAULT current_timestamp,
        PRIMARY KEY (alert_id, sink)
    )
    """,
]

MIGRATIONS: dict[int, list[Any]] = {
    1: [
        """
        CREATE TABLE IF NOT EXISTS articles (
            id VARCHAR PRIMARY KEY,
            raw_id VARCHAR,
            title VARCHAR,
            text VARCHAR,
            url VARCHAR,
            date DATE,
            source VARCHAR,
            language VARCHAR,
            path VARCHAR,
            coded BOOLEAN,
            n_events INTEGER,
            ingested_at TIMESTAMP DEFAULT current_timestamp
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS events (
            id VARCHAR PRIMARY KEY,
            story_id VARCHAR,
            date DATE,
            date_precision VARCHAR,
            event VARCHAR,
            mode VARCHAR,
            context VARCHAR[],
            actor_code VARCHAR,
            actor_sector VARCHAR,
            recipient_code VARCHAR,
            recipient_sector VARCHAR,
            actor JSON,
            recipient JSON,
            modality VARCHAR,
            cameo VARCHAR,
            goldstein DOUBLE,
            plover_score DOUBLE,
            quad_code TINYINT,
            confidence DOUBLE,
            event_text VARCHAR,
            evidence JSON,
            location VARCHAR,
            origin VARCHAR,
            origin_id VARCHAR,
            original JSON,
            ingested_at TIMESTAMP DEFAULT current_timestamp
        )
        """,
        f"""
        CREATE TABLE IF NOT EXISTS event_dyads (
            event_id VARCHAR {ZSTD},
            date DATE,
            source VARCHAR,
            target VARCHAR,
            event VARCHAR,
            quad_code TINYINT,
            plover_score DOUBLE,
            goldstein DOUBLE,
            modality VARCHAR,
            origin VARCHAR
        )
        """,
    ],
    2: [
        _EVENTS_V2.format(name="events_v2", more="", zstd=ZSTD),
        "INSERT INTO events_v2 SELECT * FROM events",
        "DROP TABLE events",
        "ALTER TABLE events_v2 RENAME TO events",
    ],
    # 3 ("formats"): what imported datasets say, as typed columns beside the store's own scales.
    # The event's place (GDELT ActionGeo, ICEWS city/province, POLECAT placename + GeoNames id), the
    # actors' places (GDELT Actor1Geo/Actor2Geo), ICEWS/POLECAT intensity and story fields, GDELT's
    # URL, and the mentions of GDELT 2.0 events (mentions files). The count columns are also created
    # by "events" (same names and types), hence IF NOT EXISTS.
    3: [
        *(f"ALTER TABLE events ADD COLUMN IF NOT EXISTS {col}" for col in _V3_COLUMNS),
        """
        CREATE TABLE IF NOT EXISTS event_mentions (
            event_id VARCHAR,
            origin_id VARCHAR,
            event_time TIMESTAMP,
            mention_time TIMESTAMP,
            mention_type TINYINT,
            source_name VARCHAR,
            identifier VARCHAR,
            sentence_id INTEGER,
            actor1_offset INTEGER,
            actor2_offset INTEGER,
            action_offset INTEGER,
            in_raw_text BOOLEAN,
            confidence DOUBLE,
            doc_length INTEGER,
            doc_tone DOUBLE
        )
        """,
    ],
    # 4 ("events"): reports, events and their counts; joint acts as ordered pairs; outlets; stories.
    4: [
        *(f"ALTER TABLE events ADD COLUMN IF NOT EXISTS {col}" for col in _V4_COLUMNS),
        "CREATE TABLE IF NOT EXISTS story_signatures (article_id VARCHAR, date DATE, signature UBIGINT[])",
        "CREATE TABLE IF NOT EXISTS story_bands (article_id VARCHAR, band SMALLINT, bucket BIGINT)",
        "CREATE TABLE IF NOT EXISTS story_links (article_id VARCHAR, other_id VARCHAR, jaccard DOUBLE)",
        REPORT_DYADS_VIEW,
        migrate_reports,  # Python: split stored joint acts into ordered pairs, fill outlets, counts, keys
    ],
    # 5 ("live"): the watch's state per source and dyad, and its alerts (dyadwatch/watch/state.py)
    5: WATCH_DDL,
}


# A database with no tables gets the schema of FRESH_VERSION at once: the tables as the migrations
# up to it leave them (same columns in the same order, same types, defaults, keys and view), made
# in 17 statements instead of 60 (35 ALTER TABLEs of events among them): about 0.08 s of CPU of
# every first import or ingest. tests/test_import_fresh_schema.py compares the two. A migration
# after FRESH_VERSION runs on a fresh database as on any other.
FRESH_VERSION = 5
FRESH: list[Any] = [
    MIGRATIONS[1][0],  # articles
    _EVENTS_V2.format(name="events", zstd=ZSTD, more="".join(f",\n            {c}" for c in (*_V3_COLUMNS, *_V4_COLUMNS))),
    MIGRATIONS[1][2],  # event_dyads
    *(stmt for stmt in MIGRATIONS[3] if isinstance(stmt, str) and "ALTER TABLE" not in stmt),  # event_mentions
    *(stmt for stmt in MIGRATIONS[4] if isinstance(stmt, str) and "ALTER TABLE" not in stmt),  # stories, view
    *WATCH_DDL,
]
