"""Ingestion: files, directories and stdin -> cleaned `Article` records."""

from __future__ import annotations

from .article import Article, article_id, normalise_text
from .debris import clean_text
from .language import detect_language
from .readers import IngestError, expand_paths, parse_date, read_paths, read_text

__all__ = ["Article", "IngestError", "article_id", "clean_text", "detect_language", "expand_paths",
           "normalise_text", "parse_date", "read_paths", "read_text"]
