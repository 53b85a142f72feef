from odoo import fields, models


class SampleParcel(models.Model):
    _name = "sample.parcel"
    _description = "Sample Parcel"

    name = fields.Char(string="Reference", required=True)
    weight = fields.Float(string="Weight (kg)")
    line_ids = fields.One2many("sample.parcel.line", "parcel_id", string="Contents")


class SampleParcelLine(models.Model):
    _name = "sample.parcel.line"
    _description = "Sample Parcel Line"

    parcel_id = fields.Many2one("sample.parcel", string="Parcel")
    product = fields.Char(string="Product")
    quantity = fields.Integer(string="Quantity")


class ResCompany(models.Model):
    _inherit = "res.company"

    sample_test_mode = fields.Boolean(
        string="Test Mode", default=True, help="Send parcels to the carrier's test system."
    )
