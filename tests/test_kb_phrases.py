"""Actor phrases as news writes them, resolved to the right country by the whole coder.

Each row is put in a sentence ("<phrase> criticised Norway on Tuesday.") after an optional context
(earlier sentences of the same article) and coded; the actor of the criticism must carry the
expected code. `-` means no country or organisation should be found (a false friend). The rows were
written by the team in the shapes news has: titles with names, possessives, demonyms, capitals and
seats of power, armed groups, agencies, ministries, parties, cities and provinces, surnames after a
first full mention, and ambiguous names resolved by the article.

Run as a script to print the accuracy and the misses: `python tests/test_kb_phrases.py`.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

# code | date | phrase | context (earlier sentences of the article, optional) | sector (optional)
ROWS = """
# -- titles with names (the person may be unknown to the knowledge base)
COL | 2023-03-01 | Colombian President Gustavo Petro
KEN | 2023-05-10 | Kenyan President William Ruto
USA | 2019-05-01 | U.S. Secretary of State Mike Pompeo
PER | 2023-02-01 | Peruvian President Dina Boluarte
MLI | 2022-06-01 | Malian junta leader Assimi Goita
BFA | 2023-04-01 | Burkina Faso's military ruler Ibrahim Traore
NER | 2023-09-01 | Niger's military leader General Abdourahamane Tiani
GAB | 2023-09-10 | Gabon's transitional president Brice Oligui Nguema
GIN | 2022-01-10 | Guinean junta chief Mamady Doumbouya
SEN | 2024-05-01 | Senegalese President Bassirou Diomaye Faye
TCD | 2022-03-01 | Chadian transitional leader Mahamat Idriss Deby
SOM | 2023-01-01 | Somali President Hassan Sheikh Mohamud
ETH | 2021-01-10 | Ethiopian Prime Minister Abiy Ahmed
SDN | 2023-05-01 | Sudanese army chief General Abdel Fattah al-Burhan
LBY | 2020-02-01 | eastern Libyan commander Khalifa Haftar
TUN | 2022-01-01 | Tunisian President Kais Saied
MAR | 2021-01-01 | Moroccan Foreign Minister Nasser Bourita
EGY | 2019-01-01 | Egyptian Foreign Minister Sameh Shoukry
JOR | 2019-01-01 | Jordanian Foreign Minister Ayman Safadi
IRQ | 2021-01-01 | Iraqi Prime Minister Mustafa al-Kadhimi
IRN | 2016-01-01 | Iranian Foreign Minister Mohammad Javad Zarif
TUR | 2018-01-01 | Turkish Defence Minister Hulusi Akar
ARM | 2021-01-01 | Armenian Prime Minister Nikol Pashinyan
AZE | 2021-01-01 | Azerbaijani President Ilham Aliyev
KAZ | 2022-01-10 | Kazakh President Kassym-Jomart Tokayev
UZB | 2018-01-01 | Uzbek President Shavkat Mirziyoyev
KGZ | 2022-09-20 | Kyrgyz President Sadyr Japarov
TJK | 2022-09-20 | Tajik President Emomali Rahmon
MNG | 2022-01-01 | Mongolian Prime Minister Luvsannamsrain Oyun-Erdene
BGD | 2019-01-01 | Bangladeshi Prime Minister Sheikh Hasina
LKA | 2022-08-01 | Sri Lankan President Ranil Wickremesinghe
NPL | 2023-01-10 | Nepali Prime Minister Pushpa Kamal Dahal
MMR | 2021-03-01 | Myanmar junta chief Min Aung Hlaing
THA | 2017-01-01 | Thai Prime Minister Prayuth Chan-ocha
VNM | 2019-01-01 | Vietnamese Prime Minister Nguyen Xuan Phuc
PHL | 2017-01-01 | Philippine President Rodrigo Duterte
IDN | 2016-01-01 | Indonesian President Joko Widodo
MYS | 2023-01-10 | Malaysian Prime Minister Anwar Ibrahim
KHM | 2017-01-01 | Cambodian Prime Minister Hun Sen
SGP | 2015-01-01 | Singapore's Prime Minister Lee Hsien Loong
AUS | 2023-01-01 | Australian Prime Minister Anthony Albanese
NZL | 2020-01-01 | New Zealand Prime Minister Jacinda Ardern
CAN | 2018-01-01 | Canadian Foreign Minister Chrystia Freeland
MEX | 2020-01-01 | Mexican Foreign Minister Marcelo Ebrard
BRA | 2021-01-01 | Brazilian President Jair Bolsonaro
ARG | 2024-03-01 | Argentine President Javier Milei
CHL | 2023-01-01 | Chilean President Gabriel Boric
BOL | 2021-01-01 | Bolivian President Luis Arce
ECU | 2024-02-01 | Ecuadorean President Daniel Noboa
VEN | 2019-01-01 | Venezuelan Defence Minister Vladimir Padrino Lopez
NIC | 2019-01-01 | Nicaraguan President Daniel Ortega
SLV | 2022-01-01 | Salvadoran President Nayib Bukele
HND | 2023-01-01 | Honduran President Xiomara Castro
GTM | 2024-02-01 | Guatemalan President Bernardo Arevalo
CUB | 2022-01-01 | Cuban President Miguel Diaz-Canel
HTI | 2020-01-01 | Haitian President Jovenel Moise
POL | 2023-01-01 | Polish Foreign Minister Zbigniew Rau
HUN | 2020-01-01 | Hungarian Foreign Minister Peter Szijjarto
SRB | 2019-01-01 | Serbian President Aleksandar Vucic
GRC | 2020-01-01 | Greek Prime Minister Kyriakos Mitsotakis
LTU | 2022-01-01 | Lithuanian Foreign Minister Gabrielius Landsbergis
NOR | 2020-01-01 | Norwegian Prime Minister Erna Solberg
SWE | 2023-01-01 | Swedish Prime Minister Ulf Kristersson
FIN | 2022-05-01 | Finnish President Sauli Niinisto
ISR | 2021-01-01 | Israeli Defence Minister Benny Gantz
PSE | 2019-01-01 | Palestinian President Mahmoud Abbas
SAU | 2020-01-01 | Saudi Foreign Minister Prince Faisal bin Farhan
QAT | 2021-01-01 | Qatari Foreign Minister Sheikh Mohammed bin Abdulrahman Al Thani
OMN | 2021-01-01 | Omani Foreign Minister Sayyid Badr Albusaidi
UKR | 2022-06-01 | Ukrainian Foreign Minister Dmytro Kuleba
RUS | 2021-01-01 | Russian Defence Minister Sergei Shoigu
CHN | 2021-01-01 | Chinese Foreign Minister Wang Yi
JPN | 2021-01-01 | Japanese Defense Minister Nobuo Kishi
KOR | 2021-01-01 | South Korean Foreign Minister Chung Eui-yong
PRK | 2021-01-01 | North Korean Foreign Minister Choe Son Hui
IND | 2021-01-01 | Indian External Affairs Minister S. Jaishankar
PAK | 2021-01-01 | Pakistani Foreign Minister Shah Mehmood Qureshi
AFG | 2019-01-01 | Afghan President Ashraf Ghani
ZAF | 2019-01-01 | South African President Cyril Ramaphosa
NGA | 2019-01-01 | Nigerian President Muhammadu Buhari
GHA | 2019-01-01 | Ghanaian President Nana Akufo-Addo
UGA | 2019-01-01 | Ugandan President Yoweri Museveni
RWA | 2019-01-01 | Rwandan President Paul Kagame
COD | 2022-01-01 | Congolese President Felix Tshisekedi
ZWE | 2019-01-01 | Zimbabwean President Emmerson Mnangagwa
MOZ | 2021-01-01 | Mozambican President Filipe Nyusi
AGO | 2021-01-01 | Angolan President Joao Lourenco
TZA | 2022-01-01 | Tanzanian President Samia Suluhu Hassan
CMR | 2019-01-01 | Cameroonian President Paul Biya
CIV | 2019-01-01 | Ivorian President Alassane Ouattara
# -- office holders named alone (the knowledge base must know them)
PAK | 2015-06-01 | Nawaz Sharif
PAK | 2023-06-01 | Shehbaz Sharif
PAK | 2019-06-01 | Imran Khan
NGA | 2016-06-01 | Muhammadu Buhari
NGA | 2024-01-01 | Bola Tinubu
KEN | 2010-06-01 | Mwai Kibaki
KEN | 2015-06-01 | Uhuru Kenyatta
ETH | 2020-06-01 | Abiy Ahmed
SEN | 2015-06-01 | Macky Sall
ZAF | 2012-06-01 | Jacob Zuma
ZAF | 2005-06-01 | Thabo Mbeki
ZWE | 2005-06-01 | Robert Mugabe
UGA | 2015-06-01 | Yoweri Museveni
RWA | 2015-06-01 | Paul Kagame
COD | 2010-06-01 | Joseph Kabila
AGO | 2010-06-01 | Jose Eduardo dos Santos
TZA | 2018-06-01 | John Magufuli
SDN | 2010-06-01 | Omar al-Bashir
EGY | 2016-06-01 | Abdel Fattah al-Sisi
EGY | 2008-06-01 | Hosni Mubarak
EGY | 2012-09-01 | Mohamed Morsi
LBY | 2009-06-01 | Muammar Gaddafi
TUN | 2010-06-01 | Zine El Abidine Ben Ali
DZA | 2010-06-01 | Abdelaziz Bouteflika
SYR | 2015-06-01 | Bashar al-Assad
IRQ | 2007-06-01 | Nouri al-Maliki
LBN | 2019-06-01 | Saad Hariri
YEM | 2009-06-01 | Ali Abdullah Saleh
AFG | 2016-06-01 | Ashraf Ghani
AFG | 2005-06-01 | Hamid Karzai
BGD | 2020-06-01 | Sheikh Hasina
LKA | 2012-06-01 | Mahinda Rajapaksa
MMR | 2017-06-01 | Aung San Suu Kyi
PHL | 2017-06-01 | Rodrigo Duterte
IDN | 2016-06-01 | Joko Widodo
MYS | 2017-06-01 | Najib Razak
KHM | 2015-06-01 | Hun Sen
KAZ | 2010-06-01 | Nursultan Nazarbayev
UZB | 2010-06-01 | Islam Karimov
BLR | 2015-06-01 | Alexander Lukashenko
AZE | 2015-06-01 | Ilham Aliyev
GEO | 2010-06-01 | Mikheil Saakashvili
MDA | 2021-06-01 | Maia Sandu
SRB | 2018-06-01 | Aleksandar Vucic
HUN | 2018-06-01 | Viktor Orban
POL | 2016-06-01 | Andrzej Duda
CZE | 2019-06-01 | Andrej Babis
VEN | 2010-06-01 | Hugo Chavez
VEN | 2019-06-01 | Nicolas Maduro
BOL | 2010-06-01 | Evo Morales
ECU | 2010-06-01 | Rafael Correa
CUB | 2015-06-01 | Raul Castro
CHL | 2012-06-01 | Sebastian Pinera
SLV | 2021-06-01 | Nayib Bukele
QAT | 2018-06-01 | Sheikh Tamim bin Hamad Al Thani
ARE | 2020-06-01 | Mohammed bin Zayed
SAU | 2019-06-01 | Mohammed bin Salman
IRN | 2021-12-01 | Ebrahim Raisi
IRN | 2015-06-01 | Hassan Rouhani
RUS | 2015-06-01 | Sergei Lavrov
UKR | 2022-06-01 | Volodymyr Zelenskiy
TUR | 2015-06-01 | Ahmet Davutoglu
ISR | 2012-06-01 | Ehud Barak
PAK | 2020-06-01 | Qamar Javed Bajwa
PAK | 2024-06-01 | Asim Munir
RUS | 2016-06-01 | Valery Gerasimov
UKR | 2023-06-01 | Valerii Zaluzhnyi
RUS | 2018-06-01 | Elvira Nabiullina
IND | 2015-06-01 | Raghuram Rajan
JPN | 2016-06-01 | Haruhiko Kuroda
EUR | 2016-06-01 | Mario Draghi
RUS | 2019-06-01 | Alexei Navalny
VEN | 2019-06-01 | Juan Guaido
KEN | 2017-06-01 | Raila Odinga
TUR | 2019-06-01 | Kemal Kilicdaroglu
BLR | 2021-06-01 | Sviatlana Tsikhanouskaya
ZWE | 2008-06-01 | Morgan Tsvangirai
UGA | 2021-01-01 | Bobi Wine
KHM | 2015-06-01 | Sam Rainsy
LBY | 2019-06-01 | Fayez al-Sarraj
TCD | 2015-06-01 | Idriss Deby
MLI | 2021-06-01 | Assimi Goita
NER | 2020-06-01 | Mohamed Bazoum
SSD | 2016-06-01 | Salva Kiir
SSD | 2016-06-01 | Riek Machar
ERI | 2018-06-01 | Isaias Afwerki
SOM | 2018-06-01 | Mohamed Abdullahi Farmajo
# -- possessives and demonyms with roles
PAK | 2020-01-01 | Pakistan's army chief
IRN | 2020-01-01 | Iran's foreign minister
NGA | 2020-01-01 | Nigeria's army
EGY | 2020-01-01 | Egypt's interior ministry
KEN | 2020-01-01 | Kenya's opposition
TUR | 2020-01-01 | Turkey's central bank
BRA | 2020-01-01 | Brazil's Supreme Court
MEX | 2020-01-01 | Mexico's navy
ETH | 2020-01-01 | Ethiopian troops
SDN | 2023-06-01 | Sudanese paramilitaries
SOM | 2020-01-01 | Somali officials
MLI | 2020-01-01 | Malian soldiers
BFA | 2023-01-01 | Burkinabe authorities
NER | 2023-09-01 | Nigerien junta
TCD | 2020-01-01 | Chadian troops
ARE | 2020-01-01 | Emirati officials
BHR | 2020-01-01 | Bahraini police
OMN | 2020-01-01 | Omani mediators
YEM | 2020-01-01 | the Yemeni government
LBY | 2020-01-01 | the Libyan coast guard
DZA | 2020-01-01 | the Algerian army
CMR | 2020-01-01 | Cameroonian soldiers
BDI | 2020-01-01 | Burundian troops
UGA | 2020-01-01 | the Ugandan army
MOZ | 2020-01-01 | Mozambican forces
ERI | 2021-01-01 | Eritrean troops
SSD | 2020-01-01 | South Sudanese officials
KGZ | 2022-01-01 | Kyrgyz border guards
TJK | 2022-01-01 | Tajik border guards
LKA | 2020-01-01 | the Sri Lankan navy
BGD | 2020-01-01 | Bangladeshi police
MMR | 2021-01-01 | the Burmese military
VNM | 2020-01-01 | the Vietnamese coast guard
PHL | 2020-01-01 | the Philippine coast guard
PRY | 2020-01-01 | Paraguayan prosecutors
URY | 2020-01-01 | Uruguayan lawmakers
CRI | 2020-01-01 | Costa Rican officials
PAN | 2020-01-01 | Panamanian authorities
GUY | 2020-01-01 | Guyanese officials
XKX | 2020-01-01 | Kosovar police
MKD | 2020-01-01 | North Macedonia's government
MNE | 2020-01-01 | Montenegrin police
BIH | 2020-01-01 | Bosnian Serb leaders
CYP | 2020-01-01 | Greek Cypriot officials
EST | 2020-01-01 | Estonian intelligence
MDA | 2020-01-01 | Moldovan authorities
GEO | 2020-01-01 | Georgian police
AUS | 2020-01-01 | Australia's defence department
IND | 2020-01-01 | India's external affairs ministry
CHN | 2020-01-01 | China's commerce ministry
# -- capitals and seats of power
ETH | 2020-01-01 | Addis Ababa
SDN | 2020-01-01 | Khartoum
KEN | 2020-01-01 | Nairobi
COD | 2020-01-01 | Kinshasa
COG | 2020-01-01 | Brazzaville
MLI | 2020-01-01 | Bamako
NER | 2020-01-01 | Niamey
BFA | 2020-01-01 | Ouagadougou
TCD | 2020-01-01 | N'Djamena
NGA | 2020-01-01 | Abuja
DZA | 2020-01-01 | Algiers
MAR | 2020-01-01 | Rabat
SYR | 2020-01-01 | Damascus
IRQ | 2020-01-01 | Baghdad
YEM | 2016-01-01 | Sanaa
PAK | 2020-01-01 | Islamabad
AFG | 2020-01-01 | Kabul
BGD | 2020-01-01 | Dhaka
MMR | 2020-01-01 | Naypyitaw
VNM | 2020-01-01 | Hanoi
PHL | 2020-01-01 | Manila
KHM | 2020-01-01 | Phnom Penh
VEN | 2020-01-01 | Caracas
COL | 2020-01-01 | Bogota
ARM | 2020-01-01 | Yerevan
AZE | 2020-01-01 | Baku
GEO | 2020-01-01 | Tbilisi
MDA | 2020-01-01 | Chisinau
BLR | 2020-01-01 | Minsk
SRB | 2020-01-01 | Belgrade
XKX | 2020-01-01 | Pristina
KAZ | 2020-01-01 | Astana
UZB | 2020-01-01 | Tashkent
RUS | 2020-01-01 | the Kremlin
USA | 2020-01-01 | the White House
FRA | 2020-01-01 | the Elysee
NGA | 2020-01-01 | Aso Rock
IRN | 2020-01-01 | the Majlis
UKR | 2020-01-01 | the Verkhovna Rada
POL | 2020-01-01 | the Sejm
IND | 2020-01-01 | the Lok Sabha
NOR | 2020-01-01 | the Storting
SWE | 2020-01-01 | the Riksdag
COL | 2020-01-01 | the Casa de Narino
KAZ | 2020-01-01 | the Akorda
# -- security and intelligence agencies, militaries, state media
UKR | 2023-01-01 | the SBU
RUS | 2020-01-01 | the FSB
PAK | 2020-01-01 | the ISI
CHN | 2020-01-01 | China's Ministry of State Security
FRA | 2020-01-01 | the DGSE
DEU | 2020-01-01 | the BND
IND | 2020-01-01 | India's Research and Analysis Wing
AFG | 2019-01-01 | Afghanistan's National Directorate of Security
AUS | 2020-01-01 | ASIO
UKR | 2023-01-01 | Ukraine's military intelligence agency, the GUR
RUS | 2020-01-01 | the SVR
USA | 2020-01-01 | the NSA
IRN | 2020-01-01 | the Basij
IRN | 2020-01-01 | the Quds Force
MMR | 2021-01-01 | the Tatmadaw
COD | 2020-01-01 | the FARDC
KEN | 2020-01-01 | the Kenya Defence Forces
UGA | 2020-01-01 | the UPDF
DEU | 2020-01-01 | the Bundeswehr
JPN | 2020-01-01 | Japan's Self-Defense Forces
RUS | 2020-01-01 | Rosgvardia
ITA | 2020-01-01 | the Carabinieri
ESP | 2020-01-01 | the Guardia Civil
IND | 2020-01-01 | the Border Security Force
BGD | 2020-01-01 | the Rapid Action Battalion
SYR | 2020-01-01 | SANA
EGY | 2020-01-01 | MENA
SAU | 2020-01-01 | the Saudi Press Agency
TUR | 2020-01-01 | Anadolu
CUB | 2020-01-01 | Granma
VNM | 2020-01-01 | the Vietnam News Agency
# -- armed groups, coded by the country they fight in
NGA | 2020-01-01 | Boko Haram
SOM | 2020-01-01 | al-Shabaab
YEM | 2020-01-01 | the Houthis
LBN | 2020-01-01 | Hezbollah
PSE | 2020-01-01 | Hamas
AFG | 2020-01-01 | the Taliban
PAK | 2020-01-01 | the TTP
MLI | 2020-01-01 | JNIM
NGA | 2020-01-01 | ISWAP
AFG | 2022-01-01 | ISIS-K
YEM | 2020-01-01 | AQAP
COD | 2022-01-01 | M23 rebels
TUR | 2020-01-01 | the PKK
SYR | 2020-01-01 | the YPG
SYR | 2020-01-01 | Ahrar al-Sham
SYR | 2020-01-01 | Jaish al-Islam
IRQ | 2020-01-01 | Asaib Ahl al-Haq
COL | 2020-01-01 | the ELN
MEX | 2020-01-01 | the Sinaloa cartel
MEX | 2020-01-01 | the Jalisco New Generation Cartel
COL | 2020-01-01 | the Gulf Clan
MMR | 2023-01-01 | the Arakan Army
MMR | 2023-01-01 | the Kachin Independence Army
MMR | 2023-01-01 | the Karen National Union
PHL | 2020-01-01 | the New People's Army
IDN | 2020-01-01 | Jemaah Islamiyah
ETH | 2021-01-01 | the Tigray People's Liberation Front
ETH | 2021-01-01 | the TPLF
ETH | 2022-01-01 | the Oromo Liberation Army
COD | 2020-01-01 | the FDLR
COD | 2020-01-01 | CODECO militiamen
CAF | 2020-01-01 | anti-balaka militias
CAF | 2014-01-01 | Seleka rebels
CMR | 2020-01-01 | Ambazonian separatists
NGA | 2020-01-01 | IPOB
MLI | 2013-01-01 | Ansar Dine
SSD | 2016-01-01 | the SPLA-IO
SDN | 2023-06-01 | the Rapid Support Forces
RUS | 2022-01-01 | the Wagner Group
PSE | 2020-01-01 | the al-Aqsa Martyrs Brigades
LBN | 2020-01-01 | Hezbollah fighters
YEM | 2020-01-01 | the Houthi spokesman
HTI | 2023-01-01 | the G9 gang alliance
# -- parties
ZAF | 2020-01-01 | the ANC
ZWE | 2020-01-01 | ZANU-PF
IND | 2020-01-01 | the BJP
PAK | 2020-01-01 | the PPP
PAK | 2020-01-01 | PML-N
BGD | 2020-01-01 | the Awami League
TUR | 2020-01-01 | the AKP
TUR | 2020-01-01 | the CHP
ISR | 2020-01-01 | Likud
GBR | 2020-01-01 | the Conservatives
GBR | 2020-01-01 | the SNP
HUN | 2020-01-01 | Fidesz
POL | 2020-01-01 | Law and Justice
RUS | 2020-01-01 | United Russia
DEU | 2020-01-01 | the CDU
DEU | 2020-01-01 | the AfD
FRA | 2020-01-01 | the National Rally
ITA | 2020-01-01 | the Five Star Movement
ESP | 2020-01-01 | the PSOE
MEX | 2020-01-01 | Morena
VEN | 2020-01-01 | the PSUV
TUN | 2020-01-01 | Ennahda
JPN | 2020-01-01 | the LDP
TWN | 2020-01-01 | the Kuomintang
TWN | 2020-01-01 | the DPP
MYS | 2020-01-01 | UMNO
THA | 2020-01-01 | Pheu Thai
MMR | 2020-01-01 | the NLD
KHM | 2020-01-01 | the Cambodian People's Party
KEN | 2020-01-01 | the ODM
UGA | 2020-01-01 | the NRM
NGA | 2020-01-01 | the APC
MOZ | 2020-01-01 | FRELIMO
AGO | 2020-01-01 | the MPLA
NAM | 2020-01-01 | SWAPO
TZA | 2020-01-01 | Chadema
GEO | 2020-01-01 | Georgian Dream
UKR | 2020-01-01 | Servant of the People
GRC | 2020-01-01 | Syriza
IRL | 2020-01-01 | Fianna Fail
NIC | 2020-01-01 | the Sandinistas
BOL | 2020-01-01 | the MAS party
KOR | 2023-01-01 | the People Power Party
LBN | 2020-01-01 | the Free Patriotic Movement
IRQ | 2020-01-01 | the Kurdistan Democratic Party
# -- cities and provinces
AFG | 2010-01-01 | Kandahar residents
AFG | 2010-01-01 | the governor of Helmand province
PAK | 2020-01-01 | police in Karachi
PAK | 2020-01-01 | Peshawar police
PAK | 2020-01-01 | the Khyber Pakhtunkhwa government
IND | 2020-01-01 | Mumbai police
IND | 2020-01-01 | the Uttar Pradesh government
IND | 2023-06-01 | the Manipur government
UKR | 2023-01-01 | Kharkiv's mayor
UKR | 2023-01-01 | the governor of the Zaporizhzhia region
RUS | 2023-01-01 | the governor of Belgorod
RUS | 2023-01-01 | Kursk officials
SYR | 2016-01-01 | residents of Aleppo
SYR | 2020-01-01 | rebels in Idlib
IRQ | 2016-01-01 | Mosul residents
IRQ | 2020-01-01 | Basra protesters
LBY | 2020-01-01 | Benghazi residents
YEM | 2020-01-01 | officials in Aden
PSE | 2023-01-01 | Jenin residents
NGA | 2020-01-01 | the Borno state governor
NGA | 2020-01-01 | Lagos police
COD | 2022-01-01 | North Kivu officials
COD | 2022-01-01 | residents of Goma
ETH | 2021-01-01 | Mekelle residents
SDN | 2024-01-01 | El Fasher residents
MLI | 2020-01-01 | Gao residents
MOZ | 2021-01-01 | Cabo Delgado officials
HKG | 2020-01-01 | Hong Kong police
CHN | 2020-01-01 | Xinjiang authorities
CHN | 2020-01-01 | Shanghai officials
PHL | 2020-01-01 | Marawi residents
IDN | 2020-01-01 | Aceh's governor
MMR | 2020-01-01 | Rakhine state officials
MEX | 2020-01-01 | Sinaloa state police
MEX | 2020-01-01 | Tijuana police
COL | 2020-01-01 | the mayor of Medellin
BRA | 2020-01-01 | the governor of Sao Paulo
ESP | 2020-01-01 | the Catalan government
ESP | 2020-01-01 | Catalonia's regional government
TUR | 2020-01-01 | Istanbul's mayor
DEU | 2020-01-01 | Bavarian officials
CAN | 2020-01-01 | the Quebec government
GBR | 2020-01-01 | the Scottish government
USA | 2020-01-01 | the governor of California
USA | 2020-01-01 | Texas officials
MDA | 2020-01-01 | Transnistrian authorities
GEO | 2020-01-01 | Abkhazian separatists
AZE | 2020-01-01 | Nagorno-Karabakh officials
BIH | 2020-01-01 | Republika Srpska officials
SOM | 2020-01-01 | Puntland officials
SOM | 2020-01-01 | Somaliland officials
# -- surnames and titles after a first full mention
TUR | 2015-06-01 | Erdogan | Recep Tayyip Erdogan arrived in Baku on Monday.
PAK | 2023-06-01 | Mr Sharif | Pakistani Prime Minister Shehbaz Sharif met donors in Paris.
KEN | 2017-06-01 | Odinga | Kenyan opposition leader Raila Odinga addressed supporters in Kisumu.
GHA | 2013-06-01 | Mahama | Ghanaian President John Mahama flew to Abuja.
PER | 2023-03-01 | Boluarte | Peruvian President Dina Boluarte spoke to reporters in Lima.
MLI | 2022-06-01 | Goita | Malian junta leader Assimi Goita received the envoy.
BFA | 2023-06-01 | Traore | Burkina Faso's military ruler Captain Ibrahim Traore gave a speech.
ARG | 2024-03-01 | Milei | Argentine President Javier Milei addressed Congress.
KEN | 2023-06-01 | Mr. Ruto | William Ruto, Kenya's president, hosted the summit.
MDA | 2022-06-01 | Ms Sandu | Moldovan President Maia Sandu visited Kyiv.
ETH | 2021-06-01 | Abiy | Prime Minister Abiy Ahmed of Ethiopia spoke in parliament.
SDN | 2023-06-01 | Burhan | General Abdel Fattah al-Burhan, Sudan's army chief, flew to Cairo.
SDN | 2023-06-01 | Dagalo | Mohamed Hamdan Dagalo, who leads Sudan's Rapid Support Forces, issued a statement.
LBY | 2020-06-01 | Haftar | Eastern Libyan commander Khalifa Haftar visited Moscow.
UKR | 2023-06-01 | Zelenskiy | Ukrainian President Volodymyr Zelenskiy spoke by video.
IRN | 2024-06-01 | Araqchi | Abbas Araqchi, Iran's top diplomat, arrived in Muscat.
VEN | 2019-06-01 | Guaido | Venezuelan opposition leader Juan Guaido called for protests.
PHL | 2023-06-01 | Marcos | Philippine President Ferdinand Marcos Jr. visited Tokyo.
IDN | 2025-03-01 | Prabowo | Indonesian President Prabowo Subianto arrived in Beijing.
THA | 2024-09-01 | Paetongtarn | Thai Prime Minister Paetongtarn Shinawatra took office.
NPL | 2024-08-01 | Oli | Nepal's Prime Minister K.P. Sharma Oli met Indian officials.
MEX | 2025-02-01 | Sheinbaum | Mexican President Claudia Sheinbaum spoke at her morning briefing.
BRA | 2023-06-01 | Lula | Brazilian President Luiz Inacio Lula da Silva visited Beijing.
ECU | 2024-06-01 | Noboa | Ecuador's President Daniel Noboa declared a state of emergency.
SEN | 2024-06-01 | Faye | Senegalese President Bassirou Diomaye Faye was sworn in.
POL | 2024-06-01 | Tusk | Polish Prime Minister Donald Tusk met farmers.
IRQ | 2023-06-01 | Sudani | Iraqi Prime Minister Mohammed Shia al-Sudani travelled to Tehran.
SOM | 2023-06-01 | the president | Somali President Hassan Sheikh Mohamud returned to Mogadishu.
# -- ambiguous names resolved from the article
GEO | 2008-08-10 | Georgia | Russian troops crossed into South Ossetia on Friday.
USA | 2021-01-04 | Georgia's governor | Voters in Atlanta lined up for the Senate runoff.
GEO | 2021-01-04 | Georgia's prime minister | Protesters gathered outside parliament in Tbilisi.
COD | 2022-06-01 | Congo | Rebels advanced on Goma, the capital of North Kivu.
COG | 2022-06-01 | Congo | Voters in Brazzaville queued for hours.
LBY | 2020-06-01 | Tripoli | Forces loyal to Haftar pulled back from the capital.
LBN | 2020-06-01 | officials in Tripoli | Clashes broke out in northern Lebanon, near the Syrian border.
JOR | 2020-06-01 | Jordan | King Abdullah received the envoy in Amman.
USA | 2023-06-01 | Jordan | Republican Representative Jim Jordan chairs the House Judiciary Committee.
TCD | 2021-06-01 | Chad | Rebels advanced towards N'Djamena.
USA | 2020-06-01 | Wolf | Acting Homeland Security Secretary Chad Wolf visited the border.
NER | 2023-08-01 | Niger | The junta in Niamey closed the airspace.
NGA | 2021-06-01 | the Niger state governor | Gunmen kidnapped pupils in northern Nigeria.
USA | 2020-06-01 | Paris police | A storm hit the town of Paris, Texas, overnight.
FRA | 2020-06-01 | Paris
USA | 2020-06-01 | Washington
PSE | 2024-05-01 | Rafah residents | Israeli troops pushed into the southern Gaza Strip.
PAK | 2020-06-01 | Punjab police | Protesters blocked roads in Lahore.
IND | 2020-06-01 | Punjab police | Farmers marched from Amritsar.
PAK | 2020-06-01 | officials in Hyderabad | Flooding hit Sindh province.
IND | 2020-06-01 | officials in Hyderabad | Heavy rain hit the state of Telangana.
VEN | 2020-06-01 | Valencia residents | Protests spread across Venezuela.
ESP | 2020-06-01 | Valencia's regional government | Floods hit eastern Spain.
ARG | 2020-06-01 | Cordoba officials | Fires swept through Argentina's farm belt.
EGY | 2020-06-01 | Alexandria residents | Egypt's second city was hit by floods.
KOR | 2020-06-01 | Korea
PNG | 2020-06-01 | Papua New Guinea
GNQ | 2020-06-01 | Equatorial Guinea
GIN | 2020-06-01 | Guinea
DMA | 2020-06-01 | Dominica
DOM | 2020-06-01 | the Dominican Republic
SSD | 2020-06-01 | South Sudan
SDN | 2020-06-01 | Sudan
NER | 2020-06-01 | the Nigerien government
# -- false friends: no actor should be found
- | 2020-06-01 | Jordan Peterson
- | 2020-06-01 | Chad Smith
- | 2020-06-01 | Paris Hilton
- | 2020-06-01 | Sydney Sweeney
- | 2020-06-01 | Georgia O'Keeffe
- | 2020-06-01 | Nice weather
- | 2020-06-01 | Mobile phone makers
- | 2020-06-01 | Reading glasses
- | 2020-06-01 | Police Academy fans
"""


@dataclass
class Row:
    code: str
    date: str
    phrase: str
    context: str = ""
    line: int = 0


def rows() -> list[Row]:
    out = []
    for i, line in enumerate(ROWS.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        out.append(Row(parts[0], parts[1], parts[2], parts[3] if len(parts) > 3 else "", i))
    return out


def sentence(row: Row) -> tuple[str, int]:
    """The article text and the character offset of the test sentence in it."""
    target = "Chile" if row.code == "NOR" else "Norway"
    phrase = row.phrase[0].upper() + row.phrase[1:]
    prefix = (row.context + " ") if row.context else ""
    return f"{prefix}{phrase} criticised {target} on Tuesday.", len(prefix)


COUNTRYLESS = {"", None}


def measure(selected: list[Row] | None = None) -> tuple[float, list[tuple[Row, list[str]]]]:
    """Share of rows whose criticism is coded with the expected actor, and the misses."""
    from dyadwatch.coding import code_text

    selected = selected if selected is not None else rows()
    misses: list[tuple[Row, list[str]]] = []
    for row in selected:
        text, start = sentence(row)
        events = code_text(text, date=row.date)
        found = [a.code for e in events if e.event == "ACCUSE" and (e.trigger_start or 0) >= start
                 for a in e.actor]
        if row.code == "-":
            ok = not any(c not in COUNTRYLESS for c in found)
        else:
            ok = bool(found) and found[0] == row.code
        if not ok:
            misses.append((row, found))
    return 1 - len(misses) / max(1, len(selected)), misses


def test_there_are_enough_rows_in_every_shape() -> None:
    all_rows = rows()
    assert len(all_rows) >= 300
    assert sum(1 for r in all_rows if r.context) >= 40
    assert sum(1 for r in all_rows if r.code == "-") >= 8
    assert len({r.code for r in all_rows}) >= 120


@pytest.mark.slow
def test_actor_phrases_resolve_to_the_right_country() -> None:
    accuracy, misses = measure()
    report = "\n".join(f"  line {r.line}: {r.phrase!r} want {r.code} got {got}" for r, got in misses)
    assert accuracy >= 0.6, f"accuracy {accuracy:.3f}; misses:\n{report}"


# -- the news phrase set (tests/data/actor_phrases.txt, also measured by bench/bench_actors.py) --------

NEWS = Path(__file__).resolve().parent / "data" / "actor_phrases.txt"
FRAMES = ("{P} criticised {T} on Tuesday.", "{P} accused {T} of breaking the agreement.",
          "{P} condemned {T}'s decision on Monday.", "{P} on Wednesday denounced {T} over the arrests.")


def news_rows() -> list[tuple[str, str, str, str, int]]:
    """(code, date, phrase, context, line) of the news phrase file."""
    out = []
    for i, raw in enumerate(NEWS.read_text("utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        out.append((parts[0].split()[0], parts[1], parts[2], parts[3] if len(parts) > 3 else "", i))
    return out


def test_the_news_phrase_set_has_every_shape() -> None:
    got = news_rows()
    assert len(got) >= 250
    assert sum(1 for r in got if r[3]) >= 30
    assert sum(1 for r in got if r[0] == "-") >= 5
    text = NEWS.read_text("utf-8")
    for shape in ("Kremlin", "state media", "senior U.S. official", "Houthi rebels", "Israeli troops",
                  "Biden administration", "Zelenskiy", "Zelensky", "foreign ministry spokesperson",
                  "EU foreign policy chief", "Pentagon", "Hamas-run", "Iran-backed", "pro-Russian",
                  "anti-government", "IDF", "PLA", "KCNA", "IAEA", "NATO", "ASEAN", "African Union"):
        assert shape in text, shape


@pytest.mark.slow
def test_news_actor_phrases_resolve_to_the_right_country() -> None:
    from dyadwatch.coding import code_text

    misses = []
    rows_ = news_rows()
    for n, (code, date, phrase, context, line) in enumerate(rows_):
        target = "Chile" if code == "NOR" else "Norway"
        prefix = (context + " ") if context else ""
        text = prefix + FRAMES[n % len(FRAMES)].format(P=phrase[0].upper() + phrase[1:], T=target)
        found = [e.actor[0].code for e in code_text(text, date=date)
                 if (e.trigger_start or 0) >= len(prefix) and e.actor]
        ok = not any(found) if code == "-" else bool(found) and found[0] == code
        if not ok:
            misses.append(f"  line {line}: {phrase!r} want {code} got {found}")
    accuracy = 1 - len(misses) / len(rows_)
    assert accuracy >= 0.95, f"accuracy {accuracy:.3f}; misses:\n" + "\n".join(misses)


@pytest.mark.parametrize("context, code", [
    ("Saudi Arabia hosted talks on Sudan in Jeddah on Sunday.", "SAU"),
    ("Jordan's King Abdullah met Palestinian leaders in Amman on Sunday.", "JOR"),
])
def test_a_context_name_takes_the_one_named_earlier(context: str, code: str) -> None:
    from dyadwatch.coding import code_text

    text = f"{context} The kingdom criticised Norway on Tuesday."
    found = [e.actor[0].code for e in code_text(text, date="2023-03-01")
             if (e.trigger_start or 0) > len(context) and e.actor]
    assert found and found[0] == code


def test_a_country_before_an_institution_named_as_one_entity() -> None:
    from dyadwatch.coding import code_text

    events = code_text("The U.S. Supreme Court criticised Norway on Tuesday.", date="2023-03-01")
    assert [(e.actor[0].code, e.actor[0].sector) for e in events if e.actor][:1] == [("USA", "JUD")]


if __name__ == "__main__":
    acc, miss = measure()
    print(f"{len(rows())} phrases, accuracy {acc:.3f}")
    for r, got in miss:
        print(f"  line {r.line}: {r.code} {r.phrase!r} ctx={bool(r.context)} got {got}")
    sys.exit(0)
