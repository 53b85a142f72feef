"""A small docs project for the listing tests: config, listing, addon and screenshots."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from helpers import REPOSITORY
from onboardkit.config import Project, load_project

ADDON = "caravan_connector"
GOLDEN = Path(__file__).resolve().parent / "golden"
WHEEL_CACHE = REPOSITORY / ".cache" / "wheels"
SHOT_SIZES = {
    "shipment-list": (1280, 800),
    "shipment-form": (1280, 800),
    "book-wizard": (1000, 640),
    "settings-credentials": (900, 300),
}
CONFIG = """\
project:
  name: Caravan Parcel Connector
addon:
  path: addons/caravan_connector
  series: "18.0"
  compatible_series: ["17.0", "18.0"]
languages:
  - {code: en, odoo: en_US, name: English}
  - {code: ar, odoo: ar_001, name: العربية}
vendor:
  name: Caravan Labs
support:
  email: help@example.com
  hours: Sunday to Thursday, 09:00-17:00 (UTC+4)
"""
MANIFEST = """\
# Manifest of the listing tests' addon: comments and layout must survive --fix.
{
    "name": "Caravan Parcel Connector",
    "version": "18.0.1.0.0",
    "summary": "Book Caravan Parcel shipments from Odoo",
    "author": "Caravan Labs",
    "website": "https://www.example.com/caravan-labs/connector",
    "category": "Warehouse",
    "license": "OPL-1",
    "price": 149.0,
    "currency": "EUR",
    "support": "support@example.com",
    "depends": ["stock"],  # delivery orders
    "data": [],
    "installable": True,
}
"""

HANDWRITTEN_WITH_LINKS = """\
<section class="container">
  <h2>Caravan Parcel Connector</h2>
  <p>See <a href="/shop">our shop</a> or write to
  <a href="mailto:help@example.com">help@example.com</a>.</p>
  <div style="display:flex; justify-content:center; color:#222222">Centered</div>
</section>
"""


def make_screenshot(path: Path, size: tuple[int, int], label: str) -> None:
    """Write a PNG that looks like a list view: a menu bar and rows of text."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", size, (250, 250, 250))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, size[0], 46), fill=(113, 75, 103))
    for row in range(max(1, (size[1] - 90) // 50)):
        top = 70 + row * 50
        draw.rectangle((30, top, size[0] - 30, top + 36), outline=(210, 210, 210), fill="white")
        draw.text((40, top + 10), f"{label} row {row}", fill=(40, 40, 40))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path)


def make_icon(path: Path, size: tuple[int, int] = (256, 256)) -> None:
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", size, (15, 110, 110, 255))
    ImageDraw.Draw(image).rectangle((40, 40, size[0] - 40, size[1] - 40), fill=(240, 240, 240))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path)


def make_project(root: Path, listing: str | None = None, manifest: str = MANIFEST) -> Project:
    """Write the test project into ``root`` and load it.

    ``listing`` is the text of listing.yml; default: the example repository's own file.
    """
    root.mkdir(parents=True, exist_ok=True)
    (root / "onboardkit.yml").write_text(CONFIG, encoding="utf-8")
    listing_text = listing or (REPOSITORY / "listing.yml").read_text(encoding="utf-8")
    (root / "listing.yml").write_text(listing_text, encoding="utf-8")
    addon = root / "addons" / ADDON
    addon.mkdir(parents=True, exist_ok=True)
    (addon / "__manifest__.py").write_text(manifest, encoding="utf-8")
    make_icon(addon / "static" / "description" / "icon.png")
    for shot, size in SHOT_SIZES.items():
        make_screenshot(root / "screenshots" / "en" / f"{shot}.png", size, shot)
    return load_project(root)


def description(project: Project) -> Path:
    return project.addon_dir / "static" / "description"


def manifest_path(project: Project) -> Path:
    return project.addon_dir / "__manifest__.py"


def oca_manifest(name: str, pin: str, destination: Path) -> Path:
    """Return the addon folder of the OCA wheel ``odoo-addon-<name><pin>``, unpacked.

    The wheel is downloaded once into .cache/wheels; the test is skipped only when PyPI
    cannot be reached.
    """
    series = pin.split(",")[0].lstrip(">=")
    found = sorted(WHEEL_CACHE.glob(f"odoo_addon_{name}-{series}.*.whl"))
    if not found:
        WHEEL_CACHE.mkdir(parents=True, exist_ok=True)
        command = [
            sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
            "-d", str(WHEEL_CACHE), f"odoo-addon-{name}{pin}",
        ]  # fmt: skip
        completed = subprocess.run(command, capture_output=True, text=True, check=False)
        found = sorted(WHEEL_CACHE.glob(f"odoo_addon_{name}-{series}.*.whl"))
        if not found:
            unreachable = ("connection", "resolve", "network", "timed out", "proxy")
            if any(word in completed.stderr.lower() for word in unreachable):
                pytest.skip(f"PyPI is unreachable, so odoo-addon-{name} cannot be fetched")
            pytest.fail(f"pip download of odoo-addon-{name}{pin} failed:\n{completed.stderr}")
    with zipfile.ZipFile(found[-1]) as archive:
        members = [m for m in archive.namelist() if m.startswith(f"odoo/addons/{name}/")]
        archive.extractall(destination, members)
    return destination / "odoo" / "addons" / name
