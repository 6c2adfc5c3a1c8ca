"""An attack with no named attacker is coded as an act of the country where it happened, also when the
place is a town the knowledge base knows only as a place (the gazetteer), not as an actor."""
import pytest

from dyadwatch.coding.coder import code_text


def _asserted(text: str) -> set[tuple[str | None, str]]:
    return {(e.actor[0].code if e.actor else None, e.event) for e in code_text(text, date="2021-03-07")
            if e.modality == "asserted"}


@pytest.mark.parametrize(("text", "country"), [
    ("A bomb killed five soldiers in Kandahar on Sunday.", "AFG"),
    (("A bomb killed five soldiers in Kandahar on Sunday, a provincial spokesman said, adding that the "
     "blast was the third in the city this month and that no group had claimed it."), "AFG"),
    ("KABUL (Test Wire) - A bomb killed five soldiers in Kandahar, officials said.", "AFG"),
])
def test_attack_in_a_town_is_that_countrys(text: str, country: str) -> None:
    assert (country, "ASSAULT") in _asserted(text)


@pytest.mark.parametrize("text", [
    "A bomb scare closed the airport in Kandahar on Sunday.",
    "Kandahar is a city of bombs and ruins, the novelist wrote.",
])
def test_no_attack_no_event(text: str) -> None:
    assert not any(t == "ASSAULT" for _, t in _asserted(text))
