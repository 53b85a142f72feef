"""onboardkit.odoo.viewcheck on the example addon and on broken copies of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import replace_in
from onboardkit.errors import ValidationFailed
from onboardkit.odoo.viewcheck import check_addon, validate_addon

ADDON = Path(__file__).resolve().parents[2] / "addons" / "caravan_connector"
SHIPMENT_VIEWS = "views/caravan_shipment_views.xml"


@pytest.fixture
def addon(tmp_path: Path) -> Path:
    target = tmp_path / "caravan_connector"
    shutil.copytree(ADDON, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def messages(addon: Path) -> list[str]:
    """Return each problem as 'severity relative/path:line: message fix'."""
    found = []
    for problem in check_addon(addon):
        text = str(problem).replace(str(addon) + "/", "")
        found.append(f"{problem.severity} {text}")
    return found


def test_example_addon_has_no_problems():
    assert check_addon(ADDON) == []


def test_renamed_field_in_list(addon):
    replace_in(
        addon / SHIPMENT_VIEWS,
        '<field name="tracking_ref" optional="show"/>',
        '<field name="tracking_number" optional="show"/>',
    )
    assert messages(addon) == [
        f"error {SHIPMENT_VIEWS}:15: view 'caravan_connector.view_caravan_shipment_list': "
        "field 'tracking_number' not found on model 'caravan.shipment'; did you mean "
        "'tracking_url' or 'tracking_ref'? Use a field the model declares, or add the field "
        "to the model."
    ]


def test_renamed_field_in_model(addon):
    replace_in(
        addon / "models/caravan_shipment.py", "    parcel_count = fields", "    parcels = fields"
    )
    found = messages(addon)
    assert len(found) == 15
    assert all("'parcel_count'" in message for message in found)
    files = sorted({message.split()[1].split(":")[0] for message in found})
    assert files == [
        "demo/caravan_demo.xml",
        "views/caravan_shipment_views.xml",
        "wizard/caravan_book_wizard_views.xml",
    ]
    assert sum("demo/caravan_demo.xml" in message for message in found) == 11


def test_unknown_object_button(addon):
    replace_in(addon / SHIPMENT_VIEWS, 'name="action_book" type', 'name="action_bok" type')
    assert messages(addon) == [
        f"error {SHIPMENT_VIEWS}:32: view 'caravan_connector.view_caravan_shipment_form': "
        "button 'action_bok' (type object) is not a method of model 'caravan.shipment'; did "
        "you mean 'action_book' or 'action_cancel'? Name a method of the model, or add it."
    ]


def test_modifier_names_unknown_field(addon):
    replace_in(addon / SHIPMENT_VIEWS, 'invisible="event_count == 0"', 'invisible="events == 0"')
    assert messages(addon) == [
        f"error {SHIPMENT_VIEWS}:41: view 'caravan_connector.view_caravan_shipment_form': "
        "field 'events' in invisible=\"events == 0\" not found on model 'caravan.shipment'; "
        "did you mean 'event_ids'? Use a field the model declares, or add the field to the "
        "model."
    ]


def test_statusbar_value_not_in_selection(addon):
    replace_in(addon / SHIPMENT_VIEWS, "draft,booked,in_transit,delivered", "draft,shipped")
    assert messages(addon) == [
        f"error {SHIPMENT_VIEWS}:37: view 'caravan_connector.view_caravan_shipment_form': "
        "statusbar_visible names 'shipped', which is not a value of field "
        "'caravan.shipment/state'. List values of the field's selection."
    ]


def test_kanban_record_reference(addon):
    replace_in(addon / SHIPMENT_VIEWS, "record.tracking_ref.raw_value", "record.tracking.raw_value")
    found = messages(addon)
    assert len(found) == 1
    assert "field 'tracking' in t-if=\"record.tracking.raw_value\" not found" in found[0]


def test_search_domain_and_group_by(addon):
    replace_in(addon / SHIPMENT_VIEWS, "[('state', '=', 'draft')]", "[('status', '=', 'draft')]")
    replace_in(addon / SHIPMENT_VIEWS, "{'group_by': 'service_level'}", "{'group_by': 'service'}")
    found = messages(addon)
    assert len(found) == 2
    assert "field 'status' in domain=\"[('status', '=', 'draft')]\" not found" in found[0]
    assert "field 'service' not found on model 'caravan.shipment'" in found[1]


def test_field_of_inline_list_uses_comodel(addon):
    replace_in(addon / SHIPMENT_VIEWS, '<field name="event_type"/>', '<field name="kind"/>')
    found = messages(addon)
    assert len(found) == 1
    assert "field 'kind' not found on model 'caravan.webhook.event'" in found[0]


def test_reference_used_before_definition(addon):
    manifest = addon / "__manifest__.py"
    replace_in(manifest, '        "wizard/caravan_book_wizard_views.xml",\n', "")
    replace_in(
        manifest,
        '        "views/caravan_menus.xml",\n',
        '        "views/caravan_menus.xml",\n        "wizard/caravan_book_wizard_views.xml",\n',
    )
    assert messages(addon) == [
        f"error {SHIPMENT_VIEWS}:9: 'caravan_connector.action_caravan_book_wizard' is used "
        "before it is defined; Odoo loads data files in manifest order and each file from top "
        "to bottom. Move the definition earlier, or its file earlier in the manifest's 'data'."
    ]


def test_undefined_menu_action(addon):
    replace_in(addon / "views/caravan_menus.xml", 'action="action_shipment"', 'action="action_x"')
    assert messages(addon) == [
        "error views/caravan_menus.xml:5: 'caravan_connector.action_x' is referenced but not "
        "defined in the addon. Define the record, or correct the reference."
    ]


def test_missing_data_file(addon):
    replace_in(addon / "__manifest__.py", "views/caravan_menus.xml", "views/menus.xml")
    found = messages(addon)
    assert found[0] == (
        "error __manifest__.py:24: data: 'views/menus.xml' is listed in 'data' but the file "
        "does not exist. Add the file, or remove it from the list."
    )


def test_invalid_xml(addon):
    replace_in(addon / "views/caravan_menus.xml", "</odoo>", "</oddo>")
    found = messages(addon)
    assert len(found) == 1
    assert found[0].startswith("error views/caravan_menus.xml:10: invalid XML: ")
    assert found[0].endswith("Fix the XML syntax.")


def test_tree_in_odoo_18(addon):
    path = addon / "views/caravan_webhook_event_views.xml"
    replace_in(
        path, '<list string="Webhook Events" create="0"', '<tree string="Webhook Events" create="0"'
    )
    replace_in(path, "</list>", "</tree>")
    replace_in(
        path,
        '<field name="view_mode">list,form</field>',
        '<field name="view_mode">tree,form</field>',
    )
    assert messages(addon) == [
        "error views/caravan_webhook_event_views.xml:7: Odoo 18 has no <tree> view; the list "
        "view element is <list>. Rename <tree> to <list> (and 'tree' to 'list' in actions' "
        "view_mode).",
        "error views/caravan_webhook_event_views.xml:82: action "
        "'caravan_connector.action_webhook_event' lists view mode 'tree', which Odoo 18 names "
        "'list'. Replace 'tree' with 'list' in view_mode.",
    ]


def test_reserved_action_path(addon):
    replace_in(
        addon / SHIPMENT_VIEWS,
        '<field name="path">caravan</field>',
        '<field name="path">action-caravan</field>',
    )
    found = messages(addon)
    assert len(found) == 1
    assert (
        "action 'caravan_connector.action_shipment' has path 'action-caravan', which Odoo rejects."
        in found[0]
    )


def test_chatter_without_mail_thread(addon):
    replace_in(addon / "models/caravan_shipment.py", '    _inherit = ["mail.thread"]\n', "")
    found = messages(addon)
    assert len(found) == 1
    assert "uses <chatter/>, but model 'caravan.shipment' does not inherit mail.thread." in found[0]


def test_model_without_access_rule(addon):
    path = addon / "security/ir.model.access.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if "book_wizard" not in line), encoding="utf-8")
    assert messages(addon) == [
        "error security/ir.model.access.csv: model 'caravan.book.wizard' has no access rule, "
        "so no user can open it. Add a line for 'model_caravan_book_wizard' to "
        "security/ir.model.access.csv."
    ]


def test_missing_menu_icon(addon):
    (addon / "static/description/icon.png").unlink()
    found = messages(addon)
    assert len(found) == 1
    assert "menu icon 'caravan_connector,static/description/icon.png' not found." in found[0]


def test_standard_model_field_is_warning(addon):
    replace_in(addon / "views/stock_picking_views.xml", "picking_type_code !=", "picking_kind !=")
    found = messages(addon)
    assert len(found) == 1
    assert found[0].startswith("warning views/stock_picking_views.xml:9: ")
    assert "is not in onboardkit's field table for model 'stock.picking'" in found[0]


def test_undeclared_dependency_is_warning(addon):
    replace_in(addon / "security/caravan_security.xml", "stock.group_stock_user", "sale.group_sale")
    found = messages(addon)
    assert found == [
        "warning security/caravan_security.xml:12: 'sale.group_sale' belongs to module 'sale', "
        "which is not in 'depends'. Add 'sale' to the manifest's 'depends', unless a dependency "
        "already depends on it."
    ]


def test_validate_addon_raises_on_errors(addon):
    replace_in(addon / SHIPMENT_VIEWS, 'name="action_book" type', 'name="action_bok" type')
    with pytest.raises(ValidationFailed) as raised:
        validate_addon(addon)
    assert len(raised.value.problems) == 1


def test_validate_addon_strict_fails_on_warnings(addon):
    replace_in(addon / "views/stock_picking_views.xml", "picking_type_code !=", "picking_kind !=")
    assert len(validate_addon(addon)) == 1
    with pytest.raises(ValidationFailed):
        validate_addon(addon, strict=True)
