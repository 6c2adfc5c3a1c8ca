"""A role noun with no country of its own never takes the country its verdict is about: in 'The minister
expressed concern over Russia's actions' Russia is the one criticised, not the minister's state."""
import pytest

from dyadwatch.coding.coder import code_text


def _triples(text: str) -> set[tuple[str | None, str | None, str]]:
    return {(e.actor[0].code if e.actor else None, e.recipient[0].code if e.recipient else None, e.event)
            for e in code_text(text, date="2024-01-09") if e.modality == "asserted"}


@pytest.mark.parametrize(("text", "target"), [
    ("The minister expressed concern over Russia's actions.", "RUS"),
    ("A spokesman voiced anger about China's decision to extend the drills.", "CHN"),
    ("The envoy expressed deep concern over Iran's nuclear programme on Tuesday, diplomats said.", "IRN"),
])
def test_no_self_verdict_from_the_object(text: str, target: str) -> None:
    assert not any(a == target and t == "ACCUSE" for a, _, t in _triples(text))


def test_named_earlier_still_found() -> None:
    text = ("Japan's foreign minister Yoko Kamikawa met reporters in Tokyo on Tuesday. The minister expressed "
            "concern over China's actions in the South China Sea.")
    assert ("JPN", "CHN", "ACCUSE") in _triples(text)


def test_own_country_word_still_counts() -> None:
    assert ("IND", "PAK", "ACCUSE") in _triples("Indian officials voiced anger about Pakistan's decision.")


@pytest.mark.parametrize(("text", "want"), [
    ("Kenya voiced solidarity with Somalia after the attack.", ("KEN", "SOM", "SUPPORT")),
    ("The EU voiced solidarity with Kyiv and condemnation of Moscow's strikes.", ("EUR", "UKR", "SUPPORT")),
])
def test_solidarity_with_names_whom_it_backs(text: str, want: tuple[str, str, str]) -> None:
    got = _triples(text)
    assert want in got
    assert not any(t == "SUPPORT" and r == "RUS" for _, r, t in got)
