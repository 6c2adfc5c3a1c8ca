"""SQL pieces every tab-separated importer shares: CAMEO codes, scales, actor JSON, geo structs."""

from __future__ import annotations

from ...events import QUAD

PLOVER_TYPES = tuple(QUAD)


def cameo_select(raw: str) -> str:
    """Columns `cameo`, `cameo_fix` (how the raw code was read: NULL, 'zero' when a leading zero
    was restored, 'unknown') and the code's type and scales (`k_event`, ... for `SCALES_SELECT`)
    from a raw CAMEO code expression; needs the join of `cameo_joins`."""
    return ("k.cameo AS cameo, CASE k.fix WHEN 'ok' THEN NULL WHEN 'zero' THEN 'zero' ELSE 'unknown' END AS cameo_fix, "
            "k.event AS k_event, k.mode AS k_mode, k.context AS k_context, k.goldstein AS k_goldstein, "
            "k.plover_score AS k_plover_score, k.quad_code AS k_quad_code")


def cameo_joins(raw: str) -> str:
    """The join for `cameo_select`: the code as written, or with a leading zero restored (a
    spreadsheet turns 042 into 42 and 0211 into 211), in one lookup (lookups._dw_cameo_raw)."""
    return f"LEFT JOIN _dw_cameo_raw k ON k.raw = {raw}"


# From a relation `m` with the columns of `cameo_select`: the event type and scales.
SCALES_SELECT = """
    k_event AS event, k_mode AS mode, coalesce(k_context, []::VARCHAR[]) AS context,
    k_goldstein AS goldstein, k_plover_score AS plover_score, k_quad_code AS quad_code
"""
SCALES_JOINS = ""
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
