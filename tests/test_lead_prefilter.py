"""The prefilter keeps a sentence whose only place is a town named as where something happens ("Gunmen
attacked a police station in Peshawar"): the town stands for the doer when no one else is named."""

from __future__ import annotations

import pytest
from lexicon_checks import prefilter_losses

from dyadwatch.coding.coder import get_coder

TEXTS = [
    "Gunmen attacked a police station in Peshawar on Monday, killing three officers.",
    "Unknown assailants shot dead two aid workers near Goma on Saturday.",
    "Protesters blocked the main highway outside Dhaka for a second day.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_no_event_is_lost_by_the_prefilter(text: str) -> None:
    assert prefilter_losses(get_coder(), [text]) == []


def test_the_town_stands_for_the_doer() -> None:
    from dyadwatch.ingest.article import Article

    events = get_coder().code(Article(text=TEXTS[0], date="2024-01-01", raw_id="p"))
    assert any(e.event == "ASSAULT" and e.actor and e.actor[0].code == "PAK" for e in events)
