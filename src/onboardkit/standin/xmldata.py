"""Records of an addon's XML data and demo files, as raw values the database resolves later.

Views, window actions and menus are read by ``onboardkit.odoo`` already; this module reads
every other ``<record>`` (partners, shipments, messages, ...) the way Odoo's XML loader
interprets its ``<field>`` elements: text, ``ref``, ``eval`` and ``type="html"``.
"""

from __future__ import annotations

import ast
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from onboardkit.odoo.views import full_xmlid

log = logging.getLogger(__name__)

SKIPPED_MODELS = {"ir.ui.view", "ir.actions.act_window", "ir.ui.menu"}


@dataclass(frozen=True)
class Ref:
    """A reference to another record by XML id, resolved to its database id on loading."""

    xmlid: str


@dataclass
class XmlRecord:
    """One ``<record>``: its model, full XML id and field values (str, Ref, or evaluated)."""

    model: str
    xmlid: str
    values: dict[str, Any] = field(default_factory=dict)
    file: str = ""


def read_records(addon_dir: Path, module: str, files: list[str]) -> list[XmlRecord]:
    """Return the records of the listed XML files in file order (other files are skipped)."""
    records: list[XmlRecord] = []
    for relative in files:
        path = addon_dir / relative
        if not relative.endswith(".xml") or not path.is_file():
            continue
        try:
            root = etree.parse(str(path), etree.XMLParser(remove_comments=True)).getroot()
        except etree.XMLSyntaxError as error:
            log.warning("Skipping %s: invalid XML (%s)", path, error.msg)
            continue
        for number, element in enumerate(root.iter("record"), start=1):
            model = element.get("model", "")
            if not model or model in SKIPPED_MODELS:
                continue
            xmlid = full_xmlid(module, element.get("id") or f"__standin_{relative}_{number}")
            record = XmlRecord(model, xmlid, file=relative)
            for field_element in element.findall("field"):
                name = field_element.get("name")
                if name:
                    record.values[name] = field_value(field_element, module)
            records.append(record)
    return records


def field_value(element: etree._Element, module: str) -> Any:
    """Return the raw value of a ``<field>`` element as Odoo's XML loader reads it."""
    if element.get("ref"):
        return Ref(full_xmlid(module, element.get("ref", "")))
    if element.get("eval") is not None:
        return evaluate_eval(element.get("eval", ""), module)
    if element.get("type") in ("html", "xml"):
        inner = (element.text or "") + "".join(
            etree.tostring(child, encoding="unicode") for child in element
        )
        return inner.strip()
    if element.get("file"):
        return False
    return element.text or ""


def evaluate_eval(text: str, module: str) -> Any:
    """Evaluate an ``eval`` attribute: literals, ``ref('xmlid')`` and x2many commands.

    Expressions that need Odoo (``time``, ``DateTime``, ``obj()``) give False.
    """
    try:
        tree = ast.parse(text.strip(), mode="eval")
        return _literal(tree.body, module)
    except (SyntaxError, ValueError):
        log.debug("Unsupported eval expression %r", text)
        return False


def _literal(node: ast.AST, module: str) -> Any:
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name) and node.id in ("True", "False", "None"):
        return {"True": True, "False": False, "None": False}[node.id]
    if isinstance(node, ast.List | ast.Tuple):
        items = [_literal(item, module) for item in node.elts]
        return items if isinstance(node, ast.List) else tuple(items)
    if isinstance(node, ast.Dict):
        return {
            _literal(key, module): _literal(value, module)
            for key, value in zip(node.keys, node.values, strict=True)
            if key is not None
        }
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        operand = _literal(node.operand, module)
        if isinstance(operand, int | float):
            return -operand
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "ref":
        if node.args and isinstance(node.args[0], ast.Constant):
            return Ref(full_xmlid(module, str(node.args[0].value)))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return _command(node, module)
    raise ValueError("unsupported")


def _command(node: ast.Call, module: str) -> Any:
    """Translate ``Command.set([...])`` and ``Command.link(id)`` into the tuple forms."""
    codes = {"link": 4, "set": 6, "clear": 5}
    if not isinstance(node.func, ast.Attribute) or node.func.attr not in codes:
        raise ValueError("unsupported")
    arguments = [_literal(argument, module) for argument in node.args]
    code = codes[node.func.attr]
    if code == 6:
        return (6, 0, arguments[0] if arguments else [])
    if code == 4:
        return (4, arguments[0] if arguments else False, 0)
    return (5, 0, 0)
