"""Measure onboardkit's PDF printing against a bare Chromium print of the same pages.

In one run, with one Chromium:

1. example   every PDF of the bundled example project (both languages), when the example
             exists: ``build_pdfs`` end to end, then onboardkit's printing of the same
             documents, then a bare print of each (one ``page.pdf()``, no contents pass,
             no outline or metadata): the baseline;
2. generated the handbook of a generated project of N guides (default 200, one screenshot
             each), per language, and 20 of its single-guide PDFs: onboardkit's printing
             against the bare print;
3. weasyprint optionally, mkdocs-to-pdf (WeasyPrint) on the same Markdown, run with the
             Python of a separate virtual environment where it is installed.

"onboardkit's printing" is everything between the HTML file and the finished PDF: load, font
and image checks, the layout pass, the numbered pass, the page-number check, and the outline
and metadata update. The handbooks are measured again with ``--tagged`` (structure tree).
As in ``onboardkit pdf``, a single guide printed after the handbook of its language is
numbered from the handbook's layout when it applies, without a layout pass of its own. The
single-guide PDFs of the generated project use the handbooks printed just before them. Each
row ends with the printer's counts: layout passes, prints, predictions (and wrong ones).
Times are medians of --repeat runs; the ratio is the median of the ratios of paired runs
(bare and onboardkit one after the other, alternating which goes first).

Usage: python benchmarks/pdf/bench_pdf.py [--guides 200] [--repeat 3]
           [--weasyprint-python /path/to/venv/bin/python]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
FIXTURE = REPOSITORY / "tests" / "fixtures" / "mini"
EXAMPLE_PARTS = (
    "onboardkit.yml",
    "mkdocs.yml",
    "docs",
    "onboarding",
    "screenshots",
    "translations",
    "addons",
    "overrides",
    "listing.yml",
)

GUIDE = """kind: workflow
title: Workflow number {n}
summary: Book, label and track parcels for case {n} of the benchmark.
audience: Warehouse staff
time_minutes: 10
order: {n}
steps:
{steps}
related:
  - install
"""
STEP = """  - id: step-{i}
    title: Step {i} of workflow {n}
    text: |
      Open [[menu:mini_connector.menu_mini_shipments]] and check [[field:mini.shipment/api_key]].
      This paragraph explains what happens in step {i} so the page has realistic length,
      with a second sentence about the carrier, labels and tracking numbers.
    result: The shipment shows the state you expect after step {i}.
"""
SHOT = """  - id: workflow-{n:03d}
    target: {{url: /odoo/shipments}}
    alt: {{en: Workflow {n}, ar: سير العمل {n}}}
"""


def make_generated(destination: Path, guides: int) -> Path:
    """Copy the test fixture and add ``guides`` workflow guides with one screenshot each."""
    root = destination / "generated"
    shutil.copytree(FIXTURE, root)
    shots = ["shots:\n"]
    for n in range(guides):
        steps = "".join(STEP.format(i=i, n=n) for i in range(4))
        steps = steps.replace(
            "  - id: step-1\n", f"  - id: step-1\n    screenshot: workflow-{n:03d}\n", 1
        )
        (root / "onboarding" / f"workflow-{n:03d}.yml").write_text(GUIDE.format(n=n, steps=steps))
        shots.append(SHOT.format(n=n))
    (root / "screenshots").mkdir()
    (root / "screenshots" / "shots.yml").write_text("".join(shots), encoding="utf-8")
    for language in ("en", "ar"):
        folder = root / "screenshots" / language
        folder.mkdir()
        for n in range(guides):
            screenshot_like(n, language).save(folder / f"workflow-{n:03d}.png")
    return root


def screenshot_like(seed: int, language: str):  # noqa: ANN201 - PIL image
    """Draw a 1280x800 image with the flat areas, lines and text of an Odoo list view."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (1280, 800), (248, 249, 250))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 1280, 46), fill=(113, 75, 103))
    for row in range(14):
        top = 90 + row * 48
        shade = 255 - (seed * 7 + row * 13) % 40
        draw.rectangle((40, top, 1240, top + 40), fill=(shade, shade, 255), outline=(200, 200, 210))
        draw.text(
            (60, top + 12),
            f"{language} record {seed}-{row}: carrier, label, tracking",
            fill=(30, 30, 30),
        )
    return image


def copy_example(destination: Path) -> Path | None:
    if not (REPOSITORY / "onboarding").is_dir():
        return None
    root = destination / "example"
    root.mkdir()
    for name in EXAMPLE_PARTS:
        source = REPOSITORY / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            shutil.copy(source, root / name)
    return root


class Bench:
    """One Chromium for every measurement."""

    def __init__(self, printer, work: Path) -> None:  # noqa: ANN001 - onboardkit Printer
        self.printer = printer
        self.work = work
        # The layout of the handbook printed last in each language, as build_pdfs keeps it.
        self.handbooks: dict[str, object] = {}

    def html_file(self, document) -> Path:  # noqa: ANN001 - PrintDocument
        path = self.work / f"{document.target.file_name}.html"
        path.write_text(document.render("13 March 2025"), encoding="utf-8")
        return path

    def onboardkit(self, document, html: Path) -> tuple[float, int]:  # noqa: ANN001
        from onboardkit.pdf.build import _amend

        start = time.perf_counter()
        handbook = self.handbooks.get(document.language.code)
        result = self.printer.print_document(document, html, handbook)
        _amend(document, result.pdf)
        seconds = time.perf_counter() - start
        if result.handbook_layout is not None:
            self.handbooks[document.language.code] = result.handbook_layout
        return seconds, result.pdf.pages

    def bare(self, html: Path) -> float:
        # The printer's own page, so both runs share the browser and its caches.
        page = self.printer._ready_page()
        start = time.perf_counter()
        page.goto(html.as_uri(), wait_until="load")
        page.pdf(prefer_css_page_size=True, print_background=True)
        return time.perf_counter() - start


def plan_for(root: Path):  # noqa: ANN201 - PdfPlan
    from onboardkit.config import load_project
    from onboardkit.errors import ProblemList
    from onboardkit.pdf.plan import plan_documents
    from onboardkit.site.prepare import load_content

    project = load_project(root)
    addon, guides, shots, translations, _ = load_content(project)
    problems = ProblemList()
    plan = plan_documents(
        project,
        (addon, guides, shots, translations),
        list(project.config.languages),
        project.config.pdf.paper,
        problems,
    )
    problems.raise_if_errors()
    return project, plan


def measure_documents(bench: Bench, documents: list, repeat: int) -> dict[str, object]:
    files = [(document, bench.html_file(document)) for document in documents]
    for document, html in files[:1]:  # warm-up: fonts, first layout
        bench.onboardkit(document, html)
        bench.bare(html)
    ours: list[float] = []
    bare: list[float] = []
    pages = 0
    counts_before = dataclasses.replace(bench.printer.counts)
    for run in range(repeat):
        # Alternate which goes first, and pair the runs: other load on the machine then
        # weighs on both sides of a ratio alike.
        order = ("bare", "onboardkit") if run % 2 == 0 else ("onboardkit", "bare")
        for side in order:
            if side == "bare":
                bare.append(sum(bench.bare(html) for _, html in files))
                continue
            total = 0.0
            pages = 0
            for document, html in files:
                seconds, count = bench.onboardkit(document, html)
                total += seconds
                pages += count
            ours.append(total)
    counts = {
        name: value - getattr(counts_before, name)
        for name, value in dataclasses.asdict(bench.printer.counts).items()
    }
    return {
        "documents": len(files),
        "pages": pages,
        "bare": bare,
        "onboardkit": ours,
        "counts": counts,
    }


def report(name: str, result: dict[str, object]) -> None:
    bare_runs: list[float] = result["bare"]  # type: ignore[assignment]
    our_runs: list[float] = result["onboardkit"]  # type: ignore[assignment]
    ratios = [ours / bare for ours, bare in zip(our_runs, bare_runs, strict=True)]
    print(
        f"{name}: {result['documents']} PDF(s), {result['pages']} pages"
        f" | bare {statistics.median(bare_runs):.2f} s"
        f" | onboardkit {statistics.median(our_runs):.2f} s"
        f" | ratio (median of paired runs) {statistics.median(ratios):.2f}"
        f" | ratios {[round(value, 2) for value in ratios]}"
        f" | {result['counts']}"
    )


def example_end_to_end(root: Path) -> None:
    from onboardkit.config import load_project
    from onboardkit.pdf import PdfOptions, build_pdfs

    start = time.perf_counter()
    result = build_pdfs(load_project(root), PdfOptions(force=True))
    seconds = time.perf_counter() - start
    pages = sum(item.pages or 0 for item in result.built)
    print(
        f"example build_pdfs end to end (Chromium start, validation, rendering, printing): "
        f"{len(result.built)} PDF(s), {pages} pages in {seconds:.2f} s"
    )
    start = time.perf_counter()
    again = build_pdfs(load_project(root))
    print(
        f"example build_pdfs with nothing changed: {len(again.unchanged)} unchanged in "
        f"{time.perf_counter() - start:.2f} s"
    )


def plain_mkdocs_project(root: Path, language: str, destination: Path) -> Path:
    """Write the generated Markdown of one language as a plain MkDocs project."""
    from onboardkit.config import load_project
    from onboardkit.site.prepare import prepare_site

    prepared = prepare_site(load_project(root))
    plain = destination / f"plain-{language}"
    docs = plain / "docs"
    (docs / "onboarding").mkdir(parents=True)
    suffix = "" if language == "en" else f".{language}"
    nav = []
    for item in prepared.guides.guides:
        source = root / "docs" / "onboarding" / f"{item.slug}{suffix}.md"
        text = source.read_text(encoding="utf-8")
        (docs / "onboarding" / f"{item.slug}.md").write_text(text, encoding="utf-8")
        nav.append(f"  - onboarding/{item.slug}.md")
    shutil.copytree(root / "screenshots", docs / "screenshots")
    (docs / "index.md").write_text("# Guides\n", encoding="utf-8")
    config = [
        "site_name: Benchmark",
        "theme:",
        "  name: material",
        "  font: false",
        f"  language: {language}",
        "markdown_extensions: [admonition, attr_list, md_in_html, tables, toc,",
        "  pymdownx.superfences, pymdownx.tabbed]",
        "nav:",
        "  - index.md",
        *nav,
    ]
    (plain / "mkdocs.yml").write_text("\n".join(config) + "\n", encoding="utf-8")
    return plain


def weasyprint_run(python: str, plain: Path) -> None:
    mkdocs = [python, "-m", "mkdocs", "build", "-q"]
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    subprocess.run(
        [*mkdocs, "-d", str(plain / "site-plain")],
        cwd=plain,
        env=environment,
        check=True,
        capture_output=True,
    )
    plain_seconds = time.perf_counter() - start
    config = plain / "mkdocs.yml"
    config.write_text(
        config.read_text() + "plugins:\n  - search\n  - to-pdf:\n      output_path: handbook.pdf\n"
    )
    start = time.perf_counter()
    run = subprocess.run(
        [*mkdocs, "-d", str(plain / "site-pdf")],
        cwd=plain,
        env=environment,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    pdf = plain / "site-pdf" / "handbook.pdf"
    if run.returncode != 0 or not pdf.is_file():
        print(f"  mkdocs-to-pdf failed ({run.returncode}): {run.stderr.strip()[-400:]}")
        return
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    count = next((line.split()[-1] for line in pages.splitlines() if line.startswith("Pages")), "?")
    print(
        f"  {plain.name}: mkdocs build {plain_seconds:.2f} s; with mkdocs-to-pdf "
        f"{seconds:.2f} s ({seconds - plain_seconds:.2f} s for the PDF, {count} pages)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--guides", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--weasyprint-python", help="Python of a venv with mkdocs-to-pdf.")
    arguments = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from onboardkit.pdf.printer import Printer

    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {platform.platform()}"
    )
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        example = copy_example(work)
        if example is not None:
            example_end_to_end(example)
        start = time.perf_counter()
        generated = make_generated(work, arguments.guides)
        print(
            f"generated project: {arguments.guides} guides + 3, images made in "
            f"{time.perf_counter() - start:.1f} s"
        )
        with Printer(project_root=work) as printer:
            bench = Bench(printer, work)
            if example is not None:
                _, plan = plan_for(example)
                report(
                    "example, every PDF", measure_documents(bench, plan.documents, arguments.repeat)
                )
            else:
                print("example: skipped (no onboarding/ folder at the repository root)")
            _, plan = plan_for(generated)
            for document in plan.documents:
                if document.target.is_handbook:
                    result = measure_documents(bench, [document], arguments.repeat)
                    report(f"generated handbook ({document.target.language})", result)
            # The same handbooks with --tagged: Chromium also writes the structure tree.
            printer.tagged = True
            for document in plan.documents:
                if document.target.is_handbook:
                    result = measure_documents(bench, [document], arguments.repeat)
                    report(f"generated handbook, tagged ({document.target.language})", result)
            printer.tagged = False
            # Single-guide PDFs: a few pages each, where fixed costs per document count most.
            singles = [doc for doc in plan.documents if not doc.target.is_handbook][:20]
            report(
                f"generated guide PDFs ({len(singles)})",
                measure_documents(bench, singles, arguments.repeat),
            )
        if arguments.weasyprint_python:
            print("mkdocs-to-pdf (WeasyPrint) on the same Markdown:")
            for language in ("en", "ar"):
                weasyprint_run(
                    arguments.weasyprint_python, plain_mkdocs_project(generated, language, work)
                )


if __name__ == "__main__":
    sys.exit(main())
