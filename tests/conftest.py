import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.test import Client

from articles.models import Story

SEED_SLUG = "north-korean-troops-in-russia"


@pytest.fixture
def seed_story(db) -> Story:
    """The curated seed story, loaded from the shipped fixture."""
    call_command("loaddata", "seed_story", verbosity=0)
    return Story.objects.get(slug=SEED_SLUG)


@pytest.fixture
def htmx_client() -> Client:
    """A client whose every request says it comes from htmx."""
    return Client(headers={"HX-Request": "true"})


@pytest.fixture
def staff_client(db, client, django_user_model) -> Client:
    user = django_user_model.objects.create_superuser("editor", "editor@example.com", "pw-editor-1")
    client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def empty_caches():
    """Every test starts with empty caches: a page cached by another test is never served."""
    for cache in caches.all():
        cache.clear()
    yield
