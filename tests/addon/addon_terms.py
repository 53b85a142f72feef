"""The translatable terms of an Odoo 18 addon, found the way Odoo's export finds them.

Used by the tests to prove that ``i18n/<module>.pot`` lists every term of the example addon
with the occurrence reference Odoo writes for it (``model:...``, ``model_terms:...`` or
``code:addons/...:0``). It covers the kinds of terms the example uses. These are model
descriptions, field labels and help texts (with the fields Odoo adds to every model and to
``mail.thread`` models), selection values and SQL constraint messages. Then come menus,
window actions and their help, groups, module categories and scheduled actions. Last are
view terms and the ``_()`` / ``env._()`` calls in Python.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

from lxml import etree

from onboardkit.odoo.manifest import read_manifest
from onboardkit.odoo.models import read_models

# Attributes whose values Odoo 18 translates in view architectures.
TRANSLATED_ATTRIBUTES = frozenset(
    {
        "string", "help", "sum", "avg", "confirm", "placeholder", "alt", "title",
        "aria-label", "aria-keyshortcuts", "aria-placeholder", "aria-roledescription",
        "aria-valuetext", "value_label", "data-tooltip", "label", "add-label",
    }
)  # fmt: skip
MAGIC_FIELD_LABELS = {
    "id": "ID",
    "display_name": "Display Name",
    "create_uid": "Created by",
    "create_date": "Created on",
    "write_uid": "Last Updated by",
    "write_date": "Last Updated on",
}
# Labels and help texts of the fields mail.thread adds in Odoo 18.0.
# NOTE: written by hand, not taken from an export of an Odoo 18 database, so a label
# that Odoo words differently would be missing from the .pot without any test failing.
MAIL_THREAD_FIELDS = {
    "message_is_follower": ("Is Follower", None),
    "message_follower_ids": ("Followers", None),
    "message_partner_ids": ("Followers (Partners)", None),
    "message_ids": ("Messages", None),
    "has_message": ("Has Message", None),
    "message_needaction": ("Action Needed", "If checked, new messages require your attention."),
    "message_needaction_counter": ("Number of Actions", "Number of messages requiring action"),
    "message_has_error": (
        "Message Delivery error",
        "If checked, some messages have a delivery error.",
    ),
    "message_has_error_counter": ("Number of errors", "Number of messages with delivery error"),
    "message_attachment_count": ("Attachment Count", None),
    "website_message_ids": ("Website Messages", "Website communication history"),
}
# Descriptions of the standard models the example extends (ir.model names in Odoo 18.0).
STANDARD_DESCRIPTIONS = {"res.config.settings": "Config Settings", "stock.picking": "Transfer"}
TRANSLATED_RECORD_FIELDS = {
    "ir.ui.menu": ("name",),
    "ir.actions.act_window": ("name",),
    "res.groups": ("name",),
    "ir.module.category": ("name", "description"),
}

Terms = dict[str, set[str]]


def collect_terms(addon_dir: Path) -> Terms:
    """Map each translatable English term of the addon to its Odoo occurrence references."""
    module = addon_dir.name
    terms: Terms = defaultdict(set)
    _model_terms(addon_dir, module, terms)
    manifest = read_manifest(addon_dir)
    for relative in manifest.get("data", []):
        if relative.endswith(".xml"):
            root = etree.parse(str(addon_dir / relative)).getroot()
            _data_terms(root, module, terms)
    for path in sorted(addon_dir.rglob("*.py")):
        relative = path.relative_to(addon_dir).as_posix()
        for text in code_terms(path):
            terms[text].add(f"code:addons/{module}/{relative}:0")
    return dict(terms)


def _model_terms(addon_dir: Path, module: str, terms: Terms) -> None:
    for name, info in read_models(addon_dir).items():
        model_ref = name.replace(".", "_")
        own = name not in info.inherit
        description = info.description if own else STANDARD_DESCRIPTIONS[name]
        terms[description].add(f"model:ir.model,name:{module}.model_{model_ref}")
        labels: dict[str, tuple[str, str | None]] = {}
        if own:
            labels.update({field: (label, None) for field, label in MAGIC_FIELD_LABELS.items()})
            if "mail.thread" in info.inherit:
                labels.update(MAIL_THREAD_FIELDS)
        labels.update({field: (spec.label, spec.help) for field, spec in info.fields.items()})
        for field, (label, help_text) in labels.items():
            reference = f"{module}.field_{model_ref}__{field}"
            terms[label].add(f"model:ir.model.fields,field_description:{reference}")
            if help_text:
                terms[help_text].add(f"model:ir.model.fields,help:{reference}")
        for field, spec in info.fields.items():
            for value, label in spec.selection:
                reference = f"{module}.selection__{model_ref}__{field}__{value}"
                terms[label].add(f"model:ir.model.fields.selection,name:{reference}")
        for constraint, message in sql_constraints(addon_dir / info.file, info.class_name):
            reference = f"{module}.constraint_{model_ref}_{constraint}"
            terms[message].add(f"model:ir.model.constraint,message:{reference}")


def sql_constraints(path: Path, class_name: str) -> list[tuple[str, str]]:
    """Return the (name, message) pairs of a class's ``_sql_constraints``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name == class_name:
            for statement in node.body:
                if (
                    isinstance(statement, ast.Assign)
                    and isinstance(statement.targets[0], ast.Name)
                    and statement.targets[0].id == "_sql_constraints"
                ):
                    return [
                        (name, message) for name, _sql, message in ast.literal_eval(statement.value)
                    ]
    return []


def _data_terms(root: etree._Element, module: str, terms: Terms) -> None:
    for menu in root.iter("menuitem"):
        if menu.get("name"):
            terms[menu.get("name")].add(f"model:ir.ui.menu,name:{_full(module, menu.get('id'))}")
    for record in root.iter("record"):
        model = record.get("model")
        xmlid = _full(module, record.get("id"))
        values = {field.get("name"): field for field in record.iterchildren("field")}
        for name in TRANSLATED_RECORD_FIELDS.get(model, ()):
            if name in values and (values[name].text or "").strip():
                terms[values[name].text.strip()].add(f"model:{model},{name}:{xmlid}")
        if model == "ir.cron":
            terms[values["name"].text.strip()].add(
                f"model:ir.actions.server,name:{xmlid}_ir_actions_server"
            )
        if model == "ir.actions.act_window" and "help" in values:
            for text in element_terms(values["help"], include_self=False):
                terms[text].add(f"model_terms:ir.actions.act_window,help:{xmlid}")
        if model == "ir.ui.view" and "arch" in values:
            for text in element_terms(values["arch"], include_self=False):
                terms[text].add(f"model_terms:ir.ui.view,arch_db:{xmlid}")


def element_terms(element: etree._Element, include_self: bool = True) -> list[str]:
    """Return the translated attribute values and texts of an element and its descendants.

    The example's views keep each text in its own element, without inline markup, so each
    text is one term, as Odoo would extract it.
    """
    found = []
    for node in element.iter() if include_self else element.iterdescendants():
        if not isinstance(node.tag, str):
            continue
        for attribute, value in node.attrib.items():
            if attribute in TRANSLATED_ATTRIBUTES and value.strip():
                found.append(value.strip())
        for text in (node.text, node.tail if node is not element else None):
            if text and any(character.isalpha() for character in text):
                found.append(" ".join(text.split()))
    return found


def code_terms(path: Path) -> list[str]:
    """Return the literal first arguments of ``_()`` and ``<anything>._()`` calls."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        function = node.func
        name = function.id if isinstance(function, ast.Name) else getattr(function, "attr", "")
        first = node.args[0]
        if name == "_" and isinstance(first, ast.Constant) and isinstance(first.value, str):
            found.append(first.value)
    return found


def _full(module: str, ref: str | None) -> str:
    ref = ref or ""
    return ref if "." in ref else f"{module}.{ref}"
