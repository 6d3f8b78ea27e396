from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from articles.models import Article
from tests.factories import ArticleFactory, CitationFactory, EventFactory, StoryFactory
from timeline.models import Citation, Event

pytestmark = pytest.mark.django_db


def test_database_rejects_event_ending_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(date_start=date(2024, 10, 13), date_end=date(2024, 10, 8), granularity="range")


def test_database_rejects_day_event_spanning_several_days():
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(date_start=date(2024, 10, 8), date_end=date(2024, 10, 9), granularity="day")


def test_database_rejects_unknown_status():
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(status="maybe")


def test_database_rejects_merged_event_without_target():
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(status=Event.Status.MERGED)


def test_database_rejects_the_same_text_twice():
    article = ArticleFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.create(
            story=article.story, title="Copy", published_on=article.published_on, body=article.body
        )


def test_clean_rejects_month_granularity_for_a_partial_month():
    event = EventFactory.build(
        story=StoryFactory(),
        date_start=date(2024, 6, 1),
        date_end=date(2024, 6, 20),
        granularity="month",
    )
    with pytest.raises(ValidationError, match="not one month"):
        event.full_clean()


def test_clean_accepts_month_granularity_for_the_whole_month():
    event = EventFactory.build(
        story=StoryFactory(),
        date_start=date(2024, 6, 1),
        date_end=date(2024, 6, 30),
        granularity="month",
    )
    event.full_clean()


def test_citation_clean_rejects_quote_that_is_not_at_its_span():
    citation = CitationFactory()
    citation.quote = "Something else entirely."
    with pytest.raises(ValidationError, match="not the text at that span"):
        citation.full_clean()


def test_overlapping_keeps_month_event_when_range_starts_mid_month():
    june = EventFactory(
        date_start=date(2024, 6, 1), date_end=date(2024, 6, 30), granularity="month"
    )
    EventFactory(date_start=date(2024, 5, 31), date_end=date(2024, 5, 31))
    assert list(Event.objects.overlapping(date(2024, 6, 15), None)) == [june]


def test_overlapping_keeps_range_touching_either_end():
    transport = EventFactory(
        date_start=date(2024, 10, 8), date_end=date(2024, 10, 13), granularity="range"
    )
    assert list(Event.objects.overlapping(None, date(2024, 10, 8))) == [transport]
    assert list(Event.objects.overlapping(date(2024, 10, 13), None)) == [transport]
    assert list(Event.objects.overlapping(date(2024, 10, 14), None)) == []


def test_overlapping_window_keeps_events_on_its_first_and_last_day_only():
    first = EventFactory(date_start=date(2024, 10, 1))
    last = EventFactory(date_start=date(2024, 10, 31))
    EventFactory(date_start=date(2024, 9, 30))
    EventFactory(date_start=date(2024, 11, 1))
    window = Event.objects.overlapping(date(2024, 10, 1), date(2024, 10, 31))
    assert list(window.order_by("date_start")) == [first, last]


def test_absorb_moves_citations_and_marks_the_others_merged():
    target = CitationFactory().event
    other = CitationFactory(event=EventFactory(story=target.story)).event
    moved = target.absorb([other])
    other.refresh_from_db()
    assert moved == 1
    assert target.citations.count() == 2
    assert (other.status, other.merged_into) == (Event.Status.MERGED, target)


def test_absorb_drops_a_citation_the_target_already_has():
    target_citation = CitationFactory()
    other = EventFactory(story=target_citation.event.story)
    Citation.objects.create(
        event=other,
        article=target_citation.article,
        quote=target_citation.quote,
        start=target_citation.start,
        end=target_citation.end,
    )
    target_citation.event.absorb([other])
    assert target_citation.event.citations.count() == 1


def test_absorb_refuses_events_of_another_story():
    target = EventFactory()
    with pytest.raises(ValidationError, match="same story"):
        target.absorb([EventFactory()])
    assert Event.objects.filter(status=Event.Status.MERGED).count() == 0


def test_absorb_refuses_an_event_already_merged():
    target = EventFactory()
    first = EventFactory(story=target.story)
    target.absorb([first])
    with pytest.raises(ValidationError, match="already merged"):
        EventFactory(story=target.story).absorb([first])


def test_current_hides_merged_events():
    target = EventFactory()
    other = EventFactory(story=target.story)
    target.absorb([other])
    assert list(Event.objects.current()) == [target]


def test_str_shows_honest_date_and_title():
    event = EventFactory(
        title="Pact signed",
        date_start=date(2024, 6, 1),
        date_end=date(2024, 6, 30),
        granularity="month",
    )
    assert str(event) == "June 2024: Pact signed"


def test_deleting_a_story_with_merged_events_deletes_them_all():
    target = EventFactory()
    target.absorb([EventFactory(story=target.story)])
    target.story.delete()
    assert Event.objects.count() == 0


def test_deleting_a_merge_target_takes_its_merged_pointers_along():
    target = EventFactory()
    other = EventFactory(story=target.story)
    target.absorb([other])
    target.delete()
    assert not Event.objects.filter(pk=other.pk).exists()
