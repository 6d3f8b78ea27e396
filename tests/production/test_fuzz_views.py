"""Query parameters of any shape give a page or a 4xx, never a server error."""

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

KNOWN = ["from", "to", "q", "source", "status", "granularity", "page", "min_sources", "format"]
TEXT = st.one_of(
    st.text(max_size=60),
    st.sampled_from(
        [
            "2024",
            "2024-10",
            "2024-10-21",
            "2024-13-45",
            "0000-00",
            "99999",
            "-1",
            "1e9",
            "approved",
            "day",
            "ics",
            "csv",
            "json",
            "' OR 1=1 --",
            "%00",
            "\x00",
            "\ud7ff",
            "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
            "<script>",
            "9" * 40,
            " ",
            "2024-02-30",
            "1900-01-01",
        ]
    ),
)
PARAMS = st.lists(
    st.tuples(st.one_of(st.sampled_from(KNOWN), st.text(max_size=10)), TEXT), max_size=6
)
FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def check(client: Client, path: str, params: list[tuple[str, str]], **headers) -> None:
    response = client.get(path, params and _querydict(params), headers=headers)
    assert response.status_code < 500, (path, params, response.status_code)


def _querydict(params):
    data: dict[str, list[str]] = {}
    for key, value in params:
        data.setdefault(key, []).append(value)
    return data


@FUZZ
@given(params=PARAMS)
def test_timeline_never_fails_on_any_parameters(seed_story, params):
    check(Client(), seed_story.get_absolute_url(), params)


@FUZZ
@given(params=PARAMS)
def test_timeline_fragment_never_fails_on_any_parameters(seed_story, params):
    check(Client(), seed_story.get_absolute_url(), params, HX_Request="true")


@FUZZ
@given(params=PARAMS)
def test_home_never_fails_on_any_parameters(seed_story, params):
    check(Client(), "/", params)


@FUZZ
@given(params=PARAMS)
def test_event_and_article_pages_never_fail_on_any_parameters(seed_story, params):
    event = seed_story.events.first()
    article = seed_story.articles.first()
    check(Client(), reverse("timeline:event", args=[event.pk]), params)
    check(Client(), reverse("articles:detail", args=[article.pk]), params)


@FUZZ
@given(slug=st.text(max_size=30), pk=st.integers(min_value=-(2**70), max_value=2**70))
def test_any_path_segment_gives_a_page_or_404(db, slug, pk):
    client = Client()
    for path in (f"/stories/{slug}/", f"/events/{pk}/", f"/articles/{pk}/"):
        assert client.get(path).status_code < 500


@pytest.mark.parametrize("name", ["q", "from", "source", "status", "granularity", "page"])
def test_nul_character_in_a_parameter_is_not_a_server_error(seed_story, client, name):
    response = client.get(seed_story.get_absolute_url(), {name: "korea\x00"})
    assert response.status_code < 500
