"""Contents numbers of single-guide PDFs predicted from the handbook, and checked after printing.

The printer logs at DEBUG where each document's numbers came from, and counts its prints. The
tests read those to see whether the layout pass ran, and read the PDFs to see the numbers.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from pdf_helpers import (
    contents_link_pages,
    heading_pages,
    page_of_heading,
    printed_contents_numbers,
)
from pypdf import PdfReader

from helpers import replace_in
from onboardkit.config import Project, load_project
from onboardkit.errors import ProblemList
from onboardkit.pdf import PdfOptions, build_pdfs
from onboardkit.pdf.document import PrintDocument
from onboardkit.pdf.plan import plan_documents
from onboardkit.pdf.printer import Printer

pytestmark = pytest.mark.browser

PREFIX = "mini_connector-18.0-18.0.1.0.0"
FROM_HANDBOOK = "contents numbered from the handbook's layout"
FROM_LAYOUT_PASS = "contents numbered from a layout pass"
WRONG = "predicted contents numbers were wrong"

LONG_GUIDE = """kind: workflow
title: Ship many parcels
summary: A guide with enough steps for two pages of contents.
audience: Warehouse staff
time_minutes: 30
steps:
{steps}
"""
LONG_STEP = """  - id: step-{i}
    title: Step {i} of the long guide
    text: Check the parcel of step {i} and write down its tracking number.
"""


def numbering_records(caplog: pytest.LogCaptureFixture) -> dict[str, list[str]]:
    """Return the printer's numbering messages per PDF file name."""
    records: dict[str, list[str]] = {}
    for record in caplog.records:
        if record.name != "onboardkit.pdf.printer":
            continue
        message = record.getMessage()
        name = message[message.index("(") + 1 : message.index(")")]
        records.setdefault(name, []).append(message[message.index("): ") + 3 :])
    return records


def plan_for(project: Project) -> list[PrintDocument]:
    from onboardkit.site.prepare import load_content

    addon, guides, shots, translations, _ = load_content(project)
    problems = ProblemList()
    languages = [language for language in project.config.languages if language.code == "en"]
    plan = plan_documents(project, (addon, guides, shots, translations), languages, "A4", problems)
    problems.raise_if_errors()
    return plan.documents


def html_file(document: PrintDocument, folder: Path) -> Path:
    path = folder / f"{document.target.file_name}.html"
    path.write_text(document.render("13 March 2025"), encoding="utf-8")
    return path


def test_guides_numbered_from_handbook(project: Project, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="onboardkit.pdf.printer")
    report = build_pdfs(project)
    assert len(report.built) == 8

    records = numbering_records(caplog)
    for language in ("en", "ar"):
        assert records[f"{PREFIX}-handbook-{language}.pdf"] == [FROM_LAYOUT_PASS]
    for guide in ("install", "configure", "problems"):
        for language in ("en", "ar"):
            name = f"{PREFIX}-{guide}-{language}.pdf"
            assert records[name] == [FROM_HANDBOOK], name
    assert not any(WRONG in message for messages in records.values() for message in messages)

    for result in report.built:
        pages = len(PdfReader(result.path).pages)
        numbers = printed_contents_numbers(result.path)
        assert numbers, result.path.name
        assert numbers == contents_link_pages(result.path), result.path.name
        assert all(3 <= number <= pages for number in numbers), result.path.name


def test_two_page_contents_predicted(project: Project, caplog: pytest.LogCaptureFixture) -> None:
    steps = "".join(LONG_STEP.format(i=i) for i in range(70))
    steps = steps.replace("  - id: step-1\n", "  - id: step-1\n    screenshot: shipments-list\n", 1)
    guide = project.root / "onboarding" / "long.yml"
    guide.write_text(LONG_GUIDE.format(steps=steps), encoding="utf-8")
    caplog.set_level(logging.DEBUG, logger="onboardkit.pdf.printer")

    build_pdfs(load_project(project.root), PdfOptions(languages=("en",)))

    assert numbering_records(caplog)[f"{PREFIX}-long-en.pdf"] == [FROM_HANDBOOK]
    path = project.root / "dist" / "pdf" / f"{PREFIX}-long-en.pdf"
    numbers = printed_contents_numbers(path, range(2, 4))
    assert numbers == contents_link_pages(path, range(2, 4))
    headings = ["Steps"] + [f"{i + 1}. Step {i} of the long guide" for i in range(70)]
    assert numbers == heading_pages(path, headings, first_page=4)
    assert numbers[0] == 4  # after the cover and two pages of contents
    assert numbers[-1] > numbers[0]


def test_wrong_prediction_corrected(project: Project, tmp_path: Path) -> None:
    documents = plan_for(project)
    handbook = documents[0]
    assert handbook.target.is_handbook
    with Printer(project_root=project.root) as printer:
        layout = printer.print_document(handbook, html_file(handbook, tmp_path)).handbook_layout
        assert layout is not None
        # More prerequisites move the guide's steps down, so the handbook's layout is wrong.
        requirements = "".join(f"  - Requirement {i} of a longer list.\n" for i in range(60))
        replace_in(
            project.root / "onboarding" / "install.yml",
            "prerequisites:\n",
            "prerequisites:\n" + requirements,
        )
        install = next(
            doc for doc in plan_for(load_project(project.root)) if doc.target.guide == "install"
        )
        printed = printer.print_document(install, html_file(install, tmp_path), layout)

    assert printer.counts.layout_passes == 1  # the handbook's
    assert printer.counts.predictions == 1
    assert printer.counts.wrong_predictions == 1
    assert printer.counts.prints == 3
    path = tmp_path / "install.pdf"
    path.write_bytes(printed.pdf.data)
    numbers = printed_contents_numbers(path)
    assert numbers == contents_link_pages(path)
    predicted_steps = 3 + layout.pages["install--steps"] - layout.pages["g-install"]
    assert numbers[1] == page_of_heading(path, "Steps")
    assert numbers[1] != predicted_steps
    assert numbers[3] == page_of_heading(path, "2. Install it from the Apps menu")
