"""Language switching to right-to-left, the half-mirrored ``?lang=`` page, and lazy images."""

from __future__ import annotations

from pathlib import Path

import pytest
from standin_helpers import logged_in_context, open_view

from helpers import REPOSITORY, replace_in
from onboardkit.odoo.addon import Addon
from onboardkit.standin import StandinServer

pytestmark = pytest.mark.browser

ROOT_MENU = "menu:caravan_connector.menu_caravan_root"


def rpc(page, standin, path: str, params: dict) -> dict:  # noqa: ANN001
    payload = {"jsonrpc": "2.0", "method": "call", "params": params}
    return page.request.post(standin.url + path, data=payload).json()


def write_language(page, standin, code: str) -> None:  # noqa: ANN001
    params = {"model": "res.users", "method": "write", "args": [[2], {"lang": code}], "kwargs": {}}
    assert rpc(page, standin, "/web/dataset/call_kw/res.users/write", params)["result"] is True


def layout(page) -> dict:  # noqa: ANN001
    return page.evaluate(
        """() => ({
            rtl: document.body.classList.contains('o_rtl'),
            direction: getComputedStyle(document.body).direction,
            brand: document.querySelector('.o_menu_brand').textContent,
            brandLeft: document.querySelector('.o_menu_brand').getBoundingClientRect().left,
        })"""
    )


def test_switch_to_arabic_mirrors(chromium, standin, standin_credentials) -> None:  # noqa: ANN001
    arabic = Addon(REPOSITORY / "addons" / "caravan_connector").label(ROOT_MENU, "ar_001")
    assert arabic.translated, "the example addon's ar.po has no Arabic name for its app menu"
    context = logged_in_context(chromium, standin, standin_credentials[1])
    page = context.new_page()
    try:
        open_view(page, standin.url + "/odoo/caravan")
        english = layout(page)
        write_language(page, standin, "ar_001")
        open_view(page, standin.url + "/odoo/caravan")
        stale = layout(page)
        rpc(page, standin, "/web/session/get_session_info", {})
        open_view(page, standin.url + "/odoo/caravan")
        mirrored = layout(page)
        title = page.title()
    finally:
        write_language(page, standin, "en_US")
        rpc(page, standin, "/web/session/get_session_info", {})
        context.close()
    assert english == {**english, "rtl": False, "direction": "ltr"}
    assert stale["rtl"] is False
    assert mirrored["rtl"] is True
    assert mirrored["direction"] == "rtl"
    assert mirrored["brand"] == arabic.text
    assert mirrored["brandLeft"] > english["brandLeft"] + 500
    assert title.endswith(" - Odoo (stand-in)")


def test_lang_query_half_mirrored(chromium, standin, standin_credentials) -> None:  # noqa: ANN001
    arabic = Addon(REPOSITORY / "addons" / "caravan_connector").label(ROOT_MENU, "ar_001")
    context = logged_in_context(chromium, standin, standin_credentials[1])
    try:
        page = context.new_page()
        open_view(page, standin.url + "/odoo/caravan?lang=ar_001")
        state = layout(page)
        new_button = page.locator(".o_list_button_add").inner_text()
        page.locator("tr.o_data_row").first.click()
        page.wait_for_selector(".o_action_manager > .o_form_view")
        url = page.url
    finally:
        context.close()
    assert state["brand"] == arabic.text
    assert new_button == "جديد"
    assert state["rtl"] is False
    assert state["direction"] == "ltr"
    assert url.endswith("?lang=ar_001")


def test_kanban_images_load_lazily(chromium, caravan_copy: Path) -> None:  # noqa: ANN001
    views = caravan_copy / "views" / "caravan_shipment_views.xml"
    replace_in(
        views,
        '<field name="partner_id" class="text-muted"/>',
        '<field name="partner_id" widget="many2one_avatar" class="text-muted"/>',
    )
    with StandinServer([caravan_copy], password="pw", timing="fast") as server:
        context = logged_in_context(chromium, server, "pw")
        try:
            page = context.new_page()
            page.goto(server.url + "/odoo/caravan?view_type=kanban")
            page.wait_for_selector("article.o_kanban_record img")
            loading = page.evaluate(
                "[...document.querySelectorAll('article.o_kanban_record img')]"
                ".filter(image => !image.complete).length"
            )
            page.wait_for_function(
                "[...document.querySelectorAll('article.o_kanban_record img')]"
                ".every(image => image.complete && image.naturalWidth > 0)"
            )
            lazy = page.locator("article.o_kanban_record img").first.get_attribute("loading")
        finally:
            context.close()
    assert loading > 0
    assert lazy == "lazy"
