"""The content of a condition is no asserted event, however the parser hangs the clause: a headline's
'if' on a noun, 'provided (that)', 'in case', 'in the event of', 'as long as', 'on condition that'; and
what is not a condition stays asserted ('provided' as a verb, a fronted condition closed by its comma,
'as if' beside the main act). Sentences written for these tests."""

from __future__ import annotations

import pytest
from coding_checks import classify_word, triples

from dyadwatch.nlp import get_nlp


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


call = classify_word  # the modality reading of one word of a sentence


# (text, a triple that must not be asserted)
CONDITIONS = [
    # headline: no auxiliary, the parser hangs 'if' on the noun
    ("Tehran says ready for talks if Washington lifts sanctions", ("USA", None, "SANCTION")),
    ("Iran says open to talks if U.S. lifts sanctions", ("USA", None, "SANCTION")),
    # 'provided (that)' read as a participle
    ("Israel will pause its strikes provided that Hamas frees the remaining hostages, an Israeli official said.",
     ("PSE", "PSE", "RETREAT")),
    # 'in case' read as a prepositional phrase
    ("Kyiv is stockpiling generators in case Russia bombs the power grid again this winter.",
     ("RUS", None, "ASSAULT")),
    # 'as long as', a long wire sentence with the condition last
    (("Ankara will keep its troops in northern Syria as long as Kurdish militias shell Turkish border towns, "
      "the defence ministry said on Thursday."), ("TUR", "TUR", "ASSAULT")),
    # 'on condition that' under a reporting verb
    ("Manila said it would recall its ambassador on condition that Beijing expelled the Filipino envoy.",
     ("CHN", "PHL", "SANCTION")),
]


@pytest.mark.parametrize("text, unwanted", CONDITIONS)
def test_the_content_of_a_condition_is_not_asserted(text: str, unwanted: tuple) -> None:
    got = triples(text)
    assert unwanted not in got, got


@pytest.mark.parametrize("sentence, word", [
    ("Iran says open to talks if U.S. lifts sanctions", "sanctions"),
    ("Israel will pause its strikes provided Hamas frees the remaining hostages.", "frees"),
    ("Kyiv is stockpiling generators in case Russia bombs the power grid.", "bombs"),
    ("NATO would reinforce Estonia in the event of a Russian attack.", "attack"),
    ("The militia will hold its fire so long as the army withdraws its tanks.", "withdraws"),
    ("Seoul will resume the broadcasts on the condition that Pyongyang launches more balloons.", "launches"),
])
def test_condition_openers_read_on_the_words(nlp, sentence: str, word: str) -> None:
    c = call(nlp, sentence, word)
    assert c.modality == "hypothetical", c


@pytest.mark.parametrize("text, wanted", [
    # 'provided' as the verb of aid, with a subject of its own
    ("The United States provided Ukraine with air defence systems on Monday.", ("USA", "UKR", "AID")),
    # a fronted condition in a relative clause ends at its comma: the imposition is news
    ("The EU, which had threatened sanctions if Minsk forced the plane down, imposed them on Belarus on Monday.",
     ("EUR", "BLR", "SANCTION")),
    # 'as if' is manner, no condition on the protest
    ("The Philippines protested to China on Monday as if nothing had changed since the tribunal ruled.",
     ("PHL", "CHN", "PROTEST")),
    # a condition in the first sentence does not reach the next
    ("Russia will cut gas supplies if Chisinau refuses to pay. On Tuesday Russian jets bombed Odesa.",
     ("RUS", "UKR", "ASSAULT")),
])
def test_what_is_no_condition_stays_asserted(text: str, wanted: tuple) -> None:
    got = triples(text)
    assert wanted in got, got


@pytest.mark.parametrize("sentence, word", [
    ("Weapons provided by Iran struck a tanker in the Red Sea on Sunday.", "struck"),
    ("If the talks fail, the army shelled the town anyway, residents said.", "shelled"),
    ("The fighting could last months, if not years, after the rebels seized the airport.", "seized"),
])
def test_openers_that_open_no_condition_of_the_act(nlp, sentence: str, word: str) -> None:
    c = call(nlp, sentence, word)
    assert c.kind != "condition_clause", c
