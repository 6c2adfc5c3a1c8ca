"""One act in a whole article is one event with every mention kept: the headline, the lead, a
sentence that names no actor ("The strike flattened ..."), a restatement by another noun. Articles
written for these tests."""

from __future__ import annotations

from dyadwatch.coding.coder import code_text

ARTICLE = """Jordan shells militia base near border
Jordanian artillery shelled a militia base in southern Syria on Tuesday, killing at least nine fighters, a war monitor said.
The bombardment lasted more than two hours and set fuel depots ablaze, residents said by telephone.
Damascus condemned the shelling as a breach of its sovereignty and summoned Jordan's charge d'affaires.
Amman has not commented on the strikes, which came a week after a drone attack on one of its border posts.
"""


def _events(text: str, date: str = "2024-02-14"):
    return code_text(text, date=date)


def test_headline_lead_and_restatements_are_one_event():
    events = [e for e in _events(ARTICLE) if e.event == "ASSAULT" and e.modality == "asserted"
              and {a.code for a in e.actor} == {"JOR"}]
    assert len(events) == 1
    ev = events[0]
    texts = [(m["sentence_index"], m["trigger"]["text"]) for m in ev.mentions]
    assert texts[0] == (0, "shells")  # the headline comes first
    assert (1, "shelled") in texts
    assert any(t == "bombardment" for _, t in texts)  # a sentence with no actor, read without a parse
    assert any(t == "shelling" for _, t in texts)  # the act a reaction names ("condemned the shelling")
    # every mention keeps its offsets in the article
    for m in ev.mentions:
        start, end = m["trigger"]["start"], m["trigger"]["end"]
        assert ARTICLE[start:end] == m["trigger"]["text"]


def test_headline_act_the_body_does_not_tell_is_its_own_event():
    # the article's own headline is read like a sentence (since the lead's headline change): an act the
    # body does not restate is an event of its own, never a mention of the body's other act
    text = ("Kenya recalls envoy from Somalia\n"
            "Somalia expelled Kenya's ambassador on Monday over what it called interference in its "
            "internal affairs, the foreign ministry in Mogadishu said.\n")
    events = _events(text)
    head = [e for e in events if e.sentence_index == 0]
    assert [(e.event, [a.code for a in e.actor], [r.code for r in e.recipient]) for e in head] == \
        [("SANCTION", ["KEN"], ["SOM"])]
    body = [e for e in events if e.event == "SANCTION" and [a.code for a in e.actor] == ["SOM"]]
    assert body and body[0].sentence_index == 1
    assert all(m["trigger"]["text"] != "recalls" for e in body for m in e.mentions)


def test_next_attack_is_another_act():
    text = ("Militants attacked a police station in northern Burkina Faso on Sunday, the army said.\n"
            "The next attack came hours later in a village to the east, residents said.\n")
    for e in _events(text):
        assert not any(m["trigger"]["text"] == "attack" and m["sentence_index"] > 0 for m in e.mentions)
