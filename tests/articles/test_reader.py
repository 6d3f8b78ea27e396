"""The article reader: dates highlighted with their values, cited sentences linked to events."""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.urls import reverse

from articles.reading import describe_timex_value, passages, quote_in_context, segments
from tests.factories import ArticleFactory, CitationFactory, EventFactory, TemporalExpressionFactory

BODY = "Seoul acted on Friday. Troops moved last week.\nIn June, a pact was signed. Nothing more."


def span(start: int, end: int, **extra):
    return SimpleNamespace(start=start, end=end, **extra)


@pytest.fixture
def article(db):
    article = ArticleFactory(published_on=date(2024, 10, 21), body=BODY)
    friday = BODY.index("Friday")
    TemporalExpressionFactory(
        article=article, start=friday, end=friday + 6, value="2024-10-18",
        anchor_date=date(2024, 10, 21), rule="weekday-past",
    )  # fmt: skip
    week = BODY.index("last week")
    TemporalExpressionFactory(
        article=article, start=week, end=week + 9, value="2024-W42", granularity="week",
        date_start=date(2024, 10, 14), date_end=date(2024, 10, 20), rule="last-week",
    )  # fmt: skip
    return article


def test_reader_highlights_every_date_with_a_time_element(client, article):
    html = client.get(reverse("articles:detail", args=[article.pk])).content.decode()
    assert html.count('<mark class="timex"') == 2
    assert '<time datetime="2024-10-18">Friday</time>' in html
    assert '<time datetime="2024-W42">last week</time>' in html


def test_reader_explains_each_date_on_hover_and_focus(client, article):
    html = client.get(reverse("articles:detail", args=[article.pk])).content.decode()
    mark = re.search(r'<mark class="timex" tabindex="0" aria-describedby="(tx-\d+)">', html)
    assert mark, "each date is focusable and described"
    tip = re.search(
        rf'<span class="timex-tip" role="tooltip" id="{mark.group(1)}">(.*?)</span>', html
    )
    assert "18 October 2024" in tip.group(1) and "weekday-past" in tip.group(1)
    assert "week 42 of 2024" in html


def test_reader_shows_the_text_exactly_as_published(client, article):
    html = client.get(reverse("articles:detail", args=[article.pk])).content.decode()
    body = re.search(r'<div class="body">(.*?)</div>', html, re.S).group(1)
    body = re.sub(r'<span class="timex-tip".*?</span></mark>', "", body)
    body = re.sub(r'<a class="cite-link".*?</a>', "", body)
    text = re.sub(r"<[^>]+>", "", body).replace("&#x27;", "'")
    assert text == BODY


def test_cited_sentence_is_anchored_and_links_to_its_event(client, article):
    event = EventFactory(story=article.story, title="The pact is signed")
    start = BODY.index("In June")
    CitationFactory(event=event, article=article, start=start, end=BODY.index(" Nothing more"))
    html = client.get(reverse("articles:detail", args=[article.pk])).content.decode()
    assert f'<span class="cited" id="cite-{event.pk}-{start}">' in html
    assert f'href="{reverse("timeline:event", args=[event.pk])}"' in html
    assert "The pact is signed" in html


def test_reader_query_count_is_constant(client, article, django_assert_num_queries):
    for _ in range(5):
        CitationFactory(event=EventFactory(story=article.story), article=article)
    with django_assert_num_queries(3):
        client.get(reverse("articles:detail", args=[article.pk]))


def test_articles_app_never_imports_the_timeline():
    for path in Path("articles").rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                assert not (node.module or "").startswith("timeline"), path
            if isinstance(node, ast.Import):
                assert not any(a.name.startswith("timeline") for a in node.names), path


def test_passages_keep_every_character_once():
    marks = [span(14, 20), span(10, 16)]  # overlapping: the second is skipped
    cites = [span(0, 22, event_id=1, event=SimpleNamespace(pk=1)),
             span(5, 12, event_id=2, event=SimpleNamespace(pk=2))]  # fmt: skip
    result = passages(BODY, marks, cites)
    assert "".join(s.text for p in result for s in p.segments) == BODY
    assert [len(p.events) for p in result if p.events] == [2]


def test_a_date_straddling_a_citation_edge_widens_the_passage():
    marks = [span(15, 21)]
    result = passages(BODY, marks, [span(17, 30, event_id=1, event=SimpleNamespace(pk=1))])
    cited = next(p for p in result if p.events)
    assert cited.start == 15 and any(s.mark for s in cited.segments)


def test_segments_survive_out_of_range_marks():
    result = segments("short", [span(2, 99), span(-1, 2), span(1, 3)])
    assert "".join(s.text for s in result) == "short"
    assert [s.text for s in result if s.mark] == ["ho"]


def test_quote_in_context_gives_the_neighbouring_sentences():
    start = BODY.index("Troops")
    before, quote, after = quote_in_context(BODY, start, start + len("Troops moved last week."))
    assert before == "Seoul acted on Friday. "
    assert quote == "Troops moved last week."
    assert after == "\nIn June, a pact was signed."


def test_quote_in_context_trims_long_neighbours():
    body = "word " * 200 + "The quote. " + "more " * 200
    start = body.index("The quote")
    before, _, after = quote_in_context(body, start, start + 10, max_chars=50)
    assert before.startswith("…") and len(before) <= 52
    assert after.endswith("…") and len(after) <= 52


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("2024-W42", "week 42 of 2024"),
        ("2024-10-21", "21 October 2024"),
        ("2024-06", "June 2024"),
        ("2023", "2023"),
        ("2024-Q3", "Q3 2024"),
        ("195", "the 1950s"),
        ("2024-10-08/2024-10-13", "8 October 2024 to 13 October 2024"),
        ("PRESENT_REF", "the present, as of the article"),
        ("2024-02-30", "2024-02-30"),
        ("P3D", "P3D"),
    ],
)
def test_timex_values_in_words(value, words):
    assert describe_timex_value(value) == words


def test_dates_stored_in_a_header_are_neither_marked_nor_counted(client, db):
    body = "Date: 2024-10-21\nHeadline\n\nTroops moved on Friday.\n"
    article = ArticleFactory(body=body, title="Headline")
    for text in ("2024-10-21", "Friday"):
        start = body.index(text)
        TemporalExpressionFactory(article=article, start=start, end=start + len(text))
    html = client.get(reverse("articles:detail", args=[article.pk])).content.decode()
    assert html.count('<mark class="timex" tabindex="0"') == 1
    assert "1 date expression</mark>" in html
    assert "<p>Date: 2024-10-21</p>" in html
