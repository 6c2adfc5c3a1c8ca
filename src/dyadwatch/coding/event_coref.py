"""One act, mentioned several times in one article, is ONE Event: its first mention is the Event, and
every mention (the first included) is kept in `Event.mentions` in the shape of `Event.evidence`
(sentence index, sentence start, trigger, actor and recipient spans) plus the sentence text.

Two events are mentions of one act when they have the same type, actors, recipients and modality
and their dates agree (the same day, one of them dated only by the article, or one date of week, month or
year precision holding the other's finer one); a restatement that
names no recipient joins the one that does. A definite event noun with no argument of its own ("The
expulsion marks a new low", "the shelling went on through the night") is a further mention of the
latest act of its type before it (for a generic noun like "the move", the latest act of this or the
sentence before)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..events import QUAD, Actor, Event
from .dates import RANK

UNDATED = ("publication", "undated")


@dataclass
class Anaphor:
    """A definite event noun that named no actor: a candidate further mention of an earlier act."""

    sentence_index: int
    sentence_start: int
    text: str  # the noun
    start: int  # character offsets in the article
    end: int
    event_text: str
    etype: str | None  # the noun's type in the lexicon; None for a generic noun ("the move")
    etypes: frozenset[str] = frozenset()  # or the types the noun can have (a sentence read without a parse)


def mention_of(ev: Event) -> dict:
    """The mention record of one coded event: its evidence and its sentence."""
    out = dict(ev.evidence)
    out["event_text"] = ev.event_text
    return out


def _mention_of_anaphor(a: Anaphor) -> dict:
    return {"sentence_index": a.sentence_index, "sentence_start": a.sentence_start, "actor": [],
            "trigger": {"text": a.text, "start": a.start, "end": a.end}, "recipient": [], "lexicon_id": None,
            "event_text": a.event_text}


def _codes(actors: list) -> frozenset:
    return frozenset(a.code for a in actors if a.code)


def _period(ev: Event) -> tuple[date, date] | None:
    """The days a date of week, month or year precision stands for (its first day is stored), or None."""
    try:
        d = date.fromisoformat(str(ev.date)[:10])
    except ValueError:
        return None
    if ev.date_precision == "week":
        return d, d + timedelta(days=6)
    if ev.date_precision == "month":
        nxt = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        return d, nxt - timedelta(days=1)
    if ev.date_precision == "year":
        return d, date(d.year, 12, 31)
    return None


def _within(a: Event, b: Event) -> bool:
    """`b`'s date falls in the period of `a`'s coarser one ("in August" holds "on August 22")."""
    span = _period(a)
    if span is None or not b.date:
        return False
    try:
        day = date.fromisoformat(str(b.date)[:10])
    except ValueError:
        return False
    return span[0] <= day <= span[1] and RANK.get(a.date_precision or "", 0) < RANK.get(b.date_precision or "", 0)


def _dates_agree(a: Event, b: Event) -> bool:
    if a.date == b.date:
        return True
    if a.date_precision in UNDATED or b.date_precision in UNDATED:
        return True
    return _within(a, b) or _within(b, a)


def _key(ev: Event) -> tuple:
    return ev.event, _codes(ev.actor), _codes(ev.recipient), ev.modality


def _add(target: Event, ev: Event) -> None:
    if not target.mentions:
        target.mentions = [mention_of(target)]
    target.mentions.extend(ev.mentions or [mention_of(ev)])


def merge_restatements(events: list[Event]) -> list[Event]:
    """Events of one article with every restatement folded into its first mention."""
    out: list[Event] = []
    firsts: dict[tuple, list[Event]] = {}
    for ev in events:
        same = next((f for f in firsts.get(_key(ev), []) if _dates_agree(f, ev)), None)
        if same is not None:
            _add(same, ev)
            continue
        firsts.setdefault(_key(ev), []).append(ev)
        out.append(ev)
    # a restatement that names no recipient is the act that does ("Russia shelled Kharkiv ... the
    # Russian shelling went on"): fold it into the one with a recipient, wherever that comes
    targeted: dict[tuple, list[Event]] = {}
    for ev in out:
        if ev.recipient:
            targeted.setdefault((ev.event, _codes(ev.actor), ev.modality), []).append(ev)
    kept = []
    for ev in out:
        if not ev.recipient and not ev.joint_id:
            cands = [t for t in targeted.get((ev.event, _codes(ev.actor), ev.modality), []) if _dates_agree(t, ev)]
            if len(cands) == 1:
                _add(cands[0], ev)
                cands[0].mentions.sort(key=lambda m: (m.get("sentence_index") or 0,
                                                      (m.get("trigger") or {}).get("start") or 0))
                continue
        kept.append(ev)
    return kept


def _last_before(e: Event, a: Anaphor) -> tuple[int, int] | None:
    """Where `e` was last mentioned before the anaphor (sentence, offset), or None."""
    spots = [(m.get("sentence_index") or 0, (m.get("trigger") or {}).get("start") or 0)
             for m in (e.mentions or [mention_of(e)])]
    # an earlier sentence: in its own sentence an event noun is rather an argument or the content of
    # another act ("will withdraw once Kyiv signs the deal")
    spots = [s for s in spots if s[0] < a.sentence_index]
    return max(spots) if spots else None


def link_anaphors(events: list[Event], anaphors: list[Anaphor]) -> None:
    """Add each definite event noun as a mention of the latest earlier act it can refer to."""
    for a in anaphors:
        before = [(spot, e) for e in events if e.modality == "asserted" and (spot := _last_before(e, a))]
        if a.etype is not None or a.etypes:
            fits = [(s, e) for s, e in before if e.event == a.etype or e.event in a.etypes]
        else:  # "the move": an act of the sentence before, of a material or conflictual type (in its own
            # sentence the noun is rather the object of the act: "blamed Manila for the incident")
            fits = [(s, e) for s, e in before if s[0] == a.sentence_index - 1 and QUAD.get(e.event) in (2, 3, 4)]
        if not fits:
            continue
        latest = max(fits, key=lambda x: x[0])[1]
        # every record of that act (the pairs of a joint act) gets the mention
        same = [e for e in events if e is latest or (latest.joint_id and e.joint_id == latest.joint_id)]
        for e in same:
            if not e.mentions:
                e.mentions = [mention_of(e)]
            e.mentions.append(_mention_of_anaphor(a))


@dataclass
class Headline:
    """A headline (or a short line read without a parse) naming an actor and a trigger word: a
    further mention of the article's act of that actor and type ("Israel strikes consulate in ...")."""

    sentence_index: int
    sentence_start: int
    text: str  # the line
    actors: list[tuple[str, str, int, int]]  # (code, text, start, end) of the line's actor mentions
    words: list[tuple[frozenset[str], str, int, int]]  # (types, text, start, end) of its trigger words


def link_headlines(events: list[Event], headlines: list[Headline]) -> None:
    """Add each headline as a mention of the first asserted act of its actor and one of its words' types
    (no event is made of a headline: it only restates the story)."""
    for h in headlines:
        codes = {c for c, _, _, _ in h.actors}
        for e in sorted(events, key=lambda e: (e.sentence_index or 0, e.trigger_start or 0)):
            if e.modality != "asserted" or not codes & _codes(e.actor):
                continue
            word = next((w for w in h.words if e.event in w[0]), None)
            if word is None:
                continue
            actor = next(a for a in h.actors if a[0] in _codes(e.actor))
            mention = {"sentence_index": h.sentence_index, "sentence_start": h.sentence_start,
                       "actor": [{"text": actor[1], "start": actor[2], "end": actor[3]}],
                       "trigger": {"text": word[1], "start": word[2], "end": word[3]}, "recipient": [],
                       "lexicon_id": None, "event_text": h.text}
            same = [x for x in events if x is e or (e.joint_id and x.joint_id == e.joint_id)]
            for x in same:
                if not x.mentions:
                    x.mentions = [mention_of(x)]
                x.mentions.append(dict(mention))
                x.mentions.sort(key=lambda m: (m.get("sentence_index") or 0, (m.get("trigger") or {}).get("start") or 0))
            break


# reactions that name no target: aimed at whom the reactions next to them are aimed, or at the doer of an act
# next to them ("Ban also condemned the test, ... 'We call on the DPRK to ...'": UNO->PRK)
UNAIMED_REACTIONS = ("ACCUSE", "REJECT")
AIMED_REACTIONS = ("ACCUSE", "REJECT", "THREATEN", "REQUEST", "SANCTION")
PROVOCATIONS = ("ASSAULT", "MOBILIZE", "COERCE", "THREATEN")


def _aim_of(e: Event, f: Event) -> str | None:
    """The one party `f` says `e` (a reaction naming no one) is aimed at: the target of a reaction `f`, the doer
    of a provocation `f`; never `e`'s own actor."""
    own = _codes(e.actor)
    if f is e or f.modality != "asserted":
        return None
    if f.event in AIMED_REACTIONS and f.recipient:
        codes = _codes(f.recipient)
        if len(codes) == 1 and not codes & own and not _codes(f.actor) & codes:
            return next(iter(codes))
    if f.event in PROVOCATIONS and not _codes(f.actor) & own:
        codes = _codes(f.actor)
        if len(codes) == 1:
            return next(iter(codes))
    return None


def _at_home_by_default(e: Event) -> bool:
    """The recipient is the actor's own country by default, no phrase of the sentence named it ("the United
    States expressed similar concerns": USA->USA)."""
    return all(r.entity_text is None and r.start is None for r in e.recipient) and \
        _codes(e.recipient) == _codes(e.actor)


def aim_reactions(events: list[Event]) -> None:
    """A state's or organisation's condemnation or rejection that names no target: the one party that the
    acts of its own and the neighbouring sentences are aimed at or done by (nearest sentence first; a tie of
    two parties names no one)."""
    for e in events:
        if e.event not in UNAIMED_REACTIONS or e.modality != "asserted" or not _codes(e.actor):
            continue
        if e.recipient and not _at_home_by_default(e):
            continue
        k = e.sentence_index or 0
        for dist in (0, 1, 2):  # (a quotation mark or a blank line may count as a sentence)
            aims = {a for f in events if abs((f.sentence_index or 0) - k) == dist
                    and (a := _aim_of(e, f)) is not None}
            if len(aims) > 1:
                break
            if aims:
                e.recipient = [Actor(next(iter(aims)), None, None, None, None)]
                break


def corefer(events: list[Event], anaphors: list[Anaphor], headlines: list[Headline] | None = None) -> list[Event]:
    """The events of one article, one per act, with all their mentions."""
    aim_reactions(events)
    merged = merge_restatements(events)
    link_anaphors(merged, anaphors)
    link_headlines(merged, headlines or [])
    return merged
