"""Routing of the stand-in's requests: pages, login, static files and JSON-RPC endpoints."""

from __future__ import annotations

import hmac
import json
import logging
import threading
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from onboardkit.standin import assets, pages
from onboardkit.standin.bundle import Bundle
from onboardkit.standin.database import Database
from onboardkit.standin.server import Request, Response
from onboardkit.standin.sessions import Session, SessionStore, cookie_header
from onboardkit.standin.timing import Timing, extra_delay

log = logging.getLogger(__name__)


class App:
    """The stand-in's request handling, shared by every request thread."""

    def __init__(
        self,
        bundle: Bundle,
        login: str,
        password: str,
        databases: list[str],
        timing: Timing,
        stopping: threading.Event,
    ):
        self.bundle = bundle
        self.login = login
        self._password = password
        self.database_names = databases
        self.timing = timing
        self.stopping = stopping
        self.sessions = SessionStore()
        self.base_url = "http://127.0.0.1"
        self.databases: dict[str, Database] = {}
        self.lock = threading.RLock()

    def set_base_url(self, url: str) -> None:
        self.base_url = url
        with self.lock:
            self.databases = {
                name: Database(name, self.bundle, self.login, url) for name in self.database_names
            }

    def check_password(self, login: str, password: str) -> bool:
        same_login = hmac.compare_digest(login.encode(), self.login.encode())
        same_password = hmac.compare_digest(password.encode(), self._password.encode())
        return same_login and same_password

    def wait(self, seconds: float, request: Request) -> None:
        """Sleep like a busy server would; returns early when the server stops."""
        total = seconds + extra_delay(request.query)
        if total > 0:
            self.stopping.wait(total)

    # Dispatch -----------------------------------------------------------------------------

    def handle(self, request: Request) -> Response:
        """Return the response to ``request``; unexpected errors give a logged HTTP 500."""
        from onboardkit.standin import rpc

        try:
            session = self.sessions.get(request.cookies.get("session_id"))
            if request.path.startswith("/web/dataset/") or request.path in rpc.ENDPOINTS:
                response = rpc.handle(self, request, session)
            else:
                response = self._page(request, session)
        except Exception:
            log.exception("Stand-in request %s %s failed", request.method, request.path)
            return Response(500, b"Internal Server Error", "text/plain; charset=utf-8")
        return response

    def _page(self, request: Request, session: Session | None) -> Response:
        path = request.path
        if path in ("/", "/odoo") or path.startswith("/odoo/") or path == "/web":
            if path == "/":
                return redirect("/odoo" + _query(request.raw_query))
            return self._client(request, session)
        if path == "/web/login":
            return self._login(request, session)
        if path == "/web/database/selector":
            return Response(body=pages.selector_page(self.database_names).encode())
        if path == "/web/session/logout":
            if session is not None:
                self.sessions.drop(session)
            return redirect(request.query.get("redirect") or "/web/login")
        if path == "/web/health":
            return json_response({"status": "pass"})
        if path in ("/longpolling/poll", "/websocket/peek_notifications"):
            self.stopping.wait(self.timing.long_poll)
            return json_response({"jsonrpc": "2.0", "id": None, "result": []})
        return assets.serve(self, request)

    def _client(self, request: Request, session: Session | None) -> Response:
        chosen = request.query.get("db")
        if chosen and chosen in self.databases:
            session = session or self.sessions.new()
            if session.database != chosen:
                session.uid = None
            session.database = chosen
        if session is None or session.uid is None:
            target = request.path + _query(_without(request.raw_query, "db"))
            response = redirect("/web/login?" + urlencode({"redirect": target}))
            if session is not None:
                response.headers.append(("Set-Cookie", cookie_header(session.sid)))
            return response
        self.wait(self.timing.page, request)
        database = self.databases[session.database or ""]
        html = pages.client_page(self, database, session, request)
        return Response(body=html.encode(), headers=[("Set-Cookie", cookie_header(session.sid))])

    # Login --------------------------------------------------------------------------------

    def _login(self, request: Request, session: Session | None) -> Response:
        session = session or self.sessions.new()
        chosen = request.query.get("db") or (
            request.form().get("db") if request.method == "POST" else None
        )
        if chosen in self.databases:
            session.database = chosen
        elif len(self.databases) == 1:
            session.database = next(iter(self.databases))
        cookie = ("Set-Cookie", cookie_header(session.sid))
        if session.database is None:
            return Response(303, headers=[("Location", "/web/database/selector"), cookie])
        redirect_to = _safe_redirect(request.query.get("redirect") or "")
        if request.method != "POST":
            if session.uid is not None and redirect_to:
                return Response(303, headers=[("Location", redirect_to), cookie])
            self.wait(self.timing.page, request)
            html = pages.login_page(self, session, redirect_to or "", error=None)
            return Response(body=html.encode(), headers=[cookie])
        return self._login_post(request, session)

    def _login_post(self, request: Request, session: Session) -> Response:
        form = request.form()
        if not session.check_csrf(form.get("csrf_token")):
            return Response(
                400,
                b"Session expired (invalid CSRF token)",
                "text/plain; charset=utf-8",
                [("Set-Cookie", cookie_header(session.sid))],
            )
        self.wait(self.timing.login, request)
        redirect_to = _safe_redirect(form.get("redirect") or "") or "/odoo"
        if not self.check_password(form.get("login", ""), form.get("password", "")):
            log.info("Stand-in login failed for %r", form.get("login", ""))
            html = pages.login_page(self, session, redirect_to, error="Wrong login/password")
            return Response(
                body=html.encode(), headers=[("Set-Cookie", cookie_header(session.sid))]
            )
        self.authenticate(session)
        return Response(
            303, headers=[("Location", redirect_to), ("Set-Cookie", cookie_header(session.sid))]
        )

    def authenticate(self, session: Session) -> None:
        """Log ``session`` in as the one user and give it a new id, as Odoo does."""
        self.sessions.rotate(session)
        database = self.databases[session.database or ""]
        user_id = database.ref("base.user_admin")[1]  # type: ignore[index]
        session.uid = user_id
        session.login = self.login
        session.lang = str(database.browse("res.users", user_id)["lang"])  # type: ignore[index]


def redirect(location: str) -> Response:
    return Response(303, headers=[("Location", location)])


def json_response(payload: Any, status: int = 200) -> Response:
    return Response(status, json.dumps(payload).encode(), "application/json")


def _query(raw: str) -> str:
    return f"?{raw}" if raw else ""


def _without(raw: str, name: str) -> str:
    from urllib.parse import parse_qsl

    pairs = [(key, value) for key, value in parse_qsl(raw, keep_blank_values=True) if key != name]
    return urlencode(pairs)


def _safe_redirect(target: str) -> str:
    """Keep redirects on this server: a path starting with one slash."""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return quote(target, safe="/?=&%#:;,+-._~")
    return ""


def addon_static_path(bundle: Bundle, module: str, relative: str) -> Path | None:
    """Return the file under ``<addon>/static/`` that ``/<module>/static/<relative>`` names."""
    for addon in bundle.addons:
        if addon.module != module:
            continue
        root = (addon.path / "static").resolve()
        candidate = (root / relative).resolve()
        if candidate.is_file() and root in candidate.parents:
            return candidate
    return None
