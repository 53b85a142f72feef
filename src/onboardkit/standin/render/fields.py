"""Fields of a view node: their description, value, widget name and display text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lxml import etree

from onboardkit.odoo.models import FieldInfo
from onboardkit.standin.expressions import evaluate
from onboardkit.standin.render.context import RenderContext
from onboardkit.standin.render.html import el, esc

DEFAULT_WIDGETS = {
    "Char": "char",
    "Text": "text",
    "Html": "html",
    "Integer": "integer",
    "Float": "float",
    "Monetary": "monetary",
    "Boolean": "boolean",
    "Selection": "selection",
    "Many2one": "many2one",
    "Many2many": "many2many_tags",
    "One2many": "one2many",
    "Date": "date",
    "Datetime": "datetime",
    "Binary": "binary",
    "Image": "image",
}


@dataclass
class FieldCall:
    """One ``<field>`` node to render for one record."""

    model: str
    record: dict[str, Any]
    node: etree._Element
    mode: str = "form"
    readonly: bool = False

    @property
    def name(self) -> str:
        return self.node.get("name", "")


def field_info(ctx: RenderContext, model: str, name: str) -> FieldInfo:
    info = ctx.db.registry.field(model, name)
    return info or FieldInfo(name=name, type="Char")


def record_value(ctx: RenderContext, model: str, record: dict[str, Any], name: str) -> Any:
    if record.get("id") is None or model == "res.config.settings":
        return record.get(name, False)
    return ctx.db.field_value(model, record, name)


def widget_name(node: etree._Element, info: FieldInfo) -> str:
    if node.get("password") in ("True", "true", "1"):
        return "password"
    return node.get("widget") or DEFAULT_WIDGETS.get(info.type, "char")


def is_readonly(ctx: RenderContext, call: FieldCall, info: FieldInfo) -> bool:
    if call.readonly or call.mode != "form":
        return True
    attribute = call.node.get("readonly")
    if attribute is not None:
        return bool(evaluate(attribute, values_for(ctx, call.model, call.record)))
    return bool(info.readonly or info.compute or info.related)


def values_for(ctx: RenderContext, model: str, record: dict[str, Any]) -> dict[str, Any]:
    """Return the names a modifier expression can use: the record's values (many2one as an id)."""
    spec = ctx.db.registry.get(model)
    values: dict[str, Any] = {"uid": ctx.orm.uid, "context": {}}
    for name in spec.fields if spec else record:
        values[name] = record_value(ctx, model, record, name)
    return values


def display_text(ctx: RenderContext, model: str, name: str, value: Any) -> str:
    """Return the plain text of a value as a list cell or label shows it."""
    info = field_info(ctx, model, name)
    if value is False or value is None:
        return ""
    if info.type == "Selection":
        return ctx.tr.selection(model, name, value)
    if info.type == "Many2one" and info.comodel:
        record_id = value[0] if isinstance(value, list) else value
        return ctx.tr.record_name(ctx.db, info.comodel, record_id)
    if info.type == "Integer":
        return f"{int(value):,}"
    if info.type in ("Float", "Monetary"):
        text = f"{float(value):,.2f}"
        return f"$ {text}" if info.type == "Monetary" else text
    if info.type in ("One2many", "Many2many"):
        return f"{len(value)} records"
    return str(value)


def datetime_span(value: Any, kind: str) -> str:
    """Return a span the browser script fills with the value in the browser's time zone."""
    if not value:
        return ""
    return el(
        "span", {"class": "o_standin_date", "data-value": value, "data-type": kind}, esc(value)
    )


def text_input(call: FieldCall, value: Any, kind: str = "text", placeholder: str = "") -> str:
    return el(
        "input",
        {
            "class": "o_input",
            "id": f"{call.name}_0",
            "type": kind,
            "value": "" if value in (False, None) else str(value),
            "placeholder": placeholder or None,
            "autocomplete": "off",
            "data-field": call.name,
        },
    )


def placeholder(ctx: RenderContext, call: FieldCall) -> str:
    return ctx.tr.term(call.node.get("placeholder") or "")
