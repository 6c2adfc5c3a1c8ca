"""The other party when the grammar hides it: "its embassy in Quito" after Ecuadorean police is never
Ecuador's own (no state has its embassy at home), while "closed its embassy in Kyiv" stays the subject's;
a pledge with no target named in a sentence whose other act is by one other country is made to that
country ("Ukraine accepted ..., and Washington agreed to resume military aid"). Sentences are ours."""

from __future__ import annotations

from test_coding_arguments import triples


def test_an_embassy_in_the_actors_own_capital_is_the_other_partys():
    got = triples("Mexico broke off relations with Ecuador on Friday after Ecuadorean police forced their way into "
                  "its embassy in Quito to arrest a former minister who had sought asylum there.")
    assert ("ECU", "MEX", "ASSAULT") in got or ("ECU", "MEX", "COERCE") in got, got


def test_an_embassy_abroad_stays_the_subjects():
    got = triples("Russia closed its embassy in Kyiv on Thursday, citing security threats.")
    assert ("RUS", "UKR", "SANCTION") in got, got


def test_a_pledge_goes_to_the_sentences_other_party():
    got = triples("Ukraine accepted a U.S. proposal for a 30-day ceasefire with Russia after talks in Jeddah on "
                  "Tuesday, and Washington agreed to resume military aid and intelligence sharing.")
    assert ("USA", "UKR", "AGREE") in got, got
    assert ("USA", "USA", "AGREE") not in got, got
