"""Commentary is not an asserted event: capability, expectation, hedges, habits and generalisations,
counterfactuals, background mentions and questions in analysis and op-ed text; and the wire
sentences that look like them but report an act stay asserted. Sentences written for these tests."""

from __future__ import annotations

import pytest
from coding_checks import classify_word

from dyadwatch.coding.modality import classify
from dyadwatch.nlp import get_nlp


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


call = classify_word  # the modality reading of one word of a sentence


COMMENTARY = [
    # (sentence, trigger, modality, kind of cue)
    # capability
    ("The new rockets give the militia the ability to strike every airbase in the north.", "strike",
     "hypothetical", "capability"),
    ("Its long-range drones are capable of hitting refineries deep inside the country.", "hitting",
     "hypothetical", "capability"),
    ("Without foreign spare parts the air force is unable to patrol the border.", "patrol", "negated", None),
    ("Pyongyang has shown it could hit the airfields of the south within minutes.", "hit", "hypothetical", None),
    # hedged assessments
    ("The junta seems to tolerate the militias' raids across the border.", "tolerate", "claimed", "hedge"),
    ("Ankara appears to have accepted, if grudgingly, the new line of control.", "accepted", "claimed", "hedge"),
    ("The cabinet apparently endorsed the plan before the vote.", "endorsed", "claimed", "hedge"),
    # generalisation and habit
    ("Tehran has long sought to dominate its smaller neighbours.", "dominate", "claimed", "generic"),
    ("The regime routinely threatens the exiled opposition.", "threatens", "claimed", "generic"),
    ("Border guards have repeatedly detained fishermen from the other side.", "detained", "claimed", "generic"),
    ("The government tends to blame foreign agents whenever prices rise.", "blame", "claimed", "generic"),
    ("Every coalition since the 1990s has expanded the settlements.", "expanded", "claimed", "generic"),
    ("The rebel army, which has fought the state since 1971, signed the accord.", "fought", "claimed", "generic"),
    ("The kingdom used to fund the militia in the east.", "fund", "claimed", "generic"),
    ("The party has courted Moscow for decades, whatever it promised Brussels.", "promised", "claimed", "generic"),
    ("Moscow bullies its small neighbours and threatens them with gas cuts.", "threatens", "claimed", "generic"),
    ("The rebels hold the villages that government troops attack every night.", "attack", "claimed", "generic"),
    # background mentions
    ("Despite the ongoing talks with the rebels, the army shelled two villages.", "talks", "claimed", "background"),
    ("Since the 2019 summit the two leaders have not spoken.", "summit", "claimed", "background"),
    ("The North has tested a dozen missiles since the Singapore summit.", "tested", "claimed", "generic"),
    ("Sanctions notwithstanding, the regime's oil still reaches foreign ports.", "Sanctions", "claimed",
     "background"),
    ("The embargo follows air strikes last month on the port.", "strikes", "claimed", "background"),
    ("It was the worst fighting since the invasion began.", "invasion", "claimed", "background"),
    ("Memories of 1982, when the army shelled the old city, still haunt the town.", "shelled", "claimed",
     "background"),
    # expectation, belief, prediction
    ("Few in the capital expect the junta to release the prisoners before the vote.", "release",
     "hypothetical", "belief"),
    ("Analysts believe the navy may blockade the strait within weeks.", "blockade", "hypothetical", None),
    ("There is growing speculation that the president will sack the army chief.", "sack", "hypothetical",
     "belief"),
    ("Markets are betting that the central bank will intervene again.", "intervene", "hypothetical", "belief"),
    ("Nobody in the ministry believes that the envoy will return.", "return", "hypothetical", "belief"),
    ("The minister is expected to visit the border province next week.", "visit", "future", None),
    ("The central bank is likely to raise rates again in March.", "raise", "hypothetical", None),
    ("They signed a deal that will see foreign peacekeepers deployed along the line.", "deployed", "future", None),
    # counterfactuals and conditions
    ("Had the council not lifted the embargo, the rebels would have starved.", "starved", "hypothetical", None),
    ("Were the navy to blockade the island, shipping would stop.", "blockade", "hypothetical", None),
    ("If the fund withholds the loan, the government could default.", "withholds", "hypothetical", None),
    # rhetorical questions and op-ed prescriptions
    ("Can the president really persuade the army to return to its barracks?", "persuade", "hypothetical", None),
    ("Did the army really shell the hospital, as its critics say?", "shell", "hypothetical", "question"),
    ("Should the alliance punish the junta for the coup?", "punish", "hypothetical", None),
    ("The government should expel the ambassador at once.", "expel", "hypothetical", None),
]


@pytest.mark.parametrize(("sentence", "word", "modality", "kind"), COMMENTARY)
def test_commentary_is_not_asserted(nlp, sentence: str, word: str, modality: str, kind: str | None) -> None:
    got = call(nlp, sentence, word)
    assert got.modality == modality, (sentence, got)
    if kind is not None:
        assert got.kind == kind, (sentence, got)
    assert got.cue  # the evidence names the word that decided it


REPORTS = [
    # wire sentences in the same shapes that report a real act: they stay asserted
    ("Despite the ongoing talks with the rebels, the army shelled two villages.", "shelled"),
    ("Police have detained 40 protesters since Monday, the interior ministry said.", "detained"),
    ("Police have detained 40 protesters since Tuesday night in the capital.", "detained"),
    ("Police have detained 40 people since the protests began on Friday.", "detained"),
    ("Riot police used water cannon to disperse the marchers.", "disperse"),
    ("The ministers met on Monday, when the talks resumed in Vienna.", "met"),
    ("Who attacked the convoy on Tuesday is not known, the army said.", "attacked"),
    ('"Why did you attack us?" the villagers asked the soldiers after they raided the market.', "raided"),
    ("The suspension of aid came after troops fired on protesters.", "fired"),
    ("Drone strikes have killed six commanders since last July, officials said.", "killed"),
    ("The embargo, which the council imposed on Monday, bans all arms sales.", "imposed"),
    ("The air force struck the depot for the third time in a week.", "struck"),
    ("The two leaders signed the accord in Geneva, ending decades of hostility.", "signed"),
    ("The government expelled two diplomats, it said in a statement.", "expelled"),
    ("Every member of the council voted to condemn the attack.", "voted"),
    ("The army shelled the town every night last week, residents said.", "shelled"),
    # present-tense stances that are acts: performatives, quotes, a stance reported by its speaker
    ("The opposition rejects the proposed changes to the charter, its leader said.", "rejects"),
    ('"We reject this ultimatum," the foreign minister told parliament.', "reject"),
    ("We condemn the attack on the embassy in the strongest terms.", "condemn"),
]


@pytest.mark.parametrize(("sentence", "word"), REPORTS)
def test_reports_stay_asserted(nlp, sentence: str, word: str) -> None:
    got = call(nlp, sentence, word)
    assert got.modality == "asserted", (sentence, got)
    assert got.cue is None and got.kind == ""


def test_long_sentence_of_commentary_and_report(nlp) -> None:
    """One long op-ed sentence: the report in it stays asserted, its commentary does not."""
    s = ("Whatever one makes of the generals' motives, the junta's decision on Monday to expel the French "
         "ambassador, which the foreign ministry announced in a terse statement read on state television, "
         "seems to confirm what diplomats have long suspected, namely that the regime routinely courts "
         "Moscow whenever its relations with Paris sour, and few in the region expect it to reverse course.")
    doc = nlp(s)
    tok = {t.text: t for t in doc}
    assert classify(tok["announced"]).modality == "asserted"
    assert classify(tok["courts"]).modality != "asserted"
    assert classify(tok["reverse"]).modality != "asserted"


def test_efforts_to_forge_a_deal_are_no_deal():
    from dyadwatch.coding import code_text

    text = ("Kenyan President William Ruto phoned his Ugandan counterpart on Monday to discuss efforts to "
            "forge a settlement of the fishing dispute on Lake Victoria.")
    evs = code_text(text, date="2024-05-10")
    assert any(e.event == "CONSULT" and e.modality == "asserted" for e in evs)
    assert not any(e.event == "AGREE" and e.modality == "asserted" for e in evs)


def test_pressed_on_with_is_no_demand():
    from dyadwatch.coding import code_text

    evs = code_text("Qatar pressed on with its shuttle diplomacy between Israel and Hamas on Sunday.",
                    date="2024-05-10")
    assert not any(e.event == "REQUEST" for e in evs)
