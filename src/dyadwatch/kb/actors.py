"""The actor knowledge base: countries, organisations, seats of power, role words and office holders.

Everything is read from CSV files in `kb/data/` (see `kb/data/README.md` for the formats). Folders
named in `DYADWATCH_KB` or passed as `extra_dirs` may hold files of the same names that extend or
override the bundled rows. Nothing here calls pycountry or the network at run time.
"""

from __future__ import annotations

import csv
import io
import logging
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .. import config

log = logging.getLogger("dyadwatch.kb")

SECTORS = frozenset((
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS",
    "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC",
))
KINDS = frozenset((
    "country", "demonym", "capital", "seat", "organisation", "person", "role", "region", "nonactor",
))
# Codes that name a class of actors rather than one actor.
GENERIC_CODES = {
    "IGO": "intergovernmental organisation",
    "NGO": "non-governmental organisation",
    "IMG": "international militarized group",
    "MNC": "multinational corporation",
}
# Role words that take the sector of the word before them ("rebel spokesman" is REB, not GOV).
_CARRIERS = frozenset((
    "spokesman", "spokeswoman", "spokesperson", "official", "leader", "chief", "head", "commander",
    "source", "representative", "member", "unit", "group", "officer", "minister", "ministry",
))
# offices whose holder a government is named after ("the Moon government": kb.leader_named)
LEADER_OFFICES = frozenset(("president", "prime minister", "premier", "chancellor", "supreme leader", "king",
                            "head of state", "acting president", "emir", "sultan"))
FILES = ("countries.csv", "organisations.csv", "aliases.csv", "sectors.csv", "people.csv", "peoples.csv")
# More files read like organisations.csv (same columns) and folders whose every *.csv is read like
# people.csv; bundled and in user folders alike.
ORG_FILES = ("parties.csv", "agencies.csv", "armed_groups.csv", "companies.csv")
FOLDERS = {"people": "people"}

# a title before a surname and the offices it may name ("Minister Marsudi": a foreign minister)
TITLE_OFFICES = {
    "president": ("president", "head of state"), "minister": ("minister",), "premier": ("premier", "prime minister"),
    "chancellor": ("chancellor",), "general": ("army chief", "defence minister", "chief of staff", "head of state"),
    "gen": ("army chief", "defence minister", "chief of staff", "head of state"), "secretary": ("secretary", "minister"),
    "king": ("king", "monarch"), "emir": ("emir",), "governor": ("governor",),
}
# Acronyms that spell an English word in lower case ("US", "IS", "WHO") are only looked up when
# written in capitals or with dots ("U.S."); "Nato" or "dprk" are fine in any case.
_WORD_ACRONYMS = frozenset((
    "us", "is", "who", "it", "am", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "me",
    "my", "no", "of", "on", "or", "so", "to", "up", "we", "can", "may", "aid", "war", "arm", "man",
    "sun", "bar", "ice", "one", "all", "top", "act", "fast", "hope", "care", "pan", "sent", "ran",
))


@dataclass(frozen=True)
class ActorEntry:
    code: str  # ISO alpha-3 or organisation code ("" for kind "nonactor")
    sector: str | None  # PLOVER sector: GOV for capitals and seats, None for a country at large
    kind: str  # country | demonym | capital | seat | organisation | person | role | region | nonactor
    name: str  # canonical name ("North Korea", "Kim Jong Un")
    office: str | None = None  # persons: "president", "prime minister", ...
    start: str | None = None  # persons: ISO date the term began
    end: str | None = None  # persons: ISO date the term ended, None while in office
    needs_context: bool = False  # valid only if `code` was named earlier in the article ("the North")
    ambiguous: bool = False  # false friend ("Chad", "Jordan", "Georgia"): apply only with other evidence
    uncertain: bool = False  # persons: the team was not sure of the holder or the dates


# ---------------------------------------------------------------------------------------------
# normalisation


_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-",
                         "\u2013": "-", "\u2014": "-", "\u00a0": " "})
_ACCENTS = str.maketrans("áàâäãåéèêëíìîïóòôöõúùûüçñýğşșıățčćšžđłőűøÁÀÂÄÃÅÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÇÑÝĞŞȘİĂȚČĆŠŽĐŁŐŰØ",
                         "aaaaaaeeeeiiiiooooouuuucnygssiatccszdlouoAAAAAAEEEEIIIIOOOOOUUUUCNYGSSIATCCSZDLOUO")


_SPACES = re.compile(r"[\s\-]+")


def normalise(text: str) -> str:
    """Lookup key of a surface form: lower case, no dots, accents, possessive or leading "the"."""
    s = (text or "").translate(_QUOTES).translate(_ACCENTS).strip()
    if s.endswith("'s"):
        s = s[:-2]
    elif s.endswith("s'"):
        s = s[:-1]
    s = _SPACES.sub(" ", s.replace(".", "")).strip().lower()
    return s.removeprefix("the ")


def _plurals(word: str) -> list[str]:
    """Regular English plurals of a demonym or role word ("Afghan" -> "Afghans")."""
    low = word.lower()
    if low.endswith(("shman", "chman", "sman", "shwoman", "chwoman")):  # Frenchman, not German
        return [word[:-3] + "men"]
    if low.endswith(("ese", "ss", "sh", "ch", "x", "z", "s", "y", "men")):
        return []
    return [word + "s"]


def _singular(word: str) -> list[str]:
    low = word.lower()
    out: list[str] = []
    if low.endswith("men"):
        out.append(low[:-3] + "man")
    if low.endswith("ies"):
        out.append(low[:-3] + "y")
    if low.endswith("es"):
        out.append(low[:-2])
    if low.endswith("s") and not low.endswith("ss"):
        out.append(low[:-1])
    return out


def _split(cell: str | None) -> list[str]:
    return [p.strip() for p in (cell or "").split("|") if p.strip()]


def _flag(cell: str | None) -> bool:
    return (cell or "").strip().lower() in {"1", "y", "yes", "true", "x"}


_STOP = frozenset(("the", "a", "an", "of", "and", "or", "in", "on", "at", "for", "by", "from", "to", "'s",
                   "with", "its", "his", "her", "their", "mr", "mrs", "ms", "dr"))


_TITLE_WORDS = frozenset((
    "president", "minister", "premier", "chancellor", "king", "queen", "prince", "princess", "emir", "sheikh",
    "general", "gen", "senator", "sen", "rep", "governor", "gov", "mayor", "secretary", "ambassador", "envoy",
    "chief", "leader", "commander", "ayatollah", "cleric", "pope", "patriarch", "speaker", "judge", "justice",
    "colonel", "col", "admiral", "marshal", "sultan", "crown", "dr", "mr", "mrs", "ms", "former", "late",
))
# a hyphenated modifier whose first part names a backer or a cause, not the actor: "Iran-backed",
# "Moscow-aligned"; "pro-Russian" and "anti-American" likewise
_BACKER_SUFFIXES = frozenset(("backed", "aligned", "allied", "sponsored", "funded", "armed", "supported",
                              "friendly", "leaning", "installed", "appointed", "trained", "affiliated"))
# a hyphenated modifier whose first part is the actor's own side: "Hamas-run", "Saudi-led", "Aleppo-based"
_OWN_SUFFIXES = frozenset(("run", "led", "controlled", "held", "based", "ruled", "owned", "operated",
                           "dominated", "administered", "governed"))


# Spellings news uses for the same name (transliterations from Arabic, Persian, Russian and
# Ukrainian): every form of a person's or group's name also gets the others of its word's set.
_SPELLINGS = [
    ("Mohammed", "Mohammad", "Muhammad", "Mohamed", "Mohamad", "Muhammed"), ("Ahmed", "Ahmad"),
    ("Abdel", "Abdul", "Abdal"), ("Hussein", "Hussain", "Husain", "Husayn"), ("Hassan", "Hasan"),
    ("Mahmoud", "Mahmud"), ("Youssef", "Yousef", "Yusuf", "Yousif"), ("Osama", "Usama"), ("Omar", "Umar"),
    ("Abdullah", "Abdallah"), ("Khaled", "Khalid"), ("Mustafa", "Mostafa", "Moustafa"), ("Ibrahim", "Ebrahim"),
    ("Ismail", "Ismael", "Esmail"), ("Nasser", "Nasir", "Naser"), ("Sheikh", "Shaikh", "Sheik"),
    ("Gaddafi", "Qaddafi", "Kadhafi", "Gadhafi", "Qadhafi"), ("Saeed", "Said", "Sayed"), ("Haniyeh", "Haniya", "Haniyah"), ("Yahya", "Yehya", "Yahia"),
    ("Sergei", "Sergey"), ("Alexei", "Alexey", "Aleksei"), ("Dmitry", "Dmitri"), ("Yuri", "Yury", "Yuriy"),
    ("Andrei", "Andrey"), ("Nikolai", "Nikolay"), ("Vasily", "Vassily", "Vasiliy"), ("Valery", "Valeriy"),
    ("Yevgeny", "Evgeny", "Yevgeniy"), ("Mikhail", "Mikhael"), ("Alexander", "Aleksandr"),
]
_SPELLING = {w.lower(): group for group in _SPELLINGS for w in group}
_PARTICLE = re.compile(r"^(?:al|el|Al|El)-(?=[A-Z])")
# East Slavic endings written several ways ("Zelensky", "Zelenskiy", "Zelenskyy"); a Polish or
# Macedonian "-ski" is always written so ("Sikorski" is no "Sikorsky")
_SLAVIC_END = re.compile(r"(?<=[a-z]{3})(skiy|skyy|skyi|skii|sky)$")


def _variants(form: str, person: bool = True) -> list[str]:
    """Other spellings of a name ("Volodymyr Zelenskiy" -> "Volodymyr Zelensky", ...; "Abdel Fattah
    el-Sisi" -> "Abdul Fattah al-Sisi", "Abdel Fattah Sisi", ...), at most 16. A person's name never
    loses its particle when one word would be left ("al-Bashir" is no "Bashir", a first name too);
    a group's may ("al-Shabaab", "Shabaab")."""
    words = form.split()
    if len(words) > 6:
        return []
    options: list[list[str]] = []
    for w in words:
        opts = [w]
        group = _SPELLING.get(w.lower())
        if group and w[:1].isupper():
            opts += [g for g in group if g != w]
        m = _PARTICLE.match(w)
        if m:
            rest = w[m.end():]
            opts += [p + rest for p in ("al-", "el-", "al ", "") if p + rest != w]
        m = _SLAVIC_END.search(w)
        if m and w[:1].isupper():
            stem = w[:m.start()]
            opts += [stem + e for e in ("skiy", "sky", "skyy", "ski") if stem + e != w]
        options.append(opts)
    out: list[str] = []
    combos = [""]
    for opts in options:
        combos = [(c + " " + o).strip() for c in combos for o in opts][:64]
    for c in combos:
        c = re.sub(r"\s+", " ", c).strip()
        if person and " " not in c and len(words) == 1 and _PARTICLE.match(form) and not _PARTICLE.match(c):
            continue
        if c and c != form and c not in out:
            out.append(c)
    return out[:16]


def _respelled(name: str, forms: list[str]) -> list[str]:
    """The full name with a short form that respells its surname ("Mohamed Morsi" with "Mursi" ->
    "Mohamed Mursi"; "Moammar Gadhafi" with "Qaddafi"): news writes the given name with either
    spelling. Only a one-word form close to the surname (not a nickname: "Bibi", "Lula")."""
    from difflib import SequenceMatcher

    words = name.split()
    if len(words) < 2:
        return []
    last = words[-1]
    out = []
    for f in forms:
        if " " in f or f == last or f.isupper() or not f[:1].isupper() or f in words:
            continue
        if SequenceMatcher(None, f.lower(), last.lower()).ratio() >= 0.6:
            out.append(" ".join(words[:-1] + [f]))
    return out


_DOTTED = re.compile(r"^((?:[A-Z]\.){2,3})(?= [A-Z])")
_DOTLESS = re.compile(r"^(US|UK|UN|EU)(?= [A-Z])")


def _initials_respelled(form: str) -> str | None:
    """A name that opens with a country's or the UN's initials, the other way of writing them: "U.S.
    Treasury" -> "US Treasury", "UN Security Council" -> "U.N. Security Council". The matcher sees
    tokens, so each spelling needs a pattern of its own (the lookup key drops the dots anyway)."""
    m = _DOTTED.match(form)
    if m:
        return m.group(1).replace(".", "") + form[m.end():]
    m = _DOTLESS.match(form)
    if m:
        return ".".join(m.group(1)) + "." + form[m.end():]
    return None


def _unpossess(word: str) -> str:
    w = (word or "").translate(_QUOTES)
    return w[:-2] if w.endswith("'s") else w[:-1] if w.endswith("s'") else w


def _phrase_words(phrase: str) -> tuple[list[str], list[str]]:
    """The words of a phrase to read names from, and the backers set apart: "Iran-backed militias
    in Iraq" -> (["militias", "in", "Iraq"], ["Iran"]); "Hamas-run health ministry" -> (["Hamas",
    "health", "ministry"], []); "pro-Russian separatists" -> (["separatists"], ["Russian"])."""
    words: list[str] = []
    backers: list[str] = []
    for w in re.split(r"\s+", (phrase or "").strip().translate(_QUOTES)):
        if not w:
            continue
        low = w.lower()
        if low.startswith(("pro-", "anti-")) and len(w.split("-", 1)[1]) > 1:
            backers.append(w.split("-", 1)[1])
            continue
        head, dash, tail = w.rpartition("-")
        if dash and head and tail.lower() in _BACKER_SUFFIXES:
            backers.append(head)
            continue
        if dash and head and tail.lower() in _OWN_SUFFIXES:
            words.append(head)
            continue
        words.append(w)
    return words, backers


def _changes(cell: str | None) -> list[tuple[str, str, str | None]]:
    """"2021-08-15 AFG GOV|..." -> [(date, code, sector)], sorted; ValueError names a bad part."""
    out = []
    for part in _split(cell):
        bits = part.split()
        if len(bits) not in (2, 3) or not _valid_date(bits[0]) or not re.fullmatch(r"[A-Z]{2,6}", bits[1]) \
                or (len(bits) == 3 and bits[2] not in SECTORS):
            raise ValueError(f"bad change {part!r} (want 'YYYY-MM-DD CODE [SECTOR]')")
        out.append((bits[0], bits[1], bits[2] if len(bits) == 3 else None))
    return sorted(out)


def _periods(cell: str | None) -> list[tuple[str, str | None]]:
    """"1994-05-10:|2001-01-20:2009-01-20" -> [(start, end or None)]; ValueError names a bad part."""
    out = []
    for part in _split(cell):
        start, sep, end = part.partition(":")
        if not sep or not _valid_date(start) or (end and (not _valid_date(end) or end < start)):
            raise ValueError(f"bad period {part!r} (want 'START:END', END may be empty)")
        out.append((start, end or None))
    return out


def _valid_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


# ---------------------------------------------------------------------------------------------
# reading the files


def _rows(text: str, source: str) -> Iterator[tuple[int, dict[str, str]]]:
    """CSV rows with their line numbers; lines starting with '#' and blank lines are skipped."""
    lines = text.splitlines()
    kept = [(i + 1, line) for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")]
    if not kept:
        return
    reader = csv.reader(io.StringIO("\n".join(line for _, line in kept)))
    try:
        header = [h.strip() for h in next(reader)]
    except (StopIteration, csv.Error) as exc:
        log.warning("kb: %s:%d: unreadable header (%s)", source, kept[0][0], exc)
        return
    for idx, values in enumerate(reader, start=1):
        lineno = kept[idx][0] if idx < len(kept) else kept[-1][0]
        if len(values) > len(header):
            log.warning("kb: %s:%d: %d fields, expected at most %d; row skipped",
                        source, lineno, len(values), len(header))
            continue
        row = {h: (values[i].strip() if i < len(values) else "") for i, h in enumerate(header)}
        yield lineno, row


def _reader_of(name: str) -> str | None:
    """Which reader a file of a knowledge-base folder goes to ("people/africa.csv" -> "people")."""
    if name in FILES:
        return name.split(".")[0]
    if name in ORG_FILES:
        return "organisations"
    head, _, tail = name.partition("/")
    if head in FOLDERS and tail.endswith(".csv") and "/" not in tail:
        return FOLDERS[head]
    return None


def _bundled_texts() -> list[tuple[str, str, str]]:
    """(reader, text, source) of every bundled file, in a fixed order."""
    out: list[tuple[str, str, str]] = []
    base = resources.files("dyadwatch.kb").joinpath("data")
    names = list(FILES) + list(ORG_FILES)
    for folder in FOLDERS:
        try:
            sub = base.joinpath(folder)
            names += sorted(f"{folder}/{p.name}" for p in sub.iterdir() if p.name.endswith(".csv"))
        except (FileNotFoundError, OSError, NotADirectoryError):
            continue
    for name in names:
        try:
            text = base.joinpath(*name.split("/")).read_text("utf-8")
        except (FileNotFoundError, OSError):
            continue
        out.append((_reader_of(name) or "", text, f"kb/data/{name}"))
    return out


def _folder_files(folder: Path) -> list[tuple[str, Path]]:
    """(name, path) of the knowledge-base files in a user folder, in a fixed order."""
    found = [(name, folder / name) for name in list(FILES) + list(ORG_FILES) if (folder / name).is_file()]
    for sub in FOLDERS:
        if (folder / sub).is_dir():
            found += [(f"{sub}/{p.name}", p) for p in sorted((folder / sub).glob("*.csv")) if p.is_file()]
    return found


def _folder_texts(folder: Path) -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    if not folder.is_dir():
        log.warning("kb: %s: not a folder; ignored", folder)
        return out
    for name, path in _folder_files(folder):
        try:
            out.append((_reader_of(name) or "", path.read_text("utf-8-sig"), str(path)))
        except (OSError, UnicodeDecodeError) as exc:
            log.warning("kb: %s: unreadable (%s); ignored", path, exc)
    return out


# ---------------------------------------------------------------------------------------------
# the knowledge base


@dataclass
class _Person:
    name: str
    aliases: list[str]
    code: str
    office: str
    sector: str | None
    start: str | None
    end: str | None
    uncertain: bool = False


class KnowledgeBase:
    """Surface forms of actors and role words, with their codes and sectors."""

    def __init__(self) -> None:
        self.countries: dict[str, dict[str, str]] = {}  # code -> row
        self.organisations: dict[str, dict[str, str]] = {}  # id -> row
        self.alias_rows: dict[tuple[str, str], dict[str, str]] = {}  # (alias, code) -> row
        self.removed_aliases: set[str] = set()  # normalised aliases removed by a user file
        self.sector_words: dict[str, str] = {}  # normalised word -> sector
        self.peoples: dict[str, list[str]] = {}  # normalised people form -> countries, likeliest first
        self.people: dict[tuple[str, str, str], _Person] = {}
        self.problems: list[str] = []
        self._aliases: list[tuple[str, ActorEntry]] = []
        self._org_changes: dict[str, list[tuple[str, str, str | None]]] = {}  # name -> (date, code, sector)
        self._in_power: dict[str, list[tuple[str, str | None]]] = {}  # party name -> (start, end)
        self._index: dict[str, list[tuple[str, ActorEntry]]] = {}
        self._names: dict[str, str] = {}
        self._leader_words: dict[str, list[_Person]] | None = None  # name word -> leaders (leader_named)

    # -- loading --------------------------------------------------------------------------

    def _warn(self, source: str, lineno: int, message: str) -> None:
        text = f"kb: {source}:{lineno}: {message}"
        self.problems.append(text)
        log.warning("%s", text)

    def _sector(self, value: str, source: str, lineno: int) -> str | None | bool:
        value = value.strip().upper()
        if not value:
            return None
        if value not in SECTORS:
            self._warn(source, lineno, f"unknown sector {value!r}; row skipped")
            return False
        return value

    def add_texts(self, texts: list[tuple[str, str, str]] | dict[str, tuple[str, str]]) -> None:
        """Read one folder's worth of files, [(reader, text, source)] or {file name: (text, source)};
        later calls override earlier rows of the same key."""
        items = [(_reader_of(n) or "", t, src) for n, (t, src) in texts.items()] if isinstance(texts, dict) \
            else texts
        for reader_name, text, source in items:
            reader = getattr(self, "_read_" + reader_name, None)
            if reader is not None:
                reader(text, source)

    def _read_countries(self, text: str, source: str) -> None:
        for lineno, row in _rows(text, source):
            code = row.get("code", "").upper()
            if not re.fullmatch(r"[A-Z]{3}", code) or not row.get("name"):
                self._warn(source, lineno, "needs a three-letter code and a name; row skipped")
                continue
            self.countries[code] = row

    def _read_organisations(self, text: str, source: str) -> None:
        for lineno, row in _rows(text, source):
            ident = row.get("id", "").strip()
            code = row.get("code", "").upper()
            if not ident or not re.fullmatch(r"[A-Z]{2,6}", code) or not row.get("name"):
                self._warn(source, lineno, "needs an id, a code (2-6 capitals) and a name; row skipped")
                continue
            if self._sector(row.get("sector", ""), source, lineno) is False:
                continue
            try:
                _changes(row.get("changes"))
                _periods(row.get("in_power"))
            except ValueError as exc:
                self._warn(source, lineno, f"{exc}; row skipped")
                continue
            row["code"] = code
            self.organisations[ident] = row

    def _read_aliases(self, text: str, source: str) -> None:
        for lineno, row in _rows(text, source):
            alias = row.get("alias", "")
            code = row.get("code", "").upper()
            kind = (row.get("kind", "") or "seat").lower()
            if not alias:
                self._warn(source, lineno, "empty alias; row skipped")
                continue
            if code == "-":
                key = normalise(alias)
                self.removed_aliases.add(key)
                self.alias_rows = {k: v for k, v in self.alias_rows.items() if normalise(k[0]) != key}
                continue
            if kind not in KINDS:
                self._warn(source, lineno, f"unknown kind {kind!r}; row skipped")
                continue
            if kind != "nonactor" and not re.fullmatch(r"[A-Z]{2,6}", code):
                self._warn(source, lineno, f"bad code {code!r}; row skipped")
                continue
            if self._sector(row.get("sector", ""), source, lineno) is False:
                continue
            row["code"], row["kind"] = code, kind
            self.removed_aliases.discard(normalise(alias))
            self.alias_rows[(alias, code)] = row

    def _read_sectors(self, text: str, source: str) -> None:
        for lineno, row in _rows(text, source):
            word = normalise(row.get("word", ""))
            sector = self._sector(row.get("sector", ""), source, lineno)
            if not word or not sector:
                if sector is not False:
                    self._warn(source, lineno, "needs a word and a sector; row skipped")
                continue
            self.sector_words[word] = sector  # type: ignore[assignment]

    def _read_peoples(self, text: str, source: str) -> None:
        for lineno, row in _rows(text, source):
            forms = [normalise(f) for f in _split(row.get("people"))]
            codes = [c.upper() for c in _split(row.get("countries"))]
            if not forms or not codes or not all(re.fullmatch(r"[A-Z]{3}", c) for c in codes):
                self._warn(source, lineno, "needs a people and three-letter country codes; row skipped")
                continue
            for form in forms:
                self.peoples[form] = codes

    def people_countries(self, text: str) -> list[str]:
        """The countries a people of several states lives in, likeliest first ("Kurdish" -> TUR, IRQ,
        SYR, IRN; "ethnic Albanians" -> SRB, MKD, XKX); [] for any other word (peoples.csv)."""
        return list(self.peoples.get(normalise(text), ()))

    def _read_people(self, text: str, source: str) -> None:
        for lineno, row in _rows(text, source):
            name, code = row.get("name", ""), row.get("code", "").upper()
            start, end = row.get("start", "") or None, row.get("end", "") or None
            if not name or not re.fullmatch(r"[A-Z]{2,6}", code):
                self._warn(source, lineno, "needs a name and a code; row skipped")
                continue
            bad = [d for d in (start, end) if d and not _valid_date(d)]
            if bad:
                self._warn(source, lineno, f"bad date {bad[0]!r} (want YYYY-MM-DD); row skipped")
                continue
            if start and end and end < start:
                self._warn(source, lineno, "term ends before it starts; row skipped")
                continue
            sector = self._sector(row.get("sector", ""), source, lineno)
            if sector is False:
                continue
            office = row.get("office", "").lower()
            self.people[(name, office, start or "")] = _Person(
                name, _split(row.get("aliases")), code, office, sector or None, start, end,  # type: ignore[arg-type]
                _flag(row.get("uncertain")))

    # -- building the alias table ---------------------------------------------------------

    def build(self) -> None:
        self._leader_words = None
        pairs: list[tuple[str, ActorEntry]] = []

        def add(form: str, entry: ActorEntry) -> None:
            form = form.strip()
            if form:
                pairs.append((form, entry))
                if not form.isascii():  # "Élysée" is often written "Elysee"
                    plain = form.translate(_ACCENTS)
                    if plain != form:
                        pairs.append((plain, entry))
                other = _initials_respelled(form)
                if other:  # "U.S. Treasury" is also written "US Treasury" (and the other way round)
                    pairs.append((other, entry))

        for code, row in self.countries.items():
            name = row["name"]
            ambiguous = {a.lower() for a in _split(row.get("ambiguous"))}

            def amb(form: str, ambiguous: set[str] = ambiguous) -> bool:
                return form.lower() in ambiguous

            for form in [name, row.get("official_name", "")] + _split(row.get("short_forms")):
                if form:
                    add(form, ActorEntry(code, None, "country", name, ambiguous=amb(form)))
            for form in _split(row.get("demonyms")):
                entry = ActorEntry(code, None, "demonym", name, ambiguous=amb(form))
                add(form, entry)
                if form[:1].isupper():
                    for plural in _plurals(form):
                        add(plural, entry)
            for form in _split(row.get("capitals")):
                add(form, ActorEntry(code, "GOV", "capital", name, ambiguous=amb(form)))

        self._org_changes = {}
        self._in_power = {}
        for row in self.organisations.values():
            name = row["name"]
            entry = ActorEntry(row["code"], row.get("sector") or None, "organisation", name,
                               ambiguous=_flag(row.get("ambiguous")))
            for form in [name] + _split(row.get("aliases")):
                add(form, entry)
                if form[:1].isupper() and not form.isupper():
                    for other in _variants(form, person=False):
                        add(other, entry)
            if row.get("changes"):
                self._org_changes[name] = _changes(row["changes"])
            if row.get("in_power"):
                self._in_power[name] = _periods(row["in_power"])

        for (alias, code), row in self.alias_rows.items():
            kind = row["kind"]
            name = row.get("name") or self._names_of(code) or alias
            entry = ActorEntry(code, row.get("sector") or None, kind, name,
                               needs_context=_flag(row.get("needs_context")),
                               ambiguous=_flag(row.get("ambiguous")))
            add(alias, entry)
            if kind == "demonym" and alias[:1].isupper():
                for plural in _plurals(alias):
                    add(plural, entry)

        # a short form written on one term of a person is theirs on every term ("Munir" for the ISI chief
        # and the army chief, "Joxe" for the interior and the defence minister)
        pooled: dict[tuple[str, str], list[str]] = {}
        for person in self.people.values():
            forms = pooled.setdefault((normalise(person.name), person.code), [])
            forms += [a for a in person.aliases if a not in forms]
        for person in self.people.values():
            entry = ActorEntry(person.code, person.sector, "person", person.name, person.office,
                               person.start, person.end, uncertain=person.uncertain)
            forms = [person.name] + pooled.get((normalise(person.name), person.code), person.aliases)
            for form in forms + _respelled(person.name, forms):
                add(form, entry)
                for other in _variants(form):
                    add(other, entry)

        keys: dict[str, str] = {}
        seen: set[tuple[str, ActorEntry]] = set()
        unique: list[tuple[str, ActorEntry]] = []
        self._index = {}
        for form, entry in pairs:
            if (form, entry) in seen:
                continue
            key = keys.get(form)
            if key is None:
                key = keys[form] = normalise(form)
            if key in self.removed_aliases and (form, entry.code) not in self.alias_rows:
                continue
            seen.add((form, entry))
            unique.append((form, entry))
            self._index.setdefault(key, []).append((form, entry))
        self._aliases = unique
        self._names = {}
        for code, row in self.countries.items():
            self._names[code] = row["name"]
        self._names.update(GENERIC_CODES)
        for row in self.organisations.values():
            self._names.setdefault(row["code"], row["name"])

    def _names_of(self, code: str) -> str | None:
        if code in self.countries:
            return self.countries[code]["name"]
        if code in GENERIC_CODES:
            return GENERIC_CODES[code]
        for row in self.organisations.values():
            if row["code"] == code:
                return row["name"]
        return None

    # -- public API -----------------------------------------------------------------------

    def aliases(self) -> list[tuple[str, ActorEntry]]:
        """Every surface form as written in news (usual case) with its entry, for a PhraseMatcher.

        A form may appear several times with different entries (a person's terms, "Korea").
        Entries of kind "nonactor" (code "") are places named like countries ("South China Sea",
        "New Mexico"): match them too, so that the longest match shadows the country inside them,
        then drop them.
        """
        return list(self._aliases)

    def _candidates(self, text: str) -> list[tuple[str, ActorEntry]]:
        key = normalise(text)
        found = self._index.get(key)
        if not found:
            for single in _singular(key):
                found = self._index.get(single)
                if found:
                    break
        if not found and re.search(r"\b(?:al|el) \w", key):
            # "Ayman al-Safadi" is the KB's "Ayman Safadi": a name's particle may be left out
            bare = re.sub(r"\b(?:al|el) (?=\w)", "", key).strip()
            found = [(f, e) for f, e in self._index.get(bare, []) if e.kind in ("person", "organisation")]
        if not found:
            return []
        raw = re.sub(r"^(?:the|The|THE)\s+", "", (text or "").strip().translate(_QUOTES))
        raw = re.sub(r"'[sS]$", "", raw)
        written_in_capitals = "." in raw or re.sub(r"[^A-Za-z]", "", raw).isupper()
        out = []
        for form, entry in found:
            plain = form.replace(".", "")
            if plain.isupper() and plain.lower() in _WORD_ACRONYMS and not written_in_capitals:
                continue  # "us" is not the U.S., "who" is not the WHO
            if (entry.needs_context or entry.kind == "person") and form != form.lower() and raw == raw.lower():
                continue  # "in the north of the country" is not North Korea, "wade" is not Wade
            out.append((form, entry))
        return out

    def lookup(self, text: str, on_date: str | None = None) -> list[ActorEntry]:
        """Entries for a surface form, case-insensitively ("the U.S.'s" finds the United States).

        Exceptions to case-insensitivity: acronyms that spell English words ("US", "WHO") need
        capitals or dots, and persons' names and context-dependent aliases ("the North") are not
        found in an all-lower-case query ("trump", "wade", "the north").

        Persons: with `on_date`, terms that cover the date come first with their row's sector (GOV);
        a person none of whose terms covers the date is returned once, last, with sector "ELI" and
        office "former <office>" (or None before the first term): a former president is not the
        government. Without `on_date` every term is returned, latest first.
        """
        entries = [self._as_of(e, on_date) for _, e in self._candidates(text)]
        others: list[ActorEntry] = []
        seen: set[ActorEntry] = set()
        for e in entries:
            if e.kind != "person" and e not in seen:
                seen.add(e)
                others.append(e)
        persons = sorted({e for e in entries if e.kind == "person"},
                         key=lambda e: (e.start or "", e.office or ""), reverse=True)
        if on_date is None or not persons:
            return others + persons
        day = str(on_date)[:10]
        current = [p for p in persons if (p.start or "") <= day and (p.end is None or day < p.end)]
        holding = {p.name for p in current}
        terms_by_name: dict[str, list[ActorEntry]] = {}
        for p in persons:
            if p.name not in holding:
                terms_by_name.setdefault(p.name, []).append(p)
        former: list[ActorEntry] = []
        for name, terms in terms_by_name.items():
            past = sorted((t for t in terms if t.end and t.end <= day), key=lambda t: t.end or "")
            if past:
                last = past[-1]
                former.append(ActorEntry(last.code, "ELI", "person", name,
                                         f"former {last.office}" if last.office else None))
            else:  # before the first term
                first = min(terms, key=lambda t: t.start or "")
                former.append(ActorEntry(first.code, "ELI", "person", name))
        return others + current + former

    def _as_of(self, entry: ActorEntry, on_date: str | None) -> ActorEntry:
        """An organisation that became something else by `on_date` (the Taliban, the Afghan
        government from 2021-08-15), per its `changes` cell."""
        changes = self._org_changes.get(entry.name) if entry.kind == "organisation" and on_date else None
        if not changes:
            return entry
        day = str(on_date)[:10]
        current = [c for c in changes if c[0] <= day]
        if not current:
            return entry
        _, code, sector = current[-1]
        return ActorEntry(code, sector, entry.kind, entry.name, entry.office, current[-1][0], None,
                          entry.needs_context, entry.ambiguous)

    def leader_named(self, word: str, on_date: str | None = None) -> ActorEntry | None:
        """The head of state or government a government is named after ("the Moon government", "the Biden
        administration", "Netanyahu's cabinet"): a leader whose name begins or ends with `word` (the family
        name first or last), the one in office on `on_date`, else the only country whose leaders bore the
        name; None when the word names leaders of two countries ("the Kim government" in 2021) or none."""
        key = normalise(word)
        if not key or " " in key:
            return None
        if self._leader_words is None:
            index: dict[str, list[_Person]] = {}
            for p in self.people.values():
                if p.office not in LEADER_OFFICES:
                    continue
                for form in [p.name, *p.aliases]:
                    words = normalise(form).split()
                    if len(words) > 1:
                        for w in {words[0], words[-1]}:
                            if len(w) > 2 and w not in _STOP:
                                index.setdefault(w, []).append(p)
            self._leader_words = index
        found = self._leader_words.get(key, [])
        if not found:
            return None
        day = str(on_date)[:10] if on_date else None
        current = [p for p in found if day and (p.start or "") <= day and (p.end is None or day < p.end)]
        pick = current or found
        if len({p.code for p in pick}) != 1:
            return None
        p = max(pick, key=lambda q: q.start or "")
        return ActorEntry(p.code, p.sector or "GOV", "person", p.name, p.office, p.start, p.end)

    def holder_named(self, word: str, on_date: str | None, title: str = "") -> ActorEntry | None:
        """The office holder in office on `on_date` whose name ends with `word` ("Minister Marsudi", "President
        Tinubu": a title and a surname) and whose office the title names (TITLE_OFFICES), when every person
        of the knowledge base with that surname, in office or not, is of one country; else None."""
        want = TITLE_OFFICES.get(title.lower().rstrip("."))
        if want is None:
            return None
        key = normalise(word)
        if not key or " " in key or len(key) < 3 or key in _STOP or not on_date:
            return None
        if getattr(self, "_surname_index", None) is None:
            index: dict[str, list[_Person]] = {}
            for p in self.people.values():
                words = normalise(p.name).split()
                if len(words) > 1 and words[-1] not in _STOP:
                    index.setdefault(words[-1], []).append(p)
            self._surname_index = index
        day = str(on_date)[:10]
        bearers = self._surname_index.get(key, [])
        if len({p.code for p in bearers}) != 1:
            return None  # "Khan", "Kim", "Smith": the surname of several countries' office holders
        current = [p for p in bearers if (p.start or "") <= day and (p.end is None or day < p.end)
                   and any(w in (p.office or "") for w in want)]
        if not current:
            return None
        p = max(current, key=lambda q: q.start or "")
        return ActorEntry(p.code, p.sector or "GOV", "person", p.name, p.office, p.start, p.end)

    def party_role(self, name: str, on_date: str) -> str | None:
        """"governing" or "opposition" for a party with periods in power (parties.csv `in_power`)
        on a date; None for a name that is no such party."""
        found = [e for e in self.lookup(name) if e.kind == "organisation" and e.name in self._in_power]
        if not found:
            return None
        day = str(on_date)[:10]
        spans = self._in_power[found[0].name]
        return "governing" if any(a <= day and (b is None or day < b) for a, b in spans) else "opposition"

    def sector_of(self, word: str) -> str | None:
        """PLOVER sector of a role word or phrase ("troops" -> MIL, "foreign ministry" -> GOV).

        Tries the phrase, its singular, the part before " of " ("ministry of defence"), then ever
        shorter endings ("North Korean troops" -> "troops"). A phrase ending in a word that only
        carries its modifier's role ("rebel spokesman", "army chief", "police officials") takes the
        modifier's sector when it has one.
        """
        key = normalise(word)
        if not key:
            return None
        exact = self._sector_exact(key)
        if exact:
            return exact
        words = key.split()
        if len(words) > 1 and (words[-1] in _CARRIERS or any(s in _CARRIERS for s in _singular(words[-1]))):
            modifier = self._sector_phrase(" ".join(words[:-1]))
            if modifier:
                return modifier
        return self._sector_phrase(key)

    def _sector_exact(self, phrase: str) -> str | None:
        for cand in [phrase, *_singular(phrase)]:
            if cand in self.sector_words:
                return self.sector_words[cand]
        return None

    def _sector_phrase(self, key: str) -> str | None:
        phrases = [key]
        if " of " in key:
            phrases.append(key.split(" of ", 1)[0])
        words = key.split()
        phrases += [" ".join(words[i:]) for i in range(1, len(words))]
        for phrase in phrases:
            found = self._sector_exact(phrase)
            if found:
                return found
        return None

    def holders(self, code: str, on_date: str, office: str | None = None) -> list[ActorEntry]:
        """Office holders of a country or organisation on a date ("PRK", "2015-06-01").

        `office` narrows to one office ("president", "foreign minister"); sorted by office.
        """
        code = (code or "").strip().upper()
        day = str(on_date)[:10]
        out = []
        for p in self.people.values():
            if p.code != code or (office and p.office != office.lower()):
                continue
            if (p.start or "") <= day and (p.end is None or day < p.end):
                out.append(ActorEntry(p.code, p.sector, "person", p.name, p.office, p.start, p.end))
        return sorted(out, key=lambda e: (e.office or "", e.name))

    def country_name(self, code: str) -> str | None:
        code = (code or "").strip().upper()
        return self._names.get(code)

    def resolve(self, name_or_code: str) -> str | None:
        """A code for a name or code typed by a user: "prk", "DPRK", "Pyongyang" -> "PRK"."""
        raw = (name_or_code or "").strip()
        if not raw:
            return None
        up = raw.upper()
        if up in self._names:
            return up
        folded = {"UN": "UNO", "IGOUNO": "UNO", "EU": "EUR", "IGOEUREEC": "EUR"}
        if up in folded:
            return folded[up]
        found = [e for e in self.lookup(raw) if e.kind != "nonactor" and e.code]  # a person's latest term first
        if not found:
            found = [e for e in self.lookup(up) if e.kind != "nonactor" and e.code]
        if not found:  # a phrase ("Ukrainian President Volodymyr Zelenskiy", "Chicago police"); one word
            return self.resolve_phrase(raw, places=len(raw.split()) > 1)  # is never a gazetteer town
        rank = {"country": 0, "organisation": 1, "demonym": 2, "capital": 3, "seat": 4, "region": 5}
        found.sort(key=lambda e: (e.ambiguous, e.needs_context, rank.get(e.kind, 6)))
        return found[0].code

    def resolve_phrase(self, phrase: str, on_date: str | None = None, places: bool = True) -> str | None:
        """The code of the actor a short phrase names ("Pakistani army chief", "the governor of
        Helmand province", "Aleppo", "Nawaz Sharif's brother", "the Hamas-run health ministry"):
        the first known name in it, read from the longest. Names after "to"/"against"/"with" name
        someone else ("envoy to the UN"); a backer or a cause is no actor ("Iran-backed militias in
        Iraq", "pro-Russian protesters": only when nothing else is named); a name inside a longer
        non-actor name is not read ("South China Sea"), nor one that needs the article's context
        ("the North"), nor a country's or a person's name that is part of another person's name
        ("Paris Hilton", "Greg Abbott"). With `places`, places come from the gazetteer when no actor
        name is found. None if nothing is known."""
        whole = [e for e in self.lookup((phrase or "").strip(), on_date)
                 if e.kind != "nonactor" and e.code and not e.needs_context]
        if whole and not whole[0].ambiguous:
            return whole[0].code  # a name as a whole: "pro-Russian separatists"
        words, backers = _phrase_words(phrase)
        if not words:
            return None
        cut = next((i for i, w in enumerate(words) if i and w.lower() in ("to", "against", "with", "versus")), None)
        head = words[:cut] if cut else words
        for part in (head, words):
            code = self._scan(part, on_date)
            if code:
                return code
        code = self._people_scan(head)
        if code:
            return code  # "Kurdish rebels", "ethnic Albanian guerrillas": the first country they fight in
        if places:
            code = self._scan(head, on_date, places=True)
            if code:
                return code
        return self._scan(backers, on_date) if backers else None

    def _people_scan(self, words: list[str]) -> str | None:
        """The likeliest country of a people of several states named in a phrase with a role word
        ("Kurdish rebels" -> TUR); None without a role word ("Kurdish cooking")."""
        for size in (2, 1):
            for i in range(len(words) - size + 1):
                got = self.people_countries(" ".join(words[i:i + size]).strip(",;:.()"))
                rest = " ".join(words[i + size:])
                if got and (self.sector_of(rest) or self.sector_of(" ".join(words[i:i + size]))):
                    return got[0]
        return None

    def _scan(self, words: list[str], on_date: str | None, places: bool = False) -> str | None:
        n = len(words)
        blocked: set[int] = set()
        for size in range(min(n, 8), 0, -1):
            for i in range(n - size + 1):
                if any(j in blocked for j in range(i, i + size)):
                    continue
                text = " ".join(words[i:i + size]).strip(",;:.()")
                if not text or (size == 1 and text.lower() in _STOP):
                    continue
                before = words[i - 1] if i else ""
                after = words[i + size] if i + size < n else ""
                if places:
                    from .places import load_gazetteer

                    place = load_gazetteer().resolve(_unpossess(text))
                    if place is not None and (size > 1 or text[:1].isupper()) and not self._name_part(after) \
                            and not self._name_part(before):
                        return place.country
                    continue
                entries = self.lookup(text, on_date)
                if entries and all(e.kind == "nonactor" or not e.code for e in entries):
                    blocked.update(range(i, i + size))  # "South China Sea" hides "China"
                    continue
                found = [e for e in entries if e.kind != "nonactor" and e.code and not e.needs_context]
                if not found:
                    continue
                e0 = found[0]
                if e0.kind == "person":
                    named = self._codes_named(words, i, i + size, on_date)
                    steer = [e for e in self.lookup(text) if e.kind == "person" and e.code in named]
                    if steer and e0.code not in named:
                        return steer[0].code  # "Dutch Prime Minister Mark Rutte", "NATO chief Jens Stoltenberg"
                if e0.kind in ("country", "capital") and not text.endswith("'s") and self._name_part(after) \
                        and not self.sector_of(" ".join(words[i + size:])):
                    continue  # "Paris Hilton", "Jordan Henderson", "Kenya Barris"; not "U.S. Supreme Court"
                if e0.kind == "person" and size == 1 and self._name_part(before) and \
                        before.lower().rstrip(".") not in _TITLE_WORDS:
                    continue  # "Greg Abbott" is not Tony Abbott
                if not e0.ambiguous:
                    return e0.code
                if e0.kind == "person":
                    continue
                if after and self.sector_of(_unpossess(after)):
                    return e0.code  # "Indian police", "Georgian authorities", "Chad's army"
                if size == n and len({e.code for e in found}) == 1:
                    return e0.code  # the whole phrase is the name: "the ELN", "the Poles", "Chad"
        return None

    def _codes_named(self, words: list[str], start: int, end: int, on_date: str | None) -> set[str]:
        """Codes of the countries and organisations named by single words of a phrase outside
        words[start:end] ("Dutch" in "Dutch Prime Minister Mark Rutte")."""
        out: set[str] = set()
        for j, w in enumerate(words):
            if start <= j < end:
                continue
            for e in self.lookup(_unpossess(w).strip(",;:.()"), on_date):
                if e.kind in ("country", "demonym", "organisation", "capital") and e.code and not e.ambiguous:
                    out.add(e.code)
        return out

    def _name_part(self, word: str) -> bool:
        """A capitalised word that is no known name, role word or title: part of a person's name."""
        w = (word or "").strip(",;:.()")
        if not w or not w[:1].isupper() or not w.replace("-", "").replace("'", "").isalpha() or w.isupper():
            return False
        low = w.lower()
        if low in _STOP or low in _TITLE_WORDS or self.sector_of(_unpossess(w)):
            return False
        return not self._candidates(w)

    def codes(self) -> list[tuple[str, str]]:
        """(code, name) of every known country and organisation code, sorted by code."""
        return sorted(self._names.items())


def _dirs_key(extra_dirs: Iterable[Path] | None) -> tuple[str, ...]:
    dirs = list(config.kb_dirs()) + list(extra_dirs or [])
    return tuple(str(Path(d)) for d in dirs)


@lru_cache(maxsize=8)
def _load(dirs: tuple[str, ...], stamp: tuple[float, ...]) -> KnowledgeBase:
    kb = KnowledgeBase()
    kb.add_texts(_bundled_texts())
    for d in dirs:
        kb.add_texts(_folder_texts(Path(d)))
    kb.build()
    return kb


def _stamp(dirs: tuple[str, ...]) -> tuple[float, ...]:
    out: list[float] = []
    for d in dirs:
        folder = Path(d)
        for name in FILES + ORG_FILES:
            try:
                out.append(os.stat(folder / name).st_mtime)
            except OSError:
                out.append(0.0)
        if folder.is_dir():
            out.extend(p.stat().st_mtime for name, p in _folder_files(folder) if "/" in name)
    return tuple(out)


def load_kb(extra_dirs: list[Path] | None = None) -> KnowledgeBase:
    """The bundled knowledge base extended by $DYADWATCH_KB folders and `extra_dirs` (cached).

    Files in later folders override rows of the same key (country code, organisation id,
    (alias, code), role word, (person, office, start)); see kb/data/README.md.
    """
    dirs = _dirs_key(extra_dirs)
    return _load(dirs, _stamp(dirs))


def clear_cache() -> None:
    _load.cache_clear()
