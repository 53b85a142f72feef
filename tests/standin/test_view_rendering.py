"""Views rendered from the addons' own XML: strings, modifiers, languages, other addons."""

from __future__ import annotations

import secrets
from pathlib import Path

import lxml.html
import pytest
from standin_helpers import Client

from helpers import replace_in
from onboardkit.errors import ValidationFailed
from onboardkit.odoo.addon import Addon
from onboardkit.standin import StandinServer
from onboardkit.standin.serve import ServeOptions, resolve_options

PASSWORD = secrets.token_urlsafe(12)


def render(client: Client, path: str, query: str = "") -> dict:
    answer = client.rpc("/standin/render", {"path": path, "query": query})
    assert "result" in answer, answer
    return answer["result"]


def tree_of(html: str) -> lxml.html.HtmlElement:
    return lxml.html.fragment_fromstring(html or "<div></div>", create_parent="div")


def c(name: str) -> str:
    """Return an XPath test for the class ``name``."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def texts(html: str, xpath: str) -> list[str]:
    return [" ".join(node.text_content().split()) for node in tree_of(html).xpath(xpath)]


def test_list_header_follows_xml(caravan_copy: Path) -> None:
    views = caravan_copy / "views" / "caravan_shipment_views.xml"
    replace_in(views, '<field name="partner_id"/>', '<field name="partner_id" string="Consignee"/>')
    with StandinServer([caravan_copy], password=PASSWORD, timing="fast") as server:
        client = Client(server.url)
        client.login("admin", PASSWORD)
        html = render(client, "/odoo/caravan")["action"]
    headers = texts(html, ".//thead/tr/th[@data-name]")
    assert headers[:2] == ["Reference", "Consignee"]
    assert "Recipient" not in headers


def test_list_cells_and_decorations(client: Client, standin_credentials) -> None:  # noqa: ANN001
    client.login(*standin_credentials)
    html = render(client, "/odoo/caravan")["action"]
    tree = tree_of(html)
    rows = tree.xpath(f".//table[{c('o_list_table')}]/tbody/tr[{c('o_data_row')}]")
    assert len(rows) == 11
    assert all(row.get("data-id", "").startswith("datapoint_") for row in rows)
    cancelled = [row for row in rows if "CRV/2025/00037" in row.text_content()][0]
    assert "text-muted" in cancelled.get("class")
    widget = cancelled.xpath(".//td[@name='state']/div")[0]
    assert "o_field_badge" in widget.get("class")
    assert widget.xpath(f".//span[{c('badge')}]")[0].text_content() == "Cancelled"
    assert not tree.xpath(".//td[@name='parcel_count']"), "optional='hide' column shown"
    assert texts(html, f".//tfoot//td[{c('o_list_number')}]") == ["149.50"]


def test_form_modifiers_follow_state(client: Client, standin_credentials) -> None:  # noqa: ANN001
    client.login(*standin_credentials)
    draft = render(client, "/odoo/caravan/5")["action"]
    delivered = render(client, "/odoo/caravan/2")["action"]
    draft_buttons = texts(draft, f".//div[{c('o_statusbar_buttons')}]/button")
    delivered_buttons = texts(delivered, f".//div[{c('o_statusbar_buttons')}]/button")
    assert draft_buttons == ["Book with Caravan", "Cancel Shipment"]
    assert delivered_buttons == []
    assert texts(draft, f".//button[{c('o_arrow_button_current')}]") == ["Draft"]
    assert texts(delivered, f".//button[{c('o_arrow_button')}]") == [
        "Delivered",
        "In Transit",
        "Booked",
        "Draft",
    ]
    assert 'name="partner_id"' in draft
    assert texts(draft, ".//div[@name='partner_id']//input") == [""]
    assert texts(delivered, ".//div[@name='partner_id']//a") == ["Dar Al Qalam Bookshop"]


def test_settings_app_from_xml(client: Client, standin_credentials) -> None:  # noqa: ANN001
    client.login(*standin_credentials)
    result = render(client, "/odoo/action-caravan_connector.action_caravan_settings")
    html = result["action"]
    assert result["url"].startswith("/odoo/action-")
    assert texts(html, f".//div[{c('settings_tab')}]/a") == ["General Settings", "Caravan"]
    assert texts(html, f".//div[{c('settings_tab')}]/a[{c('selected')}]") == ["Caravan"]
    block = tree_of(html).xpath(
        f".//div[{c('app_settings_block')}][@data-key='caravan_connector']"
    )[0]
    assert "d-none" not in block.get("class")
    assert [h.text_content() for h in block.xpath(".//h2")] == [
        "Connection",
        "Webhooks",
        "Shipping",
    ]
    password = block.xpath(".//div[@name='caravan_api_key']//input")[0]
    assert password.get("type") == "password"


def test_arabic_labels_from_catalog(caravan_copy: Path) -> None:
    catalog = caravan_copy / "i18n" / "ar.po"
    catalog.parent.mkdir(exist_ok=True)
    catalog.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        "#: model:ir.ui.menu,name:caravan_connector.menu_shipments\n"
        'msgid "Shipments"\nmsgstr "قائمة الشحنات"\n\n'
        "#: model:ir.model.fields,field_description:caravan_connector."
        "field_caravan_shipment__tracking_ref\n"
        'msgid "Tracking Number"\nmsgstr "رقم التتبع للاختبار"\n\n'
        "#: model_terms:ir.ui.view,arch_db:caravan_connector.view_caravan_shipment_form\n"
        'msgid "Print Label"\nmsgstr "اطبع الملصق"\n',
        encoding="utf-8",
    )
    with StandinServer([caravan_copy], password=PASSWORD, timing="fast") as server:
        client = Client(server.url)
        client.login("admin", PASSWORD)
        client.call_kw("res.users", "write", [[2], {"lang": "ar_001"}])
        client.rpc("/web/session/get_session_info")
        form = render(client, "/odoo/caravan/1")
    assert "قائمة الشحنات" in texts(form["navbar"], f".//a[{c('o_nav_entry')}]")
    labels = [text.rstrip("?") for text in texts(form["action"], f".//label[{c('o_form_label')}]")]
    assert "رقم التتبع للاختبار" in labels
    assert "اطبع الملصق" in texts(form["action"], f".//div[{c('o_statusbar_buttons')}]/button")
    assert texts(form["action"], f".//button[{c('o_form_button_create')}]") == ["جديد"]


@pytest.mark.network
def test_oca_addon_views_render(oca_addon: Path) -> None:
    addon = Addon(oca_addon)
    with StandinServer([oca_addon], password=PASSWORD, timing="fast") as server:
        client = Client(server.url)
        client.login("admin", PASSWORD)
        listed = render(client, "/odoo/action-base_user_role.action_res_users_role_tree")
        created = render(client, listed["url"] + "/new")
    assert (
        listed["title"] == addon.records.actions["base_user_role.action_res_users_role_tree"].name
    )
    assert "o_list_view" in listed["action"]
    assert texts(created["action"], f".//a[{c('nav-link')}]") == [
        "Groups",
        "Users",
        "Internal Notes",
    ]
    assert texts(created["action"], ".//div[@name='name']//input") == [""]


def test_server_rejects_bad_arguments(tmp_path: Path) -> None:
    with pytest.raises(ValidationFailed) as caught:
        StandinServer([tmp_path / "missing"], password="", databases=["bad name"], timing="slow")
    assert str(caught.value) == (
        "4 problems found:\n"
        f"  {tmp_path / 'missing'}: addon folder not found. "
        "Pass the folder that holds __manifest__.py.\n"
        "  StandinServer: password: the password is empty. Set ONBOARDKIT_ODOO_PASSWORD.\n"
        "  StandinServer: databases: 'bad name' is not a valid database name. "
        "Use letters, digits, '_', '.' and '-'.\n"
        "  StandinServer: timing: unknown timing 'slow'. Use odoo18 or fast."
    )


def test_serve_refuses_implicit_public_host(tmp_path: Path) -> None:
    options = ServeOptions(project_dir=tmp_path, host="0.0.0.0")
    with pytest.raises(ValidationFailed) as caught:
        resolve_options(options)
    assert str(caught.value) == (
        "1 problem found:\n"
        "  demo-odoo: host: host '0.0.0.0' is not a loopback address. "
        "Pass --host explicitly to serve on another address."
    )
