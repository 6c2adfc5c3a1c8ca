"""Self dyads and other misread arguments: a claimed right is no act done, a participle after a noun has
no doer, a relational noun ("its allies") is never its possessor, a mixed recipient list never keeps
the actor itself, a content clause about the actor's own act names no target, a verb joined to a
copula inside a reported clause belongs to the speaker. Sentences are our own, in wire shapes."""

from __future__ import annotations

import pytest
from test_coding_arguments import triples


def self_dyads(text: str) -> set[tuple]:
    return {t for t in triples(text) if t[0] == t[1]}


# -- a claimed right ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, threat", [
    (("Venezuela's defence minister said on Tuesday that Caracas had the right to shoot down any U.S. "
     "surveillance aircraft that entered its airspace, even over international waters."), ("VEN", "USA")),
    (("Iran reserves the right to strike Israeli bases, its foreign ministry spokesman told reporters in "
     "Tehran on Monday."), ("IRN", "ISR")),
    (("Speaking in Ankara after a cabinet meeting, the Turkish president said Turkey retained the right to "
     "attack Kurdish positions in Syria at any time."), ("TUR", "SYR")),
])
def test_a_claimed_right_to_use_force_is_a_threat_not_an_attack(text: str, threat: tuple) -> None:
    got = triples(text)
    assert not any(t[2] == "ASSAULT" for t in got), got
    assert (*threat, "THREATEN") in got, got


@pytest.mark.parametrize("text", [
    "The United States on Monday defended the right of Turkish troops to fire on militants in northern Syria.",
    "Officials in Warsaw said Poland had every right to deploy more troops along its border with Belarus.",
])
def test_a_defended_or_peaceful_right_is_no_asserted_act(text: str) -> None:
    got = triples(text)
    assert not any(t[2] in ("ASSAULT", "MOBILIZE") for t in got), got


def test_a_speaker_who_says_it_is_threatened_accuses_the_threatener() -> None:
    got = triples("North Korean Foreign Minister Ri Yong Ho told reporters in New York on Monday that Washington "
                  "had declared war on his country, and that Pyongyang would respond.")
    assert ("PRK", "USA", "ACCUSE") in got, got
    assert not any(t[2] == "ASSAULT" for t in got), got


# -- a participle after a noun names no doer ---------------------------------------------------

@pytest.mark.parametrize("text", [
    ("Pyongyang warned on Tuesday that planned drills by the United States and South Korea could derail the "
    "resumption of working-level talks agreed at the border village last month."),
    ("Tehran said on Sunday that new sanctions would not affect the exchange of prisoners agreed in Doha "
    "in August."),
])
def test_a_participle_after_a_noun_is_no_act_of_the_main_subject(text: str) -> None:
    got = triples(text)
    assert not any(t[2] == "AGREE" and t[0] == t[1] for t in got), got
    assert not any(t[2] == "AGREE" and t[0] in ("PRK", "IRN") for t in got), got


# -- relational nouns, mixed recipients --------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The United States said it was monitoring the launches and consulting closely with its allies.",
    ("Japan said on Friday it would coordinate with its partners in the region, and held talks with its "
    "allies on Saturday."),
])
def test_its_allies_are_never_the_possessor(text: str) -> None:
    assert not self_dyads(text), triples(text)


def test_a_summit_between_the_actor_and_another_leaves_the_other() -> None:
    text = ("North Korea suspended high-level talks with South Korea on Wednesday and threatened to "
            "reconsider the planned summit between Kim Jong Un and Donald Trump.")
    got = triples(text)
    assert ("PRK", "USA", "THREATEN") in got, got
    assert ("PRK", "PRK", "THREATEN") not in got, got


# -- requests of unnamed others, warnings about one's own act ----------------------------------

def test_urging_unnamed_nations_is_no_request_of_oneself() -> None:
    text = ("Donald Trump told lawmakers in Seoul on Wednesday that the regime was a threat to the world, and "
            "urged all nations to cut trade with it.")
    assert ("USA", "USA", "REQUEST") not in triples(text)


def test_a_speaker_joined_to_a_copula_is_the_one_who_warns() -> None:
    text = ("Trump said Pyongyang's offer appeared sincere but warned that it could be false hope, and that "
            "sanctions would stay.")
    got = triples(text, modality=None)
    assert not any(t[0] == "PRK" and t[2] == "THREATEN" for t in got), got
    assert ("USA", "PRK", "ACCUSE") not in got, got


# -- a warning that is a judgement, a message received, a pronoun object, an extraposed "it" ----

@pytest.mark.parametrize("text", [
    "The chancellor said the ceasefire offer looked serious but warned that it could be a trap.",
    "Brussels warned on Thursday that the move would be a grave mistake for the whole region.",
])
def test_a_warning_that_is_a_judgement_is_no_threat(text: str) -> None:
    assert not any(t[2] == "THREATEN" for t in triples(text, modality=None)), triples(text, modality=None)


def test_a_warning_to_a_named_party_stays_a_threat() -> None:
    assert ("CHN", "JPN", "THREATEN") in triples("China warned Japan on Monday that its decision would be a "
                                                 "grave mistake with consequences.")


@pytest.mark.parametrize("text, pair", [
    (("President Joe Biden said on Tuesday he had received a warm letter from Chinese President Xi Jinping "
     "ahead of their summit."), ("CHN", "USA")),
    ("Putin received a message of condolence from Xi Jinping on Sunday, the Kremlin said.", ("CHN", "RUS")),
])
def test_a_message_received_is_the_senders_one_way(text: str, pair: tuple) -> None:
    got = triples(text)
    assert (*pair, "CONSULT") in got, got
    assert (pair[1], pair[0], "CONSULT") not in got, got


def test_a_visitor_received_is_still_a_meeting_both_ways() -> None:
    got = triples("Indonesian President Prabowo Subianto received Malaysian Prime Minister Anwar Ibrahim at the "
                  "palace in Jakarta on Friday.")
    assert {("IDN", "MYS", "CONSULT"), ("MYS", "IDN", "CONSULT")} <= got, got


@pytest.mark.parametrize("text, pair", [
    (("A senior U.S. official called it disappointing that Pyongyang kept testing missiles and urged it to "
     "return to negotiations."), ("USA", "PRK")),
    ("The EU said on Friday that Minsk had ignored every appeal and urged it to free the detained reporters.",
     ("EUR", "BLR")),
])
def test_a_pronoun_object_is_never_the_verbs_own_subject(text: str, pair: tuple) -> None:
    got = triples(text)
    assert (*pair, "REQUEST") in got, got
    assert (pair[1], pair[1], "REQUEST") not in got, got


def test_an_extraposed_it_stands_for_the_that_clause() -> None:
    got = triples("Seoul called it deeply regrettable that Tokyo had tightened export controls on chip "
                  "materials, the ministry said.")
    assert ("KOR", "JPN", "ACCUSE") in got, got


# -- a name the parser took for a modifier, acts aimed outside ---------------------------------

@pytest.mark.parametrize("text, triple", [
    ("Budapest criticised Norway on Monday over its aid cuts.", ("HUN", "NOR", "ACCUSE")),
    ("Ankara condemned Sweden after the protest outside its embassy in Stockholm.", ("TUR", "SWE", "ACCUSE")),
])
def test_a_lone_name_before_the_verb_is_its_subject(text: str, triple: tuple) -> None:
    assert triple in triples(text), triples(text)


@pytest.mark.parametrize("text", [
    "Russia pulled out of the Black Sea grain deal on Monday, accusing the West of failing to keep its promises.",
    "Mali withdrew from the 2015 peace accord on Thursday, the junta said in a televised statement.",
    "Russian forces occupied the power plant in March, shortly after the invasion began.",
])
def test_leaving_a_deal_or_seizing_a_plant_is_not_aimed_at_oneself(text: str) -> None:
    assert not self_dyads(text), triples(text)


def test_police_arresting_protesters_stays_domestic() -> None:
    assert ("KEN", "KEN", "COERCE") in triples("Kenyan police arrested dozens of protesters in Nairobi on Tuesday.")


# -- where a weapon was made, mediators --------------------------------------------------------

@pytest.mark.parametrize("text, maker", [
    ("Russia fired Iranian-made missiles at the Ukrainian city of Kharkiv overnight, regional officials said.", "IRN"),
    ("Israel shot down an Iranian-made drone launched from southern Lebanon on Tuesday.", "IRN"),
    ("Ukraine struck an airfield in Crimea with U.S.-supplied missiles, the general staff said.", "USA"),
])
def test_the_maker_of_a_weapon_is_no_party(text: str, maker: str) -> None:
    got = triples(text)
    assert not any(maker in (t[0], t[1]) for t in got), got


def test_a_weapon_named_by_its_owner_keeps_the_owner() -> None:
    assert ("ISR", "IRN", "ASSAULT") in triples("Israel shot down an Iranian drone over the Golan Heights on Sunday.")


@pytest.mark.parametrize("text, mediator, parties", [
    ("Egypt mediated talks between Israel and Hamas in Cairo this week, officials on both sides said.",
     "EGY", ("ISR", "PSE")),
    ("Oman hosted indirect talks between Iran and the United States in Muscat on Saturday.", "OMN", ("IRN", "USA")),
])
def test_a_mediator_deals_with_each_party_and_the_parties_talk(text: str, mediator: str, parties: tuple) -> None:
    got = triples(text)
    a, b = parties
    assert {(mediator, a, "CONSULT"), (mediator, b, "CONSULT"), (a, b, "CONSULT"), (b, a, "CONSULT")} <= got, got
    assert (a, mediator, "CONSULT") not in got, got


# -- a party's account of its own joint act, or of a concession made to it ---------------------

@pytest.mark.parametrize("text, triple", [
    (("Malaysian Prime Minister Anwar Ibrahim told reporters in Kuala Lumpur that he and Indonesian President "
     "Prabowo Subianto had agreed to develop a disputed maritime block together."), ("MYS", "IDN", "AGREE")),
    (("The White House said on Sunday that Colombia had agreed to accept deportation flights from the United "
     "States without restrictions."), ("COL", "USA", "AGREE")),
])
def test_a_sides_account_of_a_cooperative_act_is_asserted(text: str, triple: tuple) -> None:
    assert triple in triples(text), triples(text, modality=None)


def test_a_sides_account_of_an_attack_stays_a_claim() -> None:
    got = triples("Kyiv said on Monday that Russian troops had shelled a hospital in Kherson.", modality=None)
    assert ("UKR", "RUS", "ACCUSE") in got, got


@pytest.mark.parametrize("text, triple", [
    (("Nicaragua has filed a complaint at the World Court in The Hague accusing Germany of facilitating war "
     "crimes, the court said on Monday."), ("NIC", "DEU", "ACCUSE")),
    (("Gambia filed a lawsuit at the International Court of Justice on Monday, accusing Myanmar of genocide "
     "against the Rohingya minority."), ("GMB", "MMR", "ACCUSE")),
])
def test_a_participle_elaborating_the_act_names_its_target(text: str, triple: tuple) -> None:
    got = triples(text)
    assert triple in got, got
    assert (triple[0], triple[0], "ACCUSE") not in got, got


def test_an_unnamed_group_is_not_of_the_state_whose_act_it_condemns() -> None:
    got = triples("Rebel commanders in the east condemned Norway's decision to cut aid, a spokesman said.")
    assert not any(t[0] == "NOR" for t in got), got
