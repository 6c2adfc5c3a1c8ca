"""One candidate trigger -> one Event (or none): the decisions in the order they apply. Each step is
a function of its own module, named for what it decides."""

from __future__ import annotations

from ..events import Event
from . import inverse, joint, mediation, reinterpret, senses, state_acts, targets
from .agents import actor_from_place, giver_as_actor, subject
from .clause_modality import decide_modality, willing_intent
from .intent import intent_type
from .nominal import noun_args
from .recipients import find_recipients
from .scope import Cand, Draft, Scope
from .speech import reported_speech
from .triggers import SPEECH


def assemble(c: Cand, sc: Scope) -> Event | None:
    e = c.entry
    d = Draft(c, e.event, e.mode, e.cameo)
    if senses.wrong_sense(d, sc):
        return None
    senses.reread(d)
    # who acts, who is acted on, as the grammar says
    if e.kind == "verb":
        d.actors, d.how = subject(c.tok, sc)
        d.recips, d.recip_slot = find_recipients(c.tok, e, sc, d.actors)
        mediation.mediated_parties(d, sc)  # "a deal brokered by China": China and the deal's parties
    else:
        d.actors, d.recips, d.how, d.recip_slot = noun_args(c.tok, e, sc)
        inverse.acquired(d, sc)  # "won support from the EU": the EU supports the winner
    if not giver_as_actor(d, sc):  # "received weapons from the US": the giver acts
        return None
    inverse.act_receiver(d, sc)  # "the U.S. approval ... drew a threat from Beijing": at the approval's doer
    actor_from_place(d, sc)
    state_acts.state_doer(d, sc)  # "the opposition leader was arrested": the state of the story
    joint.each_the_other(d, sc)  # "..., each side accusing the other": the parties of the joint act
    if not d.actors:
        return None
    if not intent_type(d, sc):  # "vowed to retaliate": the type of the embedded act
        return None
    joint.reciprocal(d)
    willing_intent(d)
    reinterpret.minorities(d, sc)
    targets.default_recipients(d, sc)
    if reinterpret.mere_caution(d, sc):  # "warned that it could be false hope": no threat
        return None
    decide_modality(d)
    reinterpret.claimed_right(d)  # "has the right to shoot down ...": a threat, not an attack
    sp, replaced = reported_speech(d, sc)
    if replaced is not None:
        return replaced
    if d.etype in (SPEECH, "DENY"):
        return None
    reinterpret.state_order(d)
    joint.joint_exercise(d)
    reinterpret.by_the_doer(d, sc)
    reinterpret.test_or_block(d)
    if not senses.visit_sense(d):
        return None
    if not reinterpret.received_message(d, sc):  # "received a letter from Kim": the sender's message
        return None
    reinterpret.conditional_threat(d, sc, spoken=sp is not None)
    targets.other_party(d, sc)
    joint.symmetric(d, sc)
    joint.talks_both_ways(d, sc)
    joint.alone(d)
    if not targets.clean_recipients(d, sc):
        return None
    ev = sc.make(c.tok, e, d.etype, d.mode, d.cameo, d.actors, d.recips, d.modality, d.how)
    if d.reciprocal:
        sc.joint.add(id(ev))
    return ev
