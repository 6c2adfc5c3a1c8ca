"""The one record type that ingestion produces, and the error it reports instead."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field


def normalise_text(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    return re.sub(r"\s+", " ", text).strip().lower()


def article_id(text: str, url: str | None = None) -> str:
    """Stable id from the normalised text and URL: re-ingesting the same article changes nothing."""
    key = normalise_text(text) + "\x00" + (url or "").strip().lower()
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass
class Article:
    text: str  # cleaned main text, the text every offset refers to
    title: str | None = None
    url: str | None = None
    date: str | None = None  # ISO publication date, None when unknown
    source: str | None = None
    language: str | None = None
    path: str | None = None  # where it came from (file, file:line, stdin, api)
    id: str | None = None
    raw_id: str | None = None  # the id given in the input, if any
    meta: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.id is None:
            self.id = article_id(self.text, self.url)


@dataclass
class IngestError:
    """One input (file, line, record, URL) that gave no article: printed as "file:line: message"."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"
