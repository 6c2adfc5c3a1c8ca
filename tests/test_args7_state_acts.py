"""Acts only a state does, told in the passive with no doer, are the state's of the story ("a curfew has been
announced in the capital"); acts anyone can do keep no actor. Sentences are ours, in wire shapes."""

from __future__ import annotations

from coding_checks import triples

from dyadwatch.coding import code_text


def test_curfew_announced_in_the_capital_is_the_state_of_the_story():
    text = ("Thousands of students clashed with police in Dhaka on Monday over job quotas. A curfew has been "
            "announced in the capital, officials said, and troops were deployed at major junctions.")
    got = [e for e in code_text(text, date="2024-07-19") if e.event == "COERCE" and e.trigger == "announced"]
    assert got and got[0].actor[0].code == "BGD" and got[0].actor[0].sector == "GOV"
    assert got[0].recipient and got[0].recipient[0].code == "BGD"


def test_opposition_leader_arrested_is_the_police_of_the_story():
    text = ("Police in Kampala fired tear gas at supporters of the opposition on Monday. The opposition leader was "
            "arrested on Tuesday as he tried to leave his home, his lawyer said.")
    got = [e for e in code_text(text, date="2024-01-09") if e.trigger == "arrested"]
    assert got and got[0].event == "COERCE"
    assert (got[0].actor[0].code, got[0].actor[0].sector) == ("UGA", "COP")
    assert got[0].recipient and got[0].recipient[0].code == "UGA"


def test_internet_suspended_is_a_restriction_at_home():
    text = ("Protests over the disputed election spread to five provinces of Iran on Saturday. Mobile internet "
            "access has been suspended across the country, residents said.")
    got = [e for e in code_text(text, date="2024-01-09") if e.trigger == "suspended"]
    assert got and got[0].event == "COERCE" and got[0].actor[0].code == "IRN"


def test_the_reporting_side_is_not_the_arresting_state():
    # the one country named outside the act's clause is who reports it, not who arrested
    text = ("Thousands rallied in Tbilisi on Sunday against the foreign agents law. A prominent journalist was "
            "detained overnight, "
            "a spokesman for the U.S. embassy said.")
    got = [e for e in code_text(text, date="2024-05-12") if e.trigger == "detained"]
    assert got and got[0].actor[0].code == "GEO"


def test_a_foreigner_arrested_is_not_his_countrys_act():
    text = ("Police broke up a demonstration in Minsk on Saturday. A Polish journalist was arrested after the "
            "rally, his employer said.")
    got = [e for e in code_text(text, date="2024-05-12") if e.trigger == "arrested"]
    assert got and got[0].actor[0].code == "BLR"
    assert any(r.code == "POL" for r in got[0].recipient)


def test_a_bomb_that_exploded_has_no_state_doer():
    text = ("Police in Peshawar cordoned off a market on Friday. A bomb exploded near a mosque, killing six "
            "people, and a tanker was seized on the highway outside the city.")
    got = [e for e in code_text(text, date="2024-03-01") if e.trigger in ("exploded", "killing", "seized")]
    assert not any(a.code == "PAK" for e in got for a in e.actor)


def test_arrest_by_a_named_doer_keeps_it():
    text = ("Fighting went on in eastern Congo on Monday. Two aid workers were abducted by M23 rebels near Goma.")
    got = triples(text, date="2024-03-01")
    assert not any(a == "COD" and t == "COERCE" and r == "COD" for a, r, t in got if t == "COERCE")
