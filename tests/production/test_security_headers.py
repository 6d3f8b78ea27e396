"""Every response carries the headers that keep a browser from running anything but our code."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/", "/healthz", "/admin/login/", "/no-such-page/"])
def test_every_response_carries_security_headers(client, path):
    response = client.get(path)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "Permissions-Policy" in response


def test_content_security_policy_allows_only_own_scripts(client):
    policy = client.get("/")["Content-Security-Policy"]
    directives = dict(
        (part.strip().split(" ", 1) + [""])[:2] for part in policy.split(";") if part.strip()
    )
    assert directives["script-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in directives["script-src"]
    assert "unsafe-eval" not in policy


def test_pages_have_no_inline_script_the_policy_would_block(seed_story, client):
    """script-src 'self' blocks inline scripts and handlers: pages must not rely on them."""
    event = seed_story.events.first()
    article = seed_story.articles.first()
    for url in [
        seed_story.get_absolute_url(),
        reverse("timeline:event", args=[event.pk]),
        reverse("articles:detail", args=[article.pk]),
    ]:
        html = client.get(url).text
        assert "<script>" not in html
        for handler in (" onclick=", " onload=", " onerror=", " onsubmit=", "javascript:"):
            assert handler not in html.lower()
        for tag in html.split("<script")[1:]:
            assert "src=" in tag.split(">", 1)[0], f"inline script in {url}"


def test_admin_pages_have_no_inline_script(staff_client):
    html = staff_client.get(reverse("admin:timeline_event_changelist")).text
    for tag in html.split("<script")[1:]:
        opening = tag.split(">", 1)[0]
        assert "src=" in opening or 'type="application/json"' in opening
