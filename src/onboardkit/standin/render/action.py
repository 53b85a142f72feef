"""The action area for one route: a list, kanban, form or Settings view, or a dialog."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lxml_html_clean import Cleaner

from onboardkit.standin.render.context import RenderContext
from onboardkit.standin.render.control_panel import (
    Crumb,
    Panel,
    pager,
    render_panel,
    search_box,
    selection_actions,
    switcher,
)
from onboardkit.standin.render.dialog import render_wizard
from onboardkit.standin.render.form import FormRenderer
from onboardkit.standin.render.html import cls, el, esc, icon
from onboardkit.standin.render.kanban import render_kanban
from onboardkit.standin.render.list_view import render_list_table
from onboardkit.standin.render.settings import SETTINGS_MODEL, render_settings
from onboardkit.standin.routing import Route, RouteNotFound

_CLEANER = Cleaner(scripts=True, javascript=True, style=True, forms=True, page_structure=True)


@dataclass
class Rendered:
    """The HTML the client puts in the action manager (and a dialog), with the page title."""

    action: str
    title: str
    dialog: str = ""


def render_route(ctx: RenderContext, route: Route, search: str = "") -> Rendered:
    """Return the action area of ``route``.

    Raises:
        RouteNotFound: the route's record does not exist.
    """
    if route.action is not None and route.action.target == "new":
        dialog = render_wizard(ctx, route.action, {})
        return Rendered("", ctx.tr.action(route.action.xmlid or "", route.action.name), dialog)
    if route.model == SETTINGS_MODEL:
        return _settings(ctx, route)
    if route.multi_record:
        return _multi(ctx, route, search)
    return _form(ctx, route)


def action_title(ctx: RenderContext, route: Route) -> str:
    if route.action is None:
        return ctx.db.registry.get(route.model).description or route.model  # type: ignore[union-attr]
    return ctx.tr.action(route.action.xmlid or "", route.action.name)


def route_records(ctx: RenderContext, route: Route, search: str = "") -> list[int]:
    """Return the ids the route's action lists, in the model's order."""
    domain: list[Any] = list(route.action.domain) if route.action else []
    if search:
        spec = ctx.db.registry.get(route.model)
        domain.append((spec.rec_name if spec else "name", "ilike", search))
    return ctx.db.search(route.model, domain)


def _multi(ctx: RenderContext, route: Route, search: str) -> Rendered:
    ids = route_records(ctx, route, search)
    table = ctx.db.table(route.model)
    records = [table[i] for i in ids[:80]]
    view = ctx.db.bundle.views.primary(route.model, route.view_type)
    if not records:
        content = _no_content(ctx, route)
    elif route.view_type == "kanban":
        content = render_kanban(ctx, route.model, view.arch, records)
    else:
        content = render_list_table(ctx, route.model, view.arch, records, view_id=view.id)
    title = action_title(ctx, route)
    creatable = view.arch.get("create") not in ("0", "false", "False")
    new_class = "o_list_button_add" if route.view_type == "list" else "o-kanban-button-new"
    panel = Panel(
        crumbs=[Crumb(title)],
        main_buttons=el(
            "button",
            {
                "class": f"btn btn-primary {new_class}",
                "type": "button",
                "data-href": ctx.link(route.base_path() + "/new"),
            },
            esc(ctx.tr.chrome("New")),
        )
        if creatable
        else "",
        actions=search_box(ctx, search)
        + (selection_actions(ctx, route.model) if route.view_type == "list" and records else ""),
        pager=pager(ctx, f"1-{len(records)}" if records else "0", len(ids), None, None),
        switcher=_switcher(ctx, route),
    )
    body = el(
        "div",
        {"class": cls(f"o_{route.view_type}_view o_view_controller o_action")},
        render_panel(ctx, panel),
        el("div", {"class": cls("o_content", not records and "o_view_sample_data")}, content),
    )
    return Rendered(body, title)


def _switcher(ctx: RenderContext, route: Route) -> str:
    kinds = route.action.view_types if route.action else ["list"]
    hrefs = {kind: ctx.link(route.base_path(), view_type=kind) for kind in kinds}
    return switcher(ctx, kinds, route.view_type, hrefs)


def _no_content(ctx: RenderContext, route: Route) -> str:
    help_html = route.action.help if route.action else ""
    inner = (
        _CLEANER.clean_html(f"<div>{help_html}</div>")
        if help_html.strip()
        else el(
            "p", {"class": "o_view_nocontent_empty_folder"}, esc(ctx.tr.chrome("No record found"))
        )
    )
    return el("div", {"class": "o_view_nocontent"}, el("div", {"class": "o_nocontent_help"}, inner))


def _form(ctx: RenderContext, route: Route) -> Rendered:
    if route.new:
        record: dict[str, Any] = {"id": None, **ctx.db._defaults(route.model)}
    else:
        found = ctx.db.browse(route.model, route.record_id or 0)
        if found is None:
            raise RouteNotFound(f"{route.model} {route.record_id}")
        record = found
    view = ctx.db.bundle.views.primary(route.model, "form")
    parts = FormRenderer(ctx, route.model, view.arch, record).render()
    name = (
        ctx.tr.chrome("New") if route.new else ctx.tr.record_name(ctx.db, route.model, record["id"])
    )
    crumbs = [Crumb(name)]
    if route.action is not None:
        crumbs.insert(0, Crumb(action_title(ctx, route), ctx.link(route.base_path())))
    creatable = view.arch.get("create") not in ("0", "false", "False")
    panel = Panel(
        crumbs=crumbs,
        main_buttons=el(
            "button",
            {
                "class": "btn btn-outline-primary o_form_button_create",
                "type": "button",
                "data-href": ctx.link(route.base_path() + "/new"),
            },
            esc(ctx.tr.chrome("New")),
        )
        if creatable
        else "",
        status_indicator=_status_indicator(ctx, route.new),
        actions=parts.button_box,
        pager=_record_pager(ctx, route) if not route.new else "",
    )
    renderer = el(
        "div",
        {
            "class": cls(
                "o_form_renderer d-flex d-print-block flex-column",
                "o_form_readonly" if view.arch.get("edit") in ("0", "false") else "o_form_editable",
                "o_form_dirty" if route.new else "o_form_saved",
            )
        },
        el("div", {"class": "o_form_sheet_bg"}, parts.statusbar, parts.sheet),
        parts.chatter,
    )
    body = el(
        "div",
        {
            "class": "o_form_view o_view_controller o_action",
            "data-model": route.model,
            "data-record": str(record["id"] or ""),
        },
        el(
            "div",
            {"class": "o_form_view_container"},
            render_panel(ctx, panel),
            el("div", {"class": "o_content"}, renderer),
        ),
    )
    return Rendered(body, name)


def _status_indicator(ctx: RenderContext, new: bool) -> str:
    tr = ctx.tr.chrome
    return el(
        "div",
        {"class": "o_form_status_indicator d-md-flex align-items-center align-self-md-end me-auto"},
        el(
            "div",
            {"class": cls("o_form_status_indicator_buttons d-flex", not new and "invisible")},
            el(
                "button",
                {
                    "class": "o_form_button_save btn btn-light px-1 py-0 lh-sm",
                    "type": "button",
                    "data-tooltip": tr("Save manually"),
                    "aria-label": tr("Save manually"),
                },
                icon("fa-cloud-upload", "fa-fw"),
            ),
            el(
                "button",
                {
                    "class": "o_form_button_cancel btn btn-light px-1 py-0 lh-sm",
                    "type": "button",
                    "data-tooltip": tr("Discard all changes"),
                    "aria-label": tr("Discard all changes"),
                },
                icon("fa-times", "fa-fw"),
            ),
        ),
    )


def _record_pager(ctx: RenderContext, route: Route) -> str:
    ids = route_records(ctx, route) if route.action else [route.record_id or 0]
    if route.record_id not in ids:
        return pager(ctx, "1", 1, None, None)
    index = ids.index(route.record_id)
    total = len(ids)
    previous = ctx.link(f"{route.base_path()}/{ids[index - 1]}") if total > 1 else None
    following = ctx.link(f"{route.base_path()}/{ids[(index + 1) % total]}") if total > 1 else None
    return pager(ctx, str(index + 1), total, previous, following)


def _settings(ctx: RenderContext, route: Route) -> Rendered:
    view = ctx.db.bundle.views.primary(SETTINGS_MODEL, "form")
    module = route.action.context.get("module") if route.action else None
    tr = ctx.tr.chrome
    buttons = el(
        "div",
        {"class": "o_form_buttons_edit d-flex gap-1 order-first w-auto"},
        el(
            "button",
            {"class": "btn btn-primary o_form_button_save", "type": "button"},
            esc(tr("Save")),
        ),
        el(
            "button",
            {"class": "btn btn-secondary o_form_button_cancel", "type": "button"},
            esc(tr("Discard")),
        ),
    )
    title = tr("Settings")
    panel = Panel(
        crumbs=[Crumb(title)],
        buttons_first=buttons,
        actions=search_box(ctx, with_toggler=False),
        gear=False,
    )
    body = el(
        "div",
        {
            "class": "o-settings-form-view o_field_highlight o_form_view o_base_settings_view "
            "oe_form_configuration o_view_controller o_action",
            "data-model": SETTINGS_MODEL,
            "data-record": "1",
        },
        el(
            "div",
            {"class": "o_form_view_container"},
            render_panel(ctx, panel),
            el(
                "div",
                {"class": "o_content"},
                el(
                    "div",
                    {"class": "o_form_renderer o_form_editable d-block o_form_saved"},
                    render_settings(ctx, view.arch, module),
                ),
            ),
        ),
    )
    return Rendered(body, title)
