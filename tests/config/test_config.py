"""The project file: its reference page and its validation."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import REPOSITORY, copy_fixture, replace_in

from onboardkit import config_reference
from onboardkit.config import load_project
from onboardkit.errors import ValidationFailed


def test_reference_page_up_to_date() -> None:
    page = REPOSITORY / "docs/vendor/configuration.md"
    assert page.read_text(encoding="utf-8") == config_reference.render(), (
        "Regenerate it: python -m onboardkit.config_reference > docs/vendor/configuration.md"
    )


def test_example_project_loads() -> None:
    project = load_project(REPOSITORY)
    assert project.config.source_language.code == "en"
    assert project.config.language("ar").odoo == "ar_001"
    assert project.config.language("ar").rtl


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'series: "18.0"',
            "series: 18",
            "onboardkit.yml:5: addon.series: input should be a valid string. Got: 18.",
        ),
        (
            'series: "18.0"',
            'series: "18"',
            "onboardkit.yml:5: addon.series: '18' is not an Odoo series; write it like '18.0' "
            "(quoted).",
        ),
        (
            "  - code: ar\n",
            "  - code: Arabic\n",
            "onboardkit.yml:11: languages.1.code: 'Arabic' is not a language code such as 'en' "
            "or 'pt_BR'.",
        ),
        (
            "  email: support@example.com\n",
            "  email: support-at-example\n",
            "onboardkit.yml:18: support.email: 'support-at-example' is not an e-mail address.",
        ),
    ],
)
def test_invalid_values(tmp_path: Path, old: str, new: str, expected: str) -> None:
    root = copy_fixture("mini", tmp_path)
    replace_in(root / "onboardkit.yml", old, new)
    with pytest.raises(ValidationFailed) as caught:
        load_project(root)
    assert [str(problem) for problem in caught.value.problems] == [expected]


def test_url_with_password_rejected(tmp_path: Path) -> None:
    root = copy_fixture("mini", tmp_path)
    replace_in(root / "onboardkit.yml", "vendor:\n", "odoo:\n  url: https://admin:s3cret@odoo.example.com\nvendor:\n")
    with pytest.raises(ValidationFailed) as caught:
        load_project(root)
    message = str(caught.value)
    assert "the URL contains a password; move it to the password variable" in message
    assert "s3cret" not in message
