"""Drawing a label that mixes Arabic and Latin text, shaped by Pillow's raqm engine.

No single Noto font covers both scripts, so a label is cut into runs by script, each run is
drawn with its own font (Arabic runs shaped right-to-left), and runs are placed in visual
order: left to right in an English label, right to left in an Arabic one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from onboardkit.images.fonts import font_has_glyph, load_font

if TYPE_CHECKING:
    from PIL import ImageDraw
    from PIL.ImageFont import FreeTypeFont

ARABIC_RANGES = (
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x08A0, 0x08FF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
)


MIRRORED = str.maketrans("()[]{}<>«»", ")(][}{><»«")


@dataclass(frozen=True)
class TextRun:
    """A piece of a label drawn with one font; ``rtl`` runs are at right-to-left level."""

    text: str
    script: str
    rtl: bool

    @property
    def direction(self) -> str:
        return "rtl" if self.script == "arabic" else "ltr"

    @property
    def language(self) -> str:
        return "ar" if self.script == "arabic" else "en"


def is_arabic(character: str) -> bool:
    code = ord(character)
    return any(low <= code <= high for low, high in ARABIC_RANGES)


def _strong_script(character: str) -> str | None:
    if is_arabic(character):
        return "arabic"
    if character.isalpha():
        return "latin"
    return None


def _resolve_scripts(text: str, base: str) -> list[str]:
    """Give each character a script; a neutral takes its neighbours' when both agree.

    Neutral characters (spaces, digits, punctuation) between two strong characters of the same
    script take that script; anywhere else they take the paragraph's, as in the Unicode
    bidirectional algorithm's rules for neutrals.
    """
    strong = [_strong_script(character) for character in text]
    resolved = list(strong)
    index = 0
    while index < len(text):
        if strong[index] is not None:
            index += 1
            continue
        end = index
        while end < len(text) and strong[end] is None:
            end += 1
        before = strong[index - 1] if index > 0 else base
        after = strong[end] if end < len(text) else base
        script = before if before == after else base
        for position in range(index, end):
            resolved[position] = script
        index = end
    return [script or base for script in resolved]


def split_runs(text: str, rtl: bool) -> list[TextRun]:
    """Cut ``text`` into runs of one font and one direction level, in logical order.

    A character resolved to Arabic that Noto Sans Arabic lacks (parentheses, for example) is
    drawn with the Latin font in a run of its own, mirrored, at the right-to-left level.
    """
    base = "arabic" if rtl else "latin"
    runs: list[TextRun] = []
    for character, script in zip(text, _resolve_scripts(text, base), strict=True):
        level_rtl = script == "arabic"
        font_script = script
        if script == "arabic" and not font_has_glyph("arabic", character):
            font_script = "latin"
            character = character.translate(MIRRORED)
        if runs and runs[-1].script == font_script and runs[-1].rtl == level_rtl:
            runs[-1] = TextRun(runs[-1].text + character, font_script, level_rtl)
        else:
            runs.append(TextRun(character, font_script, level_rtl))
    return runs


def visual_order(runs: list[TextRun], rtl: bool) -> list[TextRun]:
    """Reorder runs for display by reversing runs at each level, highest level first."""

    def level(run: TextRun) -> int:
        if rtl:
            return 1 if run.rtl else 2
        return 1 if run.rtl else 0

    ordered = list(runs)
    for threshold in range(max(map(level, runs), default=0), 0, -1):
        index = 0
        while index < len(ordered):
            if level(ordered[index]) < threshold:
                index += 1
                continue
            end = index
            while end < len(ordered) and level(ordered[end]) >= threshold:
                end += 1
            ordered[index:end] = reversed(ordered[index:end])
            index = end
    return ordered


@dataclass(frozen=True)
class LaidOutText:
    """Runs in visual order with their x offsets, and the size of the whole label."""

    runs: list[tuple[TextRun, float]]
    width: float
    ascent: int
    descent: int
    size: int
    bold: bool

    @property
    def height(self) -> int:
        return self.ascent + self.descent


def run_font(run: TextRun, size: int, bold: bool) -> FreeTypeFont:
    return load_font(run.script, bold, size)


def layout_text(text: str, size: int, rtl: bool, bold: bool = False) -> LaidOutText:
    """Measure ``text`` at ``size`` pixels and place its runs for a paragraph in that direction.

    The height is the Latin font's line height, grown where the text reaches further.
    """
    placed = []
    x = 0.0
    ascent, descent = load_font("latin", bold, size).getmetrics()
    for run in visual_order(split_runs(text, rtl), rtl):
        font = run_font(run, size, bold)
        placed.append((run, x))
        x += font.getlength(run.text, direction=run.direction, language=run.language)
        box = font.getbbox(run.text, anchor="ls", direction=run.direction, language=run.language)
        ascent = max(ascent, -box[1])
        descent = max(descent, box[3])
    return LaidOutText(placed, x, ascent, descent, size, bold)


def draw_text(
    draw: ImageDraw.ImageDraw,
    origin: tuple[float, float],
    laid_out: LaidOutText,
    fill: tuple[int, ...] | str,
) -> None:
    """Draw laid-out text with its top-left corner at ``origin``."""
    baseline = origin[1] + laid_out.ascent
    for run, offset in laid_out.runs:
        draw.text(
            (origin[0] + offset, baseline),
            run.text,
            font=run_font(run, laid_out.size, laid_out.bold),
            fill=fill,
            anchor="ls",
            direction=run.direction,
            language=run.language,
        )
