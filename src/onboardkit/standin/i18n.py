"""Labels in the user's language: the addons' own catalogs, and a small table for the chrome.

Addon labels come from each addon's ``i18n/<lang>.po`` as Odoo would load them (field
descriptions, selection values, menus, actions, view terms). The stand-in's own strings
(buttons, pager, login page, the base models' labels) come from ``ARABIC`` below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from onboardkit.odoo.addon import Addon, LabelError
from onboardkit.odoo.models import FieldInfo
from onboardkit.standin import builtin

if TYPE_CHECKING:
    from onboardkit.standin.database import Database

ARABIC = {
    "New": "جديد",
    "Save": "حفظ",
    "Discard": "تجاهل",
    "Save manually": "الحفظ يدويًا",
    "Discard all changes": "تجاهل كافة التغييرات",
    "Settings": "الإعدادات",
    "General Settings": "الإعدادات العامة",
    "Search...": "بحث...",
    "Search": "بحث",
    "Filters": "عوامل التصفية",
    "Group By": "التجميع حسب",
    "Previous": "السابق",
    "Next": "التالي",
    "List": "القائمة",
    "Kanban": "كانبان",
    "Form": "استمارة",
    "Actions": "الإجراءات",
    "selected": "محدد",
    "Export": "تصدير",
    "Duplicate": "استنساخ",
    "Delete": "حذف",
    "Home Menu": "القائمة الرئيسية",
    "Log in": "تسجيل الدخول",
    "Log out": "تسجيل الخروج",
    "Email": "البريد الإلكتروني",
    "Password": "كلمة المرور",
    "Database": "قاعدة البيانات",
    "Select": "اختر",
    "Reset Password": "إعادة تعيين كلمة المرور",
    "Wrong login/password": "بيانات الدخول/كلمة المرور خاطئة",
    "Preferences": "التفضيلات",
    "My Profile": "ملفي الشخصي",
    "Documentation": "التوثيق",
    "Loading...": "جاري التحميل...",
    "Confirmation": "التأكيد",
    "Ok": "موافق",
    "Cancel": "إلغاء",
    "Close": "إغلاق",
    "Done": "تم",
    "Saved": "تم الحفظ",
    "The record has been saved.": "تم حفظ السجل.",
    "Send message": "إرسال رسالة",
    "Log note": "ملاحظة",
    "Activities": "الأنشطة",
    "Following": "متابع",
    "Follow": "متابعة",
    "Today": "اليوم",
    "Yesterday": "الأمس",
    "Total": "الإجمالي",
    "Add a line": "إضافة بند",
    "Add": "إضافة",
    "Open": "فتح",
    "Copy": "نسخ",
    "Users": "المستخدمون",
    "Languages": "اللغات",
    "Companies": "الشركات",
    "Active Users": "المستخدمون النشطون",
    "Users who may log in to this database.": (
        "المستخدمون الذين يمكنهم تسجيل الدخول إلى قاعدة البيانات هذه."
    ),
    "Languages the users may choose.": "اللغات التي يمكن للمستخدمين اختيارها.",
    "Name": "الاسم",
    "Phone": "رقم الهاتف",
    "Mobile": "الهاتف المحمول",
    "City": "المدينة",
    "Country": "الدولة",
    "Street": "الشارع",
    "Street2": "الشارع 2",
    "Street...": "الشارع...",
    "Street 2...": "الشارع 2...",
    "Zip": "الرمز البريدي",
    "ZIP": "الرمز البريدي",
    "Website Link": "رابط الموقع الإلكتروني",
    "Tax ID": "معرف الضريبة",
    "Company": "الشركة",
    "Contact": "جهة الاتصال",
    "Contacts": "جهات الاتصال",
    "Job Position": "المنصب الوظيفي",
    "Notes": "الملاحظات",
    "Messages": "الرسائل",
    "Followers": "المتابعين",
    "Related Company": "الشركة ذات الصلة",
    "Company Name": "اسم الشركة",
    "Currency": "العملة",
    "Transfer": "الشحنة",
    "Reference": "المرجع",
    "Source Document": "المستند المصدر",
    "Status": "الحالة",
    "Label": "الملصق",
    "Attachment": "المرفق",
    "No record found": "لم يتم العثور على أي سجل",
    "Unsaved changes": "تغييرات غير محفوظة",
}


class Translator:
    """Looks up labels for one language; English (or any ``en_*``) returns source text."""

    def __init__(self, addons: list[Addon], language: str):
        self.language = language
        self.english = language.startswith("en")
        self.addons = addons
        self._terms: dict[str, str] = {}
        if not self.english:
            for addon in addons:
                self._terms.update(addon.translations(language).by_source)

    def chrome(self, text: str) -> str:
        """Translate one of the stand-in's own strings."""
        if self.english or not self.language.startswith("ar"):
            return text
        return ARABIC.get(text, text)

    def term(self, text: str | None) -> str:
        """Translate a view term (``string``, ``help``, text) with the addons' catalogs."""
        if not text:
            return text or ""
        if self.english:
            return text
        return self._terms.get(text) or self.chrome(text)

    def field_label(self, model: str, name: str) -> str:
        found = self._addon_label(model, f"field:{model}/{name}")
        if found is not None:
            return found
        info = self._field(model, name) or FieldInfo(name=name, type="Char")
        return self.term(info.label)

    def selection(self, model: str, name: str, value: object) -> str:
        found = self._addon_label(model, f"selection:{model}/{name}/{value}")
        if found is not None:
            return found
        info = self._field(model, name)
        options = dict(info.selection) if info else {}
        return self.term(options.get(str(value), str(value)))

    def menu(self, xmlid: str, english: str) -> str:
        return self._by_reference(xmlid, f"menu:{xmlid}", english)

    def action(self, xmlid: str, english: str) -> str:
        return self._by_reference(xmlid, f"action:{xmlid}", english)

    def record_name(self, database: Database, model: str, record_id: int) -> str:
        """Return a record's display name; base countries have Arabic names."""
        if model == "res.country" and not self.english:
            record = database.browse(model, record_id) or {}
            names = builtin.COUNTRIES.get(str(record.get("code", "")).lower())
            if names:
                return names[1]
        return database.display_name(model, record_id)

    def _by_reference(self, xmlid: str, reference: str, english: str) -> str:
        if self.english:
            return english
        module = xmlid.partition(".")[0]
        for addon in self.addons:
            if addon.module != module:
                continue
            try:
                label = addon.label(reference, self.language)
            except LabelError:
                break
            if label.translated:
                return label.text
        return self.term(english)

    def _addon_label(self, model: str, reference: str) -> str | None:
        for addon in self.addons:
            if model not in addon.models:
                continue
            try:
                label = addon.label(reference, None if self.english else self.language)
            except LabelError:
                continue
            if self.english or label.translated:
                return label.text
        return None

    def _field(self, model: str, name: str) -> FieldInfo | None:
        for addon in self.addons:
            info = addon.models.get(model)
            if info and name in info.fields:
                return info.fields[name]
        specs = builtin.MODEL_FIELDS.get(model, []) + builtin.MAIL_THREAD_FIELDS
        return builtin.parse_fields(specs).get(name)

    def terms_for_client(self) -> dict[str, str]:
        """Return the chrome strings the browser script shows, in this language."""
        names = [
            "Confirmation",
            "Ok",
            "Cancel",
            "Close",
            "Done",
            "Saved",
            "Loading...",
            "The record has been saved.",
            "Discard",
            "Save",
            "New",
            "Unsaved changes",
        ]
        return {name: self.chrome(name) for name in names}
