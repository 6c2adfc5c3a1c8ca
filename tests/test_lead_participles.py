"""A participle with no subject of its own, of the same type as its main verb, is the same act
('marched to the embassy, chanting slogans' is one protest, by the marchers)."""

from __future__ import annotations

from coding_checks import triples


def test_same_type_participle_is_the_main_act():
    got = triples("Hundreds of students marched to the U.S. embassy in Seoul on Friday, chanting slogans.")
    assert got and all(a == "KOR" for a, _, _ in got), got


def test_participle_of_another_type_stays_its_own_event():
    got = triples("Protesters rallied outside parliament in Tbilisi, denouncing the foreign agents law.")
    assert ("GEO", "GEO", "PROTEST") in got
    assert any(t == "ACCUSE" for _, _, t in got), got


def test_participle_with_its_own_subject_is_not_folded():
    got = triples("Russian troops shelled Kharkiv overnight, Ukrainian forces shelling Belgorod in return.")
    assert ("RUS", "UKR", "ASSAULT") in got, got
