"""The stand-in's HTTP and JSON-RPC surface, as Odoo 18 serves it."""

from __future__ import annotations

import re
from urllib.parse import urlencode

from standin_helpers import Client

from onboardkit.standin.rpc import SERVER_VERSION


def test_version_info_says_standin(client: Client) -> None:
    answer = client.rpc("/web/webclient/version_info")["result"]
    assert answer["server_version_info"] == [18, 0, 0, "final", 0, ""]
    assert answer["server_version"] == SERVER_VERSION == "18.0-standin"
    assert answer["server_serie"] == "18.0"
    assert answer["standin"] is True


def test_version_info_rejects_get(client: Client) -> None:
    status, _headers, _body = client.request("/web/webclient/version_info")
    assert status == 400


def test_health(client: Client) -> None:
    status, headers, body = client.request("/web/health")
    assert status == 200
    assert headers["Content-Type"] == "application/json"
    assert body == b'{"status": "pass"}'


def test_authenticate_sets_httponly_cookie(client: Client, standin_credentials) -> None:  # noqa: ANN001
    login, password = standin_credentials
    body = {
        "jsonrpc": "2.0",
        "method": "call",
        "params": {"db": "demo", "login": login, "password": password},
    }
    import json

    status, headers, data = client.request(
        "/web/session/authenticate", json.dumps(body).encode(), "application/json"
    )
    assert status == 200
    cookie = headers["Set-Cookie"]
    assert cookie.startswith("session_id=")
    assert "HttpOnly" in cookie
    assert "Path=/" in cookie
    assert "Max-Age=604800" in cookie
    result = json.loads(data)["result"]
    assert result["uid"] == 2
    assert result["user_context"]["lang"] == "en_US"
    assert result["db"] == "demo"


def test_authenticate_wrong_password(client: Client, standin_credentials) -> None:  # noqa: ANN001
    answer = client.rpc(
        "/web/session/authenticate",
        {"db": "demo", "login": standin_credentials[0], "password": "not-the-password"},
    )
    assert "result" not in answer
    assert answer["error"]["data"]["name"] == "odoo.exceptions.AccessDenied"
    assert "not-the-password" not in str(answer)


def test_session_info_needs_login(client: Client) -> None:
    answer = client.rpc("/web/session/get_session_info")
    assert answer["error"]["code"] == 100
    assert answer["error"]["data"]["name"] == "odoo.http.SessionExpiredException"


def test_logged_out_redirects_to_login(client: Client) -> None:
    status, headers, _ = client.request("/odoo/caravan?view_type=kanban")
    assert status == 303
    expected = "/web/login?" + urlencode({"redirect": "/odoo/caravan?view_type=kanban"})
    assert headers["Location"] == expected


def test_root_and_web_lead_to_client(client: Client, standin_credentials) -> None:  # noqa: ANN001
    status, headers, _ = client.request("/?debug=1")
    assert status == 303
    assert headers["Location"] == "/odoo?debug=1"
    client.login(*standin_credentials)
    status, _headers, body = client.request("/web")
    assert status == 200
    assert b'class="o_web_client"' in body


def test_login_page_form(client: Client) -> None:
    status, _headers, body = client.request("/web/login")
    page = body.decode()
    assert status == 200
    assert re.search(r'<form class="oe_login_form d-none"[^>]*action="/web/login"', page)
    assert re.search(r'<input type="hidden" name="csrf_token" value="[0-9a-f]{64}">', page)
    assert 'id="login"' in page
    assert 'id="password"' in page
    assert 'id="db"' not in page
    assert "<title>Log in | Odoo (stand-in)</title>" in page
    assert "not a real Odoo server" in page


def test_login_post_without_csrf_rejected(client: Client, standin_credentials) -> None:  # noqa: ANN001
    client.request("/web/login")
    form = urlencode({"login": standin_credentials[0], "password": standin_credentials[1]})
    status, _headers, body = client.request(
        "/web/login", form.encode(), "application/x-www-form-urlencoded"
    )
    assert status == 400
    assert body == b"Session expired (invalid CSRF token)"


def test_login_post_rotates_session(client: Client, standin_credentials) -> None:  # noqa: ANN001
    _status, _headers, body = client.request("/web/login?redirect=/odoo/caravan")
    token = re.search(r'name="csrf_token" value="([0-9a-f]+)"', body.decode()).group(1)
    before = {cookie.name: cookie.value for cookie in client.jar}["session_id"]
    form = urlencode(
        {
            "csrf_token": token,
            "login": standin_credentials[0],
            "password": standin_credentials[1],
            "redirect": "/odoo/caravan",
        }
    )
    status, headers, _ = client.request(
        "/web/login", form.encode(), "application/x-www-form-urlencoded"
    )
    after = {cookie.name: cookie.value for cookie in client.jar}["session_id"]
    assert status == 303
    assert headers["Location"] == "/odoo/caravan"
    assert after != before


def test_call_kw_lookups_of_capture(client: Client, standin_credentials) -> None:  # noqa: ANN001
    client.login(*standin_credentials)
    rows = client.call_kw(
        "ir.model.data",
        "search_read",
        [[["module", "=", "caravan_connector"], ["name", "=", "shipment_3"]]],
        {"fields": ["res_id", "model"], "limit": 1},
    )["result"]
    assert rows[0]["model"] == "caravan.shipment"
    shipment = client.call_kw(
        "caravan.shipment", "read", [[rows[0]["res_id"]]], {"fields": ["name"]}
    )
    assert shipment["result"][0]["name"] == "CRV/2025/00033"
    menu = client.call_kw(
        "ir.model.data",
        "search_read",
        [[["module", "=", "caravan_connector"], ["name", "=", "menu_shipments"]]],
        {"fields": ["res_id", "model"]},
    )["result"][0]
    action = client.call_kw("ir.ui.menu", "read", [[menu["res_id"]]], {"fields": ["action"]})
    assert re.fullmatch(r"ir\.actions\.act_window,\d+", action["result"][0]["action"])


def test_call_kw_search_domain_and_order(client: Client, standin_credentials) -> None:  # noqa: ANN001
    client.login(*standin_credentials)
    found = client.call_kw(
        "caravan.shipment",
        "search_read",
        [["|", ["state", "=", "draft"], ["partner_id.name", "ilike", "petra"]]],
        {"fields": ["name", "partner_id"], "order": "name"},
    )["result"]
    assert [row["name"] for row in found] == ["CRV/2025/00035", "CRV/2025/00040", "CRV/2025/00041"]
    assert found[2]["partner_id"][1] == "Petra Stoneworks"


def test_call_kw_inactive_language(client: Client, standin_credentials) -> None:  # noqa: ANN001
    client.login(*standin_credentials)
    domain = [[["code", "=", "fr_FR"]]]
    hidden = client.call_kw("res.lang", "search_read", domain, {"fields": ["active"]})
    shown = client.call_kw(
        "res.lang",
        "search_read",
        domain,
        {"fields": ["code", "active"], "context": {"active_test": False}},
    )
    assert hidden["result"] == []
    assert shown["result"][0]["active"] is False
    refused = client.call_kw("res.users", "write", [[2], {"lang": "fr_FR"}])
    assert refused["error"]["data"]["name"] == "odoo.exceptions.ValidationError"


def test_call_kw_unknown_model_and_method(client: Client, standin_credentials) -> None:  # noqa: ANN001
    client.login(*standin_credentials)
    model = client.call_kw("no.such.model", "search", [[]])
    method = client.call_kw("caravan.shipment", "no_such_method", [])
    assert model["error"]["data"]["message"] == "Model 'no.such.model' does not exist."
    assert method["error"]["data"]["message"] == (
        "The method 'no_such_method' does not exist on the model 'caravan.shipment'."
    )


def test_language_needs_session_info(standin, standin_credentials) -> None:  # noqa: ANN001
    first = Client(standin.url)
    first.login(*standin_credentials)
    try:
        first.call_kw("res.users", "write", [[2], {"lang": "ar_001"}])
        _status, _headers, stale = first.request("/odoo/caravan")
        info = first.rpc("/web/session/get_session_info")["result"]
        _status, _headers, fresh = first.request("/odoo/caravan")
    finally:
        first.call_kw("res.users", "write", [[2], {"lang": "en_US"}])
        first.rpc("/web/session/get_session_info")
    assert b'class="o_web_client"' in stale
    assert info["user_context"]["lang"] == "ar_001"
    assert b'class="o_web_client o_rtl"' in fresh
    assert b"standin.rtl.css" in fresh
