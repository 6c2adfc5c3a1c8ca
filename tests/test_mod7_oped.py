"""An op-ed about missile tests that criticises Seoul: the tests and the sides' criticism of Seoul are the
asserted events; its commentary (capability, predictions, habits, hedges, a rhetorical question, a
counterfactual, advice, a condition) is not. A standing accusation in the present tense ("which it
accuses of arming") is made; a habit needs its adverb. The article and sentences are written for these
tests."""

from __future__ import annotations

import pytest
from coding_checks import triples

OPED = """Opinion: Seoul cannot keep looking away from Pyongyang's missiles

North Korea fired two short-range ballistic missiles off its east coast on Wednesday, the third launch in as \
many weeks. The new missiles are able to reach any airbase in the South, and Pyongyang has shown it could hit \
American bases in Japan within minutes. The regime is likely to test a longer-range rocket before the autumn, and \
it is expected to parade its newest launchers in October.

Pyongyang's state media on Thursday accused Seoul of preparing for war with Washington, calling the allies' \
summer drills a dress rehearsal for an invasion, and Japan's defence minister criticised Seoul on Friday for \
ending the military intelligence pact with Tokyo. The North has long sought to split the allies, and it \
routinely threatens the South whenever the exercises begin.

Despite the ongoing talks between Washington and Pyongyang, the South's government seems to tolerate each \
launch. Will Seoul ever respond? Had the Hanoi summit produced a deal, the launches might never have happened. \
Seoul should condemn the tests at once and should press the Security Council to tighten sanctions on the North. \
If the South stays silent, Pyongyang will only fire more.
"""


def test_the_oped_asserts_exactly_the_tests_and_the_criticism() -> None:
    got = triples(OPED, date="2019-08-02")
    # (Seoul's ending of the pact, which Japan criticises it for, is reported as fact: KOR->JPN REJECT)
    assert got == {("PRK", None, "MOBILIZE"), ("PRK", "KOR", "ACCUSE"), ("JPN", "KOR", "ACCUSE"),
                   ("KOR", "JPN", "REJECT")}, got


def test_the_oped_commentary_is_coded_but_not_asserted() -> None:
    every = triples(OPED, date="2019-08-02", asserted=False)
    # the capability, the advice and the habit are read as acts, with their modality
    assert ("KOR", "PRK", "ACCUSE") in every and ("PRK", "KOR", "THREATEN") in every, every


@pytest.mark.parametrize("text, wanted", [
    (("Kinshasa asked the Security Council on Tuesday to impose sanctions on Rwanda, which it accuses of arming "
      "the rebels in North Kivu."), ("COD", "RWA", "ACCUSE")),
    ("The launches were a warning to Seoul, which Pyongyang accuses of plotting an invasion with Washington.",
     ("PRK", "KOR", "ACCUSE")),
    ("Tehran blames Israel for the blast at the Natanz enrichment plant.", ("IRN", "ISR", "ACCUSE")),
])
def test_a_standing_accusation_in_the_present_is_made(text: str, wanted: tuple) -> None:
    assert wanted in triples(text), triples(text, asserted=False)


@pytest.mark.parametrize("text, unwanted", [
    ("Pyongyang routinely accuses Seoul of plotting an invasion.", ("PRK", "KOR", "ACCUSE")),
    ("Moscow bullies its small neighbours and threatens them with gas cuts.", ("RUS", "RUS", "THREATEN")),
    ("Beijing has long blamed Washington for the unrest in Hong Kong.", ("CHN", "USA", "ACCUSE")),
])
def test_a_habit_of_accusing_is_not_an_accusation(text: str, unwanted: tuple) -> None:
    assert unwanted not in triples(text)
