"""An act told by its object noun ("stepped up its attacks in Kenya") is aimed where the object places it, not at
the place of a fronted circumstance ("Under pressure in Somalia, ..."). Sentences are ours, in wire shapes."""

from __future__ import annotations

from coding_checks import triples


def test_the_objects_place_beats_a_fronted_circumstance():
    got = triples("Under heavy pressure in Somalia, al-Shabaab has stepped up its attacks in neighbouring Kenya, "
                  "officials said.", date="2024-05-02")
    assert any(r == "KEN" and t == "ASSAULT" for _, r, t in got)
    assert not any(r == "SOM" and t == "ASSAULT" for _, r, t in got)


def test_a_measure_of_shelling_placed_in_a_country():
    got = triples("After the summit in Brussels, Russia stepped up its shelling in eastern Ukraine, the governor "
                  "said.", date="2024-05-02")
    assert ("RUS", "UKR", "ASSAULT") in got
    assert not any(r == "BEL" for _, r, _ in got)


def test_an_object_that_is_no_act_keeps_the_clauses_place():
    got = triples("Police in Kenya arrested dozens of protesters in Nairobi on Friday.", date="2024-05-02")
    assert any(r == "KEN" and t == "COERCE" for _, r, t in got)
