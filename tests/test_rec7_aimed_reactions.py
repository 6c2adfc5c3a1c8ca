"""A condemnation or rejection that names no target is aimed where the acts beside it are aimed: the one party
the neighbouring sentences' reactions are aimed at, or the one doer of a provocation told next to it (a later
sentence too: a passage may tell the reaction first). Two parties, or none, leave it unnamed. Sentences are ours,
in wire shapes."""

from __future__ import annotations

from coding_checks import triples


def test_a_condemnation_before_the_call_on_its_target():
    text = ("The UN Secretary-General also condemned the launch on Thursday, saying he was gravely concerned.\n"
            "\"We call on the DPRK to halt its weapons programmes at once,\" said U.N. spokesman Farid Osei.")
    got = triples(text, date="2024-05-02")
    assert ("UNO", "PRK", "ACCUSE") in got
    assert ("UNO", None, "ACCUSE") not in got


def test_a_rejection_followed_by_a_protest_to_its_target():
    text = ("Islamabad rejects the baseless allegations, the foreign office spokesperson said at the weekly "
            "briefing. She said the government had also lodged a strong protest with India over the remarks.")
    got = triples(text, date="2024-05-02")
    assert ("PAK", "IND", "REJECT") in got


def test_a_condemnation_before_the_test_is_told():
    text = ("Tokyo swiftly condemned the test. North Korea fired two short-range ballistic missiles into the sea "
            "off its east coast on Wednesday morning, the defence ministry said.")
    got = triples(text, date="2024-05-02")
    assert ("JPN", "PRK", "ACCUSE") in got


def test_two_parties_beside_it_name_no_one():
    text = ("The bloc condemned the violence on Sunday. Police in Kenya arrested dozens of protesters, while "
            "Ugandan troops shelled positions in the border region.")
    got = triples(text, date="2024-05-02")
    assert not any(a == "IGO" and r in ("KEN", "UGA") and t == "ACCUSE" for a, r, t in got)


def test_a_reaction_alone_stays_unnamed():
    got = triples("The European Union on Monday condemned the coup in the strongest terms.", date="2024-05-02")
    assert not any(a == "EUR" and r not in (None, "EUR") and t == "ACCUSE" for a, r, t in got)


def test_the_own_actor_is_never_the_target_from_its_own_acts():
    text = ("Seoul condemned the move on Friday. South Korean troops fired warning shots near the border, the "
            "joint chiefs said.")
    got = triples(text, date="2024-05-02")
    assert ("KOR", "KOR", "ACCUSE") not in got


def test_a_concern_at_home_by_default_takes_the_aim_of_the_next_sentence():
    text = ("In a separate statement, Washington voiced similar concerns on Thursday. The State Department also "
            "accused Iran of stockpiling enriched uranium far beyond any civilian need.")
    got = triples(text, date="2024-05-02")
    assert ("USA", "IRN", "ACCUSE") in got
    assert ("USA", "USA", "ACCUSE") not in got


def test_a_named_own_target_is_kept():
    text = ("Kenyan opposition leader Raila Odinga accused the Kenyan government of rigging the vote. Ugandan "
            "troops shelled rebel positions near the border on Friday.")
    got = triples(text, date="2024-05-02")
    assert ("KEN", "KEN", "ACCUSE") in got
    assert ("KEN", "UGA", "ACCUSE") not in got
