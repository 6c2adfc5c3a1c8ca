"""An article's events: its parsed sentences coded in order with one memory of what the article
has named (pronouns, "the country", people by surname, earlier events for "condemned the attack")."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..events import Actor, Event
from ..ingest.article import Article
from .actors import ActorFinder, Mention
from .coref import ArticleContext
from .event_coref import Anaphor, Headline, corefer
from .places import place_events
from .sentence import ANAPHOR_NOUNS, DEFINITE, NOT_SAME, code_sentence
from .triggers import SPEECH, Lexicon, inflections
from .words import word_set

CLOSING = ".!?\"'\u201d\u2019)"
_TYPES: dict[int, tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]] = {}


def _word_types(lex: Lexicon) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """Surface forms of the lexicon's one-word triggers -> the event types they can have: (every
    trigger, event nouns only)."""
    got = _TYPES.get(id(lex))
    if got is None:
        words: dict[str, set[str]] = {}
        nouns: dict[str, set[str]] = {}
        for e in lex.entries():
            if e.is_speech or e.event in (SPEECH, "DENY") or " " in e.lemma or e.obj or e.prt:
                continue
            for form in inflections(e.lemma):
                words.setdefault(form, set()).add(e.event)
                if e.kind == "noun":
                    nouns.setdefault(form, set()).add(e.event)
        got = ({k: frozenset(v) for k, v in words.items()}, {k: frozenset(v) for k, v in nouns.items()})
        _TYPES.clear()
        _TYPES[id(lex)] = got
    return got


def _unparsed_anaphors(s: Span, k: int, nouns: dict[str, frozenset[str]]) -> list[Anaphor]:
    """"The strike flattened the building, witnesses said": a sentence with no actor is not parsed, but
    its definite event nouns ("the strike", "the Israeli attack", "the move") still restate an act."""
    out = []
    toks = list(s)
    for i, t in enumerate(toks):
        if t.lower_ not in DEFINITE:
            continue
        for j in range(i + 1, min(i + 4, len(toks))):
            w = toks[j].lower_
            if w in NOT_SAME or not toks[j].is_alpha:
                break
            types = nouns.get(w)
            generic = w in ANAPHOR_NOUNS
            if types or generic:
                nxt = toks[j + 1] if j + 1 < len(toks) else None
                if nxt is not None and (nxt.lower_ in nouns or nxt.lower_ in ANAPHOR_NOUNS):
                    break  # "the strike force": a compound, not the event noun
                out.append(Anaphor(k, s.start_char, toks[j].text, toks[j].idx, toks[j].idx + len(toks[j]), s.text,
                                   None, types or frozenset()))
                break
            if w in ("of", "to", "and", "that", "which"):
                break
    return out


def _headline(s: Span, k: int, mentions: list[Mention], words: dict[str, frozenset[str]]) -> Headline | None:
    """A short line without closing punctuation that names an actor and a trigger word."""
    line = s.text.strip()
    if not line or len(s) >= 20 or line[-1] in CLOSING:
        return None
    doc = s.doc
    actors = [(m.code, m.text, doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])) for m in mentions
              if s.start <= m.start < s.end and m.code]
    hits = [(words[t.lower_], t.text, t.idx, t.idx + len(t)) for t in s
            if t.lower_ in words and not any(a[2] <= t.idx < a[3] for a in actors)]
    if not actors or not hits:
        return None
    return Headline(k, s.start_char, s.text.strip(), actors, hits)


_ASKING = word_set("lines", "not_report_openers")


def own_headline(text: str, sents: list[Span]) -> int | None:
    """The sentence number of the article's own headline: the first line of the text, standing alone
    on its line, followed by the story ('Armenia, Azerbaijan FMs hold first bilateral talks' above
    the lede). It is coded like a sentence (the body's restatement folds into the same act); a
    question, a kicker ('Analysis: ...') or an opinion title is no report."""
    if not sents or text[:sents[0].start_char].strip():
        return None
    first = sents[0]
    line = first.text.strip()
    rest = text[first.end_char:]
    gap = first.text[len(first.text.rstrip()):] + rest[:len(rest) - len(rest.lstrip())]
    if not line or "\n" in line or "\n" not in gap or not rest.strip():
        return None
    words = [t.lower_ for t in first if t.is_alpha]
    if len(words) < 3 or line.endswith("?") or ":" in line or (words and words[0] in _ASKING):
        return None
    return 0


def recase_headline(sent: Span, mentions: list[Mention]) -> str | None:
    """A Title Case or capitals headline ('Russia Arrests Wall Street Journal Reporter on Spying
    Charges') with its common words in lower case, names kept, for the parser (which reads a
    capitalised verb as a name); same length as the sentence. None for a headline in sentence case."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    if len(words) < 2 or sum(t.text[0].isupper() for t in words) < 0.8 * len(words):
        return None
    named = {i for m in mentions if sent.start <= m.start < sent.end for i in range(m.start, m.end)}
    out = []
    for t in sent:
        keep = (t.i == sent.start or t.i in named or not t.is_alpha
                or (t.is_upper and len(t) <= 3 and not sent.text.isupper()))  # US, UN, WSJ
        out.append((t.text if keep else t.text.lower()) + t.whitespace_)
    text = "".join(out)
    return text if len(text) == len(sent.text) else None


def code_parsed_article(article: Article, sents: list[Span], cheap: list[Mention], starts: dict[int, int],
                        parsed: dict[int, Doc], finder: ActorFinder, lex: Lexicon) -> list[Event]:
    """Events of an article whose candidate sentences (`parsed`, by sentence number) were parsed;
    `cheap`: the actor mentions found before parsing, remembered from the sentences not parsed."""
    ctx = ArticleContext()
    events: list[Event] = []
    headlines: list[Headline] = []
    words, nouns = _word_types(lex)
    cheap_i = 0
    for k, s in enumerate(sents):
        if k in parsed:
            finder.share(s.doc, parsed[k], starts[k], article.date)  # the names the planner found, no second look-up
            events.extend(code_sentence(parsed[k], starts[k], k, article, ctx, finder, lex))
        elif events or any(j > k for j in parsed):
            ctx.anaphors.extend(_unparsed_anaphors(s, k, nouns))
            if not events and k < 4:
                h = _headline(s, k, cheap, words)
                if h is not None:
                    headlines.append(h)
        # remember the sentence's named actors for later mentions
        while cheap_i < len(cheap) and cheap[cheap_i].start < s.end:
            m = cheap[cheap_i]
            cheap_i += 1
            if k in parsed:
                continue
            ctx.note(Actor(m.code, m.sector, m.text), m.kind)
    # the headline's acts go last: the body's telling of the same act (its date, its full sentence) is
    # the Event, the headline one more mention
    if 0 in parsed and sents and "\n" in sents[0].text and own_headline(sents[0].doc.text, sents) == 0:
        events = [e for e in events if e.sentence_index != 0] + [e for e in events if e.sentence_index == 0]
    # one Event per act, every mention kept; then where each act happened (coding/places.py)
    return place_events(corefer(events, ctx.anaphors, headlines), article, sents, parsed, starts, cheap, finder)
