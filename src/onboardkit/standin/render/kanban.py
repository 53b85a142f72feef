"""Kanban views: cards from the view's QWeb template, grouped in columns or ungrouped.

The template is interpreted for the directives kanban cards commonly use (``t-if``,
``t-elif``, ``t-else``, ``t-esc``, ``t-out``, ``t-att-*``, ``t-attf-*``); ``t-foreach`` and
``t-call`` parts are left out.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from onboardkit.standin.expressions import evaluate_js, qweb_values
from onboardkit.standin.render.buttons import is_hidden
from onboardkit.standin.render.context import RenderContext
from onboardkit.standin.render.fields import (
    FieldCall,
    display_text,
    field_info,
    record_value,
    values_for,
)
from onboardkit.standin.render.html import attributes, cls, el, esc
from onboardkit.standin.render.widgets import render_field

CARD_CLASSES = (
    "o_kanban_record d-flex cursor-pointer flex-grow-1 flex-md-shrink-1 flex-shrink-0 flex-column"
)
GHOSTS = 6


def render_kanban(
    ctx: RenderContext, model: str, arch: etree._Element, records: list[dict[str, Any]]
) -> str:
    """Return ``div.o_kanban_renderer`` for ``records``, in columns when the view groups."""
    template = _card_template(arch)
    group_by = arch.get("default_group_by")
    if group_by and ctx.db.registry.field(model, group_by):
        return _grouped(ctx, model, arch, template, records, group_by)
    cards = [_card(ctx, model, template, record) for record in records]
    ghosts = [
        el(
            "div",
            {
                "class": "o_kanban_record o_kanban_ghost flex-grow-1 flex-md-shrink-1 "
                "flex-shrink-0 my-0"
            },
            "",
        )
        for _ in range(GHOSTS)
    ]
    return el(
        "div",
        {
            "class": cls(
                "o_kanban_renderer o_renderer d-flex o_kanban_ungrouped",
                "align-content-start flex-wrap justify-content-start",
                arch.get("class"),
            )
        },
        *cards,
        *ghosts,
    )


def _grouped(
    ctx: RenderContext,
    model: str,
    arch: etree._Element,
    template: etree._Element | None,
    records: list[dict[str, Any]],
    group_by: str,
) -> str:
    info = field_info(ctx, model, group_by)
    keys: list[Any] = []
    if info.type == "Selection":
        present = {record_value(ctx, model, r, group_by) for r in records}
        keys = [key for key, _ in info.selection if info.group_expand or key in present]
    else:
        for record in records:
            key = record_value(ctx, model, record, group_by)
            if key not in keys:
                keys.append(key)
    columns = []
    for key in keys:
        members = [r for r in records if record_value(ctx, model, r, group_by) == key]
        title = display_text(ctx, model, group_by, key) or "None"
        header = el(
            "div",
            {"class": "o_kanban_header position-sticky top-0 z-1 py-2"},
            el(
                "div",
                {"class": "o_kanban_header_title d-flex align-items-center w-100"},
                el(
                    "span",
                    {
                        "class": "o_column_title flex-grow-1 d-inline-flex mw-100 "
                        "text-truncate fs-4 fw-bold"
                    },
                    esc(title),
                ),
                el("span", {"class": "o_kanban_counter text-muted small ms-2"}, str(len(members))),
            ),
        )
        cards = [_card(ctx, model, template, record) for record in members]
        columns.append(
            el(
                "div",
                {
                    "class": "o_kanban_group flex-shrink-0 flex-grow-1 flex-md-grow-0",
                    "data-group": str(key),
                },
                header,
                *cards,
            )
        )
    return el(
        "div",
        {
            "class": cls(
                "o_kanban_renderer o_renderer d-flex o_kanban_grouped",
                "align-content-stretch",
                arch.get("class"),
            )
        },
        *columns,
    )


def _card_template(arch: etree._Element) -> etree._Element | None:
    templates = arch.find("templates")
    if templates is None:
        return None
    for name in ("card", "kanban-box"):
        for template in templates.findall("t"):
            if template.get("t-name") == name:
                return template
    return None


def _card(ctx: RenderContext, model: str, template: etree._Element | None, record: dict) -> str:
    datapoint = ctx.datapoint(record["id"])
    if template is None:
        content = esc(ctx.db.display_name(model, record["id"]))
    else:
        display = {
            name: display_text(ctx, model, name, value)
            for name, value in values_for(ctx, model, record).items()
        }
        scope = qweb_values(values_for(ctx, model, record), display)
        content = _children(ctx, model, record, template, scope)
        if template.get("t-name") == "kanban-box":
            content = el("div", {"class": "o_kanban_card_legacy w-100"}, content)
    return el("article", {"class": CARD_CLASSES, "data-id": datapoint, "role": "article"}, content)


def _children(
    ctx: RenderContext,
    model: str,
    record: dict[str, Any],
    parent: etree._Element,
    scope: dict[str, Any],
) -> str:
    parts = [esc(parent.text or "") if parent.text and parent.text.strip() else ""]
    previous_shown: bool | None = None
    for node in parent:
        if not isinstance(node.tag, str):
            continue
        shown = _condition(node, scope, previous_shown)
        if node.get("t-if") is not None:
            previous_shown = shown
        elif node.get("t-elif") is not None:
            previous_shown = previous_shown or shown
        elif node.get("t-else") is None:
            previous_shown = None
        if shown:
            parts.append(_node(ctx, model, record, node, scope))
        if node.tail and node.tail.strip():
            parts.append(esc(node.tail))
    return "".join(parts)


def _condition(node: etree._Element, scope: dict, previous_shown: bool | None) -> bool:
    if node.get("t-if") is not None:
        return bool(evaluate_js(node.get("t-if"), scope))
    if node.get("t-elif") is not None:
        return not previous_shown and bool(evaluate_js(node.get("t-elif"), scope))
    if node.get("t-else") is not None:
        return not previous_shown
    return True


def _node(
    ctx: RenderContext,
    model: str,
    record: dict[str, Any],
    node: etree._Element,
    scope: dict[str, Any],
) -> str:
    if node.get("t-foreach") is not None or node.get("t-call") is not None:
        return ""
    if node.tag == "field":
        if is_hidden(ctx, node, values_for(ctx, model, record)):
            return ""
        return render_field(ctx, FieldCall(model, record, node, mode="kanban"))
    if node.tag == "widget":
        return ""
    for directive in ("t-esc", "t-out"):
        if node.get(directive) is not None:
            value = evaluate_js(node.get(directive), scope)
            inner = esc(value if value not in (None, False) else "")
            return (
                inner
                if node.tag == "t"
                else f"<{node.tag}{_attrs(node, scope)}>{inner}</{node.tag}>"
            )
    inner = _children(ctx, model, record, node, scope)
    if node.tag == "t":
        return inner
    tag = node.tag
    extra = {"footer": "mt-auto pt-1 d-flex align-items-center gap-1", "aside": "o_kanban_aside"}
    attrs = _attrs(node, scope, extra.get(tag))
    return f"<{tag}{attrs}>{inner}</{tag}>"


_FORMAT = re.compile(r"\{\{(.+?)\}\}|#\{(.+?)\}")


def _attrs(node: etree._Element, scope: dict, extra_class: str | None = None) -> str:
    values: dict[str, object] = {}
    for name, value in node.attrib.items():
        if name.startswith("t-att-"):
            values[name[6:]] = evaluate_js(value, scope) or None
        elif name.startswith("t-attf-"):
            values[name[7:]] = _FORMAT.sub(
                lambda m: str(evaluate_js(m.group(1) or m.group(2), scope) or ""), value
            )
        elif not name.startswith("t-") and name not in ("invisible", "groups"):
            values[name] = value
    if extra_class:
        values["class"] = cls(str(values.get("class") or ""), extra_class)
    return attributes(values)
