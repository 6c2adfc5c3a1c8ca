"""A plural pronoun inside the very list it points to ("the US, the EU and their allies") must not send the
actor resolver round in circles: the article is coded, and the named members stay actors."""
import pytest

from dyadwatch.coding.coder import code_text

SHAPES = [
    ("The United States, the European Union and their key allies including Australia and Japan expressed "
    "support to the Philippines."),
    "France, the European Union and their partners condemned Russia on Monday.",
    "Kenya, the African Union and its member states urged Ethiopia to return to talks.",
    ("Washington, the EU and their allies, including Canada, imposed sanctions on Belarus on Friday after the "
    "disputed vote, officials said."),
    ("BRUSSELS (Reuters) - The European Union, NATO and their members,Britain among them, accused Moscow of the "
    "cyberattack."),
]


@pytest.mark.parametrize("text", SHAPES)
def test_pronoun_inside_its_list_is_coded(text: str) -> None:
    events = code_text(text, date="2023-08-07")
    assert events, text
    actors = {a.code for e in events for a in e.actor}
    assert actors & {"USA", "FRA", "KEN", "EUR", "NATO"}, (text, actors)


def test_following_sentence_still_coded() -> None:
    text = (SHAPES[0] + "\n\nWashington renewed a warning that it would defend its treaty ally if Filipino "
            "vessels came under an armed attack.")
    events = code_text(text, date="2023-08-07")
    assert any(e.event == "SUPPORT" and e.recipient and e.recipient[0].code == "PHL" for e in events)
