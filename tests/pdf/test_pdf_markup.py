"""Guide HTML adapted for print: ids, links, tabs; and the outline and metadata update."""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter

from onboardkit.pdf.markup import guide_section, markdown_to_html
from onboardkit.pdf.pdffile import OutlineEntry, PdfMetadata, PrintedPdf, amend_pdf

GUIDE = """---
title: "Connect"
---
# Connect to the carrier

See [the install guide](install.md) and [its first step](install.md#upload), the
[FAQ](../faq.md), [our site](https://example.com) and [step one](#key).

## Steps

### 1. Enter the key {#key}

=== "Odoo.sh"

    Set it in the project settings.

=== "On-premise"

    Set it in the configuration file.

## الإعدادات
"""


def section(linked: set[str]):  # noqa: ANN201 - GuideSection
    return guide_section("configure", markdown_to_html(GUIDE), linked)


def test_ids_carry_the_guide_slug() -> None:
    result = section({"configure"})
    assert [(h.level, h.id, h.text) for h in result.headings] == [
        (1, "g-configure", "Connect to the carrier"),
        (2, "configure--steps", "Steps"),
        (3, "configure--key", "1. Enter the key"),
        (2, "configure--h1", "الإعدادات"),
    ]
    assert 'href="#configure--key"' in result.html
    assert result.title == "Connect to the carrier"


def test_links_inside_handbook() -> None:
    html = section({"configure", "install"}).html
    assert 'href="#g-install"' in html
    assert 'href="#install--upload"' in html
    assert 'href="https://example.com"' in html
    assert '<span class="ok-unlinked">FAQ</span>' in html


def test_links_to_absent_guides_become_text() -> None:
    html = section({"configure"}).html
    assert "install.md" not in html
    assert '<span class="ok-unlinked">the install guide</span>' in html


def test_tabs_print_one_after_another() -> None:
    html = section({"configure"}).html
    assert "<input" not in html
    assert "tabbed-labels" not in html
    assert html.index('<p class="ok-tab-title">Odoo.sh</p>') < html.index("project settings")
    assert html.index('<p class="ok-tab-title">On-premise</p>') < html.index("configuration file")


def small_pdf(pages: int, destinations: dict[str, int]) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    for name, page in destinations.items():
        writer.add_named_destination(name, page - 1)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def outline_titles(items: list) -> list:
    return [outline_titles(item) if isinstance(item, list) else item.title for item in items]


METADATA = PdfMetadata("T: دليل", "Vendor", "Subject", "ar", True, "onboardkit test")


def test_amend_adds_outline_and_metadata() -> None:
    data = small_pdf(4, {"a": 1, "b": 2, "c": 3, "d": 4})
    outline = [
        OutlineEntry(1, "ثبّت الموصل", "a"),
        OutlineEntry(2, "الخطوات", "b"),
        OutlineEntry(3, "1. Step", "c"),
        OutlineEntry(1, "Second", "d"),
        OutlineEntry(2, "No destination", "missing"),
    ]
    amended = amend_pdf(PrintedPdf(data), METADATA, outline, open_levels=1)
    assert amended.startswith(data)
    reader = PdfReader(io.BytesIO(amended))
    assert reader.metadata.title == "T: دليل"
    assert reader.metadata.author == "Vendor"
    assert reader.trailer["/Root"]["/Lang"] == "ar"
    assert outline_titles(reader.outline) == ["ثبّت الموصل", ["الخطوات", ["1. Step"]], "Second"]
    first = reader.outline[0]
    assert reader.get_destination_page_number(first) == 0
    assert reader.trailer["/Root"]["/Outlines"]["/Count"] == 2
    # Closed, and its child is closed too: opening it shows one bookmark.
    assert first["/Count"] == -1


def test_open_levels_show_children() -> None:
    data = small_pdf(3, {"a": 1, "b": 2, "c": 3})
    outline = [OutlineEntry(1, "A", "a"), OutlineEntry(2, "B", "b"), OutlineEntry(3, "C", "c")]
    reader = PdfReader(io.BytesIO(amend_pdf(PrintedPdf(data), METADATA, outline, open_levels=2)))
    assert reader.trailer["/Root"]["/Outlines"]["/Count"] == 2
    assert reader.outline[0]["/Count"] == 1
    amended = PrintedPdf(amend_pdf(PrintedPdf(data), METADATA, outline))
    assert {name: amended.page_of(name) for name in "abc"} == {"a": 1, "b": 2, "c": 3}
