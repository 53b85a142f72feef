"""JSON-RPC calls of a logged-in session: ``call_kw``, buttons, menus, actions and rendering."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from onboardkit.standin.orm import RpcFault
from onboardkit.standin.render.action import render_route
from onboardkit.standin.render.context import RenderContext
from onboardkit.standin.render.dialog import render_wizard
from onboardkit.standin.render.navbar import render_navbar
from onboardkit.standin.routing import (
    Route,
    RouteNotFound,
    app_menus,
    child_menus,
    find_action,
    parse_fragment,
    parse_path,
)
from onboardkit.standin.server import Request
from onboardkit.standin.sessions import Session

if TYPE_CHECKING:
    from onboardkit.standin.app import App

READ_METHODS = {"web_search_read", "web_read", "read", "search_read", "search", "search_count"}
WRITE_METHODS = {"web_save", "write", "create", "unlink"}


def dispatch(app: App, request: Request, session: Session, params: dict[str, Any]) -> Any:
    """Run one call for ``session``.

    Raises:
        RpcFault: the call names an unknown model, method, action or record.
    """
    path = request.path
    if path.startswith("/web/dataset/call_kw"):
        return _call_kw(app, request, session, params)
    if path.startswith("/web/dataset/call_button"):
        app.wait(app.timing.call_button, request)
        _call_kw(app, request, session, params, waited=True)
        return False
    if path == "/web/webclient/load_menus":
        app.wait(app.timing.load_menus, request)
        with app.lock:
            return _menus(app, session)
    if path == "/web/action/load":
        app.wait(app.timing.action_load, request)
        with app.lock:
            return _load_action(app, session, params)
    if path == "/standin/render":
        app.wait(app.timing.render, request)
        with app.lock:
            return _render(app, session, params)
    if path == "/standin/dialog":
        app.wait(app.timing.render, request)
        with app.lock:
            return _dialog(app, session, params)
    raise RpcFault("werkzeug.exceptions.NotFound", f"{path} does not exist.")


def _call_kw(
    app: App, request: Request, session: Session, params: dict[str, Any], waited: bool = False
) -> Any:
    from onboardkit.standin.rpc import orm_for

    model = str(params.get("model") or "")
    method = str(params.get("method") or "")
    if not waited:
        if method in READ_METHODS:
            app.wait(app.timing.read, request)
        elif method == "get_views":
            app.wait(app.timing.get_views, request)
        elif method in WRITE_METHODS:
            app.wait(app.timing.save, request)
    # NOTE: the addon's Python methods never run here. A button call changes no record and
    # returns False, so the client only reloads the view, as Odoo does after such a call.
    if method.startswith("action_") or method.startswith("button_"):
        return False
    with app.lock:
        orm = orm_for(app, session)
        return orm.call(
            model, method, list(params.get("args") or []), dict(params.get("kwargs") or {})
        )


def _context(
    app: App, session: Session, lang: str | None = None, query: dict | None = None
) -> RenderContext:
    from onboardkit.standin.rpc import orm_for

    orm = orm_for(app, session, lang)
    keep = {key: value for key, value in (query or {}).items() if key in ("debug", "lang")}
    return RenderContext(orm.db, orm.tr, orm, debug=bool(keep.get("debug")), keep=keep)


def _route(app: App, session: Session, params: dict[str, Any]) -> tuple[Route, dict[str, str]]:
    from urllib.parse import parse_qsl

    database = app.databases[session.database or ""]
    query = str(params.get("query") or "").lstrip("?")
    values = dict(parse_qsl(query))
    fragment = str(params.get("hash") or "").lstrip("#")
    try:
        if str(params.get("path") or "").rstrip("/") == "/web" or (
            fragment and "action=" in fragment
        ):
            route = parse_fragment(database, fragment, query)
        else:
            route = parse_path(database, str(params.get("path") or "/odoo"), query)
    except RouteNotFound as error:
        raise RpcFault(
            "odoo.exceptions.MissingError", f"No action or record for {error}."
        ) from None
    return route, values


def _load_action(app: App, session: Session, params: dict[str, Any]) -> dict[str, Any]:
    if params.get("action_id") is not None:
        database = app.databases[session.database or ""]
        try:
            action = find_action(database, str(params["action_id"]))
        except RouteNotFound:
            raise RpcFault("odoo.exceptions.MissingError", "The action does not exist.") from None
        return {
            "id": action.id,
            "type": "ir.actions.act_window",
            "name": action.name,
            "res_model": action.res_model,
            "target": action.target,
            "views": [[False, kind] for kind in action.view_types],
        }
    route, _ = _route(app, session, params)
    action = route.action
    return {
        "id": action.id if action else False,
        "type": "ir.actions.act_window",
        "name": action.name if action else route.model,
        "res_model": route.model,
        "target": action.target if action else "current",
        "views": [[False, kind] for kind in (action.view_types if action else ["form"])],
        "res_id": route.record_id or False,
        "view_type": route.view_type,
        "url": route.url(),
    }


def _render(app: App, session: Session, params: dict[str, Any]) -> dict[str, Any]:
    route, query = _route(app, session, params)
    ctx = _context(app, session, query.get("lang"), query)
    optional = params.get("optional")
    if isinstance(optional, dict):
        ctx.optional_columns = {str(key): str(value) for key, value in optional.items()}
    try:
        rendered = render_route(ctx, route, str(params.get("search") or ""))
    except RouteNotFound as error:
        raise RpcFault("odoo.exceptions.MissingError", f"Record {error} does not exist.") from None
    return {
        "navbar": render_navbar(ctx, route),
        "action": rendered.action,
        "dialog": rendered.dialog,
        "title": rendered.title,
        "url": route.url(),
        "datapoints": ctx.datapoints,
        "model": route.model,
        "base": ctx.link(route.base_path()),
    }


def _dialog(app: App, session: Session, params: dict[str, Any]) -> dict[str, Any]:
    query = {key: str(value) for key, value in dict(params.get("query") or {}).items()}
    ctx = _context(app, session, query.get("lang"), query)
    try:
        action = find_action(ctx.db, str(params.get("action") or ""))
    except RouteNotFound:
        raise RpcFault("odoo.exceptions.MissingError", "The action does not exist.") from None
    context = dict(params.get("context") or {})
    if action.target != "new":
        return {"url": ctx.link(f"/odoo/{action.path or f'action-{action.id}'}")}
    return {"dialog": render_wizard(ctx, action, context), "datapoints": ctx.datapoints}


def _menus(app: App, session: Session) -> dict[str, Any]:
    database = app.databases[session.database or ""]
    result: dict[str, Any] = {}
    roots = [menu["id"] for menu in app_menus(database)]
    result["root"] = {"id": "root", "name": "root", "children": roots}
    for menu in database.tables.get("ir.ui.menu", {}).values():
        result[str(menu["id"])] = {
            "id": menu["id"],
            "name": menu["name"],
            "children": [child["id"] for child in child_menus(database, menu["id"])],
            "actionID": int(str(menu["action"]).rsplit(",", 1)[-1])
            if menu.get("action")
            else False,
            "xmlid": database.xmlid_of("ir.ui.menu", menu["id"]),
        }
    return result
