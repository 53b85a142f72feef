from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    sample_api_url = fields.Char(
        string="Carrier URL",
        config_parameter="sample_connector.api_url",
        default="https://api.example.com",
        help="Address of the carrier's web service.",
    )
    sample_environment = fields.Selection(
        [("test", "Test"), ("live", "Live")],
        string="Environment",
        config_parameter="sample_connector.environment",
        default="test",
    )
    sample_test_mode = fields.Boolean(related="company_id.sample_test_mode", readonly=False)
    sample_note = fields.Char(string="Unstored note")
