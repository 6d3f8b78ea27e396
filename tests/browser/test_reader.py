"""The article reader in a real browser: a date's explanation opens and closes."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from articles.models import Article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def by_keyboard(page: Page, mark) -> None:
    mark.focus()


def away_by_keyboard(page: Page, mark) -> None:
    page.keyboard.press("Tab")
    expect(mark).not_to_be_focused()
    page.keyboard.press("Shift+Tab")
    expect(mark).to_be_focused()


def by_pointer(page: Page, mark) -> None:
    mark.hover()


def away_by_pointer(page: Page, mark) -> None:
    page.mouse.move(0, 0)
    mark.hover()


@pytest.mark.parametrize(
    ("open_it", "leave_and_return"),
    [(by_keyboard, away_by_keyboard), (by_pointer, away_by_pointer)],
    ids=["keyboard", "pointer"],
)
def test_escape_closes_a_date_explanation_until_the_date_is_left(
    page: Page, seed, open_it, leave_and_return
):
    article = Article.objects.get(story=seed, title__startswith="Yoon convenes")
    page.goto(f"/articles/{article.pk}/")
    mark = page.locator(".body mark.timex").first
    tip = mark.locator(".timex-tip")
    open_it(page, mark)
    expect(tip).to_be_visible()
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()
    leave_and_return(page, mark)
    expect(tip).to_be_visible()  # left and come back to: it opens again
