"""List views: the table of records with its header, decorations, badges and totals."""

from __future__ import annotations

from typing import Any

from lxml import etree

from onboardkit.standin.expressions import evaluate
from onboardkit.standin.render.buttons import groups_allowed, is_hidden, render_button
from onboardkit.standin.render.context import RenderContext
from onboardkit.standin.render.fields import (
    FieldCall,
    datetime_span,
    display_text,
    field_info,
    record_value,
    values_for,
)
from onboardkit.standin.render.html import cls, el, esc, icon
from onboardkit.standin.render.widgets import render_field

ROW_DECORATIONS = {
    "decoration-bf": "fw-bold",
    "decoration-it": "fst-italic",
    "decoration-danger": "text-danger",
    "decoration-warning": "text-warning",
    "decoration-success": "text-success",
    "decoration-info": "text-info",
    "decoration-primary": "text-primary",
    "decoration-muted": "text-muted",
}
NUMERIC = ("Integer", "Float", "Monetary")
CELL_WIDGETS = (
    "badge",
    "boolean",
    "boolean_toggle",
    "many2one_avatar",
    "many2one_avatar_user",
    "priority",
    "handle",
    "many2many_tags",
    "image",
)


def visible_columns(
    ctx: RenderContext, model: str, arch: etree._Element, chosen: set[str] | None = None
) -> list[etree._Element]:
    """Return the ``<field>`` and ``<button>`` columns to show.

    ``chosen`` names the optional columns the user chose to show; without it, the view's
    ``optional="show"`` columns are shown.
    """
    columns = []
    for node in arch:
        if not isinstance(node.tag, str) or node.tag not in ("field", "button"):
            continue
        if not groups_allowed(ctx, node.get("groups")):
            continue
        optional = node.get("optional")
        if optional and not _optional_shown(node, optional, chosen):
            continue
        if evaluate(node.get("column_invisible"), {"context": {}, "parent": {}}):
            continue
        if node.tag == "field" and node.get("invisible") in ("1", "True", "true"):
            continue
        columns.append(node)
    return columns


def _optional_shown(node: etree._Element, optional: str, chosen: set[str] | None) -> bool:
    if chosen is None:
        return optional != "hide"
    return node.get("name", "") in chosen


def optional_nodes(ctx: RenderContext, arch: etree._Element) -> list[etree._Element]:
    """Return the optional columns the user may toggle, in the view's order."""
    return [
        node
        for node in arch
        if isinstance(node.tag, str)
        and node.tag == "field"
        and node.get("optional")
        and groups_allowed(ctx, node.get("groups"))
    ]


def optional_key(model: str, view_id: int, nodes: list[etree._Element]) -> str:
    """Return the local storage key under which the web client keeps the shown columns."""
    names = sorted(node.get("name", "") for node in nodes)
    return ",".join(["optional_fields", model, "list", str(view_id), *names])


def render_list_table(
    ctx: RenderContext,
    model: str,
    arch: etree._Element,
    records: list[dict[str, Any]],
    embedded: bool = False,
    view_id: int | None = None,
) -> str:
    """Return ``div.o_list_renderer`` with the table of ``records``.

    A main list (``view_id`` given) shows the optional columns that the browser's local
    storage names for the view, as the web client does after a user toggles them.
    """
    toggles: list[etree._Element] = []
    key = ""
    if view_id is not None and not embedded:
        toggles = optional_nodes(ctx, arch)
        key = optional_key(model, view_id, toggles)
    stored = ctx.optional_columns.get(key) if toggles else None
    chosen = set(filter(None, stored.split(","))) if stored is not None else None
    columns = visible_columns(ctx, model, arch, chosen)
    has_optional = any(node.get("optional") for node in arch if isinstance(node.tag, str))
    menu = _optional_menu(ctx, model, key, toggles, columns) if toggles else ""
    head = _header(ctx, model, columns, has_optional, embedded, menu)
    rows = [_row(ctx, model, arch, columns, record, embedded) for record in records]
    footer = _footer(ctx, model, columns, records, embedded, has_optional)
    table = el(
        "table",
        {
            "class": cls(
                "o_list_table table table-sm table-hover position-relative mb-0",
                "o_list_table_ungrouped table-striped",
            )
        },
        head,
        el("tbody", {"class": "ui-sortable"}, *rows),
        footer,
    )
    return el(
        "div", {"class": "o_list_renderer o_renderer table-responsive", "tabindex": "-1"}, table
    )


def _header(
    ctx: RenderContext,
    model: str,
    columns: list[etree._Element],
    has_optional: bool,
    embedded: bool,
    menu: str = "",
) -> str:
    cells = (
        []
        if embedded
        else [
            _selector_cell(
                "th", "o_list_record_selector o_list_controller align-middle pe-1 cursor-pointer"
            )
        ]
    )
    for node in columns:
        label = _column_label(ctx, model, node)
        info = field_info(ctx, model, node.get("name", "")) if node.tag == "field" else None
        numeric = info is not None and info.type in NUMERIC
        cells.append(
            el(
                "th",
                {
                    "class": cls(
                        "align-middle o_column_sortable position-relative "
                        "cursor-pointer opacity-trigger-hover",
                        numeric and "o_list_number_th",
                    ),
                    "data-name": node.get("name"),
                    "tabindex": "-1",
                },
                el(
                    "div",
                    {"class": cls("d-flex", numeric and "flex-row-reverse")},
                    el(
                        "span",
                        {"class": "d-block min-w-0 text-truncate flex-grow-1 flex-shrink-1"},
                        esc(label),
                    ),
                    el(
                        "i",
                        {
                            "class": "o_list_sortable_caret fa fa-lg fa-angle-down opacity-0 "
                            "opacity-100-hover"
                        },
                    ),
                ),
            )
        )
    if has_optional and not embedded:
        cells.append(
            el(
                "th",
                {"class": "o_list_controller o_list_actions_header position-sticky end-0"},
                el(
                    "div",
                    {"class": "o_optional_columns_dropdown d-print-none text-center"},
                    el(
                        "button",
                        {
                            "class": "btn p-0 o-dropdown dropdown-toggle dropdown",
                            "type": "button",
                            "aria-label": "Optional columns",
                        },
                        icon("oi-settings-adjust", "o_optional_columns_dropdown_toggle oi-fw"),
                    ),
                    menu,
                ),
            )
        )
    return el("thead", {}, el("tr", {}, *cells))


def _optional_menu(
    ctx: RenderContext,
    model: str,
    key: str,
    toggles: list[etree._Element],
    columns: list[etree._Element],
) -> str:
    visible = {id(node) for node in columns}
    items = []
    for node in toggles:
        name = node.get("name", "")
        box = {"class": "form-check-input", "type": "checkbox", "name": name, "id": f"opt_{name}"}
        if id(node) in visible:
            box["checked"] = "checked"
        items.append(
            el(
                "span",
                {"class": "dropdown-item o-navigable"},
                el(
                    "div",
                    {"class": "form-check"},
                    el("input", box),
                    el(
                        "label",
                        {"class": "form-check-label", "for": f"opt_{name}"},
                        esc(_column_label(ctx, model, node)),
                    ),
                ),
            )
        )
    return el(
        "div",
        {"class": "o-dropdown--menu dropdown-menu d-none", "data-key": key},
        *items,
    )


def _column_label(ctx: RenderContext, model: str, node: etree._Element) -> str:
    if node.get("string"):
        return ctx.tr.term(node.get("string"))
    if node.tag == "field":
        return ctx.tr.field_label(model, node.get("name", ""))
    return ""


def _selector_cell(tag: str, classes: str, identifier: str = "checkbox-comp-1") -> str:
    return el(
        tag,
        {"class": classes},
        el(
            "div",
            {"class": "o-checkbox form-check d-flex m-0"},
            el("input", {"class": "form-check-input", "type": "checkbox", "id": identifier}),
            el("label", {"class": "form-check-label", "for": identifier}, ""),
        ),
    )


def _row(
    ctx: RenderContext,
    model: str,
    arch: etree._Element,
    columns: list[etree._Element],
    record: dict[str, Any],
    embedded: bool,
) -> str:
    values = values_for(ctx, model, record)
    decorations = [
        css for attribute, css in ROW_DECORATIONS.items() if evaluate(arch.get(attribute), values)
    ]
    datapoint = ctx.datapoint(record["id"])
    cells = (
        []
        if embedded
        else [
            _selector_cell("td", "o_list_record_selector user-select-none", f"checkbox-{datapoint}")
        ]
    )
    for node in columns:
        cells.append(_cell(ctx, model, record, node, values))
    if any(node.get("optional") for node in arch if isinstance(node.tag, str)) and not embedded:
        cells.append(el("td", {"class": "w-print-0 p-print-0"}, ""))
    return el("tr", {"class": cls("o_data_row", *decorations), "data-id": datapoint}, *cells)


def _cell(
    ctx: RenderContext,
    model: str,
    record: dict[str, Any],
    node: etree._Element,
    values: dict[str, Any],
) -> str:
    name = node.get("name", "")
    if node.tag == "button":
        content = "" if is_hidden(ctx, node, values) else render_button(ctx, node, "btn-link")
        return el("td", {"class": "o_data_cell o_list_button"}, content)
    info = field_info(ctx, model, name)
    hidden = node.get("invisible") and evaluate(node.get("invisible"), values)
    decorations = [
        css for attribute, css in ROW_DECORATIONS.items() if evaluate(node.get(attribute), values)
    ]
    widget = node.get("widget") or ""
    type_class = f"o_list_{'number' if info.type in NUMERIC else info.type.lower()}"
    classes = cls(
        "o_data_cell cursor-pointer o_field_cell",
        type_class,
        info.readonly and "o_readonly_modifier",
        *decorations,
    )
    if hidden:
        content = ""
    elif widget in CELL_WIDGETS or info.type == "Boolean":
        content = render_field(ctx, FieldCall(model, record, node, mode="list"))
    elif info.type in ("Date", "Datetime"):
        value = record_value(ctx, model, record, name)
        content = datetime_span(value, "datetime" if info.type == "Datetime" else "date")
    else:
        content = esc(display_text(ctx, model, name, record_value(ctx, model, record, name)))
    return el("td", {"class": classes, "name": name, "tabindex": "-1"}, content)


def _footer(
    ctx: RenderContext,
    model: str,
    columns: list[etree._Element],
    records: list[dict[str, Any]],
    embedded: bool,
    has_optional: bool,
) -> str:
    if not any(node.get("sum") for node in columns):
        return ""
    cells = [] if embedded else [el("td", {}, "")]
    for node in columns:
        if not node.get("sum"):
            cells.append(el("td", {}, ""))
            continue
        name = node.get("name", "")
        total = sum(float(record_value(ctx, model, r, name) or 0) for r in records)
        cells.append(
            el(
                "td",
                {"class": "o_list_number", "title": ctx.tr.term(node.get("sum"))},
                el("span", {}, esc(display_text(ctx, model, name, total))),
            )
        )
    if has_optional and not embedded:
        cells.append(el("td", {}, ""))
    return el("tfoot", {"class": "o_list_footer cursor-default"}, el("tr", {}, *cells))
