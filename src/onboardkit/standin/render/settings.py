"""The Settings form: apps listed on the left, the selected app's blocks of settings.

It reads Odoo 17/18 settings syntax: ``<app>`` with ``<block>`` and ``<setting>`` children.
A setting whose first field is a boolean shows it as a checkbox in the left pane.
"""

from __future__ import annotations

import copy
from typing import Any

from lxml import etree

from onboardkit.standin.render.buttons import is_hidden
from onboardkit.standin.render.context import RenderContext
from onboardkit.standin.render.fields import FieldCall, field_info, values_for
from onboardkit.standin.render.form import FormRenderer
from onboardkit.standin.render.html import cls, el, esc
from onboardkit.standin.render.widgets import render_field

SETTINGS_MODEL = "res.config.settings"


def render_settings(ctx: RenderContext, arch: etree._Element, selected: str | None) -> str:
    """Return ``div.o_setting_container`` with the app list and the apps' blocks."""
    record = ctx.db.settings
    values = values_for(ctx, SETTINGS_MODEL, record)
    apps = [app for app in arch.iter("app") if not is_hidden(ctx, app, values)]
    keys = [app.get("name", "") for app in apps]
    current = selected
    if current not in keys:
        current = keys[0] if keys else ""
    tabs = [_tab(ctx, app, app.get("name") == current) for app in apps]
    blocks = [_app(ctx, app, record, values, app.get("name") == current) for app in apps]
    return el(
        "div",
        {"class": "o_setting_container"},
        el(
            "div",
            {"class": "position-sticky top-0 flex-grow-0 z-1"},
            el("div", {"class": "settings_tab h-100 border-end"}, *tabs),
        ),
        el("div", {"class": "settings"}, *blocks),
    )


def _tab(ctx: RenderContext, app: etree._Element, selected: bool) -> str:
    key = app.get("name", "")
    module = key if key != "general_settings" else ""
    icon_url = _app_icon(ctx, module)
    return el(
        "a",
        {
            "class": cls("tab", selected and "selected"),
            "role": "tab",
            "href": f"#{key}",
            "data-key": key,
        },
        el(
            "span",
            {
                "class": "icon d-none d-md-block",
                "style": f"background-image: url('{icon_url}')" if icon_url else None,
            },
            "",
        ),
        el("span", {"class": "app_name"}, esc(ctx.tr.term(app.get("string") or key))),
    )


def _app_icon(ctx: RenderContext, module: str) -> str | None:
    if not module:
        return "/web/static/img/settings.svg"
    for menu in ctx.db.bundle.menus.values():
        icon = menu.web_icon or ""
        if icon.startswith(f"{module},"):
            return "/" + icon.replace(",", "/", 1)
    return None


def _app(
    ctx: RenderContext,
    app: etree._Element,
    record: dict[str, Any],
    values: dict[str, Any],
    selected: bool,
) -> str:
    blocks = []
    for node in app:
        if not isinstance(node.tag, str) or is_hidden(ctx, node, values):
            continue
        if node.tag == "block":
            blocks.append(_block(ctx, node, record, values))
    return el(
        "div",
        {
            "class": cls("app_settings_block", not selected and "d-none"),
            "data-key": app.get("name"),
            "data-string": app.get("string"),
        },
        *blocks,
    )


def _block(
    ctx: RenderContext, block: etree._Element, record: dict[str, Any], values: dict[str, Any]
) -> str:
    settings = [
        _setting(ctx, node, record, values)
        for node in block
        if isinstance(node.tag, str) and node.tag == "setting" and not is_hidden(ctx, node, values)
    ]
    title = block.get("title")
    heading = el("h2", {}, el("span", {}, esc(ctx.tr.term(title)))) if title else ""
    return el(
        "div",
        {"id": block.get("name"), "class": "o_settings_block"},
        heading,
        el("div", {"class": "row mt16 o_settings_container"}, *settings),
    )


def _setting(
    ctx: RenderContext, node: etree._Element, record: dict[str, Any], values: dict[str, Any]
) -> str:
    children = [child for child in node if isinstance(child.tag, str)]
    first = children[0] if children else None
    left = ""
    label_for = None
    if first is not None and first.tag == "field":
        info = field_info(ctx, SETTINGS_MODEL, first.get("name", ""))
        if info.type == "Boolean":
            left = render_field(ctx, FieldCall(SETTINGS_MODEL, record, first))
            label_for = first.get("name")
            children = children[1:]
    title = node.get("string")
    if not title and label_for:
        title = ctx.tr.field_label(SETTINGS_MODEL, label_for)
    right: list[str] = []
    if title:
        text = esc(ctx.tr.term(title))
        right.append(
            el("label", {"class": "o_form_label", "for": f"{label_for}_0"}, el("span", {}, text))
            if label_for
            else el("span", {"class": "o_form_label"}, el("span", {}, text))
        )
    if node.get("help"):
        right.append(
            el("div", {"class": "text-muted"}, el("span", {}, esc(ctx.tr.term(node.get("help")))))
        )
    content = _content(ctx, children, record)
    if content:
        right.append(el("div", {"class": "mt16"}, content))
    return el(
        "div",
        {"id": node.get("id"), "class": "o_setting_box col-12 col-lg-6 o_searchable_setting"},
        el("div", {"class": "o_setting_left_pane"}, left),
        el("div", {"class": "o_setting_right_pane"}, *right),
    )


def _content(ctx: RenderContext, children: list[etree._Element], record: dict[str, Any]) -> str:
    form = etree.Element("form")
    for child in children:
        form.append(copy.deepcopy(child))
    renderer = FormRenderer(ctx, SETTINGS_MODEL, form, record)
    return renderer.render_children(form)
