"""Another sense of a trigger word: "returned home" is travel, "fired his adviser" a dismissal,
"mobilised support" no forces, "ended three days of talks" talks that took place, "moved in" by
troops no visit."""

from __future__ import annotations

import re

from .agents import is_person
from .arguments import direct_object, is_passive, subject_token
from .candidates import has_infinitive
from .scope import Draft, Scope
from .triggers import MEASURE_NOUNS, load_lexicon, match_verb
from .words import word_set

MILITARY_WORDS = word_set("events", "military_words")
DENIED_CLAIMS = word_set("events", "denied_claims")
NO_COMMENT_VERBS = word_set("events", "no_comment_verbs")
PLAN_NOUNS = word_set("speech", "plan_nouns")
FORCE_OPTIONS = word_set("clause_modality", "force_options") - {"action", "operation", "response", "option"}
PLAN_VERBS = ("approve", "adopt", "endorse", "sign", "authorise", "authorize")
DISMISS_VERBS = ("fire", "sack", "axe")
FINISH_VERBS = ("end", "conclude", "finish", "complete", "wrap")


ARMED_WORDS = (MILITARY_WORDS - {"man", "reserve"}) | {"rebel", "militant", "fighter", "jihadist", "insurgent", "paramilitary", "tank",
                                "mercenary", "commando", "marine", "paratrooper", "gunman", "guerrilla", "militiaman",
                                "troops", "forces", "soldiers", "rebels", "fighters", "militants", "armour", "armor",
                                "column", "convoy", "peacekeeper", "contingent", "garrison", "legionnaire", "sniper", "snipers",
                                "sharpshooter", "sharpshooters", "gunmen"}


def armed_subject(tok, sc: Scope | None = None) -> bool:
    """The subject of the verb is an armed force ("M23 fighters walked into Bukavu", "French troops left Mali")."""
    subj, _ = subject_token(tok)
    if subj is None:
        return False
    words = {subj.lemma_.lower(), subj.lower_} | {c.lemma_.lower() for c in subj.children if c.dep_ in ("compound", "amod")}
    if words & ARMED_WORDS:
        return True
    return sc is not None and sc.sa.role_sector(subj) in ("MIL", "REB")


CALL_FOLLOWERS = word_set("events", "call_followers")


def _names_after(obj) -> bool:
    """Something other than time, place or purpose follows the person called: a quote or a name for him
    ("called Kim Jong Un 'Rocket Man'", "called Trump mentally deranged")."""
    if obj is None:
        return True
    end = obj.right_edge.i + 1
    if end >= len(obj.doc):
        return False
    nxt = obj.doc[end]
    if nxt.is_quote or nxt.pos_ in ("ADJ", "NOUN", "PROPN", "DET", "NUM") and nxt.lower_ not in CALL_FOLLOWERS:
        return True
    return not (nxt.is_punct or nxt.lower_ in CALL_FOLLOWERS or nxt.pos_ in ("ADP", "ADV", "PART", "CCONJ", "SCONJ"))


MARKET_WORDS = word_set("events", "market_words")


def _market_demand(tok) -> bool:
    """"demand for Iranian crude", "weak consumer demand": a market's demand (words of goods and markets)."""
    mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound")}
    wanted = {g.lemma_.lower() for p in tok.children if p.dep_ == "prep" and p.lower_ == "for"
              for g in p.children if g.dep_ == "pobj"}
    return bool((mods | wanted) & MARKET_WORDS)


def _headline_passive(tok, e) -> bool:
    """A headline's past participle with its 'is' left out ("RSF accused of massacre", "Minister sacked over
    leak"): a transitive act with no object whose subject is the one acted on."""
    from .modality import _headline_line

    if e.prt or not e.recip or e.recip[0] not in ("dobj", "dobj_actor") or tok.dep_ != "ROOT" or \
            tok.tag_ not in ("VBN", "VBD") or not _headline_line(tok):
        return False
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "dative", "iobj", "aux", "auxpass") for c in tok.children):
        return False
    return any(c.dep_ == "nsubj" for c in tok.children) and any(
        c.dep_ in ("prep", "agent") and c.lower_ in ("of", "for", "over", "by", "after", "in", "amid") for c in tok.children)


def _foreign_of(obj, sc: Scope) -> bool:
    """The noun after "the departure of" names foreign envoys or forces by a national modifier ("French troops",
    "Russia's ambassador"), not one's own ("its troops")."""
    if obj is None:
        return False
    held = [g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    for g in held:
        mods = [c for c in g.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
        if any(c.lower_ in OWN for c in mods):
            return False
        if any(c.ent_type_ in ("NORP", "GPE") or sc.sa.resolve(c) for c in mods if c.lower_ not in OWN):
            return True
    return False


CRAFT_SUBJECTS = word_set("events", "craft_subjects")


def _person_subject(tok, sc: Scope) -> bool:
    """The subject of the verb is a person or an office holder (not a rocket, a plane or troops)."""
    subj, _ = subject_token(tok)
    return subj is not None and (is_person(subj, sc) or subj.ent_type_ == "PERSON" and subj.pos_ == "PROPN")


SPORTS_WORDS = word_set("events", "sports_words")
CONTEST_VERBS = word_set("events", "contest_verbs")
SCORE = re.compile(r"(?<![\d.,:/-])\d{1,2}[-–]\d{1,2}(?![\d.,:/-]*\d)")


def sports_sense(tok) -> bool:
    """"Brazil beat Argentina 2-0 in the World Cup qualifier", "Japan thrashed Germany in the final": a win in a game
    (a score, or a word of sport in the sentence: words/events.yaml sports_words), no beating."""
    if tok.lemma_.lower() not in CONTEST_VERBS and tok.lower_ not in CONTEST_VERBS:
        return False
    sent = tok.sent
    return bool(SCORE.search(sent.text)) or any(
        t.lemma_.lower() in SPORTS_WORDS or t.lower_ in SPORTS_WORDS for t in sent if t.pos_ in ("NOUN", "PROPN", "ADJ"))


BENEFICIARIES = word_set("events", "beneficiaries")


def _beneficiaries(tok) -> bool:
    """A purpose infinitive whose object is people counted ("transported 700 tons of food to support nearly 70,000
    people", "to help 2 million children"): the beneficiaries of another act (words/events.yaml beneficiaries)."""
    if tok.dep_ not in ("advcl", "xcomp", "acl", "relcl") or not any(
            a.lower_ == "to" and a.dep_ == "aux" for a in tok.children):
        return False
    obj = direct_object(tok)
    return obj is not None and obj.lemma_.lower() in BENEFICIARIES and any(
        c.dep_ in ("nummod", "quantmod", "amod") and (c.like_num or c.pos_ == "NUM" or any(
            g.like_num for g in c.subtree)) for c in obj.children)


def wrong_sense(d: Draft, sc: Scope) -> bool:
    """The trigger is used in a sense that is no event of its entry."""
    tok, e = d.tok, d.entry
    lemma = tok.lemma_.lower()
    if "armed" in e.flags and not armed_subject(tok, sc):
        return True  # "the minister walked into the meeting", "the president left Paris": no forces
    if "infinitive" in e.flags and not has_infinitive(tok):
        return True  # "told reporters that ..." is speech; "told Iran to stop" is a demand
    if ("person" in e.flags or "visitor" in e.flags) and not _person_subject(tok, sc):
        # "Blinken landed in Tel Aviv" is a visit, "a rocket landed in Sderot" none; "the special envoy is in
        # Khartoum" (the role or a purpose: triggers.match_verb), troops there are none
        return True
    if e.kind == "noun" and e.event == "REQUEST" and tok.lemma_.lower() == "demand" and _market_demand(tok):
        return True  # "China's demand for Iranian crude has surged": buyers' demand, no one's demand
    if e.kind != "verb":
        return False
    if e.event == "REQUEST" and lemma == "ask" and tok.tag_ == "VBN" and not any(
            c.dep_ == "agent" for c in tok.children):
        return True  # "Asked about the strikes, the minister ...", "was asked to leave": no asker named
    if e.id.startswith("consult.call_named.") and (any(c.dep_ in ("oprd", "ccomp", "acomp") for c in tok.children) or
                                                   sum(c.dep_ == "dobj" for c in tok.children) > 1 or any(
            g.dep_ == "appos" for c in tok.children if c.dep_ == "dobj" for g in c.children) or _names_after(direct_object(tok))):
        return True  # "called Netanyahu a good friend", "called Kim Jong Un 'Rocket Man'": naming him, no phone call
    if e.id.startswith("request.deadline.") and not _to_infinitives(tok):
        return True  # "gave Iran 60 days to respond" is a demand; "gave the talks two more weeks" none
    if "weak" in e.flags:
        subj, _ = subject_token(tok)
        if subj is not None and subj.i in sc.by_tok and sc.by_tok[subj.i].entry.kind == "noun":
            return True  # "the strike left 12 people dead": the toll of the strike, coded by its noun
    if e.event == "SUPPORT" and _beneficiaries(tok):
        return True  # "delivering aid to support more than 130,000 people": those the aid reaches, no backing
    if e.event == "ASSAULT" and sports_sense(tok):
        return True  # "Brazil beat Argentina 2-0 in the qualifier": a game won
    obj = direct_object(tok)
    if e.event == "ACCUSE" and e.mode == "investigate" and obj is not None and obj.lemma_.lower() in PLAN_NOUNS:
        return True  # "was examining plans to strike Guam": its own plans, no investigation of anyone
    if _headline_passive(tok, e):
        return True  # headline "Sudan's RSF accused of massacre in Darfur": the subject is accused, by no one named
    if e.id.startswith("accuse.take_aim.") and armed_subject(tok, sc):
        return True  # "the sniper took aim at the patrol": a shot, no rebuke
    if e.id.startswith("sanction.order_departure.") and not _foreign_of(obj, sc):
        return True  # "Putin ordered the withdrawal of troops from Kherson": his own forces, a retreat
    if e.event == "REQUEST" and lemma == "call" and e.prt == "prep:for" and obj is not None and obj.pos_ == "NOUN" \
            and obj.i > tok.i and obj.dep_ == "dobj":
        return True  # "called the shelling terror for the sake of intimidation": naming, no call for anything
    if e.event == "PROTEST" and lemma in ("demonstrate", "demonstrated") and not e.prt and (obj is not None or any(
            c.dep_ in ("ccomp", "xcomp") for c in tok.children)):
        return True  # "demonstrated its resolve", "has demonstrated that it can strike": showed, no protest
    if e.event == "REJECT" and lemma == "deny" and any(
            c.dep_ in ("xcomp", "ccomp", "dobj", "pcomp") and c.tag_ == "VBG" for c in tok.children):
        return True  # "Moscow denied attacking the hospital": a denial of its act, no rejection
    if e.event == "REJECT" and lemma == "deny" and (
            (obj is None and any(c.dep_ == "ccomp" for c in tok.children))
            or (obj is not None and obj.lemma_.lower() in DENIED_CLAIMS)):
        return True  # "denied that its jets had entered", "denied the reports": a denial, no rejection
    if e.event == "REJECT" and lemma in ("decline", "refuse") and any(
            x.dep_ == "xcomp" and x.lemma_.lower() in NO_COMMENT_VERBS for x in tok.children):
        return True  # "declined to comment", "refused to confirm the reports"
    if e.event == "REQUEST" and lemma in ("press", "push") and obj is None and any(
            c.dep_ in ("prt", "advmod", "prep") and c.lower_ in ("on", "ahead", "forward") and
            not any(g.dep_ == "pobj" and sc.sa.resolve(g) for g in c.children) for c in tok.children):
        return True  # "pressed on with efforts to ...", "pushed ahead with the plan": went on, no demand
    if e.event == "RETREAT" and lemma == "return" and not e.obj and obj is None and not is_passive(tok):
        return True  # "after returning from Pyongyang", "returned home": travel, not a concession
    if e.event == "ASSAULT" and lemma in DISMISS_VERBS and not e.prt and obj is not None and is_person(obj, sc):
        return True  # "fired his national security adviser": dismissed from a post
    # "mobilized pressure groups", "mobilised support": not forces
    return e.event == "MOBILIZE" and lemma in ("mobilize", "mobilise") and obj is not None and \
        sc.sa.role_sector(obj) not in ("MIL", "REB") and obj.lemma_.lower() not in MILITARY_WORDS


ORDER_VERBS = ("order", "tell", "give", "grant", "allow", "instruct", "ask", "command", "direct", "request")
LEAVE_VERBS = ("leave", "depart", "quit", "exit", "vacate")
RETURN_VERBS = word_set("events", "return_verbs")
ENVOY_WORDS = {"ambassador", "envoy", "diplomat", "charge", "chargé", "attache", "consul", "emissary",
               "representative", "delegation", "staff", "mission", "embassy"}
FORCE_WORDS = {"troop", "troops", "soldier", "force", "forces", "peacekeeper", "peacekeepers", "contingent",
               "personnel", "inspector", "inspectors", "observer", "observers", "monitor", "monitors", "mercenary",
               "instructor", "adviser", "advisor", "military", "base"}
OWN = {"its", "their", "our", "his", "her", "my", "own"}


def _to_infinitives(tok) -> list:
    """The to-infinitives that complete the verb, on the verb or on its object ("gave the envoy 72 hours to
    leave": the parser hangs "to leave" on "hours")."""
    heads = [tok] + [c for c in tok.children if c.dep_ == "dobj"]
    return [x for h in heads for x in h.children if x.dep_ in ("xcomp", "ccomp", "advcl", "relcl", "acl") and
            any(a.lower_ == "to" and a.dep_ == "aux" for a in x.children)]


MISSION_WORDS = {"embassy", "consulate", "mission", "office", "legation", "representation", "bureau"}


def _expelled(tok) -> str | None:
    """"ordered the French ambassador to leave", "gave the envoy 72 hours to leave the country": the object
    sent away is an envoy ('envoy') or foreign forces ('forces'); one's own staff sent home is no expulsion.
    "ordered China to close its consulate": a mission closed ('mission')."""
    infs = _to_infinitives(tok)
    for x in infs:
        if x.lemma_.lower() in ("close", "shut") and any(
                c.dep_ == "dobj" and c.lemma_.lower() in MISSION_WORDS for c in x.children):
            return "mission"
    envoys = [c for c in tok.children if c.dep_ in ("dobj", "dative", "iobj") and (c.lemma_.lower() in ENVOY_WORDS or any(
        m.dep_ == "compound" and m.lemma_.lower() in ENVOY_WORDS for m in c.children))]
    for x in infs:  # "ordered all embassy staff in Bangkok to return home": a recall of one's envoys
        if envoys and x.lemma_.lower() in RETURN_VERBS and any(c.lower_ in ("home", "back") for c in x.children):
            return "recall"
    if not any(x.lemma_.lower() in LEAVE_VERBS for x in infs):
        return None
    for c in tok.children:
        if c.dep_ not in ("dobj", "dative", "iobj") or c.pos_ not in ("NOUN", "PROPN"):
            continue
        if any(p.dep_ == "poss" and p.lower_ in OWN for p in c.children) or \
                any(m.lower_ == "own" for m in c.children):
            return None
        lemma = c.lemma_.lower()
        if lemma in ENVOY_WORDS:
            return "envoy"
        if lemma in FORCE_WORDS:
            return "forces"
    return None


PROMISE_VERBS = word_set("events", "promise_verbs")
HOSTILE_TYPES = ("ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN")


def _promised_hostile(tok) -> bool:
    """The act promised is hostile ("pledged to get back the region from Guyana", "promised to impose sanctions"): a
    threat, not an agreement; "pledged not to attack" stays a promise."""
    for x in tok.children:
        if x.dep_ == "xcomp" and x.pos_ == "VERB" and not any(c.dep_ == "neg" for c in x.children) and any(
                a.lower_ == "to" and a.dep_ == "aux" for a in x.children):
            got = [m for m in match_verb(x) if not m.is_speech and m.event != "SAY"]
            return bool(got) and got[0].event in HOSTILE_TYPES
    return False


DECIDE_VERBS = word_set("events", "decide_verbs")


def _decided_sanction(tok) -> str | None:
    """"ECOWAS agreed to impose sanctions on Niger's military leaders", "the EU decided to freeze the assets": a body's
    decision to impose sanctions is the sanction (its CAMEO code); "agreed to lift sanctions" is none of it."""
    for x in tok.children:
        if x.dep_ == "xcomp" and x.pos_ == "VERB" and not any(c.dep_ == "neg" for c in x.children) and any(
                a.lower_ == "to" and a.dep_ == "aux" for a in x.children):
            got = [m for m in match_verb(x) if not m.is_speech and m.event != "SAY"]
            return got[0].cameo if got and got[0].event == "SANCTION" else None
    return None


def reread(d: Draft) -> None:
    """A sense of the trigger that is another event type."""
    tok, e = d.tok, d.entry
    if e.kind == "verb" and d.etype == "AGREE" and tok.lemma_.lower() in DECIDE_VERBS and \
            (code := _decided_sanction(tok)) is not None:
        d.retype("SANCTION", None, code)  # "agreed to impose sanctions on the junta": the sanction itself
    if e.kind == "verb" and d.etype == "AGREE" and tok.lemma_.lower() in PROMISE_VERBS and "intent" not in e.flags \
            and _promised_hostile(tok):
        d.retype("THREATEN", None, "130")  # "pledged to get back the region from Guyana": a threat
    if e.kind == "verb" and d.etype in ("SUPPORT", "AGREE") and tok.lemma_.lower() in PLAN_VERBS:
        plan = direct_object(tok)
        if plan is not None and plan.lemma_.lower() in PLAN_NOUNS and any(
                t.lemma_.lower() in FORCE_OPTIONS for t in plan.subtree if t is not plan):
            d.retype("THREATEN", None, "138")  # "approved plans for an offensive in Lebanon": a threat of force
    if e.kind == "verb" and d.etype == "SANCTION" and tok.lemma_.lower() in FINISH_VERBS and any(
            c.dep_ == "dobj" and c.lemma_.lower() in MEASURE_NOUNS for c in tok.children):
        d.retype("CONSULT", None, "040")  # "ended three days of talks": the talks took place
    if e.kind == "verb" and d.etype == "PROTEST" and tok.lemma_.lower() == "march" and armed_subject(tok) and any(
            c.dep_ == "prep" and c.lower_ in ("into", "on") for c in tok.children):
        d.retype("COERCE", "seize", "192")  # "rebels marched into Goma": an armed takeover, not a protest march
    if e.kind == "verb" and d.etype == "REQUEST" and tok.lemma_.lower() in ORDER_VERBS:
        sent = _expelled(tok)  # "ordered the ambassador to leave": an expulsion, not a request
        if sent is not None:
            d.retype("SANCTION", *{"envoy": ("expel", "166"), "forces": ("expel", "1661"),
                                   "mission": ("withdraw", "161"), "recall": ("withdraw", "161")}[sent])


FORCE_UNITS = word_set("events", "force_units")
MISSION_KINDS = word_set("events", "mission_kinds")


def _deployed_force(subj) -> bool:
    """The subject is a body of troops sent somewhere: "a contingent of the mission", "a security mission",
    "French troops" (a diplomatic or trade mission is a visit)."""
    heads = [subj] + [g for p in subj.children if p.dep_ == "prep" and p.lower_ == "of"
                      for g in p.children if g.dep_ == "pobj"]
    for h in heads:
        if h.lemma_.lower() in FORCE_UNITS or h.lower_ in FORCE_UNITS:
            return True
        if h.lemma_.lower() == "mission" and any(c.lower_ in MISSION_KINDS for c in h.subtree):
            return True
    return False


def _aid_on_board(tok) -> bool:
    """Aid goods are named in the clause of the flight or of a verb joined to it ("flew into Kabul carrying food",
    "flew into Islamabad and delivered 30,000 meals")."""
    goods = load_lexicon().classes.get("aid_goods", frozenset())
    heads = [tok] + list(tok.conjuncts)
    return any(t.lemma_.lower() in goods or t.lower_ in goods for h in heads for t in h.subtree
               if t.pos_ in ("NOUN", "PROPN"))


AID_CARRIERS = word_set("events", "aid_carriers")


def _aid_in_sentence(tok) -> bool:
    """Aid goods or an aid word are named anywhere in the sentence ("the World Food Program said its convoy of 308 trucks
    has arrived in Tigray")."""
    goods = load_lexicon().classes.get("aid_goods", frozenset()) | {"humanitarian", "aid", "relief"}
    return any(t.lemma_.lower() in goods or t.lower_ in goods for t in tok.sent if t.pos_ in ("NOUN", "PROPN", "ADJ"))


def visit_sense(d: Draft) -> bool:
    """A phrasal "visit" verb ("moved in", "went into"): peacekeepers going in is aid; forces, rebels,
    police or civilians going in is no visit (False: no event)."""
    tok, e = d.tok, d.entry
    if e.kind == "verb" and d.etype == "CONSULT" and d.mode == "visit":
        subj, _ = subject_token(tok)
        heads = [subj] + [g for p in subj.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                          if g.dep_ == "pobj"] if subj is not None else []
        if any(h.lemma_.lower() in AID_CARRIERS or h.lower_ in AID_CARRIERS for h in heads):
            # "a convoy of 308 trucks has arrived in Tigray": aid delivered when aid is named, else no visit
            if not _aid_in_sentence(tok):
                return False
            d.retype("AID", None, "073")
            return True
    if e.kind == "verb" and (d.etype == "CONSULT" and d.mode == "visit" or d.etype == "MOBILIZE" and e.prt):
        subj, _ = subject_token(tok)
        if subj is not None and (subj.lemma_.lower() in CRAFT_SUBJECTS or subj.lower_ in CRAFT_SUBJECTS):
            # "two C-17 aircraft flew into Kabul": no visit; with aid on board ("... and delivered 50,000 meals") the
            # aid is the event, else a deployment
            if _aid_on_board(tok):
                return False
            if d.etype == "CONSULT":
                if not d.recips or d.recip_codes() <= d.actor_codes():
                    return False
                d.retype("MOBILIZE", "troops", "150")
            return True
    if d.etype == "CONSULT" and d.mode == "visit" and e.kind == "verb" and e.prt:
        subj, _ = subject_token(tok)
        words = subj.subtree if subj is not None else []
        np_text = " ".join(t.lower_ for t in words)
        if "peacekeep" in np_text:
            d.retype("AID", None, "074")
        elif subj is not None and _deployed_force(subj) and d.recips and not d.recip_codes() <= d.actor_codes():
            d.retype("MOBILIZE", "troops", "150")  # "the first contingent of a Kenyan-led mission arrived in Haiti"
        elif any(a.sector in ("MIL", "REB", "COP", "CVL", "REF") for a in d.actors):
            return False
    return True
