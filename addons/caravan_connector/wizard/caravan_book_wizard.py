from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..models.caravan_shipment import SERVICE_LEVELS


class CaravanBookWizard(models.TransientModel):
    """Dialog that books several draft shipments with Caravan in one go.

    It opens from the shipment list (*Book with Caravan*) with the selected shipments.
    Shipments that are not drafts are left out, and the service level can be overridden
    for all of them at once.
    """

    _name = "caravan.book.wizard"
    _description = "Book Caravan Shipments"

    shipment_ids = fields.Many2many(
        "caravan.shipment",
        string="Shipments",
        domain=[("state", "=", "draft")],
    )
    shipment_count = fields.Integer(string="Shipments to Book", compute="_compute_shipment_count")
    service_level = fields.Selection(
        SERVICE_LEVELS,
        string="Override Service Level",
        help="Leave empty to keep each shipment's own service level.",
    )
    print_labels = fields.Boolean(
        string="Download Labels",
        default=True,
        help="Download the labels of the booked shipments as soon as Caravan renders them.",
    )

    @api.model
    def default_get(self, fields_list) -> dict:
        """Preselect the draft shipments among those selected in the list.

        Args:
            fields_list (list[str]): Names of the fields to compute defaults for.

        Returns:
            dict: Default values, with ``shipment_ids`` from the ``active_ids`` context.
        """
        values = super().default_get(fields_list)
        if "shipment_ids" in fields_list and self.env.context.get("active_model") == (
            "caravan.shipment"
        ):
            shipments = self.env["caravan.shipment"].browse(self.env.context.get("active_ids"))
            drafts = shipments.filtered(lambda shipment: shipment.state == "draft")
            values["shipment_ids"] = [fields.Command.set(drafts.ids)]
        return values

    @api.depends("shipment_ids")
    def _compute_shipment_count(self):
        for wizard in self:
            wizard.shipment_count = len(wizard.shipment_ids)

    def action_book_shipments(self) -> dict:
        """Book the chosen shipments and show them in a list.

        Each shipment is booked in its own savepoint. A shipment that Caravan or the checks
        reject stays a draft with the reason in its Error field, and the others keep their
        bookings: Caravan has accepted them, so rolling them back would make them unknown
        to Odoo and book them twice on the next try.

        Returns:
            dict: A window action listing the shipments, wrapped in a warning notification
            when some of them were not booked.

        Raises:
            UserError: No draft shipment is selected.
        """
        self.ensure_one()
        shipments = self.shipment_ids.filtered(lambda shipment: shipment.state == "draft")
        if not shipments:
            raise UserError(self.env._("Select at least one draft shipment to book with Caravan."))
        if self.service_level:
            shipments.write({"service_level": self.service_level})
        booked = self.env["caravan.shipment"]
        rejected = self.env["caravan.shipment"]
        for shipment in shipments:
            try:
                with self.env.cr.savepoint():
                    shipment.action_book()
            except (UserError, ValidationError) as error:
                shipment.error_message = error.args[0]
                rejected |= shipment
            else:
                booked |= shipment
        if self.print_labels:
            booked._fetch_missing_labels()
        action = self.env["ir.actions.act_window"]._for_xml_id("caravan_connector.action_shipment")
        action["domain"] = [("id", "in", shipments.ids)]
        if not rejected:
            return action
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "warning",
                "sticky": True,
                "title": self.env._("Some shipments were not booked"),
                "message": self.env._(
                    "Caravan booked %(booked)s of %(total)s shipments. The others are still "
                    "drafts, and each shows the reason in its Error field.",
                    booked=len(booked),
                    total=len(shipments),
                ),
                "next": action,
            },
        }
