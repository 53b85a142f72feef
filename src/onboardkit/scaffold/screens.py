"""The screens an addon adds: its menus that open a window action, and the fields of each form."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from onboardkit.odoo.addon import Addon
from onboardkit.odoo.views import ActionRecord, MenuRecord, ViewRecord

MAX_FIELDS = 12


@dataclass
class FormField:
    """A field of a form, with the columns of its embedded list for one2many fields."""

    model: str
    name: str
    columns: list[FormField] = field(default_factory=list)

    @property
    def reference(self) -> str:
        return f"[[field:{self.model}/{self.name}]]"


@dataclass
class Screen:
    """A menu entry that opens a window action of the addon."""

    menu: MenuRecord
    action: ActionRecord
    description: str | None
    fields: list[FormField]

    @property
    def reference(self) -> str:
        return f"[[menu:{self.menu.xmlid}]]"


def addon_screens(addon: Addon) -> list[Screen]:
    """List the addon's menus that open one of its window actions, in menu order."""
    screens = []
    for menu in ordered_menus(addon):
        action = addon.records.actions.get(menu.action or "")
        if action is None:
            continue
        model = addon.models.get(action.res_model)
        description = model.description if model else None
        form = _form_view(addon, action)
        fields = _form_fields(addon, form) if form is not None else []
        screens.append(Screen(menu, action, description, fields))
    return screens


def ordered_menus(addon: Addon) -> list[MenuRecord]:
    """Return the addon's menus depth first, each level by sequence then file order."""
    menus = addon.records.menus
    children: dict[str | None, list[MenuRecord]] = {}
    for menu in menus.values():
        parent = menu.parent if menu.parent in menus else None
        children.setdefault(parent, []).append(menu)
    ordered: list[MenuRecord] = []

    def visit(parent: str | None) -> None:
        for menu in sorted(children.get(parent, []), key=lambda m: (m.sequence, m.file, m.line)):
            ordered.append(menu)
            visit(menu.xmlid)

    visit(None)
    return ordered


def root_menu(addon: Addon) -> MenuRecord | None:
    """Return the addon's top-level app menu (one without a parent), if it has one."""
    for menu in ordered_menus(addon):
        if menu.parent is None:
            return menu
    return None


def _form_view(addon: Addon, action: ActionRecord) -> ViewRecord | None:
    views = addon.records.views
    if action.view_id and action.view_id in views and views[action.view_id].type == "form":
        return views[action.view_id]
    forms = [
        view
        for view in views.values()
        if view.model == action.res_model and view.type == "form" and view.inherit_id is None
    ]
    return min(forms, key=lambda view: view.priority) if forms else None


def _form_fields(addon: Addon, form: ViewRecord) -> list[FormField]:
    """List the visible fields of a form that the addon declares, and their list columns."""
    found: list[FormField] = []
    seen: set[str] = set()
    for element in form.arch.iter("field"):
        name = element.get("name")
        if not name or name in seen or _hidden(element) or _nested(element, form.arch):
            continue
        if not _declared(addon, form.model, name):
            continue
        seen.add(name)
        entry = FormField(str(form.model), name)
        comodel = addon.models[str(form.model)].fields[name].comodel
        subview = element.find("tree")
        subview = subview if subview is not None else element.find("list")
        if subview is not None and comodel:
            entry.columns = [
                FormField(comodel, column.get("name"))
                for column in subview.iter("field")
                if not _hidden(column) and _declared(addon, comodel, column.get("name"))
            ]
        found.append(entry)
        if len(found) == MAX_FIELDS:
            break
    return found


def _declared(addon: Addon, model: str | None, name: str | None) -> bool:
    info = addon.models.get(model or "")
    return info is not None and name in info.fields


def _hidden(element: etree._Element) -> bool:
    """Whether Odoo never shows the field, or shows it under a label of the view's own."""
    if (element.get("invisible") or "").strip() in ("1", "True", "true"):
        return True
    if element.get("string") or element.get("widget") == "statinfo":
        return True
    for ancestor in element.iterancestors():
        classes = (ancestor.get("class") or "").split()
        if "oe_button_box" in classes or ancestor.get("name") == "button_box":
            return True
    return False


def _nested(element: etree._Element, root: etree._Element) -> bool:
    """Whether the field belongs to a subview embedded in another field."""
    parent = element.getparent()
    while parent is not None and parent is not root:
        if parent.tag == "field":
            return True
        parent = parent.getparent()
    return False
