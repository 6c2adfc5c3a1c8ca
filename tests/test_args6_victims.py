"""Victims named in a result participle ("..., wounding four children") are where the act they result from was
aimed, not of the attacker's country; the article's other country is counted one way for every default target.
Sentences are ours."""

from __future__ import annotations

from coding_checks import triples


def test_victims_of_fire_into_another_country():
    got = triples("Indian troops fired into the Pakistan-administered part of the disputed region on Tuesday, "
                  "wounding four children, the army said.")
    assert ("IND", "PAK", "ASSAULT") in got
    assert ("IND", "IND", "ASSAULT") not in got


def test_victims_at_home_stay_at_home():
    got = triples("Police in Nairobi fired tear gas at demonstrators in the city centre, injuring dozens of people.")
    assert any(a == "KEN" and r == "KEN" for a, r, _ in got)


def test_front_line_fire_at_the_country_the_article_is_about():
    text = ("Pakistan said on Monday that Indian shelling had killed two villagers. Pakistani officials said the "
            "firing went on for hours. A few mortar shells were fired by the Indian army overnight.")
    assert ("IND", "PAK", "ASSAULT") in triples(text)
