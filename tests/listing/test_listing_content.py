"""The listing content file: the example's own file, and bad input with pinned messages."""

from __future__ import annotations

from pathlib import Path

import pytest
from listing_helpers import make_project, make_screenshot

from helpers import REPOSITORY
from onboardkit.config import load_project
from onboardkit.errors import ProblemList, ValidationFailed
from onboardkit.listing import ListingOptions, build_listing, check_listing
from onboardkit.listing.content import read_listing

EXAMPLE = (REPOSITORY / "listing.yml").read_text(encoding="utf-8")


def errors_of(project) -> list[str]:  # noqa: ANN001
    return [str(problem) for problem in check_listing(project) if problem.severity == "error"]


def test_example_listing_is_valid() -> None:
    problems = ProblemList()
    loaded = read_listing(load_project(REPOSITORY), problems)
    assert problems.problems == []
    assert loaded is not None
    assert loaded.listing.pricing.currency == "EUR"
    assert loaded.series == ["17.0", "18.0"]
    assert [shot.shot for shot in loaded.listing.screenshots][0] == loaded.listing.cover_shot


def test_example_listing_is_english() -> None:
    # The store wants English; the example's copy must not slip into another script.
    assert all(ord(character) < 128 for character in EXAMPLE)


def test_support_defaults_to_project_config(tmp_path: Path) -> None:
    text = EXAMPLE.replace(
        "support:\n  email: support@example.com\n  hours: Sunday to Thursday, 08:00-18:00 Gulf "
        "Standard Time (UTC+4)\n",
        "",
    )
    assert "support:" not in text
    project = make_project(tmp_path / "p", listing=text)
    loaded = read_listing(project, ProblemList())
    assert loaded is not None
    assert loaded.support is not None
    assert loaded.support.email == "help@example.com"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "  price: 149.0",
            '  price: "€149"',
            "listing.yml:54: pricing.price: the price is text ('€149'), but the store reads "
            "only a number. Write it as a number without quotes or currency sign, such as 149.0.",
        ),
        (
            "  currency: EUR",
            "  currency: GBP",
            "listing.yml:55: pricing.currency: 'GBP' is not a currency the store accepts, so "
            "the scan would fail. Use EUR or USD.",
        ),
        (
            "screenshot_width: 1280",
            "live_demo: http://demo.example.com\nscreenshot_width: 1280",
            "listing.yml:71: live_demo: 'http://demo.example.com' is not an https URL; the "
            "store opens only https demos. Write the demo's address starting with https://.",
        ),
        (
            "  size: 1120x560",
            "  size: 400x200",
            "listing.yml:61: cover: the cover size 400x200 is smaller than the minimum 560x280. "
            "Raise cover.size, such as to 1120x560.",
        ),
        (
            "  size: 1120x560",
            "  size: 1120x600",
            "listing.yml:61: cover: the cover size 1120x600 is not 2:1. Make the width 2 times "
            "the height, such as 1200x600.",
        ),
        (
            "  shot: shipment-list\n  size",
            "  shot: shipment-kanban\n  size",
            "listing.yml:62: cover.shot: cover shot 'shipment-kanban' is not one of the "
            "listing's screenshots. Use a shot listed under 'screenshots', or add it there.",
        ),
        (
            "headline:",
            "tagline: Ship it\nheadline:",
            "listing.yml:4: tagline: unknown key 'tagline'. Remove it or check its spelling.",
        ),
        (
            "    icon: truck",
            "    icon: Truck Icon",
            "listing.yml:17: features.0.icon: 'Truck Icon' is not an icon name. Use a Font "
            "Awesome 4 name in lowercase letters and dashes, such as 'truck'.",
        ),
        (
            "  image_types: [png, jpeg, gif]",
            "  image_types: [png, bmp]",
            "listing.yml:76: store_rules.image_types: unknown image types ['bmp']. Use some of: "
            "png, jpeg, gif, webp, svg.",
        ),
    ],
    ids=["price-text", "currency", "demo-http", "cover-small", "cover-ratio", "cover-shot",
         "unknown-key", "icon-name", "image-types"],
)  # fmt: skip
def test_bad_listing_message(tmp_path: Path, old: str, new: str, expected: str) -> None:
    assert old in EXAMPLE
    project = make_project(tmp_path / "p", listing=EXAMPLE.replace(old, new, 1))
    assert expected in errors_of(project)


def test_bad_listing_stops_build(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", listing=EXAMPLE.replace("currency: EUR", "currency: $"))
    with pytest.raises(ValidationFailed) as raised:
        build_listing(project, ListingOptions(preview=False))
    assert [problem.field for problem in raised.value.problems] == ["pricing.currency"]
    assert not (project.addon_dir / "static/description/index.html").exists()


def test_missing_screenshot_named(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    (project.root / "screenshots/en/book-wizard.png").unlink()
    assert (
        "listing.yml:48: screenshots.2.shot: no image for shot 'book-wizard' at "
        "screenshots/en/book-wizard.png. Capture it with `onboardkit capture`, or remove the "
        "entry."
    ) in errors_of(project)


def test_cover_image_too_small(tmp_path: Path) -> None:
    text = EXAMPLE.replace("  shot: shipment-list\n  size", "  image: art/cover.png\n  size")
    project = make_project(tmp_path / "p", listing=text)
    make_screenshot(project.root / "art/cover.png", (400, 200), "cover")
    expected = (
        "listing.yml:62: cover.image: the cover image 'art/cover.png' is 400x200, smaller than "
        "the minimum 560x280. Use a 2:1 image of at least 560x280 (1120x560 looks sharper), or "
        "lower cover.min_size."
    )
    assert expected in errors_of(project)
    with pytest.raises(ValidationFailed) as raised:
        build_listing(project, ListingOptions(preview=False))
    assert expected in str(raised.value)


def test_missing_listing_file(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    (project.root / "listing.yml").unlink()
    problems = check_listing(project)
    assert [str(p) for p in problems if p.file == "listing.yml"] == [
        "listing.yml: file not found, so there is no store listing to build or check. Create "
        "it (the example project's listing.yml shows every key), or set 'listing: null' in "
        "onboardkit.yml."
    ]
    assert all(p.severity == "warning" for p in problems if p.file == "listing.yml")
    with pytest.raises(ValidationFailed):
        build_listing(project, ListingOptions(preview=False))
