"""The DuckDB store (see core.Store) and the importers / exporters of others' event data."""

from __future__ import annotations

from .core import DYAD_COLS, EVENT_COLS, Store, dyad_pairs, to_date

__all__ = ["DYAD_COLS", "EVENT_COLS", "Store", "dyad_pairs", "to_date"]
