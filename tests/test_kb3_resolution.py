"""Actor phrases resolved to their country by the whole coder: office holders named with their title
(interior, defence and Northern Ireland ministers, Japan's chief cabinet secretary, of today and of the
1980s), surnames after a first full mention, possessives, demonyms of old names ("Kampuchean",
"Rhodesian"), peoples of several states coded by the country they fight in ("Kurdish rebels",
"ethnic Albanian guerrillas", "Irish republican gunmen"), groups with a role ("a Sinn Fein
spokesman"), victims named by nationality and places standing for the target ("attacked a convoy in
the capital Kabul").

Every row is written by the team in the shapes news has. Actor rows are put in "<phrase> criticised
Norway on Tuesday." after the row's context (earlier sentences of the same article); victim rows in
"Insurgents attacked <phrase> on Tuesday." Run as a script to print the share and the misses:
`python tests/test_kb3_resolution.py`.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

import pytest

# code | date | phrase | context (optional)
ACTORS = """
# -- title + name: interior, defence and Northern Ireland ministers, chief cabinet secretaries
FRA | 1992-02-01 | Defence Minister Pierre Joxe
FRA | 1986-06-01 | Interior Minister Charles Pasqua
GBR | 1990-05-01 | Defence Secretary Tom King
GBR | 1987-03-01 | Northern Ireland Secretary Tom King
GBR | 1998-02-01 | Northern Ireland Secretary Mo Mowlam
USA | 1988-03-01 | Defense Secretary Frank Carlucci
USA | 1998-03-01 | Secretary of State Madeleine Albright
DEU | 1985-01-01 | Defence Minister Manfred Woerner
DEU | 1995-01-01 | Defence Minister Volker Ruehe
RUS | 1989-01-01 | Defence Minister Dmitry Yazov
RUS | 1983-01-01 | Marshal Dmitry Ustinov
ISR | 1982-06-01 | Defence Minister Ariel Sharon
ISR | 1987-01-01 | Defence Minister Yitzhak Rabin
ITA | 1985-01-01 | Defence Minister Giovanni Spadolini
GBR | 2002-01-01 | Home Secretary David Blunkett
GBR | 2020-01-01 | Home Secretary Priti Patel
FRA | 2021-05-01 | Interior Minister Gerald Darmanin
FRA | 2010-01-01 | Interior Minister Brice Hortefeux
DEU | 2019-01-01 | Interior Minister Horst Seehofer
DEU | 2023-01-01 | Interior Minister Nancy Faeser
ITA | 2019-01-01 | Interior Minister Matteo Salvini
ITA | 2020-06-01 | Interior Minister Luciana Lamorgese
ESP | 2019-01-01 | Interior Minister Fernando Grande-Marlaska
ESP | 2008-01-01 | Interior Minister Alfredo Perez Rubalcaba
RUS | 2015-01-01 | Interior Minister Vladimir Kolokoltsev
UKR | 2016-01-01 | Interior Minister Arsen Avakov
IRN | 2018-01-01 | Interior Minister Abdolreza Rahmani Fazli
IRQ | 2008-01-01 | Interior Minister Jawad al-Bolani
PAK | 2006-01-01 | Interior Minister Aftab Ahmad Khan Sherpao
PAK | 2015-01-01 | Interior Minister Chaudhry Nisar Ali Khan
IND | 2010-01-01 | Home Minister P. Chidambaram
EGY | 2005-01-01 | Interior Minister Habib el-Adly
MEX | 2015-01-01 | Interior Secretary Miguel Angel Osorio Chong
JPN | 2022-06-01 | Chief Cabinet Secretary Hirokazu Matsuno
JPN | 2015-01-01 | Chief Cabinet Secretary Yoshihide Suga
JPN | 2024-03-01 | Chief Cabinet Secretary Yoshimasa Hayashi
BRA | 2019-06-01 | Justice Minister Sergio Moro
# -- leaders of the 1980s and 1990s named with a title only, as old wire copy does
GMB | 1990-03-01 | President Dawda Jawara
NOR | 1992-03-01 | Prime Minister Gro Harlem Brundtland
FIN | 1990-03-01 | President Mauno Koivisto
AUT | 1990-03-01 | Chancellor Franz Vranitzky
ROU | 1992-03-01 | President Ion Iliescu
SRB | 1993-03-01 | President Slobodan Milosevic
ITA | 1994-09-01 | Prime Minister Silvio Berlusconi
ALB | 1993-03-01 | President Sali Berisha
IRL | 1993-03-01 | Prime Minister Albert Reynolds
NPL | 1990-03-01 | King Birendra
MDG | 1990-03-01 | President Didier Ratsiraka
GHA | 1985-03-01 | Flight Lieutenant Jerry Rawlings
GTM | 1982-09-01 | General Efrain Rios Montt
PRT | 1990-03-01 | President Mario Soares
FJI | 1995-03-01 | Prime Minister Sitiveni Rabuka
BOL | 1995-03-01 | President Gonzalo Sanchez de Lozada
POL | 2009-03-01 | Defence Minister Bogdan Klich
SWE | 2010-03-01 | Defence Minister Sten Tolgfors
ESP | 2009-03-01 | Defence Minister Carme Chacon
NOR | 2007-03-01 | Defence Minister Anne-Grete Strom-Erichsen
# -- surname only after a first full mention
AUT | 1990-03-01 | Vranitzky | Chancellor Franz Vranitzky arrived in Bonn on Monday for talks.
IRL | 1984-03-01 | FitzGerald | Prime Minister Garret FitzGerald flew to London on Monday.
FRA | 1992-02-01 | Joxe | Defence Minister Pierre Joxe arrived in Chad on Monday.
GBR | 2003-01-01 | Blunkett | Home Secretary David Blunkett spoke in London on Monday.
JPN | 2022-06-01 | Matsuno | Chief Cabinet Secretary Hirokazu Matsuno briefed reporters in Tokyo on Monday.
PAK | 2006-01-01 | Sherpao | Interior Minister Aftab Ahmad Khan Sherpao visited Quetta on Sunday.
DEU | 2019-01-01 | Seehofer | Interior Minister Horst Seehofer spoke in Berlin on Monday.
ITA | 2020-06-01 | Lamorgese | Interior Minister Luciana Lamorgese flew to Lampedusa on Monday.
GHA | 2012-03-01 | Mensah | Ghanaian Trade Minister Kofi Mensah opened the fair in Accra on Monday.
PER | 2012-03-01 | Delgado | Peruvian Mining Minister Carlos Ruiz Delgado met investors in Lima on Monday.
# -- possessives
IRQ | 2008-01-01 | Iraq's interior minister
PAK | 2015-01-01 | Pakistan's interior ministry
JPN | 2016-01-01 | Japan's chief cabinet secretary
GBR | 1990-01-01 | Britain's Northern Ireland secretary
KHM | 1985-01-01 | Kampuchea's foreign ministry
ZWE | 1978-01-01 | Rhodesia's army
LKA | 1970-01-01 | Ceylon's prime minister
# -- demonym + role (old names too)
KHM | 1984-01-01 | Kampuchean guerrillas
ZWE | 1977-01-01 | Rhodesian troops
LKA | 1965-01-01 | Ceylonese officials
GBR | 1990-01-01 | Irish nationalist guerrillas
GBR | 1990-01-01 | Irish republican gunmen
ISR | 2000-01-01 | Jewish settlers
# -- peoples of several states: the country they fight in
BDI | 2000-01-01 | Hutu rebels | Burundi's army said fighting had spread near Bujumbura on Monday.
RWA | 1994-05-01 | Hutu militias | Rwanda's capital Kigali was quiet on Sunday.
TUR | 1995-01-01 | Kurdish rebels
IRQ | 2015-01-01 | Kurdish fighters | Iraq's army retook Tikrit on Monday after weeks of fighting.
SYR | 2017-01-01 | Kurdish militias | Syria's army advanced near Aleppo on Monday.
SRB | 1998-06-01 | ethnic Albanian guerrillas
MKD | 2001-05-01 | ethnic Albanian rebels | Macedonia's army shelled villages near Tetovo on Sunday.
BIH | 1994-01-01 | ethnic Serb forces
HRV | 1993-01-01 | ethnic Serb rebels | Croatia's government ordered a general mobilisation on Monday.
UKR | 2014-06-01 | ethnic Russian separatists
PAK | 2005-01-01 | Baluch rebels
DZA | 2001-05-01 | Berber protesters
IND | 1986-01-01 | Sikh militants
ZWE | 1980-01-01 | Shona guerrillas
COD | 2012-01-01 | Banyamulenge fighters
MLI | 2012-04-01 | Touareg rebels
SSD | 2014-01-01 | Nuer militias
# -- groups + role, and the date deciding the group's country
GBR | 1990-01-01 | a Sinn Fein spokesman
GBR | 1995-01-01 | Sinn Fein leaders
IRL | 2022-01-01 | Sinn Fein
PSE | 2005-01-01 | a Hamas spokesman
LBN | 2006-01-01 | Hezbollah guerrillas
AFG | 2008-01-01 | Taliban fighters
GBR | 1988-01-01 | IRA guerrillas
# -- armed groups of the 1980s and 1990s named alone, and what they became
LBR | 1995-01-01 | ULIMO fighters
SLE | 1998-06-01 | Kamajor militiamen
SLE | 1997-08-01 | the AFRC
BDI | 2001-01-01 | FDD rebels
ERI | 1988-01-01 | EPLF guerrillas
AFG | 1994-01-01 | Hezb-i-Islami fighters
LBN | 1983-01-01 | Phalangist militiamen
ITA | 1980-01-01 | the Red Brigades
GBR | 1990-01-01 | the Provisional IRA
ZAF | 1992-01-01 | Inkatha supporters
MKD | 2001-05-01 | NLA rebels
COD | 1999-01-01 | RCD rebels | Congo's government said on Sunday that fighting had spread in the east.
TUN | 2005-01-01 | the ruling RCD | Tunisia's president won a fourth term on Sunday.
# -- electoral bodies, ruling councils and chambers by name or by a role with the article's country
KEN | 2017-08-01 | the IEBC
NGA | 2019-02-01 | Nigeria's electoral commission
NGA | 2019-02-01 | INEC officials
COD | 2018-12-01 | the CENI
RUS | 2018-03-01 | the Central Election Commission | Russia held a presidential election on Sunday.
TUR | 2019-04-01 | the YSK
PHL | 2022-05-01 | the Comelec
MMR | 1990-06-01 | the SLORC
ETH | 1985-01-01 | the Derg
GHA | 1985-01-01 | the PNDC
SDN | 2019-06-01 | the military council | Sudan's protesters marched on Khartoum on Monday.
YEM | 2023-01-01 | the Presidential Leadership Council
IRN | 2019-01-01 | the Expediency Council
PRK | 2019-01-01 | the Supreme People's Assembly
USA | 2019-06-01 | the House of Representatives | U.S. lawmakers returned to Washington on Monday.
CAN | 2019-06-01 | the House of Commons | Canada's prime minister called an election on Monday.
GBR | 2019-06-01 | the House of Lords
# -- old wire copy: militias of the Lebanese war, breakaway regions, popes, Egypt's insurgents
LBN | 1984-01-01 | Druze militiamen
LBN | 1985-01-01 | Amal militiamen
MDA | 1993-01-01 | Dniester separatists
MDA | 2006-01-01 | officials in Transnistria
ETH | 1989-01-01 | Tigrean rebels
VAT | 1990-01-01 | Pope John Paul
VAT | 2015-01-01 | the Pope
EGY | 1995-01-01 | the Gamaa Islamiya
# -- historical names, coded as their successor state
DEU | 1985-01-01 | East German leader Erich Honecker
DEU | 1987-01-01 | the GDR
VNM | 1968-01-01 | North Vietnamese troops
YEM | 1986-01-01 | South Yemeni forces
SRB | 1999-01-01 | the Federal Republic of Yugoslavia
DEU | 1985-01-01 | the Federal Republic | West Germany held elections on Sunday.
# -- "the junta": the military government of the country named before
MLI | 2022-02-01 | the junta | Mali expelled the French ambassador on Monday.
MMR | 2022-02-01 | the junta | Thailand and Myanmar held talks. Myanmar said on Monday it would hold elections.
NER | 2023-09-01 | the junta | Niger's army seized power in July.
# -- a definite group noun stands for the group the article named
PSE | 2023-11-01 | the group | Hamas released two hostages on Friday.
LBN | 2023-11-01 | the militant group | Hezbollah fired rockets into northern Israel.
AFG | 2010-01-01 | the militants | Taliban fighters stormed a hotel in Kabul on Sunday, Afghan officials said.
SYR | 2018-01-01 | the rebels in Idlib | Turkey and Russia met on Monday.
# -- false friends stay uncoded
- | 2010-01-01 | Kurdish cooking
"""

# code | date | phrase | context: the victim or the place attacked
VICTIMS = """
IRQ | 2005-01-01 | three Iraqi civilians
GBR | 1990-01-01 | two British soldiers
RUS | 1985-01-01 | sixteen Russian civilian advisers
RUS | 1996-01-01 | five Russian servicemen
PAK | 2009-01-01 | four Pakistani policemen
FRA | 2009-01-01 | two French aid workers
CHN | 2009-01-01 | three Chinese engineers
ITA | 2009-01-01 | two Italian tourists
JPN | 2009-01-01 | a Japanese journalist
KOR | 2007-01-01 | South Korean missionaries
IND | 2009-01-01 | Indian pilgrims
TUR | 2009-01-01 | Turkish truck drivers
CHN | 2009-01-01 | two Chinese nationals
AFG | 2009-01-01 | a convoy in the capital Kabul
IRQ | 2007-01-01 | a market in central Baghdad
PAK | 2009-01-01 | a police station in Peshawar
SOM | 2012-01-01 | a hotel in Mogadishu
"""


@dataclass
class Row:
    code: str
    date: str
    phrase: str
    context: str = ""
    line: int = 0


def read(table: str) -> list[Row]:
    out = []
    for i, raw in enumerate(table.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        out.append(Row(parts[0], parts[1], parts[2], parts[3] if len(parts) > 3 else "", i))
    return out


def _cap(phrase: str) -> str:
    return phrase[0].upper() + phrase[1:]


def actor_of(row: Row) -> list[str]:
    """Codes of the actors of the criticism the row's sentence reports."""
    from dyadwatch.coding import code_text

    prefix = (row.context + " ") if row.context else ""
    text = f"{prefix}{_cap(row.phrase)} criticised Norway on Tuesday."
    return [a.code for e in code_text(text, date=row.date) if (e.trigger_start or 0) >= len(prefix)
            for a in e.actor if a.code]


def victim_of(row: Row) -> list[str]:
    """Codes of the recipients of the attack the row's sentence reports."""
    from dyadwatch.coding import code_text

    prefix = (row.context + " ") if row.context else ""
    text = f"{prefix}Insurgents attacked {row.phrase} on Tuesday."
    return [a.code for e in code_text(text, date=row.date) if e.event == "ASSAULT"
            and (e.trigger_start or 0) >= len(prefix) for a in e.recipient if a.code]


def measure() -> tuple[float, list[str]]:
    """Share of rows coded with the expected country, and the misses."""
    misses: list[str] = []
    rows = [(r, actor_of) for r in read(ACTORS)] + [(r, victim_of) for r in read(VICTIMS)]
    for row, how in rows:
        got = how(row)
        ok = not got if row.code == "-" else bool(got) and got[0] == row.code
        if not ok:
            misses.append(f"  {how.__name__} line {row.line}: {row.phrase!r} want {row.code} got {got}")
    return 1 - len(misses) / len(rows), misses


def test_the_phrase_set_has_every_shape() -> None:
    actors, victims = read(ACTORS), read(VICTIMS)
    assert len(actors) + len(victims) >= 100
    assert sum(1 for r in actors if r.context) >= 12
    assert len(victims) >= 15
    assert len({r.code for r in actors + victims}) >= 40


@pytest.mark.slow
def test_actor_phrases_resolve_to_their_country() -> None:
    share, misses = measure()
    print(f"kb3 phrases: {share:.3f} resolved")
    assert share >= 0.9, f"share {share:.3f}; misses:\n" + "\n".join(misses)


def test_a_people_of_several_states_lists_its_countries() -> None:
    from dyadwatch.kb import load_kb

    kb = load_kb()
    assert kb.people_countries("Kurdish")[0] == "TUR"
    assert set(kb.people_countries("Kurds")) >= {"TUR", "IRQ", "SYR", "IRN"}
    assert kb.people_countries("ethnic Albanians")[:2] == ["SRB", "MKD"]
    assert kb.people_countries("Norwegian") == []


@pytest.mark.parametrize("text, code", [
    ("Kurdish rebels killed three Turkish soldiers near the Iraqi border on Sunday.", "TUR"),
    ("Kurdish rebels in northern Iraq fired on Iranian border guards on Sunday.", "IRQ"),
    ("Kurdish fighters attacked Syrian government troops near Qamishli on Sunday.", "SYR"),
    ("Ethnic Albanian guerrillas ambushed a Macedonian police patrol on Sunday.", "MKD"),
])
def test_a_people_s_fighters_are_coded_by_the_country_they_fight(text: str, code: str) -> None:
    from dyadwatch.coding import code_text

    actors = [a.code for e in code_text(text, date="2001-06-01") for a in e.actor]
    assert actors and actors[0] == code, actors


def test_the_junta_is_the_country_named_nearest_before_not_the_speaker() -> None:
    from dyadwatch.coding import code_text

    text = ("Mali's military-led government gave France's envoy three days to leave on Monday, state television "
            "said, after Paris described the junta as illegitimate.")
    accusations = [([a.code for a in e.actor], [r.code for r in e.recipient]) for e in code_text(text, date="2022-01-31")
                   if e.event == "ACCUSE"]
    assert accusations and accusations[0] == (["FRA"], ["MLI"]), accusations


def test_a_people_s_crowd_abroad_keeps_its_place() -> None:
    from dyadwatch.coding import code_text

    events = code_text("Kurdish protesters in Berlin denounced the Turkish offensive on Saturday.", date="2019-10-12")
    assert [a.code for e in events for a in e.actor][:1] == ["DEU"]


@pytest.mark.parametrize("date, code", [("1994-09-01", "GBR"), ("2023-02-01", "IRL")])
def test_sinn_fein_is_coded_by_the_date(date: str, code: str) -> None:
    from dyadwatch.kb import load_kb

    assert load_kb().resolve_phrase("Sinn Fein", date) == code


@pytest.mark.parametrize("phrase, code", [
    ("Kurdish rebels", "TUR"), ("ethnic Albanian guerrillas", "SRB"), ("Berber protesters", "DZA"),
    ("Kurdish cooking", None), ("Kurds", None),
])
def test_the_phrase_resolver_reads_a_people_with_a_role(phrase: str, code: str | None) -> None:
    from dyadwatch.kb import load_kb

    assert load_kb().resolve_phrase(phrase, "2001-06-01") == code


@pytest.mark.parametrize("name, date, code, sector", [
    ("AFRC", "1997-08-01", "SLE", "GOV"), ("AFRC", "1999-01-01", "SLE", "REB"),
    ("EPLF", "1990-01-01", "ERI", "REB"), ("EPLF", "1995-01-01", "ERI", "GOV"),
    ("CNDD-FDD", "2001-01-01", "BDI", "REB"), ("CNDD-FDD", "2010-01-01", "BDI", "PTY"),
])
def test_an_armed_group_becomes_what_it_became_on_its_date(name: str, date: str, code: str, sector: str) -> None:
    from dyadwatch.kb import load_kb

    e = load_kb().lookup(name, date)[0]
    assert (e.code, e.sector) == (code, sector)


def test_a_short_form_of_one_term_serves_every_term_of_the_person() -> None:
    from dyadwatch.kb import load_kb

    kb = load_kb()
    # "Munir" is written on the ISI chief's row only; in 2024 he is the army chief
    assert (kb.lookup("Munir", "2024-05-10")[0].office, kb.lookup("Munir", "2024-05-10")[0].sector) == \
        ("army chief", "MIL")
    assert kb.lookup("Munir", "2019-01-01")[0].office == "isi chief"


def test_the_national_liberation_army_is_the_one_of_the_article() -> None:
    from dyadwatch.coding import code_text

    def first(text: str) -> str | None:
        found = [a.code for e in code_text(text, date="2001-03-01") for a in e.actor if a.code]
        return found[0] if found else None

    assert first("Fighting spread near Tetovo in Macedonia. The National Liberation Army criticised Norway.") == "MKD"
    assert first("Colombia's army pressed on. The National Liberation Army criticised Norway on Tuesday.") == "COL"


@pytest.mark.parametrize("text, sector", [
    # a month before the term the knowledge base has: the text's title says she holds the office
    ("Latvian Foreign Minister Baiba Braze criticised Norway on Tuesday.", "GOV"),
    ("Former Latvian Foreign Minister Baiba Braze criticised Norway on Tuesday.", "ELI"),
    ("Baiba Braze criticised Norway on Tuesday.", "ELI"),
])
def test_a_title_before_a_name_says_the_office_is_held(text: str, sector: str) -> None:
    from dyadwatch.coding import code_text

    actors = [(a.code, a.sector) for e in code_text(text, date="2024-03-01") for a in e.actor]
    assert actors and actors[0] == ("LVA", sector), actors


def test_an_office_holder_of_two_offices_is_found_by_the_date() -> None:
    from dyadwatch.kb import load_kb

    kb = load_kb()
    assert kb.lookup("Tom King", "1987-06-01")[0].office == "northern ireland secretary"
    assert kb.lookup("Tom King", "1991-06-01")[0].office == "defence minister"
    assert kb.lookup("Joxe", "1985-06-01")[0].office == "interior minister"


if __name__ == "__main__":
    share, miss = measure()
    print(f"{len(read(ACTORS)) + len(read(VICTIMS))} phrases, {share:.3f} resolved")
    print("\n".join(miss))
    sys.exit(0)
