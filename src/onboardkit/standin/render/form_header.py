"""The parts of a form around its sheet: the header's status bar and the stat buttons."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from onboardkit.standin.render.buttons import is_hidden, render_button
from onboardkit.standin.render.fields import display_text, field_info, record_value
from onboardkit.standin.render.html import cls, el, esc, icon

if TYPE_CHECKING:
    from onboardkit.standin.render.form import FormRenderer


def statusbar(form: FormRenderer, header: etree._Element) -> str:
    """Return the form's header: its visible buttons and the status bar field."""
    buttons, status = [], ""
    for node in header:
        if not isinstance(node.tag, str) or is_hidden(form.ctx, node, form.values):
            continue
        if node.tag == "field" and node.get("widget") == "statusbar":
            status = _status_field(form, node)
        elif node.tag == "button":
            buttons.append(render_button(form.ctx, node))
        elif node.tag == "field":
            buttons.append(form.render_field_node(node))
    return el(
        "div",
        {
            "class": "o_form_statusbar position-relative d-flex justify-content-between mb-0 "
            "mb-md-2 pb-2 pb-md-0"
        },
        el(
            "div",
            {
                "class": "o_statusbar_buttons d-flex align-items-center "
                "align-content-around flex-wrap gap-1"
            },
            *buttons,
        ),
        status,
    )


def _status_field(form: FormRenderer, node: etree._Element) -> str:
    name = node.get("name", "")
    info = field_info(form.ctx, form.model, name)
    current = record_value(form.ctx, form.model, form.record, name)
    visible = [v.strip() for v in (node.get("statusbar_visible") or "").split(",") if v.strip()]
    keys = [key for key, _ in info.selection if not visible or key in visible or key == current]
    buttons = [
        el(
            "button",
            {
                "class": cls(
                    "btn btn-secondary o_arrow_button",
                    key == current and "o_arrow_button_current active",
                ),
                "type": "button",
                "data-value": key,
                "disabled": key == current,
                "aria-current": "step" if key == current else None,
            },
            esc(display_text(form.ctx, form.model, name, key)),
        )
        for key in keys
    ]
    return el(
        "div",
        {"class": "o_field_widget o_readonly_modifier o_field_statusbar", "name": name},
        el("div", {"class": "o_statusbar_status", "role": "radiogroup"}, *reversed(buttons)),
    )


def button_box(form: FormRenderer, node: etree._Element) -> str:
    """Return the stat buttons of ``div.oe_button_box``, placed in the control panel."""
    buttons = []
    for button in node:
        if not isinstance(button.tag, str) or is_hidden(form.ctx, button, form.values):
            continue
        content = []
        if button.get("icon"):
            content.append(icon(button.get("icon", ""), "o_button_icon fa-fw"))
        for child in button:
            if isinstance(child.tag, str) and child.tag == "field":
                content.append(_statinfo(form, child))
        buttons.append(
            el(
                "button",
                {
                    "class": "btn oe_stat_button btn-outline-secondary flex-grow-1 flex-lg-grow-0",
                    "name": button.get("name"),
                    "type": button.get("type") or "object",
                },
                *content,
            )
        )
    if not buttons:
        return ""
    return el(
        "div",
        {"class": "o-form-buttonbox d-print-none position-relative d-flex w-md-auto o_not_full"},
        *buttons,
    )


def _statinfo(form: FormRenderer, node: etree._Element) -> str:
    name = node.get("name", "")
    value = record_value(form.ctx, form.model, form.record, name)
    label = form.ctx.tr.term(node.get("string")) or form.ctx.tr.field_label(form.model, name)
    return el(
        "div",
        {"class": "o_field_widget o_readonly_modifier o_field_statinfo", "name": name},
        el(
            "span",
            {"class": "o_stat_info o_stat_value"},
            esc(display_text(form.ctx, form.model, name, value or 0)),
        ),
        el("span", {"class": "o_stat_text"}, esc(label)),
    )
