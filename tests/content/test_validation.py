"""Every input error is reported with file, line, field and fix, all at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import replace_in

from onboardkit.config import load_project
from onboardkit.errors import ValidationFailed
from onboardkit.site.prepare import prepare_site


def problems_of(root: Path) -> list[str]:
    with pytest.raises(ValidationFailed) as caught:
        prepare_site(load_project(root))
    return [str(problem) for problem in caught.value.problems]


def test_valid_project_prepares(mini: Path) -> None:
    prepared = prepare_site(load_project(mini))
    assert [item.slug for item in prepared.guides.guides] == ["install", "configure", "problems"]
    assert (mini / "docs/onboarding/install.md").is_file()
    assert (mini / "docs/onboarding/install.ar.md").is_file()


def test_malformed_yaml(mini: Path) -> None:
    replace_in(mini / "onboarding/install.yml", "time_minutes: 10", "time_minutes: [10")
    assert problems_of(mini) == [
        "onboarding/install.yml:6: invalid YAML: did not find expected ',' or ']'. "
        "Fix the YAML syntax there."
    ]


def test_unknown_key_names_line_and_field(mini: Path) -> None:
    replace_in(mini / "onboarding/install.yml", "    code: sudo", "    colour: red\n    code: sudo")
    assert problems_of(mini) == [
        "onboarding/install.yml:12: steps.0.colour: unknown key 'colour'. "
        "Remove it or check its spelling."
    ]


def test_unknown_guide_kind(mini: Path) -> None:
    replace_in(mini / "onboarding/install.yml", "kind: installation", "kind: tutorial")
    assert problems_of(mini) == [
        "onboarding/install.yml:1: kind: unknown guide kind 'tutorial'. Use one of: "
        "installation, configuration, workflow, troubleshooting, integration, upgrade."
    ]


def test_missing_screenshot(mini: Path) -> None:
    replace_in(
        mini / "onboarding/configure.yml", "  - id: key\n", "  - id: key\n    screenshot: nope\n"
    )
    assert problems_of(mini) == [
        "onboarding/configure.yml:8: steps.0.screenshot: screenshot 'nope' is not defined. "
        "Add a shot with this id to screenshots/shots.yml, or use one of its ids."
    ]


def test_missing_related_guide(mini: Path) -> None:
    replace_in(mini / "onboarding/configure.yml", "  - install", "  - instal")
    assert problems_of(mini) == [
        "onboarding/configure.yml:16: related.0: related guide 'instal' does not exist. "
        "Use the file name of a guide in the onboarding folder, without '.yml'."
    ]


def test_renamed_field_is_caught(mini: Path) -> None:
    replace_in(mini / "addons/mini_connector/models/mini_shipment.py", "api_key =", "api_token =")
    problems = problems_of(mini)
    assert problems[0] == (
        "onboarding/configure.yml:9: steps.0.text: label reference "
        "[[field:mini.shipment/api_key]]: model 'mini.shipment' has no field 'api_key'; "
        "did you mean 'api_token'? Fix the reference; if the addon renamed it, update the guide."
    )
    assert len(problems) == 3  # the step, the settings row and the troubleshooting fix


def test_error_text_must_exist_in_addon(mini: Path) -> None:
    replace_in(mini / "onboarding/problems.yml", "(HTTP 401)", "(HTTP 401) today")
    assert problems_of(mini) == [
        "onboarding/problems.yml:9: entries.0.error: error text not found in the addon's code: "
        "'The carrier rejected the API key (HTTP 401) today.'. Quote the message exactly as the "
        "addon raises it (placeholders may hold example values), or update the guide if the "
        "message changed."
    ]


def test_broken_po_entry(mini: Path) -> None:
    path = mini / "translations/ar.po"
    path.write_text(
        path.read_text(encoding="utf-8") + '\nmsgctxt "x"\nmsgid "y"\n', encoding="utf-8"
    )
    problems = problems_of(mini)
    assert problems == [
        "translations/ar.po:18: broken catalog entry: missing msgstr for msgid 'y'. "
        "Each entry needs a quoted msgid and msgstr; check quotes and escapes there."
    ]


def test_manifest_with_code(mini: Path) -> None:
    manifest = mini / "addons/mini_connector/__manifest__.py"
    replace_in(manifest, '"version": "18.0.1.0.0"', '"version": ".".join(["18", "0"])')
    problems = problems_of(mini)
    assert problems == [
        f"{manifest.resolve()}:3: version: the value is code, not a literal. "
        "Write the value out as a string, number, list or dictionary."
    ]


def test_addon_folder_without_manifest(mini: Path) -> None:
    replace_in(mini / "onboardkit.yml", "path: addons/mini_connector", "path: addons")
    with pytest.raises(ValidationFailed) as caught:
        load_project(mini)
    assert [str(p) for p in caught.value.problems] == [
        "onboardkit.yml:4: addon.path: no __manifest__.py in 'addons'. "
        "Point it at the addon's folder, relative to onboardkit.yml."
    ]


def test_all_errors_reported_together(mini: Path) -> None:
    replace_in(mini / "onboarding/install.yml", "kind: installation", "kind: tutorial")
    replace_in(mini / "onboarding/configure.yml", "  - install", "  - instal")
    replace_in(mini / "onboarding/problems.yml", "symptom:", "symptoms:")
    problems = problems_of(mini)
    assert len(problems) == 4
    files = sorted({problem.split(":")[0] for problem in problems})
    assert files == [
        "onboarding/configure.yml",
        "onboarding/install.yml",
        "onboarding/problems.yml",
    ]


def test_password_in_project_file_rejected(mini: Path) -> None:
    replace_in(mini / "onboardkit.yml", "vendor:\n", "odoo:\n  password: hunter2\nvendor:\n")
    with pytest.raises(ValidationFailed) as caught:
        load_project(mini)
    messages = [str(p) for p in caught.value.problems]
    assert messages[0] == (
        "onboardkit.yml:15: odoo.password: a credential is written in the project file; it "
        "would end up in the repository. Delete it and set it in the environment variable named "
        "by odoo.password_env, or in the system keyring."
    )
    assert all("hunter2" not in message for message in messages)


def test_failed_preparation_keeps_pages(mini: Path) -> None:
    prepare_site(load_project(mini))
    page = mini / "docs/onboarding/install.md"
    before = page.read_text(encoding="utf-8")
    replace_in(mini / "onboarding/install.yml", "kind: installation", "kind: tutorial")
    problems_of(mini)
    assert page.read_text(encoding="utf-8") == before
