"""Organisations as actors on real-news shapes (kb8, 2026-12-04): UN agencies by their initials or by
"UN <field> agency" ("UN nuclear agency" is the IAEA, not the UN at large), the EU as "the 27-nation
bloc", ECOWAS as "the West African bloc", the Pacific Islands Forum, the IAEA's Board of Governors in a
story that names the agency, "the regional bloc" after a bloc is named, and national Red Cross / Red
Crescent societies, which take their country's code (the movement at large stays IGO).

Every sentence is written by the team.
"""

from __future__ import annotations

import pytest
from coding_checks import triples

from dyadwatch.kb import load_kb


@pytest.mark.parametrize("phrase, code", [
    ("the 15-nation West African bloc ECOWAS", "IGO"),
    ("the West African bloc", "IGO"),
    ("UN refugee agency UNHCR", "UNO"),
    ("the World Food Programme (WFP)", "UNO"),
    ("the UN Children's Fund", "UNO"),
    ("UNODC", "UNO"),
    ("the United Nations Office on Drugs and Crime", "UNO"),
    ("the International Organization for Migration", "UNO"),
    ("the UN migration agency", "UNO"),
    ("the UN nuclear agency", "IAEA"),
    ("the U.N. atomic watchdog", "IAEA"),
    ("the IAEA Board of Governors", "IAEA"),
    ("the 27-nation bloc", "EUR"),
    ("the 28-member bloc", "EUR"),
    ("the Pacific Islands Forum", "IGO"),
    ("Pacific Islands Forum leaders", "IGO"),
    ("the Alliance of Sahel States", "IGO"),
    ("CARICOM", "IGO"),
    ("the Sudanese Red Crescent", "SDN"),
    ("the Palestinian Red Crescent Society", "PSE"),
    ("the Syrian Arab Red Crescent", "SYR"),
    ("the Kenya Red Cross", "KEN"),
    ("the Red Crescent", "IGO"),  # the movement at large
    ("the International Committee of the Red Cross", "ICRC"),
    ("the Norwegian Refugee Council", "NGO"),
    ("Human Rights Watch", "NGO"),
    ("Amnesty International", "IGO"),  # as the PLOVER gold codes it (organisations.csv)
])
def test_organisation_names(phrase: str, code: str) -> None:
    assert load_kb().resolve_phrase(phrase, "2024-05-01") == code


@pytest.mark.parametrize("text, want", [
    ("The 27-nation bloc on Friday froze the assets of 40 more Russian officials and firms.",
     ("EUR", "RUS", "SANCTION")),
    ("The UN nuclear agency on Thursday criticised Iran for barring its inspectors from two sites.",
     ("IAEA", "IRN", "ACCUSE")),
    (("Trucks hired by UNODC delivered 200 tonnes of food to displaced families in Sudan's Darfur region "
      "on Monday, the agency said."), ("UNO", "SDN", "AID")),
    (("The Sudanese Red Crescent accused the Rapid Support Forces on Tuesday of looting two of its "
      "warehouses in El Geneina."), ("SDN", "SDN", "ACCUSE")),
    ("Pacific Islands Forum leaders urged Japan to halt the release of treated water from Fukushima.",
     ("IGO", "JPN", "REQUEST")),
])
def test_organisations_act(text: str, want: tuple[str, str, str]) -> None:
    got = triples(text, "2024-05-01", asserted=False)
    assert want in got, got


def test_regional_bloc_after_the_bloc_is_named() -> None:
    text = ("West African leaders of ECOWAS met in Abuja on Sunday after the coup. "
            "The regional bloc threatened Niger's junta with force if it did not free the president.")
    got = triples(text, "2023-07-30", asserted=False)
    assert ("IGO", "NER", "THREATEN") in got, got


def test_board_of_governors_in_an_iaea_story() -> None:
    text = ("IAEA inspectors have not been to the Fordow site since June. "
            "On Thursday the Board of Governors censured Iran for failing to cooperate.")
    got = triples(text, "2024-06-06", asserted=False)
    assert ("IAEA", "IRN", "ACCUSE") in got, got


def test_board_of_governors_alone_is_no_iaea() -> None:
    # a company's or a central bank's board, in a story that never names the agency
    text = "The Board of Governors of the central bank criticised the finance ministry over the budget."
    got = triples(text, "2024-06-06", asserted=False)
    assert not any(a == "IAEA" for a, _, _ in got), got


@pytest.mark.parametrize("phrase, date, code", [
    ("the 15-nation bloc", "2002-03-01", "EUR"),  # the EU of fifteen, 1995-2004
    ("the 15-nation bloc", "2023-08-01", "IGO"),  # ECOWAS
    ("the 15-member Security Council", "2023-08-01", "UNO"),
    ("the 10-member bloc", "2016-09-06", "ASN"),
])
def test_blocs_counted_by_members(phrase: str, date: str, code: str) -> None:
    assert load_kb().resolve_phrase(phrase, date) == code
