"""``build_pdfs``: validate, plan, print what changed, write atomically, record digests."""

from __future__ import annotations

import logging
import os
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

from onboardkit import __version__
from onboardkit.config import Project
from onboardkit.errors import ProblemList
from onboardkit.fileio import write_bytes_atomic
from onboardkit.pdf.cache import FileDigests, PdfCache, input_digest
from onboardkit.pdf.document import DATE_PLACEHOLDER, PrintDocument
from onboardkit.pdf.names import CACHE_NAME, output_dir
from onboardkit.pdf.numbering import HandbookLayout
from onboardkit.pdf.options import PdfOptions, PdfRenderFailed, PdfReport, PdfResult
from onboardkit.pdf.pdffile import PdfMetadata, PrintedPdf, UnsupportedPdf, amend_pdf
from onboardkit.pdf.plan import plan_documents, select_languages, stylesheet_files
from onboardkit.pdf.printer import Printer, describe

log = logging.getLogger(__name__)


def build_pdfs(project: Project, options: PdfOptions | None = None) -> PdfReport:
    """Build the handbook and the guide PDFs of each language into ``pdf.output_dir``.

    A PDF is printed only when its inputs changed since the last build (or with ``force``).
    Each file is written under a temporary name and renamed when complete, so a failed
    print leaves the previous PDF in place. PDFs of an older module version or of removed
    guides that an earlier build wrote are deleted.

    Raises:
        ValidationFailed: an input is invalid (all problems listed); nothing was printed.
        PdfRenderFailed: Chromium failed on one or more PDFs; the others were written.
    """
    from onboardkit.site.prepare import load_content

    options = options or PdfOptions()
    paper = options.paper or project.config.pdf.paper
    addon, guides, shots, translations, _ = load_content(project)
    problems = ProblemList()
    languages = select_languages(project, options.languages, problems)
    style_files = stylesheet_files(problems)
    plan = plan_documents(project, (addon, guides, shots, translations), languages, paper, problems)
    problems.raise_if_errors()

    folder = output_dir(project)
    cache = PdfCache.load(folder / CACHE_NAME)
    digests = FileDigests()
    report = PdfReport()
    pending: list[tuple[PrintDocument, str]] = []
    for document in plan.documents:
        digest = input_digest(
            document.render(DATE_PLACEHOLDER),
            document.images + style_files,
            {"paper": paper, "tagged": options.tagged},
            digests,
        )
        name = document.target.file_name
        if not options.force and cache.is_fresh(name, digest):
            report.results.append(PdfResult(document.target, folder / name, "unchanged"))
        else:
            pending.append((document, digest))
    if pending:
        browser = options.browser or project.config.capture.browser
        printer = Printer(browser, project.root, tagged=options.tagged)
        _print_all(project, pending, cache, report, printer, _build_date(options))
    position = {document.target.file_name: index for index, document in enumerate(plan.documents)}
    report.results.sort(key=lambda result: position[result.target.file_name])
    report.removed = _remove_outdated(folder, cache, {t.file_name for t in plan.all_targets})
    cache.save()
    log.info("PDF guides: %s", report.summary())
    return report


def _print_all(
    project: Project,
    pending: list[tuple[PrintDocument, str]],
    cache: PdfCache,
    report: PdfReport,
    printer: Printer,
    build_date: date,
) -> None:
    folder = output_dir(project)
    failures: list[str] = []
    # The plan puts each language's handbook before its guides, so that a guide's contents can
    # be numbered from the handbook's layout. A guide whose handbook is unchanged or failed
    # gets a layout pass of its own.
    handbooks: dict[str, HandbookLayout] = {}
    with (
        tempfile.TemporaryDirectory(prefix="onboardkit-pdf-") as work,
        printer,
    ):
        for document, digest in pending:
            name = document.target.file_name
            html_path = Path(work) / f"{name}.html"
            date_text = format_build_date(build_date, document.language.code)
            html_path.write_text(document.render(date_text), encoding="utf-8")
            handbook = handbooks.get(document.language.code)
            try:
                result = printer.print_document(document, html_path, handbook)
                if result.handbook_layout is not None:
                    handbooks[document.language.code] = result.handbook_layout
                printed = result.pdf
                data = _amend(document, printed)
            except PdfRenderFailed as error:
                failures.append(str(error))
                log.error("%s", error)
                continue
            write_bytes_atomic(folder / name, data)
            cache.record(name, digest)
            cache.save()
            pages = printed.pages
            report.results.append(PdfResult(document.target, folder / name, "built", pages))
            log.info("PDF written: %s (%d pages)", _display(folder / name, project.root), pages)
    if failures:
        cache.save()
        raise PdfRenderFailed(
            f"{len(failures)} PDF(s) failed; their previous files were kept:\n"
            + "\n".join(f"  {failure}" for failure in failures)
        )


def _amend(document: PrintDocument, printed: PrintedPdf) -> bytes:
    """Add the outline and metadata; a single guide opens with its sections listed."""
    open_levels = 1 if document.target.is_handbook else 2
    try:
        return amend_pdf(printed, _metadata(document), document.outline_entries(), open_levels)
    except UnsupportedPdf as error:
        raise PdfRenderFailed(f"{describe(document)}: {error}.") from error


def _metadata(document: PrintDocument) -> PdfMetadata:
    return PdfMetadata(
        title=document.title,
        author=document.author,
        subject=document.subject,
        language=document.language.code.replace("_", "-"),
        right_to_left=document.language.rtl,
        creator=f"onboardkit {__version__}",
    )


def _build_date(options: PdfOptions) -> date:
    if options.build_date is not None:
        return options.build_date
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).date()
    return date.today()


def format_build_date(value: date, language: str) -> str:
    """Format the cover's build date in the language (Latin digits in Arabic too)."""
    from babel.core import UnknownLocaleError
    from babel.dates import format_date

    try:
        return format_date(value, format="long", locale=language)
    except (UnknownLocaleError, ValueError):
        return value.isoformat()


def _remove_outdated(folder: Path, cache: PdfCache, current: set[str]) -> list[Path]:
    """Delete PDFs that an earlier build wrote and the project no longer produces."""
    removed = []
    for name in sorted(set(cache.entries) - current):
        path = folder / name
        if path.is_file():
            path.unlink()
            removed.append(path)
            log.info("Removed outdated PDF %s", path.name)
        cache.forget(name)
    return removed


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)
