"""The HTML of a print document: cover, table of contents, guides and the page rules.

Running headers and "page N of M" footers are CSS page-margin boxes (supported by Chromium
since version 131), so that each guide of the handbook gets its own header through a named
page, and the cover gets none. Chromium's header and footer templates print the same text on
every page of a document, which cannot do either.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from onboardkit.config import LanguageEntry
from onboardkit.pdf.markup import GuideSection
from onboardkit.pdf.names import PdfTarget
from onboardkit.pdf.pdffile import OutlineEntry
from onboardkit.pdf.strings import pdf_text

STYLESHEET = Path(__file__).resolve().parent / "print.css"
DATE_PLACEHOLDER = "\ue000build-date\ue000"
CONTENTS_ID = "ok-contents"

# Page height (mm) per paper size: the cover fills one page, and an image may use most of one.
PAPER_HEIGHT_MM = {"A4": 297.0, "Letter": 279.4}
PAPER_WIDTH_MM = {"A4": 210.0, "Letter": 215.9}
# Page margins (mm) of every page but the cover: top, left and right, bottom.
MARGIN_TOP_MM = 20.0
MARGIN_SIDE_MM = 18.0
MARGIN_BOTTOM_MM = 18.0
PAGE_MARGIN = f"{MARGIN_TOP_MM:g}mm {MARGIN_SIDE_MM:g}mm {MARGIN_BOTTOM_MM:g}mm"
MARGIN_BOX_STYLE = 'font-family: "Onboardkit Sans", sans-serif; font-size: 8.5pt; color: #5f6670;'


@dataclass(frozen=True)
class CoverFacts:
    """Facts shown on the cover page."""

    product: str
    title: str
    summary: str | None
    vendor: str
    logo_uri: str | None
    module_version: str
    series: str
    language_name: str


@dataclass(frozen=True)
class TocEntry:
    """A line of the table of contents: level 1 or 2, target id and text."""

    level: int
    id: str
    text: str
    group: str | None = None


@dataclass
class PrintDocument:
    """One PDF to print: its target file, language, cover, guides and metadata."""

    target: PdfTarget
    language: LanguageEntry
    paper: str
    title: str
    subject: str
    author: str
    cover: CoverFacts
    sections: list[GuideSection]
    section_groups: dict[str, str] = field(default_factory=dict)
    images: list[Path] = field(default_factory=list)

    def toc_entries(self) -> list[TocEntry]:
        """Return the contents: guides and their sections (handbook) or sections and steps."""
        top, sub = (1, 2) if self.target.is_handbook else (2, 3)
        entries: list[TocEntry] = []
        group = None
        for section in self.sections:
            section_group = self.section_groups.get(section.slug)
            for heading in section.headings:
                if heading.level not in (top, sub):
                    continue
                label = None
                if heading.level == top and section_group != group:
                    group = label = section_group
                level = 1 if heading.level == top else 2
                entries.append(TocEntry(level, heading.id, heading.text, label))
        return entries

    def outline_entries(self) -> list[OutlineEntry]:
        """Return the bookmarks: the contents, then every guide with its sections and steps."""
        title = pdf_text(self.language.code, "contents")
        entries = [OutlineEntry(1, title, CONTENTS_ID)]
        for section in self.sections:
            entries += [OutlineEntry(h.level, h.text, h.id) for h in section.headings]
        return entries

    def render(self, build_date: str, page_numbers: dict[str, int] | None = None) -> str:
        """Return the document's HTML; ``page_numbers`` fills the contents (id to page)."""
        direction = "rtl" if self.language.rtl else "ltr"
        parts = [
            "<!doctype html>",
            f'<html lang="{self.language.code}" dir="{direction}">',
            "<head>",
            '<meta charset="utf-8">',
            f"<title>{html.escape(self.title)}</title>",
            f'<meta name="author" content="{html.escape(self.author)}">',
            f'<meta name="description" content="{html.escape(self.subject)}">',
            f'<link rel="stylesheet" href="{STYLESHEET.as_uri()}">',
            f"<style>{self.page_css()}</style>",
            "</head>",
            '<body class="ok-print">',
            self._cover_html(build_date),
            self._toc_html(page_numbers or {}),
            self._heading_index_html(),
        ]
        for section in self.sections:
            parts.append(
                f'<section class="ok-guide" data-guide="{section.slug}" '
                f'style="page: {_page_name(section.slug)}">{section.html}</section>'
            )
        parts += ["</body>", "</html>"]
        return "\n".join(parts)

    def page_css(self) -> str:
        """Return the page rules: size, margins, running headers and footers."""
        height = PAPER_HEIGHT_MM[self.paper]
        footer = _footer_content(pdf_text(self.language.code, "page_of"))
        front_title = pdf_text(self.language.code, "contents")
        rules = [
            f":root {{ --ok-cover-height: {height - 1:.1f}mm; "
            f"--ok-image-max-height: {height - 90:.1f}mm; }}",
            f"@page {{ size: {self.paper.lower()}; margin: {PAGE_MARGIN};"
            f" @top-center {{ {MARGIN_BOX_STYLE} vertical-align: bottom; padding-bottom: 3mm; }}"
            f" @bottom-center {{ {MARGIN_BOX_STYLE} content: {footer}; }} }}",
            "@page ok-cover { margin: 0; }",
            f"@page ok-front {{ @top-center {{ content: {_css_string(front_title)}; }} }}",
        ]
        for section in self.sections:
            rules.append(
                f"@page {_page_name(section.slug)} {{ @top-center {{ "
                f"content: {_css_string(section.title)}; }} }}"
            )
        return "\n".join(rules)

    def content_box_mm(self) -> tuple[float, float]:
        """Return the width and height (mm) of the page area inside the margins."""
        width = PAPER_WIDTH_MM[self.paper] - 2 * MARGIN_SIDE_MM
        height = PAPER_HEIGHT_MM[self.paper] - MARGIN_TOP_MM - MARGIN_BOTTOM_MM
        return width, height

    def _cover_html(self, build_date: str) -> str:
        cover = self.cover
        code = self.language.code
        logo = (
            f'<img src="{html.escape(cover.logo_uri)}" alt="">'
            if cover.logo_uri is not None
            else ""
        )
        facts = [
            ("module_version", f'<bdi dir="ltr">{html.escape(cover.module_version)}</bdi>'),
            ("odoo_series", f'<bdi dir="ltr">{html.escape(cover.series)}</bdi>'),
            ("language", html.escape(cover.language_name)),
            ("build_date", html.escape(build_date)),
            ("vendor", html.escape(cover.vendor)),
        ]
        rows = "".join(f"<dt>{pdf_text(code, key)}</dt><dd>{value}</dd>" for key, value in facts)
        summary = (
            f'<p class="ok-cover-summary">{html.escape(cover.summary)}</p>' if cover.summary else ""
        )
        return (
            '<div class="ok-cover">'
            f'<div class="ok-cover-vendor">{logo}<span>{html.escape(cover.vendor)}</span></div>'
            f'<p class="ok-cover-product">{html.escape(cover.product)}</p>'
            f'<p class="ok-cover-title">{html.escape(cover.title)}</p>'
            f"{summary}"
            f'<dl class="ok-cover-facts">{rows}</dl>'
            "</div>"
        )

    def _toc_html(self, page_numbers: dict[str, int]) -> str:
        items = []
        for entry in self.toc_entries():
            if entry.group:
                items.append(f'<li class="ok-toc-group">{html.escape(entry.group)}</li>')
            number = page_numbers.get(entry.id)
            items.append(
                f'<li class="ok-toc-level-{entry.level}"><a href="#{entry.id}">'
                f'<span class="ok-toc-text">{html.escape(entry.text)}</span>'
                '<span class="ok-toc-fill"></span>'
                f'<span class="ok-toc-page" data-target="{entry.id}">'
                f"{number if number is not None else ''}</span></a></li>"
            )
        title = pdf_text(self.language.code, "contents")
        return (
            f'<nav class="ok-toc"><h2 id="{CONTENTS_ID}">{html.escape(title)}</h2>'
            f"<ol>{''.join(items)}</ol></nav>"
        )

    def _heading_index_html(self) -> str:
        # Chromium writes a named destination for each element that a link points to, even
        # from a hidden link. The outline needs one for every heading.
        links = "".join(f'<a href="#{entry.target}"></a>' for entry in self.outline_entries())
        return f'<nav class="ok-heading-index" hidden aria-hidden="true">{links}</nav>'


def _page_name(slug: str) -> str:
    return f"g-{slug}"


def _css_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + re.sub(r"\s+", " ", escaped) + '"'


def _footer_content(template: str) -> str:
    """Turn 'page {page} of {pages}' into CSS content with the page counters."""
    tokens = []
    for part in re.split(r"(\{page\}|\{pages\})", template):
        if part == "{page}":
            tokens.append("counter(page)")
        elif part == "{pages}":
            tokens.append("counter(pages)")
        elif part:
            tokens.append(_css_string(part))
    return " ".join(tokens)
