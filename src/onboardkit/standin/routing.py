"""Web client URLs: ``/odoo/...`` paths and old ``/web#...`` fragments, to routes and back."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode

from onboardkit.standin.database import Database

KEPT_QUERY = ("debug", "lang")


class RouteNotFound(LookupError):
    """A URL that names no known action, model or record."""


@dataclass
class ActionInfo:
    """A window action as the client uses it."""

    id: int
    xmlid: str | None
    name: str
    res_model: str
    view_types: list[str]
    path: str | None
    target: str
    context: dict[str, Any]
    domain: list[Any]
    help: str


@dataclass
class Route:
    """What one client URL shows."""

    model: str
    action: ActionInfo | None = None
    record_id: int | None = None
    new: bool = False
    view_type: str = "list"
    explicit_view_type: bool = False
    menu_id: int | None = None
    keep: dict[str, str] = field(default_factory=dict)

    @property
    def multi_record(self) -> bool:
        return self.record_id is None and not self.new and self.view_type != "form"

    def base_path(self) -> str:
        if self.action is None:
            return f"/odoo/{self.model}"
        return f"/odoo/{self.action.path or f'action-{self.action.id}'}"

    def url(self) -> str:
        """Return the canonical URL the client shows for this route."""
        path = self.base_path()
        if self.new:
            path += "/new"
        elif self.record_id is not None:
            path += f"/{self.record_id}"
        query = dict(self.keep)
        default = self.action.view_types[0] if self.action and self.action.view_types else "list"
        if self.multi_record and self.explicit_view_type and self.view_type != default:
            query = {"view_type": self.view_type, **query}
        return path + ("?" + urlencode(query) if query else "")


def action_info(db: Database, action_id: int) -> ActionInfo:
    record = db.browse("ir.actions.act_window", action_id)
    if record is None:
        raise RouteNotFound(f"action {action_id}")
    types = [("list" if kind == "tree" else kind) for kind in str(record["view_mode"]).split(",")]
    return ActionInfo(
        id=action_id,
        xmlid=db.xmlid_of("ir.actions.act_window", action_id),
        name=str(record["name"]),
        res_model=str(record["res_model"]),
        view_types=[kind.strip() for kind in types if kind.strip()],
        path=record.get("path") or None,
        target=str(record.get("target") or "current"),
        context=_literal(record.get("context"), {}),
        domain=_literal(record.get("domain"), []),
        help=str(record.get("help") or ""),
    )


def bound_actions(db: Database, model: str) -> list[tuple[str, str]]:
    """Return the XML id and name of each window action in ``model``'s Actions menu."""
    found = []
    for action_id, record in db.tables.get("ir.actions.act_window", {}).items():
        xmlid = db.xmlid_of("ir.actions.act_window", action_id)
        if record.get("binding_model") == model and xmlid:
            found.append((xmlid, str(record["name"])))
    return found


def find_action(db: Database, token: str) -> ActionInfo:
    """Return the action named by an id, an XML id or a ``path``."""
    if token.isdigit():
        return action_info(db, int(token))
    found = db.ref(token)
    if found and found[0] == "ir.actions.act_window":
        return action_info(db, found[1])
    for record in db.tables.get("ir.actions.act_window", {}).values():
        if record.get("path") == token:
            return action_info(db, record["id"])
    raise RouteNotFound(token)


def parse_path(db: Database, path: str, query: str) -> Route:
    """Return the route of an ``/odoo/...`` URL.

    Raises:
        RouteNotFound: a segment names nothing known.
    """
    params = dict(parse_qsl(query))
    segments = [part for part in path.split("/") if part][1:]
    route: Route | None = None
    for segment in segments:
        if segment.startswith("action-"):
            route = _action_route(db, find_action(db, segment[len("action-") :]))
        elif segment == "new" and route is not None:
            route.new, route.view_type = True, "form"
        elif segment.isdigit() and route is not None:
            route.record_id, route.view_type = int(segment), "form"
        elif "." in segment and db.registry.get(segment) is not None:
            route = Route(model=segment, view_type="form")
        else:
            route = _action_route(db, find_action(db, segment))
    if route is None:
        route = _action_route(db, default_action(db))
    _apply_query(route, params)
    return route


def parse_fragment(db: Database, fragment: str, query: str) -> Route:
    """Return the route of an old ``/web#action=...&model=...&id=...`` URL."""
    values = dict(parse_qsl(fragment.lstrip("#")))
    if values.get("action"):
        route = _action_route(db, find_action(db, values["action"]))
    elif values.get("model") and db.registry.get(values["model"]):
        route = Route(model=values["model"], view_type="form")
    else:
        route = _action_route(db, default_action(db))
    if values.get("id", "").isdigit():
        route.record_id, route.view_type = int(values["id"]), "form"
    params = dict(parse_qsl(query))
    if values.get("view_type") and "view_type" not in params:
        params["view_type"] = values["view_type"]
    if values.get("menu_id"):
        params.setdefault("menu_id", values["menu_id"])
    _apply_query(route, params)
    return route


def _action_route(db: Database, action: ActionInfo) -> Route:
    first = action.view_types[0] if action.view_types else "list"
    return Route(model=action.res_model, action=action, view_type=first)


def _apply_query(route: Route, params: dict[str, str]) -> None:
    wanted = params.get("view_type")
    if wanted == "tree":
        wanted = "list"
    if wanted and route.record_id is None and not route.new:
        allowed = route.action.view_types if route.action else ["list", "form"]
        if wanted in allowed:
            route.view_type, route.explicit_view_type = wanted, True
    if params.get("menu_id", "").isdigit():
        route.menu_id = int(params["menu_id"])
    route.keep = {key: params[key] for key in KEPT_QUERY if key in params}


def default_action(db: Database) -> ActionInfo:
    """Return the action of the first app, as ``/odoo`` opens it."""
    for menu in app_menus(db):
        action_id = first_menu_action(db, menu["id"])
        if action_id:
            return action_info(db, action_id)
    raise RouteNotFound("no app has an action")


def app_menus(db: Database) -> list[dict[str, Any]]:
    """Return the root menus (apps), ordered by sequence."""
    menus = db.tables.get("ir.ui.menu", {}).values()
    roots = [menu for menu in menus if not menu.get("parent_id")]
    return sorted(roots, key=lambda menu: (menu.get("sequence") or 0, menu["id"]))


def child_menus(db: Database, menu_id: int) -> list[dict[str, Any]]:
    menus = db.tables.get("ir.ui.menu", {}).values()
    children = [menu for menu in menus if menu.get("parent_id") == menu_id]
    return sorted(children, key=lambda menu: (menu.get("sequence") or 0, menu["id"]))


def menu_action_id(menu: dict[str, Any]) -> int | None:
    action = menu.get("action")
    return int(str(action).rsplit(",", 1)[-1]) if action else None


def first_menu_action(db: Database, menu_id: int) -> int | None:
    """Return the action of the menu, or of its first descendant that has one."""
    menu = db.browse("ir.ui.menu", menu_id)
    if menu is None:
        return None
    own = menu_action_id(menu)
    if own:
        return own
    for child in child_menus(db, menu_id):
        found = first_menu_action(db, child["id"])
        if found:
            return found
    return None


def _literal(text: Any, default: Any) -> Any:
    if not isinstance(text, str):
        return default
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return default
    return value if isinstance(value, type(default)) else default
