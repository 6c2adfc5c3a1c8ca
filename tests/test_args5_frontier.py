"""Fire across a front line and closed frontiers: who did it and to whom, when the sentence says it sideways.

- "were killed and 11 others injured in heavy shelling and firing by <forces>": the attack's own by-phrase names
  the attacker, also when the parser hangs it on a second participle or on a coordinated attack noun;
- police or border guards who shell with no one named have not shelled their own country; a state's forces
  firing battlefield munitions at no one named fire at the other country the article is about;
- a closed border or crossing is a closure also when no neighbour is named ("closed 6 crossings", "ordered the
  main crossing closed"); a simple past hung on a subjectless infinitive ("ordered communications to be cut
  ... and closed the border") has the subject of the verb above;
- "lashed out at X for closing the border": X closed it.

Sentences are ours."""

from __future__ import annotations

import pytest
from coding_checks import triples


def of_type(text: str, etype: str) -> set[tuple]:
    return {(a, r) for a, r, t in triples(text) if t == etype}


@pytest.mark.parametrize("text, pair", [
    (("Three Indian border guards were killed and 9 others, including 4 villagers, injured on Monday in heavy "
      "shelling and firing by Pakistani Rangers in the Samba sector."), ("PAK", "IND")),
    ("Two Afghan soldiers were killed in intense mortar fire by Pakistani troops near the Chaman crossing.",
     ("PAK", "AFG")),
])
def test_the_attack_nouns_by_phrase_names_the_attacker(text, pair):
    got = of_type(text, "ASSAULT")
    assert pair in got
    assert (pair[1], pair[1]) not in got  # never the victims attacking themselves


def test_border_guards_shelling_is_not_at_home():
    got = triples("In the evening a few mortar shells were fired by Pakistani Rangers in the Kathua area.")
    assert ("PAK", "PAK", "ASSAULT") not in got


def test_forces_firing_munitions_fire_at_the_other_side_of_the_story():
    text = ("India accused Pakistan of breaking the truce along the frontier. Pakistani troops fired mortar shells "
            "for two hours on Sunday night, officials said.")
    assert ("PAK", "IND", "ASSAULT") in triples(text)


def test_a_missile_fired_at_no_one_is_still_no_attack():
    got = triples("South Korea said it was on alert. North Korea fired two ballistic missiles on Sunday morning.")
    assert not any(t == "ASSAULT" and a == "PRK" for a, _, t in got)


@pytest.mark.parametrize("text, pair", [
    (("President Nicolas Maduro ordered the main crossing in Venezuela's largest state closed on Monday night as "
      "part of a crackdown on smuggling."), ("VEN", None)),
    ("Venezuela has closed 4 more crossings and deported about 900 Colombians in the last week",
     ("VEN", "COL")),
    (("Maduro closed the border between Zulia and La Guajira after two Venezuelan soldiers were shot at by "
      "smugglers."), ("VEN", None)),
])
def test_a_closed_frontier_with_no_neighbour_named_is_still_a_closure(text, pair):
    got = of_type(text, "SANCTION")
    assert got and all(a == pair[0] for a, _ in got)
    if pair[1] is not None:
        assert pair in got


def test_a_closed_embassy_still_needs_a_host():
    assert not of_type("The ministry said it closed the embassy on Friday.", "SANCTION")


@pytest.mark.parametrize("text", [
    ("The convoy turned back on Saturday, hours after Venezuelan President Nicolas Maduro ordered phone "
     "lines to be cut off with the nearby islands and closed the border with Brazil, to stop the aid."),
    ("The move came on Friday night, hours after Venezuelan President Nicolas Maduro ordered communications to be "
     "shut off with the islands of the Dutch Caribbean and closed the border with Brazil."),
])
def test_a_simple_past_after_a_subjectless_infinitive_has_the_main_subject(text):
    # who closed what to whom (the modality of an act under "ordered" is another rule's)
    got = triples(text, asserted=False)
    assert ("VEN", "BRA", "SANCTION") in got
    assert ("VEN", "BRA", "REQUEST") not in got  # the order was not given to Brazil


def test_lashing_out_at_someone_for_closing_names_the_closer():
    got = triples("Brazilian officials have lashed out at Venezuela for closing the border, citing a crisis.")
    assert ("BRA", "VEN", "ACCUSE") in got
    assert not any(t == "SANCTION" and a == "BRA" for a, _, t in got)
