import base64
import logging

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..services.caravan_client import CaravanClient

_logger = logging.getLogger(__name__)

SERVICE_LEVELS = [
    ("economy", "Economy"),
    ("standard", "Standard"),
    ("express", "Express"),
    ("same_day", "Same Day"),
]

SHIPMENT_STATES = [
    ("draft", "Draft"),
    ("booked", "Booked"),
    ("in_transit", "In Transit"),
    ("delivered", "Delivered"),
    ("exception", "Exception"),
    ("cancelled", "Cancelled"),
]

# Caravan's tracking statuses that move a shipment forward; others leave it as it is.
TRACKING_STATES = {"booked", "in_transit", "delivered", "exception", "cancelled"}
TRACKING_URL = "https://www.example.com/caravan/track/%s"


class CaravanShipment(models.Model):
    """A parcel shipment booked, or to be booked, with Caravan Parcel.

    A shipment starts as a draft, usually created from a validated delivery order. Booking
    it sends the recipient, weight and parcel count to Caravan, which returns a tracking
    number and renders a label. Tracking updates then arrive by webhook
    (``/caravan/webhook``) or through the scheduled tracking sync, and move the shipment
    through *In Transit* to *Delivered*, or to *Exception* when the courier reports a
    problem.
    """

    _name = "caravan.shipment"
    _description = "Caravan Shipment"
    _inherit = ["mail.thread"]
    _order = "id desc"

    name = fields.Char(
        string="Reference",
        required=True,
        readonly=True,
        copy=False,
        default="New",
        help="Internal reference of the shipment, assigned from the Caravan sequence.",
    )
    picking_id = fields.Many2one(
        "stock.picking",
        string="Transfer",
        index=True,
        tracking=True,
        help="The delivery order whose goods this shipment carries.",
    )
    origin = fields.Char(
        string="Source Document",
        help="The order or transfer this shipment was created for.",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Recipient",
        required=True,
        tracking=True,
        help="The contact the parcels are delivered to. Caravan uses its address as is.",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
    )
    service_level = fields.Selection(
        SERVICE_LEVELS,
        required=True,
        default="standard",
        tracking=True,
        help="Economy: 3-5 business days. Standard: 1-2 business days. Express: next "
        "business day. Same Day: booked before 11:00, delivered the same day in the "
        "pickup city.",
    )
    state = fields.Selection(
        SHIPMENT_STATES,
        string="Status",
        required=True,
        default="draft",
        copy=False,
        tracking=True,
        group_expand="_group_expand_states",
    )
    tracking_ref = fields.Char(
        string="Tracking Number",
        copy=False,
        readonly=True,
        index=True,
        tracking=True,
        help="The number Caravan assigned when the shipment was booked.",
    )
    tracking_url = fields.Char(string="Tracking Page", compute="_compute_tracking_url")
    weight = fields.Float(
        string="Weight (kg)",
        digits="Stock Weight",
        help="Total weight of all parcels, in kilograms.",
    )
    parcel_count = fields.Integer(
        string="Parcels",
        default=1,
        required=True,
        help="Number of parcels. Caravan accepts up to 30 kg per parcel.",
    )
    label_attachment_id = fields.Many2one(
        "ir.attachment",
        string="Label",
        copy=False,
        readonly=True,
        help="The shipping label (PDF) downloaded from Caravan.",
    )
    booked_on = fields.Datetime(copy=False, readonly=True)
    last_sync = fields.Datetime(
        string="Last Synchronization",
        copy=False,
        readonly=True,
        help="When the tracking status was last received from Caravan.",
    )
    environment = fields.Selection(
        [("sandbox", "Sandbox"), ("production", "Production")],
        copy=False,
        readonly=True,
        help="The Caravan environment the shipment was booked in. Sandbox shipments are "
        "never collected.",
    )
    error_message = fields.Text(
        string="Error",
        copy=False,
        readonly=True,
        help="The last error Caravan reported for this shipment.",
    )
    event_ids = fields.One2many(
        "caravan.webhook.event", "shipment_id", string="Webhook Events", readonly=True
    )
    event_count = fields.Integer(compute="_compute_event_count")

    _sql_constraints = [
        (
            "tracking_ref_company_uniq",
            "unique(tracking_ref, company_id)",
            "A tracking number can belong to one shipment only.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list) -> "CaravanShipment":
        """Create shipments, numbering each one from the ``caravan.shipment`` sequence.

        Args:
            vals_list (list[dict]): One dictionary of field values per shipment.

        Returns:
            caravan.shipment: The new shipments.
        """
        for vals in vals_list:
            if vals.get("name", "New") == "New":
                vals["name"] = self.env["ir.sequence"].next_by_code("caravan.shipment") or "New"
        return super().create(vals_list)

    @api.depends("tracking_ref")
    def _compute_tracking_url(self):
        for shipment in self:
            ref = shipment.tracking_ref
            shipment.tracking_url = TRACKING_URL % ref if ref else False

    @api.depends("event_ids")
    def _compute_event_count(self):
        for shipment in self:
            shipment.event_count = len(shipment.event_ids)

    @api.model
    def _group_expand_states(self, states, domain):
        return [key for key, _label in SHIPMENT_STATES]

    @api.constrains("parcel_count", "weight")
    def _check_parcels(self):
        for shipment in self:
            if shipment.parcel_count < 1:
                raise ValidationError(self.env._("A shipment needs at least one parcel."))
            if shipment.weight < 0:
                raise ValidationError(self.env._("The weight cannot be negative."))

    def action_book(self) -> bool:
        """Book the draft shipments with Caravan and download their labels.

        Each shipment is booked in its own request. A shipment that Caravan rejects stops
        the whole action with Caravan's message, so the user can correct it and retry.

        Returns:
            bool: True.

        Raises:
            UserError: A shipment is not a draft, or Caravan rejected the request.
            ValidationError: The recipient's address is incomplete or a parcel is too heavy.
        """
        client = CaravanClient.from_settings(self.env)
        for shipment in self:
            shipment._check_bookable()
            booking = client.book_shipment(shipment._booking_payload())
            shipment.write(
                {
                    "state": "booked",
                    "tracking_ref": booking.get("tracking_ref"),
                    "booked_on": fields.Datetime.now(),
                    "environment": client.environment,
                    "error_message": False,
                }
            )
            shipment.message_post(
                body=self.env._(
                    "Booked with Caravan. Tracking number: %(tracking)s",
                    tracking=shipment.tracking_ref,
                )
            )
            if booking.get("label_status") == "ready":
                shipment._store_label(client.get_label(shipment.tracking_ref))
        return True

    def _check_bookable(self):
        self.ensure_one()
        if self.state != "draft":
            raise UserError(
                self.env._(
                    "Only draft shipments can be booked; %(name)s is already %(state)s.",
                    name=self.name,
                    state=dict(self._fields["state"]._description_selection(self.env))[self.state],
                )
            )
        partner = self.partner_id
        missing = [
            label
            for label, value in (
                (self.env._("street"), partner.street),
                (self.env._("city"), partner.city),
                (self.env._("country"), partner.country_id),
            )
            if not value
        ]
        if missing:
            raise ValidationError(
                self.env._(
                    "The address of %(partner)s is incomplete: %(missing)s missing. Complete "
                    "the contact, then book again.",
                    partner=partner.display_name,
                    missing=", ".join(missing),
                )
            )
        if self.weight <= 0:
            raise ValidationError(
                self.env._(
                    "Enter the weight of %(name)s before booking it; Caravan prices and "
                    "routes parcels by weight.",
                    name=self.name,
                )
            )

    def _booking_payload(self):
        self.ensure_one()
        partner = self.partner_id
        parcel_weight = self.weight / self.parcel_count
        return {
            "reference": self.name,
            "service_level": self.service_level,
            "recipient": {
                "name": partner.display_name,
                "street": partner.street,
                "street2": partner.street2 or "",
                "city": partner.city,
                "zip": partner.zip or "",
                "country_code": partner.country_id.code,
                "phone": partner.phone or partner.mobile or "",
                "email": partner.email or "",
            },
            "parcels": [{"weight_kg": parcel_weight} for _index in range(self.parcel_count)],
        }

    def _store_label(self, pdf_bytes):
        self.ensure_one()
        attachment = self.env["ir.attachment"].create(
            {
                "name": f"{self.name.replace('/', '-')}-label.pdf",
                "datas": base64.b64encode(pdf_bytes),
                "res_model": self._name,
                "res_id": self.id,
                "mimetype": "application/pdf",
            }
        )
        self.label_attachment_id = attachment

    def _fetch_missing_labels(self):
        """Download the labels that Caravan has rendered and that are not stored yet.

        A label that is not ready is skipped and logged; *Print Label* fetches it later.
        """
        pending = self.filtered(
            lambda shipment: shipment.tracking_ref and not shipment.label_attachment_id
        )
        if not pending:
            return
        client = CaravanClient.from_settings(self.env)
        for shipment in pending:
            try:
                shipment._store_label(client.get_label(shipment.tracking_ref))
            except UserError as error:
                _logger.info("Caravan label of %s not fetched: %s", shipment.name, error)

    def action_print_label(self) -> dict:
        """Download the shipping label, fetching it from Caravan the first time.

        Returns:
            dict: An ``ir.actions.act_url`` action that downloads the PDF.

        Raises:
            UserError: The shipment is not booked yet, or Caravan has not rendered the label.
        """
        self.ensure_one()
        if not self.tracking_ref:
            raise UserError(
                self.env._("Book %(name)s with Caravan before printing its label.", name=self.name)
            )
        if not self.label_attachment_id:
            client = CaravanClient.from_settings(self.env)
            self._store_label(client.get_label(self.tracking_ref))
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self.label_attachment_id.id}?download=true",
            "target": "self",
        }

    def action_sync_tracking(self) -> bool:
        """Fetch the current tracking status of the shipments from Caravan.

        Returns:
            bool: True.
        """
        client = CaravanClient.from_settings(self.env)
        for shipment in self.filtered("tracking_ref"):
            tracking = client.get_tracking(shipment.tracking_ref)
            shipment._apply_tracking_status(tracking.get("status"), tracking.get("status_text"))
        return True

    def _apply_tracking_status(self, status, status_text=None) -> None:
        """Move the shipment to the state that matches a Caravan tracking status.

        Args:
            status (str): One of Caravan's statuses (booked, in_transit, delivered, exception,
                cancelled); other values only update the synchronization time.
            status_text (str): Caravan's description of the status, kept as the error message
                when the status is ``exception``.
        """
        self.ensure_one()
        values = {"last_sync": fields.Datetime.now()}
        if status in TRACKING_STATES and status != self.state:
            values["state"] = status
            values["error_message"] = status_text if status == "exception" else False
        self.write(values)

    def action_cancel(self) -> bool:
        """Cancel the shipments, and their Caravan booking when they have one.

        Returns:
            bool: True.

        Raises:
            UserError: A shipment is delivered, or Caravan refused the cancellation.
        """
        for shipment in self:
            if shipment.state in ("delivered", "in_transit"):
                raise UserError(
                    self.env._(
                        "%(name)s is already on its way or delivered and cannot be cancelled.",
                        name=shipment.name,
                    )
                )
        booked = self.filtered(lambda shipment: shipment.tracking_ref)
        if booked:
            client = CaravanClient.from_settings(self.env)
            for shipment in booked:
                client.cancel_shipment(shipment.tracking_ref)
        self.write({"state": "cancelled"})
        return True

    def action_reset_to_draft(self) -> bool:
        """Return cancelled or failed shipments to draft so that they can be booked again.

        Returns:
            bool: True.
        """
        self.write(
            {
                "state": "draft",
                "tracking_ref": False,
                "booked_on": False,
                "label_attachment_id": False,
                "error_message": False,
            }
        )
        return True

    def action_view_events(self) -> dict:
        """Open the webhook events received for this shipment.

        Returns:
            dict: A window action on ``caravan.webhook.event``.
        """
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "caravan_connector.action_webhook_event"
        )
        action["domain"] = [("shipment_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

    @api.model
    def _cron_sync_tracking(self, batch_size=200) -> None:
        """Refresh the tracking status of every shipment still on its way.

        Called by the scheduled action *Caravan: Sync Tracking*. A failure is logged and
        kept on the shipment, so one bad shipment never stops the others.

        Args:
            batch_size (int): Maximum number of shipments refreshed in one run.
        """
        shipments = self.search(
            [("state", "in", ("booked", "in_transit")), ("tracking_ref", "!=", False)],
            order="last_sync asc, id asc",
            limit=batch_size,
        )
        if not shipments:
            return
        client = CaravanClient.from_settings(self.env)
        for shipment in shipments:
            try:
                tracking = client.get_tracking(shipment.tracking_ref)
            except UserError as error:
                _logger.warning("Caravan tracking sync failed for %s: %s", shipment.name, error)
                shipment.error_message = str(error)
                continue
            shipment._apply_tracking_status(tracking.get("status"), tracking.get("status_text"))
