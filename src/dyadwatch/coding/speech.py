"""Reported speech: what a speaker's words make of the act they report (a claim of a side, a
demand in "X said Y must ...", a promise or threat of the speaker's own future act), and the events
of the speech itself: an accusation in a characterisation ("called the launch reckless", "said the
test was a threat") and a threat in "said Trump would pay dearly"."""

from __future__ import annotations

from spacy.tokens import Token

from ..events import Actor, Event
from .agents import governor, has_unless, subject
from .arguments import direct_object, is_passive, prep_objects, subject_token
from .clause_modality import FUTURE_AUX, HYPO_AUX, accusing_verb, clause_modality, cue_call, modality_of
from .recipients import earlier_event_actors, is_press
from .scope import Draft, Scope, cooperative, copy_actor
from .triggers import LexEntry, match_noun
from .words import word_set

MUST = word_set("speech", "must")
NEUTRAL_SPEAKERS = word_set("speech", "neutral_speakers")
REPORTERS = word_set("speech", "reporters")
CHARACTERISE = word_set("speech", "characterise")
NEGATIVE_WORDS = word_set("speech", "negative")
EVENT_WORDS = word_set("events", "event_words")
PLAN_NOUNS = word_set("speech", "plan_nouns")
UNNAMED_CLAIMANTS = word_set("speech", "unnamed_claimants")
ACCUSING_MODIFIERS = word_set("speech", "accusing_modifiers")
ANSWER_VERBS = word_set("speech", "answer_verbs")
CAUSE_WORDS = word_set("speech", "cause_words")
ACT_NOUNS = word_set("speech", "act_nouns")
OPINION_VERBS = word_set("speech", "opinion_verbs")
RESPONSE_VERBS = word_set("speech", "response_verbs")
RESPONSE_NOUNS = word_set("speech", "response_nouns")
FIRM_WORDS = word_set("speech", "firm_words")
COMMIT_VERBS = word_set("speech", "commit_verbs")
TARGET_NOUNS = word_set("speech", "target_nouns")
ADMISSION_VERBS = word_set("speech", "admission_verbs")
DISMAY_WORDS = word_set("speech", "dismay_words")
MEASURE_NOUNS = word_set("speech", "measure_nouns")
MEASURE_MODIFIERS = word_set("speech", "measure_modifiers")
HOSTILE_TYPES = ("ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "THREATEN", "ACCUSE", "PROTEST", "REJECT")
WEIGH_VERBS = ("examine", "consider", "study", "review", "weigh", "mull", "discuss", "draw", "prepare",
               "debate", "explore", "evaluate", "assess")
CONDITION_MARKS = ("if", "unless", "whether", "until", "before")
# acts a side reporting them accuses the actor of ("Kyiv said Russian drones struck ...")
ACCUSED_TYPES = ("ASSAULT", "COERCE")
# hostile acts a side accuses the actor of when it says it suffers them itself
AIMED_AT_SPEAKER_TYPES = ("THREATEN", "SANCTION")
# breaches a side reporting them accuses the actor of ("Beijing said the Philippine ship violated international law")
BREACH_ENTRIES = ("reject.breach.", "reject.defy.")


def has_must(tok: Token) -> bool:
    """A "must" or "should" on the verb; not an inverted condition ("Should Iran attack, Israel would ..."), the
    auxiliary before its subject."""
    subj = [c.i for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    first = min(t.i for t in tok.subtree)
    return any(ch.lower_ in MUST for ch in tok.children if ch.dep_ in ("aux", "auxpass") and
               not (subj and ch.i < min(subj)) and ch.i != first)


def speech_head(tok: Token, speech: dict[int, LexEntry]) -> tuple[Token, LexEntry] | None:
    """The speech verb whose reported clause holds `tok` ("Seoul said Pyongyang fired ...")."""
    cur = tok
    for _ in range(6):
        if cur.dep_ == "acl" and cur.head.lemma_.lower() in PLAN_NOUNS and cur.head.dep_ in ("dobj", "pobj"):
            cur = cur.head  # "said it was examining plans to strike Guam": the planned act is reported
            continue
        if cur.dep_ in ("ccomp", "conj", "xcomp", "advcl", "pcomp", "dobj", "pobj", "prep") and cur.head != cur:
            entered = cur.dep_
            cur = cur.head
            if cur.i in speech and entered in ("ccomp",):
                return cur, speech[cur.i]
            if cur.i in speech and entered in ("dobj", "xcomp") and speech[cur.i].event == "DENY":
                return cur, speech[cur.i]
        else:
            return None
    return None


def is_neutral(sp_tok: Token) -> bool:
    """The speaker is a source, not a side (police, witnesses, the agency)."""
    s, _ = subject_token(sp_tok)
    if s is None:
        return True
    return s.lemma_.lower() in NEUTRAL_SPEAKERS or s.lower_ in NEUTRAL_SPEAKERS


def is_side(sp_tok: Token, speakers: list[Actor], sc: Scope) -> bool:
    """The speaker is a party (a state, its organs, a group), not a reporter (press, witnesses, sources)."""
    s, _ = subject_token(sp_tok)
    if s is None or not speakers or s.lemma_.lower() in REPORTERS or s.lower_ in REPORTERS:
        return False
    return all(a.code and (sc.finder.is_country(a.code) or a.sector in ("REB", "OPP", "GOV")) for a in speakers)


def reported_speech(d: Draft, sc: Scope) -> tuple[tuple[Token, LexEntry] | None, Event | None]:
    """Apply the speech verb that reports the draft's act; returns (the speech verb and its entry,
    an event that replaces the draft: the speaker's demand in "X says Y must ...")."""
    tok, e = d.tok, d.entry
    sp = speech_head(tok, sc.speech)
    _accused_attack(d, sc)
    _threat_target(d, sc)
    _characterised_doer(d, sc)
    if sp is not None and d.modality == "asserted" and _unnamed_claimant(sp[0]):
        d.modality = "claimed"  # "Critics say Ankara is using the refugees to blackmail Brussels"
    if sp is None and e.kind == "verb" and has_must(tok):
        gov = governor(tok)
        if gov is not None:
            speakers, _ = subject(gov, sc)
            if speakers and not d.actor_codes() <= {a.code for a in speakers}:
                return sp, sc.make(tok, e, "REQUEST", None, "100", speakers, d.actors, "asserted", d.how)
    if sp is not None and d.modality in ("asserted", "claimed") and sp[0].i < tok.i and sp[1].event != "DENY" \
            and (d.etype in ACCUSED_TYPES or d.etype in AIMED_AT_SPEAKER_TYPES or e.id.startswith(BREACH_ENTRIES)) \
            and "test" not in e.flags:
        # "Kyiv said Russian drones struck ...": besides the attack it reports, a side accuses the attacker;
        # "Pyongyang said Trump had declared war on it": a threat or sanction the speaker says it suffers
        speakers, _ = subject(sp[0], sc)
        if d.etype not in ACCUSED_TYPES and not e.id.startswith(BREACH_ENTRIES) and (not d.recip_slot or not ({a.code for a in speakers} & d.recip_codes())):
            speakers = []  # the speaker must be named as the one threatened, not guessed from the article
        doer = subject_token(tok)[0] if e.kind == "verb" else None
        own = doer is not None and doer.pos_ == "PRON"  # "militants said they attacked": a claim of its own act
        if is_side(sp[0], speakers, sc) and not own and d.actors and not d.actor_codes() & {a.code for a in speakers}:
            sc.side.append(speaker_accusation(sp[0], sp[1], speakers, d.actors, sc))
    if sp is not None and d.modality == "negated" and sp[1].event == "DENY" and _retracted(sp[0]) and \
            clause_modality(tok) != "negated":
        d.modality = "asserted"  # "at first denied shooting down the airliner but later admitted ...": the admission
    if sp is not None and d.modality in ("asserted", "future", "hypothetical"):
        sp_tok, sp_entry = sp
        speakers, _ = subject(sp_tok, sc)
        spk = {a.code for a in speakers}
        act = d.actor_codes()
        if sp_entry.event == "DENY":
            d.modality = "asserted" if _retracted(sp_tok) else "negated"
        elif has_must(tok) and speakers and not act <= spk:
            d.actors, d.recips = speakers, d.actors
            d.retype("REQUEST", None, "100")
            d.modality = "asserted"
        elif d.modality in ("future", "hypothetical") and speakers and act <= spk and (
                d.modality == "future" or any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX | HYPO_AUX
                                              for c in tok.children)) and not any(
                m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in tok.children) and \
                not cue_call(tok).commentary:  # "is expected to travel, officials said": a forecast
            # a statement of one's own future act: promise (AGREE) or threat; an announced sanction
            # is the sanction itself
            weighed = _weighed_plan(tok)
            if cooperative(d.etype) and weighed:
                pass  # "said it was studying plans to send aid": no promise yet (stays future)
            elif cooperative(d.etype):
                d.retype("AGREE", None, "030")
            elif d.etype in ("ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "THREATEN") or has_unless(tok) or \
                    (weighed and d.etype == "REJECT"):  # "reviewing plans to withdraw from the deal"
                d.retype("THREATEN", None, "130")
            if not (cooperative(d.etype) and weighed):
                d.modality = "asserted"
        elif d.modality == "asserted" and speakers and not act <= spk:
            before = sp_tok.i < tok.i  # "X said Y ...": a side's claim; "Y ..., X said": wire attribution
            # a party's account of its own joint act ("Anwar said he and Prabowo had agreed") or of another's
            # concession to it ("the White House said Colombia had agreed to accept ...") is the act itself
            # (a news outlet that quotes a side is a source, not a side: "Yonhap quoted the JCS as saying ...")
            if before and not is_neutral(sp_tok) and not ((spk | _affiliations(sp_tok, sc)) & act) and \
                    not cooperative(d.etype) and not _press_speaker(sp_tok, speakers, sc) and \
                    d.etype not in ACCUSED_TYPES:
                d.modality = "claimed"
            # "Kyiv said Russian drones struck a power plant", "... were wounded by a Russian drone, the
            # Ukrainian military said": the speaker reports what hit it
            # (not a news outlet: "..., the Czechoslovak news agency reported" names the source only)
            if d.etype in ("ASSAULT", "COERCE") and "test" not in e.flags and \
                    all(r.entity_text is None for r in d.recips) and not _press_speaker(sp_tok, speakers, sc) and \
                    (before or all(sc.finder.is_country(a.code or "") for a in speakers)):
                d.recips = [Actor(a.code, None, a.entity_text, a.start, a.end) for a in speakers]
    return sp, None


def _accused_attack(d: Draft, sc: Scope) -> None:
    """"Armenia accused Azerbaijan of shelling a settlement" (coding/clause_modality made the attack asserted):
    only a side's accusation reports the attack as fact, and the side is its target when the clause names
    none or only the attacker's own ground ("accused India of shelling villages in Kashmir")."""
    if d.how != "accused" or d.modality != "asserted" or d.etype not in ACCUSED_TYPES:
        return
    verb = accusing_verb(d.tok)
    if verb is None:
        return
    accusers, _ = subject(verb, sc)
    accused = next((c for c in verb.children if c.dep_ == "dobj"), None)
    lo, hi = (accused.left_edge.idx, accused.right_edge.idx + len(accused.right_edge)) if accused is not None else (0, 0)
    named = all(a.start is not None and lo <= a.start - sc.offset < hi for a in d.actors) and accused is not None \
        and any(t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE", "ORG") for t in accused.subtree)
    if not named or not is_side(verb, accusers, sc) or not accusers or d.actor_codes() & {a.code for a in accusers}:
        d.modality = "claimed"  # (the doer must be the one accused, named there: not a guess from the article)
        return
    if all(r.entity_text is None for r in d.recips) or d.recip_codes() <= d.actor_codes():
        d.recips = [Actor(a.code, None, a.entity_text, a.start, a.end) for a in accusers]


def _retracted(deny: Token) -> bool:
    """A denial taken back by a later admission of the same speaker ("at first denied shooting down the airliner
    but later admitted its forces had downed it", "initially denied ..., then acknowledged the strike")."""
    later = [c for c in deny.conjuncts if c.i > deny.i]
    return any(c.lemma_.lower() in ADMISSION_VERBS and not any(g.dep_ == "neg" for g in c.children) for c in later)


def _affiliations(sp_tok: Token, sc: Scope) -> set[str]:
    """The bodies the speaker is named by ("AU chief Ramtane Lamamra", "the bloc's envoy X", "the head of
    the IAEA"): the speaker speaks for them, whatever the person's own country."""
    s, _ = subject_token(sp_tok)
    if s is None:
        return set()
    out: set[str] = set()
    # the title's own words ("AU chief", "the bloc's envoy"), not a phrase that describes the speaker
    # ("militants loyal to Iraq's al-Qaeda leader")
    words = [t for t in s.children if t.dep_ in ("compound", "nmod", "poss")]
    words += [g for t in words for g in t.children if g.dep_ in ("compound", "nmod", "poss")]
    for t in words:
        if t.pos_ in ("PROPN", "NOUN"):
            out |= {a.code for a in sc.sa.resolve(t) if a.code}
    return out


def _press_speaker(sp_tok: Token, speakers: list[Actor], sc: Scope) -> bool:
    """The speaker is a news outlet ("the Czechoslovak news agency Ceteka reported")."""
    s, _ = subject_token(sp_tok)
    return any(a.sector == "JRN" for a in speakers) or (s is not None and is_press(s, sc.sa))


def _weighed_plan(tok: Token) -> bool:
    """The act is the content of a plan under consideration ("examining plans to strike", "studying
    plans to send aid"), not an announced one ("unveiled plans to")."""
    return tok.dep_ == "acl" and tok.head.lemma_.lower() in PLAN_NOUNS and tok.head.dep_ == "dobj" and \
        tok.head.head.lemma_.lower() in WEIGH_VERBS


def _unnamed_claimant(sp_tok: Token) -> bool:
    """The speech verb's subject is an unnamed group of critics ("critics say", "opponents argue")."""
    s, _ = subject_token(sp_tok)
    return s is not None and s.lower_ in UNNAMED_CLAIMANTS and not any(
        c.dep_ in ("poss", "compound", "amod") for c in s.children if c.lower_ not in ("some", "many", "the"))


def _characterised_doer(d: Draft, sc: Scope) -> None:
    """"described the expulsion of its diplomats by Poland as a hostile act": a characterisation's recipient is
    the doer of the act it names (its "by" agent, possessor or demonym), not an actor inside the act's phrase."""
    if d.etype != "ACCUSE" or "predicate" not in d.entry.flags or d.entry.kind != "verb":
        return
    o = direct_object(d.tok) or _small_clause_subject(d.tok)
    if o is None or not _is_act(o, sc):
        return
    own = d.actor_codes()
    doers = [a for a in _act_doer(o, o, sc) if a.code and a.code not in own]
    if doers:
        d.recips = [copy_actor(a) for a in doers]


def _threat_target(d: Draft, sc: Scope) -> None:
    """"did not rule out military action against Iran": the one the force not excluded is aimed at."""
    if d.cameo not in ("130", "138") or d.recips or d.entry.kind != "verb" or d.tok.lemma_.lower() != "rule":
        return
    own = d.actor_codes()
    for t in d.tok.subtree:
        if t.dep_ == "pobj" and t.head.lower_ in ("against", "on", "in", "into") and t.head.head.i != d.tok.i:
            found = [a for a in sc.sa.resolve(t) if a.code and a.code not in own]
            if found:
                d.recips = found
                return


def speaker_accusation(sp_tok: Token, sp_entry: LexEntry, speakers: list[Actor], accused: list[Actor],
                       sc: Scope) -> Event:
    """The speaker's accusation of the actors of the aggression it reports (evidence: the speech verb)."""
    entry = LexEntry(f"{sp_entry.id}+accuse", "verb", sp_tok.lemma_.lower(), "", frozenset(), "ACCUSE", "allege",
                     "1123", (), frozenset())
    return sc.make(sp_tok, entry, "ACCUSE", "allege", "1123", [copy_actor(a) for a in speakers],
                   [copy_actor(a) for a in accused], "asserted", "subj")


def must_demands(sc: Scope, must_clauses: dict[int, int]) -> list[Event]:
    """"X said Y must ...": a demand of the speaker on Y, even when the demanded act is not in the
    lexicon."""
    out = []
    doc = sc.doc
    for xi, si in must_clauses.items():
        sentry = sc.speech[si]
        stok, x = doc[si], doc[xi]
        speakers, how = subject(stok, sc)
        subj, _ = subject_token(x)
        targets = sc.sa.resolve(subj) if subj is not None else []
        if speakers and targets and not {t.code for t in targets} <= {a.code for a in speakers}:
            out.append(sc.make(x, sentry, "REQUEST", None, "100", speakers, targets, "asserted", how))
    return out


def _negative(t: Token) -> bool:
    """A word that condemns ("reckless", "a clear threat", "an act of war")."""
    return t.lemma_.lower() in NEGATIVE_WORDS or t.lower_ in NEGATIVE_WORDS


def _pay_dearly(tok: Token, sc: Scope) -> Event | None:
    """"said Trump would pay dearly": the speaker threatens the one who is to pay."""
    sp = speech_head(tok, sc.speech)
    subj, _ = subject_token(tok)
    if sp is None or subj is None:
        return None
    speakers, how = subject(sp[0], sc)
    payers = [a for a in sc.sa.resolve(subj) if a.code not in {x.code for x in speakers}]
    if not speakers or not payers:
        return None
    entry = LexEntry("c130", "verb", tok.lemma_.lower(), "", frozenset(), "THREATEN", None, "130", (), frozenset())
    return sc.make(tok, entry, "THREATEN", None, "130", speakers, payers, "asserted", how)


def _characterised(tok: Token, sc: Scope) -> Token | None:
    """The thing a speaker characterises in condemning words, or None."""
    if tok.lemma_.lower() in CHARACTERISE:
        o = direct_object(tok) or _small_clause_subject(tok)
        if o is None:
            return None
        inside = {x.i for x in o.subtree}
        # the predicate after the object; or, where the parser hung it on the object ("called Beijing's drills
        # around Taiwan irresponsible"), the object's own words after its head
        words = [t for t in tok.subtree if t.i > o.i and t.i not in inside and not t.is_punct] or [
            t for t in o.subtree if t.i > o.i] or list(o.subtree)
        # not the words of a clause inside the predicate ("the heaviest assault since the invasion began")
        aside = {x.i for t in words if t.dep_ in ("advcl", "relcl") and t.pos_ in ("VERB", "AUX") for x in t.subtree}
        return o if any(_negative(t) for t in words if t.i not in aside) else None
    if tok.i in sc.speech:
        # "said the test was a clear threat"; "we believe this decision was unwarranted", said X
        clauses = [x for x in tok.children if x.dep_ == "ccomp"]
        clauses += [y for x in clauses if x.lemma_.lower() in OPINION_VERBS and any(
            s.dep_ == "nsubj" and s.lower_ in ("we", "i") for s in x.children) for y in x.children if y.dep_ == "ccomp"]
        for x in clauses:
            if x.lemma_.lower() != "be":
                continue
            subj = next((c for c in x.children if c.dep_ == "nsubj"), None)
            pred = [c for c in x.children if c.dep_ in ("attr", "acomp")]
            if subj is not None and pred and any(_negative(t) for p in pred for t in p.subtree) and (
                    subj.lower_ in ("it", "this", "that") or subj.lemma_.lower() in EVENT_WORDS
                    or match_noun(subj, sc.lex) is not None):
                return subj
    return None


def _small_clause_subject(tok: Token) -> Token | None:
    """"termed China's renaming of the places a ridiculous attempt": the parser makes the thing named the
    subject of the predicate noun it is called."""
    for c in tok.children:
        if c.dep_ in ("oprd", "ccomp", "xcomp") and c.i > tok.i and c.pos_ in ("NOUN", "ADJ"):
            subj = next((g for g in c.children if g.dep_ == "nsubj" and g.i < c.i), None)
            if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
                return subj
    return None


def _is_act(t: Token, sc: Scope) -> bool:
    """An act noun ("the decision", "the drills", "Russia's annexation"): an event word, an act noun of the
    speech words, or a lexicon noun."""
    return t.pos_ == "NOUN" and (t.lemma_.lower() in EVENT_WORDS or t.lower_ in ACT_NOUNS or
                                 t.lemma_.lower() in ACT_NOUNS or match_noun(t, sc.lex) is not None)


def _extraposed_subject(tok: Token, sc: Scope) -> list[Actor]:
    """"called it reckless that Pyongyang fired ...": the subject of the that-clause "it" stands for."""
    for x in tok.subtree:
        if x.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in x.children):
            subj = next((c for c in x.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return sc.sa.resolve(subj)
    return []


def _condition_clause(tok: Token) -> Token | None:
    """The condition put on `tok` or on the verbs it is the complement of: "if X attacks", "unless X withdraws",
    "should Seoul deploy ..." (inverted)."""
    heads = [tok]
    cur = tok
    while cur.dep_ in ("xcomp", "conj") and cur.head != cur and len(heads) < 4:
        cur = cur.head
        heads.append(cur)
    for h in heads:
        for c in h.children:
            if c.dep_ != "advcl" or c.i > h.i and not any(m.lower_ in ("if", "unless") for m in c.children):
                continue
            subj = [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
            if any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children) or (
                    subj and any(a.dep_ == "aux" and a.lower_ in ("should", "were", "had") and a.i < subj[0].i
                                 for a in c.children)):
                return c
    return None


def _hostile_noun(t: Token, sc: Scope) -> bool:
    """An act of hostility named by a noun ("any Indian action", "aggression", "the new sanctions")."""
    e = match_noun(t, sc.lex)
    if e is not None:
        return e.event in HOSTILE_TYPES
    return t.lemma_.lower() in ACT_NOUNS and (
        any(c.dep_ == "det" and c.lower_ in ("any", "every") for c in t.children) or t.lemma_.lower() in NEGATIVE_WORDS
        or any(c.dep_ in ("amod", "compound", "poss") and c.i < t.i for c in t.children))


def _answered(tok: Token, sc: Scope, own: set[str | None]) -> list[Actor]:
    """Whom a vowed answer is aimed at: the doer of the act it answers ("respond to any Indian action"), the one
    the condition is put on ("if Israel attacks", "should Seoul deploy ...")."""
    for p in ("to", "against", "for"):
        for g in prep_objects(tok, p):
            doers = [a for a in _act_doer(g, g, sc) if a.code and a.code not in own] if g.pos_ == "NOUN" else []
            doers = doers or ([a for a in sc.sa.resolve(g) if a.code and a.code not in own]
                              if g.pos_ in ("PROPN", "PRON") else [])
            if doers:
                return doers
    cond = _condition_clause(tok)
    if cond is not None:
        for g in cond.children:
            if g.dep_ in ("nsubj", "nsubjpass"):
                got = [a for a in sc.sa.resolve(g) if a.code and a.code not in own]
                if got:
                    return got
    return []


def _prospective(tok: Token) -> bool:
    """An answer still to come, vowed or announced: "will respond", "vowed to respond", "is ready to respond",
    "reserves the right to respond"; not one given ("responded to the criticism"), nor refused."""
    if any(c.dep_ == "neg" for c in tok.children):
        return False
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX | {"would"} for c in tok.children):
        return True
    head = tok.head
    if tok.dep_ == "xcomp" and head.lemma_.lower() in COMMIT_VERBS and not any(c.dep_ == "neg" for c in head.children):
        return True
    return tok.dep_ == "acl" and head.lemma_.lower() == "right" and head.head.lemma_.lower() == "reserve"


def _threat_speaker(tok: Token, sc: Scope) -> list[Actor]:
    """Who makes the threat: the side whose words hold it (a speaker that is a side), else the clause's own
    subject; never analysts' or critics' words."""
    if tok.dep_ == "acl" and tok.head.dep_ == "dobj" and tok.head.head.pos_ in ("VERB", "AUX"):
        tok = tok.head.head  # "said it reserves the right to respond": the one reserving it
    sp = speech_head(tok, sc.speech)
    if sp is None:
        return []
    if _unnamed_claimant(sp[0]):
        return []
    speakers, _ = subject(sp[0], sc)
    if speakers and is_side(sp[0], speakers, sc):
        return speakers
    s, _ = subject_token(sp[0])
    if s is None or s.lemma_.lower() in REPORTERS or s.lower_ in REPORTERS or speakers:
        return []
    # "the Foreign Ministry said Beijing would react firmly": a spokesman of the side named as the responder
    subj, _ = subject_token(tok)
    if subj is None or subj.pos_ == "PRON":
        return []
    found, _ = subject(tok, sc)
    return found if found and all(a.code and sc.finder.is_country(a.code) for a in found) else []


_RESPONSE_OTHER = frozenset(("meet", "go", "take", "adopt", "be"))  # the lemmas of the branches below


def response_threat(tok: Token, sc: Scope) -> Event | None:
    """A side's vow to answer another's act with force, with no threat verb: "vowed to respond to any Indian
    action", "Beijing will respond with countermeasures should Seoul deploy ...", "if Israel attacks, we will
    respond decisively", "any attack on its territory would be met with a merciless response", "its bases will
    be legitimate targets if the United States strikes" (THREATEN of the one answered, or of no one named)."""
    lemma = tok.lemma_.lower()
    if lemma not in RESPONSE_VERBS and lemma not in _RESPONSE_OTHER:
        return None  # no branch below can hold (checked before the costly modality call)
    actors: list[Actor] = []
    answered: list[Actor] = []
    reserved = tok.dep_ == "acl" and tok.head.lemma_.lower() == "right" and tok.head.head.lemma_.lower() == "reserve"
    if cue_call(tok).commentary and not reserved:
        return None  # "analysts expect Beijing would respond with force": someone's guess (a right reserved is a vow)
    if lemma in RESPONSE_VERBS and tok.pos_ == "VERB" and _prospective(tok):
        withs = prep_objects(tok, "with")
        hostile = any(g.lemma_.lower() in RESPONSE_NOUNS or _hostile_noun(g, sc) for g in withs) or any(
            c.dep_ == "advmod" and c.lower_ in FIRM_WORDS for c in tok.children) or any(
            _hostile_noun(g, sc) for p in ("to", "against", "for") for g in prep_objects(tok, p))
        cond = _condition_clause(tok)
        if cond is not None and not hostile:
            hostile = any(sc.by_tok.get(cond.i) is not None and sc.by_tok[cond.i].entry.event in HOSTILE_TYPES
                          for _ in (0,)) or any(sc.by_tok.get(t.i) is not None and
                                                sc.by_tok[t.i].entry.event in HOSTILE_TYPES for t in cond.subtree)
        if not hostile:
            return None
        actors = _threat_speaker(tok, sc)
        if not actors and speech_head(tok, sc.speech) is None and tok.dep_ != "acl" and not any(
                c.dep_ == "aux" and c.lower_ in ("would", "could", "might") for c in tok.children):
            # the side's own words, not the writer's "the United States would respond with force"
            subj, _ = subject_token(tok)
            if subj is not None and not (subj.pos_ == "PRON" and subj.lower_ in ("we", "i", "us")):
                found, _ = subject(tok, sc)
                actors = found if found and all(a.code and sc.finder.is_country(a.code) for a in found) else []
            elif subj is not None:
                actors, _ = subject(tok, sc)
    elif lemma == "meet" and is_passive(tok) and any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX | {"would"}
                                                     for c in tok.children):
        # "any attack on us will be met with a firm response"
        if not any(g.lemma_.lower() in RESPONSE_NOUNS for g in prep_objects(tok, "with")):
            return None
        subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if subj is None or not _hostile_noun(subj, sc):
            return None
        actors = _threat_speaker(tok, sc)
        answered = _act_doer(subj, subj, sc)
    elif lemma == "go" and any(c.lower_ == "unpunished" for c in tok.children) and (
            any(c.dep_ == "neg" for c in tok.children) or any(
                c.dep_ == "det" and c.lower_ == "no" for s in tok.children if s.dep_ == "nsubj" for c in s.children)):
        # "no attack on our soldiers will go unpunished", said X; "the crime will not go unpunished"
        actors = _threat_speaker(tok, sc)
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        answered = _act_doer(subj, subj, sc) if subj is not None and subj.pos_ == "NOUN" else []
        if subj is not None and subj.pos_ == "NOUN" and not answered:
            answered = [a for c in subj.children if c.dep_ == "acl" for a in subject(c, sc)[0]]
    elif lemma in ("take", "adopt") and _prospective(tok) and any(
            c.dep_ == "dobj" and c.lemma_.lower() in MEASURE_NOUNS and (c.lower_.startswith("countermeasure") or any(
                m.lower_ in MEASURE_MODIFIERS for m in c.children if m.dep_ in ("amod", "compound", "det")))
            for c in tok.children):
        # "will take all necessary measures", "vowed to take resolute countermeasures": a threat
        actors = _threat_speaker(tok, sc) or (subject(tok, sc)[0] if speech_head(tok, sc.speech) is None and any(
            c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in tok.children) else [])
        if tok.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "or" for c in tok.head.children) and \
                has_must(tok.head):
            # "the junta must cede power or ECOWAS will take all necessary measures": an ultimatum to the junta
            answered = subject(tok.head, sc)[0]
    elif lemma == "be" and any(c.dep_ == "attr" and c.lemma_.lower() in TARGET_NOUNS and any(
            a.lower_ in ("legitimate", "legal", "fair") for a in c.children) for c in tok.children) and any(
            c.dep_ == "aux" and c.lower_ in FUTURE_AUX | {"would"} for c in tok.children):
        # "its bases across the region will be legitimate targets": a threat to their owner
        actors = _threat_speaker(tok, sc)
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            answered = [a for c in subj.children if c.dep_ == "poss" for a in sc.sa.resolve(c)] or sc.sa.resolve(subj)
    else:
        return None
    if not actors:
        return None
    own = {a.code for a in actors}
    answered = [a for a in answered if a.code and a.code not in own] or _answered(tok, sc, own)
    entry = LexEntry("c130.response", "verb", lemma, "", frozenset(), "THREATEN", None, "130", (), frozenset())
    return sc.make(tok, entry, "THREATEN", None, "130", [copy_actor(a) for a in actors],
                   [copy_actor(a) for a in answered], "asserted", "subj")


def dismay(tok: Token, sc: Scope) -> Event | None:
    """"Moscow said it was deeply disappointed by Washington's decision", "China is dismayed at the Philippine
    move": a side's dismay at another's act accuses its doer (named by the act noun or the object itself)."""
    if any(c.dep_ == "neg" for c in tok.children):
        return None
    if tok.lemma_.lower() == "be":
        adj = next((c for c in tok.children if c.dep_ == "acomp" and c.lower_ in DISMAY_WORDS), None)
        if adj is None:
            return None
        actors, how = subject(tok, sc)
    elif tok.tag_ == "VBN" and tok.lower_ in DISMAY_WORDS and any(c.dep_ == "auxpass" for c in tok.children):
        adj = tok  # "China is dismayed at the move", "said it was alarmed by Russia's build-up" (parsed as passives)
        s = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if s is None:
            return None
        actors, how = sc.sa.resolve(s), "subj"
        if not actors and s.pos_ == "PRON":
            sp = speech_head(tok, sc.speech)
            actors = subject(sp[0], sc)[0] if sp is not None else []
    else:
        return None
    if not actors or not all(a.code and (sc.finder.is_country(a.code) or a.sector in ("GOV", "OPP", "REB"))
                             for a in actors):
        return None
    own = {a.code for a in actors}
    doers: list[Actor] = []
    for p in ("by", "at", "over", "with", "about"):
        for g in prep_objects(adj, p):
            found = _act_doer(g, g, sc) if _is_act(g, sc) else (sc.sa.resolve(g) if g.pos_ == "PROPN" else [])
            doers = [a for a in found if a.code and a.code not in own]
            if doers:
                break
        if doers:
            break
    if not doers:
        return None
    entry = LexEntry("c111.dismay", "verb", adj.lower_, "", frozenset(), "ACCUSE", "disapprove", "111", (),
                     frozenset())
    return sc.make(tok, entry, "ACCUSE", "disapprove", "111", [copy_actor(a) for a in actors],
                   [copy_actor(a) for a in doers], modality_of(tok, entry), how)


def characterisation(tok: Token, sc: Scope) -> Event | None:
    """"called the launch reckless", "said the test was a clear threat": an accusation of whoever
    made the thing characterised; "said X would pay dearly": a threat."""
    lemma = tok.lemma_.lower()
    threat = response_threat(tok, sc) or dismay(tok, sc)
    if threat is not None:
        return threat
    if lemma == "pay" and (any(c.lower_ in ("dearly", "heavily") for c in tok.children) or any(
            c.dep_ == "dobj" and c.lemma_.lower() == "price" for c in tok.children)):
        return _pay_dearly(tok, sc)
    target = _characterised(tok, sc)
    if target is None:
        return characterised_act(tok, sc)
    actors, how = subject(tok, sc)
    if not actors:
        return None
    own = {a.code for a in actors}
    recips: list[Actor] = []
    if _is_act(target, sc):
        # "called Moscow's decision a grave mistake", "the expulsion of its diplomats by Poland": the act's own doer
        recips = [a for a in _act_doer(target, target, sc) if a.code and a.code not in own]
    if not recips:
        recips = [] if target.lower_ in ("it", "this", "that") else sc.sa.resolve(target)
    if not recips and target.lower_ == "it":
        recips = _extraposed_subject(tok, sc)  # "called it disappointing that Pyongyang continued ..."
    if not recips:
        recips = earlier_event_actors(tok, sc, actors, objs=[target]) if target.pos_ == "NOUN" else []
    if not recips:
        for ev in list(sc.made.values())[::-1] + list(reversed(sc.sa.ctx.events)):
            if ev.modality == "asserted" and not ({a.code for a in ev.actor} & own) and ev.actor:
                recips = [copy_actor(a) for a in ev.actor]
                break
    recips = [r for r in recips if r.code and r.code not in own]
    if not recips:
        return None
    entry = LexEntry("c111", "verb", lemma, "", frozenset(), "ACCUSE", None, "111", (), frozenset())
    return sc.make(tok, entry, "ACCUSE", None, "111", actors, recips, modality_of(tok, entry), how)


def _accusing_word(t: Token) -> Token | None:
    """The word that condemns an act noun ("unprovoked firing", "serious and illegal threats"), or None."""
    for c in t.children:
        if c.dep_ in ("amod", "compound", "advmod") and c.i < t.i:
            for w in [c, *c.conjuncts]:
                if w.lower_ in ACCUSING_MODIFIERS:
                    return w
    # "unprovoked and indiscriminate firing": the parser's slip hangs the noun on an adjective it reads as a verb
    if t.dep_ in ("dobj", "pobj") and t.head.i < t.i and t.head.lower_ in ACCUSING_MODIFIERS:
        return t.head
    return None


def _act_doer(t: Token, word: Token, sc: Scope) -> list[Actor]:
    """Who did the act noun `t`: its "by" agent (on the noun, on a participle of it, or on the word the parser
    hung it on), its possessor, or a demonym before it ("Indian firing")."""
    holders = [t] + [c for c in t.children if c.dep_ == "acl" and c.tag_ == "VBN"] + (
        [word] if t.head.i == word.i and word.i != t.i else [])
    # "the expulsion of its diplomats by Poland": the parser hangs the agent on the of-phrase's noun
    holders += [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.lemma_.lower() in ANSWER_VERBS and \
            not is_passive(t.head.head):
        holders.append(t.head.head)  # "responded to unprovoked firing by Indian troops": the parser's "by" on the verb
    for h in holders:
        for c in h.children:
            if c.dep_ in ("agent", "prep") and c.lower_ == "by":
                for g in c.children:
                    if g.dep_ == "pobj" and (found := sc.sa.resolve(g)):
                        return found
    for c in t.children:
        # (not a person: "Navalny's detention" names the one detained)
        if c.dep_ == "poss" and c.ent_type_ != "PERSON" and (found := sc.sa.resolve(c)):
            return found
    for c in t.children:
        if c.dep_ in ("amod", "compound", "nmod") and c.i < t.i and c.lower_ not in ACCUSING_MODIFIERS and (
                found := sc.sa.resolve(c)):
            return found
    return []


def _answered_region(tok: Token) -> list[Token]:
    """The nouns a side's own act answers or gives as its cause ("responded to unprovoked firing by X",
    "closed the bridges due to illegal threats by X", "in retaliation for X's wanton shelling")."""
    out = []
    for c in tok.children:
        if c.dep_ not in ("prep", "advcl", "advmod", "npadvmod"):
            continue
        answer = c.lower_ == "to" and tok.lemma_.lower() in ANSWER_VERBS
        cause = c.lower_ in CAUSE_WORDS or c.lemma_.lower() in CAUSE_WORDS or any(
            g.lemma_.lower() in CAUSE_WORDS for g in c.children if g.dep_ in ("pobj", "pcomp", "amod"))
        if answer or cause:
            out.extend(t for t in c.subtree if t.pos_ in ("NOUN", "PROPN"))
    return out


def characterised_act(tok: Token, sc: Scope) -> Event | None:
    """A side that speaks of another's act in condemning words accuses its doer: "Pakistan's military said
    it had responded to unprovoked firing by the Indian army" (PAK->IND ACCUSE), "due to the illegal threats
    attempted by Colombia, it has closed the bridges" (VEN->COL). The words must be the side's: in what
    it says, or in the cause it gives for its own act; never the writer's ("the illegal annexation")."""
    if tok.i in sc.speech:
        subj, _ = subject_token(tok)
        skip = {t.i for t in subj.subtree} if subj is not None else set()
        region = [t for t in tok.subtree if t.i not in skip and t.i != tok.i and t.pos_ in ("NOUN", "PROPN")]
    else:
        if any(a.i in sc.speech for a in tok.ancestors):
            return None  # the speaker's words: found from its speech verb
        region = _answered_region(tok)
        if tok.lower_ in CAUSE_WORDS and tok.dep_ == "advcl":  # "closed the crossings, citing illegal threats by X"
            region += [t for c in tok.children if c.dep_ == "dobj" for t in c.subtree if t.pos_ in ("NOUN", "PROPN")]
    if not region:
        return None
    speakers: list[Actor] = []
    for t in region:
        word = _accusing_word(t)
        if word is None or not (t.lemma_.lower() in EVENT_WORDS or t.lower_ in ACT_NOUNS or
                                match_noun(t, sc.lex) is not None):
            continue
        if any(c.dep_ == "det" and c.lower_ in ("any", "no", "every", "all") for c in t.children) or \
                cue_call(t).modality not in ("asserted", "claimed"):
            continue  # "will respond to any unprovoked attack": no act yet
        if not speakers:
            speakers, how = subject(tok, sc)
            if not speakers or not is_side(tok, speakers, sc):
                return None
        own = {a.code for a in speakers}
        doers = [a for a in _act_doer(t, word, sc) if a.code and a.code not in own]
        if not doers:
            continue
        made = sc.made.get(t.i)
        if made is not None and {a.code for a in made.actor} <= own:
            # "the illegal threats attempted by Colombia": the side condemns the act, it did not do it
            made.actor = [copy_actor(a) for a in doers]
            if not made.recipient or {r.code for r in made.recipient} <= {a.code for a in doers}:
                made.recipient = [copy_actor(a) for a in speakers]
            made.id = made.make_id()
        entry = LexEntry("c111.act", "verb", tok.lemma_.lower(), "", frozenset(), "ACCUSE", None, "111", (),
                         frozenset())
        return sc.make(tok, entry, "ACCUSE", None, "111", [copy_actor(a) for a in speakers],
                       [copy_actor(a) for a in doers], modality_of(tok, entry), how)
    return None
