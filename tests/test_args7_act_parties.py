"""Recipients the act's own phrase names: the parties "between" which a reacted-to act is held ("criticised a
series of joint exercises between the U.S. and South Korea"), a passive's prepositional target hung on its agent
("sanctions were imposed by ECOWAS on Mali"), and the place the doers are in for their unnamed victims
("peacekeepers in Somalia killed six children"). Sentences are ours."""

from __future__ import annotations

from coding_checks import triples


def test_criticising_drills_between_two_states_accuses_both():
    got = triples("Pyongyang on Tuesday criticised a new round of joint air drills between the United States and "
                  "Japan, calling them a rehearsal for invasion.", date="2024-03-05")
    assert ("PRK", "USA", "ACCUSE") in got and ("PRK", "JPN", "ACCUSE") in got


def test_rejecting_a_deal_between_others():
    got = triples("Israel rejected the emerging deal between Iran and the European powers on Monday.",
                  date="2024-03-05")
    assert ("ISR", "IRN", "REJECT") in got


def test_a_passive_with_its_target_on_the_agent():
    got = triples("Fresh sanctions were imposed by the European Union on Belarus and Iran on Monday.",
                  date="2024-03-05")
    assert ("EUR", "BLR", "SANCTION") in got and ("EUR", "IRN", "SANCTION") in got


def test_victims_of_forces_abroad_are_of_the_place_they_are_in():
    got = triples("Russian troops in Syria killed 12 civilians in an airstrike on the outskirts of a village, "
                  "monitors said.", date="2024-03-05")
    assert ("RUS", "SYR", "ASSAULT") in got
    assert ("RUS", "RUS", "ASSAULT") not in got


def test_police_at_home_keep_their_own_country():
    got = triples("Police in Lagos arrested 40 protesters on Monday.", date="2024-03-05")
    assert ("NGA", "NGA", "COERCE") in got


def test_allowing_inspectors_in_concedes_to_their_organisation():
    # the parser makes "UN inspectors" the subject of "to visit"; the one allowed is the verb's object
    got = triples("Iran allowed UN inspectors to visit the Fordow enrichment site on Saturday, state media said.",
                  date="2024-03-05")
    assert ("IRN", "UNO", "CONCEDE") in got
    assert ("IRN", "IRN", "CONCEDE") not in got
