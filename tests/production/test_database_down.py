"""When the database goes away the site says so (503, no traceback) and recovers by itself."""

import pytest
from django.db import OperationalError, connections

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_down(monkeypatch):
    connection = connections["default"]

    def refuse(*args, **kwargs):
        raise OperationalError("could not connect to server: Connection refused")

    monkeypatch.setattr(connection, "cursor", refuse)
    monkeypatch.setattr(connection, "chunked_cursor", refuse)
    return monkeypatch


def test_healthz_answers_503_when_database_is_down(client, database_down):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response["Cache-Control"].startswith("max-age=0")


def test_timeline_shows_friendly_page_when_database_is_down(seed_story, client, database_down):
    response = client.get(seed_story.get_absolute_url())
    assert response.status_code == 503
    assert "temporarily unavailable" in response.text
    assert "Traceback" not in response.text
    assert "OperationalError" not in response.text
    assert "Connection refused" not in response.text
    assert response["Retry-After"] == "30"


def test_site_recovers_when_database_returns(seed_story, client, monkeypatch):
    connection = connections["default"]
    original = connection.cursor

    def refuse(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(connection, "cursor", refuse)
    assert client.get("/healthz").status_code == 503
    assert client.get("/").status_code == 503
    monkeypatch.setattr(connection, "cursor", original)
    assert client.get("/healthz").status_code == 200
    assert client.get(seed_story.get_absolute_url()).status_code == 200


def test_unknown_page_is_a_plain_404(client):
    response = client.get("/events/999999999/")
    assert response.status_code == 404
    assert "There is nothing at this address" in response.text
    assert "Traceback" not in response.text


def test_unexpected_error_shows_the_500_page(client, seed_story, monkeypatch):
    from timeline import views

    def explode(*args, **kwargs):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(views, "parse_filters", explode)
    client.raise_request_exception = False
    response = client.get(seed_story.get_absolute_url())
    assert response.status_code == 500
    assert "Something went wrong" in response.text
    assert "secret internal detail" not in response.text
