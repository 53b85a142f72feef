"""Web client URLs for a shot's target, in Odoo 18 and Odoo 17 form."""

from __future__ import annotations

import pytest

from onboardkit.capture.schema import Target
from onboardkit.capture.urls import ResolvedTarget, target_url

RECORD = {"model": "caravan.shipment", "xmlid": "caravan_connector.shipment_1"}


@pytest.mark.parametrize(
    ("target", "resolved", "odoo_18", "odoo_17"),
    [
        (
            {"action": "caravan_connector.action_shipment", "view_type": "kanban"},
            ResolvedTarget(),
            "/odoo/action-caravan_connector.action_shipment?view_type=kanban",
            "/web#action=caravan_connector.action_shipment&view_type=kanban",
        ),
        (
            {"action": "caravan_connector.action_shipment", "record": RECORD},
            ResolvedTarget(record_id=7),
            "/odoo/action-caravan_connector.action_shipment/7",
            "/web#action=caravan_connector.action_shipment&model=caravan.shipment&id=7"
            "&view_type=form",
        ),
        (
            {"record": RECORD, "debug": True},
            ResolvedTarget(record_id=7),
            "/odoo/caravan.shipment/7?debug=1",
            "/web?debug=1#model=caravan.shipment&id=7&view_type=form",
        ),
        (
            {"menu": "caravan_connector.menu_shipments"},
            ResolvedTarget(menu_id=12, menu_action_id=340),
            "/odoo/action-340?menu_id=12",
            "/web#action=340&menu_id=12",
        ),
        (
            {"url": "/odoo/settings#caravan", "debug": True},
            ResolvedTarget(),
            "/odoo/settings?debug=1#caravan",
            "/odoo/settings?debug=1#caravan",
        ),
    ],
)
def test_target_url(target: dict, resolved: ResolvedTarget, odoo_18: str, odoo_17: str) -> None:
    parsed = Target.model_validate(target)
    assert target_url(parsed, resolved, 18) == odoo_18
    assert target_url(parsed, resolved, 17) == odoo_17
