"""Print documents to PDF with one Chromium, in two passes for the page numbers of the contents.

Pass one prints the document with its content hidden (same layout, nothing painted) and reads
from the PDF on which page each heading landed. The numbers go into the contents, whose number
boxes have a fixed width, so the layout cannot move, and pass two prints the real document with
(optionally) its structure tags. The numbers are then checked against the final PDF.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from types import TracebackType
from urllib.parse import unquote, urlparse

from onboardkit.browser import launch_chromium
from onboardkit.pdf.document import PrintDocument
from onboardkit.pdf.options import PdfRenderFailed
from onboardkit.pdf.pdffile import PrintedPdf

log = logging.getLogger(__name__)

LOAD_TIMEOUT_MS = 120_000
MAX_NUMBERING_PASSES = 3
# Requests other than local files never leave the browser: the PDFs are built offline.
_REMOTE_URL = re.compile(r"^(?!file:|data:|about:)")

# Checks the loaded page, then (when nothing failed) starts the layout pass. Returns the font
# faces that failed to load and the images that failed to decode. Faces the page does not use
# stay unloaded and are not checked: an English guide needs no Arabic font.
#
# The layout pass paints nothing: the same boxes, hidden, and no running headers or footers
# (margin boxes take no room from the page area, so the layout stays the same). The hidden
# heading index is taken out too: the contents need only their own links' destinations, and
# a destination for every heading doubles the time of this pass.
_CHECK_AND_START_LAYOUT_PASS = """async (css) => {
  await document.fonts.ready;
  const fonts = Array.from(document.fonts)
    .filter((face) => face.status === 'error')
    .map((face) => `${face.family} ${face.weight} ${face.style}`);
  const images = Array.from(document.images)
    .filter((image) => !image.complete || image.naturalWidth === 0)
    .map((image) => [image.closest('[data-guide]')?.dataset.guide || '', image.src]);
  if (fonts.length || images.length) return {fonts, images};
  const style = document.createElement('style');
  style.id = 'ok-layout-pass';
  style.textContent = css;
  document.head.appendChild(style);
  const index = document.querySelector('.ok-heading-index');
  window.okHeadingIndex = index;
  index.remove();
  return {fonts, images};
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

    def print_document(self, document: PrintDocument, html_path: Path) -> PrintedPdf:
        """Print ``document`` from its HTML file, with the contents numbered.

        Raises:
            PdfRenderFailed: the page, a font or an image failed, naming guide and language.
        """
        from playwright.sync_api import Error as PlaywrightError

        label = describe(document)
        page = self._ready_page()
        try:
            page.goto(html_path.as_uri(), wait_until="load", timeout=LOAD_TIMEOUT_MS)
            self._check_page(page.evaluate(_CHECK_AND_START_LAYOUT_PASS, _LAYOUT_PASS_CSS), label)
            return self._print_numbered(page, document, label)
        except PlaywrightError as error:
            self._discard_page()
            first_line = str(error).strip().splitlines()[0] if str(error).strip() else "error"
            raise PdfRenderFailed(f"{label}: Chromium failed to print it: {first_line}") from error

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

    def _print_numbered(self, page, document: PrintDocument, label: str) -> PrintedPdf:  # noqa: ANN001
        targets = [entry.id for entry in document.toc_entries()]
        layout = PrintedPdf(page.pdf(prefer_css_page_size=True))
        numbers = {target: layout.page_of(target) for target in targets}
        lost = [target for target, number in numbers.items() if number is None]
        if lost:
            raise PdfRenderFailed(
                f"{label}: headings {', '.join(lost[:5])} are missing from the printed layout."
            )
        for _attempt in range(MAX_NUMBERING_PASSES):
            page.evaluate(_FILL_NUMBERS, numbers)
            printed = PrintedPdf(
                page.pdf(prefer_css_page_size=True, print_background=True, tagged=self.tagged)
            )
            moved = [target for target in targets if printed.page_of(target) != numbers[target]]
            if not moved:
                return printed
            log.debug("%s: %d contents entries moved; numbering again", label, len(moved))
            numbers = {target: printed.page_of(target) for target in targets}
        raise PdfRenderFailed(
            f"{label}: the page numbers of the contents did not settle after "
            f"{MAX_NUMBERING_PASSES} passes."
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
