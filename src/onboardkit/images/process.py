"""From a raw browser screenshot to the final image: crop, annotate, frame, resize, encode.

Every step is deterministic, so the same screenshot always gives the same bytes (Pillow
writes no time stamps into PNG or WebP files).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from onboardkit.images.annotate import Mark, PlacedLabel, Style, annotate

if TYPE_CHECKING:
    from PIL import Image

Box = tuple[float, float, float, float]
BORDER_COLOR = (208, 210, 214)
SHADOW_BLUR = 10
SHADOW_OFFSET = 4


@dataclass(frozen=True)
class FinishSpec:
    """What to do with one screenshot; boxes are in the screenshot's pixels."""

    crop: Box | None = None
    marks: list[Mark] = field(default_factory=list)
    rtl: bool = False
    scale: float = 1.0
    border: bool = False
    shadow: bool = False
    max_width: int | None = None
    format: str = "png"


@dataclass(frozen=True)
class FinishedImage:
    """The encoded image, its size in pixels and where annotation labels were drawn."""

    data: bytes
    width: int
    height: int
    labels: list[PlacedLabel]


def finish_image(raw: bytes, spec: FinishSpec) -> FinishedImage:
    """Apply ``spec`` to the PNG screenshot ``raw`` and return the encoded result."""
    from PIL import Image as PILImage

    image = PILImage.open(io.BytesIO(raw)).convert("RGB")
    marks = spec.marks
    if spec.crop is not None:
        image, offset = crop(image, spec.crop)
        marks = [_shift(mark, offset) for mark in marks]
    labels = annotate(image, marks, spec.rtl, Style(scale=spec.scale)) if marks else []
    if spec.border:
        image = add_border(image, max(1, round(spec.scale)))
    if spec.shadow:
        image = add_shadow(image, spec.scale)
    if spec.max_width:
        image = fit_width(image, spec.max_width)
    data = encode(image, spec.format)
    return FinishedImage(data, image.width, image.height, labels)


def crop(image: Image.Image, box: Box) -> tuple[Image.Image, tuple[int, int]]:
    """Crop to ``box`` (clamped to the image, rounded outwards); return the image and offset."""
    left = max(0, int(box[0]))
    top = max(0, int(box[1]))
    right = min(image.width, int(-(-box[2] // 1)))
    bottom = min(image.height, int(-(-box[3] // 1)))
    if right <= left or bottom <= top:
        raise ValueError(f"the crop box {box} lies outside the {image.width}x{image.height} image")
    return image.crop((left, top, right, bottom)), (left, top)


def _shift(mark: Mark, offset: tuple[int, int]) -> Mark:
    dx, dy = offset
    left, top, right, bottom = mark.box
    moved = (left - dx, top - dy, right - dx, bottom - dy)
    return Mark(mark.kind, moved, mark.label, mark.number, mark.side)


def add_border(image: Image.Image, width: int = 1) -> Image.Image:
    """Return ``image`` framed by a thin grey border of ``width`` pixels."""
    from PIL import ImageOps

    return ImageOps.expand(image, border=width, fill=BORDER_COLOR)


def add_shadow(image: Image.Image, scale: float = 1.0) -> Image.Image:
    """Return ``image`` on a transparent canvas with a soft drop shadow below it."""
    from PIL import Image as PILImage
    from PIL import ImageFilter

    blur = round(SHADOW_BLUR * scale)
    offset = round(SHADOW_OFFSET * scale)
    margin = blur * 2
    size = (image.width + 2 * margin, image.height + 2 * margin + offset)
    shadow = PILImage.new("RGBA", size, (0, 0, 0, 0))
    box = (margin, margin + offset, margin + image.width, margin + offset + image.height)
    shadow.paste((0, 0, 0, 70), box)
    shadow = shadow.filter(ImageFilter.GaussianBlur(blur))
    shadow.paste(image.convert("RGBA"), (margin, margin))
    return shadow


def fit_width(image: Image.Image, max_width: int) -> Image.Image:
    """Scale ``image`` down (never up) so it is at most ``max_width`` pixels wide."""
    from PIL import Image as PILImage

    if image.width <= max_width:
        return image
    height = max(1, round(image.height * max_width / image.width))
    return image.resize((max_width, height), PILImage.Resampling.LANCZOS)


def encode(image: Image.Image, image_format: str) -> bytes:
    """Encode as optimised PNG, or as WebP (lossy, quality 90)."""
    buffer = io.BytesIO()
    if image_format == "webp":
        image.save(buffer, format="WEBP", quality=90, method=6)
    else:
        image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def changed_share(old: bytes, new: bytes) -> float:
    """Return the share (0 to 1) of pixels that differ between two encoded images.

    Images of different sizes are compared on the larger canvas, where the area that only
    one of them covers counts as changed.
    """
    from PIL import Image as PILImage
    from PIL import ImageChops

    first = PILImage.open(io.BytesIO(old)).convert("RGBA")
    second = PILImage.open(io.BytesIO(new)).convert("RGBA")
    size = (max(first.width, second.width), max(first.height, second.height))
    canvases = []
    for image, sentinel in ((first, (255, 0, 255, 1)), (second, (0, 255, 0, 2))):
        canvas = PILImage.new("RGBA", size, sentinel)
        canvas.paste(image, (0, 0))
        canvases.append(canvas)
    difference = ImageChops.difference(canvases[0], canvases[1])
    bands = [band.point(lambda value: 255 if value else 0) for band in difference.split()]
    changed = bands[0]
    for band in bands[1:]:
        changed = ImageChops.lighter(changed, band)
    return changed.histogram()[255] / (size[0] * size[1])
