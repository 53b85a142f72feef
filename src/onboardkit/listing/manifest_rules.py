"""The store's rules for ``__manifest__.py``, and the keys the listing content defines.

The manifest is read with ``onboardkit.odoo.manifest`` (``ast.literal_eval``), never executed.
Every problem names the manifest, the line of the key at fault and the fix.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from onboardkit.errors import Problem
from onboardkit.listing import paths
from onboardkit.listing.content import LoadedListing
from onboardkit.listing.rules import (
    CURRENCIES,
    EMAIL_PATTERN,
    MAX_NAME_LENGTH,
    PAID_LICENSE,
    STORE_CATEGORIES,
    STORE_LICENSES,
    StoreRules,
    is_store_category,
)
from onboardkit.odoo.manifest import Manifest

VERSION_PATTERN = re.compile(r"^(\d+\.\d+)\.(\d+)\.(\d+)\.(\d+)$")
LISTING_KEYS = ("price", "currency", "support", "images", "live_test_url")


@dataclass(frozen=True)
class ManifestChange:
    """A manifest key that must change to match the listing content."""

    key: str
    expected: Any
    present: bool
    current: Any = None
    line: int | None = None


def python_literal(value: Any, quote: str = '"') -> str:
    """Return ``value`` as Python source, with strings in ``quote`` quotes."""
    if isinstance(value, str):
        escaped = value.replace("\\", "\\\\").replace(quote, "\\" + quote)
        return f"{quote}{escaped}{quote}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(python_literal(item, quote) for item in value) + "]"
    return repr(value)


def closing_line(manifest: Manifest) -> int | None:
    """Return the line of the manifest dictionary's closing brace, where missing keys go."""
    try:
        tree = ast.parse(manifest.source)
    except SyntaxError:
        return None
    for node in tree.body:
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Dict):
            return node.value.end_lineno
    return None


class _Rules:
    def __init__(self, manifest: Manifest, file: str):
        self.manifest = manifest
        self.file = file
        self.values = manifest.values
        self.problems: list[Problem] = []
        self.end_line = closing_line(manifest)

    def line(self, key: str) -> int | None:
        return self.manifest.key_lines.get(key, self.end_line)

    def add(self, key: str, message: str, fix: str, severity: str = "error") -> None:
        self.problems.append(
            Problem(self.file, message, self.line(key), key, fix, severity)  # type: ignore[arg-type]
        )

    @property
    def paid(self) -> bool:
        price = self.values.get("price")
        return isinstance(price, int | float) and not isinstance(price, bool) and price > 0


def check_manifest(
    manifest: Manifest, file: str, series: str, rules: StoreRules | None = None
) -> list[Problem]:
    """Return the problems of ``manifest`` under the store's rules.

    Args:
        manifest: the parsed manifest.
        file: its name in messages.
        series: the Odoo series of this branch, such as '18.0'.
        rules: the store rules in force; default: the defaults of ``StoreRules``.
    """
    checker = _Rules(manifest, file)
    rules = rules or StoreRules()
    _check_name(checker)
    _check_version(checker, series)
    _check_license(checker)
    _check_price(checker, rules)
    _check_contact(checker)
    _check_images(checker, manifest.path.parent)
    _check_depends(checker)
    _check_category(checker)
    checker.problems.sort(key=lambda problem: problem.line or 0)
    return checker.problems


def _check_name(checker: _Rules) -> None:
    name = checker.values.get("name")
    if not isinstance(name, str) or not name.strip():
        checker.add(
            "name", "no 'name'.", f"Add the app's name, at most {MAX_NAME_LENGTH} characters."
        )
    elif len(name) > MAX_NAME_LENGTH:
        checker.add(
            "name",
            f"the name '{name}' is {len(name)} characters long; the store allows at most "
            f"{MAX_NAME_LENGTH}.",
            "Shorten it: leave out adjectives and the company name.",
        )


def _check_version(checker: _Rules, series: str) -> None:
    version = checker.values.get("version")
    example = f"{series}.1.0.0"
    if version is None:
        checker.add("version", "no 'version'.", f'Add "version": "{example}".')
        return
    match = VERSION_PATTERN.match(str(version))
    if not isinstance(version, str) or not match:
        checker.add(
            "version",
            f"version {version!r} is not of the form '{series}.x.y.z'.",
            f"Write the series and three numbers, such as '{example}'.",
        )
    elif match.group(1) != series:
        rest = ".".join(match.groups()[1:])
        checker.add(
            "version",
            f"version '{version}' is for Odoo {match.group(1)}, but this branch is for {series} "
            "(addon.series in onboardkit.yml); the store rejects it.",
            f"Write '{series}.{rest}', or fix addon.series.",
        )


def _check_license(checker: _Rules) -> None:
    license_name = checker.values.get("license")
    if license_name is None:
        checker.add(
            "license",
            "no 'license'; Odoo assumes LGPL-3.",
            f'Add "license": "{PAID_LICENSE}" for a paid app, or the license of the code.',
            "warning",
        )
    elif license_name not in STORE_LICENSES:
        checker.add(
            "license",
            f"license {license_name!r} is not one the store accepts.",
            "Use one of: " + ", ".join(STORE_LICENSES) + ".",
        )
    elif checker.paid and license_name != PAID_LICENSE:
        checker.add(
            "license",
            f"the app is paid, but its license is '{license_name}'; Odoo recommends "
            f"{PAID_LICENSE} for paid apps.",
            f'Use "license": "{PAID_LICENSE}", unless the code is meant to be {license_name}.',
            "warning",
        )


def _check_price(checker: _Rules, rules: StoreRules) -> None:
    values = checker.values
    if "price" in values:
        price = values["price"]
        if isinstance(price, str):
            checker.add(
                "price",
                f"the price is text ({price!r}), but the store reads only a number.",
                "Write it without quotes or currency sign, such as 149.0.",
            )
        elif isinstance(price, bool) or not isinstance(price, int | float):
            checker.add("price", f"the price {price!r} is not a number.", "Write it as 149.0.")
        elif price < 0:
            checker.add(
                "price",
                f"the price {price} is negative, so the store lists the app as free.",
                "Write the price, or remove the key for a free app.",
                "warning",
            )
        elif rules.min_price is not None and 0 < price < rules.min_price:
            checker.add(
                "price",
                f"the price {price} is under store_rules.min_price ({rules.min_price:g}).",
                "Raise the price, or lower store_rules.min_price in the listing file.",
                "warning",
            )
    currency = values.get("currency")
    if "currency" in values and currency not in CURRENCIES:
        checker.add(
            "currency",
            f"currency {currency!r} is not one the store accepts, so the scan would fail.",
            'Use "EUR" or "USD".',
        )


def _check_contact(checker: _Rules) -> None:
    values = checker.values
    support = values.get("support")
    if support is not None and not (isinstance(support, str) and EMAIL_PATTERN.fullmatch(support)):
        checker.add(
            "support",
            f"support {support!r} is not an e-mail address.",
            "Write the address buyers write to, such as support@example.com.",
        )
    elif support is None and checker.paid:
        checker.add(
            "support",
            "the app is paid but has no 'support' address, so buyers get no contact.",
            'Add "support": "support@example.com" with your own address.',
            "warning",
        )
    url = values.get("live_test_url")
    if url is not None and not (isinstance(url, str) and re.match(r"^https://[^/\s]+", url)):
        checker.add(
            "live_test_url",
            f"live_test_url {url!r} is not an https URL.",
            "Write the demo's address starting with https://.",
        )
    if not values.get("author"):
        checker.add(
            "author",
            "no 'author', so the store shows 'Odoo S.A.' as the author.",
            'Add "author": "<your company>".',
            "warning",
        )


def _check_images(checker: _Rules, addon_dir: Path) -> None:
    images = checker.values.get("images")
    if images is None or images == []:
        checker.add(
            "images",
            "no 'images', so the listing has no cover; the store ranks it lower.",
            f'List the cover first: "images": ["{paths.manifest_image_path(paths.COVER_NAME)}"].',
            "warning",
        )
        return
    if not isinstance(images, list | tuple) or not all(isinstance(i, str) for i in images):
        checker.add("images", "'images' must be a list of paths.", 'Write ["static/..."].')
        return
    for image in images:
        if not (addon_dir / image).is_file():
            checker.add(
                "images",
                f"image '{image}' not found in the addon.",
                "Run `onboardkit listing` to generate the listing images, or fix the path "
                "(relative to the addon folder).",
            )


def _check_depends(checker: _Rules) -> None:
    depends = checker.values.get("depends")
    if not depends:
        checker.add(
            "depends",
            "no 'depends'; the store needs every module the app depends on.",
            'Add "depends": ["base"] with each module it needs.',
        )
    elif not isinstance(depends, list | tuple) or not all(isinstance(d, str) for d in depends):
        checker.add("depends", "'depends' must be a list of module names.", 'Write ["base"].')


def _check_category(checker: _Rules) -> None:
    category = checker.values.get("category")
    choices = ", ".join(STORE_CATEGORIES)
    if not category:
        checker.add(
            "category",
            "no 'category', so the store files the app under none.",
            f"Add one of the store's categories: {choices}.",
            "warning",
        )
    elif not isinstance(category, str) or not is_store_category(category):
        checker.add(
            "category",
            f"category {category!r} is not one of the store's categories.",
            f"Use one of: {choices}.",
            "warning",
        )


def expected_values(loaded: LoadedListing, manifest: Manifest) -> dict[str, Any]:
    """Return the manifest keys that the listing content defines, with their values."""
    listing = loaded.listing
    cover = paths.manifest_image_path(paths.COVER_NAME)
    images = manifest.values.get("images")
    others = [i for i in images if i != cover] if isinstance(images, list) else []
    values: dict[str, Any] = {
        "price": float(listing.pricing.price),
        "currency": listing.pricing.currency,
        "images": [cover, *others],
    }
    if loaded.support is not None:
        values["support"] = loaded.support.email
    if listing.live_demo:
        values["live_test_url"] = listing.live_demo
    return {key: values[key] for key in LISTING_KEYS if key in values}


def manifest_changes(loaded: LoadedListing, manifest: Manifest) -> list[ManifestChange]:
    """Return the changes that make the manifest match the listing content."""
    changes = []
    for key, expected in expected_values(loaded, manifest).items():
        present = key in manifest.values
        current = manifest.values.get(key)
        if present and _same(current, expected):
            continue
        changes.append(ManifestChange(key, expected, present, current, manifest.key_lines.get(key)))
    return changes


def _same(current: Any, expected: Any) -> bool:
    if isinstance(expected, float):
        return (
            isinstance(current, int | float)
            and not isinstance(current, bool)
            and (float(current) == expected)
        )
    if isinstance(expected, list):
        return isinstance(current, list | tuple) and list(current) == expected
    return current == expected


def change_problems(
    changes: list[ManifestChange], manifest: Manifest, file: str, listing_file: str
) -> list[Problem]:
    """Return one error per manifest key that does not match the listing content."""
    problems = []
    end_line = closing_line(manifest)
    for change in changes:
        literal = python_literal(change.expected)
        if change.present:
            message = (
                f"'{change.key}' is {python_literal(change.current)}, but {listing_file} sets "
                f"{literal}."
            )
            fix = f'Run `onboardkit listing --fix`, or write "{change.key}": {literal}.'
        else:
            message = f"no '{change.key}', but {listing_file} sets it to {literal}."
            fix = f'Run `onboardkit listing --fix`, or add "{change.key}": {literal}.'
        problems.append(Problem(file, message, change.line or end_line, change.key, fix))
    return problems
