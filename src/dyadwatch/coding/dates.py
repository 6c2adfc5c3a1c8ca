"""The date of an event from its sentence, relative to the article's publication date.

News dates events relative to the day of publication: "on Tuesday" is the most recent Tuesday on
or before that day, "on July 25" the most recent July 25, "yesterday" the day before, "earlier this
month" the month, "in 2010" the year, "less than a week after the tests" a week after an earlier
event of the same article. Weekday and month-day expressions (the common case) are handled by the
rules here; dateparser is only asked about date entities the rules do not read, and its answers
are cached.

`event_date(sent, article_date)` returns (ISO date or None, precision), precision being one of
day | week | month | year | publication | undated. Month and year precision dates are the first day
of the month or year.
"""

from __future__ import annotations

import logging
import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span, Token

log = logging.getLogger("dyadwatch.coding")

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
            "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
            "fri": 4, "sat": 5, "sun": 6}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a few": 3,
           "several": 3, "a couple of": 2, "couple of": 2}
_I = re.IGNORECASE
RANK = {"day": 4, "week": 3, "month": 2, "year": 1}

_MONTH_RE = (r"(?P<month>january|february|march|april|may|june|july|august|september|october|november|"
             r"december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?")
_NUM_RE = r"(?P<n>\d+|a couple of|couple of|a few|several|an|a|one|two|three|four|five|six|seven|eight|nine|" \
          r"ten|eleven|twelve)"
_UNIT_RE = r"(?P<unit>day|week|month|year)s?"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")),
    ("month_day", re.compile(rf"\b{_MONTH_RE}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
                             r"(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?", _I)),
    ("day_month", re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE}"
                             r"(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?", _I)),
    ("anchor", re.compile(rf"\b(?:(?P<approx>less than|more than|nearly|almost|about|some|just|within|"
                          rf"barely|only)\s+)?{_NUM_RE}\s+{_UNIT_RE}\s+(?P<dir>after|before|since)\s+"
                          r"(?:the\s+|its\s+|their\s+|his\s+|her\s+|last\s+)?(?P<np>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})",
                          _I)),
    ("day_after", re.compile(r"\bthe\s+(?P<which>day|week|month|year)\s+(?P<dir>after|before)\s+"
                             r"(?:the\s+|its\s+|their\s+)?(?P<np>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})", _I)),
    ("ago", re.compile(rf"\b{_NUM_RE}\s+{_UNIT_RE}\s+ago\b", _I)),
    ("yesterday", re.compile(r"\b(?P<before>the day before\s+)?yesterday\b", _I)),
    ("today", re.compile(r"\b(?P<w>today|tonight|this morning|this afternoon|this evening)\b", _I)),
    ("tomorrow", re.compile(r"\b(?P<after>the day after\s+)?tomorrow\b", _I)),
    ("weekday", re.compile(r"\b(?P<rel>last|this|next|on|early|late|since|by)?\s*(?:on\s+)?"
                           r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", _I)),
    ("month_rel", re.compile(r"\b(?P<rel>earlier this|later this|this|last|next|late last|early last|"
                             r"earlier in the|the previous|the following|the past)\s+(?P<unit>month|year|week)\b",
                             _I)),
    ("month_year", re.compile(rf"\b(?:in\s+|since\s+|early\s+|late\s+|mid-?)?{_MONTH_RE}\s*,?\s+"
                              r"(?P<year>(?:19|20)\d\d)\b", _I)),
    ("month", re.compile(rf"\b(?P<rel>in|since|early|late|mid-?|last|next|this|until|by|from|during|before|"
                         rf"after)\s*{_MONTH_RE}(?!\s*\d)", _I)),
    ("year", re.compile(r"\b(?P<rel>in|since|during|until|by|of|from|early|late|mid-?)\s*(?P<year>(?:19|20)\d\d)\b",
                        _I)),
]
# a date after these words bounds a period ("fighting since March") rather than dating the event
PERIOD_WORDS = frozenset({"since", "until", "till", "by", "from", "before", "after", "through", "throughout"})
NAMED_DAYS = frozenset({"good", "bloody", "black", "super", "ash", "holy", "palm", "cyber", "easter", "maundy"})
_FORWARD = re.compile(r"\b(?:tomorrow|next|coming|following)\b", _I)
_WORD_BEFORE = re.compile(r"(\w+)\W*(?:\b(?:the|a|an)\W*)?$", _I)
# every date-bearing word the rules know: sentences without one never reach the rules or dateparser
_PREFILTER = re.compile(
    r"\b(?:" + "|".join(sorted({*MONTHS, *WEEKDAYS}, key=len, reverse=True)) +
    r"|yesterday|today|tonight|tomorrow|ago|this|last|next|after|before|since|(?:19|20)\d\d)\b", _I)


def parse_iso(value: Any) -> date | None:
    """A date from an ISO string (time part ignored), a date or None."""
    if value is None:
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()[:10]
    try:
        return date.fromisoformat(text)
    except ValueError:
        m = re.match(r"^(\d{4})(?:-(\d{1,2}))?$", text)
        if m:
            return date(int(m.group(1)), int(m.group(2) or 1), 1)
        log.warning("unreadable article date %r", value)
        return None


def _num(text: str) -> int | None:
    text = text.lower().strip()
    if text.isdigit():
        return int(text)
    return NUMBERS.get(text)


def _shift_months(d: date, months: int) -> date:
    total = d.year * 12 + d.month - 1 + months
    return date(total // 12, total % 12 + 1, 1)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month_day(base: date, month: int, day: int, future: bool) -> date | None:
    """The most recent month/day on or before base (the next on or after it for future events)."""
    for year in ((base.year, base.year + 1, base.year + 4) if future else (base.year, base.year - 1, base.year - 4)):
        d = _safe_date(year, month, day)
        if d is None:
            continue
        if (future and d >= base) or (not future and d <= base):
            return d
    return None


def _weekday(base: date, wd: int, rel: str, future: bool) -> date:
    rel = rel.lower()
    if rel == "next" or (future and rel != "last"):
        ahead = (wd - base.weekday()) % 7
        if rel == "next" and ahead == 0:
            ahead = 7
        return base + timedelta(days=ahead)
    back = (base.weekday() - wd) % 7
    if rel == "last" and back == 0:
        back = 7
    return base - timedelta(days=back)


def _offset(d: date, n: int, unit: str, sign: int) -> date:
    if unit == "day":
        return d + timedelta(days=sign * n)
    if unit == "week":
        return d + timedelta(days=sign * 7 * n)
    if unit == "month":
        return _shift_months(d, sign * n)
    return date(d.year + sign * n, 1, 1)


def _anchor_date(anchors: dict | None, phrase: str) -> date | None:
    """The date of the earlier event a phrase names ("the nuclear tests", "the summit in Hanoi")."""
    if not anchors:
        return None
    table: dict[str, Any] = {}
    for key, value in anchors.items():
        if isinstance(value, (tuple, list)):
            value = value[0] if value else None
        table[str(key).lower()] = value
    for word in reversed(phrase.lower().split()):
        for key in (word, word.rstrip("s"), word + "s"):
            if key in table:
                return parse_iso(table[key])
    return None


def _read(kind: str, m: re.Match[str], base: date | None, anchors: dict | None,
          future: bool) -> tuple[date, str] | None:
    """One matched expression -> (date, precision), or None when it cannot be placed."""
    g = m.groupdict()
    for name in ("month", "wd"):
        if g.get(name) and not g[name][0].isupper():
            return None  # "may" the modal, "march" the verb: news capitalises dates
    if kind == "iso":
        d = _safe_date(int(g["y"]), int(g["m"]), int(g["d"]))
        return (d, "day") if d else None
    if kind in ("month_day", "day_month"):
        month, day = MONTHS[g["month"].lower()], int(g["day"])
        if g.get("year"):
            d = _safe_date(int(g["year"]), month, day)
            return (d, "day") if d else None
        if base is None:
            return None
        d = _month_day(base, month, day, future)
        return (d, "day") if d else None
    if kind == "month_year":
        return date(int(g["year"]), MONTHS[g["month"].lower()], 1), "month"
    if kind in ("anchor", "day_after"):
        anchor = _anchor_date(anchors, g["np"])
        if anchor is None:
            return None
        sign = -1 if g["dir"].lower() == "before" else 1
        if kind == "day_after":
            unit, n = g["which"].lower(), 1
        else:
            unit, n = g["unit"].lower(), _num(g["n"]) or 1
        return _offset(anchor, n, unit, sign), unit
    if base is None:
        return None
    if kind == "ago":
        unit, n = g["unit"].lower(), _num(g["n"])
        if n is None:
            return None
        d = _offset(base, n, unit, -1)
        return d, unit
    if kind == "yesterday":
        return base - timedelta(days=2 if g.get("before") else 1), "day"
    if kind == "today":
        return base, "day"
    if kind == "tomorrow":
        return base + timedelta(days=2 if g.get("after") else 1), "day"
    if kind == "weekday":
        rel = (g.get("rel") or "").lower()
        return _weekday(base, WEEKDAYS[g["wd"].lower()], rel, future), "day"
    if kind == "month_rel":
        rel, unit = g["rel"].lower(), g["unit"].lower()
        step = -1 if rel in ("last", "late last", "early last", "the previous", "the past") else \
            1 if rel in ("next", "the following") else 0
        if unit == "year":
            return date(base.year + step, 1, 1), "year"
        if unit == "month":
            return _shift_months(base, step), "month"
        monday = base - timedelta(days=base.weekday()) + timedelta(days=7 * step)
        return monday, "week"
    if kind == "month":
        rel = (g.get("rel") or "").lower()
        month = MONTHS[g["month"].lower()]
        if g["month"].lower() == "may" and rel == "this":
            return None  # "this May" is rarely the month in running text
        forward = future or rel == "next"
        year = base.year
        if forward and month < base.month:
            year += 1
        elif not forward and (month > base.month or (rel == "last" and month == base.month)):
            year -= 1
        return date(year, month, 1), "month"
    if kind == "year":
        year = int(g["year"])
        return date(year, 1, 1), "year"
    return None


@lru_cache(maxsize=4096)
def _dateparser(text: str, base_iso: str | None, future: bool) -> tuple[str, str] | None:
    """dateparser's reading of one date expression, cached (it is slow)."""
    try:
        from datetime import datetime

        from dateparser.date import DateDataParser
    except ImportError:  # pragma: no cover - dateparser is a declared dependency
        return None
    settings: dict[str, Any] = {"PREFER_DATES_FROM": "future" if future else "past",
                                "RETURN_AS_TIMEZONE_AWARE": False}
    if base_iso:
        b = date.fromisoformat(base_iso)
        settings["RELATIVE_BASE"] = datetime(b.year, b.month, b.day)
    try:
        data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    except Exception as exc:  # noqa: BLE001 - a parser failure must not stop coding
        log.debug("dateparser failed on %r: %s", text, exc)
        return None
    if not data or data.date_obj is None:
        return None
    period = data.period or "day"
    precision = {"day": "day", "time": "day", "week": "week", "month": "month", "year": "year"}.get(period, "day")
    d = data.date_obj.date()
    if precision == "month":
        d = d.replace(day=1)
    elif precision == "year":
        d = d.replace(month=1, day=1)
    return d.isoformat(), precision


_AFTER_CLAUSE = re.compile(rf"\b{_NUM_RE}\s+{_UNIT_RE}\s+after\s+", _I)
_QUOTES = ('"', "\u201c", "\u201d", "''", "``")
_FUTURE_AUX = {"will", "shall", "'ll", "would", "'d"}


def _foreign(doc: Doc | Span, cand: tuple[int, int, date, str], trigger: Token) -> bool:
    """A date expression that does not date this trigger's event: inside a quotation, in another
    clause about the future ("before the summit, which will be held on Feb 27"), or a loose year
    or month ("at some point this year") not attached to the trigger."""
    d = doc.doc if isinstance(doc, Span) else doc
    span = d.char_span(cand[0], cand[1], alignment_mode="expand")
    if span is None:
        return False
    inside = False
    for t in d[:span.start]:
        if t.text in _QUOTES:
            inside = not inside if t.text in ('"', "''", "``") else t.text == "\u201c"
    if inside and not any(t.i == trigger.i for t in span.sent):
        return True
    if inside:
        # the trigger outside the quotation and the date inside it
        q = [t.i for t in d[span.sent.start:span.sent.end] if t.text in _QUOTES]
        if q and not (min(q) < trigger.i < max(q)):
            return True
    verb = span.root
    for _ in range(8):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if cand[3] in ("year", "month") and _RELATIVE_PERIOD.search(span.text) is not None:
        return True  # "at some point this year": a period, not the day of the event
    attached = _governs(span.root, trigger) or verb.i == trigger.i
    if attached:
        return False
    future_clause = verb.pos_ in ("VERB", "AUX") and any(
        c.lower_ in _FUTURE_AUX for c in verb.children if c.dep_ in ("aux", "auxpass"))
    return future_clause and trigger.i not in {t.i for t in verb.subtree}


_RELATIVE_PERIOD = re.compile(r"(?i)\b(?:this|last|next|past|coming)\s+(?:year|month)\b")


def _governs(span_root: Token, trigger: Token | None) -> bool:
    if trigger is None:
        return False
    tok = span_root
    for _ in range(8):
        if tok.i == trigger.i:
            return True
        if tok.pos_ in ("VERB", "AUX") and tok.i != span_root.i:
            return tok.i == trigger.head.i  # the first verb above the expression is the one it dates
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _word_before(text: str, end: int) -> re.Match[str] | None:
    """The word before `end` (skipping an article): searched from the start of that word, not of the
    text (every match of every rule asks; a search from 0 tried each position of a long sentence)."""
    start = max(0, end - 80)
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1
    return _WORD_BEFORE.search(text, start, end)


def _candidates(text: str, offset: int, base: date | None, anchors: dict | None, future: bool,
                taken: list[tuple[int, int]] | None = None) -> list[tuple[int, int, date, str]]:
    """Every rule match in text: (start, end, date, precision), overlapping matches pruned; `taken`
    collects every span the rules looked at, used or rejected."""
    out: list[tuple[int, int, date, str]] = []
    taken = [] if taken is None else taken
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.start() + offset, m.end() + offset
            if any(s < te and ts < e for ts, te in taken):
                continue
            before = _word_before(text, m.start())
            lead = ((m.groupdict().get("rel") or "").strip() or (before.group(1) if before else "")).lower()
            if kind not in ("anchor", "day_after", "ago") and (
                    lead in PERIOD_WORDS or (kind == "weekday" and lead in NAMED_DAYS)):
                taken.append((s, e))  # "since March", "until 2020", "Good Friday": not the event's date
                continue
            got = _read(kind, m, base, anchors, future)
            if got is None:
                continue
            taken.append((s, e))
            out.append((s, e, got[0], got[1]))
    return out


_READ: dict[tuple, tuple[tuple, tuple]] = {}  # (text, offset, base, future) -> _candidates' matches and spans


def event_date(sent: Span | Doc, article_date: str | None, anchors: dict | None = None, *,
               future: bool = False, trigger: Token | None = None) -> tuple[str | None, str]:
    """The event's (ISO date, precision) from the sentence's date expressions, relative to the
    article date. `anchors` maps nouns of earlier events ("tests", "summit") to their ISO dates for
    "two days after the summit"; `future=True` reads "on Friday" forward; with `trigger` given,
    expressions attached to the trigger win over others in the sentence.
    Nothing in the text: (article date, "publication"); no article date either: (None, "undated")."""
    base = parse_iso(article_date)
    fallback = (base.isoformat(), "publication") if base else (None, "undated")
    text = sent.text
    if not text or not _PREFILTER.search(text):
        return fallback
    start = sent.start_char if isinstance(sent, Span) else 0
    if trigger is not None and base is not None:
        # "It came six days after Pyongyang tested a missile": the clause's event is N units before the
        # reported one (taken as the article's date)
        for m in _AFTER_CLAUSE.finditer(text):
            n = _num(m.group("n"))
            t_off = trigger.idx - start
            if n and m.end() <= t_off <= m.end() + 40 and not any(
                    t.pos_ in ("VERB", "AUX") and m.end() <= t.idx - start < t_off for t in trigger.sent):
                unit = m.group("unit").lower()
                return _offset(base, n, unit, -1).isoformat(), unit
    if anchors is None:
        # a sentence's expressions read once, whatever trigger asks (one event after another in it)
        key = (text, start, base, future)
        hit = _READ.get(key)
        if hit is None:
            got: list[tuple[int, int]] = []
            hit = (tuple(_candidates(text, start, base, None, future, got)), tuple(got))
            if len(_READ) >= 512:
                del _READ[next(iter(_READ))]
            _READ[key] = hit
        candidates, seen = list(hit[0]), list(hit[1])
    else:
        seen = []
        candidates = _candidates(text, start, base, anchors, future, seen)
    ents = [e for e in sent.ents if e.label_ in ("DATE", "TIME")] if hasattr(sent, "ents") else []
    for ent in ents:
        if any(s < ent.end_char and ent.start_char < e for s, e in seen):
            continue
        if not re.search(r"\d|" + _MONTH_RE, ent.text, _I):
            continue
        got = _dateparser(ent.text, base.isoformat() if base else None, future)
        if got:
            candidates.append((ent.start_char, ent.end_char, date.fromisoformat(got[0]), got[1]))
    if not candidates:
        return fallback
    doc = sent.doc if isinstance(sent, Span) else sent
    if trigger is not None:
        candidates = [c for c in candidates if not _foreign(doc, c, trigger)]
        if not candidates:
            return fallback

    def score(c: tuple[int, int, date, str]) -> tuple[int, int, int]:
        span = doc.char_span(c[0], c[1], alignment_mode="expand")
        attached = 1 if span is not None and _governs(span.root, trigger) else 0
        return (attached, RANK.get(c[3], 0), -c[0])

    best = max(candidates, key=score)
    phrase = text[best[0] - start:best[1] - start]
    if base is not None and not future and best[2] > base and best[3] in ("day", "week") \
            and not _FORWARD.search(phrase):
        return fallback  # a past event cannot follow its own report: the reading is wrong
    return best[2].isoformat(), best[3]


# Verb lemmas and the nouns a later sentence uses for the same event ("two days after the talks").
NOMINAL_FORMS = {
    "meet": ("meeting", "summit", "talks"), "talk": ("talks",), "negotiate": ("negotiations", "talks"),
    "invade": ("invasion",), "attack": ("attack", "attacks"), "test": ("test", "tests"),
    "launch": ("launch", "launches"), "strike": ("strike", "strikes"), "bomb": ("bombing",),
    "shell": ("shelling",), "visit": ("visit", "trip"), "sign": ("signing", "deal", "agreement"),
    "agree": ("agreement", "deal"), "sanction": ("sanctions",), "protest": ("protest", "protests"),
    "withdraw": ("withdrawal",), "elect": ("election", "elections"), "vote": ("vote", "referendum"),
    "explode": ("explosion", "blast"), "detonate": ("explosion", "blast", "test"),
}


def add_anchor(anchors: dict, trigger: Token, iso_date: str | None) -> dict:
    """Register an event coded earlier in an article under the words a later sentence may use for
    it: the trigger, its lemma, its object ("carried out a nuclear test" -> test) and common nouns
    for the act ("met" -> meeting, summit, talks). Later registrations of a word win."""
    if not iso_date:
        return anchors
    words = {trigger.lower_, trigger.lemma_.lower()}
    for child in trigger.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr") and child.pos_ in ("NOUN", "PROPN"):
            words |= {child.lower_, child.lemma_.lower()}
    words |= set(NOMINAL_FORMS.get(trigger.lemma_.lower(), ()))
    for word in words:
        if word.isalpha():
            anchors[word] = iso_date
    return anchors
