"""Remove page debris from article bodies before coding.

Scraped news carries debris inside the body: related-story widgets (a byline name glued to itself
and to the first headline, "Jane DoeJane DoeSenators push ... MORE", often in the middle of the
sentence that named the person), photo credits, bylines, time stamps, the title repeated as the
first line, share and newsletter prompts, "Sponsored" blocks. Scrapers often lose the spaces and
line breaks between these pieces ("...said.AdvertisementThe ministry", "FacebookTwitterEmail").
`clean_text` removes them for every input format (.txt, JSON lines, HTML after extraction).

The word lists and line shapes are data (kb/data/debris.yaml, extended by a debris.yaml in any
DYADWATCH_KB folder); this module is the logic, in four passes:

1. `unglue`: break lines where a debris word is glued to the text around it, and put a space
   where one sentence is glued to the next ("said.The").
2. `remove_widgets`: related-story widgets anchored on a name glued to itself and closed by
   "MORE" (anywhere in the text, across line breaks); the name is kept once when the sentence
   around the widget needs it ("Prime Minister Jane Doe['s government] said ...").
3. Block rules over lines: a glued name on a line of its own with the headline lines after it, a
   headline run closed by "MORE", "Related"/"Sponsored" blocks, the repeated title.
4. Line rules: a line that is debris on its own (share bars, credits, bylines, time stamps).

The rules are conservative: a line that reads like a finished sentence is never removed by the
block rules, and glued text is only broken next to a word of the debris lists, so real
camel-case names ("BlackRock", "McDonald's", "SpaceX") stay whole.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..config import kb_dirs

log = logging.getLogger("dyadwatch.ingest")

UP = "A-ZÀ-ÖØ-Þ"
LOW = "a-zß-öø-ÿ"
# A loose name token (anything capitalised: "Lvova-Belova", "Jr.", "O'Neil-Smith") for names glued
# to themselves, where the repetition is the signal; particles between tokens ("Jean-Luc de la Croix").
NAME_TOKEN = rf"[{UP}][\w'’.-]*"
PARTICLES = r"(?:de|da|di|do|del|della|der|den|du|dos|das|van|von|la|le|al|el|bin|ibn|ben|y|e|zu|ter|af|st)"
LOOSE_NAME = rf"{NAME_TOKEN}(?: (?:{PARTICLES} ){{0,2}}{NAME_TOKEN}){{0,5}}"
# A strict name token that ends where a glued capital begins ("Jane DoeSEOUL" -> "Jane Doe"):
# optional Mc/Mac/O' prefix, a capital, lower-case letters, hyphenated parts, or an initial.
STRICT_TOKEN = rf"(?:(?:Mc|Mac|O'|O’|D'|D’)?[{UP}][{LOW}'’]+(?:-[{UP}]?[{LOW}]+)*|[{UP}]\.)"
STRICT_NAME = rf"{STRICT_TOKEN}(?: (?:{PARTICLES} ){{0,2}}{STRICT_TOKEN}){{0,4}}"
MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
         r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|urday|rsday)?\.?,?"
NOT_A_NAME = re.compile(rf"^(?:{MONTH}|{WEEKDAY}|The|This|That|These|Those|Then|Now|Far|Late|Early|Next|Last)$")

_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")
# a sentence end inside a stretch of text: three lower-case letters (not "Jr." or "U.S."), the stop
_INNER_SENTENCE_END = re.compile(rf"[{LOW}]{{3}}[.!][\"'”’)]?\s+[\"“‘]?[{UP}]")
MAX_BLOCK_LINES = 12
_CLOCK = re.compile(r"\d[:.]\d\d")
# a word glued to a capital ("OkaforAna", "Jr.Ferdinand"): no widget or doubled name without one
_CAMEL = re.compile(rf"[{LOW}.'’][{UP}]")
MAX_WIDGET_CHARS = 900


def _words(value: Any) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        value = [value]
    return [str(v).strip() for v in value if str(v).strip()]


def _alt(words: list[str]) -> str:
    """A regex alternation of literal words, longest first (so "Share on X" beats "Share")."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) or r"(?!x)x"


def _read_data() -> dict[str, Any]:
    import yaml

    data: dict[str, Any] = {}
    sources: list[tuple[str, str]] = []
    try:
        sources.append(("kb/data/debris.yaml",
                        resources.files("dyadwatch").joinpath("kb/data/debris.yaml").read_text("utf-8")))
    except (FileNotFoundError, ModuleNotFoundError):
        log.warning("kb/data/debris.yaml is missing: only the built-in debris shapes are removed")
    for folder in kb_dirs():
        path = folder / "debris.yaml"
        if path.is_file():
            sources.append((str(path), path.read_text("utf-8")))
    for origin, text in sources:
        try:
            raw = yaml.safe_load(text) or {}
        except yaml.YAMLError as exc:
            log.warning("%s: bad YAML, ignored (%s)", origin, str(exc).splitlines()[0])
            continue
        if not isinstance(raw, dict):
            log.warning("%s: not a mapping, ignored", origin)
            continue
        for key, value in raw.items():
            data[key] = list(data.get(key, [])) + _words(value)
    return data


def _compile_all(patterns: list[str], origin: str, flags: int = re.IGNORECASE) -> list[re.Pattern[str]]:
    out = []
    for p in patterns:
        try:
            out.append(re.compile(rf"^(?:{p})$", flags))
        except re.error as exc:
            log.warning("debris.yaml %s: bad pattern %r ignored (%s)", origin, p, exc)
    return out


@dataclass(frozen=True)
class Rules:
    """The compiled debris shapes (built once from the data files)."""

    lines: list[re.Pattern[str]]
    blocks: list[re.Pattern[str]]
    share_bar: re.Pattern[str]
    glue_left: re.Pattern[str]
    glue_right: re.Pattern[str]
    glue_words: tuple[str, ...]
    prefix_words: tuple[str, ...]
    share_run: re.Pattern[str]
    prefix_left: re.Pattern[str]
    prefix_line: re.Pattern[str]
    stamp_glue: re.Pattern[str]
    time_glue: re.Pattern[str]
    stamp_line: re.Pattern[str]
    byline_line: re.Pattern[str]
    byline_glued: re.Pattern[str]
    credit: re.Pattern[str]
    site_suffix: re.Pattern[str]
    widget: re.Pattern[str]
    opener_before: re.Pattern[str]
    doubled_line: re.Pattern[str]
    doubled_inline: re.Pattern[str]
    inline: list[re.Pattern[str]]
    more_line: re.Pattern[str]
    compound_starts: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def rules() -> Rules:
    d = _read_data()
    tz = _alt(d.get("time_zones", []) or ["GMT", "UTC"])
    ampm = r"[AaPp]\.?[Mm]\.?"
    time = rf"\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?(?:\s?{ampm})?(?:\s?(?:{tz}))?\b|\d{{1,2}}\s?{ampm}(?:\s?(?:{tz}))?"
    date = (rf"(?:{MONTH} \d{{1,2}}(?:st|nd|rd|th)?(?:,? (?:19|20)\d\d)?|\d{{1,2}}(?:st|nd|rd|th)? {MONTH},?"
            rf"(?: (?:19|20)\d\d)?|(?:19|20)\d\d[-/.]\d\d?[-/.]\d\d?|\d\d?[-/.]\d\d?[-/.](?:19|20)?\d\d)")
    rel = (r"(?:\d{1,3}\s?(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|months?)"
           r" ago|just now|yesterday|today)")
    piece = rf"(?:{WEEKDAY}\s*)?(?:{date}|{time}|{rel})"
    stamp_words = r"(?:updated|published|posted|last updated|first published|last modified|modified|created|date)"
    stamp_line = re.compile(
        rf"^(?:{stamp_words}\s*(?:on|at)?\s*:?\s*)?{piece}(?:\s*(?:,|at|\||•|·|-|–|—|/)?\s*{piece}){{0,3}}"
        rf"(?:\s*[|•·,]?\s*\d{{1,2}} min(?:ute)?s? read)?\W*$", re.IGNORECASE)
    stamp_glue = re.compile(
        rf"(?:(?<=[{LOW}0-9).!?])(?=(?:Updated|Published|Posted|Last updated|First published)\b\s*:?\s*"
        rf"(?:\d|on\b|at\b|{MONTH}|{WEEKDAY}))"
        rf"|(?<=\bago)(?=[{UP}\"“‘])|(?<=\bmin read)(?=[{UP}0-9\"“‘])|(?<=\bminutes read)(?=[{UP}0-9\"“‘])"
        # "Email4 min read", "ET4 min read", "Images2 hours ago": a count glued to the word before
        rf"|(?<=[{LOW}{UP}.!?)])(?=\d{{1,3}}\s?(?:min(?:ute)?s? read|(?:hours?|minutes?|mins?|days?) ago))"
        rf"|(?<=\S)(?=©))")
    agencies = _alt(d.get("agencies", []))
    roles = _alt([r for r in d.get("byline_roles", [])] + [r.title() for r in d.get("byline_roles", [])])
    place = rf"[{UP}][\w-]+(?: [{UP}][\w-]+)?"
    after_names = (rf"(?:\s*(?:,|\||•|·|–|—|-|/)\s*(?:{agencies}|(?:[Ss]enior |[Cc]hief |[Ss]taff )?(?:{roles})"
                   rf"(?: (?:at|for|in) {place})?|{place})|\s+(?:in|for) {place})*")
    caps = rf"[{UP}][{UP}'’.-]+(?: [{UP}][{UP}'’.-]+){{0,3}}(?:(?:,| AND| and| &) [{UP}][{UP}'’.-]+(?: [{UP}][{UP}'’.-]+){{0,3}}){{0,2}}"
    names = rf"{STRICT_NAME}(?:(?:,| and| &|,? and) {STRICT_NAME}){{0,3}}"
    byline_line = re.compile(
        rf"^(?:(?:By|BY|Written by|Words by|Story by|Reported by|Text by)\s+(?:{names}|{agencies}|{caps}){after_names}"
        rf"|{names}\s*(?:,|\||•|·|–|—)\s*(?:(?:[Ss]enior |[Cc]hief |[Ff]oreign |[Pp]olitical |[Ss]taff )?(?:{roles})"
        rf"|{agencies})(?: (?:at|for|in) {place})?{after_names})\W*$")
    byline_glued = re.compile(rf"^(?:By|BY)\s+{names}(?=[{UP}])")
    marks = _alt(d.get("credit_marks", []))
    credit = re.compile(
        rf"(?:\((?:{marks})(?:\s?/\s?(?:{STRICT_NAME}|{agencies}))+(?:\s+via\s+(?:{agencies}))?\)"
        rf"|\b(?:{marks})(?:\s?/\s?(?:{STRICT_NAME}|{agencies}))+(?:\s+via\s+(?:{agencies}))?"
        rf"|(?:\b{STRICT_NAME}\s?/\s?)?\b(?:{agencies})\s+via\s+Getty Images"
        rf"|/\s?Getty Images\b|\bvia Getty Images\b)")
    glue = _alt(d.get("glue_words", []))
    prefixes = _alt(d.get("glue_prefixes", []))
    closing = _alt(d.get("closing_words", []) or ["MORE"])
    openers = _alt(d.get("widget_openers", []))
    targets = _alt(d.get("share_targets", []))
    inline = [
        # a credit inside a paragraph: the sign, perhaps a year, capitalised words, an agency word
        re.compile(r"(?:©|\(c\))\s?(?:\d{4}\s)?(?:[A-Z][\w&'.-]*\s){0,4}"
                   r"(?:Images|Photos?|Pictures|Press|Agency|Wire|News|AFP|Reuters|AP|Getty)(?![a-z])"),
        re.compile(r"\((?:Photo|Image|Picture)s?(?: by|:)[^)\n]{1,80}\)"),
        re.compile(r"(?:Sign up|Subscribe)(?: now| today)? (?:for|to) (?:our|the) [^.!\n]{0,40}?newsletters?(?![a-z])"
                   r"(?: [a-z][^.!\n]{0,80}[.!]?)?"),
        re.compile(r"Share (?:this|the) (?:article|story)(?: on [A-Z]\w+)?[.!]?"),
        re.compile(r"\bSponsored(?: content)?:[^\n]{0,200}?(?=\n|$)"),
        re.compile(r"\(\s*[Oo]pens in (?:a )?new (?:window|tab)\s*\)"),
        # a wire story's credit line at the end of its last paragraph
        re.compile(r"\((?:Reporting|Writing|Editing|Additional reporting|Compiled) by [^()\n]{1,240}\)"),
        # a prompt left between two sentences of one paragraph ("... said. Advertisement The ...")
        re.compile(r"(?<=[.!?\"”’)])\s+(?:ADVERTISEMENT|Advertisement|Story continues below(?: advertisement)?|"
                   r"SCROLL TO CONTINUE WITH CONTENT|Continue reading below)\s+(?=[A-Z\"“])"),
        credit,
    ]
    # "Niger coup: Ecowas agrees on intervention plan – BBC News": a headline line that ends in the site's name
    outlets = _alt(d.get("outlets", []) + d.get("agencies", []))
    heads = _alt(d.get("outlet_heads", []))
    site = (rf"(?:{outlets}|(?:The )?(?:[{UP}][\w'’.&-]*\s){{0,3}}(?:{heads})|[\w-]+\.(?:com|org|net|co\.uk|co\.za|in|ng|ke))")
    site_suffix = re.compile(rf"^(?P<head>[^\n]{{12,}}?[^.!?\s])\s+[|–—-]{{1,2}}\s+(?:{site})(?:\s+[|–—-]\s+[^\n|–—]{{1,40}})?\s*$")
    return Rules(
        site_suffix=site_suffix,
        lines=_compile_all(d.get("line_patterns", []), "line_patterns"),
        blocks=_compile_all(d.get("block_headers", []), "block_headers"),
        share_bar=re.compile(rf"^(?:{targets})(?:\s*[|/·•,]?\s*(?:{targets}))*\W*$", re.IGNORECASE),
        glue_left=re.compile(rf"(?<=[\w.!?:;,)\]\"”’])(?<![{UP}])(?=(?:{glue})(?![{LOW}]))"
                             rf"|(?<=[{UP}][{LOW}])(?=(?:{glue})(?![{LOW}]))"),
        glue_words=tuple(d.get("glue_words", [])),
        prefix_words=tuple(d.get("glue_prefixes", [])),
        compound_starts=frozenset(d.get("compound_starts", [])),
        share_run=re.compile(rf"^((?:{targets})(?:\s*[|/·•,]?\s*(?:{targets}))*)(?=[{UP}][{LOW}]|[\"“‘][{UP}])"),
        glue_right=re.compile(rf"(?<![{LOW}])((?:{glue}))(?=[{UP}0-9©(\[\"“‘])"),
        prefix_left=re.compile(rf"(?<=[{LOW}0-9.!?:;,)\]\"”’])(?=(?:{prefixes}))"),
        prefix_line=re.compile(rf"^(?:{prefixes})\s*:?\s*"),
        stamp_glue=stamp_glue,
        # "10:05 AM ETSEOUL": a clock time with its zone (or am/pm) glued to a capital
        # "10:05 AM ETSEOUL": a clock time with its zone (or am/pm) glued to a capital; "© Lantern
        # ImagesThe": a credit glued to the next sentence
        time_glue=re.compile(rf"(\b\d{{1,2}}[:.]\d{{2}}\s?(?:{ampm}(?:\s?(?:{tz}))?|(?:{tz}))"
                             rf"|(?:©|\(c\))[^\n©]{{0,60}}?(?:Images|Photos?|Pictures|Press|Agency|Wire|News|AFP|Reuters"
                             rf"|Getty|{agencies})|\bnewsletters?)(?=[{UP}][{LOW}{UP}]|[\"“‘][{UP}])"),
        stamp_line=stamp_line,
        byline_line=byline_line,
        byline_glued=byline_glued,
        credit=credit,
        widget=re.compile(rf"(?<![\w'’-])(?P<n>{LOOSE_NAME})(?P=n)(?P<rest>.{{0,{MAX_WIDGET_CHARS}}}?)"
                          rf"(?P<tail>{closing})(?![\w])", re.DOTALL),
        opener_before=re.compile(rf"(?:^|(?<=[\s.!?]))(?:{openers})\s*:?\s*$"),
        doubled_line=re.compile(rf"^(?P<n>{LOOSE_NAME})\s?(?P=n)(?P<rest>.*)$"),
        doubled_inline=re.compile(rf"(?<![\w'’-])(?P<n>{NAME_TOKEN}(?: (?:{PARTICLES} ){{0,2}}{NAME_TOKEN}){{1,5}})"
                                  rf"(?P=n)(?=[\s,;:'’)]|$)"),
        inline=inline,
        more_line=re.compile(rf"^(?:{closing}|more|more stories|read more|see more|show more)\W{{0,3}}$",
                             re.IGNORECASE),
    )


def clear_cache() -> None:
    """Forget the compiled rules (after changing DYADWATCH_KB)."""
    rules.cache_clear()


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


def _debris_piece(s: str, r: Rules) -> bool:
    if r.share_bar.match(s) or r.stamp_line.match(s) or r.byline_line.match(s):
        return True
    if r.credit.fullmatch(s):
        return True
    return any(rx.match(s) for rx in r.lines)


def is_debris_line(line: str) -> bool:
    """A line that is page debris on its own: a share bar, a prompt, a credit, a byline, a time
    stamp, or several of these separated by bars ("© Agency Images | Click to share on WhatsApp")."""
    s = line.strip()
    if not s or len(s) > 240:
        return False
    r = rules()
    # a real sentence that starts like a prompt ("Photo: ..." is fine, "Email records show that
    # ..." is not): keep long lines that read like sentences
    if is_sentence(s) and len(s.split()) > 12:
        return False
    if _debris_piece(s, r):
        return True
    parts = [p.strip() for p in re.split(r"\s[|•·]\s|\s{2,}", s) if p.strip()]
    return len(parts) > 1 and all(_debris_piece(p, r) for p in parts)


# -- pass 1: glued text ------------------------------------------------------------------------

def _split_prefix_line(line: str, r: Rules) -> str:
    """"Read more: Seoul fires back at TokyoThe ministry said ...": the prompt and its headline run
    to the first camel-case join; the text after it is the article's."""
    m = r.prefix_line.match(line)
    if not m:
        return line
    join = re.search(rf"(?<=[{LOW}][{LOW}][{LOW}])(?=[{UP}][{LOW}]+\b)|(?<=[{LOW}0-9])(?=[{UP}][{LOW}]+ [{LOW}])",
                     line[m.end():])
    if not join:
        return line
    cut = m.end() + join.start()
    return line[:cut] + "\n" + line[cut:]


def unglue(text: str) -> str:
    """Break lines where debris is glued to the text around it; put a space where one sentence is
    glued to the next. Text without such joins comes back unchanged."""
    r = rules()
    # cheap tests first (substring searches): most texts have none of these joins
    glue = any(w in text for w in r.glue_words)
    prefix = any(w in text for w in r.prefix_words)
    stamp = any(w in text for w in ("Updated", "Published", "Posted", "First published", "ago", " read", "©"))
    clock = "©" in text or "newsletter" in text or _CLOCK.search(text) is not None
    for _ in range(4):  # a break can expose the next join ("ADVERTISEMENTAdvertisementThe")
        before = text
        if glue:
            text = r.glue_left.sub("\n", text)
            text = r.glue_right.sub(lambda m: m.group(1) + "\n", text)
        if prefix:
            text = r.prefix_left.sub("\n", text)
        if stamp:
            text = r.stamp_glue.sub("\n", text)
        if clock:
            text = r.time_glue.sub(lambda m: m.group(1) + "\n", text)
        if text == before:
            break
    # the last word of a share bar glued to the text ("Facebook\nTwitter\nEmailThe ministry said")
    lines = text.split("\n")
    for i, line in enumerate(lines):
        m = r.share_run.match(line)
        # one share word that also begins compound names ("SharePoint", "PrintNightmare") is left whole
        single = m is not None and m.group(1).strip() in r.compound_starts
        if m and not single and (i and is_debris_line(lines[i - 1]) or len(re.findall(r"[A-Z]", m.group(1))) > 1):
            lines[i] = m.group(1) + "\n" + line[m.end(1):]
    text = "\n".join(lines)
    lines = []
    for line in text.split("\n"):
        m = r.byline_glued.match(line.strip())
        if m and not NOT_A_NAME.match(line.strip()[3:].split(" ")[0].strip(",")):
            line = line.strip()
            line = line[:m.end()] + "\n" + line[m.end():]
        lines.append(line)
    text = "\n".join(lines)
    # "said.4 min read": what follows a glued sentence end with a digit is a stamp or a count; a line of its own
    text = re.sub(rf"(?<=[{LOW}]{{2}}[.!?])(?=\d)", "\n", text)
    # "said.The talks" -> "said. The talks" (not "U.S.The", "Jr.Ferdinand": two lower-case letters first)
    return re.sub(rf"(?<=[{LOW}]{{2}}[.!?])([\"”’)]?)(?=[{UP}][{LOW}])|(?<=\d\d[.!?])([\"”’)]?)(?=[{UP}][{LOW}])",
                  lambda m: (m.group(1) or m.group(2) or "") + " ", text)


# -- pass 2: related-story widgets ---------------------------------------------------------------

def _keeps_name(before: str, after: str) -> bool:
    """Whether the sentence around a widget needs the name it was anchored on: the text after it
    continues the sentence ("...MORE said", "MORE's government"), or the text before it does not
    end a sentence ("President Jane Doe...MORE Monday")."""
    a = after.lstrip(" \t")
    if a[:1] in ("'", "’", ",", ";", ":", ")") or (a[:1].isalpha() and a[:1].islower()):
        return True
    if not a or a[:1] == "\n":
        return False
    b = before.rstrip()
    return bool(b) and not re.search(r"[.!?:\"”’)\]]$", b)


def remove_widgets(text: str) -> str:
    """Related-story widgets anchored on a name glued to itself and closed by "MORE" (or "Read
    more"), inline or across lines; the name stays once when the sentence needs it."""
    r = rules()
    if not _CAMEL.search(text):
        return text
    out: list[str] = []
    pos = 0
    search_from = 0
    while True:
        m = r.widget.search(text, search_from)
        if not m:
            break
        name, rest = m.group("n"), m.group("rest")
        single = " " not in name
        if (single and len(name) < 3) or _INNER_SENTENCE_END.search(rest) or re.search(r"\n\s*\n", rest) \
                or NOT_A_NAME.match(name.split(" ")[0]):
            search_from = m.start() + 1
            continue
        before = text[pos:m.start()]
        after = text[m.end():].lstrip(" \t")
        if _keeps_name(text[:m.start()], after):
            piece = before + name + ("" if after[:1] in ("'", "’", ",", ";", ":", ")", ".", "\n", "") else " ")
        else:
            opener = r.opener_before.search(before)
            if opener:
                before = before[:opener.start()]
            before = before.rstrip(" \t")
            sep = "\n" if ("\n" in m.group(0) or before.endswith("\n") or after[:1] == "\n") else " "
            piece = before + ("" if before.endswith("\n") or after[:1] == "\n" or not before else sep)
        out.append(piece)
        pos = m.end()
        # the next piece starts without the spaces that followed the widget (and without its line
        # break when the widget filled whole lines)
        while pos < len(text) and text[pos] in " \t":
            pos += 1
        if piece.endswith("\n") and text[pos:pos + 1] == "\n":
            pos += 1
        search_from = pos
    out.append(text[pos:])
    return "".join(out)


# -- pass 3 and 4: lines ---------------------------------------------------------------------------

def _doubled_name_line(s: str, r: Rules) -> tuple[str, str] | None:
    """(name, rest) when a line opens with a name glued to itself ("Jane DoeJane Doe", "Jane
    DoeJane DoeSenators push ...")."""
    m = r.doubled_line.match(s)
    if not m or NOT_A_NAME.match(m.group("n").split(" ")[0]):
        return None
    rest = m.group("rest")
    if rest and rest[0].isalpha() and rest[0].islower():
        return None  # the name ran on into a word: not a repetition
    return m.group("n"), rest


def _remove_blocks(lines: list[str]) -> list[str]:
    r = rules()
    out: list[str] = []
    i = 0
    n = len(lines)
    while i < n:
        s = lines[i].strip()
        doubled = _doubled_name_line(s, r) if s else None
        if doubled is not None and doubled[1].strip() and (is_sentence(doubled[1]) or doubled[1][:1] == " "
                                                           and doubled[1].strip()[:1].islower()):
            # "Jane DoeJane Doe said on Monday that ...": a doubled subject, not a widget
            out.append(doubled[0] + doubled[1])
            i += 1
            continue
        # glued byline -> headline cluster, up to MORE (or the end of the headline run)
        if doubled is not None:
            j = i + 1
            end = None
            while j < n and j - i <= MAX_BLOCK_LINES:
                t = lines[j].strip()
                if r.more_line.match(t):
                    end = j
                    break
                if t and not is_headline(t):
                    break
                if not t:
                    break
                j += 1
            if end is None:
                end = j - 1
            i = end + 1
            continue
        # MORE closing a run of headlines that had no glued name: drop the run we kept
        closes = bool(out and out[-1].strip() and is_headline(out[-1]) and not is_sentence(out[-1]))
        if r.more_line.match(s) and (closes or not any(rx.match(s) for rx in r.blocks)):
            while out and out[-1].strip() and is_headline(out[-1]) and not is_sentence(out[-1]):
                out.pop()
            i += 1
            continue
        # sponsored / related blocks: header, then headline lines to a blank line
        if s and any(rx.match(s) for rx in r.blocks):
            j = i + 1
            while j < n and j - i <= MAX_BLOCK_LINES:
                t = lines[j].strip()
                if not t:
                    break
                if r.more_line.match(t):
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


def _site_headline(line: str, r: Rules) -> str | None:
    """A headline line with the site's name after it ('Troops kill four civilians – BBC News'), without
    the name; None for any other line. A line that is a sentence (it ends in a stop, or runs on) is kept."""
    s = line.strip()
    if len(s) > 200 or s[-1:] in ".!?\"”’":
        return None
    m = r.site_suffix.match(s)
    if m is None or len(m.group("head").split()) < 3:
        return None
    return m.group("head").strip()


def _inline(line: str) -> str | None:
    """The line without inline debris; None when nothing but debris was on it."""
    if not line.strip():
        return ""
    if is_debris_line(line):
        return line.strip()  # removed whole by the line rules (after the block rules have seen it)
    r = rules()
    head = _site_headline(line, r)
    if head is not None:
        return head
    for rx in r.inline:
        if rx is not r.credit or "/" in line or "via Getty" in line:
            line = rx.sub(" ", line)
    line = re.sub(r"\(\s*\)|\[\s*\]", " ", line)
    if _CAMEL.search(line):
        line = r.doubled_inline.sub(lambda m: m.group("n"), line)
    line = re.sub(r"[ \t]+", " ", line).strip()
    line = re.sub(r"^[|•·:;,]\s*|\s*[|•·]$", "", line).strip()
    return line or None


def _drop_title(lines: list[str], title: str | None) -> list[str]:
    """The title repeated as the first line(s), or opening the first line; without a title, a first
    line repeated as the second is the title twice."""
    first = next((ln for ln in lines if ln), "")
    if not title and first and is_headline(first) and sum(1 for ln in lines[:4] if ln == first) > 1:
        title = first
    if not (title and _norm(title)):
        return lines
    nt = _norm(title)
    kept: list[str] = []
    in_head = True
    for ln in lines:
        if in_head and ln:
            if _norm(ln) == nt:
                continue
            t = title.strip()
            rest = ln[len(t):].strip()
            if _norm(ln).startswith(nt + " ") and ln[: len(t)].lower() == t.lower() and rest[:1].isupper() \
                    and not is_sentence(t):
                # "Title SEOUL, March 3 - ...": the title glued to the lede; but a lede that merely opens
                # with the title's words ("China urged the US and Japan to ...") is the lede
                ln = rest
            if not is_debris_line(ln):
                in_head = False
        kept.append(ln)
    return kept


def clean_text(text: str, title: str | None = None) -> str:
    """The article body without page debris; paragraphs separated by blank lines."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\u200b", "")
    text = remove_widgets(unglue(text))
    r = rules()
    text = "\n".join(_split_prefix_line(line, r) for line in text.split("\n"))
    lines = [ln for ln in (_inline(raw) for raw in text.split("\n")) if ln is not None]
    lines = _drop_title(lines, title)
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


# A wire dateline opening the text: "SEOUL, Feb 12 (Harbour Wire) - ", "UNITED NATIONS (Agency) -- ", "BEIJING: ",
# "MOSCOW, Jan 3 /Agency/. ", "NEW DELHI, May 6 (Agency) "; in title case only with a date or an agency
# ("Seoul, Jan. 5 (Agency) -- ", "Islamabad (Agency) - "), so that "Russia, Ukraine — talks" stays a sentence.
_WHEN = r"(?:,\s*(?P<when>[^()\n\-–—:/]{1,25}?))?"
_AGENCY = r"\s*(?:\((?P<agency>[^()\n]{1,40})\))?"
_END = r"(?:\s*(?P<dash>[-–—]{1,2})|\s*/(?P<slashed>[A-Za-z][\w-]{1,20})/\.?|\s*(?P<colon>:)|(?P<comma>,)|(?<=\)))\s+"
DATELINE = re.compile(r"^(?P<place>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ .'/-]{1,40}?)" + _WHEN + _AGENCY + _END)
TITLE_DATELINE = re.compile(r"^(?P<place>[A-Z][a-zà-ÿ'’.-]+(?: [A-Z][a-zà-ÿ'’.-]+){0,2})" + _WHEN + _AGENCY + _END)
_DATE_LIKE = re.compile(r"\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b\.?")


def find_dateline(text: str) -> dict | None:
    """The dateline at the start of the text: {"start", "end", "place", "when", "agency"} (offsets into
    the text; `end` is where the story proper begins), or None. The place is a location, not an actor."""
    text = text or ""
    m = DATELINE.match(text)
    title = False
    if m is None or m.group("place").strip().upper() != m.group("place").strip():
        m, title = TITLE_DATELINE.match(text), True
    if not m:
        return None
    place = m.group("place").strip()
    when = (m.group("when") or "").strip() or None
    agency = (m.group("agency") or m.group("slashed") or "").strip() or None
    letters = sum(ch.isalpha() for ch in place)
    if letters < 2:
        return None
    if title:
        # a title-case place needs a date or an agency: "Russia, Ukraine — talks" is no dateline
        if not (agency or (when and _DATE_LIKE.search(when))):
            return None
    elif m.group("colon"):
        if when or agency or letters < 4 or " " in place.strip():
            return None  # "BEIJING: China warned ..."; not "NEW YORK: ..." guesses or "UPDATE 2:"
    elif not (when or agency) and (letters < 4 or m.group("dash") == "-"):
        return None
    if m.group("comma"):
        # "GENEVA, Switzerland, The Security Council ...": capitals, a named qualifier, then the story
        if title or not when or _DATE_LIKE.search(when) or not when[:1].isupper() or letters < 4 or \
                not text[m.end():m.end() + 1].isupper():
            return None
        return {"start": 0, "end": m.end(), "place": place, "when": None, "agency": agency}
    if not (m.group("dash") or m.group("slashed") or m.group("colon")) and not (
            agency and when and _DATE_LIKE.search(when)):
        return None  # without a dash only place, date and agency: "New Delhi, May 6 (PTI) Indian troops"
    return {"start": 0, "end": m.end(), "place": place, "when": when, "agency": agency}
