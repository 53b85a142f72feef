"""Print documents to PDF with one Chromium, in two passes for the page numbers of the contents.

Pass one prints the document with its content hidden (same layout, nothing painted) and reads
from the PDF on which page each heading landed. The numbers go into the contents, whose number
boxes have a fixed width, so the layout cannot move, and pass two prints the real document with
(optionally) its structure tags. The numbers are then checked against the final PDF.

A single guide printed after its language's handbook skips pass one when the handbook's layout
applies to it (see ``onboardkit.pdf.numbering``): its numbers are predicted from the handbook,
and the same check prints it again if a prediction was wrong.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from urllib.parse import unquote, urlparse

from onboardkit.browser import launch_chromium
from onboardkit.pdf.document import PrintDocument
from onboardkit.pdf.numbering import HandbookLayout
from onboardkit.pdf.options import PdfRenderFailed
from onboardkit.pdf.pdffile import PrintedPdf

log = logging.getLogger(__name__)

LOAD_TIMEOUT_MS = 120_000
MAX_NUMBERING_PASSES = 3
# Requests other than local files never leave the browser: the PDFs are built offline.
_REMOTE_URL = re.compile(r"^(?!file:|data:|about:)")

# Returns the font faces that failed to load and the images that failed to decode. Faces the
# page does not use stay unloaded and are not checked, so an English guide needs no Arabic font.
_CHECK_PAGE = """async () => {
  await document.fonts.ready;
  const fonts = Array.from(document.fonts)
    .filter((face) => face.status === 'error')
    .map((face) => `${face.family} ${face.weight} ${face.style}`);
  const images = Array.from(document.images)
    .filter((image) => !image.complete || image.naturalWidth === 0)
    .map((image) => [image.closest('[data-guide]')?.dataset.guide || '', image.src]);
  return {fonts, images};
}"""
# Measures the screen layout with the body as wide as the page area (mm). ``ratio`` is how far
# content reaches to the right relative to that width, which is how much wider Chromium lays
# out the printed document. The cover is left out because it clips its overflow. With
# ``countContents``, also counts the pages of the contents at that wider layout: an item that
# does not fit below the previous ones starts a page, as list items that avoid breaks do.
# NOTE: text that overflows its block without an element of its own (a long unbroken word in
# a paragraph) is not measured, and Chromium caps the ratio. Either can make a prediction
# wrong, which costs a second print because the check after printing corrects it.
_MEASURE_LAYOUT = """({width, height, countContents}) => {
  const body = document.body;
  body.style.width = `${width}mm`;
  const area = body.getBoundingClientRect();
  let right = area.width;
  for (const part of body.children) {
    if (part.classList.contains('ok-cover')) continue;
    for (const element of [part, ...part.getElementsByTagName('*')]) {
      const box = element.getBoundingClientRect();
      if (box.width || box.height) right = Math.max(right, box.right - area.left);
    }
  }
  const ratio = right / area.width;
  let contentsPages = null;
  if (countContents) {
    body.style.width = `${width * ratio}mm`;
    const pageHeight = (height * ratio * 96) / 25.4;
    const contents = document.querySelector('.ok-toc');
    let pageTop = contents.getBoundingClientRect().top;
    contentsPages = 1;
    for (const item of contents.querySelectorAll('li')) {
      const box = item.getBoundingClientRect();
      if (box.bottom - pageTop > pageHeight) {
        contentsPages += 1;
        pageTop = box.top;
      }
    }
  }
  body.style.width = '';
  return {ratio, contentsPages};
}"""
# The layout pass paints nothing: the same boxes, hidden, and no running headers or footers
# (margin boxes take no room from the page area, so the layout stays the same). The hidden
# heading index is taken out too: the contents need only their own links' destinations, and
# a destination for every heading doubles the time of this pass.
_START_LAYOUT_PASS = """(css) => {
  const style = document.createElement('style');
  style.id = 'ok-layout-pass';
  style.textContent = css;
  document.head.appendChild(style);
  const index = document.querySelector('.ok-heading-index');
  window.okHeadingIndex = index;
  index.remove();
}"""
_LAYOUT_PASS_CSS = (
    "body * { visibility: hidden !important; } "
    "@page { @top-center { content: none !important; } "
    "@bottom-center { content: none !important; } }"
)
_FILL_NUMBERS = """(numbers) => {
  const pass = document.getElementById('ok-layout-pass');
  if (pass) {
    pass.remove();
    document.body.appendChild(window.okHeadingIndex);
  }
  for (const box of document.querySelectorAll('.ok-toc-page')) {
    const number = numbers[box.dataset.target];
    box.textContent = number === undefined || number === null ? '' : String(number);
  }
}"""


def describe(document: PrintDocument) -> str:
    """Name a document in messages: which guide (or the handbook) and which language."""
    target = document.target
    subject = "the handbook" if target.is_handbook else f"guide '{target.guide}'"
    return f"PDF of {subject} in '{target.language}' ({target.file_name})"


@dataclass
class PrintCounts:
    """How often a printer printed, by kind, since it was created."""

    layout_passes: int = 0
    prints: int = 0
    predictions: int = 0
    wrong_predictions: int = 0


@dataclass(frozen=True)
class PrintedDocument:
    """A printed PDF, with the pages of its headings when the document is a handbook."""

    pdf: PrintedPdf
    handbook_layout: HandbookLayout | None = None


class Printer:
    """One headless Chromium and one page, reused for every document of a build."""

    def __init__(
        self,
        browser_path: str | None = None,
        project_root: Path | None = None,
        tagged: bool = False,
    ):
        self.browser_path = browser_path
        self.project_root = project_root
        self.tagged = tagged
        self.counts = PrintCounts()
        self._playwright_manager = None
        self._browser = None
        self._page = None

    def __enter__(self) -> Printer:
        try:
            from playwright.sync_api import sync_playwright
        except ImportError as error:  # pragma: no cover - playwright is a dependency
            raise PdfRenderFailed(
                "Playwright is not installed; install onboardkit with its dependencies."
            ) from error
        self._playwright_manager = sync_playwright()
        playwright = self._playwright_manager.__enter__()
        try:
            self._browser = launch_chromium(playwright, self.browser_path)
        except BaseException:
            self._playwright_manager.__exit__(None, None, None)
            raise
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._browser is not None:
            self._browser.close()
        if self._playwright_manager is not None:
            self._playwright_manager.__exit__(kind, error, traceback)

    def print_document(
        self, document: PrintDocument, html_path: Path, handbook: HandbookLayout | None = None
    ) -> PrintedDocument:
        """Print ``document`` from its HTML file, with the contents numbered.

        Args:
            document: the document to print.
            html_path: its HTML, as ``document.render`` wrote it.
            handbook: for a single guide, the layout of the handbook of its language printed
                earlier in the build. The guide's contents are numbered from it, without a
                layout pass, when it applies.

        Raises:
            PdfRenderFailed: the page, a font or an image failed, naming guide and language.
        """
        from playwright.sync_api import Error as PlaywrightError

        label = describe(document)
        page = self._ready_page()
        try:
            page.goto(html_path.as_uri(), wait_until="load", timeout=LOAD_TIMEOUT_MS)
            self._check_page(page.evaluate(_CHECK_PAGE), label)
            width_ratio = 1.0
            numbers: Mapping[str, int | None] | None = None
            if document.target.is_handbook or handbook is not None:
                width_ratio, numbers = self._measure(page, document, handbook)
            predicted = numbers is not None
            if numbers is None:
                numbers = self._layout_pass(page, document, label)
            else:
                self.counts.predictions += 1
                log.debug("%s: contents numbered from the handbook's layout", label)
            printed = self._print_numbered(page, label, numbers, predicted)
        except PlaywrightError as error:
            self._discard_page()
            first_line = str(error).strip().splitlines()[0] if str(error).strip() else "error"
            raise PdfRenderFailed(f"{label}: Chromium failed to print it: {first_line}") from error
        if not document.target.is_handbook:
            return PrintedDocument(printed)
        return PrintedDocument(printed, HandbookLayout.of(document, printed, width_ratio))

    def _ready_page(self):  # noqa: ANN202 - Playwright's Page, imported lazily
        if self._page is None or self._page.is_closed():
            assert self._browser is not None, "use Printer as a context manager"
            self._page = self._browser.new_page()
            self._page.route(_REMOTE_URL, lambda route: route.abort())
        return self._page

    def _discard_page(self) -> None:
        if self._page is not None and not self._page.is_closed():
            self._page.close()
        self._page = None

    def _measure(
        self,
        page,  # noqa: ANN001 - Playwright's Page, imported lazily
        document: PrintDocument,
        handbook: HandbookLayout | None,
    ) -> tuple[float, dict[str, int] | None]:
        """Return the width ratio, and the contents numbers predicted from ``handbook``."""
        width, height = document.content_box_mm()
        arguments = {"width": width, "height": height, "countContents": handbook is not None}
        measured = page.evaluate(_MEASURE_LAYOUT, arguments)
        width_ratio = float(measured["ratio"])
        prediction = handbook.predict(document, width_ratio) if handbook is not None else None
        if prediction is None:
            return width_ratio, None
        return width_ratio, prediction.numbers(int(measured["contentsPages"]))

    def _layout_pass(
        self,
        page,  # noqa: ANN001 - Playwright's Page, imported lazily
        document: PrintDocument,
        label: str,
    ) -> dict[str, int | None]:
        """Print the document with its content hidden and return the page of each entry."""
        targets = [entry.id for entry in document.toc_entries()]
        if not targets:
            return {}
        page.evaluate(_START_LAYOUT_PASS, _LAYOUT_PASS_CSS)
        layout = PrintedPdf(page.pdf(prefer_css_page_size=True))
        self.counts.layout_passes += 1
        numbers = {target: layout.page_of(target) for target in targets}
        self._require_pages(numbers, label)
        log.debug("%s: contents numbered from a layout pass", label)
        return numbers

    def _print_numbered(
        self,
        page,  # noqa: ANN001 - Playwright's Page, imported lazily
        label: str,
        numbers: Mapping[str, int | None],
        predicted: bool,
    ) -> PrintedPdf:
        """Print with ``numbers`` in the contents until the PDF has them where they point."""
        # A wrong prediction uses up one print, so a predicted document gets one more.
        attempts = MAX_NUMBERING_PASSES + 1 if predicted else MAX_NUMBERING_PASSES
        for attempt in range(attempts):
            page.evaluate(_FILL_NUMBERS, numbers)
            printed = PrintedPdf(
                page.pdf(prefer_css_page_size=True, print_background=True, tagged=self.tagged)
            )
            self.counts.prints += 1
            found = {target: printed.page_of(target) for target in numbers}
            self._require_pages(found, label)
            moved = [target for target in numbers if found[target] != numbers[target]]
            if not moved:
                return printed
            if predicted and attempt == 0:
                self.counts.wrong_predictions += 1
                log.debug(
                    "%s: %d of %d predicted contents numbers were wrong; numbering again",
                    label,
                    len(moved),
                    len(numbers),
                )
            else:
                log.debug("%s: %d contents entries moved; numbering again", label, len(moved))
            numbers = found
        raise PdfRenderFailed(
            f"{label}: the page numbers of the contents did not settle after {attempts} passes."
        )

    def _require_pages(self, numbers: Mapping[str, int | None], label: str) -> None:
        lost = [target for target, number in numbers.items() if number is None]
        if lost:
            raise PdfRenderFailed(
                f"{label}: headings {', '.join(lost[:5])} are missing from the printed layout."
            )

    def _check_page(self, found: dict[str, list], label: str) -> None:
        if found["fonts"]:
            raise PdfRenderFailed(
                f"{label}: fonts could not be loaded: {', '.join(sorted(set(found['fonts'])))}. "
                "Check that the font files of the stylesheet exist; reinstall onboardkit if "
                "its own fonts are missing."
            )
        if found["images"]:
            lines = [f"guide '{guide}': {self._display(src)}" for guide, src in found["images"]]
            raise PdfRenderFailed(
                f"{label}: images could not be loaded (missing or not a valid image): "
                + "; ".join(lines)
                + ". Capture them again with `onboardkit capture`, or fix the file."
            )

    def _display(self, source: str) -> str:
        parsed = urlparse(source)
        if parsed.scheme != "file":
            return source
        path = Path(unquote(parsed.path))
        if self.project_root is not None and path.is_relative_to(self.project_root):
            return path.relative_to(self.project_root).as_posix()
        return str(path)
