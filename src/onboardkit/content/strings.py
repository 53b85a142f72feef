"""onboardkit's own words on generated pages, per language.

A language missing here gets English; a project adds one by extending ``UI_STRINGS``.
"""

from __future__ import annotations

UI_STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "audience": "Audience",
        "time": "Estimated time",
        "prerequisites": "Before you start",
        "steps": "Steps",
        "result": "Expected result",
        "settings": "Settings reference",
        "setting": "Setting",
        "meaning": "Meaning",
        "default": "Default",
        "location": "Where in Odoo",
        "problems": "Problems and fixes",
        "symptom": "Symptom",
        "error": "Error message",
        "error_original": "Original English message",
        "cause": "Cause",
        "fix": "Fix",
        "related": "Related guides",
        "untranslated_title": "Translation incomplete",
        "untranslated_text": "Parts of this page are not translated yet and are shown in English.",
        "untranslated_page": "This page is not translated yet and is shown in English.",
        "missing_shot": "Screenshot not captured yet",
        "kind.installation": "Installation",
        "kind.configuration": "Configuration",
        "kind.workflow": "Workflows",
        "kind.troubleshooting": "Troubleshooting",
        "kind.integration": "Integration patterns",
        "kind.upgrade": "Upgrades",
        "pdf": "Download as PDF",
        "admonition.note": "Note",
        "admonition.tip": "Tip",
        "admonition.info": "Info",
        "admonition.warning": "Warning",
        "admonition.danger": "Danger",
        "admonition.example": "Example",
    },
    "ar": {
        "audience": "الجمهور",
        "time": "الوقت المقدَّر",
        "prerequisites": "قبل أن تبدأ",
        "steps": "الخطوات",
        "result": "النتيجة المتوقعة",
        "settings": "مرجع الإعدادات",
        "setting": "الإعداد",
        "meaning": "المعنى",
        "default": "القيمة الافتراضية",
        "location": "مكانه في أودو",
        "problems": "المشكلات وحلولها",
        "symptom": "العَرَض",
        "error": "رسالة الخطأ",
        "error_original": "الرسالة الأصلية بالإنجليزية",
        "cause": "السبب",
        "fix": "الحل",
        "related": "أدلة ذات صلة",
        "untranslated_title": "الترجمة غير مكتملة",
        "untranslated_text": "بعض أجزاء هذه الصفحة لم تُترجم بعد، لذا تظهر باللغة الإنجليزية.",
        "untranslated_page": "هذه الصفحة لم تُترجم بعد، لذا تظهر باللغة الإنجليزية.",
        "missing_shot": "لم تُلتقط لقطة الشاشة بعد",
        "kind.installation": "التثبيت",
        "kind.configuration": "الإعداد",
        "kind.workflow": "سير العمل",
        "kind.troubleshooting": "حل المشكلات",
        "kind.integration": "أنماط التكامل",
        "kind.upgrade": "الترقيات",
        "pdf": "تنزيل بصيغة PDF",
        "admonition.note": "ملاحظة",
        "admonition.tip": "نصيحة",
        "admonition.info": "معلومة",
        "admonition.warning": "تحذير",
        "admonition.danger": "خطر",
        "admonition.example": "مثال",
    },
}


def ui_text(language: str, key: str) -> str:
    table = UI_STRINGS.get(language.split("_")[0]) or UI_STRINGS["en"]
    return table.get(key) or UI_STRINGS["en"][key]


def minutes_text(language: str, minutes: int) -> str:
    """Format a duration in minutes with the language's plural rules (Latin digits)."""
    if language.split("_")[0] == "ar":
        if minutes == 1:
            return "دقيقة واحدة"
        if minutes == 2:
            return "دقيقتان"
        if 3 <= minutes % 100 <= 10:
            return f"{minutes} دقائق"
        return f"{minutes} دقيقة"
    return "1 minute" if minutes == 1 else f"{minutes} minutes"
