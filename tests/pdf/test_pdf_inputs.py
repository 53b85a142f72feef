"""Inputs are checked before Chromium starts: every problem at once, with file, line and fix."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from onboardkit.config import Project, load_project
from onboardkit.errors import ValidationFailed
from onboardkit.pdf import PdfOptions, build_pdfs, pdf_file_name


def problems_of(project: Project, options: PdfOptions | None = None) -> list[str]:
    with pytest.raises(ValidationFailed) as caught:
        build_pdfs(project, options)
    return [str(problem) for problem in caught.value.problems]


def test_missing_images_listed_per_language(project: Project) -> None:
    (project.root / "screenshots" / "ar" / "shipments-list.png").unlink()
    (project.root / "screenshots" / "en" / "error-dialog.png").unlink()
    assert problems_of(project) == [
        "onboarding/problems.yml:11: entries.0.screenshot: screenshot 'error-dialog' has no "
        "image for language 'en'; the PDF guides need every screenshot. Run `onboardkit "
        "capture` to create it, or build other languages with --language.",
        "onboarding/install.yml:16: steps.1.screenshot: screenshot 'shipments-list' has no "
        "image for language 'ar'; the PDF guides need every screenshot. Run `onboardkit "
        "capture` to create it, or build other languages with --language.",
    ]
    assert not (project.root / "dist").exists()


def test_unknown_language_and_unbuilt_images(project: Project) -> None:
    (project.root / "screenshots" / "ar" / "shipments-list.png").unlink()
    problems = problems_of(project, PdfOptions(languages=("en", "fr")))
    assert problems == [
        "command line: --language: language 'fr' is not a language of this project. "
        "Use one of: en, ar."
    ]


def test_logo_must_exist(tmp_path: Path) -> None:
    from pdf_helpers import make_project

    project = make_project(tmp_path, "")
    config = project.root / "onboardkit.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace(
            "  email: docs@example.com\n", "  email: docs@example.com\n  logo: logo.png\n"
        ),
        encoding="utf-8",
    )
    assert problems_of(load_project(project.root)) == [
        "onboardkit.yml:17: vendor.logo: logo file 'logo.png' does not exist. Fix the path "
        "(relative to onboardkit.yml) or remove vendor.logo."
    ]
    (project.root / "logo.png").write_text("x", encoding="utf-8")
    (project.root / "logo.pdf").write_text("x", encoding="utf-8")
    config.write_text(config.read_text().replace("logo: logo.png", "logo: logo.pdf"))
    assert problems_of(load_project(project.root)) == [
        "onboardkit.yml:17: vendor.logo: logo file 'logo.pdf' is not an image Chromium can "
        "print. Use an SVG, PNG, JPEG or WebP file."
    ]


def test_missing_font_file(project: Project, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    from onboardkit.pdf import document, plan

    copy = tmp_path / "package"
    fonts = document.STYLESHEET.parent.parent / "assets" / "fonts"
    shutil.copytree(fonts, copy / "assets" / "fonts")
    (copy / "pdf").mkdir()
    shutil.copyfile(document.STYLESHEET, copy / "pdf" / "print.css")
    (copy / "assets" / "fonts" / "NotoSansArabic-Bold.woff2").unlink()
    monkeypatch.setattr(plan, "STYLESHEET", copy / "pdf" / "print.css")
    expected = copy / "assets" / "fonts" / "NotoSansArabic-Bold.woff2"
    assert problems_of(project) == [
        f"{copy / 'pdf' / 'print.css'}: font file 'NotoSansArabic-Bold.woff2' is not installed "
        f"(expected at {expected}). Reinstall onboardkit; its package ships the Noto Sans and "
        "Noto Sans Arabic fonts that the PDFs embed."
    ]


def test_pdf_file_name() -> None:
    assert pdf_file_name("caravan_connector", "18.0", "18.0.1.2.0", "handbook", "ar") == (
        "caravan_connector-18.0-18.0.1.2.0-handbook-ar.pdf"
    )
    assert pdf_file_name("a b", "18.0", "1/2", "x", "pt_BR") == "a_b-18.0-1_2-x-pt_BR.pdf"
