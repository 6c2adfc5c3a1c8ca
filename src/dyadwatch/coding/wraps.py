"""Which line breaks end a sentence. A break between paragraphs, after a headline, a byline or a
list item ends one; a break inside a hard-wrapped paragraph ("fired two short-range ballistic /
missiles into the sea") is only a wrap. `unwrap` turns wraps into spaces and keeps every offset
(one character for one), so evidence still points into the article's own text."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

from .words import word_set

CONTINUING = frozenset(word_set("lines", "continuing_words"))

_END = re.compile(r"""[.!?:;]["'\u201d\u2019)\]]*$""")
_ITEM = re.compile(r"^(?:[-\u2022*\u2013\u2014>#|]|\d{1,3}[.)]\s)")
# "SEOUL, May 3 (Reuters) -", "WASHINGTON (AP) -", "KYIV -": a dateline opens a new report
_DATELINE = re.compile(r"^[A-Z][A-Z'.\- ]{1,30}(?:,|\s\(|\s[-\u2013\u2014]\s)")
_BYLINE = re.compile(r"^(?:by|from|updated|posted|published|reporting by|editing by)\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*$")


def _headline_like(line: str) -> bool:
    """Most words capitalised ('North Korea Fires Two Missiles Into Sea') or all capitals."""
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'\u2019-]*", line)]
    if len(words) < 2:
        return False
    if line.upper() == line:
        return True
    caps = sum(w[0].isupper() for w in words if len(w) > 3)
    long_words = sum(len(w) > 3 for w in words)
    return long_words >= 2 and caps >= 0.8 * long_words


def _is_wrap(prev: str, nxt: str, typical: int) -> bool:
    """Does the sentence on line `prev` go on on line `nxt`? `typical`: the block's longest line."""
    prev, nxt = prev.rstrip(), nxt.lstrip()
    if not prev or not nxt or _END.search(prev) or _ITEM.match(nxt) or _DATELINE.match(nxt):
        return False
    if _BYLINE.match(prev) or _ITEM.match(prev) and len(prev) < 0.6 * typical:
        return False
    if prev[-1] in ",-\u2013\u2014(/&" or nxt[0].islower() or nxt[0].isdigit() or nxt[0] in "(,\"'\u201c":
        return True
    last = _WORD.search(prev)
    if last and last.group(0).lower().rstrip(".") in CONTINUING:
        return True
    if _headline_like(prev):
        return False
    # a line as long as the block's longest ends only because the paper's width ran out
    return typical >= 40 and len(prev) >= 0.75 * typical


def unwrap(text: str) -> str:
    """`text` with the line breaks that are only wraps replaced by spaces (same length)."""
    if "\n" not in text:
        return text
    out = list(text)
    lines = text.split("\n")
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    block: list[int] = []  # indices of the current paragraph's lines
    for k in range(len(lines) + 1):
        if k < len(lines) and lines[k].strip():
            block.append(k)
            continue
        if len(block) > 1:
            typical = max(len(lines[j].rstrip()) for j in block)
            for a, b in pairwise(block):
                if _is_wrap(lines[a], lines[b], typical):
                    nl = starts[a] + len(lines[a])  # the "\n" after line a
                    out[nl] = " "
                    if lines[a].endswith("\r"):
                        out[nl - 1] = " "
        block = []
    return "".join(out)


def _original(text: str | None, start: int | None, flat: str, original: str) -> str | None:
    """The article's own characters of a sentence that was coded from `flat` (the unwrapped text)."""
    if not text:
        return text
    at = flat.find(text, start or 0)
    if at < 0:  # a headline read in lower case
        at = flat.lower().find(text.lower(), start or 0)
    return original[at:at + len(text)] if at >= 0 else text


def restore_sentences(events: list[Any], flat: str, original: str) -> None:
    """Evidence sentences and triggers quote the article as written (its line breaks and capitals
    included), not the copy the coder read (unwrapped, a headline in lower case); offsets are the same."""
    for ev in events:
        ev.event_text = _original(ev.event_text, ev.sentence_start, flat, original)
        if ev.trigger and ev.trigger_start is not None and ev.trigger_end is not None:
            written = original[ev.trigger_start:ev.trigger_end]
            if written != ev.trigger and written.lower() == ev.trigger.lower():
                ev.trigger = written
        for m in ev.mentions:
            if isinstance(m, dict) and m.get("event_text"):
                m["event_text"] = _original(m["event_text"], m.get("sentence_start"), flat, original)
