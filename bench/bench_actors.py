"""Actor phrases and the cost of finding actors.

    python bench/bench_actors.py phrases [FILE] [--misses] [--recipient]   accuracy on an actor-phrase file
    python bench/bench_actors.py speed [TEXT_OR_JSONL_FILES...]  load times and words per second

`phrases` (default file: tests/data/actor_phrases.txt, written by the team) puts every phrase in a
sentence of its own after the row's context ("<phrase> criticised Norway on Tuesday.", four verbs in
turn), codes it with the whole coder on the row's date and reports the share of rows whose event's
first actor has the expected code ("country"), the share of rows with an expected sector that also
have it ("sector"), and the knowledge base's own phrase resolver (`KnowledgeBase.resolve_phrase`,
rows without context only, and `KnowledgeBase.resolve` as a user's typed name, without a date). `speed` measures the knowledge base's and the gazetteer's load times
(never asserted by a test), the finder's construction, and actor finding next to spaCy's tokenizer.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PHRASES = ROOT / "tests" / "data" / "actor_phrases.txt"
FRAMES = ("{P} criticised {T} on Tuesday.", "{P} accused {T} of breaking the agreement.",
          "{P} condemned {T}'s decision on Monday.", "{P} on Wednesday denounced {T} over the arrests.")
# --recipient: the phrase receives the act
RECIPIENT_FRAMES = ("{T} criticised {P} on Tuesday.", "{T} accused {P} of breaking the agreement.",
                    "{T} on Wednesday condemned {P} over the arrests.", "{T} denounced {P} on Monday.")


@dataclass
class Phrase:
    code: str  # expected code, "-" for none
    sector: str | None  # expected sector or None (not checked)
    date: str
    phrase: str
    context: str
    line: int
    section: str = ""


def read_phrases(path: Path = PHRASES) -> list[Phrase]:
    """Rows `CODE [SECTOR] | date | phrase | context`; `#` lines are comments, `# -- x` names a section."""
    out: list[Phrase] = []
    section = ""
    for i, raw in enumerate(path.read_text("utf-8").splitlines(), start=1):
        line = raw.strip()
        if line.startswith("# --"):
            section = line[4:].strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) < 3:
            print(f"{path}:{i}: want 'CODE [SECTOR] | date | phrase [| context]'; row skipped", file=sys.stderr)
            continue
        head = parts[0].split()
        sector = head[1] if len(head) > 1 and head[1] != "*" else None
        out.append(Phrase(head[0], sector, parts[1], parts[2], parts[3] if len(parts) > 3 else "", i, section))
    return out


def sentence(row: Phrase, n: int, recipient: bool = False) -> tuple[str, int]:
    """The article text for a row (context, then the test sentence) and where the sentence starts."""
    target = "Chile" if row.code == "NOR" or "Norw" in row.phrase else "Norway"
    phrase = row.phrase if recipient else row.phrase[0].upper() + row.phrase[1:]
    prefix = (row.context + " ") if row.context else ""
    frames = RECIPIENT_FRAMES if recipient else FRAMES
    return prefix + frames[n % len(frames)].format(P=phrase, T=target), len(prefix)


def code_row(row: Phrase, n: int, recipient: bool = False) -> list[tuple[str | None, str | None]]:
    """(code, sector) of the first actor (or recipient) of every event the test sentence holds."""
    from dyadwatch.coding import code_text

    text, start = sentence(row, n, recipient)
    out = []
    for e in code_text(text, date=row.date):
        side = e.recipient if recipient else e.actor
        if (e.trigger_start or 0) >= start and side:
            out.append((side[0].code, side[0].sector))
    return out


def measure(rows: list[Phrase], recipient: bool = False) -> dict:
    from dyadwatch.kb import load_kb

    kb = load_kb()
    ok = sector_ok = sector_n = kb_ok = kb_n = typed_ok = 0
    misses: list[tuple[Phrase, object]] = []
    by_section: Counter = Counter()
    total_section: Counter = Counter()
    for n, row in enumerate(rows):
        got = code_row(row, n, recipient)
        codes = [c for c, _ in got]
        total_section[row.section] += 1
        if row.code == "-":
            hit = not any(codes)
        else:
            hit = bool(codes) and codes[0] == row.code
        if hit:
            ok += 1
            by_section[row.section] += 1
        else:
            misses.append((row, got))
        if row.sector and row.code != "-":
            sector_n += 1
            if hit and got[0][1] == row.sector:
                sector_ok += 1
            elif hit:
                misses.append((row, f"sector {got[0][1]}, want {row.sector}"))
        if not row.context:
            kb_n += 1
            kb_code = kb.resolve_phrase(row.phrase, row.date) if hasattr(kb, "resolve_phrase") else kb.resolve(row.phrase)
            kb_ok += (kb_code or "-") == row.code
            typed_ok += (kb.resolve(row.phrase) or "-") == row.code
    return {"rows": len(rows), "country": ok / max(1, len(rows)), "sector": sector_ok / max(1, sector_n),
            "sector_rows": sector_n, "kb": kb_ok / max(1, kb_n), "kb_rows": kb_n, "typed": typed_ok / max(1, kb_n), "misses": misses,
            "sections": {s: (by_section[s], total_section[s]) for s in total_section}}


def phrases_main(argv: list[str]) -> int:
    show = "--misses" in argv
    recipient = "--recipient" in argv
    files = [Path(a) for a in argv if not a.startswith("--")] or [PHRASES]
    rows = [r for f in files for r in read_phrases(f)]
    if not rows:
        print("no phrases found", file=sys.stderr)
        return 1
    t0 = time.perf_counter()
    res = measure(rows, recipient)
    print(f"{res['rows']} phrases in {time.perf_counter() - t0:.0f} s")
    print(f"country (whole coder{', as recipient' if recipient else ''}):      {res['country']:.3f}")
    print(f"sector when country right:  {res['sector']:.3f}  ({res['sector_rows']} rows with a sector)")
    print(f"kb.resolve_phrase alone:    {res['kb']:.3f}  ({res['kb_rows']} rows without context)")
    print(f"kb.resolve (typed, no date): {res['typed']:.3f}")
    for section, (good, total) in res["sections"].items():
        print(f"  {good:4d}/{total:<4d} {section}")
    if show:
        for row, got in res["misses"]:
            print(f"  line {row.line}: {row.code} {row.sector or ''} {row.phrase!r} ({row.date}) got {got}")
    return 0


def speed_main(argv: list[str]) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_coding import load_texts

    from dyadwatch.coding.actors import ActorFinder
    from dyadwatch.kb import actors as kb_actors
    from dyadwatch.kb import load_kb
    from dyadwatch.kb.places import load_gazetteer
    from dyadwatch.nlp import get_nlp

    def timed(fn):
        t0 = time.perf_counter()
        out = fn()
        return time.perf_counter() - t0, out

    default = ROOT / "src" / "dyadwatch" / "sample"
    texts = load_texts([Path(a) for a in argv] or [default])
    if not texts:
        print("no texts found", file=sys.stderr)
        return 1
    nlp = get_nlp()
    kb_actors.clear_cache()
    t_kb, kb = timed(load_kb)
    t_gaz, gaz = timed(load_gazetteer)
    t_small, small = timed(lambda: ActorFinder(nlp, kb, places=False))
    t_full, full = timed(lambda: ActorFinder(nlp, kb, gaz))
    words = sum(len(t.split()) for t in texts)
    docs = [nlp.make_doc(t) for t in texts]
    tok = kb_only = everything = float("inf")
    n_small = n_full = 0
    for _ in range(3):  # best of three, interleaved
        t, _ = timed(lambda: [nlp.make_doc(t) for t in texts])
        tok = min(tok, t)
        t, got = timed(lambda: [small.find(d, "2020-01-01") for d in docs])
        kb_only, n_small = min(kb_only, t), sum(len(g) for g in got)
        t, got = timed(lambda: [full.find(d, "2020-01-01") for d in docs])
        everything, n_full = min(everything, t), sum(len(g) for g in got)
    print(f"{len(texts)} texts, {words} words")
    print(f"knowledge base: {len(kb.aliases())} surface forms, {len(kb.people)} office terms, "
          f"{len(kb.organisations)} organisations, loaded in {t_kb:.2f} s")
    print(f"gazetteer: {len(gaz)} places, loaded in {t_gaz:.2f} s")
    print(f"finder without places built in {t_small:.2f} s; with places {t_full:.2f} s")
    print(f"spaCy tokenizer:          {words / tok:10.0f} words/s")
    print(f"finder, knowledge base:   {words / kb_only:10.0f} words/s  ({n_small} mentions)")
    print(f"finder, with places:      {words / everything:10.0f} words/s  ({n_full} mentions)")
    return 0


def main(argv: list[str]) -> int:
    if argv and argv[0] == "speed":
        return speed_main(argv[1:])
    if argv and argv[0] == "phrases":
        argv = argv[1:]
    return phrases_main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
