"""Dialogs: window actions with ``target="new"`` (wizards) shown over the current view."""

from __future__ import annotations

from typing import Any

from onboardkit.standin.render.context import RenderContext
from onboardkit.standin.render.form import FormRenderer
from onboardkit.standin.render.html import el, esc
from onboardkit.standin.routing import ActionInfo


def dialog_frame(
    title: str, body: str, footer: str, size: str = "modal-lg", extra: str = ""
) -> str:
    """Return ``div.o_dialog`` with Odoo's modal structure (no backdrop element)."""
    return el(
        "div",
        {"class": "o_dialog", "id": "dialog_standin"},
        el(
            "div",
            {
                "class": f"modal d-block o_technical_modal {extra}".strip(),
                "role": "dialog",
                "tabindex": "-1",
            },
            el(
                "div",
                {"class": f"modal-dialog {size}"},
                el(
                    "div",
                    {"class": "modal-content"},
                    el(
                        "header",
                        {"class": "modal-header"},
                        el("h4", {"class": "modal-title text-break flex-grow-1"}, esc(title)),
                        el(
                            "button",
                            {
                                "class": "btn-close",
                                "type": "button",
                                "aria-label": "Close",
                                "special": "cancel",
                            },
                            "",
                        ),
                    ),
                    el("main", {"class": "modal-body"}, body),
                    el(
                        "footer",
                        {
                            "class": "modal-footer justify-content-around "
                            "justify-content-md-start flex-wrap gap-1 w-100"
                        },
                        footer,
                    ),
                ),
            ),
        ),
    )


def render_wizard(ctx: RenderContext, action: ActionInfo, context: dict[str, Any]) -> str:
    """Create the wizard's record with its defaults and return its dialog."""
    model = action.res_model
    values = _wizard_defaults(ctx, model, context)
    record_id = ctx.db.create(model, values)
    record = ctx.db.browse(model, record_id) or {"id": None}
    view = ctx.db.bundle.views.primary(model, "form")
    parts = FormRenderer(ctx, model, view.arch, record).render()
    footer = "".join(parts.footer)
    if not footer:
        footer = el(
            "button",
            {"class": "btn btn-primary o_form_button_save", "type": "button"},
            esc(ctx.tr.chrome("Save")),
        ) + el(
            "button",
            {
                "class": "btn btn-secondary o_form_button_cancel",
                "type": "button",
                "special": "cancel",
            },
            esc(ctx.tr.chrome("Discard")),
        )
    body = el(
        "div",
        {
            "class": "o_form_view o_form_view_dialog",
            "data-model": model,
            "data-record": str(record_id),
        },
        el(
            "div",
            {"class": "o_form_renderer o_form_editable d-block o_form_saved"},
            parts.statusbar,
            parts.sheet,
        ),
    )
    title = ctx.tr.action(action.xmlid or "", action.name)
    return dialog_frame(title, body, footer)


def _wizard_defaults(ctx: RenderContext, model: str, context: dict[str, Any]) -> dict[str, Any]:
    # NOTE: a wizard's default_get cannot run here. A many2many to the active model (or, when
    # the dialog was opened by URL, to any model) gets the active records that are drafts, or
    # all of them: a guess that fits wizards acting on a selection.
    values: dict[str, Any] = {}
    active_model = context.get("active_model")
    active_ids = [int(i) for i in context.get("active_ids") or [] if str(i).isdigit()]
    spec = ctx.db.registry.get(model)
    for name, info in spec.fields.items() if spec else []:
        target = info.comodel or ""
        if info.type != "Many2many" or ctx.db.registry.get(target) is None:
            continue
        if active_model and target != active_model:
            continue
        ids = active_ids or ctx.db.search(target, [])
        drafts = ctx.db.search(target, [("id", "in", ids), ("state", "=", "draft")])
        values[name] = [(6, 0, drafts or ids)]
    return values
