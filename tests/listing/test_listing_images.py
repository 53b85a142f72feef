"""Listing images: exported screenshots, the composed cover, the icon, hand-made files."""

from __future__ import annotations

from pathlib import Path

import pytest
from listing_helpers import description, make_icon, make_project, make_screenshot
from PIL import Image, ImageStat

from onboardkit.errors import ValidationFailed
from onboardkit.listing import ListingOptions, build_listing, check_listing
from onboardkit.listing.marker import png_digest

OPTIONS = ListingOptions(preview=False)


def test_cover_composed(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    build_listing(project, OPTIONS)
    cover = description(project) / "cover.png"
    with Image.open(cover) as image:
        assert image.format == "PNG"
        assert image.size == (1120, 560)
        assert image.getpixel((5, 5)) == (15, 110, 110)
        # The headline is white text on the left; the screenshot's menu bar is on the right.
        left = image.crop((40, 100, 480, 460)).convert("L")
        assert ImageStat.Stat(left).extrema[0][1] >= 250
        assert image.getpixel((700, 80)) == pytest.approx((113, 75, 103), abs=4)
    assert png_digest(cover) is not None


def test_screenshots_exported(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    make_screenshot(project.root / "screenshots/en/shipment-form.png", (2560, 1600), "wide")
    build_listing(project, OPTIONS)
    folder = description(project) / "screenshots"
    with Image.open(folder / "shipment-form.png") as image:
        assert image.size == (1280, 800)
        assert image.mode == "RGB"
    with Image.open(folder / "settings-credentials.png") as image:
        assert image.size == (900, 300)
    assert sorted(path.name for path in folder.iterdir()) == [
        "book-wizard.png",
        "settings-credentials.png",
        "shipment-form.png",
        "shipment-list.png",
    ]


def test_webp_screenshot_converted(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    source = project.root / "screenshots/en/book-wizard.png"
    with Image.open(source) as image:
        image.save(source.with_suffix(".webp"), "WEBP")
    source.unlink()
    build_listing(project, OPTIONS)
    with Image.open(description(project) / "screenshots/book-wizard.png") as image:
        assert image.format == "PNG"


def test_second_build_writes_nothing(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    first = build_listing(project, OPTIONS)
    assert len(first.written) == 6
    stamps = {path: path.stat().st_mtime_ns for path in description(project).rglob("*.*")}
    second = build_listing(project, OPTIONS)
    assert second.written == []
    assert len(second.unchanged) == 6
    assert {path: path.stat().st_mtime_ns for path in stamps} == stamps


def test_changed_source_regenerates(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    build_listing(project, OPTIONS)
    make_screenshot(project.root / "screenshots/en/shipment-list.png", (1280, 800), "changed")
    problems = [str(problem) for problem in check_listing(project)]
    assert (
        "addons/caravan_connector/static/description/cover.png: out of date: its source "
        "screenshots/en/shipment-list.png or listing.yml changed since it was generated. Run "
        "`onboardkit listing` to regenerate it."
    ) in problems
    report = build_listing(project, OPTIONS)
    assert sorted(report.written) == [
        "addons/caravan_connector/static/description/cover.png",
        "addons/caravan_connector/static/description/screenshots/shipment-list.png",
    ]


def test_removed_shot_pruned(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    build_listing(project, OPTIONS)
    listing = project.root / "listing.yml"
    text = listing.read_text(encoding="utf-8")
    entry = (
        "  - shot: book-wizard\n"
        "    caption: Book several delivery orders at once and choose the service level.\n"
    )
    assert entry in text
    listing.write_text(text.replace(entry, ""), encoding="utf-8")
    hand_made = description(project) / "screenshots" / "extra.png"
    make_screenshot(hand_made, (600, 400), "extra")
    report = build_listing(project, OPTIONS)
    assert report.removed == [
        "addons/caravan_connector/static/description/screenshots/book-wizard.png"
    ]
    assert hand_made.is_file()


def test_icon_generated_from_source(tmp_path: Path) -> None:
    listing = make_project(tmp_path / "base").root / "listing.yml"
    text = listing.read_text(encoding="utf-8").replace("  source: null", "  source: art/logo.png")
    project = make_project(tmp_path / "p", listing=text)
    icon = description(project) / "icon.png"
    icon.unlink()
    make_icon(project.root / "art/logo.png", (600, 400))
    build_listing(project, OPTIONS)
    with Image.open(icon) as image:
        assert image.size == (140, 140)
        assert image.format == "PNG"
    assert png_digest(icon) is not None


def test_handmade_icon_kept(tmp_path: Path) -> None:
    listing = make_project(tmp_path / "base").root / "listing.yml"
    text = listing.read_text(encoding="utf-8").replace("  source: null", "  source: art/logo.png")
    project = make_project(tmp_path / "p", listing=text)
    make_icon(project.root / "art/logo.png", (600, 600))
    icon = description(project) / "icon.png"
    before = icon.read_bytes()
    report = build_listing(project, OPTIONS)
    assert icon.read_bytes() == before
    assert "addons/caravan_connector/static/description/icon.png" in report.handmade
    assert (
        "addons/caravan_connector/static/description/icon.png: the file was made by hand (it has "
        "no onboardkit marker), so icon.source is not used for it. Delete the file to let "
        "`onboardkit listing` generate it, or leave it as it is."
    ) in [str(problem) for problem in report.warnings]


def test_bad_icon_reported(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    make_icon(description(project) / "icon.png", (300, 100))
    messages = [str(problem) for problem in check_listing(project)]
    assert (
        "addons/caravan_connector/static/description/icon.png: the icon is 300x100, not square; "
        "the store squeezes it. Crop it to a square."
    ) in messages
    assert (
        "addons/caravan_connector/static/description/icon.png: the icon is 300x100, under the "
        "140 px that listings commonly show, so it looks blurred. Use at least 140x140."
    ) in messages


def test_handmade_cover_too_small(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    cover = description(project) / "cover.png"
    make_screenshot(cover, (500, 250), "cover")
    before = cover.read_bytes()
    expected = (
        "addons/caravan_connector/static/description/cover.png: the cover image is 500x250, "
        "smaller than the minimum 560x280. Use a 2:1 image of at least 560x280 (1120x560 looks "
        "sharper), or delete it to let onboardkit compose one."
    )
    assert expected in [str(problem) for problem in check_listing(project)]
    with pytest.raises(ValidationFailed) as raised:
        build_listing(project, OPTIONS)
    assert expected in str(raised.value)
    assert cover.read_bytes() == before
    assert not (description(project) / "index.html").exists()


def test_handmade_cover_kept(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    cover = description(project) / "cover.png"
    make_screenshot(cover, (880, 440), "cover")
    before = cover.read_bytes()
    report = build_listing(project, OPTIONS)
    assert cover.read_bytes() == before
    assert "addons/caravan_connector/static/description/cover.png" in report.handmade


def test_narrow_cover_shot_warned(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    make_screenshot(project.root / "screenshots/en/shipment-list.png", (500, 400), "narrow")
    report = build_listing(project, OPTIONS)
    assert (
        "listing.yml:62: cover.shot: shot 'shipment-list' is 500 px wide, so the cover enlarges "
        "it to 694 px and it looks blurred. Capture the shot wider, or choose a wider one for "
        "the cover."
    ) in [str(problem) for problem in report.warnings]
