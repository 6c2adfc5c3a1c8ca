"""A side that names another's act in condemning words accuses the act's doer: the doer is the act noun's own
"by" agent, possessor or demonym ("called Moscow's decision a grave mistake", "described the expulsion of its
diplomats by Poland as a hostile act"), also when the parser hangs the predicate on the object ("called
Beijing's drills around Taiwan irresponsible"); a description of size or the words of a clause inside the
predicate ("the heaviest assault since the invasion began") and praise accuse no one. Sentences written for
these tests."""

from __future__ import annotations

import pytest
from coding_checks import triples

ACCUSED = [
    ("Washington called Moscow's decision to suspend the treaty a grave mistake.", ("USA", "RUS", "ACCUSE")),
    ("Washington called Beijing's military drills around Taiwan irresponsible and dangerous.",
     ("USA", "CHN", "ACCUSE")),
    ("Russia's foreign ministry described the expulsion of its diplomats by Poland as a hostile act.",
     ("RUS", "POL", "ACCUSE")),
    ("Iran branded the seizure of its tanker by Britain an act of piracy.", ("IRN", "GBR", "ACCUSE")),
    (("On Thursday the Indian government termed China's renaming of places in Arunachal Pradesh a ridiculous "
      "attempt."), ("IND", "CHN", "ACCUSE")),
    (("Speaking in Manila, the foreign secretary called the Chinese coast guard's use of water cannon against "
      "Philippine boats dangerous and illegal."), ("PHL", "CHN", "ACCUSE")),
]


@pytest.mark.parametrize("text, triple", ACCUSED)
def test_the_doer_of_the_act_named_is_accused(text: str, triple: tuple[str, str, str]) -> None:
    got = triples(text)
    assert triple in got, got


def test_the_act_named_is_not_the_speakers_own() -> None:
    got = triples("Russia's foreign ministry described the expulsion of its diplomats by Poland as a hostile act.")
    assert ("RUS", "RUS", "ACCUSE") not in got, got


@pytest.mark.parametrize("text", [
    ("Russia fired dozens of missiles at Ukrainian cities overnight, the air force said, in what officials in "
     "Kyiv described as the heaviest aerial assault since the invasion began."),
    "Ankara described Athens's decision to reopen the talks as constructive.",
    "Seoul called Tokyo's offer of talks a welcome step.",
])
def test_no_accusation(text: str) -> None:
    got = triples(text)
    assert not any(t == "ACCUSE" for _, _, t in got), got
