"""No state-changing request gets through without the CSRF token."""

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

pytestmark = pytest.mark.django_db


def all_paths() -> list[str]:
    """One concrete path per URL pattern of ours (admin aside), ids filled with 1."""
    paths = []

    def walk(patterns, prefix=""):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                if not route.startswith("admin/"):
                    walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern):
                concrete = route.replace("<int:pk>", "1").replace("<slug:slug>", "x")
                concrete = concrete.replace("<int:job_id>", "1").replace("^", "").replace("$", "")
                paths.append("/" + concrete)

    walk(get_resolver().url_patterns)
    return paths


@pytest.fixture
def csrf_client(django_user_model) -> Client:
    client = Client(enforce_csrf_checks=True)
    staff = django_user_model.objects.create_superuser("csrf", "c@example.com", "pw-csrf-123")
    client.force_login(staff)
    return client


@pytest.mark.parametrize("path", all_paths())
def test_post_without_token_is_refused(csrf_client, path):
    response = csrf_client.post(path, {"title": "x"})
    assert response.status_code in (403, 405), path


def test_admin_action_without_token_is_refused(csrf_client, seed_story):
    event = seed_story.events.first()
    response = csrf_client.post(
        reverse("admin:timeline_event_changelist"),
        {"action": "reject", "_selected_action": [event.pk]},
    )
    assert response.status_code == 403
    event.refresh_from_db()
    assert event.status != "rejected"


def test_admin_login_without_token_is_refused(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("admin:login"), {"username": "a", "password": "b"})
    assert response.status_code == 403
    assert "Traceback" not in response.text


def test_pages_carry_the_token_for_htmx(seed_story):
    client = Client(enforce_csrf_checks=True)
    html = client.get(seed_story.get_absolute_url()).text
    assert 'hx-headers=\'{"X-CSRFToken": "' in html
