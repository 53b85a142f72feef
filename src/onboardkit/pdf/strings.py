"""Words that only the PDF guides use (cover, contents, footer), per language."""

from __future__ import annotations

PDF_STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "handbook": "Handbook",
        "handbook_subject": "Every guide of {product}, in one document",
        "guide_subject": "{guide}: a guide to {product}",
        "contents": "Contents",
        "module_version": "Module version",
        "odoo_series": "Odoo series",
        "language": "Language",
        "build_date": "Built on",
        "vendor": "Published by",
        "page_of": "page {page} of {pages}",
        "downloads": "PDF downloads",
        "downloads_intro": "Every guide as a PDF to print or read offline.",
        "downloads_none": "No PDF has been built yet. Run `onboardkit pdf` to build them.",
        "handbook_entry": "Handbook: every guide in one PDF",
        "all_guides": "all guides",
    },
    "ar": {
        "handbook": "الدليل الشامل",
        "handbook_subject": "جميع أدلة {product} في مستند واحد",
        "guide_subject": "{guide}: دليل إلى {product}",
        "contents": "المحتويات",
        "module_version": "إصدار الوحدة",
        "odoo_series": "إصدار أودو",
        "language": "اللغة",
        "build_date": "تاريخ الإنشاء",
        "vendor": "الناشر",
        "page_of": "صفحة {page} من {pages}",
        "downloads": "تنزيل ملفات PDF",
        "downloads_intro": "كل دليل بصيغة PDF للطباعة أو للقراءة دون اتصال.",
        "downloads_none": "لم يُنشأ أي ملف PDF بعد. شغّل `onboardkit pdf` لإنشائها.",
        "handbook_entry": "الدليل الشامل: جميع الأدلة في ملف PDF واحد",
        "all_guides": "جميع الأدلة",
    },
}


def pdf_text(language: str, key: str, **values: str) -> str:
    """Return the PDF string ``key`` in ``language`` (English when missing), filled in."""
    table = PDF_STRINGS.get(language.split("_")[0]) or PDF_STRINGS["en"]
    text = table.get(key) or PDF_STRINGS["en"][key]
    return text.format(**values) if values else text
