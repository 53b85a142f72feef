"""Incremental rebuilds, failures that keep the previous PDF, paper size and the CLI."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from pdf_helpers import pdf_text
from pypdf import PdfReader

from helpers import replace_in
from onboardkit.cli import main
from onboardkit.config import Project, load_project
from onboardkit.pdf import PdfOptions, PdfRenderFailed, build_pdfs

pytestmark = pytest.mark.browser

PREFIX = "mini_connector-18.0-18.0.1.0.0"
ENGLISH = PdfOptions(languages=("en",))


def built_names(report) -> list[str]:  # noqa: ANN001 - PdfReport
    return sorted(result.target.guide for result in report.built)


def output(project: Project, guide: str, language: str = "en") -> Path:
    return project.root / "dist" / "pdf" / f"{PREFIX}-{guide}-{language}.pdf"


def test_rebuild_prints_only_changed_pdfs(project: Project) -> None:
    first = build_pdfs(project, ENGLISH)
    assert built_names(first) == ["configure", "handbook", "install", "problems"]
    stamps = {path: path.stat().st_mtime_ns for path in output(project, "x").parent.glob("*.pdf")}

    again = build_pdfs(project, ENGLISH)
    assert again.built == []
    assert len(again.unchanged) == 4
    assert {path: path.stat().st_mtime_ns for path in stamps} == stamps

    image = project.root / "screenshots" / "en" / "shipments-list.png"
    shutil.copyfile(project.root / "screenshots" / "ar" / "shipments-list.png", image)
    assert built_names(build_pdfs(project, ENGLISH)) == ["handbook", "install"]

    replace_in(
        project.root / "onboarding" / "configure.yml",
        "summary: Enter your API key and choose the environment.",
        "summary: Enter your API key.",
    )
    assert built_names(build_pdfs(load_project(project.root), ENGLISH)) == [
        "configure",
        "handbook",
    ]


def test_force_and_paper_rebuild_everything(project: Project) -> None:
    build_pdfs(project, ENGLISH)
    forced = build_pdfs(project, PdfOptions(languages=("en",), force=True))
    assert len(forced.built) == 4
    letter = build_pdfs(project, PdfOptions(languages=("en",), paper="Letter"))
    assert len(letter.built) == 4
    box = PdfReader(output(project, "handbook")).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_a4_by_default(project: Project) -> None:
    build_pdfs(project, PdfOptions(languages=("ar",)))
    box = PdfReader(output(project, "install", "ar")).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_broken_image_keeps_previous_pdf(project: Project) -> None:
    build_pdfs(project, ENGLISH)
    before = {guide: output(project, guide).read_bytes() for guide in ("handbook", "install")}
    image = project.root / "screenshots" / "en" / "shipments-list.png"
    image.write_bytes(b"this is not a PNG file")

    with pytest.raises(PdfRenderFailed) as failure:
        build_pdfs(project, ENGLISH)

    message = str(failure.value)
    assert message.startswith("2 PDF(s) failed; their previous files were kept:\n")
    assert (
        f"  PDF of guide 'install' in 'en' ({PREFIX}-install-en.pdf): images could not be "
        "loaded (missing or not a valid image): guide 'install': "
        "screenshots/en/shipments-list.png. Capture them again with `onboardkit capture`, "
        "or fix the file." in message
    )
    assert f"PDF of the handbook in 'en' ({PREFIX}-handbook-en.pdf)" in message
    for guide, data in before.items():
        assert output(project, guide).read_bytes() == data
    leftovers = [path.name for path in output(project, "x").parent.iterdir()]
    assert sorted(name for name in leftovers if name.startswith(".")) == [".onboardkit-pdf.json"]

    shutil.copyfile(project.root / "screenshots" / "ar" / "shipments-list.png", image)
    assert built_names(build_pdfs(project, ENGLISH)) == ["handbook", "install"]


def test_unloadable_font_is_reported(project: Project, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    from onboardkit.pdf import document, plan

    copy = tmp_path / "package"
    shutil.copytree(
        document.STYLESHEET.parent.parent / "assets" / "fonts", copy / "assets" / "fonts"
    )
    (copy / "pdf").mkdir()
    shutil.copyfile(document.STYLESHEET, copy / "pdf" / "print.css")
    (copy / "assets" / "fonts" / "NotoSans-Bold.woff2").write_bytes(b"not a font")
    monkeypatch.setattr(document, "STYLESHEET", copy / "pdf" / "print.css")
    monkeypatch.setattr(plan, "STYLESHEET", copy / "pdf" / "print.css")

    with pytest.raises(PdfRenderFailed) as failure:
        build_pdfs(project, PdfOptions(languages=("en",)))

    assert (
        f"PDF of the handbook in 'en' ({PREFIX}-handbook-en.pdf): fonts could not be loaded: "
        "Onboardkit Sans 700 normal." in str(failure.value)
    )
    assert not output(project, "handbook").exists()


def test_outdated_pdfs_removed(project: Project) -> None:
    build_pdfs(project, ENGLISH)
    (project.root / "onboarding" / "problems.yml").unlink()
    report = build_pdfs(load_project(project.root), ENGLISH)
    assert [path.name for path in report.removed] == [f"{PREFIX}-problems-en.pdf"]
    assert not output(project, "problems").exists()
    assert "Solve common problems" not in pdf_text(output(project, "handbook"))


def test_cli_builds_and_lists_paths(project: Project) -> None:
    runner = CliRunner()
    result = runner.invoke(
        main, ["-C", str(project.root), "pdf", "--language", "ar", "--paper", "Letter"]
    )
    assert result.exit_code == 0, result.output
    paths = result.stdout.splitlines()
    assert paths == [
        str(output(project, guide, "ar"))
        for guide in ("handbook", "install", "configure", "problems")
    ]
    assert "/StructTreeRoot" not in PdfReader(output(project, "install", "ar")).trailer["/Root"]

    again = runner.invoke(main, ["-C", str(project.root), "pdf", "--language", "ar", "--tagged"])
    assert again.exit_code == 0, again.output
    reader = PdfReader(output(project, "install", "ar"))
    assert round(float(reader.pages[0].mediabox.width)) == 595
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    assert reader.trailer["/Root"]["/MarkInfo"]["/Marked"]
