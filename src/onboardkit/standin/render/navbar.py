"""The top bar: apps menu, the current app's name and menus, and the systray."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from onboardkit.standin import builtin
from onboardkit.standin.render.context import RenderContext
from onboardkit.standin.render.html import cls, el, esc, icon
from onboardkit.standin.routing import (
    Route,
    app_menus,
    child_menus,
    first_menu_action,
    menu_action_id,
)


def current_app(ctx: RenderContext, route: Route) -> dict[str, Any] | None:
    """Return the app (root menu) the route belongs to."""
    db = ctx.db
    apps = app_menus(db)
    if route.menu_id:
        menu = db.browse("ir.ui.menu", route.menu_id)
        while menu and menu.get("parent_id"):
            menu = db.browse("ir.ui.menu", menu["parent_id"])
        if menu:
            return menu
    for app in apps:
        if route.action and _subtree_has(
            ctx, app["id"], lambda m: menu_action_id(m) == route.action.id
        ):
            return app
    for app in apps:
        if _subtree_has(ctx, app["id"], lambda m: _menu_model(ctx, m) == route.model):
            return app
    return apps[0] if apps else None


def _subtree_has(ctx: RenderContext, menu_id: int, test: Callable[[dict], bool]) -> bool:
    menu = ctx.db.browse("ir.ui.menu", menu_id)
    if menu is None:
        return False
    if test(menu):
        return True
    return any(_subtree_has(ctx, child["id"], test) for child in child_menus(ctx.db, menu_id))


def _menu_model(ctx: RenderContext, menu: dict[str, Any]) -> str | None:
    action_id = menu_action_id(menu)
    action = ctx.db.browse("ir.actions.act_window", action_id) if action_id else None
    return action.get("res_model") if action else None


def menu_href(ctx: RenderContext, menu: dict[str, Any]) -> str:
    action_id = first_menu_action(ctx.db, menu["id"])
    if not action_id:
        return ctx.link("/odoo")
    action = ctx.db.browse("ir.actions.act_window", action_id) or {}
    return ctx.link(f"/odoo/{action.get('path') or f'action-{action_id}'}")


def menu_label(ctx: RenderContext, menu: dict[str, Any]) -> str:
    xmlid = ctx.db.xmlid_of("ir.ui.menu", menu["id"]) or ""
    return ctx.tr.menu(xmlid, str(menu.get("name") or ""))


def render_navbar(ctx: RenderContext, route: Route) -> str:
    """Return ``header.o_navbar`` for the app of ``route``."""
    app = current_app(ctx, route)
    brand = ""
    sections: list[str] = []
    if app is not None:
        brand = el(
            "a",
            {
                "class": "o-dropdown-item dropdown-item o-navigable o_menu_brand d-flex",
                "role": "menuitem",
                "href": menu_href(ctx, app),
                "data-menu-xmlid": ctx.db.xmlid_of("ir.ui.menu", app["id"]),
            },
            esc(menu_label(ctx, app)),
        )
        sections = [_section(ctx, menu) for menu in child_menus(ctx.db, app["id"])]
    nav = el(
        "nav",
        {"class": "o_main_navbar d-print-none", "aria-label": "Main"},
        _apps_menu(ctx),
        brand,
        el("div", {"class": "o_navbar_breadcrumbs d-contents"}, ""),
        el(
            "div",
            {"class": "o_menu_sections d-flex flex-grow-1 flex-shrink-1 w-0", "role": "menu"},
            *sections,
        ),
        _systray(ctx),
    )
    return el("header", {"class": "o_navbar"}, nav)


def _apps_menu(ctx: RenderContext) -> str:
    items = [
        el(
            "a",
            {
                "class": "dropdown-item o_app",
                "href": menu_href(ctx, app),
                "data-menu-xmlid": ctx.db.xmlid_of("ir.ui.menu", app["id"]),
            },
            esc(menu_label(ctx, app)),
        )
        for app in app_menus(ctx.db)
    ]
    return el(
        "div",
        {"class": "o_navbar_apps_menu"},
        el(
            "button",
            {
                "class": "o-dropdown dropdown-toggle dropdown",
                "type": "button",
                "title": ctx.tr.chrome("Home Menu"),
                "aria-label": ctx.tr.chrome("Home Menu"),
            },
            icon("oi-apps"),
        ),
        el(
            "div",
            {
                "class": "o-dropdown--menu dropdown-menu o_navbar_apps_dropdown d-none",
                "role": "menu",
            },
            *items,
        ),
    )


def _section(ctx: RenderContext, menu: dict[str, Any]) -> str:
    xmlid = ctx.db.xmlid_of("ir.ui.menu", menu["id"])
    children = child_menus(ctx.db, menu["id"])
    if not children:
        return el(
            "a",
            {
                "class": "o-dropdown-item dropdown-item o-navigable o_nav_entry",
                "role": "menuitem",
                "href": menu_href(ctx, menu),
                "data-menu-xmlid": xmlid,
            },
            esc(menu_label(ctx, menu)),
        )
    items = [
        el(
            "a",
            {
                "class": "dropdown-item o_menu_entry_lvl_2",
                "href": menu_href(ctx, child),
                "data-menu-xmlid": ctx.db.xmlid_of("ir.ui.menu", child["id"]),
            },
            esc(menu_label(ctx, child)),
        )
        for child in children
    ]
    return el(
        "div",
        {"class": "o_menu_section_dropdown position-relative"},
        el(
            "button",
            {
                "class": "o-dropdown dropdown-toggle dropdown",
                "type": "button",
                "data-menu-xmlid": xmlid,
            },
            el("span", {}, esc(menu_label(ctx, menu))),
        ),
        el("div", {"class": "o-dropdown--menu dropdown-menu d-none", "role": "menu"}, *items),
    )


def _systray(ctx: RenderContext) -> str:
    admin = ctx.db.ref("base.partner_admin")
    avatar = f"/web/image/res.partner/{admin[1] if admin else 0}/avatar_128"
    debug = (
        el(
            "div",
            {"class": "o_debug_manager"},
            el(
                "button",
                {
                    "class": "o-dropdown dropdown-toggle dropdown",
                    "type": "button",
                    "title": "Debug",
                },
                icon("fa-bug", "fa-lg"),
            ),
        )
        if ctx.debug
        else ""
    )
    return el(
        "div",
        {"class": "o_menu_systray d-flex flex-shrink-0 ms-auto", "role": "menu"},
        debug,
        el(
            "div",
            {"class": "o-mail-DiscussSystray-class"},
            el(
                "button",
                {
                    "class": "o-dropdown dropdown-toggle dropdown",
                    "type": "button",
                    "aria-label": "Messages",
                },
                icon("fa-comments", "fa-lg"),
            ),
        ),
        el(
            "button",
            {
                "class": "o-dropdown dropdown-toggle dropdown o_activity_systray",
                "type": "button",
                "aria-label": "Activities",
            },
            icon("fa-clock-o", "fa-lg"),
        ),
        el(
            "div",
            {"class": "o_switch_company_menu d-none d-md-block"},
            el(
                "span",
                {"class": "oe_topbar_name d-none d-lg-block text-truncate"},
                esc(builtin.COMPANY_NAME),
            ),
        ),
        el(
            "div",
            {"class": cls("o_user_menu d-none d-md-block pe-0")},
            el(
                "button",
                {
                    "class": "py-1 py-lg-0 o-dropdown dropdown-toggle dropdown",
                    "type": "button",
                    "aria-label": "User",
                },
                el(
                    "img", {"class": "o_avatar o_user_avatar rounded", "src": avatar, "alt": "User"}
                ),
            ),
        ),
    )
