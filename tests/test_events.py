from dyadwatch.events import Actor, Event, plover_score, quad_code


def test_event_record_scales_and_stable_id():
    e = Event(story_id="a1", event="assault", actor=[Actor("PRK")], recipient=[Actor("KOR")],
              mode="aerial", trigger_start=10, sentence_index=0)
    rec = e.to_record()
    assert rec["event"] == "ASSAULT"
    assert rec["quad_code"] == 4
    assert rec["plover_score"] == -9.0
    assert e.id == Event(story_id="a1", event="ASSAULT", actor=[Actor("PRK")], recipient=[Actor("KOR")],
                         trigger_start=10, sentence_index=0).id
    assert plover_score("CONSULT", "visit") == 4.0
    assert quad_code("AID") == 2
