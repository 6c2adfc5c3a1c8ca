"""Page debris in the shapes scraped pages have, glued without spaces or line breaks, and properties
(hypothesis): real article text survives the cleaner unchanged, debris goes wherever it is put."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyadwatch.ingest.debris import clean_text, is_debris_line, remove_widgets, unglue

# -- vocabulary of our own: names of many shapes, real camel-case names, sentence openers that
# look like page prompts ("Share prices", "More than", "By Monday") ----------------------------------
FIRST = ["Ana", "Tomas", "Jean-Luc", "Mary", "Kwame", "Li", "Olusola", "Hyun-woo", "José", "Siobhan",
         "Abdel", "Ingrid", "Rustam", "Marta"]
LAST = ["Okafor", "de la Croix", "O'Neil-Smith", "Álvarez", "Park", "Lindqvist", "Haddad", "Mensah",
        "van der Berg", "Nakamura", "MacLeod", "McAllister", "Petrenko", "Al-Rashid"]
TITLES = ["President", "Prime Minister", "Foreign Minister", "Defence Minister", "Senator", "General",
          "Finance Minister", "Ambassador"]
STATES = ["Norland", "the Republic of Vessa", "Kestria", "Ostravia", "Marenne", "South Tarvia",
          "the United Provinces", "Lusk"]
CAPITALS = ["Varn", "Orlo", "Port Amsel", "Kesh", "Dunmore", "Saint Ives-sur-Mer"]
BRANDS = ["BlackRock", "SpaceX", "McDonald's", "YouTube", "WhatsApp", "PayPal", "ExxonMobil", "iPhone",
          "LinkedIn", "DeSantis", "MacArthur", "JPMorgan", "TikTok", "SharePoint"]
VERBS = ["accused", "met", "urged", "criticised", "thanked", "warned", "visited", "sanctioned",
         "praised", "called on", "expelled diplomats from", "signed a trade deal with"]
TIMES = ["on Monday", "on Tuesday evening", "at 10:30 a.m. on Friday", "on March 3, 2021",
         "late on Sunday", "earlier this week", "at 9:00 GMT", "in 2019"]
ATTRIB = ["officials said", "the ministry said in a statement", "state media reported",
          "according to a government spokesman", "two diplomats told reporters"]
OPENERS = ["Share prices in {cap} fell 2 percent after the announcement, dealers said.",
           "More than 200 people were evacuated from {cap}, {attr}.",
           "By {day}, the troops had left {cap}.",
           "Photographers were kept away from the summit in {cap} {time}.",
           "Email records show that the two envoys met three times in {cap}.",
           "Related talks on trade are expected to start in {cap} in May, {attr}.",
           "Updated figures released {time} showed exports to {state} had doubled.",
           "Published reports in {cap} said the envoy had been recalled {time}.",
           "Follow-up talks with {state} will be held in {cap}, {attr}.",
           "Print and broadcast journalists were barred from the hearing in {cap}.",
           "Subscribers to the state newspaper in {cap} were told the talks had failed.",
           "Most read by diplomats in {cap} was the annex on fishing rights.",
           "The {brand} office in {cap} was closed {time}, {attr}.",
           "{brand} said {time} it had suspended its services in {state}.",
           '"We will not give in," {name} told a rally in {cap} {time}.',
           "Advertisements for the referendum were banned in {state} {time}."]
DAYS = ["Monday", "Tuesday evening", "noon", "the end of the week"]


def name_st() -> st.SearchStrategy[str]:
    return st.builds(lambda f, last, jr: f"{f} {last}{' Jr.' if jr else ''}", st.sampled_from(FIRST),
                     st.sampled_from(LAST), st.booleans())


@st.composite
def sentence_st(draw: st.DrawFn) -> str:
    name = draw(name_st())
    kind = draw(st.integers(0, 3))
    if kind == 0:
        title = draw(st.sampled_from(TITLES))
        s = (f"{title} {name} of {draw(st.sampled_from(STATES))} {draw(st.sampled_from(VERBS))} "
             f"{draw(st.sampled_from(STATES))} {draw(st.sampled_from(TIMES))}, {draw(st.sampled_from(ATTRIB))}.")
    elif kind == 1:
        s = (f"{draw(st.sampled_from(CAPITALS))} {draw(st.sampled_from(VERBS))} {draw(st.sampled_from(STATES))} "
             f"{draw(st.sampled_from(TIMES))} after {name} visited {draw(st.sampled_from(CAPITALS))}.")
    elif kind == 2:
        s = draw(st.sampled_from(OPENERS)).format(
            cap=draw(st.sampled_from(CAPITALS)), attr=draw(st.sampled_from(ATTRIB)),
            day=draw(st.sampled_from(DAYS)), time=draw(st.sampled_from(TIMES)),
            state=draw(st.sampled_from(STATES)), brand=draw(st.sampled_from(BRANDS)), name=name)
    else:
        s = (f"{name}, who met {draw(st.sampled_from(TITLES)).lower()} {draw(name_st())} "
             f"{draw(st.sampled_from(TIMES))}, said {draw(st.sampled_from(STATES))} would respond.")
    return s[0].upper() + s[1:]


def paragraph_st() -> st.SearchStrategy[str]:
    return st.lists(sentence_st(), min_size=1, max_size=4).map(" ".join)


@st.composite
def headline_st(draw: st.DrawFn) -> str:
    a, b = draw(st.sampled_from(CAPITALS)), draw(st.sampled_from(STATES))
    verb = draw(st.sampled_from(["accuses", "sanctions", "warns", "expels envoy of", "signs pact with",
                                 "rejects talks with", "vows to defend border with"]))
    return f"{a} {verb} {b.replace('the ', '')}"


@st.composite
def widget_st(draw: st.DrawFn) -> tuple[str, str, list[str]]:
    """(name, the widget text glued as scraped, its headlines): name twice, the first headline glued."""
    name = draw(name_st())
    heads = draw(st.lists(headline_st(), min_size=1, max_size=4))
    tail = draw(st.sampled_from(["MORE", "MORE", "Read more", "READ MORE"]))
    return name, name + name + " ".join(heads) + " " + tail, heads


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.lists(paragraph_st(), min_size=1, max_size=5))
def test_real_article_text_survives_unchanged(paragraphs: list[str]) -> None:
    text = "\n\n".join(paragraphs)
    assert clean_text(text) == text
    # and no single line of it reads as debris
    for p in paragraphs:
        assert not is_debris_line(p)


@SETTINGS
@given(st.lists(sentence_st(), min_size=2, max_size=5), st.data())
def test_widget_inside_a_sentence_keeps_the_sentence(sentences: list[str], data: st.DataObject) -> None:
    """The widget sits right after a person's name, in the middle of the sentence that names them."""
    name, widget, heads = data.draw(widget_st())
    joint = data.draw(st.sampled_from([" said the talks would go on.", "'s government said it would respond.",
                                       ", the foreign minister, said nothing."]))
    real = f"{data.draw(st.sampled_from(TITLES))} {name}{joint}"
    glued = real.replace(name, widget, 1)
    k = data.draw(st.integers(0, len(sentences)))
    text = " ".join([*sentences[:k], glued, *sentences[k:]])
    out = clean_text(text)
    assert out == " ".join([*sentences[:k], real, *sentences[k:]])
    for h in heads:
        assert h not in out


@SETTINGS
@given(st.lists(sentence_st(), min_size=2, max_size=5), st.data())
def test_widget_between_sentences_goes_whole(sentences: list[str], data: st.DataObject) -> None:
    _, widget, heads = data.draw(widget_st())
    opener = data.draw(st.sampled_from(["", "Related: ", "Read also: "]))
    k = data.draw(st.integers(1, len(sentences) - 1))
    sep = data.draw(st.sampled_from([" ", "\n"]))
    text = " ".join(sentences[:k]) + sep + opener + widget + sep + " ".join(sentences[k:])
    out = clean_text(text)
    for s in sentences:
        assert s in out
    for h in heads:
        assert h not in out
    assert "MORE" not in out and "Related: " not in out and "Read also" not in out


DEBRIS_PIECES = [
    "Advertisement", "ADVERTISEMENT", "Share this article", "FacebookTwitterEmail", "Share on FacebookShare on X",
    "© Lantern Images", "Click to share on WhatsApp (Opens in new window)", "Story continues below",
    "Updated 10:05 AM ET", "Published 3 hours ago", "4 min read", "Listen to this article",
    "Sign up for our morning newsletter", "Copy link",
]


@SETTINGS
@given(st.lists(sentence_st(), min_size=2, max_size=6), st.lists(st.sampled_from(DEBRIS_PIECES), min_size=1,
                                                                  max_size=3), st.data())
def test_glued_debris_between_sentences_goes(sentences: list[str], pieces: list[str], data: st.DataObject) -> None:
    """Debris glued with no space at all to the sentence before and the one after."""
    k = data.draw(st.integers(1, len(sentences) - 1))
    text = " ".join(sentences[:k]) + "".join(pieces) + " ".join(sentences[k:])
    out = clean_text(text)
    left = out
    for s in sentences:
        assert s in out, (s, out)
        left = left.replace(s, "", 1)
    assert not left.strip(), left


# -- page shapes, written as scrapers deliver them ----------------------------------------------------
WIRE_PAGE = """Norland expels two Kestrian diplomats over spying claims
By Ana Okafor, Test Wire
Updated 10:05 AM ET, Tue March 3, 2021
Share on FacebookShare on XShare via Email

VARN, March 3 (Test Wire) - Norland ordered two Kestrian diplomats to leave the country on Tuesday,
accusing them of spying on its navy, the foreign ministry said.
Photo: TEST WIRE/Kwame Mensah
The ministry said the two had 72 hours to leave. Foreign Minister Ingrid LindqvistIngrid Lindqvist\
Lindqvist to visit Orlo next week Kestria jails Norland journalist Port Amsel talks stall MORE said \
Norland would not tolerate interference.
AdvertisementKestria's embassy in Varn called the accusations baseless.
Reporting by Ana Okafor; Editing by Tomas Park
© 2021 Test Wire. All rights reserved."""

OPED_PAGE = """Opinion | Why Norland cannot afford a cold war with Kestria
Siobhan MacLeod, Senior Correspondent
March 3, 2021 | 6 min read
FacebookTwitterLinkedInEmail

Norland has long sought a seat at the table of the great powers.Read more: Kesh warns Varn over \
fishing rightsIt has rarely been offered one.

Should Norland respond in kind? I think not. Related: Rustam PetrenkoRustam PetrenkoPetrenko says \
talks are dead Lusk suspends aid MORE The cost of a trade war would fall on its farmers.
Image caption, Protesters outside the Kestrian embassy in Varn on Monday
Listen to this article
Most read"""


def test_wire_page_glued_debris() -> None:
    out = clean_text(WIRE_PAGE, title="Norland expels two Kestrian diplomats over spying claims")
    assert out.startswith("VARN, March 3 (Test Wire) - Norland ordered")
    assert "Foreign Minister Ingrid Lindqvist said Norland would not tolerate interference." in out
    assert "Kestria's embassy in Varn called the accusations baseless." in out
    for junk in ("Ana Okafor", "Updated", "Share", "TEST WIRE/", "Lindqvist to visit", "jails", "MORE",
                 "Advertisement", "Reporting by", "All rights reserved", "Kwame"):
        assert junk not in out, junk


def test_oped_page_glued_debris() -> None:
    out = clean_text(OPED_PAGE)
    assert "Norland has long sought a seat at the table of the great powers." in out
    assert "It has rarely been offered one." in out
    assert "Should Norland respond in kind? I think not." in out
    assert "The cost of a trade war would fall on its farmers." in out
    for junk in ("MacLeod", "min read", "Facebook", "Kesh warns", "Petrenko", "Lusk suspends", "MORE",
                 "Image caption", "Listen to", "Most read", "Related"):
        assert junk not in out, junk


@pytest.mark.parametrize(("raw", "clean"), [
    # a doubled name that is the subject of a real sentence, on its own line or inline
    ("Marta HaddadMarta Haddad said the vote would be held in May.", "Marta Haddad said the vote would be held in May."),
    ("Talks resumed, and Senator Abdel MensahAbdel Mensah said he was hopeful.",
     "Talks resumed, and Senator Abdel Mensah said he was hopeful."),
    # sentences glued to each other get their space back; abbreviations do not split
    ("The talks ended.They will resume in May.", "The talks ended. They will resume in May."),
    ("He met U.S.Ambassador Li Park in Orlo.", "He met U.S.Ambassador Li Park in Orlo."),
    # a credit glued to the caption's first word
    ("REUTERS/Li ParkSoldiers patrol the border near Kesh on Monday.",
     "Soldiers patrol the border near Kesh on Monday."),
    # a time stamp glued to the dateline
    ("Posted 2 hours agoVARN (Test Wire) - Norland closed its border.", "VARN (Test Wire) - Norland closed its border."),
    ("Last updated 09:12 GMTVARN (Test Wire) - Norland closed its border.",
     "VARN (Test Wire) - Norland closed its border."),
    # a glued byline
    ("By Ana OkaforVARN (Test Wire) - Norland closed its border.", "VARN (Test Wire) - Norland closed its border."),
    # mixed-case agency names in text are not credits
    ("A Reuters/Ipsos poll found most voters backed the deal.", "A Reuters/Ipsos poll found most voters backed the deal."),
    ("Kestria told AFP it would appeal.", "Kestria told AFP it would appeal."),
])
def test_glued_shapes(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


@pytest.mark.parametrize("line", [
    "By Ana Okafor", "By Ana Okafor and Tomas Park, Test Wire", "BY JEAN-LUC", "Mary Nakamura | Reuters",
    "Siobhan MacLeod, Senior Correspondent", "Updated 10:05 AM ET", "March 3, 2021 | 6 min read",
    "Tue 3 Mar 2021 14.05 GMT", "2 hours ago", "Facebook | X | Email", "FacebookTwitterEmail",
    "© Test Images | Click to share on WhatsApp (Opens in new window)", "AP Photo/Li Park",
    "Photo by Ana Okafor/AFP via Getty Images", "Image caption, Protesters outside the embassy",
    "Opinion | July 30, 2019", "WORLD NEWS", "Analysis", "Live updates",
    "Follow Ana Okafor on X", "@anaokafor | @testwire", "Contact the reporter at ana.okafor@example.test",
    "This article was originally published on March 3.", "Get the morning briefing delivered to your inbox",
    "We use cookies to improve your experience.", "Accept all cookies", "Video: Protesters clash with police",
])
def test_debris_lines(line: str) -> None:
    assert clean_text(unglue(line)) == ""


@pytest.mark.parametrize("line", [
    "By Monday, the troops had left the town.", "By then the envoy had gone home",
    "Mary Nakamura, the mayor, said the curfew would end.", "Updated guidance tells ships to avoid the strait.",
    "Two hours ago the border was still open, a witness said.", "Facebook said it removed 40 accounts.",
    "Email and phone lines were cut in the province on Monday.",
    "Analysis of the satellite images shows the airfield was hit.", "Opinion polls show support for the deal.",
    "Follow-up talks with the rebels will be held in Orlo next week.",
    "Video footage showed soldiers firing at the crowd, the monitors said.",
])
def test_sentences_that_look_like_debris_lines(line: str) -> None:
    assert clean_text(line) == line


def test_widget_across_lines_and_text_without_widgets() -> None:
    raw = "Norland closed its border.\nAna OkaforAna Okafor\nKesh warns Varn\nLusk sanctions Orlo\nMORE\nTalks go on."
    assert remove_widgets(raw).split("\n") == ["Norland closed its border.", "Talks go on."]
    plain = "Norland and Kestria met in Orlo. Nothing was agreed, officials said."
    assert remove_widgets(plain) == plain and unglue(plain) == plain


def test_long_and_empty_inputs() -> None:
    para = "Norland and Kestria met in Orlo on Monday, officials said. "
    big = (para * 2000).strip()
    assert clean_text(big) == big
    for empty in ("", "\n\n", "   "):
        assert clean_text(empty) == ""
    # a page of nothing but debris is empty after cleaning
    assert clean_text("Share\nFacebookTwitter\nAdvertisement\n© Test Images\n2 min read") == ""
    assert re.fullmatch(r"\s*", clean_text("MORE\nRead more\nMost read"))


def test_a_lede_that_opens_with_the_titles_words_is_kept() -> None:
    title = "Norland urges Kestria to talk"
    lede = "Norland urges Kestria to talk and Lusk to stay out, the foreign ministry said on Monday."
    assert clean_text(lede, title=title) == lede
    # the title glued in front of the lede is still cut
    assert clean_text(title + " VARN (Test Wire) - " + lede, title=title) == "VARN (Test Wire) - " + lede


def test_wire_credit_line_and_prompts_between_sentences() -> None:
    body = "Norland closed its border on Monday. Kestria protested."
    assert clean_text(body + " (Reporting by Ana Okafor; Editing by Tomas Park)") == body
    assert clean_text("Norland closed its border on Monday. Advertisement Kestria protested.") == body
    assert clean_text("Norland closed its border on Monday. Story continues below advertisement Kestria protested.") \
        == body
    # the words inside a sentence stay
    kept = "The advertisement campaign in Varn was paid for by Kestria, officials said."
    assert clean_text(kept) == kept


def test_a_compound_name_after_glued_share_debris_stays_whole() -> None:
    # found by the property above: "Share this articleSharePoint said" lost "Share" of the name
    out = clean_text("Norland protested on Monday.Share this articleSharePoint said it had suspended its services.")
    assert "SharePoint said it had suspended its services." in out and "Share this article" not in out
    out = clean_text("Norland protested on Monday.\nFacebook\nTwitter\nEmailThe ministry said it would respond.")
    assert "The ministry said it would respond." in out and "Email" not in out
