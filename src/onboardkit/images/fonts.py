"""Finding the Noto fonts used for annotation labels, and checking Pillow's text layout.

Arabic labels need shaping (joined letter forms, right-to-left order), which Pillow does only
with its raqm layout engine. Fonts are looked up by file name in the usual font folders, so
the Debian package fonts-noto-core (or the same files copied elsewhere) is enough.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import TYPE_CHECKING

from onboardkit.errors import OnboardkitError

if TYPE_CHECKING:
    from PIL.ImageFont import FreeTypeFont

FONT_DIR_VARIABLE = "ONBOARDKIT_FONT_DIR"
FONT_DIRS = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
)
FONT_FILES = {
    ("latin", False): "NotoSans-Regular.ttf",
    ("latin", True): "NotoSans-Bold.ttf",
    ("arabic", False): "NotoSansArabic-Regular.ttf",
    ("arabic", True): "NotoSansArabic-Bold.ttf",
}


class FontNotFound(OnboardkitError):
    """A font that annotations need is not installed, or Pillow cannot shape text."""


def font_dirs() -> list[Path]:
    """Return the folders searched for fonts, ``$ONBOARDKIT_FONT_DIR`` first."""
    dirs = []
    if os.environ.get(FONT_DIR_VARIABLE):
        dirs.append(Path(os.environ[FONT_DIR_VARIABLE]).expanduser())
    dirs += [Path(folder).expanduser() for folder in FONT_DIRS]
    return dirs


@functools.lru_cache(maxsize=16)
def find_font(file_name: str) -> Path:
    """Return the path of the font file named ``file_name``.

    Raises:
        FontNotFound: no searched folder contains it.
    """
    for folder in font_dirs():
        if not folder.is_dir():
            continue
        direct = folder / file_name
        if direct.is_file():
            return direct
        for found in sorted(folder.rglob(file_name)):
            return found
    searched = ", ".join(str(folder) for folder in font_dirs())
    raise FontNotFound(
        f"font '{file_name}' not found in {searched}. Install the Noto fonts (Debian package "
        f"fonts-noto-core, see scripts/install-system-deps.sh) or set ${FONT_DIR_VARIABLE} to "
        "a folder that contains it."
    )


def check_raqm() -> None:
    """Raise FontNotFound unless Pillow has the raqm layout engine (needed for Arabic)."""
    from PIL import features

    if not features.check("raqm"):
        raise FontNotFound(
            "Pillow has no raqm layout engine, so Arabic labels cannot be shaped. Pillow's "
            "wheels include raqm but load FriBiDi from the system: install it (Debian package "
            "libfribidi0)."
        )


@functools.lru_cache(maxsize=32)
def load_font(script: str, bold: bool, size: int) -> FreeTypeFont:
    """Return the Noto font for ``script`` ('latin' or 'arabic') at ``size`` pixels."""
    from PIL import ImageFont

    check_raqm()
    path = find_font(FONT_FILES[(script, bold)])
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.RAQM)


@functools.lru_cache(maxsize=4096)
def font_has_glyph(script: str, character: str) -> bool:
    """Return whether the ``script`` font draws ``character`` (rather than its missing glyph)."""
    from PIL import Image, ImageDraw

    font = load_font(script, False, 24)

    def render(text: str) -> bytes:
        image = Image.new("L", (64, 48))
        ImageDraw.Draw(image).text((8, 8), text, font=font, fill=255)
        return image.tobytes()

    if character.isspace():
        return True
    return render(character) != render("\uffff")
