"""The timeline, event and export views: full pages, htmx fragments, query counts."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import ArticleFactory, CitationFactory, EventFactory, StoryFactory
from timeline.models import Event

pytestmark = pytest.mark.django_db

HX = {"HX-Request": "true"}
# story and its change stamp, count with reach and sources, page, citations, overview,
# story reach, source list, titles for the search box's example words
FULL_PAGE_QUERIES = 8
# story and its change stamp, page, citations, and (until a page of the story has cached
# it) the story's summary for whether it spans years: source list, reach, titles
MORE_QUERIES = 6


def story_with_events(count: int, *, articles: int = 3):
    story = StoryFactory()
    sources = [
        ArticleFactory(story=story, published_on=date(2024, 10, 21) - timedelta(days=i))
        for i in range(articles)
    ]
    for i in range(count):
        event = EventFactory(story=story, date_start=date(2024, 1, 1) + timedelta(days=i * 3))
        CitationFactory(event=event, article=sources[i % articles])
    return story


def text_of(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_timeline_page_lists_seed_events_grouped_by_year_and_month(client, seed_story):
    response = client.get(seed_story.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" in html and 'id="results"' in html and 'id="filters"' in html
    assert "<h2>2024</h2>" in html and "<h3>October 2024</h3>" in html
    assert "<h2>1953</h2>" in html
    assert "January 1953" not in html  # a year event does not belong to January
    assert response["Vary"] and "HX-Request" in response["Vary"]


def test_timeline_fragment_is_only_the_results_partial(client, seed_story):
    response = client.get(seed_story.get_absolute_url(), {"from": "2024-10"}, headers=HX)
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="results"')
    assert "<html" not in html and 'id="filters"' not in html
    assert "HX-Request" in response["Vary"]


def test_fragment_for_the_app_target_includes_the_filter_form(client, seed_story):
    response = client.get(
        seed_story.get_absolute_url(), {"q": "pact"}, headers={**HX, "HX-Target": "app"}
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="app"')
    assert 'id="filters"' in html and 'value="pact"' in html and "<html" not in html


def test_history_restore_request_gets_the_whole_page(client, seed_story):
    response = client.get(
        seed_story.get_absolute_url(), headers={**HX, "HX-History-Restore-Request": "true"}
    )
    assert "<html" in response.content.decode()


def test_fragment_pushes_the_canonical_url(client, seed_story):
    response = client.get(
        seed_story.get_absolute_url(), {"from": "2024-10", "to": "", "q": ""}, headers=HX
    )
    assert response["HX-Push-Url"] == f"{seed_story.get_absolute_url()}?from=2024-10"


def test_october_filter_keeps_october_events_and_drops_june(client, seed_story):
    response = client.get(seed_story.get_absolute_url(), {"from": "2024-10", "to": "2024-10"})
    text = text_of(response)
    assert "South Korea summons the Russian ambassador" in text
    assert "Russian vessels carry North Korean troops to Vladivostok" in text
    assert "mutual defence pact" not in text
    assert "The Korean War ends" not in text


def test_results_line_counts_events_sources_and_reach(client, seed_story):
    response = client.get(seed_story.get_absolute_url(), {"from": "2024-06", "to": "2024-10"})
    text = text_of(response)
    assert re.search(r"9 events from 5 sources, Jun – Oct 2024", text), text[:2000]


def test_results_line_uses_day_precision_for_day_events(client, seed_story):
    response = client.get(
        seed_story.get_absolute_url(),
        {"from": "2024-10-18", "to": "2024-10-21", "granularity": "day"},
    )
    assert re.search(r"3 events from \d sources, 18 – 21 Oct 2024", text_of(response))


def test_source_filter_keeps_only_events_citing_that_article(client, seed_story):
    article = seed_story.articles.get(title__startswith="Yoon convenes")
    response = client.get(seed_story.get_absolute_url(), {"source": article.pk})
    text = text_of(response)
    assert "The Korean War ends" in text
    assert "Putin sends a bill" not in text
    assert "checked" in response.content.decode()


def test_search_highlights_matches(client, seed_story):
    response = client.get(seed_story.get_absolute_url(), {"q": "ambassador"})
    html = response.content.decode()
    assert '<mark class="hit">ambassador</mark>' in html
    assert "The Korean War ends" not in html


def test_search_that_matches_nothing_says_so_and_offers_to_clear(client, seed_story):
    response = client.get(seed_story.get_absolute_url(), {"q": "zeppelin"})
    text = text_of(response)
    assert "No events match these filters." in text
    assert "Clear all filters" in text


def test_granularity_filter(client, seed_story):
    response = client.get(seed_story.get_absolute_url(), {"granularity": "week"})
    text = text_of(response)
    assert "2 events" in text and "week of" in text


def test_min_sources_keeps_widely_reported_events(client, seed_story):
    response = client.get(seed_story.get_absolute_url(), {"min_sources": "4"})
    text = text_of(response)
    assert "mutual defence pact" in text and "The Korean War ends" not in text


def test_status_filter_shows_rejected_events_to_editors_when_asked(staff_client, seed_story):
    event = Event.objects.get(title="The Korean War ends")
    event.status = Event.Status.REJECTED
    event.save()
    assert "The Korean War ends" not in text_of(staff_client.get(seed_story.get_absolute_url()))
    response = staff_client.get(seed_story.get_absolute_url(), {"status": "rejected"})
    assert "The Korean War ends" in text_of(response)


def test_status_control_is_for_editors(staff_client, seed_story):
    anonymous = Client()
    assert 'name="status"' not in anonymous.get(seed_story.get_absolute_url()).content.decode()
    assert 'name="status"' in staff_client.get(seed_story.get_absolute_url()).content.decode()


def test_status_control_offers_no_merged_box_that_could_only_empty_the_timeline(
    staff_client, seed_story
):
    html = staff_client.get(seed_story.get_absolute_url()).content.decode()
    assert 'id="f-status-rejected"' in html
    assert 'id="f-status-merged"' not in html


def test_imprecise_dates_look_imprecise(client, seed_story):
    html = client.get(seed_story.get_absolute_url()).content.decode()
    assert 'datetime="2024-06">June 2024</time>' in html and "all month" in html
    assert 'datetime="2024-W42"' in html and "week of" in html
    assert 'datetime="2024-10-08"' in html and 'datetime="2024-10-13"' in html


def test_overview_bars_are_real_links_that_filter_to_their_period(client, seed_story):
    html = client.get(seed_story.get_absolute_url()).content.decode()
    url = seed_story.get_absolute_url()
    assert f'href="{url}?from=2024-10&amp;to=2024-10"' in html
    assert f'hx-get="{url}?from=2024-10&amp;to=2024-10"' in html
    assert 'aria-label="October 2024: 7 events"' in html
    assert "<svg" in html


def test_overview_bar_of_the_chosen_period_is_marked(client, seed_story):
    html = client.get(seed_story.get_absolute_url(), {"from": "2024-10"}).content.decode()
    assert 'class="bar selected"' in html


def test_presets_offer_last_30_days_years_and_months(client, seed_story):
    html = client.get(seed_story.get_absolute_url()).content.decode()
    assert "Last 30 days of the story" in html
    assert "from=2024-10-02&amp;to=2024-10-31" in html
    assert ">2023</a>" in html and ">June 2024</a>" in html


def test_presets_keep_the_other_filters(client, seed_story):
    html = client.get(seed_story.get_absolute_url(), {"q": "troops"}).content.decode()
    assert "q=troops&amp;from=2024-10&amp;to=2024-10" in html


def test_active_filters_show_as_removable_chips(client, seed_story):
    html = client.get(seed_story.get_absolute_url(), {"q": "pact", "from": "2024"}).content.decode()
    assert "Remove filter Search: “pact”" in html
    assert f'href="{seed_story.get_absolute_url()}?from=2024"' in html


def test_event_card_shows_source_badges_and_a_real_link_to_the_event(client, seed_story):
    event = Event.objects.get(title="South Korea summons the Russian ambassador")
    html = client.get(seed_story.get_absolute_url()).content.decode()
    link = reverse("timeline:event", args=[event.pk])
    assert f'href="{link}"' in html and f'hx-get="{link}"' in html
    assert html.count("source-badge") >= 12


def test_disagreement_is_flagged_on_the_card(client, seed_story):
    Event.objects.filter(title="Putin sends a bill to ratify the pact with North Korea").update(
        disagreement="One source says Monday, another Tuesday."
    )
    html = client.get(seed_story.get_absolute_url()).content.decode()
    assert "Sources disagree" in html and "One source says Monday" in html


def test_export_links_carry_the_current_filters(client, seed_story):
    html = client.get(seed_story.get_absolute_url(), {"q": "pact"}).content.decode()
    for fmt in ("json", "timelinejs", "ics", "csv"):
        assert f"/export.{fmt}?q=pact" in html


@pytest.mark.parametrize("count", [3, 60])
def test_timeline_page_query_count_does_not_grow_with_events(
    client, django_assert_num_queries, count
):
    story = story_with_events(count)
    with django_assert_num_queries(FULL_PAGE_QUERIES):
        response = client.get(story.get_absolute_url())
    assert response.status_code == 200


@pytest.mark.parametrize("count", [3, 60])
def test_timeline_fragment_query_count_does_not_grow_with_events(
    client, django_assert_num_queries, count
):
    story = story_with_events(count)
    with django_assert_num_queries(FULL_PAGE_QUERIES):
        response = client.get(story.get_absolute_url(), {"q": "Event"}, headers=HX)
    assert response.status_code == 200


@pytest.mark.parametrize("count", [3, 60])
def test_filtered_page_query_count_does_not_grow_with_events(
    client, django_assert_num_queries, count
):
    story = story_with_events(count)
    source = story.articles.first()
    params = {"source": source.pk, "min_sources": "1", "from": "2024", "granularity": "day"}
    with django_assert_num_queries(FULL_PAGE_QUERIES):
        client.get(story.get_absolute_url(), params)


def test_long_timeline_is_paged_with_a_load_more_link_revealed_on_scroll(client):
    story = story_with_events(60)
    html = client.get(story.get_absolute_url()).content.decode()
    assert html.count('class="event ') == 50
    more = re.search(r'<li class="load-more".*?</li>', html, re.S).group(0)
    assert 'hx-trigger="click, revealed"' in more
    assert f'href="{story.get_absolute_url()}?page=2"' in more


def test_next_page_fragment_continues_the_list(client, django_assert_num_queries):
    story = story_with_events(60)
    with django_assert_num_queries(MORE_QUERIES):
        response = client.get(story.get_absolute_url(), {"page": "2"}, headers=HX)
    html = response.content.decode()
    assert html.count('class="event ') == 10
    assert "load-more" not in html
    assert "<section" not in html


def test_next_page_does_not_repeat_the_month_heading(client):
    story = story_with_events(60)
    page_one = client.get(story.get_absolute_url()).content.decode()
    last_month = re.findall(r"<h3>(\w+ \d{4})</h3>", page_one)[-1]
    page_two = client.get(story.get_absolute_url(), {"page": "2"}, headers=HX).content.decode()
    first_event_month = Event.objects.order_by("date_start")[50].date_start.strftime("%B %Y")
    if first_event_month == last_month:
        assert f"<h3>{last_month}</h3>" not in page_two


def test_page_two_without_javascript_is_a_whole_page_with_a_way_back(client):
    story = story_with_events(60)
    html = client.get(story.get_absolute_url(), {"page": "2"}).content.decode()
    assert "<html" in html and "Earlier events" in html


ODD_VALUES = [
    {"from": "99999999999999999999"},
    {"to": "2024-13-45"},
    {"from": "0000"},
    {"from": "2024-10-21", "to": "2024-06"},
    {"q": "′ OR 1=1 --"},
    {"q": "x" * 500},
    {"q": "\x00nul"},
    {"q": "북한 군대 🇰🇷"},
    {"source": "²"},
    {"source": "١٢"},
    {"source": ["1", "1", "1"]},
    {"source": "99999999999999999"},
    {"source": "-1"},
    {"status": "deleted"},
    {"status": ["approved", "approved"]},
    {"granularity": "fortnight"},
    {"min_sources": "0"},
    {"min_sources": "1e9"},
    {"min_sources": "١"},
    {"page": "0"},
    {"page": "99999"},
    {"page": "999999999999999999999"},
    {"page": "-3"},
    {"page": "²"},
    {"from": "", "to": "", "q": "", "source": ""},
    {"from": "2024-02-30"},
    {"to": "9999-12-31", "from": "9999"},
    {"from": "1-1-1"},
    {"q": "<script>alert(1)</script>"},
]


@pytest.mark.parametrize("params", ODD_VALUES, ids=[str(p)[:40] for p in ODD_VALUES])
@pytest.mark.parametrize(
    "headers", [{}, HX, {**HX, "HX-Target": "app"}], ids=["page", "fragment", "app"]
)
def test_odd_parameters_never_fail(client, seed_story, params, headers):
    response = client.get(seed_story.get_absolute_url(), params, headers=headers)
    assert response.status_code == 200
    assert "<script>alert(1)" not in response.content.decode()


def test_bad_parameters_give_a_visible_message(client, seed_story):
    response = client.get(seed_story.get_absolute_url(), {"from": "yesterday", "page": "x"})
    html = response.content.decode()
    assert 'role="alert"' in html and "“from”" in html and "“page”" in html


def test_from_after_to_shows_nothing_and_says_why(client, seed_story):
    response = client.get(seed_story.get_absolute_url(), {"from": "2024-10", "to": "2024-06"})
    text = text_of(response)
    assert "“from” is after “to”" in text and "No events match" in text


def test_unknown_story_is_404(client, db):
    assert client.get("/stories/nope/").status_code == 404


def test_home_renders_the_only_story(client, seed_story):
    assert seed_story.title in client.get("/").content.decode()


def test_event_page_shows_each_citation_in_context(client, seed_story):
    event = Event.objects.get(title="The Korean War ends")
    response = client.get(reverse("timeline:event", args=[event.pk]))
    html = response.content.decode()
    assert response.status_code == 200 and "<html" in html
    assert '<mark class="quote">If confirmed, the deployment' in html
    assert 'class="context"' in html  # the sentences around it


def test_event_fragment_is_the_citations_partial(client, seed_story, django_assert_num_queries):
    event = Event.objects.get(
        title="Russia and North Korea sign a mutual defence pact in Pyongyang"
    )
    with django_assert_num_queries(2):
        response = client.get(reverse("timeline:event", args=[event.pk]), headers=HX)
    html = response.content.decode()
    assert html.lstrip().startswith('<div class="citations-panel')
    assert "<html" not in html and html.count('<li class="citation">') == 5


def test_event_page_query_count_does_not_grow_with_citations(client, django_assert_num_queries):
    counts = []
    for n in (1, 8):
        event = EventFactory()
        for _ in range(n):
            CitationFactory(event=event)
        with django_assert_num_queries(2):
            client.get(reverse("timeline:event", args=[event.pk]))
        counts.append(n)
    assert counts == [1, 8]


def test_event_fragment_highlights_the_search(client, seed_story):
    event = Event.objects.get(title="South Korea summons the Russian ambassador")
    html = client.get(
        reverse("timeline:event", args=[event.pk]), {"q": "Zinoviev"}, headers=HX
    ).content.decode()
    assert '<mark class="hit">Zinoviev</mark>' in html


def test_event_explains_the_date_expression_that_dated_it(client):
    from tests.factories import TemporalExpressionFactory

    article = ArticleFactory(
        published_on=date(2024, 10, 21), body="Troops arrived last week. Nothing else happened."
    )
    expression = TemporalExpressionFactory(
        article=article, start=15, end=24, value="2024-W42", granularity="week",
        date_start=date(2024, 10, 14), date_end=date(2024, 10, 20),
        anchor_date=date(2024, 10, 21), rule="last-week",
    )  # fmt: skip
    event = EventFactory(
        story=article.story, date_start=date(2024, 10, 14), date_end=date(2024, 10, 20),
        granularity="week",
    )  # fmt: skip
    CitationFactory(event=event, article=article, expression=expression)
    text = text_of(client.get(reverse("timeline:event", args=[event.pk]), headers=HX))
    assert "Dated by “ last week ” in an article of 21 Oct 2024 → week 42 of 2024" in text


def test_disagreeing_citations_are_shown_side_by_side(client):
    event = EventFactory(disagreement="The sources give different troop numbers.")
    CitationFactory(event=event)
    CitationFactory(event=event)
    html = client.get(reverse("timeline:event", args=[event.pk]), headers=HX).content.decode()
    assert "side-by-side" in html and "Sources disagree" in html


def test_unknown_event_is_404(client, db):
    assert client.get("/events/999999/").status_code == 404


# Exports over the web


@pytest.mark.parametrize(
    ("fmt", "content_type", "filename"),
    [
        ("json", "application/json", ".json"),
        ("timelinejs", "application/json", ".timelinejs.json"),
        ("ics", "text/calendar", ".ics"),
        ("csv", "text/csv", ".csv"),
    ],
)
def test_export_view_downloads_each_format(client, seed_story, fmt, content_type, filename):
    response = client.get(reverse("timeline:export", args=[seed_story.slug, fmt]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert f'filename="{seed_story.slug}{filename}"' in response["Content-Disposition"]


def test_export_view_respects_filters(client, seed_story):
    response = client.get(
        reverse("timeline:export", args=[seed_story.slug, "json"]),
        {"from": "2024-10", "to": "2024-10"},
    )
    titles = [event["title"] for event in response.json()["events"]]
    assert "South Korea summons the Russian ambassador" in titles
    assert not any("defence pact" in title for title in titles)


def test_export_view_unknown_format_is_404(client, seed_story):
    assert client.get(f"{seed_story.get_absolute_url()}export.xml").status_code == 404


def test_export_view_bad_filter_is_400_with_the_reason(client, seed_story):
    response = client.get(reverse("timeline:export", args=[seed_story.slug, "csv"]), {"from": "x"})
    assert response.status_code == 400 and "“from”" in response.content.decode()


def test_presentation_says_which_filter_is_wrong(client, seed_story):
    url = reverse("timeline:present", args=[seed_story.slug])
    response = client.get(url, {"from": "2024-13", "q": "pact"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "“from”: “2024-13” is not a real calendar date." in html
    assert 'data-source="/stories/north-korean-troops-in-russia/export.timelinejs?q=pact"' in html


def test_presentation_view_loads_vendored_timelinejs_fed_by_the_export(client, seed_story):
    html = client.get(reverse("timeline:present", args=[seed_story.slug])).content.decode()
    assert "vendor/timelinejs/js/timeline.js" in html
    assert (
        f'data-source="{reverse("timeline:export", args=[seed_story.slug, "timelinejs"])}"' in html
    )
    assert "cdn." not in html and "//" not in html.split("<body", 1)[1].replace("://", "")


def test_two_sources_of_one_card_never_read_the_same(client, seed_story):
    event = Event.objects.get(title="South Korea summons the Russian ambassador")
    response = client.get(seed_story.get_absolute_url())
    card = response.text[response.text.index(f'id="event-{event.pk}"') :]
    card = card[: card.index("</article>")]
    labels = re.findall(r'class="source-badge"[^>]*>([^<]*)<time', card)
    assert len(labels) == 4 and len(set(labels)) == 4
    assert "South Korea summons Russian ambassador over North Korean troop deployment " in labels


def test_a_quote_without_a_date_says_the_article_dates_it(client, seed_story):
    event = Event.objects.get(title="South Korea summons the Russian ambassador")
    response = client.get(reverse("timeline:event", args=[event.pk]))
    assert (
        "Dated by the article: no date expression is recorded for this sentence, so it reports "
        'the news of <time datetime="2024-10-21">21 Oct 2024</time>.'
    ) in response.text


def test_next_page_after_the_first_reads_no_summary_again(client, django_assert_num_queries):
    story = story_with_events(60)
    client.get(story.get_absolute_url())
    with django_assert_num_queries(3):  # story and its change stamp, page, citations
        client.get(story.get_absolute_url(), {"page": "2"}, headers=HX)
