"""Event coding: sentences -> PLOVER events (actors, triggers, arguments, modality, dates)."""

from __future__ import annotations

from .coder import Coder, code_article, code_articles, code_text, get_coder

__all__ = ["Coder", "code_article", "code_articles", "code_text", "get_coder"]
