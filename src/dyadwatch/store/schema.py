"""DuckDB schema of the dyadwatch store. Versioned: `migrations` run in order on open.

Tables
- articles: one row per article (stable id from normalised text + URL).
- events: one row per event, with its evidence; imported events carry origin and original codes.
- event_dyads: one row per (event, actor code, recipient code) pair, the narrow table every dyad
  analysis reads. `target` is NULL for events without a recipient.

Version 2 drops the PRIMARY KEY of events.id: its index made bulk imports three times slower and
holds every id in memory. Ids stay unique because every insert goes through
`Store.insert_staged`, which skips ids already stored.
"""

SCHEMA_VERSION = 3
_GEO = ("STRUCT(type TINYINT, name VARCHAR, country VARCHAR, adm1 VARCHAR, adm2 VARCHAR, lat DOUBLE, "
        "lon DOUBLE, feature_id VARCHAR)")  # a place as GDELT's geo blocks give it (migration 3)

MIGRATIONS: dict[int, list[str]] = {
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
        """
        CREATE TABLE IF NOT EXISTS event_dyads (
            event_id VARCHAR,
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
        """
        CREATE TABLE events_v2 (
            id VARCHAR,
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
        *(f"ALTER TABLE events ADD COLUMN IF NOT EXISTS {col}" for col in (
            "num_mentions INTEGER", "num_sources INTEGER", "num_articles INTEGER", "avg_tone DOUBLE",
            "is_root_event BOOLEAN", "source_url VARCHAR", "geo_type TINYINT", "geo_name VARCHAR",
            "geo_country VARCHAR", "geo_adm1 VARCHAR", "geo_adm2 VARCHAR", "geo_lat DOUBLE", "geo_lon DOUBLE",
            "geo_feature_id VARCHAR",
            f"actor_geo {_GEO}", f"recipient_geo {_GEO}",
            "intensity DOUBLE", "publisher VARCHAR", "headline VARCHAR", "sentence_number INTEGER",
            "story_people VARCHAR[]", "story_organizations VARCHAR[]", "story_locations VARCHAR[]",
        )),
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
}
