from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..services.caravan_client import CaravanClient
from .caravan_shipment import SERVICE_LEVELS

MIN_SYNC_MINUTES = 5
MAX_SYNC_MINUTES = 1440


class ResConfigSettings(models.TransientModel):
    """Caravan settings, shown under Settings > Caravan.

    Every value is stored as a system parameter (``ir.config_parameter``) whose key starts
    with ``caravan_connector.``, so it applies to the whole database.
    """

    _inherit = "res.config.settings"

    caravan_api_key = fields.Char(
        string="API Key",
        config_parameter="caravan_connector.api_key",
        help="The secret key from the Caravan merchant portal. Sandbox keys start with "
        '"cpk_test_", live keys with "cpk_live_".',
    )
    caravan_account_number = fields.Char(
        string="Account Number",
        config_parameter="caravan_connector.account_number",
        help="Your Caravan account number, such as CRV-204817.",
    )
    caravan_environment = fields.Selection(
        [("sandbox", "Sandbox"), ("production", "Production")],
        string="Environment",
        default="sandbox",
        config_parameter="caravan_connector.environment",
        help="Sandbox books test shipments that are never collected. Switch to Production "
        "once your live key is active.",
    )
    caravan_webhook_secret = fields.Char(
        string="Webhook Secret",
        config_parameter="caravan_connector.webhook_secret",
        help="The secret Caravan signs each webhook with. Copy it from the merchant portal.",
    )
    caravan_webhook_url = fields.Char(
        string="Webhook URL",
        compute="_compute_caravan_webhook_url",
        help="Register this address in the Caravan merchant portal to receive tracking "
        "updates as they happen.",
    )
    caravan_sync_interval = fields.Integer(
        string="Tracking Sync Interval (minutes)",
        default=60,
        config_parameter="caravan_connector.sync_interval",
        help="How often the scheduled action asks Caravan for the status of shipments on "
        "their way, in minutes.",
    )
    caravan_default_service_level = fields.Selection(
        SERVICE_LEVELS,
        string="Default Service Level",
        default="standard",
        config_parameter="caravan_connector.default_service_level",
        help="The service level of shipments created from delivery orders.",
    )
    caravan_auto_book = fields.Boolean(
        string="Book on Validation",
        config_parameter="caravan_connector.auto_book",
        help="Create and book a Caravan shipment as soon as a delivery order is validated.",
    )

    @api.depends("company_id")
    def _compute_caravan_webhook_url(self):
        base_url = self.env["ir.config_parameter"].sudo().get_param("web.base.url", "")
        for settings in self:
            settings.caravan_webhook_url = f"{base_url.rstrip('/')}/caravan/webhook"

    @api.constrains("caravan_sync_interval")
    def _check_caravan_sync_interval(self):
        for settings in self:
            if not MIN_SYNC_MINUTES <= settings.caravan_sync_interval <= MAX_SYNC_MINUTES:
                raise ValidationError(
                    self.env._(
                        "The tracking sync interval must be between %(min)s and %(max)s minutes.",
                        min=MIN_SYNC_MINUTES,
                        max=MAX_SYNC_MINUTES,
                    )
                )

    def set_values(self):
        """Save the settings and apply the sync interval to the scheduled action."""
        result = super().set_values()
        cron = self.env.ref("caravan_connector.ir_cron_caravan_sync_tracking", False)
        if cron and cron.interval_number != self.caravan_sync_interval:
            cron.sudo().write(
                {"interval_number": self.caravan_sync_interval, "interval_type": "minutes"}
            )
        return result

    def action_caravan_test_connection(self) -> dict:
        """Check the credentials on the form against Caravan, before or after saving them.

        Returns:
            dict: A client action that shows a success notification.

        Raises:
            UserError: A credential is missing or Caravan rejected it.
        """
        self.ensure_one()
        client = CaravanClient(
            self.env,
            api_key=self.caravan_api_key,
            account_number=self.caravan_account_number,
            environment=self.caravan_environment,
        )
        client.check_credentials()
        account = client.check_connection()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Connected to Caravan"),
                "message": self.env._(
                    "Account %(account)s (%(name)s) accepted the API key.",
                    account=account.get("account_number", self.caravan_account_number),
                    name=account.get("name", "-"),
                ),
                "type": "success",
                "sticky": False,
            },
        }
