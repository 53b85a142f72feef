import logging

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

_logger = logging.getLogger(__name__)


class StockPicking(models.Model):
    """Delivery orders, extended with their Caravan shipments.

    Validating an outgoing delivery can create and book a Caravan shipment on its own when
    *Book on Validation* is set in Settings > Caravan.
    """

    _inherit = "stock.picking"

    caravan_shipment_ids = fields.One2many(
        "caravan.shipment", "picking_id", string="Caravan Shipments"
    )
    caravan_shipment_count = fields.Integer(compute="_compute_caravan_shipment_count")

    @api.depends("caravan_shipment_ids")
    def _compute_caravan_shipment_count(self):
        for picking in self:
            picking.caravan_shipment_count = len(picking.caravan_shipment_ids)

    def _caravan_shipment_values(self):
        self.ensure_one()
        partner = self.partner_id
        if not partner:
            raise UserError(
                self.env._(
                    "%(picking)s has no delivery address, so no Caravan shipment can be "
                    "created for it.",
                    picking=self.name,
                )
            )
        weight = sum(move.product_id.weight * move.quantity for move in self.move_ids)
        service_level = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("caravan_connector.default_service_level", "standard")
        )
        return {
            "picking_id": self.id,
            "partner_id": partner.id,
            "origin": self.origin or self.name,
            "company_id": self.company_id.id,
            "weight": weight,
            "service_level": service_level,
        }

    def action_caravan_create_shipment(self) -> dict:
        """Create a draft Caravan shipment for this delivery and open it.

        Returns:
            dict: A window action showing the new shipment.
        """
        self.ensure_one()
        shipment = self.env["caravan.shipment"].create(self._caravan_shipment_values())
        return {
            "type": "ir.actions.act_window",
            "res_model": "caravan.shipment",
            "res_id": shipment.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_view_caravan_shipments(self) -> dict:
        """Open the Caravan shipments of this delivery.

        Returns:
            dict: A window action on ``caravan.shipment``.
        """
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("caravan_connector.action_shipment")
        action["domain"] = [("picking_id", "=", self.id)]
        action["context"] = {
            "default_picking_id": self.id,
            "default_partner_id": self.partner_id.id,
        }
        return action

    def _action_done(self):
        result = super()._action_done()
        auto_book = self.env["ir.config_parameter"].sudo().get_param("caravan_connector.auto_book")
        if auto_book:
            self._caravan_auto_book()
        return result

    def _caravan_auto_book(self):
        """Create and book a shipment for each validated outgoing delivery without one.

        A booking failure never undoes the validation: it is posted on the delivery's
        chatter and the shipment stays a draft for the user to fix and book.
        """
        deliveries = self.filtered(
            lambda picking: (
                picking.picking_type_code == "outgoing"
                and picking.state == "done"
                and not picking.caravan_shipment_ids
            )
        )
        for picking in deliveries:
            try:
                shipment = self.env["caravan.shipment"].create(picking._caravan_shipment_values())
                with self.env.cr.savepoint():
                    shipment.action_book()
            except (UserError, ValidationError) as error:
                _logger.warning("Caravan auto-booking failed for %s: %s", picking.name, error)
                picking.message_post(
                    body=self.env._(
                        "Caravan could not book this delivery: %(error)s",
                        error=str(error),
                    )
                )
