"""A recipient phrase the parser hangs on the last of several objects ('launched 120 missiles and 90 drones
at Ukraine') is the act's recipient, as when it hangs on the only object."""
import pytest

from dyadwatch.coding.coder import code_text


def _triples(text: str) -> set[tuple[str | None, str | None, str]]:
    return {(e.actor[0].code if e.actor else None, e.recipient[0].code if e.recipient else None, e.event)
            for e in code_text(text, date="2023-01-02") if e.modality == "asserted"}


@pytest.mark.parametrize(("text", "want"), [
    ("Russia launched 120 missiles and 90 drones at Ukraine overnight.", ("RUS", "UKR", "ASSAULT")),
    ("Russia fired 40 missiles and dozens of drones at Kyiv on Friday, Ukrainian officials said.",
     ("RUS", "UKR", "ASSAULT")),
    (("KYIV (Test Wire) - Russia launched a barrage of missiles and attack drones at Ukraine's power grid "
     "early on Monday, the air force said."), ("RUS", "UKR", "ASSAULT")),
    ("Israel imposed sanctions and travel bans on Palestinian officials.", ("ISR", "PSE", "SANCTION")),
])
def test_recipient_on_the_last_object(text: str, want: tuple[str, str, str]) -> None:
    assert want in _triples(text)


def test_the_first_objects_own_phrase_still_wins() -> None:
    got = _triples("Iran fired missiles at Israel and drones toward Jordan.")
    assert ("IRN", "ISR", "ASSAULT") in got
