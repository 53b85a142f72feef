"""JSON-RPC endpoints: session, version, ``call_kw``, actions and the stand-in's rendering."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from onboardkit.standin.orm import Orm, RpcFault
from onboardkit.standin.server import Request, Response
from onboardkit.standin.sessions import Session, cookie_header

if TYPE_CHECKING:
    from onboardkit.standin.app import App

log = logging.getLogger(__name__)

SERVER_VERSION = "18.0-standin"
VERSION_INFO = {
    "server_version": SERVER_VERSION,
    "server_version_info": [18, 0, 0, "final", 0, ""],
    "server_serie": "18.0",
    "protocol_version": 1,
    "standin": True,
}
ENDPOINTS = {
    "/web/session/authenticate",
    "/web/session/get_session_info",
    "/web/session/destroy",
    "/web/webclient/version_info",
    "/web/webclient/load_menus",
    "/web/database/list",
    "/web/action/load",
    "/standin/render",
    "/standin/dialog",
}


class SessionExpired(Exception):
    """The request needs a logged-in session."""


def handle(app: App, request: Request, session: Session | None) -> Response:
    """Handle a JSON-RPC request (``POST``, ``{"jsonrpc": "2.0", "params": {...}}``)."""
    from onboardkit.standin.app import json_response

    if request.method != "POST":
        return Response(
            400, b"Bad Request: JSON-RPC endpoints accept POST only.", "text/plain; charset=utf-8"
        )
    try:
        payload = request.json()
    except ValueError:
        return Response(400, b"Bad Request: the body is not JSON.", "text/plain; charset=utf-8")
    if not isinstance(payload, dict):
        return Response(400, b"Bad Request: expected a JSON-RPC object.", "text/plain")
    params = payload.get("params") or {}
    headers: list[tuple[str, str]] = []
    try:
        result = _route(app, request, session, params, headers)
        body: dict[str, Any] = {"jsonrpc": "2.0", "id": payload.get("id"), "result": result}
    except SessionExpired:
        body = _error(payload, 100, "odoo.http.SessionExpiredException", "Session expired")
    except RpcFault as fault:
        body = _error(payload, 200, fault.name, fault.message)
    response = json_response(body)
    response.headers += headers
    return response


def _error(payload: dict, code: int, name: str, message: str) -> dict[str, Any]:
    data = {"name": name, "debug": "", "message": message, "arguments": [message], "context": {}}
    title = "Odoo Session Expired" if code == 100 else "Odoo Server Error"
    return {
        "jsonrpc": "2.0",
        "id": payload.get("id"),
        "error": {"code": code, "message": title, "data": data},
    }


def _route(
    app: App,
    request: Request,
    session: Session | None,
    params: dict[str, Any],
    headers: list[tuple[str, str]],
) -> Any:
    path = request.path
    if path == "/web/webclient/version_info":
        return dict(VERSION_INFO)
    if path == "/web/database/list":
        return list(app.database_names)
    if path == "/web/session/authenticate":
        return _authenticate(app, request, session, params, headers)
    if session is None or session.uid is None:
        raise SessionExpired
    if path == "/web/session/destroy":
        app.sessions.drop(session)
        return None
    if path == "/web/session/get_session_info":
        app.wait(app.timing.session_info, request)
        database = app.databases[session.database or ""]
        session.lang = str(database.browse("res.users", session.uid)["lang"])  # type: ignore[index]
        return session_info(app, session)
    from onboardkit.standin import client_rpc

    return client_rpc.dispatch(app, request, session, params)


def _authenticate(
    app: App,
    request: Request,
    session: Session | None,
    params: dict[str, Any],
    headers: list[tuple[str, str]],
) -> Any:
    database = params.get("db") or (app.database_names[0] if len(app.database_names) == 1 else None)
    if database not in app.databases:
        raise RpcFault("odoo.exceptions.AccessDenied", f"Database {database!r} not found.")
    app.wait(app.timing.login, request)
    if not app.check_password(str(params.get("login") or ""), str(params.get("password") or "")):
        log.info("Stand-in JSON-RPC login failed for %r", params.get("login"))
        raise RpcFault("odoo.exceptions.AccessDenied", "Access Denied")
    session = session or app.sessions.new()
    session.database = database
    app.authenticate(session)
    headers.append(("Set-Cookie", cookie_header(session.sid)))
    return session_info(app, session)


def session_info(app: App, session: Session) -> dict[str, Any]:
    """Return what ``/web/session/get_session_info`` returns for ``session``."""
    database = app.databases[session.database or ""]
    user = database.browse("res.users", session.uid or 0) or {}
    partner_id = user.get("partner_id") or False
    company = database.ref("base.main_company")
    return {
        "uid": session.uid,
        "is_system": True,
        "is_admin": True,
        "is_internal_user": True,
        "user_context": {"lang": session.lang, "tz": user.get("tz") or "UTC", "uid": session.uid},
        "db": session.database,
        "server_version": SERVER_VERSION,
        "server_version_info": VERSION_INFO["server_version_info"],
        "name": database.display_name("res.users", session.uid or 0),
        "username": user.get("login"),
        "partner_display_name": database.display_name("res.partner", partner_id or 0),
        "partner_id": partner_id,
        "company_id": company[1] if company else False,
        "web.base.url": app.base_url,
        "user_companies": {"current_company": company[1] if company else False},
        "standin": True,
    }


def orm_for(app: App, session: Session, lang: str | None = None) -> Orm:
    from onboardkit.standin.i18n import Translator

    database = app.databases[session.database or ""]
    return Orm(database, session.uid or 0, Translator(app.bundle.addons, lang or session.lang))
