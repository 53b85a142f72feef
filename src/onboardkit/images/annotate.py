"""Numbered callouts, boxes and arrows drawn on a screenshot at measured element positions.

Shapes are drawn on a transparent layer at twice the size and scaled down, which smooths
their edges. Labels are drawn afterwards at full size, so their text stays sharp. In a
right-to-left image, callouts sit on the element's right corner and "start" means right.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from onboardkit.images.text import LaidOutText, draw_text, layout_text

if TYPE_CHECKING:
    from PIL import Image

Box = tuple[float, float, float, float]
SUPERSAMPLE = 2
DEFAULT_COLOR = (230, 57, 70)
TEXT_COLOR = (255, 255, 255)


@dataclass(frozen=True)
class Mark:
    """One annotation in image pixels: ``box`` is the element's (left, top, right, bottom)."""

    kind: str
    box: Box
    label: str | None = None
    number: int | None = None
    side: str = "start"


@dataclass(frozen=True)
class PlacedLabel:
    """The position of a drawn label: its top-left corner, laid-out runs and tag box."""

    text: str
    origin: tuple[float, float]
    laid_out: LaidOutText
    tag: Box


@dataclass(frozen=True)
class Style:
    """Sizes in pixels at scale 1, multiplied by the image's scale factor."""

    scale: float = 1.0
    color: tuple[int, int, int] = DEFAULT_COLOR
    stroke: float = 3
    radius: float = 13
    font_size: int = 14
    pad_x: float = 7
    pad_y: float = 4
    arrow_length: float = 64
    gap: float = 4

    def px(self, value: float) -> float:
        return value * self.scale


def annotate(image: Image.Image, marks: list[Mark], rtl: bool, style: Style) -> list[PlacedLabel]:
    """Draw ``marks`` onto ``image`` (in place) and return where their labels went."""
    from PIL import Image as PILImage
    from PIL import ImageDraw

    width, height = image.size
    layer = PILImage.new("RGBA", (width * SUPERSAMPLE, height * SUPERSAMPLE), (0, 0, 0, 0))
    shapes = ImageDraw.Draw(layer)
    labels: list[PlacedLabel] = []
    painter = _Painter(shapes, style, (width, height), rtl)
    for mark in marks:
        labels += painter.paint(mark)
    layer = layer.resize((width, height), PILImage.Resampling.LANCZOS)
    base = image.convert("RGBA")
    base.alpha_composite(layer)
    draw = ImageDraw.Draw(base)
    for label in labels:
        draw_text(draw, label.origin, label.laid_out, TEXT_COLOR)
    image.paste(base.convert(image.mode))
    return labels


class _Painter:
    """Draws shapes on the supersampled layer and works out where label tags go."""

    def __init__(self, draw, style: Style, size: tuple[int, int], rtl: bool):
        self.draw = draw
        self.style = style
        self.width, self.height = size
        self.rtl = rtl
        self.next_number = 1

    def paint(self, mark: Mark) -> list[PlacedLabel]:
        if mark.kind == "callout":
            return self._callout(mark)
        if mark.kind == "box":
            return self._box(mark)
        return self._arrow(mark)

    def _scaled(self, box: Box) -> Box:
        return tuple(value * SUPERSAMPLE for value in box)  # type: ignore[return-value]

    def _tag(self, text: str, anchor: tuple[float, float], align: str) -> PlacedLabel:
        """Place a label tag; ``align`` names the point of the tag that is put on ``anchor``."""
        style = self.style
        laid_out = layout_text(text, round(style.px(style.font_size)), self.rtl)
        tag_width = laid_out.width + 2 * style.px(style.pad_x)
        tag_height = laid_out.height + 2 * style.px(style.pad_y)
        x, y = anchor
        left = {"left": x, "right": x - tag_width}.get(align.split("-")[-1], x - tag_width / 2)
        top = {"top": y, "bottom": y - tag_height}.get(align.split("-")[0], y - tag_height / 2)
        left = min(max(left, 1), max(self.width - tag_width - 1, 1))
        top = min(max(top, 1), max(self.height - tag_height - 1, 1))
        tag = (left, top, left + tag_width, top + tag_height)
        self.draw.rounded_rectangle(
            self._scaled(tag), radius=style.px(4) * SUPERSAMPLE, fill=style.color + (255,)
        )
        origin = (left + style.px(style.pad_x), top + style.px(style.pad_y))
        return PlacedLabel(text, origin, laid_out, tag)

    def _callout(self, mark: Mark) -> list[PlacedLabel]:
        style = self.style
        number = mark.number or self.next_number
        self.next_number = number + 1
        radius = style.px(style.radius)
        center_x, center_y = self._callout_center(mark, radius)
        center_x = min(max(center_x, radius + 1), self.width - radius - 1)
        center_y = min(max(center_y, radius + 1), self.height - radius - 1)
        circle = (center_x - radius, center_y - radius, center_x + radius, center_y + radius)
        self.draw.ellipse(self._scaled(circle), fill=style.color + (255,))
        digits = layout_text(str(number), round(style.px(style.font_size)), False, bold=True)
        origin = (center_x - digits.width / 2, center_y - digits.height / 2)
        labels = [PlacedLabel(str(number), origin, digits, circle)]
        if mark.label:
            gap = radius + style.px(style.gap)
            anchor_x = center_x - gap if self.rtl else center_x + gap
            align = "middle-right" if self.rtl else "middle-left"
            labels.append(self._tag(mark.label, (anchor_x, center_y), align))
        return labels

    def _callout_center(self, mark: Mark, radius: float) -> tuple[float, float]:
        """Return where the circle goes: on the start corner, or just outside one side."""
        left, top, right, bottom = mark.box
        start, end = (right, left) if self.rtl else (left, right)
        outside = radius + self.style.px(self.style.gap)
        if mark.side == "end":
            return (end - outside if self.rtl else end + outside, (top + bottom) / 2)
        if mark.side == "top":
            return ((left + right) / 2, top - outside)
        if mark.side == "bottom":
            return ((left + right) / 2, bottom + outside)
        return (start, top)

    def _box(self, mark: Mark) -> list[PlacedLabel]:
        style = self.style
        grow = style.px(style.gap)
        left, top, right, bottom = mark.box
        frame = (
            max(left - grow, 1),
            max(top - grow, 1),
            min(right + grow, self.width - 2),
            min(bottom + grow, self.height - 2),
        )
        self.draw.rounded_rectangle(
            self._scaled(frame),
            radius=style.px(4) * SUPERSAMPLE,
            outline=style.color + (255,),
            width=round(style.px(style.stroke) * SUPERSAMPLE),
        )
        if not mark.label:
            return []
        corner_x = frame[2] if self.rtl else frame[0]
        horizontal = "right" if self.rtl else "left"
        probe = layout_text(mark.label, round(style.px(style.font_size)), self.rtl)
        needed = probe.height + 2 * style.px(style.pad_y) + style.px(style.gap)
        if frame[1] >= needed:
            anchor, align = (corner_x, frame[1] - style.px(style.gap)), f"bottom-{horizontal}"
        else:
            anchor, align = (corner_x, frame[3] + style.px(style.gap)), f"top-{horizontal}"
        return [self._tag(mark.label, anchor, align)]

    def _arrow(self, mark: Mark) -> list[PlacedLabel]:
        side = mark.side
        if side == "start":
            side = "right" if self.rtl else "left"
        elif side == "end":
            side = "left" if self.rtl else "right"
        tip, tail = self._arrow_points(mark.box, side)
        self._draw_arrow(tip, tail)
        if not mark.label:
            return []
        align = {
            "left": "middle-right",
            "right": "middle-left",
            "top": "bottom-middle",
            "bottom": "top-middle",
        }[side]
        return [self._tag(mark.label, tail, align)]

    def _arrow_points(self, box: Box, side: str) -> tuple[tuple[float, float], tuple[float, float]]:
        style = self.style
        left, top, right, bottom = box
        middle_x, middle_y = (left + right) / 2, (top + bottom) / 2
        gap, length = style.px(style.gap), style.px(style.arrow_length)
        if side == "left":
            tip = (left - gap, middle_y)
            tail = (tip[0] - length, middle_y)
        elif side == "right":
            tip = (right + gap, middle_y)
            tail = (tip[0] + length, middle_y)
        elif side == "top":
            tip = (middle_x, top - gap)
            tail = (middle_x, tip[1] - length)
        else:
            tip = (middle_x, bottom + gap)
            tail = (middle_x, tip[1] + length)
        return self._inside(tip), self._inside(tail)

    def _inside(self, point: tuple[float, float]) -> tuple[float, float]:
        margin = self.style.px(2)
        x = min(max(point[0], margin), self.width - margin)
        y = min(max(point[1], margin), self.height - margin)
        return (x, y)

    def _draw_arrow(self, tip: tuple[float, float], tail: tuple[float, float]) -> None:
        style = self.style
        head = style.px(12)
        dx, dy = tip[0] - tail[0], tip[1] - tail[1]
        length = max((dx * dx + dy * dy) ** 0.5, 1e-6)
        ux, uy = dx / length, dy / length
        base = (tip[0] - ux * head, tip[1] - uy * head)
        color = style.color + (255,)
        line = [
            (tail[0] * SUPERSAMPLE, tail[1] * SUPERSAMPLE),
            (base[0] * SUPERSAMPLE, base[1] * SUPERSAMPLE),
        ]
        self.draw.line(line, fill=color, width=round(style.px(style.stroke) * SUPERSAMPLE))
        half = head * 0.6
        wings = [
            tip,
            (base[0] - uy * half, base[1] + ux * half),
            (base[0] + uy * half, base[1] - ux * half),
        ]
        self.draw.polygon([(x * SUPERSAMPLE, y * SUPERSAMPLE) for x, y in wings], fill=color)
