"""An act told in an "after" clause ("hours after X did Y", "a day after ...", "after X did Y") is news
reported as fact: it is coded beside the main act, with its own doer and target. A clause that names no
doer ("after a state of emergency was declared") adds nothing. The act reacted to is never the reaction
itself, and a thing endorsed is its owner's. Sentences are ours."""

from __future__ import annotations

import pytest
from test_coding_arguments import triples


@pytest.mark.parametrize("text, main, before", [
    (("Turkey recalled its ambassador from Tel Aviv on Saturday, hours after Israel struck a school in Gaza "
     "that was sheltering displaced families."), ("TUR", "ISR", "SANCTION"), ("ISR", "PSE", "ASSAULT")),
    (("Kenya summoned the Ugandan envoy on Friday, a day after Uganda's army chief threatened on social media "
     "to capture Nairobi within two weeks."), ("KEN", "UGA", "ACCUSE"), ("UGA", "KEN", "THREATEN")),
    (("Manila lodged a diplomatic protest with Beijing after Chinese coast guard ships fired water cannon at a "
     "Philippine supply boat near the shoal."), ("PHL", "CHN", "ACCUSE"), ("CHN", "PHL", "ASSAULT")),
    (("Russia expelled two Estonian diplomats on Friday, days after Estonia expelled a Russian diplomat for "
     "activities incompatible with his status."), ("RUS", "EST", "SANCTION"), ("EST", "RUS", "SANCTION")),
])
def test_an_after_clause_reports_an_act(text, main, before):
    got = triples(text)
    assert main in got and before in got, got


def test_the_thing_endorsed_is_its_owners_not_the_reactors():
    got = triples("Algeria recalled its envoy to Madrid on Saturday after Spain endorsed Morocco's autonomy plan "
                  "for Western Sahara, the foreign ministry in Algiers said.")
    assert ("ESP", "MAR", "SUPPORT") in got, got
    assert ("ESP", "DZA", "SUPPORT") not in got, got


def test_an_after_clause_without_a_doer_adds_nothing():
    got = triples("France cancelled a planned ministerial visit to Chad on Sunday after a state of emergency "
                  "was declared in the capital.")
    assert {a for a, _r, _t in got} <= {"FRA"}, got


@pytest.mark.parametrize("text, outsider", [
    # a country named in another act's background clause is not this act's target
    (("Police fired tear gas at thousands of Georgians protesting outside parliament on Saturday, after the "
     "prime minister put the country's European Union accession talks on hold."), "EUR"),
    # the outlet that reports is no party
    (("Afghan rebels blew up two power lines leading into Kabul last month, the Czechoslovak news agency "
     "reported today."), "CZE"),
])
def test_no_target_from_another_acts_background_or_from_the_press(text, outsider):
    got = triples(text)
    assert not any(r == outsider for _a, r, _t in got), got
