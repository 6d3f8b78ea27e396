"""factory_boy factories for the models; tests build rows with these, not by hand."""

from datetime import date

import factory
from factory.django import DjangoModelFactory

from articles.models import Article, Story, TemporalExpression
from timeline.models import Citation, Event


class StoryFactory(DjangoModelFactory):
    class Meta:
        model = Story
        django_get_or_create = ("slug",)

    title = factory.Sequence(lambda n: f"Story {n}")
    slug = factory.Sequence(lambda n: f"story-{n}")


class ArticleFactory(DjangoModelFactory):
    class Meta:
        model = Article

    story = factory.SubFactory(StoryFactory)
    title = factory.Sequence(lambda n: f"Article {n}")
    outlet = "The Daily Test"
    published_on = date(2024, 10, 21)
    body = factory.Sequence(
        lambda n: f"Article number {n}. On October 18, the minister met the ambassador."
    )


class TemporalExpressionFactory(DjangoModelFactory):
    class Meta:
        model = TemporalExpression

    article = factory.SubFactory(ArticleFactory)
    start = 0
    end = 7
    text = factory.LazyAttribute(lambda o: o.article.body[o.start : o.end])
    type = "DATE"
    value = "2024-10-18"
    date_start = date(2024, 10, 18)
    date_end = date(2024, 10, 18)
    granularity = "day"
    rule = "absolute-day"


class EventFactory(DjangoModelFactory):
    class Meta:
        model = Event

    story = factory.SubFactory(StoryFactory)
    title = factory.Sequence(lambda n: f"Event {n}")
    summary = "Something happened."
    date_start = date(2024, 10, 18)
    date_end = factory.LazyAttribute(lambda o: o.date_start)
    granularity = "day"
    status = Event.Status.APPROVED


class CitationFactory(DjangoModelFactory):
    """Cites the article's whole first sentence (or its whole body)."""

    class Meta:
        model = Citation

    event = factory.SubFactory(EventFactory)
    article = factory.SubFactory(ArticleFactory, story=factory.SelfAttribute("..event.story"))
    start = 0
    end = factory.LazyAttribute(lambda o: (o.article.body.find(". ") + 1) or len(o.article.body))
    quote = factory.LazyAttribute(lambda o: o.article.body[o.start : o.end])
