"""A mediator names the parties of the act it brokers: "brokered a ceasefire between Thailand and Cambodia" is
the mediator's consultation with each side AND the sides' own joint act, of the noun's type; shuttling between
delegations in talks is the delegations' (indirect) talks. A mediator's offer does no act. Sentences are ours."""

from __future__ import annotations

from coding_checks import triples


def test_brokered_ceasefire_is_the_parties_joint_act():
    got = triples("Qatar brokered a truce between Israel and Hamas late on Tuesday after weeks of shuttle diplomacy, "
                  "officials in Doha said.", date="2024-11-20")
    assert ("ISR", "PSE", "RETREAT") in got and ("PSE", "ISR", "RETREAT") in got
    assert ("QAT", "ISR", "CONSULT") in got


def test_mediated_swap_between_two_sides():
    got = triples("The United Arab Emirates mediated a prisoner swap between Russia and Ukraine on Friday, the "
                  "third this year.", date="2024-06-01")
    assert ("RUS", "UKR", "RETREAT") in got and ("UKR", "RUS", "RETREAT") in got


def test_exchange_of_prisoners_between_names_the_parties_of_the_mediation():
    got = triples("Saudi Arabia mediated an exchange of prisoners between Yemen's government and the Houthis, "
                  "and between Russia and Ukraine earlier in the year.", date="2024-06-01")
    assert any(a == "SAU" and t == "CONSULT" and r in ("YEM", "RUS", "UKR") for a, r, t in got)


def test_shuttling_between_delegations_in_talks_is_their_talks():
    got = triples("MUSCAT (Wire) - Oman's foreign minister shuttled between the Iranian and American delegations on "
                  "Sunday in a second round of indirect nuclear talks, both sides said.", date="2025-04-20")
    assert ("IRN", "USA", "CONSULT") in got and ("USA", "IRN", "CONSULT") in got


def test_an_offer_to_broker_a_deal_makes_no_deal():
    got = triples("Turkey offered on Monday to broker a deal between Russia and Ukraine on grain shipments.",
                  date="2024-06-01")
    assert ("RUS", "UKR", "AGREE") not in got and ("RUS", "UKR", "RETREAT") not in got


def test_a_mediator_is_no_party_of_the_deal():
    got = triples("Egypt brokered a ceasefire between Israel and Islamic Jihad on Sunday.", date="2023-05-14")
    assert not any(a == "EGY" and t == "RETREAT" for a, _, t in got)
    assert not any(r == "EGY" and t == "RETREAT" for _, r, t in got)
