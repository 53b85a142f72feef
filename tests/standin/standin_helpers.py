"""Helpers of the stand-in tests: a JSON-RPC client and logged-in browser pages."""

from __future__ import annotations

import http.cookiejar
import json
import urllib.error
import urllib.request
from typing import Any


class Client:
    """HTTP client with a cookie jar and no automatic redirects, for JSON-RPC and pages."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect()
        )

    def rpc(self, path: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        """POST a JSON-RPC call and return the whole decoded body (result or error)."""
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "id": 1, "params": params or {}})
        status, _headers, data = self.request(path, body.encode(), "application/json")
        assert status == 200, f"{path} answered HTTP {status}"
        return json.loads(data)

    def call_kw(self, model: str, method: str, args: list, kwargs: dict | None = None) -> Any:
        params = {"model": model, "method": method, "args": args, "kwargs": kwargs or {}}
        return self.rpc(f"/web/dataset/call_kw/{model}/{method}", params)

    def request(
        self, path: str, data: bytes | None = None, content_type: str | None = None
    ) -> tuple[int, Any, bytes]:
        request = urllib.request.Request(self.base_url + path, data=data)
        if content_type:
            request.add_header("Content-Type", content_type)
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def login(self, login: str, password: str, database: str = "demo") -> dict[str, Any]:
        answer = self.rpc(
            "/web/session/authenticate", {"db": database, "login": login, "password": password}
        )
        assert "result" in answer, answer
        return answer["result"]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def logged_in_context(browser: Any, server: Any, password: str, **options: Any) -> Any:
    """Return a new browser context whose session is logged in by JSON-RPC."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, **options)
    answer = context.request.post(
        server.url + "/web/session/authenticate",
        data={
            "jsonrpc": "2.0",
            "method": "call",
            "params": {"db": "demo", "login": "admin", "password": password},
        },
    )
    assert answer.ok and "result" in answer.json(), answer.text()
    return context


def open_view(page: Any, url: str) -> None:
    """Open a web client URL and wait until the action is rendered."""
    page.goto(url)
    page.wait_for_selector(".o_action_manager > .o_action")
