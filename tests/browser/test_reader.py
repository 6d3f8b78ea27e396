"""The article reader in a real browser: a date's explanation opens and closes."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from articles.models import Article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def open_reader(page: Page, seed):
    article = Article.objects.get(story=seed, title__startswith="Yoon convenes")
    page.goto(f"/articles/{article.pk}/")
    marks = page.locator(".body mark.timex")
    expect(marks.first).to_be_visible()
    return marks


def test_escape_closes_a_date_explanation_opened_by_the_keyboard(page: Page, seed):
    marks = open_reader(page, seed)
    first = marks.nth(0)
    first.focus()
    tip = first.locator(".timex-tip")
    expect(tip).to_be_visible()
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()
    expect(first).to_be_focused()  # closing the explanation leaves the reader where they were
    page.keyboard.press("Tab")
    expect(first).not_to_be_focused()
    page.keyboard.press("Shift+Tab")
    expect(first).to_be_focused()
    expect(tip).to_be_visible()  # left and come back to: it opens again


def test_escape_closes_a_date_explanation_opened_by_the_pointer(page: Page, seed):
    marks = open_reader(page, seed)
    first = marks.nth(0)
    first.hover()
    tip = first.locator(".timex-tip")
    expect(tip).to_be_visible()
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()
    page.mouse.move(0, 0)
    first.hover()
    expect(tip).to_be_visible()
