"""How sure the coder is of one event, from how its arguments were found."""

from __future__ import annotations

from ..events import Actor

# actors found by the grammar (subject, by-agent, a mention in the trigger's phrase) are the surest
DIRECT = ("subj", "agent", "mention")


def event_confidence(how: str, recips: list[Actor]) -> float:
    """A score in (0, 1): higher when the actor was found directly and a recipient is named."""
    conf = 0.5 + (0.2 if how in DIRECT else 0.05) + (0.15 if recips else 0.0)
    return min(conf, 0.95)
