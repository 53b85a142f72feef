"""Labels mixing Arabic and Latin text: runs, visual order and raqm shaping."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageDraw, ImageFont, features

from onboardkit.images.annotate import Mark, Style, annotate
from onboardkit.images.fonts import FontNotFound, find_font, load_font
from onboardkit.images.process import FinishSpec, finish_image
from onboardkit.images.text import layout_text, split_runs, visual_order

ARABIC_LABEL = "أدخل مفتاح الواجهة"


def runs_of(text: str, rtl: bool) -> list[tuple[str, str, bool]]:
    return [(run.text, run.script, run.rtl) for run in split_runs(text, rtl)]


def test_raqm_available() -> None:
    assert features.check("raqm"), "Pillow needs libraqm for Arabic labels"


def test_runs_of_mixed_arabic() -> None:
    assert runs_of("الصق مفتاح API هنا (سري)", True) == [
        ("الصق مفتاح ", "arabic", True),
        ("API", "latin", False),
        (" هنا ", "arabic", True),
        (")", "latin", True),
        ("سري", "arabic", True),
        ("(", "latin", True),
    ]


def test_runs_of_english_with_arabic_word() -> None:
    assert runs_of("Label: شحنة 2", False) == [
        ("Label: ", "latin", False),
        ("شحنة", "arabic", True),
        (" 2", "latin", False),
    ]


def test_visual_order_rtl_paragraph() -> None:
    runs = split_runs("مفتاح API هنا", True)
    assert [run.text for run in visual_order(runs, True)] == [" هنا", "API", "مفتاح "]


def test_arabic_label_matches_pillow_render() -> None:
    image = Image.new("RGB", (400, 120), (250, 250, 250))
    style = Style()
    labels = annotate(image, [Mark("callout", (300, 60, 380, 90), ARABIC_LABEL)], True, style)
    label = next(placed for placed in labels if placed.text == ARABIC_LABEL)
    # The reference: Pillow's own raqm render of the same text on the tag's colour.
    font = ImageFont.truetype(
        str(find_font("NotoSansArabic-Regular.ttf")), 14, layout_engine=ImageFont.Layout.RAQM
    )
    left, top, right, bottom = (round(value) for value in label.tag)
    inner = (left + 8, top + 3, right - 8, bottom - 3)
    reference = Image.new("RGB", image.size, style.color)
    ImageDraw.Draw(reference).text(
        (label.origin[0], label.origin[1] + label.laid_out.ascent),
        ARABIC_LABEL,
        font=font,
        fill=(255, 255, 255),
        anchor="ls",
        direction="rtl",
        language="ar",
    )
    assert image.crop(inner).tobytes() == reference.crop(inner).tobytes()


def test_shaping_differs_from_unshaped_letters() -> None:
    shaped = layout_text(ARABIC_LABEL, 14, True)
    basic = ImageFont.truetype(
        str(find_font("NotoSansArabic-Regular.ttf")), 14, layout_engine=ImageFont.Layout.BASIC
    )
    assert shaped.width != pytest.approx(basic.getlength(ARABIC_LABEL), abs=0.5)


def test_label_tag_mirrors_in_rtl() -> None:
    image = Image.new("RGB", (400, 120), (250, 250, 250))
    box = (150, 60, 250, 90)
    english = annotate(image.copy(), [Mark("callout", box, "Key")], False, Style())
    arabic = annotate(image.copy(), [Mark("callout", box, "مفتاح")], True, Style())
    assert english[0].tag[0] < box[0] + 1 < english[1].tag[0]
    assert arabic[1].tag[2] < arabic[0].tag[0]
    assert arabic[0].tag[2] > box[2] - 1


def test_missing_font_error(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setattr("onboardkit.images.fonts.FONT_DIRS", ())
    monkeypatch.setenv("ONBOARDKIT_FONT_DIR", str(tmp_path))
    find_font.cache_clear()
    load_font.cache_clear()
    try:
        with pytest.raises(FontNotFound) as caught:
            find_font("NotoSansArabic-Regular.ttf")
    finally:
        find_font.cache_clear()
        load_font.cache_clear()
    assert str(caught.value) == (
        f"font 'NotoSansArabic-Regular.ttf' not found in {tmp_path}. Install the Noto fonts "
        "(Debian package fonts-noto-core, see scripts/install-system-deps.sh) or set "
        "$ONBOARDKIT_FONT_DIR to a folder that contains it."
    )


def test_finish_image_arabic_annotations_deterministic() -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (300, 200), (240, 240, 240)).save(buffer, format="PNG")
    spec = FinishSpec(
        crop=(10, 10, 290, 190),
        marks=[Mark("box", (50, 80, 150, 120), "الشحنات"), Mark("arrow", (50, 80, 150, 120))],
        rtl=True,
    )
    first = finish_image(buffer.getvalue(), spec)
    second = finish_image(buffer.getvalue(), spec)
    assert first.data == second.data
    assert (first.width, first.height) == (280, 180)
