"""Trigger matching (coding/triggers.py) on sentences written for these tests in wire shapes: each sentence
fires a lexicon entry of its type, other senses of the same words fire none, the coder codes the type, and
the prefilter loses no event that parsing every sentence finds."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lexicon_checks import assert_fires, assert_no_entry

from dyadwatch.coding import Coder
from dyadwatch.coding.senses import armed_subject
from dyadwatch.coding.triggers import load_lexicon, match_noun, match_verb
from dyadwatch.ingest.article import Article
from dyadwatch.nlp import get_nlp

# (expected type, sentence): written by the lexicon engineer in wire shapes; none is taken from any data set.
POSITIVE = [
    # AGREE
    ("AGREE", "Ethiopia and Eritrea clinched a deal on Sunday to reopen their shared border, officials in Addis Ababa said."),
    ("AGREE", "Kenya pledged 1,000 police officers to a security mission in Haiti, the foreign ministry said on Monday."),
    ("AGREE", "Moldova signalled its readiness to resume talks with Transnistria after a two-year pause."),
    ("AGREE", "The Philippines and Vietnam hammered out a framework agreement on coast guard cooperation in the South China Sea."),
    ("AGREE", "Serbia has offered to mediate between Bosnia's feuding leaders, a government statement said."),
    ("AGREE", "Nepal promised India on Tuesday that it would tighten controls along their open border."),
    # CONSULT
    ("CONSULT", "Turkish Foreign Minister Hakan Fidan held talks with his Iraqi counterpart in Baghdad on Wednesday."),
    ("CONSULT", "Pakistani Prime Minister Shehbaz Sharif travelled to Riyadh on Thursday for a two-day official visit."),
    ("CONSULT", "President Emmanuel Macron hosted Indian Prime Minister Narendra Modi at the Elysee Palace on Friday."),
    ("CONSULT", "Japan's prime minister spoke with the Australian prime minister by telephone on Monday about regional security."),
    ("CONSULT", "Qatar has been mediating between Hamas and Israel for months, diplomats said."),
    ("CONSULT", "Chinese Premier Li Qiang arrived in Canberra on Saturday, the first visit by a Chinese premier in seven years."),
    ("CONSULT", "The foreign ministers of Armenia and Azerbaijan met in Washington on Tuesday to discuss a peace treaty."),
    ("CONSULT", "Norway's foreign minister paid a visit to Colombia last week to meet government negotiators."),
    # SUPPORT
    ("SUPPORT", "Germany praised Poland's decision to take in more Ukrainian refugees, a government spokesman said."),
    ("SUPPORT", "The Arab League voiced its full support for Somalia's territorial integrity on Sunday."),
    ("SUPPORT", "Spain formally recognised Palestine as a state on Tuesday, joining Ireland and Norway."),
    ("SUPPORT", "Japan apologised to South Korea for the remarks of a senior official, the foreign ministry said."),
    ("SUPPORT", "Mexico and Canada signed a memorandum on energy cooperation in Ottawa on Monday."),
    ("SUPPORT", "Hungary sided with Turkey in the dispute over NATO membership, Hungarian officials said."),
    # COOPERATE
    ("COOPERATE", "Colombia extradited a suspected drug lord to the United States on Wednesday, the attorney general said."),
    ("COOPERATE", "Indonesian and Australian troops began joint exercises in Darwin on Monday."),
    ("COOPERATE", "Britain has shared intelligence with Ukraine on Russian troop movements, a defence source said."),
    ("COOPERATE", "Egyptian police have shared intelligence with Sudan on smuggling networks, officials in Cairo said."),
    # AID
    ("AID", "Germany delivered two more Patriot air defence systems to Ukraine on Thursday, the defence ministry said."),
    ("AID", "The United Arab Emirates shipped 500 tonnes of food aid to Sudan, the state news agency reported."),
    ("AID", "Saudi Arabia handed over 50 ambulances to Yemen's health ministry in Aden on Tuesday."),
    ("AID", "Japan gave Ukraine an additional $4.5 billion in financial aid on Tuesday, the finance ministry said."),
    ("AID", "The World Bank approved a $1.5 billion loan to Ethiopia on Friday to support its budget."),
    ("AID", "Jordan airdropped medical supplies and food over northern Gaza on Monday, the army said."),
    ("AID", "France donated 100,000 vaccine doses to Senegal, the French embassy in Dakar said."),
    ("AID", "Ecuador granted asylum to a former Bolivian minister, the foreign ministry said on Sunday."),
    ("AID", "Britain supplied Kyiv with long-range Storm Shadow missiles, the defence secretary confirmed."),
    # RETREAT
    ("RETREAT", "Russia released two American journalists on Thursday as part of a prisoner exchange with Washington."),
    ("RETREAT", "France withdrew its last troops from Niger on Friday, ending a decade-long counterterrorism mission."),
    ("RETREAT", "The United States lifted sanctions on Venezuela's oil sector on Wednesday after the government agreed to hold an election."),
    ("RETREAT", "The Houthis declared a unilateral ceasefire on Sunday, a spokesman for the group said."),
    ("RETREAT", "Iran allowed inspectors of the International Atomic Energy Agency into the Fordow site on Monday, diplomats said."),
    ("RETREAT", "The prime minister of Peru resigned on Tuesday amid a corruption scandal."),
    ("RETREAT", "Armenia handed back four border villages to Azerbaijan on Friday under a demarcation deal."),
    ("RETREAT", "Israel eased its blockade of Gaza on Sunday, allowing fuel trucks through the Rafah crossing."),
    ("RETREAT", "Azerbaijan repatriated the remains of 20 Armenian soldiers on Wednesday, the Armenian defence ministry said."),
    # CONCEDE
    ("CONCEDE", "The Kenyan government backed down on Wednesday and withdrew a finance bill that had set off deadly protests."),
    ("CONCEDE", "Sri Lanka lifted a ban on public gatherings on Saturday, the president's office said."),
    ("CONCEDE", "The junta in Guinea granted an amnesty to 100 political prisoners, state television reported."),
    ("CONCEDE", "Georgian prosecutors dropped the charges against the opposition leader on Monday."),
    # REQUEST
    ("REQUEST", "Ukraine urged Germany on Monday to supply Taurus cruise missiles without further delay."),
    ("REQUEST", "The U.N. secretary-general called on Israel and Hezbollah to stop firing across the Blue Line."),
    ("REQUEST", "Somalia asked the African Union to keep its peacekeepers in the country for another year."),
    ("REQUEST", "Lebanon appealed for international aid on Tuesday after the explosion in the port of Beirut."),
    ("REQUEST", "Poland demanded that Belarus halt the flow of migrants across their border, the interior minister said."),
    ("REQUEST", "South Africa sought the extradition of two Indian businessmen from the United Arab Emirates."),
    ("REQUEST", "The Philippines pressed China to release the crew of a detained fishing boat, the foreign ministry said."),
    # ACCUSE
    ("ACCUSE", "Beijing condemned Washington's latest arms sale to Taiwan as a grave interference in China's internal affairs."),
    ("ACCUSE", "Algeria accused Morocco on Tuesday of spying on its officials with Israeli software."),
    ("ACCUSE", "India lodged a strong protest with Pakistan over the killing of two soldiers on the Line of Control."),
    ("ACCUSE", "The Kremlin lashed out at Finland over its decision to close the border, the Russian foreign ministry said."),
    ("ACCUSE", "Gambia filed a genocide case against Myanmar at the International Court of Justice."),
    ("ACCUSE", "Greek prosecutors opened an investigation into the shipwreck off Pylos, a court official said."),
    ("ACCUSE", "Washington presented evidence to the Security Council that Iran had supplied drones to Russia."),
    ("ACCUSE", "Thailand summoned the Cambodian ambassador on Friday over the shelling of a border village."),
    ("ACCUSE", "Kazakhstan's foreign ministry criticised Moscow's remarks about its northern regions."),
    ("ACCUSE", "Pakistan and Afghanistan traded accusations on Sunday after a border skirmish."),
    # REJECT
    ("REJECT", "Israel rejected a call by France for an immediate ceasefire in Lebanon, an Israeli official said."),
    ("REJECT", "Russia vetoed a Security Council resolution on Thursday that would have extended the mandate of sanctions monitors."),
    ("REJECT", "Venezuela's government refused to recognise the ruling of the International Court of Justice on Essequibo."),
    ("REJECT", "Hungary blocked a European Union statement on Tuesday criticising China's human rights record."),
    ("REJECT", "Myanmar's junta turned down an offer of talks from the main ethnic armed groups."),
    ("REJECT", "North Korea dismissed a South Korean proposal for family reunions as a propaganda stunt."),
    # THREATEN
    ("THREATEN", "Iran threatened on Sunday to close the Strait of Hormuz if its oil exports are blocked."),
    ("THREATEN", "The United States warned Serbia against any military move toward Kosovo, the State Department said."),
    ("THREATEN", "Hezbollah vowed retaliation against Israel on Wednesday for the killing of a senior commander."),
    ("THREATEN", "The military government gave the French ambassador an ultimatum to leave the country within 48 hours."),
    # PROTEST
    ("PROTEST", "Thousands of farmers blocked roads in Brussels on Thursday to protest against European Union trade policy."),
    ("PROTEST", "Opposition supporters staged a sit-in outside the electoral commission in Kinshasa on Monday."),
    ("PROTEST", "Tens of thousands of Israelis rallied in Tel Aviv on Saturday against the government's judicial overhaul."),
    ("PROTEST", "Doctors in South Korea went on strike on Tuesday over a plan to raise medical school admissions."),
    ("PROTEST", "Jailed activists in Bahrain began a hunger strike to protest against their conditions, a rights group said."),
    ("PROTEST", "Protesters burned an effigy of the president outside the parliament in Nairobi on Tuesday."),
    ("PROTEST", "Rioters torched cars and looted shops in the suburbs of Paris on the third night of unrest."),
    # MOBILIZE
    ("MOBILIZE", "Russia massed tens of thousands of troops near the Ukrainian border, satellite images showed."),
    ("MOBILIZE", "North Korea test-fired two short-range ballistic missiles into the sea on Thursday, Seoul said."),
    ("MOBILIZE", "China held live-fire drills around Taiwan on Saturday, three days after the island's election."),
    ("MOBILIZE", "Azerbaijan deployed additional troops to its border with Armenia, the defence ministry in Yerevan said."),
    ("MOBILIZE", "Japan scrambled fighter jets on Monday as Chinese and Russian bombers flew near its airspace."),
    ("MOBILIZE", "Venezuela mobilised 5,000 soldiers to its eastern border with Guyana, the defence minister said."),
    ("MOBILIZE", "Iran unveiled a new hypersonic missile at a ceremony in Tehran on Tuesday, state media reported."),
    ("MOBILIZE", "Pakistan raised the alert level of its air defences on Wednesday, a military spokesman said."),
    # COERCE
    ("COERCE", "Iranian security forces arrested a French citizen in Tehran on espionage charges, the judiciary said."),
    ("COERCE", "Turkey detained 30 suspected members of the Islamic State group in raids across Istanbul on Tuesday."),
    ("COERCE", "Israel deported the activists aboard the aid flotilla to their home countries on Sunday."),
    ("COERCE", "Iran seized a Greek-flagged oil tanker in the Gulf of Oman, the navy said on Thursday."),
    ("COERCE", "The junta in Niger banned all activities of political parties, a statement on state television said."),
    ("COERCE", "Bangladesh imposed a nationwide curfew on Friday after deadly clashes between police and students."),
    ("COERCE", "Russian hackers breached the email accounts of senior German officials, the government in Berlin said."),
    ("COERCE", "Ethiopia's government shut down the internet in the Amhara region on Thursday, residents said."),
    ("COERCE", "Azerbaijani forces sealed off the Lachin corridor, the only road linking Armenia to Karabakh."),
    ("COERCE", "Russia annexed four regions of Ukraine in September 2022 after referendums condemned in the West."),
    ("COERCE", "Israeli police cracked down on protesters in Jerusalem on Monday, arresting dozens."),
    ("COERCE", "Tunisia revoked the accreditation of two foreign correspondents on Wednesday."),
    ("COERCE", "Armed men looted the warehouses of the World Food Programme in Khartoum, the agency said."),
    # SANCTION
    ("SANCTION", "The European Union imposed sanctions on six Iranian officials on Monday over the crackdown on protesters."),
    ("SANCTION", "Australia froze the assets of three Russian banks, the foreign minister said on Friday."),
    ("SANCTION", "Mali expelled the German ambassador on Friday, accusing him of a discourteous attitude."),
    ("SANCTION", "Israel recalled its ambassador to Turkey for consultations, the foreign ministry said."),
    ("SANCTION", "Bolivia severed diplomatic ties with Israel on Tuesday over the war in Gaza."),
    ("SANCTION", "The United States suspended military aid to Egypt worth $130 million, the State Department said."),
    ("SANCTION", "The U.S. Treasury blacklisted four companies on Thursday for shipping Iranian oil to China."),
    ("SANCTION", "Azerbaijan broke off talks with Armenia after the latest shooting on their border."),
    ("SANCTION", "China banned imports of Japanese seafood on Thursday after Tokyo began releasing water from Fukushima."),
    ("SANCTION", "Burkina Faso suspended the broadcasts of a French radio station, accusing it of spreading false news."),
    ("SANCTION", "A Moscow court convicted an American journalist of espionage on Friday and sentenced him to 16 years."),
    ("SANCTION", "Canada cancelled a planned visit by its trade minister to India after the diplomatic row."),
    # ASSAULT
    ("ASSAULT", "Russian forces pounded the eastern city of Kharkiv with missiles overnight, the regional governor said."),
    ("ASSAULT", "Israeli aircraft carried out strikes on Hezbollah positions in southern Lebanon on Tuesday."),
    ("ASSAULT", "Gunmen kidnapped 20 students from a school in northern Nigeria on Thursday, police said."),
    ("ASSAULT", "Militants ambushed an army convoy in Burkina Faso's north, killing 15 soldiers."),
    ("ASSAULT", "Congolese soldiers engaged in a firefight with Rwandan troops near the border town of Bunagana on Monday."),
    ("ASSAULT", "Ukrainian drones struck an oil refinery in Russia's Krasnodar region overnight."),
    ("ASSAULT", "Sudan's paramilitary forces shelled the city of El Fasher for a fifth day on Sunday."),
    ("ASSAULT", "An al-Shabaab suicide bomber detonated explosives at a market in Mogadishu on Friday, killing nine people."),
    ("ASSAULT", "Houthi forces launched a barrage of drones at a British warship in the Red Sea on Tuesday."),
    ("ASSAULT", "Myanmar's military razed dozens of villages in Sagaing region, a rights group said."),
    ("ASSAULT", "Police fired tear gas at demonstrators outside the parliament in Tbilisi on Thursday."),
    ("ASSAULT", "Pakistani troops exchanged fire with Afghan border guards near Torkham on Sunday."),
    ("ASSAULT", "Azerbaijan launched an offensive against Armenian forces in Karabakh on Tuesday."),
    ("ASSAULT", "Sudan's army shot down a drone over Port Sudan on Sunday, the defence ministry said."),
    ("ASSAULT", "Islamic State fighters stormed a prison in northeastern Syria on Sunday, freeing hundreds of inmates."),
    ("ASSAULT", "Russian warplanes bombed rebel-held areas of Idlib province on Wednesday, activists said."),
    ("ASSAULT", "Islamist fighters beheaded 11 villagers in northern Mozambique, local officials said."),
    # nominalisations and passives
    ("SANCTION", "The expulsion of two Russian diplomats by Norway was announced on Thursday."),
    ("COERCE", "The arrest of the opposition leader by Senegalese police set off protests in Dakar."),
    ("ASSAULT", "An Israeli air strike on a school in Gaza City killed at least 20 people, medics said."),
    ("SANCTION", "Two Chinese diplomats were expelled by the Netherlands on Friday over espionage."),
    ("COERCE", "Three Indian fishermen were detained by the Sri Lankan navy off Jaffna on Sunday."),
    ("AID", "Polish arms deliveries to Ukraine reached the front on Monday, officials said."),
    ("CONSULT", "Talks between Iran and the United States resumed in Oman on Saturday."),
    # counted objects, cargo, object predicates, passives with a second object
    ("AID", "Slovakia sent four of its MiG-29 fighter jets to Ukraine on Friday, the defence ministry said."),
    ("AID", "The Netherlands will hand over all 24 of its F-16 jets to Ukraine by the end of the year."),
    ("AID", "Malaysia dispatched two navy vessels carrying rice and blankets to the flooded coast of Myanmar."),
    ("AID", "Kuwait received $300 million from the World Bank to rebuild its power grid."),
    ("ACCUSE", "Bolivia's opposition called the referendum a fraud on Monday."),
    ("ACCUSE", "Ukraine branded the missile strike on the children's hospital a war crime."),
    ("ACCUSE", "Kenya condemned the killing of its diplomat as an act of terrorism."),
    ("SUPPORT", "Serbia's accession bid was given the green light by the European Commission on Wednesday."),
    # inverse verbs: the giver or critic named after "from" acts
    ("AID", "Moldova received two radar systems from Germany on Tuesday, the defence ministry said."),
    ("ACCUSE", "The detention of the opposition leader drew swift condemnation from the European Union."),
    ("SUPPORT", "Ghana's candidacy won the backing of the African Union on Sunday."),
    # suspects handed over, curfews and emergency rule eased, walkouts, strikes, alerts, ramming
    ("COOPERATE", "Guatemala handed over three drug traffickers to the United States on Thursday."),
    ("CONCEDE", "Kenya lifted the night curfew in the coastal town of Lamu on Monday."),
    ("CONCEDE", "Ethiopia's parliament ended the state of emergency in Amhara on Tuesday."),
    ("CONCEDE", "The military government cancelled restrictions on foreign journalists on Sunday."),
    ("PROTEST", "Opposition lawmakers in Uganda walked out of parliament during the budget speech on Thursday."),
    ("PROTEST", "Teachers in Nigeria stopped work on Monday to protest against unpaid salaries."),
    ("PROTEST", "Bus drivers in Lagos began an indefinite strike over pay on Monday."),
    ("MOBILIZE", "Greek troops remained on high alert along the border with Turkey on Sunday."),
    ("ASSAULT", "Armed men rammed a truck into the gates of the Nigerian army base in Borno."),
    # courts reached through a preposition, tariffs raised, suspensions from a bloc, money deposited
    ("ACCUSE", "Nicaragua took Germany to the International Court of Justice over its arms exports."),
    ("ACCUSE", "The Security Council referred Libya to the International Criminal Court in 2011."),
    ("SANCTION", "The United States raised tariffs on Brazilian coffee to 50 percent on Wednesday."),
    ("SANCTION", "The regional bloc suspended Gabon from all its activities after the coup."),
    ("SANCTION", "Washington tightened export controls on advanced chips bound for China."),
    ("AID", "Qatar deposited $2 billion in the central bank of Egypt on Sunday."),
    ("AID", "The Emirates pumped $10 billion into Pakistan's struggling economy."),
    ("MOBILIZE", "Russia stationed tactical nuclear weapons in Belarus, the Kremlin said."),
    ("MOBILIZE", "China moved ballistic missile launchers to its southeastern coast."),
    ("SUPPORT", "The African Union welcomed the agreement between the two Sudanese factions."),
    ("SUPPORT", "India offered its condolences to Nepal after the plane crash."),
    ("THREATEN", "Beijing vowed countermeasures after the new export restrictions."),
    ("ASSAULT", "A Russian missile slammed into an apartment block in Dnipro overnight."),
    ("THREATEN", "The sale of the drones to Taiwan drew a threat of sanctions from Beijing."),
    ("ASSAULT", "A UN convoy came under gunfire from Israeli troops near Gaza City."),
    ("COERCE", "Russian hackers knocked Estonian government websites offline on Monday."),
    # applications, admissions, participation suspended, power seized, missions closed
    ("REQUEST", "Moldova applied to join the European Union days after the invasion."),
    ("SUPPORT", "The Arab League readmitted Syria on Sunday after a 12-year suspension."),
    ("SUPPORT", "NATO admitted Sweden as its 32nd member on Thursday."),
    ("REJECT", "Moscow suspended its participation in the Open Skies treaty on Friday."),
    ("COERCE", "The army in Gabon seized power on Wednesday, hours after the election result."),
    ("SANCTION", "Russia ordered the closure of the Polish consulate in Kaliningrad."),
    ("SANCTION", "The United States suspended part of its military aid to Egypt on Tuesday."),
    ("SANCTION", "Germany suspended half of its development aid programme for Niger on Monday."),
    ("COERCE", "The presidential guard staged a coup in the capital on Wednesday."),
    ("RETREAT", "Russia withdrew from the Kherson region in November 2022."),
    ("RETREAT", "Ukraine pulled out of the town of Avdiivka on Saturday."),
    ("REJECT", "The Kremlin poured cold water on the French peace proposal."),
    ("REJECT", "Burundi left the International Criminal Court in 2017, the first member to do so."),
    ("REJECT", "Three Sahel juntas quit the Economic Community of West African States on Sunday."),
    ("ASSAULT", "Militias drove thousands of villagers from their homes in Darfur."),
    ("ASSAULT", "Israeli soldiers forced out hundreds of families from a refugee camp near Jenin."),
]
# another sense of a trigger word: no political event of that type
NEGATIVE = [
    ("ASSAULT", "The company's shares hit a record high on Tuesday after strong quarterly results."),
    ("ASSAULT", "Farmers in France began a general strike on Monday over falling prices."),
    ("ASSAULT", "The central bank fired its chief economist after the inflation forecast proved wrong."),
    ("AID", "The minister delivered a speech to parliament on Tuesday about the budget."),
    ("ASSAULT", "The new policy struck a chord with voters in the rural provinces."),
    ("ASSAULT", "Critics attacked the government's budget plan as reckless."),
    ("ASSAULT", "Exporters were hit by the sharp fall in the value of the currency."),
    ("AID", "The report provides a detailed account of the negotiations."),
    ("MOBILIZE", "The central bank deployed new tools to fight inflation."),
    ("ASSAULT", "The ruling party launched its election campaign in the capital on Sunday."),
    ("SANCTION", "Officials announced measures to boost the economy on Tuesday."),
    ("COERCE", "The company seized the opportunity to expand into Asian markets."),
    ("RETREAT", "The team withdrew from the tournament after two players were injured."),
    ("ASSAULT", "Protesters continued their hunger strike outside the ministry for a second week."),
    ("ACCUSE", "Officials described the attack on the convoy in detail at a briefing on Monday."),
    ("ACCUSE", "The army launched what it called counter-terrorism operations in the border region."),
    ("ACCUSE", "The president called the strike a success for the trade unions."),
    ("PROTEST", "The president called a snap election on Sunday, two years ahead of schedule."),
    ("ASSAULT", "Dockers at the port began a general strike on Monday over pension cuts."),
    ("ASSAULT", "Rail workers announced a 24-hour strike for next week."),
    ("MOBILIZE", "Indonesia dispatched two navy ships carrying tents and medicine to the quake zone."),
    ("COERCE", "Britain suspended 30 of its arms export licences to Israel on Monday."),
    ("SANCTION", "The foreign ministry ordered its diplomats to leave Khartoum as fighting spread."),
    ("AID", "The ministry received complaints from residents about the new road."),
    ("CONCEDE", "Parliament ended its emergency session on the budget late on Tuesday."),
    ("ASSAULT", "A delivery truck crashed into a barrier on the motorway, police said."),
    ("SANCTION", "Opposition lawmakers walked out of parliament during the budget speech on Thursday."),
    ("ASSAULT", "The storm slammed into the coast of Florida on Sunday."),
    ("AID", "The central bank injected liquidity into the banking system."),
    ("SANCTION", "Egypt raised taxes on cigarettes on Monday."),
    ("SANCTION", "The club suspended the player from training for a week."),
    ("ACCUSE", "The minister took reporters to the site of the blast."),
    ("SUPPORT", "The minister welcomed the delegation at the airport."),
    ("ACCUSE", "The government described the plan as ambitious."),
    ("ACCUSE", "Analysts called the election a turning point."),
    ("AID", "The minister offered his condolences to the families of the victims."),
    ("SUPPORT", "President Ruto signed a decree dissolving the electoral commission on Monday."),
    ("SUPPORT", "The company admitted wrongdoing and paid a fine."),
    ("SUPPORT", "Turkey admitted that its drones had crossed the border."),
    ("COERCE", "The new president took power in January after winning the election."),
    ("REJECT", "The junta suspended parts of the constitution on Saturday."),
    ("RETREAT", "President Macron left the city on Monday for a summit in Brussels."),
    ("RETREAT", "Britain withdrew from the European Union in 2020."),
    ("ASSAULT", "The army forced thousands of people to vote for the ruling party."),
    ("ASSAULT", "Russia forced out two Estonian diplomats on Monday."),
    ("ASSAULT", "Ethiopia forced the UN refugee agency out of the Tigray region in June."),
    ("ASSAULT", "The government vowed to fight inflation and corruption."),
    ("ASSAULT", "The former president will fight the charges in court, his lawyer said."),
]


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


@pytest.fixture(scope="module")
def coder(nlp):
    return Coder(nlp)


def fired(nlp, text: str) -> list:
    """Every lexicon entry that fires on a token of the parsed sentence."""
    lex = load_lexicon()
    out = []
    for tok in nlp(text):
        if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
            # entries flagged armed count only with an armed subject, as in the coder (coding/senses.py)
            out.extend(e for e in match_verb(tok, lex) if "armed" not in e.flags or armed_subject(tok))
        if tok.pos_ in ("NOUN", "PROPN"):
            e = match_noun(tok, lex)
            if e is not None:
                out.append(e)
    return out


@pytest.mark.parametrize("etype,text", POSITIVE, ids=[f"{t}-{i}" for i, (t, _) in enumerate(POSITIVE)])
def test_a_lexicon_entry_of_the_type_fires(nlp, etype, text):
    assert_fires(fired, nlp, etype, text)


@pytest.mark.parametrize("etype,text", NEGATIVE, ids=[f"not-{t}-{i}" for i, (t, _) in enumerate(NEGATIVE)])
def test_another_sense_fires_no_entry_of_the_type(nlp, etype, text):
    assert_no_entry(fired, nlp, etype, text)


def _asserted_types(coder, texts: list[str]) -> list[set[str]]:
    arts = [Article(text=t, date="2024-05-06", raw_id=str(i)) for i, t in enumerate(texts)]
    return [{e.event for e in evs if e.modality == "asserted"} for evs in coder.code_many(arts)]


def test_the_coder_codes_the_type_of_most_sentences(coder):
    types = _asserted_types(coder, [t for _, t in POSITIVE])
    missed = [(want, text) for (want, text), got in zip(POSITIVE, types) if want not in got]
    # argument logic (who did it to whom) is not this module's: a few sentences may lose their actor
    assert len(missed) <= len(POSITIVE) // 10, "\n".join(f"{w}: {t}" for w, t in missed)


def test_the_coder_codes_no_event_of_the_other_sense(coder):
    types = _asserted_types(coder, [t for _, t in NEGATIVE])
    wrong = [(etype, text) for (etype, text), got in zip(NEGATIVE, types) if etype in got]
    assert not wrong, wrong


def test_the_prefilter_keeps_every_event(coder):
    # one article of all the sentences: the prefilter must not drop a sentence that holds an event
    text = " ".join(t for _, t in POSITIVE + NEGATIVE)
    art = Article(text=text, date="2024-05-06", raw_id="all")

    def keys(evs):
        return {(e.event, e.trigger_start, tuple(a.code for a in e.actor), tuple(r.code for r in e.recipient))
                for e in evs}

    assert keys(coder.code(art)) == keys(coder.code(art, parse_all=True))


def test_an_object_class_rejects_the_other_sense_whatever_the_tense(nlp):
    for text in ("Investors hit the sell button.", "The index is hitting new highs.",
                 "Workers have launched a nationwide strike."):
        assert not [e.id for e in fired(nlp, text) if e.event == "ASSAULT"], text
    for text in ("Artillery hit the village.", "The army is hitting rebel positions.",
                 "Drones have launched strikes on the port."):
        assert [e.id for e in fired(nlp, text) if e.event == "ASSAULT"], text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60), max_size=6))
def test_a_user_lexicon_file_of_any_content_never_breaks_loading(tmp_path_factory, lines):
    d = tmp_path_factory.mktemp("kb") / "lexicon" / "types"
    d.mkdir(parents=True)
    (d / "x.csv").write_text("id,kind,words,obj,event,mode,cameo,recip,flags\n" + "\n".join(lines), "utf-8")
    import os

    old = os.environ.get("DYADWATCH_KB")
    os.environ["DYADWATCH_KB"] = str(d.parent.parent)
    load_lexicon.cache_clear()
    try:
        lex = load_lexicon()
        assert lex.get("v001") is not None  # the bundled lexicon is still there
    finally:
        if old is None:
            os.environ.pop("DYADWATCH_KB", None)
        else:
            os.environ["DYADWATCH_KB"] = old
        load_lexicon.cache_clear()


def test_a_participle_read_as_a_noun_is_not_its_lemma(nlp):
    # "according to" must not fire the "accord" (agreement) noun, whatever the tagger calls it
    got = [e.id for e in fired(nlp, "Iran fired missiles at the base, according to the Pentagon.")
           if e.event == "AGREE"]
    assert not got, got


@pytest.mark.parametrize("text,want", [
    ("Moldova received two radar systems from Germany on Tuesday, the defence ministry said.", ("DEU", "MDA", "AID")),
    ("Kuwait received $300 million from the World Bank to rebuild its power grid.", (None, "KWT", "AID")),
    ("The detention of the opposition leader drew swift condemnation from the European Union.",
     ("EUR", None, "ACCUSE")),
    ("Chad ordered the German ambassador to leave the country within 48 hours on Friday.", ("TCD", "DEU", "SANCTION")),
    ("Guatemala handed over three drug traffickers to the United States on Thursday.", ("GTM", "USA", "COOPERATE")),
])
def test_who_acts_on_whom_for_the_new_classes(coder, text, want):
    # an inverse verb codes the giver (after "from") as actor and the subject as recipient
    actor, recipient, etype = want
    evs = [e for e in coder.code(Article(text=text, date="2024-05-06", raw_id="x")) if e.event == etype]
    assert evs, f"no {etype} in {text}"
    e = evs[0]
    if actor is not None:
        assert actor in [a.code for a in e.actor], (e.actor, e.recipient)
    if recipient is not None:
        assert recipient in [r.code for r in e.recipient], (e.actor, e.recipient)


def _verb_events(nlp, text: str, verb: str) -> list[str]:
    lex = load_lexicon()
    return [e.event for t in nlp(text) if t.lower_ == verb for e in match_verb(t, lex) if not e.is_speech]


def test_an_object_predicate_decides_over_the_object(nlp):
    # "called the protests a coup" is a charge, "called a protest" is calling one
    assert _verb_events(nlp, "The government called the protests an attempted coup.", "called") == ["ACCUSE"]
    assert _verb_events(nlp, "The unions called a protest for Monday.", "called") == ["PROTEST"]


EXPULSIONS = [
    "Chad ordered the German ambassador to leave the country within 48 hours on Friday.",
    "The junta in Niger gave the French envoy 72 hours to leave the country, state television said.",
    "Mali ordered UN peacekeepers to leave the country by the end of the year.",
]
EXPULSIONS.append("The United States ordered China to close its consulate in Houston within 72 hours.")
NOT_EXPULSIONS = [
    "Britain ordered its diplomats to leave Khartoum as fighting spread.",
    "The court gave the ministry 30 days to respond to the complaint.",
    "Poland told Belarus to stop sending migrants to the border.",
]


def test_an_order_to_leave_is_an_expulsion(coder):
    for text, got in zip(EXPULSIONS, _asserted_types(coder, EXPULSIONS)):
        assert "SANCTION" in got, (text, got)
    for text, got in zip(NOT_EXPULSIONS, _asserted_types(coder, NOT_EXPULSIONS)):
        assert "SANCTION" not in got, (text, got)


def test_the_cargo_decides_over_the_carrier(nlp):
    got = {e.event for e in fired(nlp, "Turkey sent three ships carrying tents and food to Syria.")}
    assert "AID" in got and "MOBILIZE" not in got
    got = {e.event for e in fired(nlp, "Russia sent warships carrying marines to the Black Sea.")}
    assert "MOBILIZE" in got and "AID" not in got


ARMED = [
    ("COERCE", "M23 rebels walked into Bukavu on Sunday without meeting resistance."),
    ("COERCE", "Russian troops entered the city of Kupiansk on Friday."),
    ("COERCE", "Houthi rebels marched into the capital Sanaa on Sunday."),
    ("RETREAT", "The last French soldiers left Mali on Monday, the French army said."),
    ("RETREAT", "Russian forces abandoned the town of Lyman after being encircled."),
]
NOT_ARMED = [
    ("COERCE", "The Kenyan president walked into the meeting an hour late."),
    ("COERCE", "Thousands of Kenyans marched into the city centre on Tuesday to protest against taxes."),
    ("RETREAT", "The French president left Mali on Monday after a two-day visit."),
    ("RETREAT", "Germany's chancellor left Beijing on Friday after talks with Xi Jinping."),
]


def test_forces_entering_or_leaving_a_place_take_it_or_withdraw(coder):
    # flag armed: the same verbs with a civilian subject are travel or a protest march
    for (want, text), got in zip(ARMED, _asserted_types(coder, [t for _, t in ARMED])):
        assert want in got, (text, got)
    for (unwanted, text), got in zip(NOT_ARMED, _asserted_types(coder, [t for _, t in NOT_ARMED])):
        assert unwanted not in got, (text, got)
    marched = _asserted_types(coder, [NOT_ARMED[1][1]])[0]
    assert "PROTEST" in marched
