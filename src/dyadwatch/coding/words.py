"""The coder's word sets, read once from `kb/data/words/<family>.yaml` (one YAML mapping per family:
set name -> list of lower-case words). A `words/<family>.yaml` in a DYADWATCH_KB folder adds words
to the bundled sets. The rules import them as module constants:

    from .words import word_set
    LIGHT_VERBS = word_set("events", "light_verbs")
"""

from __future__ import annotations

import logging
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..config import kb_dirs

log = logging.getLogger("dyadwatch.coding")


class WordListError(ValueError):
    """A bundled word file is missing or malformed (the package itself is broken)."""


def _parse(text: str, origin: str) -> dict[str, list[str]]:
    """Name -> words of one file; a malformed file or set is reported with `origin` (and line)."""
    import yaml

    try:
        raw: Any = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        raise WordListError(f"{origin}{where}: bad YAML ({str(exc).splitlines()[0]})") from None
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise WordListError(f"{origin}: expected a mapping of set name -> list of words")
    out: dict[str, list[str]] = {}
    for name, words in raw.items():
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            raise WordListError(f"{origin}: set {name!r} must be a list of non-empty words "
                                f"(quote words YAML reads otherwise: \"no\", \"on\", \"off\")")
        out[str(name)] = [w.strip().lower() for w in words]
    return out


@cache
def _family(family: str) -> dict[str, tuple[str, ...]]:
    origin = f"kb/data/words/{family}.yaml"
    try:
        text = resources.files("dyadwatch.kb").joinpath(f"data/words/{family}.yaml").read_text("utf-8")
    except (FileNotFoundError, ModuleNotFoundError) as exc:
        raise WordListError(f"{origin}: missing from the package") from exc
    sets = {k: list(v) for k, v in _parse(text, origin).items()}
    for folder in kb_dirs():
        path = Path(folder) / "words" / f"{family}.yaml"
        if not path.is_file():
            continue
        try:
            extra = _parse(path.read_text("utf-8", errors="replace"), str(path))
        except WordListError as exc:
            log.warning("%s: ignored", exc)
            continue
        for k, v in extra.items():
            sets.setdefault(k, []).extend(v)
    return {k: tuple(dict.fromkeys(v)) for k, v in sets.items()}


def word_list(family: str, name: str) -> tuple[str, ...]:
    """The words of one set in file order (for lists whose order is a preference)."""
    sets = _family(family)
    if name not in sets:
        raise WordListError(f"kb/data/words/{family}.yaml: no set named {name!r}")
    return sets[name]


def word_set(family: str, name: str) -> frozenset[str]:
    """The words of one set."""
    return frozenset(word_list(family, name))


def families() -> list[str]:
    """The bundled word families (file names without .yaml)."""
    folder = resources.files("dyadwatch.kb").joinpath("data/words")
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".yaml"))
