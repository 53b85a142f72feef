"""Field widgets: how one field's value shows in a form, a list cell or a kanban card.

Each widget returns ``div.o_field_widget.o_field_<widget>[name=...]`` as the Odoo 17/18 web
client renders it, editable (inputs) or read-only (text). Dates and datetimes carry their
UTC value in ``data-value``; the browser script formats them in the browser's time zone.
"""

from __future__ import annotations

from typing import Any

from lxml_html_clean import Cleaner

from onboardkit.odoo.models import FieldInfo
from onboardkit.standin.expressions import evaluate
from onboardkit.standin.render.context import RenderContext
from onboardkit.standin.render.fields import (
    FieldCall,
    datetime_span,
    display_text,
    field_info,
    is_readonly,
    placeholder,
    record_value,
    text_input,
    values_for,
    widget_name,
)
from onboardkit.standin.render.html import cls, el, esc, icon

_CLEANER = Cleaner(scripts=True, javascript=True, style=True, forms=True, page_structure=True)


def render_field(ctx: RenderContext, call: FieldCall) -> str:
    """Return the field's widget element."""
    info = field_info(ctx, call.model, call.name)
    widget = widget_name(call.node, info)
    value = record_value(ctx, call.model, call.record, call.name)
    readonly = is_readonly(ctx, call, info)
    inner = _WIDGETS.get(widget, _char)(ctx, call, info, value, readonly)
    empty = value in (False, None, "", []) and widget not in ("boolean", "boolean_toggle")
    classes = cls(
        "o_field_widget",
        f"o_field_{widget}",
        readonly and call.mode == "form" and "o_readonly_modifier",
        info.required and not readonly and "o_required_modifier",
        empty and readonly and "o_field_empty",
        call.node.get("class"),
    )
    return el("div", {"class": classes, "name": call.name}, inner)


def _char(ctx: RenderContext, call: FieldCall, info: FieldInfo, value: Any, readonly: bool) -> str:
    if readonly:
        return el("span", {}, esc(display_text(ctx, call.model, call.name, value)))
    return text_input(call, value, "text", placeholder(ctx, call))


def _number(
    ctx: RenderContext, call: FieldCall, info: FieldInfo, value: Any, readonly: bool
) -> str:
    text = display_text(ctx, call.model, call.name, value if value is not False else 0)
    if readonly:
        return el("span", {}, esc(text))
    return el(
        "input",
        {
            "class": "o_input",
            "id": f"{call.name}_0",
            "type": "text",
            "inputmode": "decimal",
            "value": text,
            "data-field": call.name,
        },
    )


def _text(ctx: RenderContext, call: FieldCall, info: FieldInfo, value: Any, readonly: bool) -> str:
    if readonly:
        return el("span", {"class": "o_standin_text"}, esc(value or ""))
    return el(
        "textarea",
        {
            "class": "o_input",
            "id": f"{call.name}_0",
            "rows": "2",
            "data-field": call.name,
            "placeholder": placeholder(ctx, call) or None,
        },
        esc(value or ""),
    )


def _html(ctx: RenderContext, call: FieldCall, info: FieldInfo, value: Any, readonly: bool) -> str:
    if not value:
        return el("div", {"class": "o_readonly"}, "")
    return el("div", {"class": "o_readonly"}, _CLEANER.clean_html(f"<div>{value}</div>"))


def _password(
    ctx: RenderContext, call: FieldCall, info: FieldInfo, value: Any, readonly: bool
) -> str:
    if readonly:
        return el("span", {}, "*" * len(str(value)) if value else "")
    return text_input(call, value, "password", placeholder(ctx, call))


def _boolean(
    ctx: RenderContext, call: FieldCall, info: FieldInfo, value: Any, readonly: bool
) -> str:
    identifier = f"{call.name}_0"
    toggle = widget_name(call.node, info) == "boolean_toggle"
    return el(
        "div",
        {"class": cls("o-checkbox form-check d-inline-block", toggle and "form-switch")},
        el(
            "input",
            {
                "class": "form-check-input",
                "type": "checkbox",
                "id": identifier,
                "checked": bool(value),
                "disabled": readonly,
                "data-field": call.name,
            },
        ),
        el("label", {"class": "form-check-label", "for": identifier}, ""),
    )


def _selection(
    ctx: RenderContext, call: FieldCall, info: FieldInfo, value: Any, readonly: bool
) -> str:
    if readonly:
        return el("span", {}, esc(display_text(ctx, call.model, call.name, value)))
    options = [el("option", {"value": "false"}, "")] + [
        el(
            "option",
            {"value": key, "selected": key == value},
            esc(ctx.tr.selection(call.model, call.name, key)),
        )
        for key, _label in info.selection
    ]
    return el(
        "select",
        {"class": "o_input pe-3", "id": f"{call.name}_0", "data-field": call.name},
        *options,
    )


def _radio(ctx: RenderContext, call: FieldCall, info: FieldInfo, value: Any, readonly: bool) -> str:
    items = []
    for key, _label in info.selection:
        identifier = f"radio_field_{call.name}_{key}"
        items.append(
            el(
                "div",
                {"class": "form-check o_radio_item"},
                el(
                    "input",
                    {
                        "class": "form-check-input o_radio_input",
                        "type": "radio",
                        "id": identifier,
                        "name": f"radio_{call.name}",
                        "value": key,
                        "checked": key == value,
                        "disabled": readonly,
                        "data-field": call.name,
                    },
                ),
                el(
                    "label",
                    {"class": "form-check-label o_form_label", "for": identifier},
                    esc(ctx.tr.selection(call.model, call.name, key)),
                ),
            )
        )
    return el("div", {"class": "o_horizontal", "role": "radiogroup"}, *items)


def _many2one(
    ctx: RenderContext, call: FieldCall, info: FieldInfo, value: Any, readonly: bool
) -> str:
    name = display_text(ctx, call.model, call.name, value)
    if readonly:
        if call.mode == "form" and value and info.comodel:
            record_id = value[0] if isinstance(value, list) else value
            href = ctx.link(f"/odoo/{info.comodel}/{record_id}")
            return el("a", {"class": "o_form_uri", "href": href}, el("span", {}, esc(name)))
        return el("span", {}, esc(name))
    return el(
        "div",
        {"class": "o_field_many2one_selection"},
        el(
            "div",
            {"class": "o_input_dropdown"},
            el(
                "div",
                {"class": "o-autocomplete dropdown"},
                text_input(call, name, "text", placeholder(ctx, call)),
            ),
            el("span", {"class": "o_dropdown_button"}, ""),
        ),
    )


def _date(ctx: RenderContext, call: FieldCall, info: FieldInfo, value: Any, readonly: bool) -> str:
    kind = "datetime" if info.type == "Datetime" else "date"
    if readonly:
        return datetime_span(value, kind)
    return el(
        "div",
        {"class": "o_datetime_input_wrapper"},
        el(
            "input",
            {
                "class": "o_input o_datetime_input o_standin_date",
                "id": f"{call.name}_0",
                "type": "text",
                "data-value": value or None,
                "data-type": kind,
                "data-field": call.name,
            },
        ),
    )


def _badge(ctx: RenderContext, call: FieldCall, info: FieldInfo, value: Any, readonly: bool) -> str:
    if not value:
        return ""
    text = display_text(ctx, call.model, call.name, value)
    values = values_for(ctx, call.model, call.record)
    tone = "secondary"
    for decoration in ("success", "info", "warning", "danger", "muted"):
        if evaluate(call.node.get(f"decoration-{decoration}"), values):
            tone = "light" if decoration == "muted" else decoration
            break
    return el("span", {"class": f"badge rounded-pill text-bg-{tone}"}, esc(text))


def _tags(ctx: RenderContext, call: FieldCall, info: FieldInfo, value: Any, readonly: bool) -> str:
    tags = [
        el(
            "span",
            {"class": "o_tag badge rounded-pill o_tag_color_0"},
            el(
                "div",
                {"class": "o_tag_badge_text"},
                esc(ctx.tr.record_name(ctx.db, info.comodel or "", record_id)),
            ),
        )
        for record_id in value or []
    ]
    return el("div", {"class": "o_field_tags d-inline-flex flex-wrap gap-1"}, *tags)


def _image(ctx: RenderContext, call: FieldCall, info: FieldInfo, value: Any, readonly: bool) -> str:
    record_id = call.record.get("id") or 0
    if info.type == "Many2one" and info.comodel:
        target = value[0] if isinstance(value, list) else value
        source = f"/web/image/{info.comodel}/{target or 0}/avatar_128"
    else:
        source = f"/web/image/{call.model}/{record_id}/{call.name}"
    lazy = call.mode == "kanban"
    if lazy:
        source += f"?unique={record_id}"
    image = el(
        "img",
        {
            "class": "img img-fluid",
            "src": source,
            "alt": "",
            "loading": "lazy" if lazy else None,
            "name": call.name,
        },
    )
    return el("div", {"class": "d-inline-block position-relative"}, image)


def _avatar(
    ctx: RenderContext, call: FieldCall, info: FieldInfo, value: Any, readonly: bool
) -> str:
    name = display_text(ctx, call.model, call.name, value)
    return el(
        "div",
        {"class": "d-flex align-items-center gap-1"},
        el("span", {"class": "o_avatar o_m2o_avatar"}, _image(ctx, call, info, value, readonly)),
        el("span", {}, esc(name)),
    )


def _priority(
    ctx: RenderContext, call: FieldCall, info: FieldInfo, value: Any, readonly: bool
) -> str:
    stars = []
    for key, label in info.selection[1:] or [("1", "Important")]:
        full = str(value) >= key if value else False
        stars.append(
            el(
                "a",
                {
                    "class": cls("o_priority_star fa", "fa-star" if full else "fa-star-o"),
                    "title": label,
                    "role": "button",
                    "href": "#",
                },
            )
        )
    return el("div", {"class": "o_priority d-inline-flex gap-1"}, *stars)


def _handle(
    ctx: RenderContext, call: FieldCall, info: FieldInfo, value: Any, readonly: bool
) -> str:
    return el("span", {"class": "o_row_handle fa fa-sort ui-sortable-handle"}, "")


def _url(ctx: RenderContext, call: FieldCall, info: FieldInfo, value: Any, readonly: bool) -> str:
    if not value:
        return ""
    text = call.node.get("text") or value
    return el(
        "a",
        {"class": "o_field_widget o_form_uri", "href": value, "target": "_blank"},
        esc(ctx.tr.term(text)),
    )


def _email(ctx: RenderContext, call: FieldCall, info: FieldInfo, value: Any, readonly: bool) -> str:
    if not readonly:
        return text_input(call, value, "email", placeholder(ctx, call))
    return el("a", {"class": "o_form_uri o_text_overflow", "href": f"mailto:{value}"}, esc(value))


def _phone(ctx: RenderContext, call: FieldCall, info: FieldInfo, value: Any, readonly: bool) -> str:
    if not readonly:
        return el(
            "div",
            {"class": "o_phone_content d-inline-flex w-100"},
            text_input(call, value, "tel", placeholder(ctx, call)),
        )
    return el("span", {"class": "o_force_ltr"}, esc(value or ""))


def _copy(ctx: RenderContext, call: FieldCall, info: FieldInfo, value: Any, readonly: bool) -> str:
    return el(
        "div",
        {"class": "d-grid rounded-2 overflow-hidden o_clipboard"},
        el("span", {"class": "text-truncate o_clipboard_value"}, esc(value or "")),
        el(
            "button",
            {"class": "btn btn-primary o_clipboard_button", "type": "button"},
            icon("fa-clipboard", "me-1"),
            esc(ctx.tr.chrome("Copy")),
        ),
    )


_WIDGETS = {
    "char": _char,
    "text": _text,
    "html": _html,
    "integer": _number,
    "float": _number,
    "monetary": _number,
    "float_time": _number,
    "boolean": _boolean,
    "boolean_toggle": _boolean,
    "selection": _selection,
    "radio": _radio,
    "many2one": _many2one,
    "date": _date,
    "datetime": _date,
    "badge": _badge,
    "many2many_tags": _tags,
    "image": _image,
    "many2one_avatar": _avatar,
    "many2one_avatar_user": _avatar,
    "priority": _priority,
    "handle": _handle,
    "url": _url,
    "email": _email,
    "phone": _phone,
    "password": _password,
    "CopyClipboardChar": _copy,
}
