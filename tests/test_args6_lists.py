"""Recipients listed after a noun that names no one ("on individuals, including Russian officials and Belarusian
judges", "several countries such as Iran and Syria"), and sources cited are no target. Sentences are ours."""

from __future__ import annotations

from coding_checks import triples


def test_members_listed_after_including():
    got = triples("The EU on Monday also imposed sanctions on individuals, including Russian officials and "
                  "Belarusian judges.")
    assert ("EUR", "RUS", "SANCTION") in got and ("EUR", "BLR", "SANCTION") in got


def test_members_listed_after_such_as():
    got = triples("Canada imposed new sanctions on several countries such as Iran and Syria on Friday.")
    assert ("CAN", "IRN", "SANCTION") in got and ("CAN", "SYR", "SANCTION") in got


def test_a_list_of_things_names_no_recipient():
    got = triples("The EU imposed sanctions on individuals, including asset freezes and travel bans.")
    assert not any(r is not None and t == "SANCTION" for _, r, t in got)
