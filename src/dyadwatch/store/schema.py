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

SCHEMA_VERSION = 2

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
}
