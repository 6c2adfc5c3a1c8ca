"""Remove page debris from article bodies before coding.

Scraped news carries debris inside the body: related-story clusters (often a byline name glued to
itself, "Jane DoeJane Doe", then several headlines, then "MORE"), photo credits, the title repeated
as the first line, share and newsletter prompts, "Sponsored" blocks. `clean_text` removes them for
every input format (.txt, JSON lines, HTML after extraction).

The patterns are data (the tuples below); the rules that use them are deliberately conservative: a
line that reads like a finished sentence (ends with sentence punctuation) is never removed by the
block rules, so real article paragraphs survive.
"""

from __future__ import annotations

import re

# Whole lines that are debris on their own (matched against the stripped line, case-insensitive).
DEBRIS_LINES: tuple[str, ...] = (
    r"(?:share|tweet|email|print|copy link|save)(?: (?:this|the) (?:article|story|page))?",
    r"share (?:on|via|to) (?:facebook|twitter|x|linkedin|whatsapp|reddit|email)(?: .{0,40})?",
    (r"(?:facebook|twitter|linkedin|whatsapp|reddit|email|print)(?:\s*[|/·•]\s*"
    r"(?:facebook|twitter|linkedin|whatsapp|reddit|email|print))*"),
    r"follow us on .{1,60}",
    r"(?:sign up|subscribe)(?: now| today| here)?(?: (?:for|to) .{0,80})?[.!]?",
    r".{0,40}\bnewsletter\b.{0,60}(?:sign up|subscribe|inbox).{0,40}",
    r"(?:get|receive) (?:our|the) .{0,40}newsletter.{0,60}",
    r"click here.{0,80}",
    r"advertisement|advert|ad",
    r"(?:read|see) (?:more|also)\b.{0,160}",
    r"more|more stories|more news|more from .{1,40}|most read|trending(?: now)?|latest news",
    r"(?:listen to|watch:) .{0,120}",
    r"(?:photo|photograph|image|picture|file photo|credit)s?\s*[:|].{0,120}",
    r"(?:photo|image|picture)s?\s+(?:by|courtesy(?: of)?)\s.{1,80}",
    r"(?:copyright|\(c\)|©).{0,120}",
    r".{0,80}\ball rights reserved\.?",
    r"(?:reporting|writing|editing) by .{1,120}",
    r"\d{1,2} min(?:ute)?s? read",
    # a page's date line ("Published January 1, 2020", "Updated: 12 March 2021 14:05 GMT")
    (r"(?:published|updated|posted|last updated|first published|last modified)(?: on)?:?\s+"
     r"[\w ,./:-]{0,40}?\b(?:19|20)\d\d\b[\w ,.:()+-]{0,30}"),
)

# Lines that open a block of headlines / promoted links; the block runs to the next blank line
# (or "MORE"), and never swallows a line that reads like a sentence.
BLOCK_HEADERS: tuple[str, ...] = (
    r"sponsored(?: content| links| stories)?",
    r"promoted(?: content| links| stories)?",
    r"paid (?:content|post|partner content)",
    r"related(?: stories| articles| news| coverage| content)?:?",
    r"you (?:may|might) also (?:like|be interested in):?",
    r"recommended(?: for you| stories)?:?",
    r"more (?:on this story|from \S.{0,40}|stories|news|coverage):?",
    r"(?:top|latest|popular) (?:stories|news|headlines):?",
    r"from around the web:?",
)

# Inline debris inside a paragraph (the text has lost its line breaks).
INLINE_PATTERNS: tuple[str, ...] = (
    # a name glued to itself, then headlines, then MORE
    (r"(?<![\w])(?P<n>[A-ZÀ-ÖØ-Þ][\w'.-]+(?: (?:[a-z]{1,3} ){0,2}[A-ZÀ-ÖØ-Þ][\w'.-]+){1,3})(?P=n)"
     r"\b.{0,700}?\bMORE\b"),
    # a credit inside a paragraph: the sign, perhaps a year, capitalised words, an agency word
    (r"(?:©|\(c\))\s?(?:\d{4}\s)?(?:[A-Z][\w&'.-]*\s){0,4}"
     r"(?:Images|Photos?|Pictures|Press|Agency|Wire|News|AFP|Reuters|AP|Getty)\b"),
    r"\((?:Photo|Image|Picture)s?(?: by|:)[^)\n]{1,80}\)",
    (r"(?:Sign up|Subscribe)(?: now| today)? (?:for|to) (?:our|the) [^.!\n]{0,40}?newsletters?\b"
     r"[^.!\n]{0,80}[.!]?"),
    r"Share (?:this|the) (?:article|story)(?: on [A-Z]\w+)?[.!]?",
    r"\bSponsored(?: content)?:[^\n]{0,200}?(?=\n|$)",
)

# A byline name glued to itself on its own line, e.g. "Jane DoeJane Doe".
GLUED_NAME = re.compile(r"^(?P<n>[A-ZÀ-ÖØ-Þ][^\s]{1,40}(?: [^\s]{1,40}){0,5})\s?(?P=n)$")
MORE_LINE = re.compile(r"^(?:more|more stories|read more|see more|show more)\W{0,3}$", re.IGNORECASE)

_LINE_RES = [re.compile(rf"^(?:{p})$", re.IGNORECASE) for p in DEBRIS_LINES]
_BLOCK_RES = [re.compile(rf"^(?:{p})$", re.IGNORECASE) for p in BLOCK_HEADERS]
_INLINE_RES = [re.compile(p) for p in INLINE_PATTERNS]

_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")
MAX_BLOCK_LINES = 12


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s).strip().lower()


def is_sentence(line: str) -> bool:
    """A line that reads like running text: ends with sentence punctuation and has a few words."""
    line = line.strip()
    return bool(_SENTENCE_END.search(line)) and len(line.split()) >= 5


def is_headline(line: str) -> bool:
    """A short line without final sentence punctuation (a headline or a link text)."""
    line = line.strip()
    if not line or len(line) > 200:
        return False
    return not (line.endswith(".") or re.search(r"[.!,][\"'”’)]+$", line))


def is_debris_line(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > 240:
        return False
    if any(r.match(s) for r in _LINE_RES):
        # a real sentence that starts like a prompt ("Photo: ..." is fine, "Email records show
        # that ..." is not): keep long lines that read like sentences
        return not (is_sentence(s) and len(s.split()) > 12)
    return False


def _remove_blocks(lines: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    n = len(lines)
    while i < n:
        s = lines[i].strip()
        # glued byline -> headline cluster, up to MORE (or the end of the headline run)
        if s and GLUED_NAME.match(s):
            j = i + 1
            end = None
            while j < n and j - i <= MAX_BLOCK_LINES:
                t = lines[j].strip()
                if MORE_LINE.match(t):
                    end = j
                    break
                if t and not is_headline(t):
                    break
                j += 1
            if end is None:
                end = j - 1
            i = end + 1
            continue
        # MORE closing a run of headlines that had no glued name: drop the run we kept
        if MORE_LINE.match(s):
            while out and out[-1].strip() and is_headline(out[-1]) and not is_sentence(out[-1]):
                out.pop()
            i += 1
            continue
        # sponsored / related blocks: header, then headline lines to a blank line
        if s and any(r.match(s) for r in _BLOCK_RES):
            j = i + 1
            while j < n and j - i <= MAX_BLOCK_LINES:
                t = lines[j].strip()
                if not t:
                    break
                if MORE_LINE.match(t):
                    j += 1
                    break
                if not is_headline(t) and not is_debris_line(t):
                    break
                j += 1
            i = j
            continue
        out.append(lines[i])
        i += 1
    return out


def _inline(line: str) -> str | None:
    """The line without inline debris; None when nothing but debris was on it."""
    if not line.strip():
        return ""
    for rx in _INLINE_RES:
        line = rx.sub(" ", line)
    line = re.sub(r"[ \t]+", " ", line).strip()
    return line or None


def clean_text(text: str, title: str | None = None) -> str:
    """The article body without page debris; paragraphs separated by blank lines."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    lines = [ln for ln in (_inline(raw) for raw in text.split("\n")) if ln is not None]
    # the title repeated as the first line(s), or opening the first line; without a title, a
    # first line repeated as the second is the title twice
    first = next((ln for ln in lines if ln), "")
    if not title and first and is_headline(first) and sum(1 for ln in lines[:4] if ln == first) > 1:
        title = first
    if title and _norm(title):
        nt = _norm(title)
        kept: list[str] = []
        in_head = True
        for ln in lines:
            if in_head and ln:
                if _norm(ln) == nt:
                    continue
                t = title.strip()
                if _norm(ln).startswith(nt + " ") and ln[: len(t)].lower() == t.lower():
                    ln = ln[len(t):].strip()
                in_head = False
            kept.append(ln)
        lines = kept
    lines = _remove_blocks(lines)
    lines = [ln for ln in lines if not is_debris_line(ln)]
    # collapse blank runs into single paragraph breaks
    out: list[str] = []
    for ln in lines:
        if not ln:
            if out and out[-1] != "":
                out.append("")
        else:
            out.append(ln)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out)


# A wire dateline opening the text: "SEOUL, Feb 12 (Harbour Wire) - ", "UNITED NATIONS (Agency) -- ".
DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ .'/-]{1,40}?)"
    r"(?:,\s*(?P<when>[^()\n\-–—]{1,25}?))?\s*(?:\((?P<agency>[^()\n]{1,40})\))?\s*(?P<dash>[-–—]{1,2})\s+"
)


def find_dateline(text: str) -> dict | None:
    """The dateline at the start of the text: {"start", "end", "place", "when", "agency"} (offsets into
    the text; `end` is where the story proper begins), or None. The place is a location, not an actor."""
    m = DATELINE.match(text or "")
    if not m:
        return None
    place = m.group("place").strip()
    letters = sum(ch.isalpha() for ch in place)
    bare = not (m.group("when") or m.group("agency"))
    if letters < 2 or (bare and (letters < 4 or m.group("dash") == "-")):
        return None
    return {"start": 0, "end": m.end(), "place": place, "when": (m.group("when") or "").strip() or None,
            "agency": (m.group("agency") or "").strip() or None}
