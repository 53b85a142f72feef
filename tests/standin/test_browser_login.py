"""Logging in through the stand-in's pages in Chromium: hidden form, errors, databases."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from onboardkit.standin import StandinServer

pytestmark = pytest.mark.browser

FORM = "form.oe_login_form"


def test_login_form_revealed_by_script(chromium, standin) -> None:  # noqa: ANN001
    without_script = chromium.new_context(java_script_enabled=False)
    with_script = chromium.new_context()
    try:
        static = without_script.new_page()
        response = static.goto(standin.url + "/web/login")
        assert 'class="oe_login_form d-none"' in response.text()
        assert static.locator(FORM).is_hidden()
        page = with_script.new_page()
        page.goto(standin.url + "/web/login")
        page.wait_for_selector(f"{FORM}:not(.d-none)")
        assert page.locator(FORM).is_visible()
    finally:
        without_script.close()
        with_script.close()


def test_form_login_redirects(chromium, standin, standin_credentials) -> None:  # noqa: ANN001
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.goto(standin.url + "/odoo/caravan-webhooks")
        assert urlparse(page.url).path == "/web/login"
        page.wait_for_selector(f"{FORM}:not(.d-none)")
        page.fill("#login", standin_credentials[0])
        page.fill("#password", standin_credentials[1])
        with page.expect_navigation():
            page.click(f"{FORM} button[type=submit]")
        page.wait_for_selector(".o_action_manager > .o_list_view")
        assert urlparse(page.url).path == "/odoo/caravan-webhooks"
        assert page.title() == "Webhook Events - Odoo (stand-in)"
        cookie = [c for c in context.cookies() if c["name"] == "session_id"][0]
        assert cookie["httpOnly"] is True
    finally:
        context.close()


def test_wrong_password_stays_on_login(chromium, standin, standin_credentials) -> None:  # noqa: ANN001
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.goto(standin.url + "/web/login")
        page.wait_for_selector(f"{FORM}:not(.d-none)")
        page.fill("#login", standin_credentials[0])
        page.fill("#password", "wrong-password")
        with page.expect_navigation():
            page.click(f"{FORM} button[type=submit]")
        page.wait_for_selector(f"{FORM}:not(.d-none)")
        alert = page.locator(f"{FORM} p.alert.alert-danger[role=alert]")
        assert urlparse(page.url).path == "/web/login"
        assert alert.inner_text() == "Wrong login/password"
        assert page.locator("#password").input_value() == ""
    finally:
        context.close()


def test_rpc_login_shares_cookie(chromium, standin, standin_credentials) -> None:  # noqa: ANN001
    context = chromium.new_context()
    try:
        answer = context.request.post(
            standin.url + "/web/session/authenticate",
            data={"jsonrpc": "2.0", "method": "call",
                  "params": {"db": "demo", "login": standin_credentials[0],
                             "password": standin_credentials[1]}},
        )  # fmt: skip
        assert answer.json()["result"]["uid"] == 2
        page = context.new_page()
        page.goto(standin.url + "/odoo/caravan")
        page.wait_for_selector(".o_action_manager > .o_list_view")
        assert urlparse(page.url).path == "/odoo/caravan"
    finally:
        context.close()


def test_database_selector(chromium) -> None:  # noqa: ANN001
    from helpers import REPOSITORY

    addon = REPOSITORY / "addons" / "caravan_connector"
    with StandinServer(
        [addon], password="pw", databases=["demo", "sales"], timing="fast"
    ) as server:
        context = chromium.new_context()
        try:
            page = context.new_page()
            page.goto(server.url + "/web/login")
            assert urlparse(page.url).path == "/web/database/selector"
            links = page.locator("a[href^='/odoo?db=']")
            assert links.evaluate_all("links => links.map(l => l.getAttribute('href'))") == [
                "/odoo?db=demo",
                "/odoo?db=sales",
            ]
            page.click('a[href="/odoo?db=sales"]')
            page.wait_for_selector(f"{FORM}:not(.d-none)")
            assert page.locator("#db").input_value() == "sales"
            page.fill("#login", "admin")
            page.fill("#password", "pw")
            with page.expect_navigation():
                page.click(f"{FORM} button[type=submit]")
            page.wait_for_selector(".o_action_manager > .o_action")
            info = page.request.post(
                server.url + "/web/session/get_session_info",
                data={"jsonrpc": "2.0", "method": "call", "params": {}},
            ).json()["result"]
            assert info["db"] == "sales"
            page.goto(server.url + "/web/login?db=demo")
            assert page.locator("#db").input_value() == "demo"
        finally:
            context.close()
