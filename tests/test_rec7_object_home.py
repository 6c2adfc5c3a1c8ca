"""A reaction whose object names no one by itself: the object's own phrase says whose it is. People "in"
countries are of those countries ("criticizing military gangsters in the United States and South Korea"),
an uncoded role placed abroad is of the place ("criticized the police in Germany"), steps taken "at" an
organisation are the organisation's ("warned against hostile measures at the IAEA board"). Never the place
of an act ("condemned the violence in ..."), never the speaker's own country. Sentences are ours, in wire shapes."""

from __future__ import annotations

from coding_checks import triples


def test_people_in_two_countries_are_the_target_of_a_criticism_in_a_statement():
    got = triples("Barely an hour after the launch, Pyongyang's official news agency carried a statement from the "
                  "defence ministry criticizing war maniacs in the United States and South Korea for staging "
                  "provocative drills near the peninsula.")
    assert ("PRK", "USA", "ACCUSE") in got
    assert ("PRK", "KOR", "ACCUSE") in got
    assert ("PRK", None, "ACCUSE") not in got


def test_people_in_capitals_hung_on_the_verb():
    got = triples("North Korea on Sunday condemned the warmongers in Washington and Seoul, calling the joint "
                  "exercises a rehearsal for invasion.")
    assert any(a == "PRK" and r == "USA" and t == "ACCUSE" for a, r, t in got)
    assert any(a == "PRK" and r == "KOR" and t == "ACCUSE" for a, r, t in got)


def test_a_role_noun_abroad_is_of_the_place_not_of_the_critic():
    got = triples("Turkey's foreign ministry on Thursday sharply criticized the police in Germany for raids on "
                  "mosques in three cities.")
    assert ("TUR", "DEU", "ACCUSE") in got
    assert ("TUR", "TUR", "ACCUSE") not in got


def test_measures_at_an_organisation_are_the_organisations():
    got = triples("Tehran had earlier warned against any hostile measures at the IAEA Board of Governors, saying it "
                  "would respond in kind.")
    assert any(a == "IRN" and r == "IAEA" and t == "THREATEN" for a, r, t in got)


def test_steps_at_the_security_council():
    got = triples("Moscow on Friday warned against hasty steps at the UN Security Council over the crisis.")
    assert any(a == "RUS" and r == "UNO" and t == "THREATEN" for a, r, t in got)


def test_an_act_in_a_country_is_its_place_not_a_party_named_by_this_rule():
    # the violence is an act: where it happened is no reason of this rule's (the sentence's other rules decide)
    got = triples("The minister warned against hasty steps at the border during a visit on Monday.")
    assert not any(t == "THREATEN" and r is not None for _, r, t in got)


def test_people_in_the_speakers_own_country_are_no_foreign_target():
    got = triples("Japan's prime minister criticized the leaders in a statement on Monday.")
    assert not any(a == "JPN" and r not in (None, "JPN") and t == "ACCUSE" for a, r, t in got)


def test_a_plain_it_is_never_the_clauses_own_subject():
    text = ("Twenty countries on the agency's board backed the resolution in Vienna on Thursday. Russia, China and "
            "Niger opposed it, while eleven countries abstained.")
    got = triples(text, date="2024-05-02")
    assert not any(a == r and t == "REJECT" for a, r, t in got)
    assert not any(r == "NER" and t == "REJECT" for _, r, t in got)


def test_him_may_be_of_the_same_country():
    got = triples("Opposition lawmakers walked out of Kenya's parliament during President William Ruto's address on "
                  "Thursday, accusing him of betraying voters.", date="2024-05-02")
    assert ("KEN", "KEN", "ACCUSE") in got
