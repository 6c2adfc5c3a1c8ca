"""Event coder: one test per news shape, on short sentences written for these tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dyadwatch.coding import Coder
from dyadwatch.ingest.article import Article


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


def triples(coder: Coder, text: str, modality: str | None = "asserted") -> set[tuple[str, str | None, str]]:
    out = set()
    for ev in coder.code(Article(text=text, date="2021-03-04", raw_id="t")):
        if modality and ev.modality != modality:
            continue
        for a in ev.actor:
            for r in ev.recipient or [None]:
                out.add((a.code, r.code if r else None, ev.event))
    return out


def events(coder: Coder, text: str):
    return coder.code(Article(text=text, date="2021-03-04", raw_id="t"))


def test_metonymy_capitals(coder):
    assert ("KOR", "PRK", "REQUEST") in triples(coder, "Seoul urged Pyongyang to return to the negotiating table.")


def test_demonym_with_sector(coder):
    evs = events(coder, "North Korean troops shelled a South Korean island on Tuesday.")
    hit = [e for e in evs if e.event == "ASSAULT"]
    assert hit and hit[0].actor[0].code == "PRK" and hit[0].actor[0].sector == "MIL"
    assert hit[0].recipient[0].code == "KOR"


def test_passive_voice(coder):
    assert ("ISR", "LBN", "ASSAULT") in triples(coder, "Lebanese border villages were shelled by Israeli artillery.")


def test_phrasal_verb_call_on(coder):
    assert ("DEU", "TUR", "REQUEST") in triples(coder, "Germany called on Turkey to release the journalists.")


def test_phrasal_fire_missiles_is_assault_with_target(coder):
    assert ("RUS", "UKR", "ASSAULT") in triples(coder, "Russia fired missiles at Ukraine overnight.")


def test_weapons_test_is_mobilize_without_recipient(coder):
    got = triples(coder, "Iran carried out tests of a new ballistic missile on Sunday.")
    assert ("IRN", None, "MOBILIZE") in got


def test_nominal_event_with_agent(coder):
    got = triples(coder, "The shelling of Aleppo by Syrian forces drew wide condemnation.")
    assert any(a == "SYR" and t == "ASSAULT" for a, _, t in got)


def test_talks_between_two_countries_are_reciprocal(coder):
    got = triples(coder, "India and Pakistan held talks in Islamabad on Friday.")
    assert ("IND", "PAK", "CONSULT") in got and ("PAK", "IND", "CONSULT") in got


def test_coordinated_recipients_stay_one_record(coder):
    evs = [e for e in events(coder, "France condemned Iran and Syria over the attacks.") if e.event == "ACCUSE"]
    assert len(evs) == 1
    assert {r.code for r in evs[0].recipient} == {"IRN", "SYR"}


def test_participial_clause_takes_main_subject(coder):
    got = triples(coder, "Japan summoned the Chinese ambassador on Monday, criticizing Beijing for the incursion.")
    assert ("JPN", "CHN", "ACCUSE") in got


def test_negation(coder):
    assert not triples(coder, "Egypt did not attack Libya.")
    evs = events(coder, "Egypt did not attack Libya.")
    assert evs and all(e.modality == "negated" for e in evs)


def test_refused_is_reject_not_negation(coder):
    assert ("IRN", "USA", "REJECT") in triples(coder, "Iran refused to meet American negotiators.")


def test_hypothetical(coder):
    assert not triples(coder, "Greece could impose sanctions on Turkey if the drilling continues.")


def test_future_meeting_is_not_asserted(coder):
    evs = [e for e in events(coder, "Chile will meet Peru next month.") if e.event == "CONSULT"]
    assert evs and evs[0].modality == "future"


def test_reported_attack_is_coded_with_the_accusation(coder):
    # one convention (issue 8, real wire gold): a side's report of another's attack is the attack, as wire
    # event data code it, AND the side's accusation of the attacker
    evs = events(coder, "Armenia said Azerbaijan attacked its positions.")
    hit = [e for e in evs if e.event == "ASSAULT"]
    assert hit and hit[0].actor[0].code == "AZE" and hit[0].modality == "asserted"
    assert ("ARM", "AZE", "ACCUSE") in triples(coder, "Armenia said Azerbaijan attacked its positions.")


def test_attribution_to_police_stays_asserted(coder):
    got = triples(coder, "Kenyan police arrested twenty protesters in Nairobi, officials said.")
    assert ("KEN", "KEN", "COERCE") in got


def test_accusation_is_coded(coder):
    assert ("PAK", "IND", "ACCUSE") in triples(coder, "Pakistan accused India of violating the ceasefire.")


def test_descriptive_sentence_has_no_event(coder):
    assert not events(coder, "Norway is a mountainous country with a long coastline.")


def test_article_coreference_the_north(coder):
    text = ("North Korea tested a missile on Monday. The South condemned the launch. "
            "The North later threatened Seoul.")
    got = triples(coder, text)
    assert ("PRK", "KOR", "THREATEN") in got


def test_pronoun_refers_back(coder):
    text = "Brazil's president arrived in Lisbon. He met Portugal's prime minister on Friday."
    got = triples(coder, text)
    assert any(a == "BRA" and r == "PRT" and t == "CONSULT" for a, r, t in got)


def test_intent_statement_is_agree(coder):
    assert ("NOR", "GHA", "AGREE") in triples(coder, "Norway said it will send medical aid to Ghana.")


def test_demand_clause_is_request(coder):
    assert ("CHN", "USA", "REQUEST") in triples(coder, "China said the United States must stop arms sales.")


def test_offsets_point_into_text(coder):
    text = "Quiet day. Spain expelled two Russian diplomats on Tuesday."
    evs = [e for e in events(coder, text) if e.event == "SANCTION"]
    assert evs
    e = evs[0]
    assert text[e.trigger_start:e.trigger_end] == e.trigger == "expelled"
    assert text[e.actor[0].start:e.actor[0].end] == "Spain"
    assert e.sentence_index == 1 and e.event_text.startswith("Spain")


def test_prefilter_keeps_every_event(coder):
    text = ("The weather was mild. Turkey shelled Kurdish positions in Syria. Markets rose. "
            "Ankara later accused Damascus of harbouring militants. Nothing else happened.")
    art = Article(text=text, date="2021-03-04", raw_id="t")
    fast = {(e.event, e.trigger_start) for e in coder.code(art)}
    full = {(e.event, e.trigger_start) for e in coder.code(art, parse_all=True)}
    assert fast == full and fast


def test_conditional_threat_names_the_conditioned_party(coder):
    got = triples(coder, "Bolivia will close its border with Chile unless Santiago lifts the tariffs.")
    assert ("BOL", "CHL", "THREATEN") in got


def test_demand_clause_is_not_coded_twice(coder):
    evs = events(coder, "Kenya demanded that Somalia withdraw its troops from the border.")
    assert [e.event for e in evs if e.modality == "asserted"] == ["REQUEST"]
    assert evs[0].recipient[0].code == "SOM"


def test_joint_exercises_are_cooperation(coder):
    got = triples(coder, "Russia and Belarus held joint military exercises near the Polish border.")
    assert ("RUS", "BLR", "COOPERATE") in got and ("BLR", "RUS", "COOPERATE") in got


def test_missiles_into_the_sea_are_a_test(coder):
    got = triples(coder, "North Korea fired three missiles into the sea on Friday.")
    assert ("PRK", None, "MOBILIZE") in got and not any(t == "ASSAULT" for _, _, t in got)


def test_dateline_names_no_actor(coder):
    text = "MOSCOW, June 2 (Reuters) - Ukrainian drones attacked an oil depot in Crimea, officials said."
    evs = [e for e in events(coder, text) if e.event == "ASSAULT"]
    assert evs and evs[0].actor[0].code == "UKR"
    assert text[evs[0].actor[0].start:evs[0].actor[0].end] == "Ukrainian"


def test_reaction_to_an_earlier_event(coder):
    text = "Azerbaijani forces shelled Armenian villages on Tuesday. France condemned the shelling."
    assert ("FRA", "AZE", "ACCUSE") in triples(coder, text)


def test_reaction_noun_with_source(coder):
    text = "Iran seized a British tanker. The seizure drew sharp criticism from London."
    assert ("GBR", "IRN", "ACCUSE") in triples(coder, text)


def test_protest_without_target_faces_own_government(coder):
    assert ("SRB", "SRB", "PROTEST") in triples(coder, "Thousands of Serbian students protested in Belgrade.")


def test_unnamed_crowd_acts_for_its_place(coder):
    got = triples(coder, "Thousands of people rallied in Tbilisi against the new law.")
    assert any(a == "GEO" and t == "PROTEST" for a, _, t in got)


def test_willing_to_is_intent(coder):
    assert ("IDN", "MYS", "AGREE") in triples(coder, "Indonesia is ready to send rescue teams to Malaysia.")


def test_refused_is_reject_with_embedded_target(coder):
    got = triples(coder, "Hungary refused to extradite the suspect to Romania.")
    assert ("HUN", "ROU", "REJECT") in got


def test_passive_raising_keeps_subject(coder):
    evs = [e for e in events(coder, "The Chilean president is expected to visit Lima next week.") if e.event == "CONSULT"]
    assert evs and evs[0].actor[0].code == "CHL" and evs[0].recipient[0].code == "PER"
    assert evs[0].modality == "future"


def test_relative_clause_subject(coder):
    got = triples(coder, "Ethiopia, which accused Egypt of sabotage, recalled its ambassador from Cairo.")
    assert ("ETH", "EGY", "ACCUSE") in got


def test_object_pronoun_is_not_the_subject(coder):
    text = "Jordan's king arrived in Ankara on Monday. Turkey's president welcomed him at the palace."
    got = triples(coder, text)
    assert not any(a == r == "TUR" for a, r, _ in got)


def test_newlines_end_sentences(coder):
    text = "Border tensions\nIndia accused China of building roads in disputed territory."
    evs = [e for e in events(coder, text) if e.event == "ACCUSE"]
    assert evs and evs[0].event_text.startswith("India") and evs[0].sentence_index == 1


def test_ethnic_group_belongs_to_its_country(coder):
    got = triples(coder, "Thousands of ethnic Hungarians in Romania demonstrated in Cluj.")
    assert any(a == "ROU" and t == "PROTEST" for a, _, t in got)


def test_state_protest_is_a_complaint(coder):
    assert ("VNM", "CHN", "ACCUSE") in triples(coder, "Vietnam protested to China over the new map.")


def test_victim_reports_the_attack(coder):
    got = triples(coder, "Syria said Israeli jets struck an airport near Damascus.")
    evs = [e for e in events(coder, "Syria said Israeli jets struck an airport near Damascus.") if e.event == "ASSAULT"]
    assert evs and evs[0].actor[0].code == "ISR" and {r.code for r in evs[0].recipient} == {"SYR"}
    # Syria's own report of the strike: the strike, and Syria's accusation of Israel
    assert {("ISR", "SYR", "ASSAULT"), ("SYR", "ISR", "ACCUSE")} <= got


def test_will_not_is_a_refusal(coder):
    assert ("CUB", "USA", "REJECT") in triples(coder, "Cuba said it would not negotiate with the United States.")


def test_announced_sanctions_are_sanctions(coder):
    got = triples(coder, "Australia announced it would impose sanctions on Myanmar's generals.")
    assert ("AUS", "MMR", "SANCTION") in got


def test_acceding_to_demands_is_a_concession(coder):
    got = triples(coder, "The Thai government accepted demands from the protesters to dissolve parliament.")
    assert any(a == "THA" and t == "CONCEDE" for a, _, t in got)


def test_reaction_to_allegations(coder):
    text = "Iran accused Israel of sabotage at a nuclear site. Israel dismissed the allegations."
    assert ("ISR", "IRN", "REJECT") in triples(coder, text)


def test_conditional_clause_is_no_promise(coder):
    got = triples(coder, "The opposition said it would boycott the vote unless the president agrees to resign.")
    assert not any(t == "AGREE" for _, _, t in got)


def test_link_lines_are_not_coded(coder):
    text = ("Oman hosts talks\nOman hosted talks between Iran and the United States on Saturday.\n"
            "Related: Israel strikes Syria again\nMost read\nRussia attacks Kyiv with drones\n")
    got = triples(coder, text)
    assert ("IRN", "USA", "CONSULT") in got or ("OMN", "IRN", "CONSULT") in got
    assert not any(a in ("ISR", "RUS") for a, _, _ in got)


def test_release_is_asked_of_the_captor(coder):
    text = "Iran seized a Greek tanker in the Gulf on Friday. Greece demanded the ship's release."
    assert ("GRC", "IRN", "REQUEST") in triples(coder, text)


def test_ordered_arrest_is_the_arrest(coder):
    got = triples(coder, "The Iranian judiciary ordered the arrest of two French tourists.")
    assert ("IRN", "FRA", "COERCE") in got and not any(t == "REQUEST" for _, _, t in got)


def test_cli_code_reports_bad_lines(tmp_path: Path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a1", "text": "Chile recalled its ambassador from Peru.", "date": "2020-01-02"})
                   + "\n{not json\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = subprocess.run([sys.executable, "-c", "from dyadwatch.cli import main; main()", "code", str(src), "-o", str(out)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 1
    assert f"{src}:2:" in proc.stderr
    recs = [json.loads(line) for line in out.read_text().splitlines()]
    assert recs and all(r["story_id"] == "a1" for r in recs)
    assert any(r["event"] == "SANCTION" and r["actor"][0]["code"] == "CHL" for r in recs)


def test_bare_surname_after_full_introduction(coder):
    # a person introduced by country and role is found again by one word of the name
    got = triples(coder, "Chilean Foreign Minister Andres Torrado landed in Lima on Monday. "
                  "Later Torrado accused Argentina of breaking the fishing accord.")
    assert ("CHL", "ARG", "ACCUSE") in got
    # a known leader's family name alone ("Kim" after "Kim Jong Un")
    got = triples(coder, "North Korean leader Kim Jong Un inspected a factory. "
                  "Kim accused South Korea of provocations.")
    assert ("PRK", "KOR", "ACCUSE") in got


def test_surname_in_coordination_makes_a_meeting(coder):
    got = triples(coder, "Brazilian President Luiz Inacio Lula da Silva praised Argentine leader Javier Milei. "
                  "Lula and Milei met in Brasilia on Tuesday.")
    assert ("BRA", "ARG", "CONSULT") in got and ("ARG", "BRA", "CONSULT") in got


def test_unnamed_spokesman_is_not_the_accused_country(coder):
    got = triples(coder, "Iran test-fired a rocket on Monday. Tehran said the launch went well. "
                  "A foreign ministry spokesman accused Washington of spreading lies.")
    assert ("IRN", "USA", "ACCUSE") in got and ("USA", "USA", "ACCUSE") not in got


def test_government_protest_is_lodged_with_the_other_country(coder):
    got = triples(coder, "Pakistan fired rockets across the border on Monday. "
                  "India's government protested and called the firing unacceptable.")
    assert ("IND", "PAK", "ACCUSE") in got and ("IND", "IND", "ACCUSE") not in got


def test_talks_in_a_foreign_capital_are_with_its_government(coder):
    assert ("SWE", "IRN", "CONSULT") in triples(coder, "Swedish Foreign Minister Ann Linde held talks in Tehran "
                                                       "on Sunday.")


def test_coming_home_is_not_a_retreat(coder):
    assert not any(t[2] == "RETREAT" for t in triples(
        coder, "The Greek foreign minister spoke to reporters after returning from Ankara."))
    assert ("IRQ", "KWT", "RETREAT") in triples(coder, "Iraq returned the seized aircraft to Kuwait.")


def test_firing_an_official_is_no_attack(coder):
    got = triples(coder, "The Peruvian president, who fired his interior minister last week, accused Chile "
                  "of spying.")
    assert not any(t[2] == "ASSAULT" for t in got)
    assert ("ISR", "PSE", "ASSAULT") in triples(coder, "Israeli troops fired rockets at Gaza on Monday.")


def test_target_from_the_one_other_country_named(coder):
    assert ("CAN", "MLI", "REJECT") in triples(
        coder, "Canada said on Monday it would not meet the kidnappers' demand to free prisoners in Mali.")
    assert ("DEU", "SRB", "MOBILIZE") in triples(
        coder, "Germany mobilised reservists for a possible mission against Serbia on Friday.")
    # two other countries: no guess
    got = triples(coder, "Germany mobilised reservists on Friday as Serbia and Kosovo traded threats.")
    assert not any(t[0] == "DEU" and t[1] in ("SRB", "XKX") and t[2] == "MOBILIZE" for t in got)


def test_attack_known_only_by_its_place(coder):
    got = triples(coder, "Two Dutch soldiers were killed by a roadside bomb outside the Malian town of Gao.")
    assert ("MLI", "NLD", "ASSAULT") in got
    # a named attacker is kept
    got = triples(coder, "Two Dutch soldiers were killed by Malian rebels on Monday.")
    assert ("MLI", "NLD", "ASSAULT") in got


def test_own_territory_by_pronoun_is_no_target(coder):
    got = triples(coder, "Iran fired two short-range missiles off its southern coast on Saturday.")
    assert not any(t[1] == "IRN" for t in got if t[0] == "IRN")
    got = triples(coder, "Iran fired two short-range missiles at Iraq on Saturday.")
    assert ("IRN", "IRQ", "ASSAULT") in got


def test_characterising_an_act_as_bad_is_an_accusation(coder):
    text = "Iran fired a missile toward the Gulf. Qatar called the launch \"reckless and dangerous\" on Tuesday."
    got = triples(coder, text)
    assert ("QAT", "IRN", "ACCUSE") in got and not any(t[0] == "QAT" and t[2] == "MOBILIZE" for t in got)
    got = triples(coder, "Iran fired a missile. The Saudi foreign minister said the test was a clear threat.")
    assert ("SAU", "IRN", "ACCUSE") in got
    assert not any(t[2] == "ACCUSE" for t in triples(coder, "Peru called Chile a reliable partner."))


def test_suspending_weapons_tests_is_a_retreat(coder):
    assert ("IRN", None, "RETREAT") in triples(coder, "Iran suspended its missile tests on Monday.")
    assert ("IRN", "FRA", "SANCTION") in triples(coder, "Iran suspended trade with France on Monday.")


def test_accused_of_supporting_is_not_the_accusers_support(coder):
    got = triples(coder, "The Treasury Department imposed sanctions on three Canadian companies it accused of "
                  "supporting Iran's missile programme.", modality=None)
    assert not any(t[2] == "SUPPORT" and t[1] == "IRN" and t[0] != "CAN" for t in got)


def test_outward_act_aimed_at_own_country_takes_the_other_party(coder):
    got = triples(coder, "The Chilean minister's office said a planned meeting with the Peruvians was cancelled by "
                  "Lima at the last minute.")
    assert ("PER", "PER", "SANCTION") not in got


def test_a_demand_is_made_of_those_who_are_to_act(coder):
    got = triples(coder, "European Union foreign ministers demanded the withdrawal of Russian forces from Georgia.")
    assert ("EUR", "RUS", "REQUEST") in got and ("EUR", "GEO", "REQUEST") not in got
    got = triples(coder, "The World Health Organization reiterated its demand today that Israel ease restrictions "
                  "on Palestinian doctors.")
    assert ("UNO", "ISR", "REQUEST") in got
    assert not any(t[0] == "ISR" and t[2] in ("CONCEDE", "RETREAT") for t in got)


def test_ethnic_group_is_placed_where_it_lives(coder):
    got = triples(coder, "Macedonian police arrested ten ethnic Albanians in Kosovo on Monday.")
    assert ("MKD", "XKX", "COERCE") in got and ("MKD", "ALB", "COERCE") not in got


def test_an_after_clause_of_a_coded_event_is_coded_too(coder):
    # news reports "a day after X did Y" as fact (tests/test_args3_after.py): both acts, each its own dyad
    got = triples(coder, "Spain suspended flights to Morocco on Friday, a day after Moroccan police arrested "
                  "two Spanish fishermen.")
    assert ("ESP", "MAR", "SANCTION") in got
    assert ("MAR", "ESP", "COERCE") in got
    # a lone after-clause event is still coded
    got = triples(coder, "The talks came a day after Moroccan police arrested two Spanish fishermen.")
    assert ("MAR", "ESP", "COERCE") in got


def test_ethnic_group_acts_in_the_country_where_it_lives(coder):
    got = triples(coder, "About 200 ethnic Hungarians demonstrated on Sunday in Slovakia.")
    assert any(t[0] == "SVK" and t[2] == "PROTEST" for t in got)
    assert not any(t[0] == "HUN" for t in got)


def test_announced_visit_is_an_agreement_to_meet(coder):
    got = triples(coder, "Japan's prime minister will visit Seoul next week.")
    assert ("JPN", "KOR", "AGREE") in got and ("JPN", "KOR", "CONSULT") not in got


def test_days_of_war_games_between_two_navies(coder):
    got = triples(coder, "Indian and Japanese warships on Monday launched five days of war games in the Bay of Bengal.")
    assert ("IND", "JPN", "COOPERATE") in got and ("JPN", "IND", "COOPERATE") in got


def test_talks_and_calls_go_both_ways(coder):
    got = triples(coder, "Chilean Foreign Minister Andres Torrado telephoned Peru's foreign minister on Monday.")
    assert ("CHL", "PER", "CONSULT") in got and ("PER", "CHL", "CONSULT") in got
    got = triples(coder, "The Chilean president visited Peru on Monday.")
    assert ("CHL", "PER", "CONSULT") in got and ("PER", "CHL", "CONSULT") not in got


def test_organisation_rejecting_a_call_about_a_country(coder):
    got = triples(coder, "The United Nations on Tuesday rejected a call for its peacekeepers to be deployed in Haiti.")
    assert ("UNO", "HTI", "REJECT") in got


def test_participle_elaborating_a_verbal_act_is_part_of_it(coder):
    got = triples(coder, "Nepal rejected an Indian proposal for a trade pact, urging India to sign a regional "
                  "accord instead.")
    assert ("NPL", "IND", "REJECT") in got and ("NPL", "IND", "REQUEST") not in got


def test_second_verbal_act_without_a_target_is_part_of_the_first(coder):
    got = triples(coder, "Ghana refused to send troops to Mali and urged its citizens to stay calm.")
    assert ("GHA", "MLI", "REJECT") in got and ("GHA", "GHA", "REQUEST") not in got
    # a second act with its own named target stays
    got = triples(coder, "Ghana condemned the coup in Mali and urged Niger to release the prisoners.")
    assert ("GHA", "NER", "REQUEST") in got


def test_a_people_named_by_its_state(coder):
    got = triples(coder, "Bosnian Serbs demanded a truce on Monday.")
    assert any(t[0] == "BIH" and t[2] == "REQUEST" for t in got) and not any(t[0] == "SRB" for t in got)
    got = triples(coder, "Iraqi Kurds protested in Erbil on Monday.")
    assert ("IRQ", "IRQ", "PROTEST") in got and not any(t[2] == "ACCUSE" for t in got)


def test_bloc_named_in_the_sentence_is_the_target(coder):
    got = triples(coder, "Norway accepted a formula for ending its fishing quarrel with its European Union partners.")
    assert ("NOR", "EUR", "AGREE") in got


def test_mobilising_lobbyists_is_not_mobilising_forces(coder):
    assert not any(t[2] == "MOBILIZE" for t in triples(
        coder, "Qatar has mobilized pressure groups in Britain to lobby for the Palestinians."))
    assert ("GBR", "IRQ", "MOBILIZE") in triples(coder, "Britain mobilized army reservists for a possible war "
                                                        "against Iraq on Tuesday.")


def test_opening_an_embassy_is_support(coder):
    assert ("LKA", "IRN", "SUPPORT") in triples(coder, "Sri Lanka opened an embassy in Tehran on Monday.")


def test_handing_over_supplies_is_aid(coder):
    assert ("NOR", "SOM", "AID") in triples(coder, "Norway handed over food and medicine to Somalia on Monday.")
    assert ("IRQ", "KWT", "RETREAT") in triples(coder, "Iraq handed over the captured pilots to Kuwait.")


def test_praised_for_doing_names_the_doer(coder):
    got = triples(coder, "Chile thanked Peru for releasing the fishermen on Thursday.")
    assert ("CHL", "PER", "SUPPORT") in got and not any(t[0] == "CHL" and t[2] == "RETREAT" for t in got)


def test_passive_participle_on_a_noun_names_no_attacker(coder):
    got = triples(coder, "Vietnam handed over the remains of U.S. soldiers killed in the war.")
    assert not any(t[2] == "ASSAULT" for t in got)


def test_release_of_ones_own_people_is_asked_of_the_captor(coder):
    got = triples(coder, "Canada held Iran accountable and demanded the release of two Canadians still detained "
                  "there.")
    assert ("CAN", "IRN", "REQUEST") in got and ("CAN", "CAN", "REQUEST") not in got


def test_condemned_act_is_found_by_its_name(coder):
    got = triples(coder, "Iran conducted a missile test on Sunday. Iraq's army staged a drill hours later. "
                  "Saudi Arabia's foreign ministry strongly condemned the test.")
    assert ("SAU", "IRN", "ACCUSE") in got and ("SAU", "IRQ", "ACCUSE") not in got


def test_would_pay_dearly_is_the_speakers_threat(coder):
    got = triples(coder, "Iran's foreign minister said Israel would pay dearly for the strike.")
    assert ("IRN", "ISR", "THREATEN") in got


def test_targeting_revenue_is_a_sanction(coder):
    got = triples(coder, "The Treasury said Washington would keep up the pressure on Tehran by targeting its "
                  "revenue sources.", modality=None)
    assert ("USA", "IRN", "SANCTION") in got and not any(t[2] == "ASSAULT" for t in got)


def test_no_intention_of_talking_is_a_refusal(coder):
    assert ("CUB", "USA", "REJECT") in triples(
        coder, "Cuba has no intention of sitting down with the United States, state media said.")
    assert not any(t[2] == "REJECT" for t in triples(coder, "Cuba has a plan to meet Spanish officials."))


def test_praising_a_decision_supports_whoever_made_it(coder):
    got = triples(coder, "Iran said it would release the tanker. Britain praised the decision on Monday.")
    assert ("GBR", "IRN", "SUPPORT") in got


def test_denying_entry_is_a_sanction_and_a_purpose_is_part_of_its_act(coder):
    got = triples(coder, "Britain said it would deny entry to the country to ten Russian officials.")
    assert not any(t[0] == "GBR" and t[1] == "GBR" for t in got)
    got = triples(coder, "The Bolivian president resigned on Sunday to allow new elections to take place.")
    assert ("BOL", None, "RETREAT") in got and not any(t[2] == "CONCEDE" for t in got)


def test_untargeted_warning_goes_to_the_articles_other_country(coder):
    got = triples(coder, "Iran seized a British tanker in the Gulf on Friday. Iran said the tanker had broken the "
                  "rules. Britain's government warned on Monday of serious consequences.")
    assert ("GBR", "IRN", "THREATEN") in got
    # a domestic story keeps its domestic target
    got = triples(coder, "Algerian police arrested ten students in Algiers. Algeria's government warned on Monday "
                  "of serious consequences.")
    assert ("DZA", "DZA", "THREATEN") in got


def test_open_to_talks_is_an_offer(coder):
    assert ("IRN", "USA", "AGREE") in triples(coder, "Iran is ready for talks with the United States.")
    assert ("IRN", "USA", "REJECT") in triples(coder, "Iran is not open to talks with the United States.")


def test_vote_for_measures_does_not_support_their_target(coder):
    got = triples(coder, "China and Russia voted for the measures at the Security Council, which imposed new "
                  "sanctions on Iran.")
    assert ("UNO", "IRN", "SANCTION") in got and not any(t[2] == "SUPPORT" and t[1] == "IRN" for t in got)


def test_no_way_they_would_is_a_refusal(coder):
    got = triples(coder, "The minister said there was no way Tehran would give up its missile programme.")
    assert any(t[0] == "IRN" and t[2] == "REJECT" for t in got)
    assert not any(t[2] in ("CONCEDE", "RETREAT") for t in got)


def test_possessor_of_the_condemned_act_is_the_target(coder):
    got = triples(coder, "Armenia on Friday denounced as a crime Azerbaijan's blockade of Armenian villages in "
                  "Georgia.")
    assert ("ARM", "AZE", "ACCUSE") in got and ("ARM", "ARM", "ACCUSE") not in got


def test_state_ordering_its_own_press_to_close_is_coercion(coder):
    got = triples(coder, "Belarus's government ordered the opposition newspaper Nasha Niva to suspend publication.")
    assert ("BLR", "BLR", "COERCE") in got
    assert ("RUS", "UKR", "REQUEST") in triples(coder, "Russia ordered Ukraine to withdraw its troops.")


def test_participle_describing_a_noun_is_background(coder):
    got = triples(coder, "Kenyan farmers began a hunger strike to demand the return of land seized by Kenyan "
                  "government forces in the 1970s.")
    assert any(t[2] == "PROTEST" for t in got) and not any(t[2] == "COERCE" for t in got)


def test_tightening_a_blockade_or_sanctions(coder):
    assert ("USA", "VEN", "SANCTION") in triples(coder, "The United States tightened sanctions on Venezuela on Monday.")
    got = triples(coder, "NATO said on Wednesday it would tighten the naval blockade of Libya.")
    assert ("NATO", "LBY", "THREATEN") in got


def test_ending_days_of_talks_in_a_capital_is_a_consultation(coder):
    got = triples(coder, "Swedish envoy Anna Berg arrived in Oslo. Berg ended three days of talks in Tehran on "
                  "Friday.")
    assert ("SWE", "IRN", "CONSULT") in got and not any(t[2] == "SANCTION" for t in got)


def test_handshake_between_leaders_is_a_meeting(coder):
    got = triples(coder, "Peruvian President Pedro Castillo and Chilean President Gabriel Boric shook hands at the "
                  "border on Sunday.")
    assert ("PER", "CHL", "CONSULT") in got and ("CHL", "PER", "CONSULT") in got


def test_leader_overseeing_a_test_is_his_state_mobilizing(coder):
    got = triples(coder, "Kim Jong Un supervised the launch of a new cruise missile on Sunday, KCNA said.")
    assert ("PRK", None, "MOBILIZE") in got
    assert triples(coder, "Tokyo watched the test of the new rocket closely.") == set()


def test_each_other_makes_an_event_reciprocal(coder):
    got = triples(coder, "Ethiopia and Eritrea blamed each other for the border clash.")
    assert {("ETH", "ERI", "ACCUSE"), ("ERI", "ETH", "ACCUSE")} <= got


def test_unnamed_official_aimed_at_the_main_state_is_of_the_other(coder):
    # the article names Washington most; an unnamed spokesman accusing Washington speaks for the other side
    text = ("Iran warned the United States on Monday that new U.S. sanctions and U.S. naval patrols would not go "
            "unanswered. A foreign ministry spokesman accused Washington of breaking its word.")
    got = triples(coder, text)
    assert ("IRN", "USA", "ACCUSE") in got and ("USA", "USA", "ACCUSE") not in got
