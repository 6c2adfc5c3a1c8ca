"""ActorFinder.find_and_locations: one resolution of a text's matches gives exactly the lists `find` and
`locations` give (the planner reads both, the prefilter needs the places named only as where)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dyadwatch.coding.coder import get_coder

PIECES = [
    "Gunmen attacked a police post near Jalalabad on Tuesday, officials said.",
    "Pakistan denied any role, and Kabul accused Islamabad of sheltering the attackers.",
    "The North fired two missiles, Seoul said.",
    "Talks in Doha between the two sides ended without a deal; the kingdom urged calm.",
    "A bomb exploded in a market in Kandahar,killing three people.",
    "Nice police arrested a man in Nice after the mayor of Paris spoke in Lagos.",
    "President Tinubu met the Foreign Office delegation in Abuja on Monday.",
    "Jordan on Wednesday denounced the raid in Jenin, and Amman recalled its envoy from Tel Aviv.",
    "the moon government said nothing in geneva .",
]


def _key(ms):
    return [(m.start, m.end, m.code, m.sector, m.kind, m.text, m.office, m.needs_context, m.ambiguous,
             getattr(m.place, "country", None), m.readings) for m in ms]


def _check(text: str, date: str | None, seen: set[str] | None) -> None:
    coder = get_coder()
    doc = coder.split(text)
    found, where = coder.finder.find_and_locations(doc, date, seen)
    assert _key(found) == _key(coder.finder.find(doc, date, seen))
    assert _key(where) == _key(coder.finder.locations(doc, date, seen))


def test_places_named_as_where_are_in_locations_only():
    text = PIECES[0] + " " + PIECES[4]
    found, where = get_coder().finder.find_and_locations(get_coder().split(text), "2021-05-04")
    assert {m.text for m in where} >= {"Jalalabad", "Kandahar"}
    assert not {m.text for m in found} & {"Jalalabad", "Kandahar"}


def test_a_context_alias_after_a_place_named_as_where():
    for date in ("2021-05-04", None):
        _check(PIECES[2] + " " + PIECES[3], date, None)
        _check(PIECES[3] + " " + PIECES[2], date, {"KOR"})


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=5),
       st.sampled_from(["2021-05-04", "2008-03-01", None]),
       st.sampled_from([None, set(), {"PRK"}, {"SAU", "NGA"}, {"JOR", "GBR"}]))
def test_same_lists_as_find_and_locations(pieces, date, seen):
    _check(" ".join(pieces), date, seen)
