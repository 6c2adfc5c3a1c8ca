"""Event dates from sentence text, relative to the article's publication date."""

from __future__ import annotations

import pytest

from dyadwatch.coding.dates import event_date, parse_iso
from dyadwatch.nlp import get_nlp


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


ANCHORS = {"tests": "2017-09-03", "summit": ("2018-06-12", "day")}

# (sentence, article date, future?, expected (date, precision)); 2017-08-02 was a Wednesday.
CASES = [
    ("The frigate docked in the port on July 25.", "2017-08-02", False, ("2017-07-25", "day")),
    ("The frigate docked in the port on July 25.", "2017-07-20", False, ("2016-07-25", "day")),
    ("The frigate docked in the port on 25 July 2015.", "2017-08-02", False, ("2015-07-25", "day")),
    ("The delegates signed the accord on Dec. 3.", "2018-06-20", False, ("2017-12-03", "day")),
    ("The governor resigned last Tuesday.", "2017-08-02", False, ("2017-08-01", "day")),
    ("The governor resigned last Wednesday.", "2017-08-02", False, ("2017-07-26", "day")),
    ("The governor resigned on Wednesday.", "2017-08-02", False, ("2017-08-02", "day")),
    ("The governor resigned on Thursday.", "2017-08-02", False, ("2017-07-27", "day")),
    ("The governor will resign on Thursday.", "2017-08-02", True, ("2017-08-03", "day")),
    ("The governors will meet next Wednesday.", "2017-08-02", True, ("2017-08-09", "day")),
    ("The envoys meet tomorrow in Rome.", "2017-08-02", False, ("2017-08-03", "day")),
    ("Gunboats shelled the island yesterday.", "2017-08-02", False, ("2017-08-01", "day")),
    ("The mayor condemned the raid today.", "2017-08-02", False, ("2017-08-02", "day")),
    ("Farmers blocked the highway two days ago.", "2017-08-20", False, ("2017-08-18", "day")),
    ("Farmers blocked the highway two weeks ago.", "2017-08-20", False, ("2017-08-06", "week")),
    ("The union struck earlier this month.", "2017-08-20", False, ("2017-08-01", "month")),
    ("The union struck last month.", "2017-01-20", False, ("2016-12-01", "month")),
    ("The union struck in March.", "2017-08-20", False, ("2017-03-01", "month")),
    ("The union struck in October.", "2017-08-20", False, ("2016-10-01", "month")),
    ("The union struck in October 2012.", "2017-08-20", False, ("2012-10-01", "month")),
    ("The border was closed in 2010.", "2017-08-20", False, ("2010-01-01", "year")),
    ("The border was closed last year.", "2017-08-20", False, ("2016-01-01", "year")),
    ("Less than a week after the tests, the council imposed sanctions.", "2017-09-20", False,
     ("2017-09-10", "week")),
    ("Two days after the summit, the drills were suspended.", "2018-06-20", False, ("2018-06-14", "day")),
    ("Two days after the parade, the drills were suspended.", "2018-06-20", False,
     ("2018-06-20", "publication")),
    ("The embassy protested.", "2018-06-20", False, ("2018-06-20", "publication")),
    ("The embassy protested.", None, False, (None, "undated")),
    ("The embassy protested on Tuesday.", None, False, (None, "undated")),
    ("The embassy protested on 3 September 2017.", None, False, ("2017-09-03", "day")),
    ("The council may impose sanctions.", "2018-06-20", False, ("2018-06-20", "publication")),
    ("The rebels took the town, which they lost in 2010, on Monday.", "2018-06-20", False,
     ("2018-06-18", "day")),
    ("The ministers met on 12/03/2017.", "2018-06-20", False, ("2017-12-03", "day")),
    # named days and period bounds are not the event's date
    ("The Good Friday agreement was praised by the two premiers.", "2018-04-10", False,
     ("2018-04-10", "publication")),
    ("The militia has shelled the town since March.", "2022-06-10", False, ("2022-06-10", "publication")),
    ("The mission will withdraw its troops by 2025.", "2022-06-10", True, ("2022-06-10", "publication")),
    ("The navy has tested torpedoes since 2006 and fired another on Tuesday.", "2017-08-02", False,
     ("2017-08-01", "day")),
    ("Pyongyang Tuesday fired two rockets.", "2017-08-02", False, ("2017-08-01", "day")),
    ("The guerrillas have disarmed since the August 13 peace accord.", "2001-09-10", False,
     ("2001-09-10", "publication")),
]


@pytest.mark.parametrize("sentence,article_date,future,expected", CASES)
def test_event_date(nlp, sentence, article_date, future, expected) -> None:
    doc = nlp(sentence)
    sent = next(iter(doc.sents))
    assert event_date(sent, article_date, ANCHORS, future=future) == expected


def test_sentence_inside_a_longer_text(nlp) -> None:
    doc = nlp("The talks opened on Monday in Oslo. The envoys walked out on Thursday.")
    first, second = list(doc.sents)
    assert event_date(first, "2020-03-06") == ("2020-03-02", "day")
    assert event_date(second, "2020-03-06") == ("2020-03-05", "day")


def test_trigger_attached_expression_wins(nlp) -> None:
    doc = nlp("The man who joined a riot on Monday was arrested on Friday.")
    arrested = next(t for t in doc if t.text == "arrested")
    riot = next(t for t in doc if t.text == "riot")
    assert event_date(doc[:], "2020-03-06", trigger=arrested) == ("2020-03-06", "day")
    assert event_date(doc[:], "2020-03-06", trigger=riot) == ("2020-03-02", "day")


def test_article_date_with_time_and_bad_dates() -> None:
    assert parse_iso("2019-08-02T10:00:00Z").isoformat() == "2019-08-02"
    assert parse_iso("2019-08").isoformat() == "2019-08-01"
    assert parse_iso("not a date") is None
    assert parse_iso(None) is None


def test_unreadable_article_date_falls_back_to_undated(nlp) -> None:
    doc = nlp("The embassy protested.")
    assert event_date(doc[:], "someday") == (None, "undated")


def test_anchors_from_earlier_events(nlp) -> None:
    from dyadwatch.coding.dates import add_anchor

    doc = nlp("The navy carried out a torpedo test on Monday. Three days after the test, the envoys met. "
              "A week after the meeting, sanctions followed.")
    s1, s2, s3 = list(doc.sents)
    anchors: dict = {}
    carried = next(t for t in s1 if t.text == "carried")
    d1 = event_date(s1, "2020-03-20")
    assert d1 == ("2020-03-16", "day")
    add_anchor(anchors, carried, d1[0])
    assert anchors["test"] == "2020-03-16"
    d2 = event_date(s2, "2020-03-20", anchors)
    assert d2 == ("2020-03-19", "day")
    add_anchor(anchors, next(t for t in s2 if t.text == "met"), d2[0])
    assert event_date(s3, "2020-03-30", anchors) == ("2020-03-26", "week")
    # a past event dated after its own report is a misreading: the publication date is kept
    assert event_date(s3, "2020-03-20", anchors) == ("2020-03-20", "publication")
    assert add_anchor({}, carried, None) == {}


def _trigger(doc, word):
    return next(t for t in doc if t.text == word)


def test_dates_that_belong_to_another_clause_or_a_quote_are_ignored(nlp) -> None:
    doc = nlp("The two envoys agreed to meet again before the conference, which will be held on March 14 and 15.")
    assert event_date(doc[:], "2021-03-02", trigger=_trigger(doc, "agreed")) == ("2021-03-02", "publication")
    doc = nlp('The ministry accused Oslo of dragging ties back to "the chill of last year, which was bitter."')
    assert event_date(doc[:], "2021-03-02", trigger=_trigger(doc, "accused")) == ("2021-03-02", "publication")
    doc = nlp("The president said he would like to visit Lima at some point this year.")
    assert event_date(doc[:], "2021-03-02", trigger=_trigger(doc, "visit")) == ("2021-03-02", "publication")
    # a date of the trigger's own clause still counts
    doc = nlp("The two envoys agreed on March 1 to meet again.")
    assert event_date(doc[:], "2021-03-02", trigger=_trigger(doc, "agreed")) == ("2021-03-01", "day")


def test_coded_future_event_reads_its_date_forward() -> None:
    from dyadwatch.coding.coder import code_text

    evs = code_text("Chilean President Sebastian Pinera said his summit with Peru would take place on June 12.",
                    date="2018-05-20")
    assert any(e.event == "CONSULT" and e.date == "2018-06-12" for e in evs)


def test_event_in_an_after_clause_is_that_much_earlier(nlp) -> None:
    doc = nlp("It came six days after Tehran tested a new missile.")
    assert event_date(doc[:], "2021-03-10", trigger=_trigger(doc, "tested")) == ("2021-03-04", "day")
    # the main clause is not moved
    doc = nlp("Lima protested two days after the vote.")
    assert event_date(doc[:], "2021-03-10", trigger=_trigger(doc, "protested"))[0] != "2021-03-08"
