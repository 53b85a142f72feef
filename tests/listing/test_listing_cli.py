"""``onboardkit listing``: exit status, printed manifest changes, --fix and --check."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from listing_helpers import MANIFEST, description, make_project, manifest_path

from onboardkit.cli import main


def run(project_dir: Path, *args: str):  # noqa: ANN201
    return CliRunner().invoke(main, ["-C", str(project_dir), "listing", *args])


def test_listing_prints_manifest_changes(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", manifest=MANIFEST.replace('"EUR"', '"USD"'))
    result = run(project.root, "--no-preview")
    assert result.exit_code == 0, result.output
    assert 'addons/caravan_connector/__manifest__.py:11: set "currency": "EUR"' in result.stderr
    assert (
        'addons/caravan_connector/__manifest__.py: add "images": ["static/description/cover.png"]'
        in result.stderr
    )
    assert result.stdout.startswith("6 file(s) written, 0 unchanged, 2 manifest key(s) to change")
    assert '"USD"' in manifest_path(project).read_text(encoding="utf-8")
    assert (description(project) / "index.html").is_file()


def test_listing_fix_writes_manifest(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", manifest=MANIFEST.replace("149.0", '"149 EUR"'))
    result = run(project.root, "--no-preview", "--fix")
    assert result.exit_code == 0, result.output
    assert "manifest keys written: price, images" in result.stdout
    text = manifest_path(project).read_text(encoding="utf-8")
    assert '    "price": 149.0,\n' in text
    assert run(project.root, "--check").exit_code == 0


def test_listing_check_fails_on_errors(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", manifest=MANIFEST.replace('"EUR"', '"GBP"'))
    result = run(project.root, "--check")
    assert result.exit_code == 1
    assert (
        "error: addons/caravan_connector/__manifest__.py:11: currency: currency 'GBP' is not one "
        'the store accepts, so the scan would fail. Use "EUR" or "USD".'
    ) in result.stderr
    assert not (description(project) / "index.html").exists()


def test_listing_build_error_exit(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", manifest=MANIFEST.replace('"EUR"', '"GBP"'))
    result = run(project.root, "--no-preview")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: 1 problem found:\n")
    assert not (description(project) / "index.html").exists()


def test_listing_check_and_fix_conflict(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    result = run(project.root, "--check", "--fix")
    assert result.exit_code == 2
    assert "--check writes nothing" in result.stderr


def test_listing_turned_off_is_error(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    config = project.root / "onboardkit.yml"
    config.write_text(config.read_text(encoding="utf-8") + "listing: null\n", encoding="utf-8")
    result = run(project.root, "--no-preview")
    assert result.exit_code == 1
    assert "onboardkit.yml:" in result.stderr
    assert "listing: the store listing is turned off ('listing: null')" in result.stderr
    assert "Traceback" not in result.output
    assert not (description(project) / "index.html").exists()
