"""The addon's settings: ``res.config.settings`` fields and where the settings view shows them.

Odoo 17 and 18 settings views group fields in ``<app>``, ``<block>`` and ``<setting>``
elements; Odoo 16 used ``div`` elements with the classes ``app_settings_block``,
``o_settings_container`` and ``o_setting_box``. Both forms are read.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from onboardkit.content.references import MENU_SEPARATOR
from onboardkit.odoo.addon import Addon, element_text
from onboardkit.odoo.models import FieldInfo, effective_field
from onboardkit.odoo.views import ViewRecord

SETTINGS_MODEL = "res.config.settings"

# Names of the Settings apps of Odoo's own modules, for addons that add a setting to another
# module's app with an xpath.
# NOTE: names are those of Odoo 17 Community; Enterprise shows "Accounting" for 'account'.
STANDARD_APPS = {
    "base": "General Settings",
    "base_setup": "General Settings",
    "general_settings": "General Settings",
    "account": "Invoicing",
    "sale": "Sales",
    "sale_management": "Sales",
    "purchase": "Purchase",
    "stock": "Inventory",
    "mrp": "Manufacturing",
    "crm": "CRM",
    "project": "Project",
    "hr": "Employees",
    "hr_expense": "Expenses",
    "hr_holidays": "Time Off",
    "hr_timesheet": "Timesheets",
    "point_of_sale": "Point of Sale",
    "website": "Website",
    "mass_mailing": "Email Marketing",
    "mail": "Discuss",
    "fleet": "Fleet",
}


@dataclass
class Placement:
    """Where the settings view shows a field, and the texts it shows next to it."""

    app: str | None = None
    block: str | None = None
    description: str | None = None


@dataclass
class SettingField:
    """A settings field as the configuration guide lists it."""

    field: FieldInfo
    placement: Placement

    @property
    def reference(self) -> str:
        return f"[[field:{SETTINGS_MODEL}/{self.field.name}]]"

    @property
    def meaning(self) -> str | None:
        return self.field.help or self.placement.description

    @property
    def location(self) -> str:
        parts = ["Settings"]
        if self.placement.app:
            parts.append(self.placement.app)
        if self.placement.block:
            parts.append(self.placement.block)
        return MENU_SEPARATOR.join(parts)


def settings_fields(addon: Addon) -> list[SettingField]:
    """List the settings fields stored somewhere (``config_parameter`` or ``related``).

    Fields shown in a settings view come first, in view order; the others follow in the order
    of their declaration.
    """
    model = addon.models.get(SETTINGS_MODEL)
    if model is None:
        return []
    stored = {
        name: effective_field(addon.models, SETTINGS_MODEL, info)
        for name, info in model.fields.items()
        if info.config_parameter or info.related
    }
    placements = _placements(addon, set(stored))
    ordered = [name for name in placements if name in stored]
    ordered += [name for name in stored if name not in placements]
    return [SettingField(stored[name], placements.get(name, Placement())) for name in ordered]


def _placements(addon: Addon, names: set[str]) -> dict[str, Placement]:
    found: dict[str, Placement] = {}
    for view in addon.records.views.values():
        if view.model != SETTINGS_MODEL:
            continue
        for element in view.arch.iter("field"):
            name = element.get("name")
            if name in names and name not in found:
                found[name] = _placement(element, view)
    return found


def _placement(element: etree._Element, view: ViewRecord) -> Placement:
    placement = Placement()
    for ancestor in element.iterancestors():
        classes = (ancestor.get("class") or "").split()
        if ancestor.tag == "setting" and placement.description is None:
            placement.description = ancestor.get("help") or None
        elif "o_setting_box" in classes and placement.description is None:
            muted = ancestor.xpath(".//div[contains(concat(' ', @class, ' '), ' text-muted ')]")
            placement.description = element_text(muted[0]) if muted else None
        elif ancestor.tag == "block" and placement.block is None:
            placement.block = ancestor.get("title") or None
        elif "o_settings_container" in classes and placement.block is None:
            heading = ancestor.getprevious()
            if heading is not None and heading.tag == "h2":
                placement.block = element_text(heading) or None
        elif ancestor.tag == "app" or "app_settings_block" in classes:
            placement.app = ancestor.get("string") or ancestor.get("data-string") or None
    if placement.app is None and view.inherit_id:
        placement.app = STANDARD_APPS.get(view.inherit_id.split(".", 1)[0])
    return placement


def default_text(field: FieldInfo) -> str | None:
    """Describe a field's literal default as the settings table shows it, or return None."""
    value = field.default
    if value is None:
        return None
    if isinstance(value, bool):
        return "Checked" if value else "Not checked"
    if field.selection and isinstance(value, str):
        if value in dict(field.selection):
            return f"[[selection:{SETTINGS_MODEL}/{field.name}/{value}]]"
        return None
    if isinstance(value, str | int | float):
        return f"`{value}`" if str(value).strip() else None
    return None
