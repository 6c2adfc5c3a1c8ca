"""Lexicon rows added for wire vocabulary (types/*.csv, evening of 2026-12-02): each sentence, written for this
test in wire shapes, fires an entry of its type; the other senses of the same words fire none."""

from __future__ import annotations

import pytest
from lexicon_checks import assert_fires, assert_no_entry, prefilter_losses
from test_triggers import fired as _fired

from dyadwatch.coding import Coder
from dyadwatch.coding.candidates import has_infinitive
from dyadwatch.ingest.article import Article
from dyadwatch.nlp import get_nlp


def fired(nlp, text: str) -> list:
    # entries flagged infinitive count only with a to-infinitive, as in the coder (coding/senses.py)
    doc = nlp(text)
    heads = {t.i for t in doc if has_infinitive(t)}
    out = []
    for e in _fired(nlp, text):
        if "infinitive" in e.flags and not heads:
            continue
        out.append(e)
    return out

POSITIVE = [
    ("ASSAULT", "Russian jets hammered rebel-held towns in the south of the province for a third straight day."),
    ("ASSAULT", "Insurgents overpowered the guards at a checkpoint outside Kandahar before dawn."),
    ("ASSAULT", "The gunmen took 14 aid workers hostage at a camp near the border, officials said."),
    ("ASSAULT", "Riot police tear-gassed students outside the parliament building in Nairobi."),
    ("ASSAULT", "Security forces crushed the uprising in the eastern provinces within a week."),
    ("ASSAULT", "Militiamen set upon a convoy of displaced families on the road out of the city."),
    ("ASSAULT", "Rights groups documented hundreds of enforced disappearances by the security services."),
    ("COERCE", "Authorities shuttered the country's last independent newspaper on Monday."),
    ("COERCE", "The army toppled the elected president in a pre-dawn operation, state radio said."),
    ("COERCE", "Police quelled the protest in the capital with mass arrests on Saturday."),
    ("COERCE", "The government launched a sweeping purge of the army after the failed coup."),
    ("SANCTION", "The European Union placed the defence minister on its sanctions list on Monday."),
    ("SANCTION", "Congress voted to axe funding for the U.N. agency, lawmakers said."),
    ("REJECT", "The government shot down the opposition's proposal for a unity cabinet."),
    ("REJECT", "Moscow scoffed at the Western calls for a ceasefire."),
    ("REJECT", "The opposition disputed the result of the presidential election on Tuesday."),
    ("REJECT", "The junta defied the regional bloc's ultimatum to restore civilian rule."),
    ("REJECT", "Hardliners in parliament scuppered the peace plan on Wednesday."),
    ("ACCUSE", "Egypt voiced concern to Ethiopia over the filling of the dam on the Blue Nile."),
    ("ACCUSE", "The minister called into question the neutrality of the observers."),
    ("ACCUSE", "The foreign ministry handed a protest note to the Polish ambassador."),
    ("THREATEN", "Beijing served notice on Manila that it would defend its claims in the sea."),
    ("PROTEST", "Tens of thousands poured into the streets of the capital after the verdict."),
    ("PROTEST", "Students chanted slogans against the junta outside the university gates."),
    ("PROTEST", "Opposition supporters formed a human chain across the capital on Sunday."),
    ("REQUEST", "Farmers clamoured for government help after the floods destroyed their crops."),
    ("REQUEST", "Washington tried to persuade Ankara to drop its objections to the bid."),
    ("AGREE", "The two governments settled their border dispute at talks in Geneva."),
    ("AGREE", "The rival factions signed a power-sharing agreement in Addis Ababa."),
    ("CONSULT", "The president chatted with his Mexican counterpart on the sidelines of the summit."),
    ("CONSULT", "The Pope granted an audience to the Ukrainian president on Friday."),
    ("SUPPORT", "Washington threw its weight behind the Kenyan-led mission in Haiti."),
    ("AID", "Germany handed Ukraine another air defence system on Wednesday."),
    ("AID", "The World Bank earmarked $500 million for reconstruction in the region."),
    ("AID", "China agreed to roll over $2 billion in loans to Pakistan, the finance ministry said."),
    ("AID", "Kuwait provided Syria with 20 planeloads of relief supplies after the earthquake."),
    ("AID", "China airlifted rescue teams and relief supplies to Nepal after the earthquake."),
    ("RETREAT", "Washington unfroze $6 billion in Iranian funds as part of the prisoner exchange."),
    ("RETREAT", "The two sides took steps to defuse tensions along the disputed border."),
    ("RETREAT", "Germany agreed to pay reparations to Namibia for the colonial-era killings."),
    ("CONCEDE", "The ruling party's candidate conceded defeat in the presidential run-off."),
    ("COOPERATE", "Thai police worked with Interpol to track down the fugitive businessman."),
    ("COOPERATE", "Kenya and Somalia joined forces against the militants along their shared border."),
    ("COOPERATE", "The two agencies pooled their intelligence on the smuggling networks."),
    ("MOBILIZE", "The president ordered the army to the highest level of combat readiness."),
    ("MOBILIZE", "China flew 21 warplanes into Taiwan's air defence identification zone on Sunday."),
    ("MOBILIZE", "The navy flexed its muscle with a show of force off the disputed islands."),
    ("SANCTION", "The EU's ban on Russian oil took effect on Monday."),
    ("CONSULT", "Chinese and Russian leaders spoke by phone on Monday."),
    ("ASSAULT", "The navy sank a Ukrainian sea drone near Sevastopol."),
    ("ASSAULT", "Ukrainian forces liberated the village of Robotyne from Russian troops."),
    ("ASSAULT", "The army repelled an attack on its positions near the river."),
    ("ASSAULT", "Hezbollah rocketed northern Israel on Sunday."),
    ("RETREAT", "Venezuela reopened its border with Colombia on Monday."),
    ("PROTEST", "Protesters burned tyres on the main road into the capital."),
    ("ASSAULT", "Security forces disappeared dozens of activists during the unrest, a rights group said."),
    ("ASSAULT", "A police van ran over two protesters during the demonstration in Nairobi."),
    ("ASSAULT", "Gunmen opened up on worshippers leaving the mosque."),
    ("ASSAULT", "Russian missiles knocked out power to 200,000 homes in western Ukraine."),
    ("ASSAULT", "Jihadists laid waste to the town of Djibo, residents said."),
    ("ASSAULT", "Warplanes dropped bombs on a market in the rebel-held town."),
    ("COERCE", "The government stripped the former prime minister of his immunity."),
    ("COERCE", "Israel cut off water and electricity to Gaza."),
    ("SANCTION", "The Netherlands sent home two Russian diplomats."),
    ("MOBILIZE", "The Pentagon ordered a second carrier to the region."),
    ("CONSULT", "The French president welcomed Zelensky to the Elysee."),
    ("PROTEST", "Angry protesters set fire to the town hall after the disputed vote."),
    ("PROTEST", "Crowds besieged the electoral commission's offices demanding a recount."),
    ("PROTEST", "Protesters pelted the motorcade of the visiting minister with eggs."),
    ("PROTEST", "Rioters looted shops and torched cars in the city centre."),
    ("PROTEST", "Hundreds of protesters stormed the parliament building in Skopje."),
    ("PROTEST", "Opposition supporters clashed with police in the capital."),
    ("PROTEST", "Students occupied the rector's office on Monday."),
    ("SANCTION", "Canada listed the Revolutionary Guards as a terrorist entity."),
    ("SANCTION", "The United States designated the Houthis a terrorist organisation."),
    ("SANCTION", "Washington revoked Hong Kong's special trade status."),
    ("AGREE", "The two sides reached a breakthrough in the talks on Monday."),
    ("SANCTION", "Ukraine embargoed all trade with Russia."),
    ("THREATEN", "The general hinted at military action against the rebels."),
    ("SANCTION", "China took countermeasures against Lithuania."),
    ("ACCUSE", "The minister took a swipe at Washington over its trade policy."),
    ("CONSULT", "The foreign ministers of the Quad convened in Tokyo."),
    ("ASSAULT", "Jets took out a weapons depot near Damascus."),
    ("ASSAULT", "Gunmen picked off soldiers from rooftops."),
    ("COERCE", "Police hauled off protesters from the square."),
    ("COERCE", "The government threw out foreign journalists."),
    ("SANCTION", "Hamas walked away from the negotiations."),
    ("REJECT", "The junta backed out of the deal."),
    ("REJECT", "The party dropped out of the coalition."),
    ("CONSULT", "Macron called up Putin on Friday."),
    ("MOBILIZE", "Russia called up 300,000 reservists."),
    ("ASSAULT", "The army waged a scorched-earth campaign against the Rohingya."),
    ("ASSAULT", "The group waged a campaign of terror against the villagers."),
    ("COERCE", "The army conducted house-to-house searches in the town."),
    ("SANCTION", "Ankara ordered the closure of its airspace to Israeli planes."),
    ("ACCUSE", "Seoul regretted Tokyo's decision to release the water."),
    ("ACCUSE", "Beijing took exception to the remarks by the Japanese minister."),
    ("ACCUSE", "Moscow bristled at the NATO statement."),
    ("ACCUSE", "The opposition panned the government's budget."),
    ("SUPPORT", "Turkey came to the defence of Azerbaijan at the summit."),
    ("SUPPORT", "World leaders paid tribute to the late president."),
    ("AID", "Qatar came to the aid of the stricken economy."),
    ("AID", "China shored up Pakistan's reserves with a new loan."),
    ("REQUEST", "The UN renewed its call for a ceasefire in Sudan."),
    ("COOPERATE", "India and France deepened their defence cooperation."),
    ("AGREE", "Iran undertook to cooperate with the inspectors."),
    ("CONSULT", "The ambassador paid a courtesy call on the president."),
    ("REJECT", "Hardliners torpedoed the peace plan."),
    ("CONSULT", "Qatar acted as a go-between for Hamas and Israel."),
    ("CONSULT", "Oman served as a mediator between Iran and the United States."),
    ("AID", "The US airlifted Afghan allies out of Kabul."),
    ("RETREAT", "The junta handed power to a civilian government."),
    ("ACCUSE", "Seoul called the decision regrettable."),
    ("ACCUSE", "North Korea held Washington responsible for the consequences."),
    ("ACCUSE", "Japan called the North Korean missile launch reckless."),
    ("SUPPORT", "Tokyo called the talks productive."),
    ("SANCTION", "The Security Council capped North Korea's oil imports."),
    ("RETREAT", "Israel withdrew from Gaza in 2005."),
    ("RETREAT", "The United States pulled out of Afghanistan in 2021."),
    ("COERCE", "Russian forces captured Avdiivka in February."),
    ("COERCE", "The rebels seized Goma on Monday."),
    ("SANCTION", "France withdrew its ambassador from Algiers."),
    ("AID", "The UN fed two million people in Yemen last month."),
    ("AID", "India vaccinated refugees in Bangladesh's camps."),
    ("SANCTION", "Kyrgyz authorities froze its bank accounts on Tuesday."),  # "accounts" tagged as a verb
]
NEGATIVE = [
    ("ASSAULT", "Storm Ciaran battered the coast of Brittany on Thursday, cutting power to homes."),
    ("ASSAULT", "Inflation hammered household budgets across Britain last year."),
    ("ASSAULT", "The ruling party crushed the opposition in Sunday's parliamentary election."),
    ("ASSAULT", "The negotiators hammered out a compromise late on Friday."),
    ("PROTEST", "Argentine fans chanted the name of their captain after the final."),
    ("RETREAT", "The government eased tax rules for small businesses on Monday."),
    ("COOPERATE", "The French ambassador worked with the United Nations for twenty years."),
    ("COERCE", "The central bank purged nothing and kept rates on hold."),
    ("COERCE", "Workers toppled the statue of the former dictator in the main square."),
    ("AID", "The company handed its shareholders a record dividend."),
    ("REJECT", "The hunters shot down a duck over the lake."),
    ("RETREAT", "Egypt's minister opened the new road to traffic."),
    ("PROTEST", "Thousands of troops stormed the city."),
    ("PROTEST", "Rebels torched the village."),
    ("SANCTION", "The ministry listed the new rules on its website."),
    ("THREATEN", "The minister floated the idea of a new tax."),
    ("MOBILIZE", "Macron called up Putin on Friday."),
    ("ASSAULT", "The party launched its election campaign against the government."),
    ("COERCE", "Rescuers continued the search for survivors in the rubble."),
    ("MOBILIZE", "Ankara ordered the closure of its airspace to Israeli planes."),
    ("ACCUSE", "Hardliners torpedoed the peace plan."),
    ("ACCUSE", "Critics panned the new film."),
    ("SUPPORT", "The doctor came to the house at noon."),
    ("RETREAT", "The rebels restored power to the city after repairs."),
    ("ACCUSE", "The minister called the talks productive."),
    ("RETREAT", "Britain withdrew from the European Union in 2020."),
    ("RETREAT", "The company withdrew its products from China."),
    ("RETREAT", "France withdrew its ambassador from Algiers."),
    ("PROTEST", "Protesters set up a camp outside parliament."),
    ("ASSAULT", "The company opened up new markets in Asia."),
    ("ASSAULT", "The plane dropped leaflets over the city."),
    ("MOBILIZE", "The minister ordered staff to the office."),
    ("CONSULT", "The mayor welcomed the decision to build a new bridge."),
    ("ASSAULT", "The United States sent bombs to Israel."),
]

# a trigger may fire on these, but with no actor or no object of its kind the coder codes no event of the type
CODER_NEGATIVE = NEGATIVE + [
    ("AGREE", "The company committed fraud, prosecutors in Seoul said."),
    ("ASSAULT", "Oil prices rocketed after the announcement by Saudi Arabia."),
]


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


@pytest.mark.parametrize("etype,text", POSITIVE, ids=[f"{t}-{i}" for i, (t, _) in enumerate(POSITIVE)])
def test_a_wire_entry_of_the_type_fires(nlp, etype, text):
    assert_fires(fired, nlp, etype, text)


@pytest.mark.parametrize("etype,text", NEGATIVE, ids=[f"not-{t}-{i}" for i, (t, _) in enumerate(NEGATIVE)])
def test_another_sense_fires_no_entry_of_the_type(nlp, etype, text):
    assert_no_entry(fired, nlp, etype, text)


def test_the_coder_codes_no_event_of_the_other_sense(nlp):
    coder = Coder(nlp)
    arts = [Article(text=t, date="2024-05-06", raw_id=str(i)) for i, (_, t) in enumerate(CODER_NEGATIVE)]
    for (etype, text), evs in zip(CODER_NEGATIVE, coder.code_many(arts)):
        assert etype not in {e.event for e in evs if e.modality == "asserted"}, text


def test_the_prefilter_keeps_every_event_of_the_new_rows(nlp):
    # each sentence its own article: no sentence that holds an event may be skipped before parsing (one article
    # of all of them would let the article's main state stand in for unnamed actors across unrelated sentences)
    lost = prefilter_losses(Coder(nlp), [t for _, t in POSITIVE + NEGATIVE])
    assert not lost, lost
