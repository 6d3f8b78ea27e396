"""The shipped seed story: verbatim articles, curated events, exact citations."""

import io
import json
from datetime import date
from pathlib import Path

import pytest

from articles.models import Article, content_hash
from timeline.models import Citation, Event

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "seed_story.json"

pytestmark = pytest.mark.django_db


def test_every_citation_quotes_the_article_text_at_its_offsets(seed_story):
    citations = Citation.objects.select_related("article")
    assert citations.count() >= 22
    for citation in citations:
        assert citation.article.body[citation.start : citation.end] == citation.quote


def test_every_citation_is_a_whole_sentence(seed_story):
    for citation in Citation.objects.select_related("article"):
        body = citation.article.body
        before = body[: citation.start].rstrip(" ")
        assert before == "" or before[-1] in '.\n”"', citation.quote[:40]
        assert citation.quote.rstrip("”\"’'")[-1] in ".!?", citation.quote[-40:]


def test_dating_expression_lies_inside_its_citation(seed_story):
    dated = Citation.objects.exclude(expression=None).select_related("expression")
    for citation in dated:
        assert citation.expression.article_id == citation.article_id
        assert citation.start <= citation.expression.start < citation.expression.end <= citation.end


def test_articles_are_stored_verbatim_with_their_hash(seed_story):
    for article in Article.objects.all():
        assert article.content_hash == content_hash(article.body)
    assert Article.objects.filter(story=seed_story).count() == 5


def test_articles_carry_manifest_publication_dates(seed_story):
    dates = sorted(a.published_on for a in Article.objects.all())
    assert dates == [date(2024, 10, 18)] + [date(2024, 10, 21)] * 4


@pytest.mark.parametrize(
    ("words", "start", "end", "granularity", "sources"),
    [
        ("defence pact", date(2024, 6, 1), date(2024, 6, 30), "month", 5),
        ("Vladivostok", date(2024, 10, 8), date(2024, 10, 13), "range", 2),
        ("emergency security meeting", date(2024, 10, 18), date(2024, 10, 18), "day", 2),
        ("summons the Russian ambassador", date(2024, 10, 21), date(2024, 10, 21), "day", 4),
    ],
)
def test_headline_event_has_exact_interval_and_every_source(
    seed_story, words, start, end, granularity, sources
):
    event = Event.objects.get(story=seed_story, title__icontains=words)
    assert (event.date_start, event.date_end, event.granularity) == (start, end, granularity)
    assert event.citations.values("article").distinct().count() == sources


def test_loading_the_fixture_twice_creates_nothing_new(seed_story):
    from django.core.management import call_command

    counts = (Article.objects.count(), Event.objects.count(), Citation.objects.count())
    call_command("loaddata", "seed_story", verbosity=0)
    assert (Article.objects.count(), Event.objects.count(), Citation.objects.count()) == counts


def test_fixture_uses_natural_keys_not_primary_keys():
    records = json.loads(FIXTURE.read_text(encoding="utf-8"))
    assert records and all("pk" not in record for record in records)


def test_load_seed_story_loads_the_story_when_it_is_missing():
    from django.core.management import call_command

    call_command("load_seed_story", stdout=io.StringIO())
    assert Event.objects.filter(story__slug="north-korean-troops-in-russia").count() == 12


def test_load_seed_story_again_keeps_what_editors_changed(seed_story):
    from django.core.management import call_command

    meeting = Event.objects.get(story=seed_story, title__icontains="emergency security meeting")
    weekly = list(Event.objects.filter(story=seed_story, granularity="week").order_by("pk"))
    weekly[0].absorb(weekly[1:])
    meeting.date_end, meeting.granularity = date(2024, 10, 19), "range"
    meeting.save()
    citations = Citation.objects.count()

    out = io.StringIO()
    call_command("load_seed_story", stdout=out)

    meeting.refresh_from_db()
    weekly[1].refresh_from_db()
    assert (meeting.date_end, meeting.granularity) == (date(2024, 10, 19), "range")
    assert weekly[1].status == Event.Status.MERGED
    assert Citation.objects.count() == citations
    assert "already loaded" in out.getvalue()
