"""SQL pieces every tab-separated importer shares: CAMEO codes, scales, actor JSON, geo structs."""

from __future__ import annotations

from ...events import QUAD

PLOVER_TYPES = tuple(QUAD)


def cameo_select(raw: str) -> str:
    """Columns `cameo`, `cameo_fix` (how the raw code was read: NULL, 'zero' when a leading zero
    was restored, 'unknown') from a raw CAMEO code expression; needs the joins of `cameo_joins`."""
    return (f"CASE WHEN k1.code IS NOT NULL AND length({raw}) > 2 THEN k1.code WHEN k0.code IS NOT NULL "
            f"THEN k0.code END AS cameo, "
            f"CASE WHEN k1.code IS NOT NULL AND length({raw}) > 2 THEN NULL WHEN k0.code IS NOT NULL THEN 'zero' "
            f"ELSE 'unknown' END AS cameo_fix")


def cameo_joins(raw: str) -> str:
    """Joins for `cameo_select`: the code as written, and with a leading zero restored (a
    spreadsheet turns 042 into 42 and 0211 into 211)."""
    return (f"LEFT JOIN _dw_cameo k1 ON k1.code = {raw} "
            f"LEFT JOIN _dw_cameo k0 ON k0.code = '0' || {raw} AND {raw} NOT LIKE '0%'")


# From a relation `m` with `cameo`, `cameo_fix` and `cameo_raw`: the event type and scales.
SCALES_SELECT = """
    c.plover AS event, c.mode AS mode,
    CASE WHEN c.context IS NULL THEN []::VARCHAR[]
         ELSE list_transform(string_split(c.context, ';'), lambda x: trim(x)) END AS context,
    c.goldstein AS goldstein, coalesce(sm.score, s.score) AS plover_score, q.quad AS quad_code
"""
SCALES_JOINS = """
    LEFT JOIN _dw_cameo c ON c.code = m.cameo
    LEFT JOIN _dw_score s ON s.event = c.plover AND s.mode IS NULL
    LEFT JOIN _dw_score sm ON sm.event = c.plover AND sm.mode = c.mode
    LEFT JOIN _dw_quad q ON q.event = c.plover
"""
# The bad-code error (a CASE branch and the detail), and the warning for a restored leading zero,
# from `cameo`, `cameo_fix`, `cameo_raw`.
CAMEO_ERR_WHEN = "WHEN cameo_fix = 'unknown' THEN 'unknown CAMEO code'"
CAMEO_ERR_DETAIL = "WHEN cameo_fix = 'unknown' THEN coalesce('\"' || cameo_raw || '\"', '(empty)')"
CAMEO_WARN = ("CASE WHEN cameo_fix = 'zero' THEN 'CAMEO code lost its leading zero' END AS warn, "
              "CASE WHEN cameo_fix = 'zero' THEN '\"' || cameo_raw || '\" read as \"' || cameo || '\"' || "
              "CASE WHEN length(cameo_raw) = 2 THEN ' (not the root code ' || cameo_raw || '); keep codes as "
              "text to keep the zero' ELSE '' END END AS warn_detail")


def actor_json(code: str, sector: str, name: str) -> str:
    """The `actor` / `recipient` JSON list of one actor (empty when neither code nor name)."""
    return (f"CASE WHEN {code} IS NULL AND {name} IS NULL THEN '[]'::JSON ELSE "
            f"to_json([{{'code': {code}, 'sector': {sector}, 'entity_text': {name}, "
            f"'start': NULL::INTEGER, 'end': NULL::INTEGER}}]) END")


def empty_geo() -> str:
    return ("NULL::STRUCT(type TINYINT, name VARCHAR, country VARCHAR, adm1 VARCHAR, adm2 VARCHAR, lat DOUBLE, "
            "lon DOUBLE, feature_id VARCHAR)")
