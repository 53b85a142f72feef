"""Helpers of the PDF tests: the mini project with screenshots, and PDF readers (poppler)."""

from __future__ import annotations

import re
import subprocess
import textwrap
from pathlib import Path

from pypdf import PdfReader

from helpers import copy_fixture, replace_in
from onboardkit.config import Project, load_project

SHOTS = """\
shots:
  - id: shipments-list
    target: {url: /odoo/shipments}
    alt: {en: The shipments list, ar: قائمة الشحنات}
    caption: {en: Shipments waiting for a label, ar: شحنات بانتظار الملصق}
  - id: error-dialog
    target: {url: /odoo/shipments}
    alt: {en: The error dialog, ar: نافذة الخطأ}
"""
# Wide like a desktop screenshot, and taller than any page, so both limits apply.
IMAGE_SIZES = {"shipments-list": (1600, 1000), "error-dialog": (900, 2600)}
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def add_screenshots(root: Path) -> None:
    """Add a shot list, one image per shot and language, and reference them in two guides."""
    from PIL import Image, ImageDraw

    (root / "screenshots").mkdir(exist_ok=True)
    (root / "screenshots" / "shots.yml").write_text(SHOTS, encoding="utf-8")
    for language, colour in (("en", (40, 90, 200)), ("ar", (200, 90, 40))):
        folder = root / "screenshots" / language
        folder.mkdir(parents=True, exist_ok=True)
        for shot, size in IMAGE_SIZES.items():
            image = Image.new("RGB", size, "white")
            draw = ImageDraw.Draw(image)
            for x in range(0, size[0], 60):
                draw.rectangle((x, 80, x + 30, size[1] - 80), fill=colour)
            draw.rectangle((0, 0, size[0] - 1, size[1] - 1), outline="black", width=4)
            image.save(folder / f"{shot}.png")
    replace_in(
        root / "onboarding" / "install.yml",
        "    title: Install it from the Apps menu\n",
        "    title: Install it from the Apps menu\n    screenshot: shipments-list\n",
    )
    replace_in(
        root / "onboarding" / "problems.yml",
        "    cause: The key was revoked or mistyped.\n",
        "    cause: The key was revoked or mistyped.\n    screenshot: error-dialog\n",
    )


def make_project(tmp_path: Path, extra_config: str = "") -> Project:
    root = copy_fixture("mini", tmp_path)
    add_screenshots(root)
    if extra_config:
        with (root / "onboardkit.yml").open("a", encoding="utf-8") as stream:
            stream.write(textwrap.dedent(extra_config))
    return load_project(root)


def pdf_text(path: Path, page: int | None = None, layout: bool = False) -> str:
    """Return the text of the PDF (or one 1-based page) as pdftotext extracts it."""
    command = ["pdftotext", "-enc", "UTF-8"]
    if layout:
        command.append("-layout")
    if page is not None:
        command += ["-f", str(page), "-l", str(page)]
    output = subprocess.run(
        [*command, str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return BIDI_CONTROLS.sub("", output)


def contents_numbers(path: Path, page: int = 2) -> dict[str, int]:
    """Return the page number printed after each line of the contents."""
    numbers = {}
    for line in pdf_text(path, page, layout=True).splitlines():
        match = re.match(r"^\s*(.+?)\s*\.*\s+(\d+)\s*$", line)
        if match:
            numbers[match.group(1).rstrip(". ")] = int(match.group(2))
    return numbers


def heading_pages(path: Path, headings: list[str], first_page: int = 3) -> list[int]:
    """Return the page of each heading, found in the text from ``first_page`` on (0: none)."""
    found: dict[str, int] = {}
    for page in range(first_page, len(PdfReader(path).pages) + 1):
        # The first line of a page is its running header, so headings come after it.
        for line in pdf_text(path, page).splitlines()[1:]:
            found.setdefault(line.strip(), page)
    return [found.get(heading, 0) for heading in headings]


def page_of_heading(path: Path, heading: str, first_page: int = 3) -> int:
    (page,) = heading_pages(path, [heading], first_page)
    if not page:
        raise AssertionError(f"{heading!r} is on no page of {path.name}")
    return page


def printed_contents_numbers(path: Path, pages: range = range(2, 3)) -> list[int]:
    """Return the page numbers printed in the contents, top to bottom, in either direction.

    In pdftotext's layout an English entry ends with its number and an Arabic one starts
    with it. The footer ("page 2 of 5") is left out.
    """
    numbers = []
    for page in pages:
        for line in pdf_text(path, page, layout=True).splitlines():
            if "page" in line or "صفحة" in line:
                continue
            match = re.match(r"^\s*(\d+)\s+\S", line) or re.search(r"\S\s+(\d+)\s*$", line)
            if match:
                numbers.append(int(match.group(1)))
    return numbers


def contents_link_pages(path: Path, pages: range = range(2, 3)) -> list[int]:
    """Return the page that each link of the contents opens, in the order of the links."""
    reader = PdfReader(path)
    destinations = {
        name.lstrip("/"): reader.get_destination_page_number(value) + 1
        for name, value in reader.named_destinations.items()
    }
    targets = []
    for page in pages:
        for annotation in reader.pages[page - 1].get("/Annots", []):
            link = annotation.get_object()
            if link["/Subtype"] == "/Link" and "/Dest" in link:
                targets.append(destinations[str(link["/Dest"]).lstrip("/")])
    return targets


def pdf_fonts(path: Path) -> str:
    return subprocess.run(
        ["pdffonts", str(path)], check=True, capture_output=True, text=True
    ).stdout


def pdf_images(path: Path) -> list[dict[str, int]]:
    """Return page, width and height of every image drawn in the PDF (pdfimages -list)."""
    output = subprocess.run(
        ["pdfimages", "-list", str(path)], check=True, capture_output=True, text=True
    ).stdout
    images = []
    for line in output.splitlines()[2:]:
        columns = line.split()
        if columns[2] == "image":
            images.append(
                {"page": int(columns[0]), "width": int(columns[3]), "height": int(columns[4])}
            )
    return images


def word_boxes(path: Path, page: int) -> dict[str, tuple[float, float]]:
    """Return (xMin, xMax) of each word on a page; Arabic words come in visual order."""
    output = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    boxes = {}
    for match in re.finditer(
        r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]+)<', output
    ):
        boxes.setdefault(match.group(3), (float(match.group(1)), float(match.group(2))))
    return boxes
