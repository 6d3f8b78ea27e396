"""The synthetic corpus: deterministic, consistent with itself, and loadable both ways."""

import json

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, Story, TemporalExpression
from timeline.corpus import build_corpus
from timeline.models import Citation, Event

pytestmark = pytest.mark.django_db


def plan(seed=3):
    return list(build_corpus(stories=2, articles=6, seed=seed, events_per_story=30))


def test_same_seed_gives_the_same_corpus():
    first, second = plan(), plan()
    assert [a.body for s in first for a in s.articles] == [
        a.body for s in second for a in s.articles
    ]
    assert [e.uid for s in first for e in s.events] == [e.uid for s in second for e in s.events]


def test_another_seed_gives_another_corpus():
    assert plan(3)[0].articles[0].body != plan(4)[0].articles[0].body


def test_every_citation_and_date_span_is_the_text_it_claims():
    for story in plan():
        for citation in story.citations:
            body = story.articles[citation.article].body
            expression = citation.expression
            assert body[expression.start : expression.end] == expression.text
            assert citation.start <= expression.start < expression.end <= citation.end
            assert expression.date_start <= expression.date_end


def test_events_have_several_sources_and_varied_dates():
    (story,) = build_corpus(stories=1, articles=20, seed=5, events_per_story=300)
    sources = {}
    for citation in story.citations:
        sources.setdefault(citation.event, set()).add(citation.article)
    assert max(len(articles) for articles in sources.values()) >= 3
    assert {e.granularity for e in story.events} >= {"day", "month", "week", "year", "range"}
    assert len({c.expression.rule for c in story.citations}) >= 6


def test_command_writes_the_corpus_to_the_database(capsys):
    call_command("generate_corpus", stories=2, articles=5, seed=8, events_per_story=20)
    assert "Wrote 2 stories, 10 articles, 40 events" in capsys.readouterr().out
    assert Story.objects.filter(slug__startswith="synthetic-8-").count() == 2
    assert Event.objects.count() == 40
    assert Citation.objects.filter(expression__isnull=False).count() == Citation.objects.count()
    assert TemporalExpression.objects.count() == Citation.objects.count()
    for citation in Citation.objects.select_related("article")[:20]:
        citation.clean()  # the quote is the text at its span


def test_running_the_command_again_replaces_the_story():
    for _ in range(2):
        call_command("generate_corpus", articles=4, seed=9, events_per_story=200, verbosity=0)
    assert Story.objects.filter(slug="synthetic-9-1").count() == 1
    assert Event.objects.count() == 200
    assert Event.objects.filter(status="merged").exists()


def test_command_writes_files_and_a_manifest_the_ingest_reads(tmp_path):
    call_command("generate_corpus", articles=3, seed=10, out=str(tmp_path), verbosity=0)
    manifest = json.loads((tmp_path / "synthetic-10-1" / "manifest.json").read_text())
    assert len(manifest["articles"]) == 3
    first = manifest["articles"][0]
    assert (tmp_path / "synthetic-10-1" / first["file"]).read_text().startswith(first["title"])
    assert not Article.objects.exists()


def test_command_refuses_a_non_positive_count():
    with pytest.raises(CommandError):
        call_command("generate_corpus", "--stories", "0")
