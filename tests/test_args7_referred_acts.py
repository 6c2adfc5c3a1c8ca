"""A reaction to an act named by a noun is aimed at that act's doer: its by-phrase ("protested the detention of
its fishermen by North Korea"), or the doer of the act it refers back to ("vowed to respond to the strikes").
Sentences are ours, in wire shapes."""

from __future__ import annotations

from coding_checks import triples


def test_the_by_phrase_of_the_act_object_names_the_target_not_the_victims():
    got = triples("Seoul on Monday protested the seizure of its fishing boats by North Korean patrol vessels and "
                  "demanded their immediate return.")
    assert ("KOR", "PRK", "ACCUSE") in got
    assert ("KOR", "KOR", "ACCUSE") not in got


def test_the_by_phrase_on_a_participle_of_the_act():
    got = triples("Tehran rejected on Thursday a resolution adopted by the IAEA board of governors that censured "
                  "it for failing to cooperate with inspectors.")
    assert any(a == "IRN" and r == "IAEA" and t == "REJECT" for a, r, t in got)


def test_the_by_agent_of_a_passive_reaction_is_its_actor_not_the_target():
    text = ("North Korean patrol boats seized two South Korean fishing boats on Sunday. The seizure of the boats "
            "was condemned by Seoul on Monday.")
    got = triples(text)
    assert ("KOR", "PRK", "ACCUSE") in got
    assert not any(r == "KOR" and t == "ACCUSE" for _, r, t in got)


def test_vowing_to_respond_to_strikes_threatens_their_doer():
    text = ("Israeli warplanes struck several villages in southern Lebanon overnight, the army said. Hezbollah "
            "vowed on Wednesday to respond to the strikes.")
    got = triples(text, date="2024-08-01")
    assert any(r == "ISR" and t == "THREATEN" for _, r, t in got)
    assert not any(a == r == "LBN" and t == "THREATEN" for a, r, t in got)


def test_a_promised_response_to_the_attack():
    text = ("Russian drones hit an energy facility in the Odesa region before dawn on Friday. Kyiv promised a "
            "swift response to the attack, the president's office said.")
    got = triples(text, date="2024-08-01")
    assert ("UKR", "RUS", "THREATEN") in got


def test_responding_to_questions_is_no_threat():
    got = triples("The defence minister vowed to respond to the questions of lawmakers next week.", date="2024-08-01")
    assert not any(t == "THREATEN" for _, _, t in got)
