"""The built site in the real Chromium: search, fonts and requests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import copy_fixture, serve_directory

from onboardkit.browser import launch_chromium
from onboardkit.config import load_project
from onboardkit.site.build import build_site

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = copy_fixture("mini", tmp_path_factory.mktemp("browser-site"))
    site = build_site(load_project(root), strict=True)
    with serve_directory(site, "/mini/") as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):  # noqa: ANN001, ANN201
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def search(page, url: str, query: str) -> list[str]:  # noqa: ANN001
    page.goto(url)
    field = page.locator("input.md-search__input")
    field.click()
    field.fill(query)
    # Material listens to keyup, which filling Arabic text does not fire.
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=5000)
    links = page.eval_on_selector_all(
        ".md-search-result__item > a", "els => els.map(e => e.getAttribute('href'))"
    )
    return [link.split("/mini/", 1)[1] for link in links]


@pytest.mark.parametrize(
    "query",
    [
        "خادم",  # the page has "الخادم": article prefix
        "الخادم",
        "اعداد",  # the page has "إعداد": hamza on alef
        "مكتبه",  # the page has "مكتبة": taa marbuta
        "مِفْتاح",  # diacritics in the query; the page has "مفتاح" and "ومفتاحٍ"
    ],
)
def test_arabic_search_forms(page, site_url: str, query: str) -> None:  # noqa: ANN001
    results = search(page, site_url + "ar/", query)
    assert results, query
    assert all(result.startswith("ar/") for result in results), results


def test_search_prefers_reader_language(page, site_url: str) -> None:  # noqa: ANN001
    arabic = search(page, site_url + "ar/", "install")
    assert arabic[0].startswith("ar/onboarding/install/")
    english = search(page, site_url, "install")
    assert english[0] == "onboarding/install/"
    assert "ar/onboarding/install/" in arabic
    assert english.index("onboarding/install/") < len(english)


def test_no_request_leaves_the_machine(page, site_url: str) -> None:  # noqa: ANN001
    outside: list[str] = []
    page.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if not request.url.startswith(site_url.split("/mini/")[0])
            and not request.url.startswith("data:")
            else None
        ),
    )
    for path in ("", "ar/", "onboarding/install/", "ar/onboarding/problems/", "ar/faq/"):
        page.goto(site_url + path)
        page.wait_for_load_state("load")
    assert outside == []


def test_arabic_rendered_in_arabic_font(page, site_url: str) -> None:  # noqa: ANN001
    fonts: list[str] = []
    page.on(
        "response",
        lambda r: fonts.append(r.url.rsplit("/", 1)[1]) if r.ok and ".woff2" in r.url else None,
    )
    page.goto(site_url + "ar/onboarding/install/")
    page.wait_for_function("document.fonts.status === 'loaded'")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    # The Arabic face is declared for Arabic code points only: the browser fetches it
    # because the page's Arabic text needs it.
    assert "NotoSansArabic-Regular.woff2" in fonts
    assert "NotoSansArabic-Bold.woff2" in fonts
    family = page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily")
    assert family.startswith('"Onboardkit Sans"')


def test_language_switch_lands_on_same_page(page, site_url: str) -> None:  # noqa: ANN001
    page.goto(site_url + "ar/faq/")
    page.hover(".md-select")
    page.click(".md-select__link[hreflang=en]")
    page.wait_for_url(site_url + "faq/")
    assert page.title().startswith("Frequently asked questions")
    page.hover(".md-select")
    page.click(".md-select__link[hreflang=ar]")
    page.wait_for_url(site_url + "ar/faq/")
    assert page.evaluate("document.body.dir") == "rtl"
