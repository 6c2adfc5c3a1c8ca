"""Coming under fire: the one firing attacks the subject, whether 'from X' hangs on the verb or on the fire
noun the parser made its object ("came under gunfire from Cambodian troops"); a subject that names no one
is no recipient, never the shooter's own country."""

from __future__ import annotations

import pytest
from coding_checks import triples


def _triples(text: str) -> set[tuple[str | None, str | None, str]]:
    return triples(text, date="2024-05-06")


@pytest.mark.parametrize("text, want", [
    ("Thai soldiers came under gunfire from Cambodian troops near the disputed temple on Friday, the army said.",
     ("KHM", "THA", "ASSAULT")),
    ("Indian border guards came under heavy shelling from Pakistani forces overnight.", ("PAK", "IND", "ASSAULT")),
    ("Two Kenyan patrols came under mortar fire from Somali militants near the border.", ("SOM", "KEN", "ASSAULT")),
])
def test_the_shooter_named_on_the_fire_noun_attacks_the_subject(text: str, want: tuple) -> None:
    assert want in _triples(text)


@pytest.mark.parametrize("text, shooter", [
    ("The aid convoy came under rocket fire from Russia on its way to Kharkiv.", "RUS"),
    ("A fishing boat came under gunfire from Eritrea, officials said.", "ERI"),
])
def test_an_unnamed_subject_is_no_self_target(text: str, shooter: str) -> None:
    assert (shooter, shooter, "ASSAULT") not in _triples(text)
