"""Records of an addon's XML data files: views, window actions and menus."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from onboardkit.errors import Problem


@dataclass
class ViewRecord:
    """An ``ir.ui.view`` record; ``arch`` is the root element of its architecture."""

    xmlid: str
    model: str | None
    name: str | None
    arch: etree._Element
    inherit_id: str | None
    priority: int
    mode: str | None
    file: str
    line: int

    @property
    def type(self) -> str:
        tag = self.arch.tag
        return "list" if tag == "tree" else str(tag)


@dataclass
class ActionRecord:
    """An ``ir.actions.act_window`` record."""

    xmlid: str
    name: str
    res_model: str
    view_mode: str = "list,form"
    path: str | None = None
    domain: str | None = None
    context: str | None = None
    target: str | None = None
    view_id: str | None = None
    # The XML id of the ir.model record whose Actions menu lists this action.
    binding_model: str | None = None
    file: str = ""
    line: int = 0


@dataclass
class MenuRecord:
    """A ``menuitem``; ``parent`` and ``action`` are full XML ids."""

    xmlid: str
    name: str | None
    parent: str | None
    action: str | None
    sequence: int
    file: str
    line: int
    web_icon: str | None = None


@dataclass
class DataRecords:
    """Everything read from an addon's XML data files."""

    views: dict[str, ViewRecord] = field(default_factory=dict)
    actions: dict[str, ActionRecord] = field(default_factory=dict)
    menus: dict[str, MenuRecord] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def full_xmlid(module: str, ref: str) -> str:
    return ref if "." in ref else f"{module}.{ref}"


def read_data_files(addon_dir: Path, module: str, files: list[str]) -> DataRecords:
    """Read the XML files named in the manifest's ``data`` list (other files are skipped)."""
    records = DataRecords()
    for relative in files:
        if not relative.endswith(".xml"):
            continue
        path = addon_dir / relative
        if not path.is_file():
            records.problems.append(
                Problem(
                    str(addon_dir / "__manifest__.py"),
                    f"data file '{relative}' not found.",
                    field="data",
                    fix="Remove it from 'data' or add the file.",
                )
            )
            continue
        try:
            tree = etree.parse(str(path), etree.XMLParser(remove_comments=True))
        except etree.XMLSyntaxError as error:
            records.problems.append(
                Problem(
                    str(path), f"invalid XML: {error.msg}.", line=error.lineno, fix="Fix the XML."
                )
            )
            continue
        _read_tree(tree.getroot(), module, relative, records)
    return records


def _arch_root(arch_field: etree._Element) -> etree._Element:
    """Return the architecture of an ``arch`` field.

    An inheriting view may list several ``xpath`` elements side by side; like Odoo, wrap them
    in a ``data`` element so that none is lost.
    """
    if len(arch_field) == 1:
        return arch_field[0]
    wrapper = etree.Element("data")
    wrapper.sourceline = arch_field.sourceline
    wrapper.extend(copy.deepcopy(child) for child in arch_field)
    return wrapper


def _read_tree(root: etree._Element, module: str, file: str, records: DataRecords) -> None:
    for element in root.iter("record", "menuitem"):
        if element.tag == "menuitem":
            if element.getparent() is None or element.getparent().tag != "menuitem":
                _read_menu(element, module, file, records, parent=None)
            continue
        model = element.get("model")
        xmlid = full_xmlid(module, element.get("id", ""))
        values = {f.get("name"): f for f in element.findall("field")}
        if model == "ir.ui.view":
            arch_field = values.get("arch")
            if arch_field is None or len(arch_field) == 0:
                continue
            inherit = values.get("inherit_id")
            priority = values.get("priority")
            records.views[xmlid] = ViewRecord(
                xmlid=xmlid,
                model=_text(values.get("model")),
                name=_text(values.get("name")),
                arch=_arch_root(arch_field),
                inherit_id=full_xmlid(module, inherit.get("ref"))
                if inherit is not None and inherit.get("ref")
                else None,
                priority=int(_text(priority) or 16),
                mode=_text(values.get("mode")),
                file=file,
                line=element.sourceline or 0,
            )
        elif model == "ir.actions.act_window":
            view_ref = values.get("view_id")
            binding = values.get("binding_model_id")
            records.actions[xmlid] = ActionRecord(
                xmlid=xmlid,
                name=_text(values.get("name")) or "",
                res_model=_text(values.get("res_model")) or "",
                view_mode=_text(values.get("view_mode")) or "list,form",
                path=_text(values.get("path")),
                domain=_text(values.get("domain"))
                or (values["domain"].get("eval") if "domain" in values else None),
                context=_text(values.get("context"))
                or (values["context"].get("eval") if "context" in values else None),
                target=_text(values.get("target")),
                view_id=full_xmlid(module, view_ref.get("ref"))
                if view_ref is not None and view_ref.get("ref")
                else None,
                binding_model=full_xmlid(module, binding.get("ref"))
                if binding is not None and binding.get("ref")
                else None,
                file=file,
                line=element.sourceline or 0,
            )


def _read_menu(
    element: etree._Element, module: str, file: str, records: DataRecords, parent: str | None
) -> None:
    xmlid = full_xmlid(module, element.get("id", ""))
    parent_ref = element.get("parent")
    action = element.get("action")
    records.menus[xmlid] = MenuRecord(
        xmlid=xmlid,
        name=element.get("name"),
        parent=full_xmlid(module, parent_ref) if parent_ref else parent,
        action=full_xmlid(module, action) if action else None,
        sequence=int(element.get("sequence", "10")),
        file=file,
        line=element.sourceline or 0,
        web_icon=element.get("web_icon"),
    )
    for child in element.findall("menuitem"):
        _read_menu(child, module, file, records, parent=xmlid)


def _text(element: etree._Element | None) -> str | None:
    if element is None:
        return None
    if element.get("ref"):
        return element.get("ref")
    text = (element.text or "").strip()
    return text or None
