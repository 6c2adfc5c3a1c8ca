"""Dyad dynamics from the stored events: series, regimes, impact, reciprocity, triads.

Every function takes a `Store` (or its duckdb connection) and actor codes, aggregates
`event_dyads` in DuckDB and returns a DataFrame or a dict of plain types (`to_jsonable` turns any
result into JSON-ready values). Only `modality = 'asserted'` events count unless asked otherwise;
`count=`, `one_a_day=`, `root_only=` and `weight=` choose the counting convention (counting.py).
The measures and which way each one points are in measures.py.
"""

from __future__ import annotations

from .common import AnalysisError, resolve_actor, to_jsonable
from .counting import Counting, counting
from .impact import dyad_impact, event_info
from .measures import DEFAULT_MEASURE, MEASURES, TONE_MEASURES, get_measure
from .reciprocity import dyad_reciprocity
from .regimes import dyad_regimes
from .series import DIRECTIONS, direction_series, dyad_series, measure_series
from .triad import triad_cohesion

__all__ = [
    "DEFAULT_MEASURE",
    "DIRECTIONS",
    "MEASURES",
    "TONE_MEASURES",
    "AnalysisError",
    "Counting",
    "counting",
    "direction_series",
    "dyad_impact",
    "dyad_reciprocity",
    "dyad_regimes",
    "dyad_series",
    "event_info",
    "get_measure",
    "measure_series",
    "resolve_actor",
    "to_jsonable",
    "triad_cohesion",
]
