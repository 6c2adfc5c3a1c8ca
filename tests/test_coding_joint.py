"""Joint acts: one event per ordered pair of parties, never a party on both sides, lists of any
punctuation, symmetric verbs with their other party as object, hosts and visitors. Sentences are our
own, in wire and analysis shapes."""

from __future__ import annotations

from collections import Counter
from itertools import permutations

import pytest

from dyadwatch.coding import code_text
from dyadwatch.coding.joint import _pairs, joint_id
from dyadwatch.events import Actor, Event


def pairs(text: str, etype: str, modality: str = "asserted") -> Counter:
    """(actor, recipient) of the coded events of one type, one event record per pair."""
    out: Counter = Counter()
    for e in code_text(text, date="2024-05-10"):
        if e.event == etype and e.modality == modality:
            assert len(e.actor) == 1 and len(e.recipient) == 1, e
            out[(e.actor[0].code, e.recipient[0].code)] += 1
    return out


def all_pairs(*codes: str) -> Counter:
    return Counter(permutations(codes, 2))


@pytest.mark.parametrize("text, etype, codes", [
    # symmetric verb with the other party as object or "with" phrase
    (("Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Addis Ababa on Tuesday to "
     "discuss border security, his office said in a statement."), "CONSULT", ("KEN", "ETH")),
    (("Vietnam signed a free trade agreement with the European Union on Sunday after nine years of "
     "negotiations that were repeatedly stalled over labour rules."), "SUPPORT", ("VNM", "EUR")),
    (("Greek and Turkish officials held talks in Athens on Tuesday, the first such meeting in more than a "
     "year, as the two NATO allies try to calm tensions in the Aegean."), "CONSULT", ("GRC", "TUR")),
    # hosts and the received
    (("Japanese Prime Minister Fumio Kishida hosted Indian Prime Minister Narendra Modi in Tokyo on "
     "Saturday."), "CONSULT", ("JPN", "IND")),
    (("Iran's foreign minister was received by Saudi Crown Prince Mohammed bin Salman in Jeddah on "
     "Wednesday, state media in both countries reported."), "CONSULT", ("IRN", "SAU")),
    # lists: serial comma, no serial comma, "as well as"
    (("Foreign ministers of Brazil, Argentina, and Chile met in Santiago on Thursday to coordinate their "
     "response to the crisis, officials said."), "CONSULT", ("BRA", "ARG", "CHL")),
    ("Representatives of Egypt, Qatar and the United States held talks in Cairo on Monday.", "CONSULT",
     ("EGY", "QAT", "USA")),
    ("Japan, as well as South Korea, signed the accord with the United States on Monday.", "SUPPORT",
     ("JPN", "KOR", "USA")),
])
def test_joint_act_is_every_ordered_pair(text, etype, codes):
    assert pairs(text, etype) == all_pairs(*codes)


def test_parties_of_one_country_give_one_domestic_event():
    got = pairs("Sudan's army and the Rapid Support Forces clashed again in Khartoum on Friday, residents "
                "said, as the war entered its second year.", "ASSAULT")
    assert got == Counter({("SDN", "SDN"): 1})


def test_negated_joint_act_is_negated_for_every_pair():
    text = "Serbia and Kosovo did not sign the agreement in Brussels on Monday, the EU's envoy said."
    assert pairs(text, "SUPPORT") == Counter()
    assert pairs(text, "SUPPORT", "negated") == all_pairs("SRB", "XKX")


def test_compound_actor_of_a_one_way_act_stays_one_record():
    evs = [e for e in code_text("The United States and Britain imposed new sanctions on Iran on Thursday over "
                                "its drone deliveries to Russia.", date="2024-05-10") if e.event == "SANCTION"]
    assert len(evs) == 1
    assert {a.code for a in evs[0].actor} == {"USA", "GBR"}
    assert [r.code for r in evs[0].recipient] == ["IRN"]


def test_domestic_arrest_keeps_its_country_on_both_sides():
    assert pairs("Police in Belarus arrested dozens of protesters in Minsk on Sunday.", "COERCE") == \
        Counter({("BLR", "BLR"): 1})


def test_pairs_share_a_joint_id_and_nothing_else_does():
    evs = code_text("Chilean and Peruvian negotiators met in Lima on Friday. Peru expelled a Chilean diplomat "
                    "on Saturday.", date="2024-05-10")
    consult = [e for e in evs if e.event == "CONSULT"]
    assert len(consult) == 2 and len({e.id for e in consult}) == 2
    gid = {joint_id(e) for e in consult}
    assert len(gid) == 1
    if "joint_id" in Event.__dataclass_fields__:
        assert {e.joint_id for e in consult} == gid
        assert all(e.joint_id is None for e in evs if e.event != "CONSULT")


def _actor(code: str, start: int) -> Actor:
    return Actor(code, None, code, start, start + 3)


def test_pairs_property_never_a_party_on_both_sides():
    from hypothesis import given
    from hypothesis import strategies as st

    @given(st.lists(st.sampled_from(["USA", "RUS", "CHN", "IND", "FRA"]), min_size=2, max_size=6))
    def check(codes):
        parties = [_actor(c, 10 * i) for i, c in enumerate(codes)]
        got = _pairs(parties)
        keys = [(a.code, b.code) for a, b in got]
        assert len(keys) == len(set(keys))  # one event per (actor, recipient)
        assert all(a is not b for a, b in got)
        distinct = set(codes)
        expected = {(x, y) for x in distinct for y in distinct if x != y}
        expected |= {(x, x) for x in distinct if codes.count(x) > 1}
        assert set(keys) == expected

    check()


def mediators(text: str) -> dict[str, set[str]]:
    """Third-party consultations: mediator code -> recipient codes."""
    out: dict[str, set[str]] = {}
    for e in code_text(text, date="2024-05-10"):
        if e.event == "CONSULT" and e.mode == "third-party" and e.modality == "asserted":
            for a in e.actor:
                out.setdefault(a.code, set()).update(r.code for r in e.recipient)
    return out


@pytest.mark.parametrize("text, mediator, parties", [
    # a participle with a by-agent on the noun of a clause's act
    (("Armenia and Azerbaijan agreed on Thursday to open two border crossings, in an arrangement brokered by "
      "Russia after months of stalled contacts, the two foreign ministries said."), "RUS", {"ARM", "AZE"}),
    (("Ethiopia and Eritrea exchanged dozens of prisoners at a border post on Monday in a swap mediated by "
      "Saudi Arabia, officials on both sides confirmed."), "SAU", {"ETH", "ERI"}),
    # on a nominal joint act, with commas and a long agent
    (("The truce between Colombia and Venezuela, brokered by the government of Brazil late last month, has "
      "largely held along the border despite sporadic incidents."), "BRA", {"COL", "VEN"}),
    (("Talks between Serbia and Kosovo, hosted by Austrian Chancellor Karl Nehammer in Vienna, ended on "
      "Friday without a joint statement."), "AUT", {"SRB", "XKX"}),
])
def test_mediator_of_an_act_consults_its_parties(text, mediator, parties):
    got = mediators(text)
    assert got.get(mediator, set()) >= parties - {"XKX"} and mediator not in got.get(mediator, set())


def test_broker_is_not_a_party_of_the_agreement():
    got = pairs("Israel and Hamas agreed to a truce brokered by Egypt and Qatar on Sunday, officials said.",
                "AGREE")
    assert got.get(("ISR", "PSE")) and not any("EGY" in p or "QAT" in p for p in got)


def test_described_visit_hosted_by_is_no_mediation():
    # a visit hosted by someone is the host and the visitor meeting, not a third party
    assert not mediators("The visit, hosted by Kenyan President William Ruto, lasted two days.")


@pytest.mark.parametrize("text, codes", [
    # "each ... the other" after a joint act of the same sentence
    (("Thai and Cambodian soldiers traded artillery fire along the disputed frontier for a third day on "
      "Saturday, each side accusing the other of firing first, army spokesmen said."), ("THA", "KHM")),
    # after a nominal joint act, in a with-clause
    (("Fighting between Armenian and Azerbaijani troops near the border left at least a dozen dead overnight, "
      "with each government blaming the other for the escalation."), ("ARM", "AZE")),
    # the parties come from the sentence before
    (("Ethiopian and Eritrean forces clashed near Badme on Sunday. Fighting flared again on Monday, with each "
      "side blaming the other for breaking the truce."), ("ETH", "ERI")),
])
def test_each_accusing_the_other_is_a_joint_accusation(text, codes):
    assert pairs(text, "ACCUSE") == all_pairs(*codes)


def test_each_the_other_without_parties_is_nothing():
    assert not pairs("The talks went on, with each side blaming the other for the delay.", "ACCUSE")


@pytest.mark.parametrize("text, codes", [
    # talks named as the occasion of another act took place, both ways
    (("Prime Minister Narendra Modi, speaking after talks with his visiting Nepali counterpart in New Delhi, "
      "praised Kathmandu's cooperation on hydropower."), ("IND", "NPL")),
    # inside an agreement's content and under a negated infinitive: the talks still happened
    (("Serbia and Croatia agreed on Friday not to close their border crossings, after face-to-face talks "
      "between their interior ministers in Zagreb."), ("SRB", "HRV")),
    (("Oman and Yemen agreed to reopen two border posts on Sunday following talks at the Arab League's "
      "headquarters in Cairo."), ("OMN", "YEM")),
])
def test_talks_as_occasion_are_a_consultation(text, codes):
    assert pairs(text, "CONSULT") == all_pairs(*codes)


def test_place_of_the_talks_is_no_recipient_of_the_agreement():
    got = pairs(("Oman and Yemen agreed to reopen two border posts on Sunday following talks at the Arab "
                 "League's headquarters in Cairo."), "AGREE")
    assert got == all_pairs("OMN", "YEM")


def test_second_party_hung_on_a_name_in_apposition():
    text = ("Kenya's foreign minister Musalia Mudavadi and his Tanzanian counterpart January Makamba met "
            "Ethiopian officials in Addis Ababa on Monday to discuss the Sudan crisis.")
    got = pairs(text, "CONSULT")
    assert {("KEN", "ETH"), ("TZA", "ETH"), ("ETH", "KEN"), ("ETH", "TZA")} <= set(got)
