"""Drawing the store cover: the headline on the brand color beside a cropped screenshot."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL.Image import Image
    from PIL.ImageFont import FreeTypeFont

MAX_HEADLINE_LINES = 4


def hex_to_rgb(color: str) -> tuple[int, int, int]:
    value = color.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def compose_cover(
    screenshot: Image, headline: str, series: list[str], size: tuple[int, int], color: str
) -> Image:
    """Return the cover: ``headline`` and the Odoo series on the left, the screenshot right.

    The screenshot is scaled to about three fifths of the cover's width and runs off the
    right and bottom edges, so its top-left corner (menus, title) stays readable.
    """
    from PIL import Image as PILImage
    from PIL import ImageDraw

    width, height = size
    cover = PILImage.new("RGB", size, hex_to_rgb(color))
    _paste_screenshot(cover, screenshot.convert("RGB"), width, height)
    draw = ImageDraw.Draw(cover)
    margin = round(width * 0.05)
    text_width = round(width * 0.36)
    lines, font = _fit_headline(headline, text_width, height)
    line_height = round(font.size * 1.22)
    series_font = _font(False, round(height * 0.036))
    block = len(lines) * line_height + round(height * 0.06) + series_font.size
    top = max(margin, (height - block) // 2)
    for index, line in enumerate(lines):
        draw.text((margin, top + index * line_height), line, font=font, fill=(255, 255, 255))
    series_top = top + len(lines) * line_height + round(height * 0.06)
    draw.text(
        (margin, series_top),
        "Odoo " + " | ".join(series),
        font=series_font,
        fill=(225, 240, 238),
    )
    return cover


def _paste_screenshot(cover: Image, screenshot: Image, width: int, height: int) -> None:
    from PIL import Image as PILImage
    from PIL import ImageDraw, ImageFilter

    left = round(width * 0.45)
    top = round(height * 0.12)
    target_width = round(width * 0.62)
    scale = target_width / screenshot.width
    scaled = screenshot.resize(
        (target_width, max(1, round(screenshot.height * scale))), PILImage.Resampling.LANCZOS
    )
    visible = scaled.crop((0, 0, min(scaled.width, width - left), min(scaled.height, height - top)))
    radius = max(4, round(height * 0.02))
    # Corners cut off by the cover's edge stay square: the mask runs past the edge there.
    overhang_x = radius if left + visible.width >= width else 0
    overhang_y = radius if top + visible.height >= height else 0
    mask = PILImage.new("L", visible.size, 0)
    ImageDraw.Draw(mask).rounded_rectangle(
        (0, 0, visible.width - 1 + overhang_x, visible.height - 1 + overhang_y), radius, fill=255
    )
    blur = max(4, round(height * 0.02))
    shadow = PILImage.new("L", cover.size, 0)
    ImageDraw.Draw(shadow).rounded_rectangle(
        (
            left,
            top + blur // 2,
            left + visible.width - 1 + overhang_x,
            top + visible.height - 1 + blur // 2 + overhang_y,
        ),
        radius,
        fill=110,
    )
    shadow = shadow.filter(ImageFilter.GaussianBlur(blur))
    cover.paste((0, 0, 0), (0, 0), shadow)
    cover.paste(visible, (left, top), mask)


def _fit_headline(headline: str, text_width: int, height: int) -> tuple[list[str], FreeTypeFont]:
    size = round(height * 0.085)
    while True:
        font = _font(True, size)
        lines = wrap_text(headline, font, text_width)
        if len(lines) <= MAX_HEADLINE_LINES or size <= 12:
            return lines, font
        size -= 2


def wrap_text(text: str, font: FreeTypeFont, max_width: int) -> list[str]:
    """Break ``text`` into lines at spaces so that each fits ``max_width`` pixels if it can."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and font.getlength(candidate) > max_width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def _font(bold: bool, size: int) -> FreeTypeFont:
    from onboardkit.images.fonts import load_font

    return load_font("latin", bold, size)
