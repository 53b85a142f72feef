import logging

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..services.caravan_client import CaravanClient, parse_payload

_logger = logging.getLogger(__name__)

# Caravan's event names, with the event type stored in Odoo and the shipment status the
# event reports (None: the event does not change the status).
CARAVAN_EVENTS = {
    "shipment.booked": ("booked", "booked"),
    "label.ready": ("label_ready", None),
    "shipment.picked_up": ("picked_up", "in_transit"),
    "shipment.in_transit": ("in_transit", "in_transit"),
    "shipment.delivered": ("delivered", "delivered"),
    "shipment.exception": ("exception", "exception"),
    "shipment.cancelled": ("cancelled", "cancelled"),
}


class CaravanWebhookEvent(models.Model):
    """A webhook call received from Caravan, kept as a log of what the carrier reported.

    Every call to ``/caravan/webhook`` creates one event, even when its signature is
    invalid, so that an administrator can see what arrived and why it was rejected.
    Events whose processing failed can be processed again from the form.
    """

    _name = "caravan.webhook.event"
    _description = "Caravan Webhook Event"
    _order = "received_on desc, id desc"
    _rec_name = "event_uid"

    event_uid = fields.Char(
        string="Event ID",
        readonly=True,
        index=True,
        help="Caravan's identifier of the event; a repeated delivery keeps the same ID.",
    )
    event_type = fields.Selection(
        [
            ("booked", "Booked"),
            ("label_ready", "Label Ready"),
            ("picked_up", "Picked Up"),
            ("in_transit", "In Transit"),
            ("delivered", "Delivered"),
            ("exception", "Delivery Exception"),
            ("cancelled", "Cancelled"),
            ("other", "Other"),
        ],
        readonly=True,
    )
    tracking_ref = fields.Char(string="Tracking Number", readonly=True, index=True)
    shipment_id = fields.Many2one(
        "caravan.shipment",
        readonly=True,
        index=True,
        ondelete="set null",
    )
    received_on = fields.Datetime(readonly=True, default=fields.Datetime.now)
    status = fields.Selection(
        [
            ("received", "Received"),
            ("processed", "Processed"),
            ("ignored", "Ignored"),
            ("rejected", "Rejected"),
            ("failed", "Failed"),
        ],
        required=True,
        default="received",
        readonly=True,
        help="Processed: the shipment was updated. Ignored: the event named no known "
        "shipment or repeated an earlier one. Rejected: the signature was invalid. "
        "Failed: an error occurred while updating the shipment.",
    )
    signature_valid = fields.Boolean(readonly=True)
    payload = fields.Text(readonly=True, help="The request body as received.")
    error_message = fields.Text(string="Error", readonly=True)

    @api.model
    def _receive(self, payload, signature) -> "CaravanWebhookEvent":
        """Record one webhook call and process it when its signature is valid.

        Args:
            payload (bytes): The raw request body.
            signature (str): The value of the ``X-Caravan-Signature`` header.

        Returns:
            caravan.webhook.event: The new event, whose ``status`` records the outcome.
        """
        data = parse_payload(payload) or {}
        event = self.create(
            {
                "event_uid": data.get("id"),
                "event_type": CARAVAN_EVENTS.get(data.get("type"), ("other", None))[0],
                "tracking_ref": data.get("tracking_ref"),
                "payload": payload.decode("utf-8", errors="replace"),
            }
        )
        secret = (
            self.env["ir.config_parameter"].sudo().get_param("caravan_connector.webhook_secret")
        )
        client = CaravanClient(self.env, api_key=None, account_number=None)
        try:
            client.verify_signature(secret, payload, signature)
        except (UserError, ValidationError) as error:
            _logger.warning("Caravan webhook %s rejected: %s", event.event_uid, error)
            event.write({"status": "rejected", "error_message": str(error)})
            return event
        event.signature_valid = True
        event._process()
        return event

    def _process(self):
        self.ensure_one()
        data = parse_payload(self.payload.encode()) or {}
        shipment = self.env["caravan.shipment"].search(
            [("tracking_ref", "=", self.tracking_ref)], limit=1
        )
        if not self.tracking_ref or not shipment:
            self.write(
                {
                    "status": "ignored",
                    "error_message": self.env._(
                        "No shipment has the tracking number %(tracking)s.",
                        tracking=self.tracking_ref or "-",
                    ),
                }
            )
            return
        self.shipment_id = shipment
        try:
            with self.env.cr.savepoint():
                status = CARAVAN_EVENTS.get(data.get("type"), ("other", None))[1]
                if status:
                    shipment._apply_tracking_status(status, data.get("status_text"))
                shipment.message_post(
                    body=self.env._(
                        "Caravan reported: %(event)s",
                        event=data.get("status_text") or data.get("type") or "-",
                    )
                )
        except (UserError, ValidationError) as error:
            _logger.warning("Caravan webhook %s failed: %s", self.event_uid, error)
            self.write({"status": "failed", "error_message": str(error)})
            return
        self.write({"status": "processed", "error_message": False})

    def action_reprocess(self) -> bool:
        """Process failed or ignored events again, for example once the shipment exists.

        Returns:
            bool: True.

        Raises:
            UserError: An event was rejected for its signature; such events are never
                processed.
        """
        if any(event.status == "rejected" for event in self):
            raise UserError(
                self.env._(
                    "Events with an invalid signature cannot be processed again, because "
                    "their content cannot be trusted. Ask Caravan to send the event again."
                )
            )
        for event in self:
            event._process()
        return True
