"""The store preview: the page, and its screenshot through the system Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest
from listing_helpers import HANDWRITTEN_WITH_LINKS, make_project
from PIL import Image, ImageStat

from onboardkit.browser import launch_chromium
from onboardkit.listing import ListingOptions, build_listing


def test_preview_page_frames_sanitized_description(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    report = build_listing(project, ListingOptions(fix=True, screenshot=False))
    assert report.preview_html == project.root / "dist/listing/preview.html"
    page = report.preview_html.read_text(encoding="utf-8")
    assert "<h1>Caravan Parcel Connector</h1>" in page
    assert "by Caravan Labs" in page
    assert "€ 149.00" in page
    assert 'src="caravan_connector/static/description/cover.png"' in page
    assert 'src="caravan_connector/static/description/screenshots/shipment-list.png"' in page
    assert "onboardkit:generated" in page
    assert "http://" not in page
    assert "https://" not in page
    copied = project.root / "dist/listing/caravan_connector/static/description"
    assert (copied / "cover.png").is_file()
    assert (copied / "screenshots/book-wizard.png").is_file()
    assert report.preview_png is None


def test_preview_shows_store_rules(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    folder = project.addon_dir / "static/description"
    (folder / "index.html").write_text(HANDWRITTEN_WITH_LINKS, encoding="utf-8")
    report = build_listing(project, ListingOptions(screenshot=False))
    page = report.preview_html.read_text(encoding="utf-8")
    assert "<span>our shop</span>" in page
    assert '<a href="mailto:help@example.com">' in page
    assert '<div style="display:flex; color:#222222">Centered</div>' in page
    assert any("justify-content" in str(warning) for warning in report.warnings)


@pytest.mark.browser
def test_preview_screenshot(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    report = build_listing(project, ListingOptions(fix=True))
    assert report.preview_png == project.root / "dist/listing/preview.png"
    with Image.open(report.preview_png) as image:
        assert image.width == 1280
        assert image.height > 2000
        stat = ImageStat.Stat(image.convert("L"))
        assert stat.stddev[0] > 20
        # The buy button's purple sits in the top right of a store page.
        top_right = image.crop((840, 60, 1200, 400)).convert("RGB")
        assert (113, 75, 103) in {color for _, color in top_right.getcolors(1 << 16)}


@pytest.mark.browser
def test_preview_loads_only_local_files(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    project = make_project(tmp_path / "p")
    report = build_listing(project, ListingOptions(fix=True, screenshot=False))
    requested: list[str] = []
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            page = browser.new_page()
            page.on("request", lambda request: requested.append(request.url))
            page.goto(report.preview_html.as_uri(), wait_until="load")
            marker = page.get_attribute("body", "data-onboardkit-preview")
            broken = page.eval_on_selector_all(
                "img", "images => images.filter(i => !i.complete || !i.naturalWidth).length"
            )
        finally:
            browser.close()
    assert marker == "1"
    assert broken == 0
    assert requested
    assert all(url.startswith("file://") for url in requested)
