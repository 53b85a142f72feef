"""An Odoo addon as onboardkit sees it, and the UI labels that guides quote from it."""

from __future__ import annotations

import difflib
import functools
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from onboardkit.errors import ValidationFailed
from onboardkit.odoo.catalog import AddonTranslations, read_addon_translations
from onboardkit.odoo.manifest import Manifest, read_manifest
from onboardkit.odoo.models import ModelInfo, effective_field, read_models
from onboardkit.odoo.views import DataRecords, read_data_files

LABEL_KINDS = ("field", "selection", "menu", "action", "view")


class LabelError(ValueError):
    """A label reference that names nothing in the addon; the message says what exists."""


@dataclass(frozen=True)
class Label:
    """A UI label in one language; ``translated`` is False when English stands in."""

    text: str
    translated: bool


class Addon:
    """Read-only view of an addon folder: manifest, models, data records and catalogs."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.manifest: Manifest = read_manifest(self.path)
        self.module = self.path.name

    @functools.cached_property
    def models(self) -> dict[str, ModelInfo]:
        return read_models(self.path)

    @functools.cached_property
    def records(self) -> DataRecords:
        data = list(self.manifest.get("data", []) or [])
        demo = list(self.manifest.get("demo", []) or [])
        return read_data_files(self.path, self.module, data + demo)

    @functools.lru_cache(maxsize=8)  # noqa: B019 - one Addon per build, few languages
    def translations(self, odoo_language: str) -> AddonTranslations:
        return read_addon_translations(self.path, odoo_language)

    def validate(self) -> None:
        """Raise ValidationFailed when the addon's data files are broken."""
        if self.records.problems:
            raise ValidationFailed(self.records.problems)

    def label(self, reference: str, odoo_language: str | None = None) -> Label:
        """Resolve a reference such as ``field:caravan.shipment/tracking_ref``.

        With ``odoo_language`` None (English), the source label is returned. Otherwise the
        addon's own catalog for that language is used, as Odoo would show it; a missing
        translation gives the English label with ``translated`` False.

        Raises:
            LabelError: the reference is malformed or names nothing in the addon.
        """
        kind, _, target = reference.partition(":")
        if kind not in LABEL_KINDS or not target:
            raise LabelError(
                f"'{reference}' is not a label reference; use one of "
                + ", ".join(f"{k}:..." for k in LABEL_KINDS)
                + "."
            )
        english, occurrences = getattr(self, f"_source_{kind}")(target)
        if odoo_language is None or odoo_language.startswith("en"):
            return Label(english, True)
        catalog = self.translations(odoo_language)
        for occurrence in occurrences:
            found = catalog.by_occurrence.get(occurrence)
            if found and found[0] == english:
                return Label(found[1], True)
        translated = catalog.translate(english)
        return Label(translated, True) if translated else Label(english, False)

    def _source_field(self, target: str) -> tuple[str, list[str]]:
        model_name, _, field_name = target.partition("/")
        field = self._field(model_name, field_name, target)
        occurrence = (
            f"model:ir.model.fields,field_description:{self.module}."
            f"field_{model_name.replace('.', '_')}__{field_name}"
        )
        return field.label, [occurrence]

    def _source_selection(self, target: str) -> tuple[str, list[str]]:
        model_name, _, rest = target.partition("/")
        field_name, _, value = rest.partition("/")
        field = self._field(model_name, field_name, target)
        options = dict(field.selection)
        if value not in options:
            raise LabelError(
                f"field '{model_name}/{field_name}' has no selection value '{value}'"
                + _suggest(value, options)
            )
        occurrence = (
            f"model:ir.model.fields.selection,name:{self.module}."
            f"selection__{model_name.replace('.', '_')}__{field_name}__{value}"
        )
        return options[value], [occurrence]

    def _source_menu(self, target: str) -> tuple[str, list[str]]:
        xmlid = target if "." in target else f"{self.module}.{target}"
        menu = self.records.menus.get(xmlid)
        if menu is None:
            raise LabelError(
                f"menu '{xmlid}' not found in the addon" + _suggest(xmlid, self.records.menus)
            )
        name = menu.name
        if not name and menu.action and menu.action in self.records.actions:
            name = self.records.actions[menu.action].name
        return name or xmlid, [f"model:ir.ui.menu,name:{xmlid}"]

    def _source_action(self, target: str) -> tuple[str, list[str]]:
        xmlid = target if "." in target else f"{self.module}.{target}"
        action = self.records.actions.get(xmlid)
        if action is None:
            raise LabelError(
                f"action '{xmlid}' not found in the addon" + _suggest(xmlid, self.records.actions)
            )
        return action.name, [f"model:ir.actions.act_window,name:{xmlid}"]

    def _source_view(self, target: str) -> tuple[str, list[str]]:
        view_ref, _, name = target.partition("/")
        xmlid = view_ref if "." in view_ref else f"{self.module}.{view_ref}"
        view = self.records.views.get(xmlid)
        if view is None:
            raise LabelError(
                f"view '{xmlid}' not found in the addon" + _suggest(xmlid, self.records.views)
            )
        names: dict[str, str] = {}
        for element in view.arch.iter():
            if not isinstance(element.tag, str) or not element.get("string"):
                continue
            key = element.get("name") or element.get("id")
            if key:
                names.setdefault(key, element.get("string"))
        if name not in names:
            raise LabelError(
                f"view '{xmlid}' has no element named '{name}' with a string"
                + _suggest(name, names)
            )
        return names[name], [f"model_terms:ir.ui.view,arch_db:{xmlid}"]

    def _field(self, model_name: str, field_name: str, target: str):
        model = self.models.get(model_name)
        if model is None:
            raise LabelError(
                f"model '{model_name}' not found in the addon" + _suggest(model_name, self.models)
            )
        field = model.fields.get(field_name)
        if field is None:
            raise LabelError(
                f"model '{model_name}' has no field '{field_name}'"
                + _suggest(field_name, model.fields)
            )
        return effective_field(self.models, model_name, field)

    def view_strings(self) -> list[str]:
        """Every ``string`` attribute of the addon's views, for scaffolding and checks."""
        found: list[str] = []
        for view in self.records.views.values():
            for element in view.arch.iter():
                if isinstance(element.tag, str) and element.get("string"):
                    found.append(element.get("string"))
        return found


def _suggest(value: str, known: object) -> str:
    choices = [str(choice) for choice in known]  # type: ignore[attr-defined]
    close = difflib.get_close_matches(value, choices, n=3)
    if close:
        return "; did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
    return "."


def element_text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())
