"""index.html: golden files, Odoo's sanitizer, the store's rules and hand-written files.

Set ONBOARDKIT_UPDATE_GOLDEN=1 to rewrite the golden files from the current output.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from listing_helpers import ADDON, GOLDEN, description, make_project

from onboardkit.errors import ValidationFailed
from onboardkit.listing import ListingOptions, build_listing, check_listing
from onboardkit.listing.html_check import check_index_html
from onboardkit.listing.marker import html_digest
from onboardkit.listing.rules import StoreRules
from onboardkit.listing.sanitize import (
    lost_content,
    odoo_description,
    odoo_sanitize,
    store_view,
    summarize,
)

MINIMAL = """\
headline: Café receipts – printed ‹fast›
summary: Prints the café's receipts & tickets.
features:
  - title: One feature
    text: It does one thing <well>.
screenshots:
  - shot: shipment-list
    caption: The list of "shipments".
pricing:
  price: 0
"""
HANDWRITTEN = """\
<section class="container">
  <h2>Caravan Parcel Connector</h2>
  <p>Book parcels from Odoo.</p>
  <img src="screenshots/hand.png" class="img-fluid"/>
</section>
"""


def build_index(tmp_path: Path, listing: str | None = None) -> tuple[str, Path]:
    project = make_project(tmp_path / "p", listing=listing)
    build_listing(project, ListingOptions(preview=False))
    index = description(project) / "index.html"
    return index.read_text(encoding="utf-8"), index


def compare_golden(name: str, text: str) -> None:
    golden = GOLDEN / name
    if os.environ.get("ONBOARDKIT_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), f"{golden} is missing; run with ONBOARDKIT_UPDATE_GOLDEN=1"
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize(("listing", "golden"), [(None, "index.html"), (MINIMAL, "minimal.html")])
def test_index_matches_golden(tmp_path: Path, listing: str | None, golden: str) -> None:
    text, _ = build_index(tmp_path, listing)
    compare_golden(golden, text)


def test_index_follows_store_form(tmp_path: Path) -> None:
    text, index = build_index(tmp_path)
    assert text.startswith("<section")
    assert html_digest(text) is not None
    assert all(ord(character) < 128 for character in text)
    assert not re.search(r"<\?xml|<script|<style|<link|<iframe|<form|<meta", text)
    assert re.findall(r'href="([^"]+)"', text) == ["mailto:support@example.com"]
    assert check_index_html(text, "index.html", index.parent, StoreRules()) == []


def test_minimal_index_uses_entities(tmp_path: Path) -> None:
    text, _ = build_index(tmp_path, MINIMAL)
    assert "Caf&eacute; receipts &ndash; printed &lsaquo;fast&rsaquo;" in text
    assert "&amp; tickets" in text
    assert "&lt;well&gt;" in text
    assert 'alt="The list of &quot;shipments&quot;."' in text
    assert "mailto:help@example.com" in text


def test_sanitizer_keeps_generated_content(tmp_path: Path) -> None:
    text, _ = build_index(tmp_path)
    sanitized = odoo_description(text, ADDON)
    before = summarize(text, ADDON)
    after = summarize(sanitized)
    assert lost_content(text, sanitized, ADDON) == []
    assert after.text == before.text
    assert "Book from the delivery order" in after.text
    assert after.images == [
        f"/{ADDON}/static/description/screenshots/{shot}.png"
        for shot in ("shipment-list", "shipment-form", "book-wizard", "settings-credentials")
    ]
    assert after.tags == before.tags
    assert after.tags.count("section") == 4
    assert after.headings[:2] == [
        "Book, label and track Caravan Parcel shipments from Odoo",
        "Key features",
    ]
    assert 'style="background-color:#0f6e6e;' in sanitized
    assert 'class="col-md-6 col-lg-4"' in sanitized


def test_store_view_keeps_generated_styles(tmp_path: Path) -> None:
    text, _ = build_index(tmp_path)
    store_html = store_view(odoo_description(text, ADDON))
    assert summarize(store_html).text == summarize(text).text
    assert store_html.count("style=") == text.count("style=")


def test_sanitizer_removes_what_odoo_removes() -> None:
    dirty = (
        '<section><h2 onclick="steal()">Title</h2><script>steal()</script>'
        "<style>h2{color:red}</style><iframe src='https://example.com'></iframe>"
        '<form><input name="q"></form><a href="javascript:steal()">go</a>'
        '<p style="color:#123456">kept</p><!-- comment kept --></section>'
    )
    clean = odoo_sanitize(dirty)
    for removed in ("<script", "steal()", "<style", "color:red", "<iframe", "<form", "<input"):
        assert removed not in clean
    assert "onclick" not in clean
    assert '<p style="color:#123456">kept</p>' in clean
    assert "<!-- comment kept -->" in clean
    assert "<h2>Title</h2>" in clean


def test_store_view_applies_observed_rules() -> None:
    store_html = store_view(
        '<p style="display:flex; gap:8px; color:#111111">a</p>'
        '<div style="background:linear-gradient(red, blue)">b</div>'
        '<a href="https://example.com">site</a> <a href="mailto:x@example.com">mail</a>'
    )
    assert '<p style="display:flex; color:#111111">a</p>' in store_html
    assert "<div>b</div>" in store_html
    assert "<span>site</span>" in store_html
    assert '<a href="mailto:x@example.com">mail</a>' in store_html


def test_image_rewrite_follows_odoo() -> None:
    rewritten = odoo_description(
        '<section><img src="a.png"><img src="/m/static/description/b.png">'
        '<img src="https://cdn.example.com/c.png"></section>',
        "m",
    )
    assert 'src="/m/static/description/a.png"' in rewritten
    assert 'src="/m/static/description/b.png"' in rewritten
    assert 'src="https://cdn.example.com/c.png"' in rewritten


def handwritten_project(tmp_path: Path, html: str):  # noqa: ANN201
    project = make_project(tmp_path / "p")
    folder = description(project)
    (folder / "screenshots").mkdir(parents=True, exist_ok=True)
    (folder / "screenshots" / "hand.png").write_bytes((folder / "icon.png").read_bytes())
    (folder / "index.html").write_text(html, encoding="utf-8")
    return project, folder / "index.html"


def test_handwritten_script_rejected(tmp_path: Path) -> None:
    html = HANDWRITTEN.replace("  <p>Book", "  <script>track()</script>\n  <p>Book")
    project, index = handwritten_project(tmp_path, html)
    expected = (
        "addons/caravan_connector/static/description/index.html:3: <script> is removed, with "
        "its content, by Odoo's sanitizer. Delete it: the store runs no JavaScript in a "
        "description."
    )
    assert expected in [str(problem) for problem in check_listing(project)]
    with pytest.raises(ValidationFailed) as raised:
        build_listing(project, ListingOptions(preview=False))
    assert expected in str(raised.value)
    assert index.read_text(encoding="utf-8") == html


def test_handwritten_external_link_rejected(tmp_path: Path) -> None:
    html = HANDWRITTEN.replace(
        "<p>Book parcels from Odoo.</p>",
        '<p>Book parcels from Odoo.</p>\n  <p><a href="https://www.example.com">Site</a></p>',
    )
    project, _ = handwritten_project(tmp_path, html)
    errors = [
        str(problem)
        for problem in check_listing(project)
        if problem.severity == "error" and problem.file.endswith("index.html")
    ]
    assert errors == [
        "addons/caravan_connector/static/description/index.html:4: external link to "
        "'https://www.example.com': the store shows it as plain text. Remove the link, or use a "
        "mailto: address; put web addresses in the manifest's 'website' or 'live_test_url'."
    ]


def test_handwritten_index_kept(tmp_path: Path) -> None:
    project, index = handwritten_project(tmp_path, HANDWRITTEN)
    report = build_listing(project, ListingOptions(preview=False))
    assert index.read_text(encoding="utf-8") == HANDWRITTEN
    assert "addons/caravan_connector/static/description/index.html" in report.handmade


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            '<?xml version="1.0" encoding="utf-8"?>\n' + HANDWRITTEN,
            "index.html:1: the file starts with an XML declaration, which Odoo has deprecated "
            "since 17.0. Delete the <?xml ...?> declaration and save the file as UTF-8.",
        ),
        (
            HANDWRITTEN.replace("<p>Book", '<p onclick="go()">Book'),
            "index.html:3: the 'onclick' attribute of <p> is removed by Odoo's sanitizer. "
            "Delete it: the store runs no JavaScript.",
        ),
        (
            HANDWRITTEN.replace("hand.png", "missing.png"),
            "index.html:4: image 'screenshots/missing.png' not found in static/description/. "
            "Add the file, or fix the path (relative to static/description/).",
        ),
        (
            HANDWRITTEN.replace("screenshots/hand.png", "https://cdn.example.com/a.png"),
            "index.html:4: image 'https://cdn.example.com/a.png' is not a file of the module; "
            "the store shows only local images. Save the image in static/description/ and use "
            "its relative path.",
        ),
        (
            HANDWRITTEN.replace("<p>Book", '<form action="/buy"><input name="q"></form><p>Book'),
            "index.html:3: <form> is removed by Odoo's sanitizer: descriptions cannot hold "
            "forms. Delete it; describe the form with a screenshot instead.",
        ),
    ],
    ids=["xml-declaration", "event-handler", "missing-image", "remote-image", "form"],
)
def test_handwritten_errors(tmp_path: Path, html: str, expected: str) -> None:
    folder = tmp_path / "description"
    (folder / "screenshots").mkdir(parents=True)
    (folder / "screenshots" / "hand.png").write_bytes(b"png")
    problems = check_index_html(html, "index.html", folder, StoreRules())
    assert expected in [str(problem) for problem in problems if problem.severity == "error"]


def test_handwritten_warnings(tmp_path: Path) -> None:
    html = HANDWRITTEN.replace(
        "<p>Book parcels from Odoo.</p>",
        '<p style="display:flex; justify-content:center">Réservez</p>',
    )
    (tmp_path / "screenshots").mkdir()
    (tmp_path / "screenshots" / "hand.png").write_bytes(b"png")
    problems = check_index_html(html, "index.html", tmp_path, StoreRules())
    assert [str(problem) for problem in problems] == [
        "index.html:3: the inline style 'justify-content: center' is stripped by the store. Use "
        "Bootstrap classes for layout (row, col-*, text-center) and a plain color instead of "
        "gradients and transforms.",
        "index.html:3: non-ASCII characters 'é' (U+00E9); the store may show them garbled. "
        "Write each as an HTML entity, such as &eacute; or &#8250;.",
    ]
    assert all(problem.severity == "warning" for problem in problems)


def test_generated_index_staleness(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    build_listing(project, ListingOptions(preview=False, fix=True))
    assert check_listing(project) == []
    listing = project.root / "listing.yml"
    listing.write_text(
        listing.read_text(encoding="utf-8").replace("Four service levels", "Four services"),
        encoding="utf-8",
    )
    messages = [str(problem) for problem in check_listing(project)]
    assert messages == [
        "addons/caravan_connector/static/description/index.html: out of date: listing.yml or "
        "the screenshots changed since it was generated. Run `onboardkit listing` to "
        "regenerate it."
    ]
    build_listing(project, ListingOptions(preview=False))
    assert check_listing(project) == []


def test_generated_index_edit_warned(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    build_listing(project, ListingOptions(preview=False, fix=True))
    index = description(project) / "index.html"
    index.write_text(index.read_text().replace("Key features", "Features"), encoding="utf-8")
    problems = check_listing(project)
    assert [problem.severity for problem in problems] == ["warning"]
    assert "still carries the generated marker" in problems[0].message
    build_listing(project, ListingOptions(preview=False))
    assert "Key features" in index.read_text(encoding="utf-8")


def test_handwritten_latin1_rejected(tmp_path: Path) -> None:
    project, index = handwritten_project(tmp_path, HANDWRITTEN)
    index.write_bytes(HANDWRITTEN.replace("Book", "R\u00e9servez").encode("latin-1"))
    errors = [str(p) for p in check_listing(project) if p.file.endswith("index.html")]
    assert (
        "addons/caravan_connector/static/description/index.html: the file is not UTF-8 "
        "(invalid continuation byte at byte 70); Odoo has deprecated other encodings since "
        "17.0. Save it as UTF-8."
    ) in errors
