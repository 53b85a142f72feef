"""The PDFs of the mini project in both languages, printed once by real Chromium and read back
with poppler and pypdf."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pdf_helpers import (
    IMAGE_SIZES,
    contents_numbers,
    make_project,
    page_of_heading,
    pdf_fonts,
    pdf_images,
    pdf_text,
    word_boxes,
)
from pypdf import PdfReader

from onboardkit.config import Project
from onboardkit.pdf import PdfOptions, PdfReport, build_pdfs

pytestmark = pytest.mark.browser

PREFIX = "mini_connector-18.0-18.0.1.0.0"
GUIDES = ["install", "configure", "problems"]
TITLES_EN = ["Install the connector", "Connect to the carrier", "Solve common problems"]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, PdfReport]:
    project = make_project(tmp_path_factory.mktemp("pdf"))
    options = PdfOptions(build_date=__import__("datetime").date(2025, 3, 13))
    return project, build_pdfs(project, options)


def pdf_path(project: Project, guide: str, language: str) -> Path:
    return project.root / "dist" / "pdf" / f"{PREFIX}-{guide}-{language}.pdf"


def outline_titles(reader: PdfReader, items: list | None = None) -> list:
    """Return the outline as nested lists of titles."""
    result: list = []
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            result.append(outline_titles(reader, item))
        else:
            result.append(item.title)
    return result


def test_file_names_and_report(built: tuple[Project, PdfReport]) -> None:
    project, report = built
    names = sorted(path.name for path in (project.root / "dist" / "pdf").glob("*.pdf"))
    expected = sorted(
        f"{PREFIX}-{guide}-{language}.pdf"
        for guide in ["handbook", *GUIDES]
        for language in ("en", "ar")
    )
    assert names == expected
    assert len(report.built) == 8
    assert report.summary() == "8 PDF(s) built, 0 unchanged"


@pytest.mark.parametrize("language", ["en", "ar"])
def test_handbook_pages_are_cover_contents_guides(
    built: tuple[Project, PdfReport], language: str
) -> None:
    project, _ = built
    handbook = len(PdfReader(pdf_path(project, "handbook", language)).pages)
    # Each guide PDF is a cover, a one-page contents and the guide; the handbook has one
    # cover and one contents page for all guides.
    guide_pages = [len(PdfReader(pdf_path(project, g, language)).pages) - 2 for g in GUIDES]
    assert handbook == 2 + sum(guide_pages)
    assert handbook == 7


@pytest.mark.parametrize("language", ["en", "ar"])
def test_last_page_has_text(built: tuple[Project, PdfReport], language: str) -> None:
    project, _ = built
    for guide in ["handbook", *GUIDES]:
        path = pdf_path(project, guide, language)
        count = len(PdfReader(path).pages)
        assert pdf_text(path, count).strip(), f"{path.name}: page {count} is blank"


def test_outline_mirrors_headings(built: tuple[Project, PdfReport]) -> None:
    project, _ = built
    outline = outline_titles(PdfReader(pdf_path(project, "handbook", "en")))
    top = [title for title in outline if isinstance(title, str)]
    assert top == ["Contents", *TITLES_EN]
    install_children = outline[outline.index("Install the connector") + 1]
    assert install_children[:2] == ["Before you start", "Steps"]
    assert install_children[2] == [
        "1. Add the module to your server",
        "2. Install it from the Apps menu",
    ]


def test_outline_in_arabic(built: tuple[Project, PdfReport]) -> None:
    project, _ = built
    outline = outline_titles(PdfReader(pdf_path(project, "install", "ar")))
    assert outline[:2] == ["المحتويات", "ثبّت الموصل"]
    assert outline[2][:2] == ["قبل أن تبدأ", "الخطوات"]


@pytest.mark.parametrize(
    ("language", "title", "subject"),
    [
        ("en", "Mini Connector: Handbook", "Every guide of Mini Connector, in one document"),
        ("ar", "Mini Connector: الدليل الشامل", "جميع أدلة Mini Connector في مستند واحد"),
    ],
)
def test_handbook_metadata(
    built: tuple[Project, PdfReport], language: str, title: str, subject: str
) -> None:
    project, _ = built
    reader = PdfReader(pdf_path(project, "handbook", language))
    assert reader.metadata.title == title
    assert reader.metadata.author == "Mini Labs"
    assert reader.metadata.subject == subject
    assert reader.metadata.creator.startswith("onboardkit ")
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == language
    direction = "/R2L" if language == "ar" else "/L2R"
    assert catalog["/ViewerPreferences"]["/Direction"] == direction
    assert catalog["/PageMode"] == "/UseOutlines"


def test_guide_metadata(built: tuple[Project, PdfReport]) -> None:
    project, _ = built
    reader = PdfReader(pdf_path(project, "configure", "en"))
    assert reader.metadata.title == "Mini Connector: Connect to the carrier"
    assert reader.metadata.subject == "Connect to the carrier: a guide to Mini Connector"


def test_cover_facts(built: tuple[Project, PdfReport]) -> None:
    project, _ = built
    cover = pdf_text(pdf_path(project, "install", "en"), 1)
    for fact in (
        "Mini Labs",
        "Mini Connector",
        "Install the connector",
        "Module version",
        "18.0.1.0.0",
        "Odoo series",
        "English",
        "March 13, 2025",
    ):
        assert fact in cover
    assert "page 1 of" not in cover


def test_arabic_cover_facts(built: tuple[Project, PdfReport]) -> None:
    project, _ = built
    cover = pdf_text(pdf_path(project, "handbook", "ar"), 1)
    for fact in ("الدليل الشامل", "إصدار الوحدة", "18.0.1.0.0", "العربية", "مارس 2025"):
        assert fact in cover
    assert "صفحة" not in cover


def test_footers_and_running_headers(built: tuple[Project, PdfReport]) -> None:
    project, _ = built
    path = pdf_path(project, "handbook", "en")
    count = len(PdfReader(path).pages)
    assert f"page 2 of {count}" in pdf_text(path, 2)
    third = pdf_text(path, 3).splitlines()
    assert third[0] == "Install the connector"
    assert f"page 3 of {count}" in third
    assert pdf_text(path, count).splitlines()[0] == "Solve common problems"


def test_arabic_footer(built: tuple[Project, PdfReport]) -> None:
    project, _ = built
    path = pdf_path(project, "handbook", "ar")
    text = " ".join(pdf_text(path, 3).split())
    # pdftotext gives the footer in logical or in visual order depending on its bidi guess.
    assert re.search(r"صفحة\s*3\s*من\s*7|7\s*من\s*3\s*صفحة", text)


def test_arabic_text_in_logical_order(built: tuple[Project, PdfReport]) -> None:
    project, _ = built
    text = pdf_text(pdf_path(project, "handbook", "ar"))
    # Phrases without the lam-alef ligature, which poppler extracts with its letters swapped.
    for phrase in ("المحتويات", "قبل أن تبدأ", "الخطوات", "أدلة ذات صلة", "النتيجة المتوقعة"):
        assert phrase in text
    assert "تاوطخلا" not in text
    # English code stays as written inside the Arabic pages.
    assert "sudo systemctl restart odoo" in text


def test_arabic_font_embedded(built: tuple[Project, PdfReport]) -> None:
    project, _ = built
    fonts = pdf_fonts(pdf_path(project, "handbook", "ar"))
    arabic = [line for line in fonts.splitlines() if "NotoSansArabic" in line]
    assert arabic
    for line in arabic:
        assert " yes " in line  # the "emb" column


def test_contents_numbers_match_headings(built: tuple[Project, PdfReport]) -> None:
    project, _ = built
    path = pdf_path(project, "handbook", "en")
    numbers = contents_numbers(path)
    assert set(TITLES_EN) <= set(numbers)
    for title in [*TITLES_EN, "Settings reference", "Problems and fixes"]:
        assert numbers[title] == page_of_heading(path, title), title
    # The screenshot pushes part of the install guide to the next page.
    assert numbers["Install the connector"] == 3
    assert numbers["Connect to the carrier"] == 5


def test_contents_links_point_at_headings(built: tuple[Project, PdfReport]) -> None:
    project, _ = built
    for language in ("en", "ar"):
        reader = PdfReader(pdf_path(project, "handbook", language))
        destinations = {
            name.lstrip("/"): reader.get_destination_page_number(value) + 1
            for name, value in reader.named_destinations.items()
        }
        links = [
            annotation.get_object()
            for annotation in reader.pages[1].get("/Annots", [])
            if annotation.get_object()["/Subtype"] == "/Link"
        ]
        assert len(links) == 9
        for link in links:
            target = str(link["/Dest"]).lstrip("/")
            assert target in destinations
            assert destinations[target] >= 3
        assert destinations["g-install"] == 3


def test_related_guide_link_inside_handbook(built: tuple[Project, PdfReport]) -> None:
    project, _ = built
    reader = PdfReader(pdf_path(project, "handbook", "en"))
    page = page_of_heading(pdf_path(project, "handbook", "en"), "Related guides")
    targets = [
        str(annotation.get_object()["/Dest"])
        for annotation in reader.pages[page - 1].get("/Annots", [])
        if "/Dest" in annotation.get_object()
    ]
    assert "/g-install" in targets


def test_related_guide_unlinked_in_guide_pdf(built: tuple[Project, PdfReport]) -> None:
    project, _ = built
    path = pdf_path(project, "configure", "en")
    reader = PdfReader(path)
    assert "Install the connector" in pdf_text(path, 3)
    for page in reader.pages[2:]:
        for annotation in page.get("/Annots", []):
            assert "/Dest" in annotation.get_object()  # no link leaves the document


@pytest.mark.parametrize("language", ["en", "ar"])
def test_screenshots_at_full_resolution(built: tuple[Project, PdfReport], language: str) -> None:
    project, _ = built
    images = pdf_images(pdf_path(project, "handbook", language))
    sizes = sorted((image["width"], image["height"]) for image in images)
    assert sizes == sorted(IMAGE_SIZES.values())
    # One entry per image: none is split across two pages.
    assert len({image["page"] for image in images}) == 2


def test_each_language_has_its_screenshots(built: tuple[Project, PdfReport]) -> None:
    project, _ = built
    assert "Shipments waiting for a label" in pdf_text(pdf_path(project, "install", "en"))
    assert "شحنات بانتظار الملصق" in pdf_text(pdf_path(project, "install", "ar"))


def test_cache_file_lists_every_pdf(built: tuple[Project, PdfReport]) -> None:
    project, _ = built
    cache = (project.root / "dist" / "pdf" / ".onboardkit-pdf.json").read_text(encoding="utf-8")
    for guide in ["handbook", *GUIDES]:
        assert f"{PREFIX}-{guide}-ar.pdf" in cache


def test_code_left_to_right_in_arabic(built: tuple[Project, PdfReport]) -> None:
    project, _ = built
    boxes = word_boxes(pdf_path(project, "install", "ar"), 3)
    # A4 is 595 pt wide with 18 mm (51 pt) side margins.
    assert boxes["sudo"][0] < 70
    assert boxes["sudo"][0] < boxes["systemctl"][0] < boxes["odoo"][0]
    steps_heading = boxes["الخطوات"[::-1]]
    assert steps_heading[1] > 530
