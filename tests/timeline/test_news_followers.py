"""Sentences without a date of their own that go on telling the day's news: the news
event cites them ("Jobs also said …"), and they are not what new reports are matched on."""

from __future__ import annotations

from datetime import date

import pytest

from articles.models import Article
from timeline.cluster import Slot
from timeline.extract import extract_events
from timeline.ingest import get_story, ingest_text
from timeline.models import Citation, Event

from .test_extract import article, timex

PUBLISHED = date(2010, 7, 17)
BODY = (
    "Apple to give free cases\n\n"
    "Jobs said yesterday that Apple will give a free case to every buyer.\n"
    "He also said that buyers who paid for a bumper will get a refund.\n"
    "The phone has two cameras and a steel frame.\n"
    "Apple had twice before changed the design.\n"
    "He showed videos of other phones losing signal.\n"
)


def _candidates(body: str = BODY, published: date = PUBLISHED):
    yesterday = date(2010, 7, 16)
    return extract_events(
        article=article(body, published),
        expressions=[timex(body, "yesterday", yesterday)],
    )


def _followers(candidate) -> list[str]:
    return [s.text for s in candidate.also]


def test_reports_after_the_news_are_cited_by_it():
    (news,) = [c for c in _candidates() if c.date_start == date(2010, 7, 16)]
    assert _followers(news) == [
        "He also said that buyers who paid for a bumper will get a refund.",
        "He showed videos of other phones losing signal.",
    ]


def test_a_present_state_does_not_go_on_telling_the_news():
    followers = [text for c in _candidates() for text in _followers(c)]
    assert "The phone has two cameras and a steel frame." not in followers


def test_what_happened_before_does_not_go_on_telling_the_news():
    followers = [text for c in _candidates() for text in _followers(c)]
    assert "Apple had twice before changed the design." not in followers


def test_a_history_date_is_not_news_that_later_sentences_follow():
    body = "Apple history\n\nApple was founded in 1976.\nHe demoed a new widget.\n"
    founded = timex(body, "1976", date(1976, 1, 1), date(1976, 12, 31), "year")
    (candidate,) = extract_events(article=article(body, PUBLISHED), expressions=[founded])
    assert candidate.also == []


def test_undated_reports_before_the_first_news_go_with_it():
    body = (
        "Keynote\n\n"
        "Thousands of developers are in San Francisco for the conference.\n"
        "Jobs welcomed everyone to the conference.\n"
        "He announced on Monday that Macs will use Intel processors.\n"
    )
    monday = timex(body, "on Monday", date(2005, 6, 6))
    (news,) = extract_events(article=article(body, date(2005, 6, 6)), expressions=[monday])
    assert _followers(news) == ["Jobs welcomed everyone to the conference."]


def test_a_follower_is_not_compared_with_new_reports():
    (news,) = [c for c in _candidates() if c.date_start == date(2010, 7, 16)]
    slot = Slot.of(news)
    assert [quote for _, _, quote in slot.citations] == [news.quote]
    assert len(slot.sentences) == 3  # the report and its two followers


@pytest.mark.django_db
def test_ingest_stores_followers_as_citations_that_continue():
    story = get_story(slug="cases", title="Cases")
    ingest_text(BODY, story=story, published=PUBLISHED)
    event = Event.objects.get(story=story, date_start=date(2010, 7, 16))
    cited = list(event.citations.order_by("start").values_list("quote", "continues"))
    assert cited == [
        ("Jobs said yesterday that Apple will give a free case to every buyer.", False),
        ("He also said that buyers who paid for a bumper will get a refund.", True),
        ("He showed videos of other phones losing signal.", True),
    ]
    follower = Citation.objects.get(event=event, quote__startswith="He showed")
    assert follower.expression.text == "yesterday"
    assert Article.objects.get(story=story).body[follower.start : follower.end] == follower.quote
