"""The coder end to end on short news-style items of our own: who did what to whom, with modality.

Each item lists the events a careful PLOVER coder codes. An expected event names the actor code,
the recipient code ("*" any or none, None none), a set of acceptable types (PLOVER allows
alternatives) and the modality. A tuple of expected events means "any one of these". Besides the
expected events, an item passes only if the coder's asserted events (the ones that are scored) are
all expected or listed as optional readings: precision matters as much as recall.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from dyadwatch.coding import code_text
from dyadwatch.coding.evaluate import event_triples, fold_code


@dataclass(frozen=True)
class E:
    actor: str
    recipient: str | None = "*"
    types: tuple[str, ...] = ()
    modality: str = "asserted"

    def fits(self, actor: str | None, recipient: str | None, etype: str) -> bool:
        if fold_code(self.actor) != actor or etype not in self.types:
            return False
        if self.recipient == "*":
            return True
        if self.recipient is None:
            return recipient is None
        return fold_code(self.recipient) == recipient


def ev(actor: str, recipient: str | None, types: str, modality: str = "asserted") -> E:
    return E(actor, recipient, tuple(types.split("|")), modality)


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    date: str | None
    expected: tuple  # of E or tuple[E, ...] (any of)
    optional: tuple = ()


ITEMS = [
    # voice
    Item("active_fired_at", "North Korean troops fired artillery shells at a South Korean island on Tuesday.",
         "2019-05-09", (ev("PRK", "KOR", "ASSAULT"),)),
    Item("passive_shelled", "Two Ukrainian villages were shelled by Russian forces overnight.", "2022-06-01",
         (ev("RUS", "UKR", "ASSAULT"),)),
    Item("passive_sanctioned", "Iran was hit with new sanctions by the European Union on Monday.", "2021-04-13",
         (ev("EUR", "IRN", "SANCTION"),)),
    Item("active_expelled", "Poland expelled three Russian diplomats on Thursday.", "2021-04-16",
         (ev("POL", "RUS", "SANCTION|COERCE"),)),
    # phrasal verbs
    Item("phrasal_carried_out", "North Korea carried out its sixth nuclear test on Sunday.", "2017-09-04",
         (ev("PRK", "*", "MOBILIZE"),)),
    Item("phrasal_fired_missiles", "Pyongyang fired two ballistic missiles into the sea off its east coast.",
         "2019-07-26", (ev("PRK", "*", "MOBILIZE|ASSAULT"),)),
    Item("phrasal_called_on", "The United Nations called on Myanmar to release the detained journalists.",
         "2018-09-04", (ev("UNO", "MMR", "REQUEST"),)),
    Item("phrasal_pulled_out", "Turkey pulled its troops out of northern Iraq last week.", "2019-03-04",
         (ev("TUR", "IRQ", "RETREAT"),)),
    # nominal events
    Item("nominal_bombing_of", "The bombing of Yemen by Saudi jets continued on Friday.", "2019-08-10",
         (ev("SAU", "YEM", "ASSAULT"),)),
    Item("nominal_talks_between", "Talks between India and Pakistan resumed in Islamabad on Monday.",
         "2019-03-12", (ev("IND", "PAK", "CONSULT"), ev("PAK", "IND", "CONSULT"))),
    # coordination
    Item("coord_recipients", "China imposed sanctions on Lithuania and Taiwan on Friday.", "2021-12-04",
         (ev("CHN", "LTU", "SANCTION"), ev("CHN", "TWN", "SANCTION"))),
    Item("coord_actors", "Britain and France condemned Iran's missile launch.", "2020-01-10",
         (ev("GBR", "IRN", "ACCUSE"), ev("FRA", "IRN", "ACCUSE")),
         (ev("IRN", "*", "MOBILIZE"),)),
    Item("coord_signed", "Germany and France signed a defence agreement on Thursday.", "2019-01-25",
         (ev("DEU", "FRA", "AGREE|COOPERATE|SUPPORT"), ev("FRA", "DEU", "AGREE|COOPERATE|SUPPORT"))),
    # participial and relative clauses
    Item("participle_accusing", "Russia recalled its ambassador from London on Monday, accusing Britain of "
         "hostile acts.", "2018-03-20",
         (ev("RUS", "GBR", "SANCTION"), ev("RUS", "GBR", "ACCUSE"))),
    Item("participle_criticizing", "North Korea test-fired a short-range missile on Saturday, criticizing "
         "Seoul for its military drills.", "2019-08-05",
         (ev("PRK", "*", "MOBILIZE"), ev("PRK", "KOR", "ACCUSE"))),
    Item("relative_whose", "The Philippines protested to China, whose coast guard had blocked a supply "
         "mission.", "2023-08-07",
         (ev("PHL", "CHN", "ACCUSE|PROTEST"), ev("CHN", "PHL", "COERCE"))),
    Item("relative_whose_perfect", "Vietnam lodged a formal protest on Friday with China, whose ships had rammed a "
         "Vietnamese fishing boat near the Paracel Islands earlier in the week.", "2023-08-07",
         (ev("VNM", "CHN", "ACCUSE|PROTEST"), ev("CHN", "VNM", "ASSAULT|COERCE"))),
    # several events in one sentence
    Item("two_events", "Azerbaijani troops shelled Armenian villages and Armenian forces returned fire.",
         "2020-09-28", (ev("AZE", "ARM", "ASSAULT"), ev("ARM", "*", "ASSAULT"))),
    Item("accused_and_recalled", "Ethiopia accused Egypt of meddling and recalled its envoy from Cairo.",
         "2020-07-02", (ev("ETH", "EGY", "ACCUSE"), ev("ETH", "EGY", "SANCTION"))),
    # reported speech and claims
    Item("claimed_shelling", "Azerbaijan claimed that Armenian forces had shelled its positions.", "2021-11-17",
         (ev("ARM", "AZE", "ASSAULT", "claimed"),), (ev("AZE", "ARM", "ACCUSE"),)),
    Item("allegedly", "Russian soldiers allegedly abducted the mayor of a Ukrainian town.", "2022-03-12",
         (ev("RUS", "UKR", "ASSAULT|COERCE", "claimed"),)),
    Item("accused_of_hacking", "Seoul accused Pyongyang of hacking its banks.", "2019-09-02",
         (ev("KOR", "PRK", "ACCUSE"),)),
    # metonymy
    Item("kremlin_rejected", "The Kremlin rejected the proposal from Kyiv.", "2022-03-30",
         (ev("RUS", "UKR", "REJECT"),)),
    Item("pentagon_sent", "The Pentagon sent additional troops to Poland.", "2022-02-03",
         (ev("USA", "POL", "MOBILIZE|AID|COOPERATE|SUPPORT"),)),
    Item("beijing_warned", "Beijing warned Washington against arms sales to Taipei.", "2020-10-22",
         (ev("CHN", "USA", "THREATEN|ACCUSE|REQUEST"),)),
    Item("seoul_tokyo_agreed", "Seoul and Tokyo agreed to share military intelligence.", "2016-11-15",
         (ev("KOR", "JPN", "AGREE|COOPERATE"), ev("JPN", "KOR", "AGREE|COOPERATE"))),
    Item("white_house_praised", "The White House praised Riyadh for the prisoner release.", "2023-01-20",
         (ev("USA", "SAU", "SUPPORT"),)),
    # demonyms
    Item("demonym_warships", "Chinese warships entered Japanese waters near the disputed islands.", "2016-06-09",
         (ev("CHN", "JPN", "MOBILIZE|COERCE"),)),
    Item("demonym_clash", "Indian soldiers clashed with Chinese troops in the Himalayas.", "2020-06-16",
         (ev("IND", "CHN", "ASSAULT"),), (ev("CHN", "IND", "ASSAULT"),)),
    # people resolved by date
    Item("people_moon_kim", "Moon Jae-in met Kim Jong Un at the border village.", "2018-04-28",
         (ev("KOR", "PRK", "CONSULT"),), (ev("PRK", "KOR", "CONSULT"),)),
    Item("people_merkel_trump", "Angela Merkel criticised Donald Trump over the tariffs.", "2018-06-10",
         (ev("DEU", "USA", "ACCUSE"),)),
    Item("people_abe", "Shinzo Abe visited Washington on Friday.", "2017-02-11",
         (ev("JPN", "USA", "CONSULT"),)),
    # negation
    Item("negated_launch", "North Korea did not launch any missiles during the talks.", "2018-06-13",
         (ev("PRK", "*", "MOBILIZE", "negated"),), (ev("PRK", "*", "CONSULT"),)),
    Item("negated_struck", "Israel has not struck Iranian targets this year.", "2019-12-01",
         (ev("ISR", "IRN", "ASSAULT", "negated"),)),
    Item("denied_bombing", "Egypt denied bombing Libyan territory.", "2015-03-02",
         (ev("EGY", "LBY", "ASSAULT", "negated"),), (ev("EGY", "*", "REJECT"),)),
    # refusals are REJECT
    Item("refused_meet", "Iran refused to meet the American negotiators.", "2019-06-20",
         (ev("IRN", "USA", "REJECT"),)),
    Item("refused_approve", "Hungary refused to approve new sanctions on Russia.", "2023-02-10",
         (ev("HUN", "*", "REJECT"),)),
    # hypotheticals
    Item("hypothetical_could", "China could strike Taiwan within days, analysts warned.", "2022-08-05",
         (ev("CHN", "TWN", "ASSAULT", "hypothetical"),)),
    Item("hypothetical_if_would", "If Serbia joins the sanctions, Russia would cut gas supplies to Belgrade.",
         "2022-05-30", (ev("RUS", "SRB", "SANCTION|COERCE", "hypothetical"),)),
    Item("hypothetical_may", "Turkey may expel the Dutch ambassador.", "2017-03-12",
         (ev("TUR", "NLD", "SANCTION|COERCE", "hypothetical"),)),
    # future (a stated intention may be read as AGREE, asserted)
    Item("future_will_meet", "Xi Jinping will meet Joe Biden in Bali next week.", "2022-11-08",
         ((ev("CHN", "USA", "CONSULT", "future"), ev("CHN", "USA", "AGREE")),),
         (ev("USA", "CHN", "CONSULT|AGREE"),)),
    Item("future_plans_to", "Germany plans to send air-defence systems to Ukraine.", "2022-06-01",
         ((ev("DEU", "UKR", "AID|SUPPORT|COOPERATE", "future"), ev("DEU", "UKR", "AGREE")),)),
    Item("future_expected_to", "The Indian foreign minister is expected to visit Dhaka on Thursday.",
         "2021-03-01", (ev("IND", "BGD", "CONSULT", "future"),)),
    # no event: situations, opinions, places
    Item("none_weather", "Heavy rain flooded several districts of Manila on Monday.", "2020-11-13", ()),
    Item("none_opinion", "Analysts say relations between Japan and South Korea remain tense.", "2019-08-01", ()),
    Item("none_place", "Seoul is the capital of South Korea and home to ten million people.", "2019-08-01", ()),
    Item("none_economy", "The Russian economy grew by two percent last year.", "2019-02-01", ()),
    # more seats of power and agents
    Item("downing_street", "Downing Street condemned the poisoning and blamed Moscow.", "2018-03-13",
         (ev("GBR", "RUS", "ACCUSE"),)),
    Item("passive_by_org", "The coup in Niger was condemned by the African Union.", "2023-07-28",
         (ev("AFU", "NER", "ACCUSE"),)),
    Item("nominal_arrest_by", "The arrest of two Canadian citizens by Chinese police angered Ottawa.",
         "2018-12-14", (ev("CHN", "CAN", "COERCE"),), (ev("CAN", "CHN", "ACCUSE|PROTEST"),)),
    Item("domestic_protest", "Thousands of Iranians protested against the government in Tehran.", "2019-11-17",
         (ev("IRN", "*", "PROTEST"),)),
    Item("domestic_curfew", "Sri Lankan authorities imposed a nationwide curfew on Sunday.", "2019-04-22",
         (ev("LKA", "*", "COERCE"),)),
    Item("released_prisoners", "Venezuela released six American oil executives on Saturday.", "2022-10-02",
         (ev("VEN", "USA", "RETREAT|CONCEDE"),)),
    Item("ceasefire_agreed", "Israel and Hamas agreed to a ceasefire on Friday.", "2021-05-21",
         (ev("ISR", "PSE", "AGREE|RETREAT"), ev("PSE", "ISR", "AGREE|RETREAT"))),
    Item("threatened_to", "Iran threatened to close the Strait of Hormuz to American ships.", "2018-07-05",
         (ev("IRN", "USA", "THREATEN"),)),
    Item("vowed_retaliation", "Beijing vowed to retaliate against new American tariffs.", "2019-05-11",
         (ev("CHN", "USA", "THREATEN"),)),
    Item("urged_not_to", "Washington urged Ankara not to buy Russian missiles.", "2019-06-05",
         (ev("USA", "TUR", "REQUEST"),), (ev("TUR", "RUS", "COOPERATE|AID"),)),
    Item("summoned_ambassador", "Tokyo summoned the South Korean ambassador over the court ruling.",
         "2018-10-30", (ev("JPN", "KOR", "ACCUSE|REQUEST|CONSULT"),)),
    Item("pledged_aid", "Japan pledged ten million dollars in aid to Nepal after the earthquake.", "2015-04-28",
         ((ev("JPN", "NPL", "AGREE"), ev("JPN", "NPL", "AID")),)),
    Item("conditional_unless", "Washington will impose sanctions on Moscow unless its troops withdraw.",
         "2022-02-10", ((ev("USA", "RUS", "THREATEN"), ev("USA", "RUS", "SANCTION", "hypothetical")),),
         (ev("USA", "RUS", "REQUEST"),)),
    Item("warned_would_respond", "Seoul warned that it would respond if Pyongyang fired at its ships.",
         "2019-07-30", (ev("KOR", "PRK", "THREATEN"),)),
    Item("none_anniversary", "Sunday marks ten years since the two Koreas opened the joint factory park.",
         "2014-12-14", (), (ev("KOR", "PRK", "COOPERATE|AGREE"), ev("PRK", "KOR", "COOPERATE|AGREE"))),
    Item("none_profile", "The Chinese foreign minister, a former ambassador to Japan, speaks fluent Japanese.",
         "2019-01-01", ()),
    # articles and wire copy
    Item("article_dateline", "SEOUL, March 3 (Reuters) - North Korea fired two short-range ballistic missiles "
         "into the sea on Monday, South Korea's military said. Japan's defence ministry said the missiles "
         "landed outside its exclusive economic zone.", "2020-03-03", (ev("PRK", "*", "MOBILIZE"),)),
    Item("article_hosted", "Vladimir Putin hosted Kim Jong Un in Vladivostok on Thursday. The two leaders "
         "discussed the nuclear standoff. Putin later said he would brief Washington on the talks.",
         "2019-04-26", (ev("RUS", "PRK", "CONSULT"),),
         (ev("PRK", "RUS", "CONSULT"), ev("RUS", "USA", "AGREE|CONSULT"))),
    Item("article_two_leaders", "Joe Biden met Xi Jinping in Bali on Monday. The two leaders agreed to resume "
         "climate talks.", "2022-11-15",
         (ev("USA", "CHN", "CONSULT"), ev("USA", "CHN", "AGREE"), ev("CHN", "USA", "AGREE")),
         (ev("CHN", "USA", "CONSULT"),)),
    # a side reporting an attack on it: the attack (its claim) and its accusation of the attacker
    Item("claimed_or_asserted_said", "Kyiv said Russian drones struck a power plant in Odesa.", "2023-12-01",
         ((ev("RUS", "UKR", "ASSAULT"), ev("RUS", "UKR", "ASSAULT", "claimed")), ev("UKR", "RUS", "ACCUSE"))),
    Item("hypothetical_warned_could", "NATO warned that Russia could invade Ukraine within weeks.", "2022-01-20",
         (ev("RUS", "UKR", "ASSAULT|MOBILIZE", "hypothetical"),), (ev("NATO", "RUS", "ACCUSE|THREATEN"),)),
    Item("negated_will_not_meet", "Zelensky will not meet Putin, his office said.", "2022-03-01",
         ((ev("UKR", "RUS", "CONSULT", "negated"), ev("UKR", "RUS", "REJECT")),)),
    Item("should_request", "Japan should apologise to South Korea, Seoul said.", "2019-07-10",
         (ev("KOR", "JPN", "REQUEST"),)),
    Item("restored_relations", "Tehran and Riyadh restored diplomatic relations on Friday.", "2023-03-11",
         (ev("IRN", "SAU", "SUPPORT|AGREE|COOPERATE"), ev("SAU", "IRN", "SUPPORT|AGREE|COOPERATE"))),
    Item("passive_seized", "A British-flagged tanker was seized by Iranian forces in the Gulf.", "2019-07-20",
         (ev("IRN", "GBR", "COERCE"),)),
    Item("water_cannon", "Chinese coast guard ships fired water cannon at a Philippine vessel.", "2023-08-06",
         (ev("CHN", "PHL", "COERCE|ASSAULT"),)),
    Item("refused_entry", "Israel refused entry to two American lawmakers.", "2019-08-16",
         (ev("ISR", "USA", "REJECT|COERCE|SANCTION"),)),
    Item("none_question", "Will Seoul and Tokyo ever reconcile?", "2019-08-16", ()),
    # wire style
    Item("jcs_the_north", "South Korea's Joint Chiefs of Staff said the North fired an unidentified projectile "
         "off its east coast on Thursday.", "2019-10-31", (ev("PRK", "*", "MOBILIZE"),)),
    Item("visit_capital", "Philippine President Ferdinand Marcos Jr. visited Tokyo on Friday.", "2023-02-10",
         (ev("PHL", "JPN", "CONSULT"),)),
    Item("air_strike_army_said", "An Israeli air strike killed three militants in Gaza, the army said.",
         "2022-08-06", (ev("ISR", "PSE", "ASSAULT"),)),
    Item("passive_killed_by_fire", "Three Indian soldiers were killed by Pakistani fire along the Line of "
         "Control.", "2019-04-02", (ev("PAK", "IND", "ASSAULT"),)),
    Item("summoned_media_reported", "Iran's foreign ministry summoned the British envoy, Iranian media reported.",
         "2020-01-12", (ev("IRN", "GBR", "ACCUSE|REQUEST|CONSULT"),)),
    Item("talks_ended", "The talks in Geneva between Russia and the United States ended without a "
         "breakthrough.", "2022-01-11", (ev("RUS", "USA", "CONSULT"), ev("USA", "RUS", "CONSULT"))),
    Item("protested_deployment", "Vietnam protested against China's deployment of an oil rig in disputed "
         "waters.", "2014-05-07", (ev("VNM", "CHN", "ACCUSE|PROTEST"),), (ev("CHN", "*", "MOBILIZE"),)),
    Item("reportedly_struck", "Turkish drones reportedly struck Kurdish fighters in northern Syria.", "2022-11-21",
         ((ev("TUR", "*", "ASSAULT"), ev("TUR", "*", "ASSAULT", "claimed")),)),
    Item("would_block_if", "Ankara would block Sweden's NATO bid if Stockholm did not extradite the suspects, "
         "officials said.", "2022-11-08",
         ((ev("TUR", "SWE", "THREATEN"), ev("TUR", "SWE", "REJECT|COERCE|SANCTION", "hypothetical")),),
         (ev("TUR", "SWE", "REQUEST"),)),
    # material cooperation and domestic events
    Item("joint_exercises", "Japan and the United States held joint naval exercises in the Pacific.",
         "2021-11-22", (ev("JPN", "USA", "COOPERATE"), ev("USA", "JPN", "COOPERATE")),
         (ev("JPN", "*", "MOBILIZE"), ev("USA", "*", "MOBILIZE"))),
    Item("gave_aid", "Germany gave Jordan 50 million euros in humanitarian aid.", "2016-02-04",
         (ev("DEU", "JOR", "AID"),)),
    Item("police_tear_gas", "Police in Nairobi fired tear gas at protesters.", "2023-03-20",
         (ev("KEN", "*", "ASSAULT|COERCE"),), (ev("KEN", "*", "PROTEST"),)),
    Item("maritime_agreement", "Vietnam and the Philippines signed a maritime cooperation agreement.",
         "2024-01-30", (ev("VNM", "PHL", "AGREE|COOPERATE|SUPPORT"), ev("PHL", "VNM", "AGREE|COOPERATE|SUPPORT"))),
    Item("lifted_emergency", "Thai authorities lifted the state of emergency in Bangkok.", "2010-12-22",
         (ev("THA", "*", "CONCEDE|RETREAT"),)),
    Item("boycotted_vote", "The opposition boycotted the parliamentary vote in Dhaka.", "2014-01-05",
         (ev("BGD", "*", "PROTEST"),)),
    # a target named elsewhere in the sentence beats the actor's own country
    Item("other_country_target", "Poland accepted a compromise that could end its long trade quarrel with "
         "Ukraine, officials said.", "2019-06-01", (ev("POL", "UKR", "AGREE"),)),
    Item("other_country_protest", "Students in Manila marched to show their anger at China's island building.",
         "2019-06-01", (ev("PHL", "CHN", "PROTEST"),)),
    # nothing asserted
    Item("failed_to_agree", "The European Union and Britain failed to agree on fishing rights on Friday.",
         "2020-12-05", (), (ev("EUR", "GBR", "CONSULT"), ev("GBR", "EUR", "CONSULT"))),
    Item("yet_to_respond", "Moscow has yet to respond to the American proposal.", "2021-12-20", (),
         (ev("USA", "RUS", "AGREE|REQUEST|CONSULT"),)),
    Item("not_expected_to", "Canada is not expected to send troops to Haiti.", "2023-03-25", ()),
    Item("no_plans_talks", "Officials in Seoul said they had no plans to hold talks with Pyongyang.",
         "2019-11-01", (), (ev("KOR", "PRK", "REJECT"),)),
    # later mentions
    Item("later_the_north", "North Korea test-fired a new missile on Monday. The North also threatened to "
         "attack American bases.", "2017-08-08",
         (ev("PRK", "*", "MOBILIZE"), ev("PRK", "USA", "THREATEN"))),
    Item("later_he", "President Emmanuel Macron arrived in Algiers on Sunday. He held talks with the "
         "Algerian president.", "2022-08-29", (ev("FRA", "DZA", "CONSULT"),),
         (ev("DZA", "FRA", "CONSULT"),)),  # talks go both ways (the PLOVER gold lists both sides)
    Item("later_two_sides", "Armenian and Azerbaijani diplomats met in Brussels. The two sides agreed to a "
         "prisoner exchange.", "2023-05-15",
         (ev("ARM", "AZE", "AGREE"), ev("AZE", "ARM", "AGREE")),
         (ev("ARM", "*", "CONSULT"), ev("AZE", "*", "CONSULT"))),
]


def _fits_event(e: E, events) -> bool:
    if e.modality == "asserted":
        return any(e.fits(*t) for rec in events for t in event_triples(rec.to_record()))
    for rec in events:
        if rec.modality != e.modality:
            continue
        record = rec.to_record()
        record["modality"] = "asserted"  # expand as if asserted, to compare the dyad and type
        if any(e.fits(*t) for t in event_triples(record)):
            return True
    return False


def _describe(events) -> str:
    return "; ".join(f"{[a.code for a in x.actor]}->{[r.code for r in x.recipient]} {x.event} {x.modality}"
                     for x in events) or "no events"


@pytest.mark.parametrize("item", ITEMS, ids=[i.id for i in ITEMS])
def test_coding_shape(item: Item) -> None:
    events = code_text(item.text, date=item.date, story_id=item.id)
    coded = _describe(events)
    allowed: list[E] = list(item.optional)
    for want in item.expected:
        options = want if isinstance(want, tuple) else (want,)
        assert any(_fits_event(o, events) for o in options), f"missing {options} in: {coded}"
        allowed.extend(options)
    for rec in events:
        for triple in event_triples(rec.to_record()):
            assert any(a.modality == "asserted" and a.fits(*triple) for a in allowed), (
                f"spurious asserted {triple} in: {coded}")


def test_enough_items() -> None:
    assert len(ITEMS) >= 40
    assert len({i.id for i in ITEMS}) == len(ITEMS)
