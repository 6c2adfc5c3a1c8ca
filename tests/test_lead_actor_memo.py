"""ActorFinder keeps the matches of the last text it read, so the planner, the sentence coder and the
place finder share one look-up; a different text of the same length is looked up afresh."""

from __future__ import annotations

from dyadwatch.coding.coder import get_coder


def _codes(mentions) -> list[tuple[int, int, str]]:
    return [(m.start, m.end, m.code) for m in mentions]


def test_same_doc_twice_gives_the_same_mentions():
    coder = get_coder()
    doc = coder.nlp.make_doc("Japan protested to China on Monday after Russian jets flew near Hokkaido.")
    first = coder.finder.find(doc, "2024-05-01")
    again = coder.finder.find(doc, "2024-05-01")
    assert _codes(first) == _codes(again) and {"JPN", "CHN", "RUS"} <= {m.code for m in first}


def test_a_different_doc_of_the_same_length_is_read_afresh():
    coder = get_coder()
    a = coder.nlp.make_doc("Japan protested to China on Monday.")
    b = coder.nlp.make_doc("Kenya protested to Yemen on Monday.")
    assert len(a) == len(b)
    assert {m.code for m in coder.finder.find(a)} == {"JPN", "CHN"}
    assert {m.code for m in coder.finder.find(b)} == {"KEN", "YEM"}


def test_going_back_to_an_earlier_doc_reads_it_again():
    coder = get_coder()
    a = coder.nlp.make_doc("Japan protested to China on Monday.")
    b = coder.nlp.make_doc("Peru and Chile signed a fisheries accord in Lima.")
    first = _codes(coder.finder.find(a))
    coder.finder.find(b)
    assert _codes(coder.finder.find(a)) == first
    assert {m.code for m in coder.finder.find(a, "2024-05-01")} == {"JPN", "CHN"}  # another date, another key
