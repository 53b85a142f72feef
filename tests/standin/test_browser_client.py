"""The web client's behaviours that capture code must cope with, in Chromium."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from urllib.parse import urlparse

import pytest
from standin_helpers import logged_in_context, open_view

pytestmark = pytest.mark.browser

# Records, at the moment each appears, its opacity: a fade-in starts below 1.
RECORDER = """
window.__appeared = [];
const watched = [".o_blockUI", ".o_loading_indicator", ".o_notification", ".o_dialog .modal"];
new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    for (const node of mutation.addedNodes) {
      if (node.nodeType !== 1) continue;
      for (const selector of watched) {
        const found = node.matches(selector) ? [node] : [...node.querySelectorAll(selector)];
        for (const element of found) {
          window.__appeared.push({selector, opacity: getComputedStyle(element).opacity});
        }
      }
    }
  }
}).observe(document, {childList: true, subtree: true});
"""


@pytest.fixture
def page(chromium, standin, standin_credentials):  # noqa: ANN001, ANN201
    context = logged_in_context(chromium, standin, standin_credentials[1])
    context.add_init_script(RECORDER)
    yield context.new_page()
    context.close()


def appeared(page, selector: str) -> list[dict]:  # noqa: ANN001
    return [item for item in page.evaluate("window.__appeared") if item["selector"] == selector]


def test_network_never_idle(page, standin) -> None:  # noqa: ANN001
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    with pytest.raises(PlaywrightTimeout):
        page.goto(standin.url + "/odoo/caravan", wait_until="networkidle", timeout=3000)
    assert page.locator(".o_action_manager > .o_list_view").count() == 1


def test_loading_indicator_only_when_slow(page, standin) -> None:  # noqa: ANN001
    open_view(page, standin.url + "/odoo/caravan")
    assert appeared(page, ".o_loading_indicator") == []
    page.goto(standin.url + "/odoo/caravan?delay=600")
    page.wait_for_selector(".o_action_manager > .o_list_view")
    # The indicator outlives the last response by 400 ms, so the view is there with it.
    assert page.locator(".o_loading_indicator").count() == 1
    page.wait_for_selector(".o_loading_indicator", state="detached")
    assert len(appeared(page, ".o_loading_indicator")) >= 1


def test_block_ui_during_button(page, standin) -> None:  # noqa: ANN001
    open_view(page, standin.url + "/odoo/caravan/5")
    page.click(".o_statusbar_buttons button[name=action_book]")
    page.wait_for_selector(".o_blockUI", state="detached")
    page.wait_for_selector(".o_action_manager > .o_form_view")
    assert len(appeared(page, ".o_blockUI")) == 1


def test_content_scrolls_not_document(chromium, standin, standin_credentials) -> None:  # noqa: ANN001
    context = logged_in_context(chromium, standin, standin_credentials[1])
    try:
        page = context.new_page()
        page.set_viewport_size({"width": 1280, "height": 400})
        open_view(page, standin.url + "/odoo/caravan")
        sizes = page.evaluate(
            """() => {
                const content = document.querySelector('.o_content');
                window.scrollTo(0, 500);
                return {document: document.scrollingElement.scrollHeight,
                        window: window.innerHeight, scrollY: window.scrollY,
                        content: content.scrollHeight, visible: content.clientHeight};
            }"""
        )
    finally:
        context.close()
    assert sizes["document"] <= sizes["window"]
    assert sizes["scrollY"] == 0
    assert sizes["content"] > sizes["visible"]


def test_row_hover_highlight(page, standin) -> None:  # noqa: ANN001
    open_view(page, standin.url + "/odoo/caravan")
    cell = page.locator("tr.o_data_row").first.locator("td.o_data_cell").first
    page.mouse.move(0, 0)
    before = cell.evaluate("cell => getComputedStyle(cell).backgroundColor")
    cell.hover()
    after = cell.evaluate("cell => getComputedStyle(cell).backgroundColor")
    assert before != after


def test_relative_dates_change(page, standin) -> None:  # noqa: ANN001
    page.clock.install(time=datetime(2025, 3, 3, 8, 25, tzinfo=UTC))
    open_view(page, standin.url + "/odoo/caravan/3")
    message = page.locator(".o-mail-Message", has_text="Called the customer")
    date = message.locator(".o-mail-Message-date")
    assert date.inner_text() == "5 minutes ago"
    page.clock.fast_forward("10:00")
    assert date.inner_text() == "15 minutes ago"


@pytest.mark.parametrize(
    ("zone", "shown"),
    [("UTC", "03/02/2025 09:14:00"), ("Asia/Dubai", "03/02/2025 13:14:00")],
)
def test_dates_in_browser_time_zone(chromium, standin, standin_credentials, zone, shown) -> None:  # noqa: ANN001
    context = logged_in_context(
        chromium, standin, standin_credentials[1], timezone_id=zone, locale="en-US"
    )
    try:
        page = context.new_page()
        open_view(page, standin.url + "/odoo/caravan")
        row = page.locator("tr.o_data_row", has_text="CRV/2025/00031")
        assert row.locator("td[name=booked_on]").inner_text() == shown
    finally:
        context.close()


def test_toast_fades_in(page, standin) -> None:  # noqa: ANN001
    open_view(page, standin.url + "/odoo/settings")
    page.click(".o_form_button_save")
    toast = page.wait_for_selector(".o_notification_manager > div.o_notification[role=alert]")
    page.wait_for_function("e => getComputedStyle(e).opacity === '1'", arg=toast)
    assert float(appeared(page, ".o_notification")[0]["opacity"]) < 1
    assert toast.query_selector(".o_notification_title").inner_text() == "Saved"


def test_confirm_dialog_fades_in(page, standin) -> None:  # noqa: ANN001
    open_view(page, standin.url + "/odoo/caravan/5")
    page.click(".o_statusbar_buttons button[name=action_cancel]")
    modal = page.wait_for_selector("div.o_dialog > .modal.d-block.o_technical_modal")
    page.wait_for_function("e => getComputedStyle(e).opacity === '1'", arg=modal)
    assert float(appeared(page, ".o_dialog .modal")[0]["opacity"]) < 1
    assert page.locator("body.modal-open").count() == 1
    assert modal.query_selector(".modal-body").inner_text().startswith("Cancel this shipment?")
    page.click(".o_dialog .modal-footer .btn-secondary")
    page.wait_for_selector(".o_dialog", state="detached")
    assert page.locator(".o_statusbar_buttons button[name=action_cancel]").count() == 1


def test_debug_kept_in_urls(page, standin) -> None:  # noqa: ANN001
    open_view(page, standin.url + "/odoo/caravan?debug=1")
    assert page.locator("body.o_web_client.o_debug").count() == 1
    page.locator("tr.o_data_row").first.click()
    page.wait_for_selector(".o_action_manager > .o_form_view")
    assert re.fullmatch(r"/odoo/caravan/\d+\?debug=1", page.url.split(standin.url, 1)[1])


def test_old_web_urls_rewritten(page, standin) -> None:  # noqa: ANN001
    found = page.request.post(
        standin.url + "/web/dataset/call_kw/ir.model.data/search_read",
        data={"jsonrpc": "2.0", "method": "call", "params": {
            "model": "ir.model.data", "method": "search_read",
            "args": [[["module", "=", "caravan_connector"], ["name", "=", "action_shipment"]]],
            "kwargs": {"fields": ["res_id"]}}},
    ).json()["result"][0]["res_id"]  # fmt: skip
    page.goto(f"{standin.url}/web#action={found}&view_type=kanban")
    page.wait_for_selector(".o_action_manager > .o_kanban_view")
    assert page.url == standin.url + "/odoo/caravan?view_type=kanban"
    page.goto(f"{standin.url}/web#model=caravan.shipment&id=3&view_type=form")
    page.wait_for_selector(".o_action_manager > .o_form_view")
    assert page.url == standin.url + "/odoo/caravan.shipment/3"


def test_action_xmlid_url_made_canonical(page, standin) -> None:  # noqa: ANN001
    open_view(page, standin.url + "/odoo/action-caravan_connector.action_shipment")
    assert urlparse(page.url).path == "/odoo/caravan"
    assert page.title() == "Shipments - Odoo (stand-in)"


def test_dialog_action_by_url(page, standin) -> None:  # noqa: ANN001
    page.goto(standin.url + "/odoo/action-caravan_connector.action_caravan_book_wizard")
    title = page.wait_for_selector(".o_dialog .modal-content .modal-title")
    assert title.inner_text() == "Book with Caravan"
    assert page.locator(".o_action_manager > *").count() == 0
    rows = page.locator(".o_dialog .o_field_x2many tr.o_data_row")
    assert rows.count() == 2


def test_selection_opens_bound_action(page, standin) -> None:  # noqa: ANN001
    open_view(page, standin.url + "/odoo/caravan")
    bar = page.locator(".o_control_panel_actions .o_list_selection_actions")
    assert not bar.is_visible()
    for reference in ("CRV/2025/00040", "CRV/2025/00041"):
        page.click(f"tr.o_data_row:has-text('{reference}') .o_list_record_selector input")
    assert bar.is_visible()
    assert bar.locator(".o_list_selection_box").inner_text() == "2 selected"
    assert not page.locator(".o_cp_searchview").is_visible()
    assert page.locator("tr.o_data_row_selected").count() == 2

    page.click(".o_control_panel_actions .o_cp_action_menus .dropdown-toggle")
    items = page.locator(".o_list_selection_actions .o-dropdown--menu .o_menu_item")
    assert items.all_inner_texts() == ["Export", "Duplicate", "Delete", "Book with Caravan"]
    items.last.click()
    # The wizard acts on the selection: of the two rows, only 00040 is a draft.
    rows = page.locator(".o_dialog .o_field_x2many tr.o_data_row")
    rows.first.wait_for()
    assert rows.all_inner_texts()[0].startswith("CRV/2025/00040")
    assert rows.count() == 1


def test_header_box_selects_all(page, standin) -> None:  # noqa: ANN001
    open_view(page, standin.url + "/odoo/caravan")
    page.click("thead .o_list_record_selector input")
    total = page.locator("tr.o_data_row").count()
    assert page.locator(".o_list_selection_box").inner_text() == f"{total} selected"
    page.click("thead .o_list_record_selector input")
    assert not page.locator(".o_list_selection_actions").is_visible()
    assert page.locator(".o_cp_searchview").is_visible()
