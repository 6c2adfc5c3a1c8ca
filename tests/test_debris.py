"""Page debris removal (ingest/debris.py): debris goes, article sentences stay."""

from __future__ import annotations

import pytest

from dyadwatch.ingest.debris import clean_text, is_debris_line

BODY = [
    ("BUSAN, March 3 (Test Wire) - South Korea and Japan agreed on Monday to resume talks on export "
    "controls, officials in both capitals said."),
    "The foreign ministers met for two hours in Busan and promised to meet again in April.",
    '"We have a long way to go," a Japanese official told reporters.',
]
HEADLINES = [
    "Tokyo expels Korean diplomats over spy row",
    "Seoul accuses Pyongyang of border attack",
    "Beijing imposes sanctions on Taiwanese firms",
]


def lines_of(text: str) -> list[str]:
    return [ln for ln in text.split("\n") if ln.strip()]


def test_glued_name_cluster_on_lines_is_removed() -> None:
    raw = "\n".join([BODY[0], "Tom OkaforTom Okafor", *HEADLINES, "MORE", BODY[1], BODY[2]])
    out = clean_text(raw)
    assert lines_of(out) == BODY
    for h in HEADLINES:
        assert h not in out


def test_glued_name_cluster_inline_is_removed() -> None:
    raw = BODY[0] + " Ana SilvaAna Silva " + " ".join(HEADLINES) + " MORE " + BODY[1]
    out = clean_text(raw)
    assert out == BODY[0] + " " + BODY[1]


def test_headline_run_closed_by_more_without_name() -> None:
    raw = "\n".join([BODY[0], "", *HEADLINES, "More stories", "", BODY[1]])
    assert lines_of(clean_text(raw)) == BODY[:2]


def test_photo_credits_share_and_newsletter_prompts() -> None:
    raw = "\n".join([
        BODY[0],
        "© Northgate Images",
        "Photo: Kim Min-ji/Test Wire",
        "Share this article",
        "Share on Twitter",
        "Facebook | Twitter | Email",
        BODY[1] + " Sign up for our daily briefing newsletter to get the news first.",
        "Subscribe to our newsletter",
        BODY[2],
    ])
    assert lines_of(clean_text(raw)) == BODY


def test_inline_credit_keeps_the_next_sentence() -> None:
    raw = BODY[0] + " © 2019 Northgate Photo Agency " + BODY[1]
    assert clean_text(raw) == BODY[0] + " " + BODY[1]


def test_title_repeated_as_first_line() -> None:
    title = "Seoul and Tokyo agree to resume export talks"
    raw = "\n".join([title, title, "", *BODY])
    assert lines_of(clean_text(raw, title)) == BODY
    # without being told the title, a doubled first line is still recognised
    assert lines_of(clean_text(raw)) == BODY


def test_title_prefix_on_the_first_line_is_cut() -> None:
    title = "Seoul and Tokyo agree to resume export talks"
    assert clean_text(title + " " + BODY[0], title) == BODY[0]


def test_sponsored_and_related_blocks() -> None:
    raw = "\n".join([
        BODY[0], "",
        "Sponsored", "Seven gadgets for a smarter kitchen", "Why doctors love this tea", "",
        BODY[1], "",
        "Related stories", *HEADLINES, "",
        BODY[2],
    ])
    out = clean_text(raw)
    assert lines_of(out) == BODY
    assert "gadgets" not in out


def test_block_stops_at_a_real_sentence() -> None:
    # a related block with no blank line after it must not swallow the paragraph that follows
    raw = "\n".join([BODY[0], "Related", HEADLINES[0], BODY[1], BODY[2]])
    assert lines_of(clean_text(raw)) == BODY


@pytest.mark.parametrize("sentence", [
    "Share prices in Seoul fell 2 percent after the launch, dealers said.",
    "More than 200 people were evacuated from the island, officials said.",
    "Photographers were kept away from the site by police on Tuesday.",
    "Sponsored by the United Nations, the talks will begin in Geneva next week.",
    "Email records show that the two envoys met three times last year.",
    "Related talks on trade are expected to start in May, the ministry said.",
    "Kim Jong Un said the country would never give up its weapons.",
    '"More," the protesters chanted outside the embassy.',
])
def test_real_sentences_survive(sentence: str) -> None:
    raw = "\n".join([BODY[0], sentence, BODY[1]])
    assert lines_of(clean_text(raw)) == [BODY[0], sentence, BODY[1]]
    assert not is_debris_line(sentence)


def test_clean_text_is_idempotent_and_handles_empty() -> None:
    raw = "\n".join([BODY[0], "© Northgate Images", "Tom OkaforTom Okafor", *HEADLINES, "MORE", BODY[1]])
    once = clean_text(raw)
    assert clean_text(once) == once
    assert clean_text("") == ""
    assert clean_text("Share this article\nMORE") == ""


@pytest.mark.parametrize("name", ["Jean-Luc de la Croix", "José Álvarez", "Lee", "Mary O'Neil-Smith"])
def test_glued_names_of_many_shapes(name: str) -> None:
    raw = "\n".join([BODY[0], name + name, *HEADLINES, "MORE", BODY[1]])
    assert lines_of(clean_text(raw)) == BODY[:2]
    inline = BODY[0] + " " + name + name + " " + " ".join(HEADLINES) + " MORE " + BODY[1]
    if " " in name:  # a one-word name glued inline is too weak a signal to act on
        assert clean_text(inline) == BODY[0] + " " + BODY[1]


@pytest.mark.parametrize(("text", "place", "body"), [
    ("SEOUL, Feb 12 (Test Wire) - North Korea fired a missile.", "SEOUL", "North Korea fired a missile."),
    ("UNITED NATIONS, Aug 5 (Test Wire) - The council voted.", "UNITED NATIONS", "The council voted."),
    ("TOKYO (Test Wire) - Japan protested.", "TOKYO", "Japan protested."),
    ("WASHINGTON — The president spoke.", "WASHINGTON", "The president spoke."),
    ("North Korea fired - a missile.", None, None),
    ("U.S. - China talks resumed.", None, None),
    ("NATO - Russia council met.", None, None),
])
def test_dateline(text: str, place: str | None, body: str | None) -> None:
    from dyadwatch.ingest.debris import find_dateline

    d = find_dateline(text)
    if place is None:
        assert d is None
    else:
        assert d["place"] == place and text[d["end"]:] == body


def test_page_date_lines_are_removed_but_sentences_kept() -> None:
    text = ("Published March 3, 2021\nLIMA, March 3 - Peru recalled its ambassador from Quito.\n"
            "Last updated: 4 March 2021 09:10 GMT\n"
            "Published reports in 2020 said the envoy had accused the ministry of hiding the talks.")
    out = clean_text(text)
    assert "Published March 3" not in out and "Last updated" not in out
    assert "Peru recalled its ambassador" in out and "Published reports in 2020" in out
