"""The sources in the admin: an article's text is kept exactly as it was ingested."""

import pytest
from django.urls import reverse

from articles.models import Article
from tests.factories import ArticleFactory, CitationFactory

pytestmark = pytest.mark.django_db


def test_an_ingested_articles_text_cannot_be_edited_in_the_admin(staff_client):
    citation = CitationFactory()
    article = citation.article
    url = reverse("admin:articles_article_change", args=[article.pk])
    page = staff_client.get(url).text
    assert 'name="body"' not in page
    assert article.body.split(".")[0] in page
    form = {
        "story": article.story_id,
        "title": "Retitled",
        "outlet": "",
        "url": "",
        "published_on": article.published_on.isoformat(),
        "published_from": article.published_from,
        "body": "Something else entirely.",
        "expressions-TOTAL_FORMS": "0",
        "expressions-INITIAL_FORMS": "0",
    }
    response = staff_client.post(url, form)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Retitled"
    assert article.body[citation.start : citation.end] == citation.quote


def test_a_new_article_can_still_be_typed_in(staff_client):
    page = staff_client.get(reverse("admin:articles_article_add")).text
    assert 'name="body"' in page


def test_adding_an_article_whose_text_is_already_there_is_a_form_error(staff_client):
    existing = ArticleFactory(title="The first copy")
    response = staff_client.post(
        reverse("admin:articles_article_add"),
        {
            "story": existing.story_id,
            "title": "A second copy",
            "outlet": "",
            "url": "",
            "published_on": "2024-10-21",
            "published_from": "given",
            "body": existing.body,
            "expressions-TOTAL_FORMS": "0",
            "expressions-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "This text is already in Dateline: “The first copy”" in response.text
    assert Article.objects.count() == 1
