"""Reports merged into events across articles (store/clusters.py, store/stories.py): one happening
from several outlets is one event; distinct acts of the same parties on one day stay apart; the
result depends neither on the order of ingest nor on ingesting again."""

from __future__ import annotations

import random
import tempfile
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyadwatch.events import Actor, Event
from dyadwatch.ingest.article import Article
from dyadwatch.store import Store, core, stories
from dyadwatch.store.clusters import Report, merge_key, split_group
from dyadwatch.store.report_places import places_named
from dyadwatch.store.stories import jaccard, shingles, signature

WORDS = ("ministry", "officials", "said", "the", "strike", "came", "after", "days", "of", "warnings", "from",
         "both", "governments", "while", "residents", "reported", "damage", "to", "homes", "and", "a",
         "market", "near", "the", "station", "as", "rescue", "teams", "searched", "through", "rubble", "for",
         "survivors", "and", "local", "hospitals", "asked", "for", "blood", "donations")


def story(seed: int, n: int = 90) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(n)) + f" story {seed}."


def edited(text: str, seed: int, k: int = 4) -> str:
    """Light editing of wire copy: a few words changed, a sentence added."""
    rng = random.Random(seed)
    words = text.split()
    for _ in range(k):
        words[rng.randrange(len(words))] = rng.choice(WORDS)
    return " ".join(words) + " The agency could not confirm the figures."


def article(text: str, source: str, date: str | None, url: str | None = None) -> Article:
    return Article(text=text, title=text[:30], url=url or f"https://{source.lower().replace(' ', '')}.example/"
                   f"{abs(hash(text)) % 10**8}", date=date, source=source, language="en", path=f"{source}.txt")


def report(art: Article, sentence: str, etype: str = "ASSAULT", actor: str = "RUS", recipient: str | None = "UKR",
           date: str | None = "2024-03-04", precision: str = "day", mode: str | None = None, cameo: str | None = None,
           index: int = 0, modality: str = "asserted") -> Event:
    start = art.text.find(sentence)
    return Event(story_id=art.id, event=etype, actor=[Actor(actor, "GOV", actor)],
                 recipient=[Actor(recipient, None, recipient)] if recipient else [], mode=mode, date=date,
                 date_precision=precision, cameo=cameo, event_text=sentence, sentence_index=index,
                 sentence_start=max(start, 0), trigger="shelled", trigger_start=max(start, 0) + index,
                 modality=modality)


def with_sentence(text: str, sentence: str) -> str:
    return text + " " + sentence


def events_of(s: Store) -> dict[str, tuple]:
    """event id -> (sorted report ids, num_reports, num_articles, num_sources, outlets)."""
    out = {}
    for eid, n_rep, n_art, n_src, outlets in s.con.execute(
            "SELECT id, num_reports, num_articles, num_sources, outlets FROM events WHERE merged_into IS NULL"
    ).fetchall():
        members = sorted(r[0] for r in s.con.execute(
            "SELECT id FROM events WHERE id = ? OR merged_into = ?", [eid, eid]).fetchall())
        out[eid] = (tuple(members), n_rep, n_art, n_src, tuple(outlets or ()))
    return out


def test_one_happening_from_three_outlets_is_one_event(db_file: Path):
    s1 = "Russian forces shelled Kharkiv on Monday, killing three people."
    s2 = "Russia shelled the city of Kharkiv on Monday, regional officials said."
    s3 = "Kharkiv came under Russian shelling on Monday."
    a1 = article(with_sentence(story(1), s1), "Harbour Wire", "2024-03-04")
    a2 = article(with_sentence(story(2), s2), "Meridian News", "2024-03-04")
    a3 = article(with_sentence(story(3), s3), "Daily Ledger", "2024-03-05")
    items = [(a3, [report(a3, s3, date="2024-03-05", precision="publication")]),
             (a1, [report(a1, s1, cameo="195")]), (a2, [report(a2, s2, cameo="19")])]
    with Store(db_file) as s:
        for art, evs in items:
            assert s.add_article(art, evs)
        assert s.count_events() == 1 and s.count_events(reports=True) == 3
        ev = s.events().to_dict("records")[0]
        assert (ev["num_sources"], ev["num_articles"], ev["num_reports"], ev["num_mentions"]) == (3, 3, 3, 3)
        assert sorted(ev["outlets"]) == ["Daily Ledger", "Harbour Wire", "Meridian News"]
        # the event is its earliest report: published first, and its URL is the event's source URL
        assert ev["story_id"] in (a1.id, a2.id) and str(ev["first_reported"])[:10] == "2024-03-04"
        assert ev["source_url"] in (a1.url, a2.url)
        reps = s.event_reports(ev["id"])
        assert [r["merged_into"] for r in reps] == [None, ev["id"], ev["id"]]
        assert all("kharkiv" in (r["merge_reason"] or "") for r in reps[1:])
        assert {r["source"] for r in reps} == {"Harbour Wire", "Meridian News", "Daily Ledger"}
        # analyses read events: one event_dyads row; report level: three
        assert s.con.execute("SELECT count(*) FROM event_dyads").fetchone()[0] == 1
        assert s.con.execute("SELECT count(*), count(DISTINCT event_id) FROM report_dyads").fetchone() == (3, 1)
        assert s.count_events(source="Daily Ledger") == 1 and s.count_events(source="Nobody") == 0
        assert s.count_events(source="Daily Ledger", reports=True) == 1
        assert s.count_events(actor="RUS", source="Meridian News") == 1


def test_distinct_acts_of_the_same_parties_on_one_day_stay_apart(db_file: Path):
    pairs = [
        # another town
        ("Russian forces shelled Kharkiv on Monday.", {}, "Russian forces shelled Kherson on Monday.", {}),
        # another day, both dated to the day
        ("Russia shelled the region on Monday.", {}, "Russia shelled the region on Tuesday.",
         {"date": "2024-03-05"}),
        # sibling CAMEO codes: an air strike is not an artillery barrage
        ("Russian jets bombed a depot.", {"cameo": "195"}, "Russian artillery hit a depot.", {"cameo": "194"}),
        # another mode, another modality
        ("Russia attacked Ukraine.", {"mode": "aerial"}, "Russia attacked Ukraine.", {"mode": "heavy-weapons"}),
        ("Russia attacked Ukraine.", {}, "Russia threatened to attack Ukraine.", {"modality": "future"}),
    ]
    with Store(db_file) as s:
        for k, (t1, kw1, t2, kw2) in enumerate(pairs):
            actor = ("RUS", "ISR", "TUR", "IRN", "SAU")[k]  # one dyad per case, so cases do not meet
            a1 = article(with_sentence(story(10 + k), t1), "Harbour Wire", "2024-03-04")
            a2 = article(with_sentence(story(20 + k), t2), "Meridian News", "2024-03-04")
            s.add_article(a1, [report(a1, t1, actor=actor, **kw1)])
            s.add_article(a2, [report(a2, t2, actor=actor, **kw2)])
            assert s.count_events(actor=actor) == 2, (t1, t2)
        assert s.count_events() == 2 * len(pairs)
        # two acts in one article are never one event, even with a near-duplicate of that article
        text = story(99) + " Russian forces shelled Kharkiv at dawn. Hours later they shelled Kharkiv again."
        a = article(text, "Harbour Wire", "2024-03-06")
        b = article(edited(text, 1), "Meridian News", "2024-03-06")
        for art in (a, b):
            s.add_article(art, [report(art, "Russian forces shelled Kharkiv at dawn.", date="2024-03-06", index=0),
                                report(art, "Hours later they shelled Kharkiv again.", date="2024-03-06", index=1)])
        assert s.count_events(since="2024-03-06") == 2
        assert s.count_events(since="2024-03-06", reports=True) == 4
        assert s.con.execute("SELECT count(*) FROM story_links").fetchone()[0] == 1


def test_publication_date_and_near_duplicate_story(db_file: Path):
    with Store(db_file) as s:
        t = "Russian forces shelled the town."
        a1 = article(with_sentence(story(5), t), "Harbour Wire", "2024-03-04")
        a2 = article(with_sentence(story(6), t), "Meridian News", "2024-03-05")
        s.add_article(a1, [report(a1, t)])
        s.add_article(a2, [report(a2, t, date="2024-03-05", precision="publication")])
        assert s.count_events() == 1  # published the next day, no date in the text: the same act
        a3 = article(with_sentence(story(7), t), "Daily Ledger", "2024-03-07")
        s.add_article(a3, [report(a3, t, date="2024-03-07", precision="publication")])
        assert s.count_events() == 2  # three days later: another act
        # the same wire story republished three days later, the coder dating it by publication
        wire = story(8)
        w1 = article(wire + " " + t, "Harbour Wire", "2024-04-01")
        w2 = article(edited(wire, 3) + " " + t, "Meridian News", "2024-04-04")
        s.add_article(w1, [report(w1, t, date="2024-04-01")])
        s.add_article(w2, [report(w2, t, date="2024-04-04", precision="publication")])
        assert s.count_events(since="2024-04-01") == 1
        reason = s.con.execute("SELECT merge_reason FROM events WHERE merged_into IS NOT NULL AND date >= "
                               "'2024-04-01'").fetchone()[0]
        assert reason.startswith("near-duplicate story (Jaccard")


def test_merge_off_keeps_one_event_per_report(db_file: Path):
    t = "Russian forces shelled Kharkiv on Monday."
    with Store(db_file, merge=False) as s:
        for k, src in enumerate(("A", "B", "C")):
            a = article(with_sentence(story(30 + k), t), src, "2024-03-04")
            s.add_article(a, [report(a, t)])
        assert s.count_events() == 3
        assert s.con.execute("SELECT count(*) FROM story_bands").fetchone()[0] == 0
        assert s.con.execute("SELECT min(num_sources), max(num_reports) FROM events").fetchone() == (1, 1)


def test_near_duplicate_stories_by_minhash():
    base = story(40, 150)
    assert jaccard(signature(base), signature(edited(base, 2))) > 0.6
    assert jaccard(signature(base), signature(story(41, 150))) < 0.3
    assert signature("") is None and shingles("one two") == {b"one", b"two"}


def test_places_named():
    got = places_named(["Russian forces shelled Kharkiv Oblast. Kherson was hit too.",
                        "Israeli strikes hit Khan Younis, the Central Bank said in Washington."])
    assert got == {"kharkiv", "kherson", "khan younis"}
    assert places_named([None, "", "The Pentagon said on Tuesday."]) == frozenset()


def test_split_group_depends_on_members_not_order():
    def rep(i: int, story_id: str, place: set[str], date: str = "2024-03-04") -> Report:
        from datetime import date as d
        return Report(id=f"r{i}", story_id=story_id, key="k", date=d.fromisoformat(date), precision="day",
                      mode=None, location=None, source=story_id, published=d.fromisoformat(date), url=None,
                      mentions=1, sentence_index=0, places=frozenset(place))

    members = [rep(1, "a", set()), rep(2, "b", {"kharkiv"}), rep(3, "c", {"kherson"}), rep(4, "d", {"kharkiv"})]
    first = split_group(members, {})
    for seed in range(5):
        shuffled = members[:]
        random.Random(seed).shuffle(shuffled)
        assert [[r.id for r in ev] for ev in split_group(shuffled, {})] == [[r.id for r in ev] for ev in first]
    # Kharkiv and Kherson are never one event, whatever the report without a town joins
    for ev in first:
        assert not ({"kharkiv", "kherson"} <= {p for r in ev for p in r.places})


def test_merge_key():
    assert merge_key("ASSAULT", ["RUS", None, "RUS"], ["UKR"], "asserted") == \
        merge_key("ASSAULT", ["RUS"], ["UKR"], "asserted")
    assert merge_key("ASSAULT", ["RUS"], ["UKR"], "asserted") != merge_key("ASSAULT", ["UKR"], ["RUS"], "asserted")


# -- order and repetition: the same events whatever the order, batches or repeats ---------------------

PLACES = ("Kharkiv", "Kherson", None)
OUTLETS = ("Harbour Wire", "Meridian News", "Daily Ledger", "Coast Times")


@st.composite
def corpora(draw):
    """Articles (some near-duplicates of others) with reports drawn from a small space, so that many
    could merge: two dyads, two types, three days, two towns or none, day or publication dates."""
    n = draw(st.integers(2, 9))
    arts = []
    for k in range(n):
        dup_of = draw(st.one_of(st.none(), st.integers(0, k - 1))) if k else None
        day = draw(st.integers(4, 6))
        reps = []
        for i in range(draw(st.integers(1, 3))):
            place = draw(st.sampled_from(PLACES))
            reps.append({"etype": draw(st.sampled_from(("ASSAULT", "ACCUSE"))),
                         "actor": draw(st.sampled_from(("RUS", "UKR"))),
                         "day": day - draw(st.integers(0, 1)), "precision": draw(st.sampled_from(("day", "publication"))),
                         "place": place, "index": i})
        arts.append({"dup_of": dup_of, "day": day, "outlet": draw(st.sampled_from(OUTLETS)), "reports": reps})
    return arts


def build(spec: list[dict]) -> list[tuple[Article, list[Event]]]:
    texts: list[str] = []
    out = []
    for k, a in enumerate(spec):
        text = edited(texts[a["dup_of"]], k) if a["dup_of"] is not None else story(1000 + k)
        sentences = [f"Forces struck {r['place'] or 'the area'} in attack number {r['index']}." for r in a["reports"]]
        full = text + " " + " ".join(sentences)
        texts.append(text)
        art = article(full, a["outlet"], f"2024-03-{a['day']:02d}", url=f"https://example.org/{k}")
        evs = []
        for r, sent in zip(a["reports"], sentences):
            recipient = "UKR" if r["actor"] == "RUS" else "RUS"
            day = a["day"] if r["precision"] == "publication" else r["day"]
            evs.append(report(art, sent, etype=r["etype"], actor=r["actor"], recipient=recipient,
                              date=f"2024-03-{day:02d}", precision=r["precision"], index=r["index"]))
        out.append((art, evs))
    return out


def ingest(items: list[tuple[Article, list[Event]]], batches: list[int]) -> dict[str, tuple]:
    with Store(":memory:") as s:
        k = 0
        for size in [*batches, len(items)]:
            if k >= len(items):
                break
            s.add_articles([(a, e, True) for a, e in items[k:k + size]])
            k += size
        assert k >= len(items)
        s.add_articles([(a, e, True) for a, e in items])  # again: nothing changes
        got = events_of(s)
        dyads = sorted(s.con.execute("SELECT event_id, source, target FROM event_dyads").fetchall())
        assert sorted({d[0] for d in dyads}) == sorted(got)  # event_dyads: events only, every event
        assert s.count_events(reports=True) == sum(len(e) for _, e in items)
        return {"events": got, "dyads": dyads}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spec=corpora(), seed=st.integers(0, 10**6), batches=st.lists(st.integers(1, 4), max_size=4))
def test_same_events_in_any_order_and_batching(spec, seed, batches):
    items = build(spec)
    one_by_one = ingest(items, [1] * len(items))
    shuffled = items[:]
    random.Random(seed).shuffle(shuffled)
    assert ingest(shuffled, batches) == one_by_one


def _events_and_dyads(s: Store) -> dict:
    cols = "id, merged_into, merge_group, merge_reason, num_reports, num_mentions, num_articles, num_sources, " \
           "outlets, first_reported, source_url"
    return {"events": sorted(s.con.execute(f"SELECT {cols} FROM events").fetchall(), key=str),
            "dyads": sorted(s.con.execute("SELECT event_id, source, target FROM event_dyads").fetchall(), key=str),
            "links": sorted(s.con.execute("SELECT * FROM story_links").fetchall())}


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spec=corpora(), seed=st.integers(0, 10**6), cut=st.integers(0, 9))
def test_a_new_session_merges_as_one_session_does(spec, seed, cut):
    """The merge keeps what never changes in a stored report in memory (Store._report_facts); a
    store reopened (nothing in memory, everything read back from the file) must merge the next
    articles exactly as the session that stored the first ones would have. One article has no URL
    and one report several mentions, to read back what the cache holds. Near-duplicate candidates
    found by the database join (a big store) give the same events as from the in-memory index."""
    items = build(spec)
    art, evs = items[0]
    items[0] = (replace(art, url=""), [replace(e, mentions=[{"event_text": e.event_text}] * 2) for e in evs])
    random.Random(seed).shuffle(items)
    cut = min(cut, len(items))
    with tempfile.TemporaryDirectory() as tmp:
        one, two = Path(tmp) / "one.duckdb", Path(tmp) / "two.duckdb"
        with Store(one) as s:
            s.add_articles([(a, e, True) for a, e in items])
            expected = _events_and_dyads(s)
        with Store(two) as s:
            s.add_articles([(a, e, True) for a, e in items[:cut]])
        bound = core._FACTS_MAX
        core._FACTS_MAX = 3  # and what it keeps is bounded: the cache is emptied when full
        try:
            with Store(two) as s:
                for k in range(cut, len(items), 2):
                    s.add_articles([(a, e, True) for a, e in items[k:k + 2]])
                assert _events_and_dyads(s) == expected
        finally:
            core._FACTS_MAX = bound
        limit = stories.MAX_IN_MEMORY
        stories.MAX_IN_MEMORY = -1  # near-duplicate candidates by the join in the database, never in memory
        try:
            with Store(Path(tmp) / "three.duckdb") as s:
                for k in range(0, len(items), 3):
                    s.add_articles([(a, e, True) for a, e in items[k:k + 3]])
                assert _events_and_dyads(s) == expected
        finally:
            stories.MAX_IN_MEMORY = limit
