"""The prefilter keeps a sentence whose only actor is a role word ("Police", "the gunmen", "soldiers")
when the article names a country or place elsewhere: the coder resolves the role word from the article,
so parsing only the candidate sentences must find the same events as parsing every sentence."""

from __future__ import annotations

import pytest
from lexicon_checks import prefilter_losses

from dyadwatch.coding.coder import get_coder
from dyadwatch.coding.prefilter import may_hold_event, role_words

ARTICLES = [
    # the place only in the first sentence, the act of a role word in the second
    ("Two soldiers died near the border town of Cucuta overnight.\n\n"
     "Witnesses said the gunmen attacked the patrol from a passing truck."),
    ("A curfew was imposed across Dhaka after days of unrest.\n\n"
     "Soldiers detained dozens of students, witnesses said, and protesters set fire to a police post."),
    ("The vote in Tbilisi was marred by violence.\n\n"
     "Riot police beat demonstrators who had blocked the main avenue."),
    ("Thousands marched on parliament in Nairobi on Tuesday against the new tax law.\n\n"
     "Police opened fire after the protesters tried to storm the building."),
    ("Tension has risen in Bamako since the coup.\n\n"
     "On Sunday soldiers arrested two opposition leaders at their homes."),
]


@pytest.mark.parametrize("text", ARTICLES)
def test_no_event_is_lost_by_the_prefilter(text: str) -> None:
    assert prefilter_losses(get_coder(), [text]) == []


@pytest.mark.parametrize("text, etype, code", [(ARTICLES[0], "ASSAULT", "COL"), (ARTICLES[1], "PROTEST", "BGD"),
                                               (ARTICLES[2], "ASSAULT", "GEO")])
def test_the_role_word_act_is_coded(text: str, etype: str, code: str) -> None:
    from dyadwatch.ingest.article import Article

    second = text.index("\n\n")
    events = get_coder().code(Article(text=text, date="2024-06-25", raw_id="r"))
    assert any(e.event == etype and e.actor and e.actor[0].code == code and e.trigger_start > second
               for e in events), events


def flags(text: str) -> list[bool]:
    coder = get_coder()
    doc = coder.split(text)
    mentions = coder.finder.find(doc, "2024-06-25") + coder.finder.locations(doc, "2024-06-25")
    return may_hold_event(doc, mentions, coder.lex.forms)


def test_a_role_word_is_a_reference_only_when_the_article_names_someone() -> None:
    named = "Crowds gathered outside parliament in Nairobi.\n\nPolice fired tear gas at the crowd."
    assert flags(named)[-1] is True
    unnamed = "Crowds gathered outside the parliament building.\n\nPolice fired tear gas at the crowd."
    assert flags(unnamed)[-1] is False  # nobody to resolve them to: as before


def test_role_words_come_from_the_knowledge_base_with_plurals() -> None:
    words = role_words()
    assert {"police", "gunmen", "gunman", "soldiers", "protesters", "troops", "militias"} <= words
    assert not words & {"of", "the", "and"}
