"""Adding articles in a real browser: a saved page uploaded and a link pasted at /ingest/,
each followed to its result; the reader says where the page's date was read."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import open_page
from tests.factories import StoryFactory
from timeline.models import UploadedArticle
from timeline.tasks import process_upload

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "pw-editor-browser-2"
PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"


@pytest.fixture
def editor(browser, live_server, django_user_model) -> Page:
    StoryFactory(title="Ferry grounding", slug="ferry")
    django_user_model.objects.create_superuser("editor", "editor@example.com", PASSWORD)
    page = open_page(browser, live_server.url)
    page.goto("/admin/login/?next=/ingest/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.get_by_role("heading", name="Add articles")).to_be_visible()
    yield page
    problems = page.problems
    page.context.close()
    assert not problems, problems


def test_a_saved_page_and_a_pasted_link_become_jobs_with_their_results(editor: Page):
    editor.get_by_label("Article files").set_input_files(str(PAGES / "news_article.html"))
    editor.get_by_label("Links to articles").fill("http://10.20.30.40/story.html")
    editor.get_by_label("Story", exact=True).select_option(label="Ferry grounding")
    editor.get_by_role("button", name="Add and ingest").click()
    rows = editor.locator("#uploads tbody tr")
    expect(rows).to_have_count(2)
    expect(editor.locator("#uploads")).to_contain_text("queued")
    for upload in UploadedArticle.objects.all():  # what the worker does
        process_upload(upload_id=upload.pk)
    expect(editor.locator("#uploads")).not_to_contain_text("queued", timeout=10_000)
    link_row = editor.locator("#uploads tr", has_text="10.20.30.40")
    expect(link_row).to_contain_text("refused: 10.20.30.40 is 10.20.30.40, a private address")
    page_row = editor.locator("#uploads tr", has_text="news_article.html")
    expect(page_row).to_contain_text("done")
    page_row.get_by_role("link", name="Ferry runs aground off Kestrel Point").click()
    expect(editor.locator(".meta")).to_contain_text("The Harbour Gazette")
    expect(editor.locator(".meta")).to_contain_text("Wednesday 12 March 2025")
    expect(editor.locator(".meta")).to_contain_text("read from the page’s metadata")


def test_a_line_that_is_not_a_link_is_named_and_nothing_is_queued(editor: Page):
    editor.get_by_label("Links to articles").fill("https://news.example/a\nnot a link")
    editor.get_by_label("Story", exact=True).select_option(label="Ferry grounding")
    editor.get_by_role("button", name="Add and ingest").click()
    expect(editor.get_by_role("alert")).to_contain_text("Line 2 is not an http:// or https:// link")
    expect(editor.get_by_label("Links to articles")).to_have_value(
        "https://news.example/a\nnot a link"
    )
    assert not UploadedArticle.objects.exists()
