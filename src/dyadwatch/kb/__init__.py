"""Actor knowledge base and event lexicon, as data files in `kb/data/`."""

from __future__ import annotations

from .actors import ActorEntry, KnowledgeBase, clear_cache, load_kb, normalise

__all__ = ["ActorEntry", "KnowledgeBase", "clear_cache", "load_kb", "normalise"]
