"""The example addon's manifest: pylint-odoo's manifest checks and the store's rules."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from onboardkit.odoo.manifest import read_manifest

REPOSITORY = Path(__file__).resolve().parents[2]
ADDONS = REPOSITORY / "addons"
ADDON = ADDONS / "caravan_connector"

# Every pylint-odoo message about the manifest and the files it names (pylint-odoo 10), but
# manifest-superfluous-key: the manifest states "installable" and "application" explicitly,
# as store listings do, although they equal Odoo's defaults.
MANIFEST_MESSAGES = [
    "category-allowed",
    "category-allowed-app",
    "development-status-allowed",
    "invalid-email",
    "license-allowed",
    "manifest-author-string",
    "manifest-behind-migrations",
    "manifest-data-duplicated",
    "manifest-deprecated-key",
    "manifest-external-assets",
    "manifest-maintainers-list",
    "manifest-required-author",
    "manifest-required-key",
    "manifest-required-key-app",
    "manifest-summary-multiline",
    "manifest-version-format",
    "missing-odoo-file",
    "missing-odoo-file-app",
    "missing-readme",
    "resource-not-exist",
    "website-manifest-key-not-valid-uri",
]
# The licenses Odoo accepts on the Apps Store; pylint-odoo's default list lacks OPL-1.
STORE_LICENSES = [
    "GPL-2",
    "GPL-2 or any later version",
    "GPL-3",
    "GPL-3 or any later version",
    "AGPL-3",
    "LGPL-3",
    "Other OSI approved licence",
    "OEEL-1",
    "OPL-1",
    "Other proprietary",
]


def run_pylint(addon: Path, messages: list[str]) -> subprocess.CompletedProcess[str]:
    command = [
        sys.executable,
        "-m",
        "pylint",
        "--load-plugins=pylint_odoo",
        "--disable=all",
        "--enable=" + ",".join(messages),
        "--valid-odoo-versions=18.0",
        "--manifest-required-authors=Caravan Labs",
        "--manifest-required-keys=license,author,website,version,summary,category,depends",
        # 'images' and static/description/index.html are left to `onboardkit listing`, which
        # writes them from the listing content; the icon is the file the store needs first.
        "--manifest-required-keys-app=currency,license,support,price",
        "--odoo-required-files-app=static/description/icon.png",
        "--license-allowed=" + ",".join(STORE_LICENSES),
        "--score=n",
        addon.name,
    ]
    return subprocess.run(
        command, cwd=addon.parent, capture_output=True, text=True, timeout=300, check=False
    )


def test_pylint_odoo_manifest_checks_pass():
    result = run_pylint(ADDON, MANIFEST_MESSAGES)
    assert result.stdout.strip() == "", result.stdout
    assert result.returncode == 0, result.stderr


def test_pylint_odoo_catches_broken_manifest(tmp_path):
    broken = tmp_path / "caravan_connector"
    broken.mkdir()
    source = (ADDON / "__manifest__.py").read_text(encoding="utf-8")
    source = source.replace('"license": "OPL-1"', '"license": "Proprietary"')
    source = source.replace('"version": "18.0.1.0.0"', '"version": "17.0.1.0.0"')
    (broken / "__manifest__.py").write_text(source, encoding="utf-8")
    (broken / "__init__.py").write_text("", encoding="utf-8")
    result = run_pylint(broken, MANIFEST_MESSAGES)
    assert "license-allowed" in result.stdout
    assert "manifest-version-format" in result.stdout
    assert "resource-not-exist" in result.stdout
    assert "missing-readme" in result.stdout


def test_manifest_store_values():
    manifest = read_manifest(ADDON)
    assert manifest.name == "Caravan Parcel Connector"
    assert len(manifest.name) <= 25
    assert manifest.version == "18.0.1.0.0"
    assert manifest.get("license") == "OPL-1"
    assert isinstance(manifest.get("price"), float)
    assert manifest.get("price") > 0
    assert manifest.get("currency") == "EUR"
    assert manifest.get("category") == "Warehouse"
    assert manifest.get("support") == "support@example.com"
    assert manifest.get("website").startswith("https://www.example.com/")
    assert manifest.get("author") == "Caravan Labs"
    assert manifest.get("depends") == ["base_setup", "mail", "stock"]
    assert manifest.get("application") is False
    assert manifest.get("installable") is True
    # `onboardkit listing --fix` writes the cover as the first image.
    assert manifest.get("images") == ["static/description/cover.png"]
    assert "\n" not in manifest.get("summary")


@pytest.mark.parametrize("key", ["data", "demo"])
def test_manifest_files_exist(key):
    manifest = read_manifest(ADDON)
    for relative in manifest.get(key):
        assert (ADDON / relative).is_file(), relative


def test_icon_is_square_png():
    with Image.open(ADDON / "static" / "description" / "icon.png") as icon:
        assert icon.format == "PNG"
        assert icon.size == (256, 256)
