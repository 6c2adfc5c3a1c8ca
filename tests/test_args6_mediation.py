"""Brokers are third parties: they deal with each side of the act they broker, never with each other or with the
venue, and are never the target of the act brokered; an exchange between two sides goes both ways. Sentences are
ours."""

from __future__ import annotations

from coding_checks import triples


def test_an_exchange_mediated_by_a_third_party():
    got = triples("Colombia and Venezuela completed a prisoner swap on Sunday, each freeing 20 detainees in an "
                  "exchange mediated by Brazil.")
    assert ("BRA", "COL", "CONSULT") in got and ("BRA", "VEN", "CONSULT") in got
    assert ("COL", "VEN", "RETREAT") in got and ("VEN", "COL", "RETREAT") in got
    assert not any(r == "BRA" and t == "RETREAT" for _, r, t in got)


def test_brokers_of_talks_do_not_talk_with_each_other_or_the_venue():
    got = triples("The negotiations in Geneva were brokered by Egypt, which backs the government, and Qatar and "
                  "Turkey, allies of the opposition.")
    assert not any(t == "CONSULT" and {a, r} <= {"EGY", "QAT", "TUR", "CHE"} for a, r, t in got)


def test_talks_held_between_two_sides_still_go_both_ways():
    got = triples("Armenia and Azerbaijan held talks in Geneva on Monday.")
    assert ("ARM", "AZE", "CONSULT") in got and ("AZE", "ARM", "CONSULT") in got
