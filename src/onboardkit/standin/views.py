"""Views as the web client receives them: inheritance applied, one chosen per view type.

Extension views (``inherit_id`` without ``mode="primary"``) are applied to their parent in
priority order, with Odoo's positions ``inside``, ``after``, ``before``, ``replace`` and
``attributes``. An extension of a view that neither the addons nor the stand-in provide
(``stock.view_picking_form``, ...) is skipped.
"""

from __future__ import annotations

import copy
import logging
from dataclasses import dataclass

from lxml import etree

from onboardkit.odoo.addon import Addon
from onboardkit.odoo.views import ViewRecord
from onboardkit.standin import builtin
from onboardkit.standin.registry import Registry

log = logging.getLogger(__name__)

VIEW_TYPES = ("list", "kanban", "form", "search")


@dataclass
class View:
    """A view ready to render: ``arch`` already has its extensions applied."""

    id: int
    xmlid: str
    model: str
    type: str
    arch: etree._Element


def normalize_type(view_type: str) -> str:
    return "list" if view_type == "tree" else view_type


class ViewStore:
    """The views of the stand-in's base modules and of the loaded addons."""

    def __init__(self, addons: list[Addon], registry: Registry):
        self.registry = registry
        self.records: dict[str, ViewRecord] = {}
        for xmlid, (model, arch) in builtin.BASE_VIEWS.items():
            root = etree.fromstring(arch.strip())
            self.records[xmlid] = ViewRecord(xmlid, model, xmlid, root, None, 16, None, "", 0)
        for addon in addons:
            self.records.update(addon.records.views)
        self.ids = {xmlid: number for number, xmlid in enumerate(self.records, start=101)}
        self._cache: dict[str, etree._Element] = {}

    def by_id(self, view_id: int) -> View | None:
        for xmlid, number in self.ids.items():
            if number == view_id:
                return self.get(xmlid)
        return None

    def get(self, xmlid: str) -> View | None:
        record = self.records.get(xmlid)
        if record is None or not record.model:
            return None
        arch = self.combined(xmlid)
        return View(self.ids[xmlid], xmlid, record.model, normalize_type(arch.tag), arch)

    def combined(self, xmlid: str) -> etree._Element:
        """Return a copy of the view's arch with every extension applied."""
        if xmlid not in self._cache:
            record = self.records[xmlid]
            if record.inherit_id and record.mode == "primary" and record.inherit_id in self.records:
                arch = copy.deepcopy(self.combined(record.inherit_id))
                apply_extension(arch, record.arch, xmlid)
            else:
                arch = copy.deepcopy(record.arch)
            for extension in self._extensions_of(xmlid):
                apply_extension(arch, extension.arch, extension.xmlid)
            self._cache[xmlid] = arch
        return copy.deepcopy(self._cache[xmlid])

    def _extensions_of(self, xmlid: str) -> list[ViewRecord]:
        found = [
            record
            for record in self.records.values()
            if record.inherit_id == xmlid and record.mode != "primary"
        ]
        return sorted(found, key=lambda record: (record.priority, self.ids[record.xmlid]))

    def primary(self, model: str, view_type: str, preferred: str | None = None) -> View:
        """Return the view of ``model`` for ``view_type``: ``preferred`` when it fits."""
        if preferred and preferred in self.records:
            view = self.get(preferred)
            if view is not None and view.type == view_type and view.model == model:
                return view
        candidates = [
            record
            for record in self.records.values()
            if record.model == model
            and normalize_type(record.arch.tag) == view_type
            and (record.inherit_id is None or record.mode == "primary")
        ]
        if candidates:
            best = min(candidates, key=lambda record: (record.priority, self.ids[record.xmlid]))
            view = self.get(best.xmlid)
            if view is not None:
                return view
        return View(
            0, f"default_{view_type}", model, view_type, self.default_arch(model, view_type)
        )

    def default_arch(self, model: str, view_type: str) -> etree._Element:
        """Return the arch Odoo generates for a model without a view of that type."""
        spec = self.registry.get(model)
        rec_name = spec.rec_name if spec else "name"
        if view_type == "list":
            return etree.fromstring(f'<list><field name="{rec_name}"/></list>')
        if view_type == "kanban":
            return etree.fromstring(
                f'<kanban><templates><t t-name="card"><field name="{rec_name}"/></t>'
                "</templates></kanban>"
            )
        if view_type == "search":
            return etree.fromstring(f'<search><field name="{rec_name}"/></search>')
        names = [
            name
            for name, info in (spec.fields.items() if spec else [])
            if name not in ("id", "display_name")
            and info.type not in ("One2many", "Many2many", "Binary", "Image")
        ]
        fields = "".join(f'<field name="{name}"/>' for name in names)
        return etree.fromstring(f"<form><sheet><group>{fields}</group></sheet></form>")


def apply_extension(arch: etree._Element, extension: etree._Element, xmlid: str) -> None:
    """Apply the position specs of an extension view to ``arch`` in place."""
    specs = list(extension) if extension.tag == "data" else [extension]
    for spec in specs:
        if not isinstance(spec.tag, str):
            continue
        target = _locate(arch, spec)
        if target is None:
            log.warning(
                "View %s: no element matches %s; the change is skipped.", xmlid, _describe(spec)
            )
            continue
        _apply(arch, target, spec)


def _locate(arch: etree._Element, spec: etree._Element) -> etree._Element | None:
    if spec.tag == "xpath":
        try:
            found = arch.xpath(spec.get("expr", ""))
        except etree.XPathError:
            return None
        return found[0] if isinstance(found, list) and found else None
    if spec.tag == arch.tag and not any(k for k in spec.attrib if k != "position"):
        return arch
    conditions = [(key, value) for key, value in spec.attrib.items() if key != "position"]
    for element in arch.iter(spec.tag):
        if all(element.get(key) == value for key, value in conditions):
            return element
    return None


def _apply(arch: etree._Element, target: etree._Element, spec: etree._Element) -> None:
    position = spec.get("position", "inside")
    children = [copy.deepcopy(child) for child in spec]
    if position == "inside":
        for child in children:
            target.append(child)
    elif position == "after":
        for child in reversed(children):
            target.addnext(child)
    elif position == "before":
        for child in children:
            target.addprevious(child)
    elif position == "replace":
        parent = target.getparent()
        if parent is None:
            return
        for child in children:
            target.addprevious(child)
        parent.remove(target)
    elif position == "attributes":
        for attribute in spec.findall("attribute"):
            name = attribute.get("name", "")
            value = (attribute.text or "").strip()
            if value:
                target.set(name, value)
            elif name in target.attrib:
                del target.attrib[name]


def _describe(spec: etree._Element) -> str:
    if spec.tag == "xpath":
        return f"xpath '{spec.get('expr')}'"
    attributes = " ".join(f'{k}="{v}"' for k, v in spec.attrib.items() if k != "position")
    return f"<{spec.tag} {attributes}>"
