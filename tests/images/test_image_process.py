"""Crop, border, shadow, resize, encoding, pixel comparison and the contact sheet."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from PIL import Image

from onboardkit.images.annotate import Mark
from onboardkit.images.contact_sheet import SheetEntry, write_contact_sheet
from onboardkit.images.process import FinishSpec, changed_share, finish_image


def png(size: tuple[int, int], color: tuple[int, int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="PNG")
    return buffer.getvalue()


def striped() -> bytes:
    image = Image.new("RGB", (200, 100), (255, 255, 255))
    image.paste((0, 0, 255), (50, 20, 150, 80))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def test_crop_to_box() -> None:
    result = finish_image(striped(), FinishSpec(crop=(50, 20, 150, 80)))
    image = Image.open(io.BytesIO(result.data))
    assert image.size == (100, 60)
    assert image.getcolors() == [(6000, (0, 0, 255))]


def test_crop_clamped_to_image() -> None:
    result = finish_image(striped(), FinishSpec(crop=(-30, -30, 120, 50.5)))
    assert (result.width, result.height) == (120, 51)


def test_crop_outside_rejected() -> None:
    with pytest.raises(ValueError, match="lies outside the 200x100 image"):
        finish_image(striped(), FinishSpec(crop=(300, 300, 400, 400)))


def test_annotation_moves_with_crop() -> None:
    spec = FinishSpec(crop=(40, 10, 200, 100), marks=[Mark("box", (50, 20, 150, 80))])
    image = Image.open(io.BytesIO(finish_image(striped(), spec).data)).convert("RGB")
    # The frame is drawn 4 px outside the element, whose left edge is now at x = 10.
    red, green, blue = image.getpixel((6, 40))
    assert red > 200
    assert green < 120
    assert blue < 120


def test_border_and_shadow() -> None:
    bordered = finish_image(png((100, 50), (255, 255, 255)), FinishSpec(border=True))
    assert (bordered.width, bordered.height) == (102, 52)
    assert Image.open(io.BytesIO(bordered.data)).getpixel((0, 0)) == (208, 210, 214)
    shadowed = finish_image(png((100, 50), (255, 255, 255)), FinishSpec(shadow=True))
    image = Image.open(io.BytesIO(shadowed.data))
    assert image.mode == "RGBA"
    assert image.size == (140, 94)
    assert image.getpixel((0, 0))[3] == 0
    assert 0 < image.getpixel((70, 78))[3] < 255


def test_fit_width_scales_down_only() -> None:
    wide = finish_image(png((1000, 500), (1, 2, 3)), FinishSpec(max_width=400))
    assert (wide.width, wide.height) == (400, 200)
    narrow = finish_image(png((300, 500), (1, 2, 3)), FinishSpec(max_width=400))
    assert (narrow.width, narrow.height) == (300, 500)


def test_webp_output() -> None:
    result = finish_image(png((60, 40), (10, 20, 30)), FinishSpec(format="webp"))
    assert result.data[:4] == b"RIFF"
    assert result.data[8:12] == b"WEBP"


def test_png_output_is_repeatable() -> None:
    first = finish_image(striped(), FinishSpec(border=True, shadow=True))
    second = finish_image(striped(), FinishSpec(border=True, shadow=True))
    assert first.data == second.data
    assert first.data[:8] == b"\x89PNG\r\n\x1a\n"


def test_changed_share() -> None:
    white = png((100, 100), (255, 255, 255))
    image = Image.new("RGB", (100, 100), (255, 255, 255))
    image.paste((0, 0, 0), (0, 0, 10, 10))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    assert changed_share(white, white) == 0
    assert changed_share(white, buffer.getvalue()) == pytest.approx(0.01)
    assert changed_share(white, png((100, 200), (255, 255, 255))) == pytest.approx(0.5)


def test_contact_sheet_self_contained(tmp_path: Path) -> None:
    old = tmp_path / "old.png"
    new = tmp_path / "new.png"
    old.write_bytes(png((20, 10), (255, 255, 255)))
    image = Image.new("RGB", (20, 10), (255, 255, 255))
    image.paste((0, 0, 0), (0, 0, 10, 10))
    image.save(new)
    entries = [
        SheetEntry("shipment-list", "en", False, "The <list>", new, old, "captured"),
        SheetEntry("shipment-list", "ar", True, "قائمة", None, None, "failed", "timed out"),
    ]
    sheet = tmp_path / "contact-sheet.html"
    write_contact_sheet(sheet, "Caravan: screenshots", entries)
    text = sheet.read_text(encoding="utf-8")
    assert "captured, 50.00% of pixels changed" in text
    assert "failed: timed out" in text
    assert text.count('src="data:image/png;base64,') == 2
    assert "The &lt;list&gt;" in text
    assert "default-src 'none'" in text
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", text)
