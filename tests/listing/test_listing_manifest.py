"""Manifest rules and ``--fix`` on the test manifest, hand-made edge cases and OCA manifests."""

from __future__ import annotations

from pathlib import Path

import pytest
from listing_helpers import MANIFEST, make_project, manifest_path, oca_manifest

from onboardkit.listing import ListingOptions, build_listing, check_listing
from onboardkit.listing.manifest_edit import apply_manifest_changes, edit_manifest_source
from onboardkit.listing.manifest_rules import ManifestChange, check_manifest
from onboardkit.odoo.manifest import parse_manifest, read_manifest

OCA = [
    ("queue_job", ">=17.0,<17.1"),
    ("connector", ">=17.0,<17.1"),
    ("currency_rate_update", ">=17.0,<17.1"),
    ("base_user_role", ">=17.0,<17.1"),
    ("base_phone", ">=16.0,<16.1"),
]
CHANGES = [
    ManifestChange("price", 49.0, False),
    ManifestChange("currency", "EUR", False),
    ManifestChange("support", "support@example.com", False),
    ManifestChange("images", ["static/description/cover.png"], False),
    ManifestChange("live_test_url", "https://demo.example.com", False),
]
BAD_MANIFEST = """\
{
    "name": "Caravan Parcel Connector for Odoo Warehouses",
    "version": "17.0.1.0.0",
    "license": "MIT",
    "price": "$450",
    "currency": "GBP",
    "support": "support at example",
    "images": ["static/description/missing.png"],
    "live_test_url": "http://demo.example.com",
    "category": "Shipping",
    "author": "Caravan Labs",
}
"""


def manifest_problems(tmp_path: Path, text: str, series: str = "18.0") -> list[str]:
    addon = tmp_path / "addon"
    addon.mkdir(exist_ok=True)
    (addon / "__manifest__.py").write_text(text, encoding="utf-8")
    return [str(p) for p in check_manifest(read_manifest(addon), "__manifest__.py", series)]


def test_good_manifest_passes(tmp_path: Path) -> None:
    text = MANIFEST.replace('"data": []', '"images": ["static/description/icon.png"], "data": []')
    addon = tmp_path / "addon"
    (addon / "static/description").mkdir(parents=True)
    (addon / "static/description/icon.png").write_bytes(b"png")
    assert manifest_problems(tmp_path, text) == []


def test_bad_manifest_problems(tmp_path: Path) -> None:
    assert manifest_problems(tmp_path, BAD_MANIFEST) == [
        "__manifest__.py:2: name: the name 'Caravan Parcel Connector for Odoo Warehouses' is 44 "
        "characters long; the store allows at most 25. Shorten it: leave out adjectives and the "
        "company name.",
        "__manifest__.py:3: version: version '17.0.1.0.0' is for Odoo 17.0, but this branch is "
        "for 18.0 (addon.series in onboardkit.yml); the store rejects it. Write '18.0.1.0.0', "
        "or fix addon.series.",
        "__manifest__.py:4: license: license 'MIT' is not one the store accepts. Use one of: "
        "GPL-2, GPL-2 or any later version, GPL-3, GPL-3 or any later version, AGPL-3, LGPL-3, "
        "Other OSI approved licence, OEEL-1, OPL-1, Other proprietary.",
        "__manifest__.py:5: price: the price is text ('$450'), but the store reads only a "
        "number. Write it without quotes or currency sign, such as 149.0.",
        "__manifest__.py:6: currency: currency 'GBP' is not one the store accepts, so the scan "
        'would fail. Use "EUR" or "USD".',
        "__manifest__.py:7: support: support 'support at example' is not an e-mail address. "
        "Write the address buyers write to, such as support@example.com.",
        "__manifest__.py:8: images: image 'static/description/missing.png' not found in the "
        "addon. Run `onboardkit listing` to generate the listing images, or fix the path "
        "(relative to the addon folder).",
        "__manifest__.py:9: live_test_url: live_test_url 'http://demo.example.com' is not an "
        "https URL. Write the demo's address starting with https://.",
        "__manifest__.py:10: category: category 'Shipping' is not one of the store's "
        "categories. Use one of: Accounting, Discuss, Document Management, eCommerce, Extra "
        "Tools, Human Resources, Industries, Localization, Manufacturing, Marketing, Point of "
        "Sale, Productivity, Project, Purchases, Sales, Tutorial, Warehouse, Website.",
        "__manifest__.py:12: depends: no 'depends'; the store needs every module the app "
        'depends on. Add "depends": ["base"] with each module it needs.',
    ]


def test_paid_app_warnings(tmp_path: Path) -> None:
    text = MANIFEST.replace('"OPL-1"', '"LGPL-3"').replace(
        '    "support": "support@example.com",\n', ""
    )
    problems = manifest_problems(tmp_path, text)
    assert (
        "__manifest__.py:9: license: the app is paid, but its license is 'LGPL-3'; Odoo "
        'recommends OPL-1 for paid apps. Use "license": "OPL-1", unless the code is meant to be '
        "LGPL-3."
    ) in problems
    assert (
        "__manifest__.py:15: support: the app is paid but has no 'support' address, so buyers "
        'get no contact. Add "support": "support@example.com" with your own address.'
    ) in problems


def test_version_form_checked(tmp_path: Path) -> None:
    problems = manifest_problems(tmp_path, MANIFEST.replace("18.0.1.0.0", "1.0"))
    assert (
        "__manifest__.py:4: version: version '1.0' is not of the form '18.0.x.y.z'. Write the "
        "series and three numbers, such as '18.0.1.0.0'."
    ) in problems


def test_manifest_not_literal(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", manifest="import os\n\n" + MANIFEST)
    errors = [str(p) for p in check_listing(project) if p.file.endswith("__manifest__.py")]
    assert errors == [
        "addons/caravan_connector/__manifest__.py:1: the manifest must be one literal "
        "dictionary and nothing else. Remove imports, assignments and other statements around "
        "the dictionary."
    ]


def test_manifest_mismatch_reported(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", manifest=MANIFEST.replace("149.0", "99.0"))
    messages = [str(p) for p in check_listing(project)]
    assert (
        "addons/caravan_connector/__manifest__.py:10: price: 'price' is 99.0, but listing.yml "
        'sets 149.0. Run `onboardkit listing --fix`, or write "price": 149.0.'
    ) in messages


def test_fix_keeps_other_bytes(tmp_path: Path) -> None:
    original = MANIFEST.replace(
        '"price": 149.0,', '"price": "$450",  # price before the listing existed'
    )
    project = make_project(tmp_path / "p", manifest=original)
    report = build_listing(project, ListingOptions(preview=False, fix=True))
    assert report.manifest_fixed
    expected = original.replace('"$450"', "149.0").replace(
        '    "installable": True,\n',
        '    "installable": True,\n    "images": ["static/description/cover.png"],\n',
    )
    assert manifest_path(project).read_bytes() == expected.encode("utf-8")
    assert check_listing(project) == []


def test_fix_single_quotes_crlf(tmp_path: Path) -> None:
    original = (
        "{\r\n  'name': 'Mini',\r\n  'version': '18.0.1.0.0',\r\n  'depends': ['base'],\r\n"
        "  'price': 10  # old\r\n}\r\n"
    )
    edited = edit_manifest_source(
        original,
        [ManifestChange("price", 149.0, True, 10), ManifestChange("currency", "EUR", False)],
    )
    assert edited == (
        "{\r\n  'name': 'Mini',\r\n  'version': '18.0.1.0.0',\r\n  'depends': ['base'],\r\n"
        "  'price': 149.0,  # old\r\n  'currency': 'EUR'\r\n}\r\n"
    )


def test_fix_one_line_dict() -> None:
    original = '{"name": "Mini", "depends": ["base"]}\n'
    edited = edit_manifest_source(original, CHANGES[:2])
    assert edited == '{"name": "Mini", "depends": ["base"], "price": 49.0, "currency": "EUR"}\n'


def test_fix_empty_dict() -> None:
    assert edit_manifest_source("{}\n", CHANGES[:1]) == '{"price": 49.0}\n'


def test_fix_parenthesized_value() -> None:
    original = '{\n    "name": "Mini",\n    "summary": (\n        "Two" " parts"\n    ),\n}\n'
    edited = edit_manifest_source(original, CHANGES[:1])
    assert edited == original.replace("    ),\n", '    ),\n    "price": 49.0,\n')


def test_fix_unicode_before_value() -> None:
    original = '{\n    "name": "Caf\u00e9 \u2013 Caravan", "price": 1.0,\n}\n'
    edited = edit_manifest_source(original, [ManifestChange("price", 2.0, True, 1.0)])
    assert edited == original.replace("1.0", "2.0")


@pytest.mark.parametrize(("name", "pin"), OCA, ids=[name for name, _ in OCA])
def test_oca_manifest_rules(tmp_path: Path, name: str, pin: str) -> None:
    addon = oca_manifest(name, pin, tmp_path)
    manifest = read_manifest(addon)
    series = pin.split(",")[0].lstrip(">=")
    problems = check_manifest(manifest, "__manifest__.py", series)
    assert [p for p in problems if p.severity == "error"] == []
    # OCA addons use Odoo's own categories (Tools, Generic Modules) and have no cover.
    assert sorted(p.field for p in problems) == ["category", "images"]
    assert all(p.severity == "warning" for p in problems)
    other_series = "18.0" if series != "18.0" else "17.0"
    wrong = check_manifest(manifest, "__manifest__.py", other_series)
    assert [p.field for p in wrong if p.severity == "error"] == ["version"]


@pytest.mark.parametrize(("name", "pin"), OCA, ids=[name for name, _ in OCA])
def test_oca_manifest_fix_bytes(tmp_path: Path, name: str, pin: str) -> None:
    path = oca_manifest(name, pin, tmp_path) / "__manifest__.py"
    original = path.read_bytes()
    apply_manifest_changes(path, CHANGES)
    edited = path.read_bytes()
    inserted = (
        b'\n    "price": 49.0,\n    "currency": "EUR",\n    "support": "support@example.com",'
        b'\n    "images": ["static/description/cover.png"],'
        b'\n    "live_test_url": "https://demo.example.com",'
    )
    assert edited.count(inserted) == 1
    assert edited.replace(inserted, b"", 1) == original
    at = edited.index(inserted)
    assert edited[:at] == original[:at]
    values = parse_manifest(edited.decode("utf-8"), path).values
    assert values["price"] == 49.0
    assert values["images"] == ["static/description/cover.png"]
    changed = {change.key for change in CHANGES}
    other_values = {key: value for key, value in values.items() if key not in changed}
    assert other_values == parse_manifest(original.decode("utf-8"), path).values
