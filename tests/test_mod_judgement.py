"""Op-ed advice and judgement, means held for an act, and acts dated years before the story are not
asserted news; the wire shapes that look like them stay asserted. Sentences written for these tests."""

from __future__ import annotations

import pytest
from test_modality_commentary import call

from dyadwatch.coding.coder import code_text
from dyadwatch.nlp import get_nlp


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


NOT_DONE = [
    # advice and judgement of an act (an op-ed's "would be wise to", "it would be a mistake to")
    ("Seoul would be wise to ask Washington to postpone the autumn drills.", "ask", "hypothetical"),
    ("It would be foolish for Ankara to expel the Swedish ambassador over a protest.", "expel", "hypothetical"),
    ("It would be a mistake for the White House to impose fresh sanctions on Caracas this year.", "impose",
     "hypothetical"),
    ("It is time for Canberra to recall its envoy from Beijing, the opposition leader wrote.", "recall",
     "hypothetical"),
    ("Warsaw ought to condemn the raid on the border post in the strongest terms.", "condemn", "hypothetical"),
    ("Brussels needs to engage with Minsk before the next round of sanctions.", "engage", "hypothetical"),
    # means held for an act
    ("Tehran now has the missiles to strike every refinery on the Gulf coast.", "strike", "hypothetical"),
    ("Moscow has enough drones to hit most of the power stations in the country.", "hit", "hypothetical"),
    ("The militia lacks the heavy weapons to hold the airport for long.", "hold", "negated"),
]


@pytest.mark.parametrize("sentence,word,modality", NOT_DONE)
def test_judgement_and_means_are_not_asserted(nlp, sentence, word, modality):
    assert call(nlp, sentence, word).modality == modality


DONE = [
    # a past copula judges an act that was done
    ("Tehran was right to reject the proposal, its foreign minister said on Monday.", "reject"),
    ("Cairo was quick to condemn the strike on the refugee camp.", "condemn"),
    # an act with its purpose, not means held
    ("Moscow sent two battalions to attack the town from the north on Tuesday.", "attack"),
]


@pytest.mark.parametrize("sentence,word", DONE)
def test_done_acts_stay_asserted(nlp, sentence, word):
    assert call(nlp, sentence, word).modality == "asserted"


def _asserted(text: str, date: str) -> set[tuple[str, str]]:
    return {(e.event, e.trigger) for e in code_text(text, date=date) if e.modality == "asserted"}


def test_act_dated_years_before_the_story_is_background():
    text = ("The junta, which seized power in 2021, arrested three reporters from Thailand in Yangon on "
            "Monday, a press freedom group said.")
    got = _asserted(text, "2024-03-12")
    assert ("COERCE", "arrested") in got
    assert not any(t == "seized" for _, t in got)


def test_act_of_this_year_is_news():
    text = "The junta, which seized power in March, arrested three reporters from Thailand on Monday."
    events = code_text(text, date="2024-06-12")
    assert any(e.trigger == "arrested" and e.modality == "asserted" for e in events)


def test_a_past_the_tagger_reads_as_present_is_no_habit(nlp):
    # the tagger reads an unknown past ("unfroze") as VBZ; its shape says it is no present simple
    sentence = "Washington unfroze $4 billion of Venezuelan assets as part of a deal with Caracas on Friday."
    assert call(nlp, sentence, "unfroze").modality == "asserted"
    assert call(nlp, "The junta bullies its smaller neighbours.", "bullies").modality == "claimed"


ELAPSED = [
    ("The blockade comes four months after Baku closed the only road into the enclave.", "closed", "claimed"),
    ("The envoy arrived in Niamey on Monday, nearly a year after the junta expelled the French ambassador.",
     "expelled", "claimed"),
    ("Kenya deported 40 Ethiopian migrants who crossed the border illegally three years ago.", "crossed",
     "claimed"),
    ("The compensation covers farms the state seized from settlers two decades ago.", "seized", "claimed"),
    ("Turkish jets bombed the camp two days ago, killing four fighters.", "bombed", "asserted"),
    # hours or days between the acts: both are news
    ("Israeli jets struck targets in Gaza hours after militants fired rockets at Ashkelon.", "struck", "asserted"),
]


@pytest.mark.parametrize("sentence,word,modality", ELAPSED)
def test_an_act_weeks_or_years_before_the_reported_one_is_background(nlp, sentence, word, modality):
    assert call(nlp, sentence, word).modality == modality


HABIT_AND_CHANCE = [
    ("In the past, Algiers has recalled its ambassador to Madrid whenever the dispute flared.", "recalled",
     "claimed"),
    ("Over the years, Cairo has mediated between the Palestinian factions.", "mediated", "claimed"),
    ("There is little chance that Minsk will free the jailed activists before the vote.", "free", "hypothetical"),
    ("There is a real risk that Moscow will cut gas supplies to Chisinau this winter.", "cut", "hypothetical"),
    # a dated act with a when-clause is news
    ("Moscow cut gas supplies to Chisinau on Monday, when talks on its debt stalled.", "cut", "asserted"),
]


@pytest.mark.parametrize("sentence,word,modality", HABIT_AND_CHANCE)
def test_habits_and_chances_are_not_news(nlp, sentence, word, modality):
    assert call(nlp, sentence, word).modality == modality


TIME_OF_A_FUTURE_ACT = [
    ("The ministry said the offensive would end only when the rebels handed over their weapons.", "handed",
     "hypothetical"),
    ("Ankara will lift the blockade once Yerevan signs the border protocol.", "signs", "hypothetical"),
    # the time clause of a done act is the coder's background rules' business, not a condition
    ("Israeli jets struck the camp after militants fired rockets at Sderot.", "struck", "asserted"),
]


@pytest.mark.parametrize("sentence,word,modality", TIME_OF_A_FUTURE_ACT)
def test_the_time_clause_of_a_future_act_has_not_happened(nlp, sentence, word, modality):
    assert call(nlp, sentence, word).modality == modality


def test_an_event_noun_in_a_future_clause_is_no_mention():
    text = ("Turkey and Armenia held talks in Vienna on Monday, the Turkish foreign ministry said.\n"
            "Ankara will reopen the border once Yerevan ratifies the talks' outcome.\n")
    for e in code_text(text, date="2024-04-02"):
        assert not any(m["sentence_index"] == 1 and m["trigger"]["text"] == "talks" for m in e.mentions)


SET_ASIDE = [
    ("Instead of expelling the envoys, Prague summoned the Chinese charge d'affaires on Monday.", "expelling"),
    ("Rather than negotiate with the rebels, the army shelled their positions overnight.", "negotiate"),
    ("Budapest, far from condemning the coup, sent its foreign minister to Niamey.", "condemning"),
]


@pytest.mark.parametrize("sentence,word", SET_ASIDE)
def test_the_act_set_aside_for_another_is_negated(nlp, sentence, word):
    assert call(nlp, sentence, word).modality == "negated"


def test_the_act_chosen_instead_stays_asserted(nlp):
    sentence = "Prague expelled the Chinese envoy on Monday instead of merely summoning him."
    assert call(nlp, sentence, "expelled").modality == "asserted"
    assert call(nlp, sentence, "summoning").modality == "negated"


def _coded(text: str, date: str = "2024-06-03") -> set[tuple[str, str, str, str]]:
    return {(e.event, ",".join(a.code or "" for a in e.actor), ",".join(r.code or "" for r in e.recipient),
             e.modality) for e in code_text(text, date=date)}


def test_will_not_hesitate_is_a_threat_or_a_promise():
    got = _coded('"We will not hesitate to strike back at Azerbaijan if attacked," the Armenian defence '
                 'minister told reporters on Monday.')
    assert ("THREATEN", "ARM", "AZE", "asserted") in got
    assert not any(t == "ASSAULT" and m == "asserted" for t, _, _, m in got)
    assert ("AGREE", "KOR", "PRK", "asserted") in _coded("Seoul will not hesitate to send aid to the North, "
                                                          "the unification minister said.")


def test_did_not_hesitate_reports_a_done_act():
    got = _coded("Ankara did not hesitate to shoot down the Syrian jet on Sunday, officials said.")
    assert ("ASSAULT", "TUR", "SYR", "asserted") in got


def test_the_wrong_apologised_for_is_background(nlp):
    sentence = "Tokyo apologised to Seoul on Friday for its coast guard detaining three South Korean fishermen."
    assert call(nlp, sentence, "apologised").modality == "asserted"
    assert call(nlp, sentence, "detaining").modality == "claimed"


PAST_PERFECT_RELATIVE = [
    ("The leaders met in Sochi on Friday for a summit that Kyiv had denounced in advance as a sham.", "denounced",
     "claimed"),
    ("Ukrainian troops retook the village, which Russian forces had seized in the spring.", "seized", "claimed"),
    # a past perfect reported by a speaker is the news it reports
    ("Kyiv said Russian forces had seized the village on Monday.", "seized", "asserted"),
]


@pytest.mark.parametrize("sentence,word,modality", PAST_PERFECT_RELATIVE)
def test_a_past_perfect_relative_clause_is_background(nlp, sentence, word, modality):
    assert call(nlp, sentence, word).modality == modality


def test_the_first_time_clause_restates_its_subject(nlp):
    restated = "The expulsion is the first time Oslo has expelled a Russian diplomat in two decades."
    assert call(nlp, restated, "expelled").modality == "claimed"
    # with a pronoun subject the clause is the only report of the act
    only = "It was the first time Chinese warships had entered the strait, the ministry said."
    assert call(nlp, only, "entered").modality == "asserted"


UNDATED_PERFECT_RELATIVE = [
    ("President Orban, who has angered Brussels by blocking aid to Kyiv, met Xi Jinping in Beijing on Monday.",
     "blocking", "claimed"),
    # a dated clause is news
    ("Moscow, which has launched more than 100 drones at Kyiv this week, said the strikes would go on.",
     "launched", "asserted"),
]


@pytest.mark.parametrize("sentence,word,modality", UNDATED_PERFECT_RELATIVE)
def test_an_undated_perfect_between_commas_characterises(nlp, sentence, word, modality):
    assert call(nlp, sentence, word).modality == modality
