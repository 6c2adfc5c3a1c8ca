"""A second act noun coordinated under a light verb ('held talks with China and a meeting with India',
'imposed sanctions on Iran and a ban on imports from Syria') is the light verb's subject's act too."""
import pytest

from dyadwatch.coding.coder import code_text


def _triples(text: str) -> set[tuple[str | None, str | None, str]]:
    return {(e.actor[0].code if e.actor else None, e.recipient[0].code if e.recipient else None, e.event)
            for e in code_text(text, date="2024-02-01") if e.modality == "asserted"}


@pytest.mark.parametrize(("text", "first", "second"), [
    ("Russia held talks with China and a meeting with India.", ("RUS", "CHN", "CONSULT"), ("RUS", "IND", "CONSULT")),
    ("The US imposed sanctions on Iran and a ban on imports from Syria.", ("USA", "IRN", "SANCTION"),
     ("USA", "SYR", "SANCTION")),
    (("NEW DELHI (Test Wire) - India on Tuesday held talks with Bangladesh and a separate meeting with Nepal on "
     "river sharing, the foreign ministry said."), ("IND", "BGD", "CONSULT"), ("IND", "NPL", "CONSULT")),
])
def test_both_acts_of_the_subject(text, first, second) -> None:
    got = _triples(text)
    assert first in got and second in got


def test_parties_in_one_list_stay_one_act() -> None:
    """'talks with China and India': one act with both parties (no second act noun), as before."""
    got = _triples("Russia held talks with China and India.")
    assert ("RUS", "CHN", "CONSULT") in got and ("RUS", "IND", "CONSULT") in got
    assert not any(t != "CONSULT" for _, _, t in got)
