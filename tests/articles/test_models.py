"""The sources' models: an article is known by its text."""

from __future__ import annotations

import pytest

from articles.models import Article, content_hash
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_an_article_is_found_by_the_hash_of_its_text(django_assert_num_queries):
    article = ArticleFactory(body="Troops moved on Friday.")
    with django_assert_num_queries(2):  # the index probe, then the article
        assert Article.objects.by_content_hash(content_hash("Troops moved on Friday.")) == article


def test_new_text_is_told_apart_in_one_query(django_assert_num_queries):
    ArticleFactory(body="Troops moved on Friday.")
    with django_assert_num_queries(1):
        assert Article.objects.by_content_hash(content_hash("Troops moved on Monday.")) is None
