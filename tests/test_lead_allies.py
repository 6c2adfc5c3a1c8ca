"""Those one fights alongside are allies, never the target, and the fighters' own country is no target either (where
the fighting happens is another matter: it names the country fought in)."""

from __future__ import annotations

import pytest

from dyadwatch.coding import code_text


@pytest.mark.parametrize("text, ally", [
    ("Wagner mercenaries are already fighting alongside Malian troops, diplomats say.", "MLI"),
    ("Rwandan soldiers fought beside Mozambican forces last year.", "MOZ"),
    ("Iranian advisers fought alongside Syrian government forces, a monitor said.", "SYR"),
])
def test_an_ally_is_no_target(text: str, ally: str) -> None:
    for e in code_text(text, date="2024-02-04"):
        if e.event == "ASSAULT":
            codes = {r.code for r in e.recipient}
            assert ally not in codes and not codes & {a.code for a in e.actor}, (e.actor, e.recipient)
