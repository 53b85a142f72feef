"""What the stand-in provides of Odoo's own modules: models, base records and base views.

Only enough of ``base``, ``mail`` and ``base_setup`` is here for an addon's views to show
names, addresses, messages and the Settings app around the addon's own content.
"""

from __future__ import annotations

from onboardkit.odoo.models import FieldInfo
from onboardkit.standin.xmldata import Ref

# Each field is "name:type:Label[:comodel[:inverse]]"; types are Odoo's field class names.
MODEL_FIELDS: dict[str, list[str]] = {
    "res.company": [
        "name:Char:Company Name",
        "partner_id:Many2one:Partner:res.partner",
        "currency_id:Many2one:Currency:res.currency",
        "email:Char:Email",
        "phone:Char:Phone",
    ],
    "res.currency": ["name:Char:Currency", "symbol:Char:Symbol"],
    "res.country": ["name:Char:Country Name", "code:Char:Country Code"],
    "res.partner": [
        "name:Char:Name",
        "is_company:Boolean:Is a Company",
        "parent_id:Many2one:Related Company:res.partner",
        "child_ids:One2many:Contact:res.partner:parent_id",
        "street:Char:Street",
        "street2:Char:Street2",
        "city:Char:City",
        "zip:Char:Zip",
        "country_id:Many2one:Country:res.country",
        "phone:Char:Phone",
        "mobile:Char:Mobile",
        "email:Char:Email",
        "website:Char:Website Link",
        "vat:Char:Tax ID",
        "function:Char:Job Position",
        "comment:Html:Notes",
        "company_id:Many2one:Company:res.company",
        "active:Boolean:Active",
        "avatar_128:Image:Avatar 128",
        "image_128:Image:Image 128",
    ],
    "res.users": [
        "name:Char:Name",
        "login:Char:Login",
        "lang:Char:Language",
        "tz:Char:Timezone",
        "partner_id:Many2one:Related Partner:res.partner",
        "company_id:Many2one:Company:res.company",
        "active:Boolean:Active",
        "avatar_128:Image:Avatar 128",
    ],
    "res.lang": [
        "name:Char:Name",
        "code:Char:Locale Code",
        "iso_code:Char:ISO code",
        "direction:Char:Direction",
        "active:Boolean:Active",
    ],
    "res.groups": ["name:Char:Name"],
    "ir.ui.menu": [
        "name:Char:Menu",
        "parent_id:Many2one:Parent Menu:ir.ui.menu",
        "action:Char:Action",
        "sequence:Integer:Sequence",
        "web_icon:Char:Web Icon File",
    ],
    "ir.actions.act_window": [
        "name:Char:Action Name",
        "res_model:Char:Destination Model",
        "view_mode:Char:View Mode",
        "path:Char:Path to show in the URL",
        "target:Char:Target Window",
        "context:Char:Context Value",
        "domain:Char:Domain Value",
        "help:Html:Action Description",
        "binding_model:Char:Binding Model",
    ],
    "ir.model.data": [
        "module:Char:Module",
        "name:Char:External Identifier",
        "model:Char:Model Name",
        "res_id:Integer:Record ID",
    ],
    "ir.config_parameter": ["key:Char:Key", "value:Text:Value"],
    "ir.attachment": [
        "name:Char:Name",
        "res_model:Char:Resource Model",
        "res_id:Integer:Resource ID",
        "mimetype:Char:Mime Type",
    ],
    "mail.message.subtype": ["name:Char:Message Type", "internal:Boolean:Internal Only"],
    "mail.message": [
        "model:Char:Related Document Model",
        "res_id:Integer:Related Document ID",
        "body:Html:Contents",
        "subject:Char:Subject",
        "date:Datetime:Date",
        "author_id:Many2one:Author:res.partner",
        "message_type:Char:Type",
        "subtype_id:Many2one:Subtype:mail.message.subtype",
    ],
    "stock.picking": [
        "name:Char:Reference",
        "origin:Char:Source Document",
        "partner_id:Many2one:Contact:res.partner",
        "state:Char:Status",
        "picking_type_code:Char:Type of Operation",
    ],
    "res.config.settings": [
        "company_id:Many2one:Company:res.company",
        "active_user_count:Integer:Number of Active Users",
        "language_count:Integer:Number of Languages",
        "company_name:Char:Company Name",
    ],
}

# Fields that ``_inherit = ["mail.thread"]`` adds to a model.
MAIL_THREAD_FIELDS = [
    "message_ids:One2many:Messages:mail.message:res_id",
    "message_follower_ids:One2many:Followers:mail.followers:res_id",
    "activity_ids:One2many:Activities:mail.activity:res_id",
]

# Computed in Odoo, so shown read-only.
READONLY_FIELDS = {"res.config.settings": {"active_user_count", "language_count", "company_name"}}

REC_NAMES = {"ir.model.data": "name", "ir.config_parameter": "key", "mail.message": "subject"}


def parse_fields(specs: list[str]) -> dict[str, FieldInfo]:
    """Turn ``"name:Type:Label[:comodel[:inverse]]"`` strings into field descriptions."""
    fields: dict[str, FieldInfo] = {}
    for spec in specs:
        name, kind, label, *rest = spec.split(":")
        info = FieldInfo(name=name, type=kind, string=label, file="(stand-in)")
        if rest:
            info.comodel = rest[0]
        if len(rest) > 1:
            info.inverse = rest[1]
        fields[name] = info
    return fields


# Country codes with English and Arabic names; demo data commonly refers to ``base.<code>``.
COUNTRIES = {
    "ae": ("United Arab Emirates", "الإمارات العربية المتحدة"),
    "sa": ("Saudi Arabia", "المملكة العربية السعودية"),
    "eg": ("Egypt", "مصر"),
    "lb": ("Lebanon", "لبنان"),
    "ma": ("Morocco", "المغرب"),
    "om": ("Oman", "عُمان"),
    "qa": ("Qatar", "قطر"),
    "kw": ("Kuwait", "الكويت"),
    "bh": ("Bahrain", "البحرين"),
    "jo": ("Jordan", "الأردن"),
    "iq": ("Iraq", "العراق"),
    "tn": ("Tunisia", "تونس"),
    "dz": ("Algeria", "الجزائر"),
    "tr": ("Türkiye", "تركيا"),
    "de": ("Germany", "ألمانيا"),
    "fr": ("France", "فرنسا"),
    "be": ("Belgium", "بلجيكا"),
    "nl": ("Netherlands", "هولندا"),
    "it": ("Italy", "إيطاليا"),
    "es": ("Spain", "إسبانيا"),
    "gb": ("United Kingdom", "المملكة المتحدة"),
    "us": ("United States", "الولايات المتحدة"),
    "ca": ("Canada", "كندا"),
    "in": ("India", "الهند"),
}

ADMIN_NAME = "Mitchell Admin"
COMPANY_NAME = "YourCompany"


def base_records(login: str) -> list[tuple[str, str, dict[str, object]]]:
    """Return ``(model, xmlid, values)`` of the base records, in creation order.

    A record refers only to records listed before it.
    """
    records: list[tuple[str, str, dict[str, object]]] = [
        ("res.currency", "base.USD", {"name": "USD", "symbol": "$"}),
        ("res.currency", "base.EUR", {"name": "EUR", "symbol": "€"}),
        ("res.partner", "base.main_partner", {"name": COMPANY_NAME, "is_company": True}),
        (
            "res.company",
            "base.main_company",
            {
                "name": COMPANY_NAME,
                "partner_id": Ref("base.main_partner"),
                "currency_id": Ref("base.USD"),
            },
        ),
        ("res.partner", "base.partner_root", {"name": "OdooBot", "active": False}),
        ("res.partner", "base.partner_admin", {"name": ADMIN_NAME, "email": "admin@example.com"}),
        (
            "res.users",
            "base.user_root",
            {"login": "__system__", "active": False, "partner_id": Ref("base.partner_root")},
        ),
        (
            "res.users",
            "base.user_admin",
            {
                "login": login,
                "lang": "en_US",
                "tz": "Europe/Brussels",
                "partner_id": Ref("base.partner_admin"),
                "company_id": Ref("base.main_company"),
            },
        ),
        ("res.lang", "base.lang_en", {"name": "English (US)", "code": "en_US", "iso_code": "en"}),
        ("res.lang", "base.lang_ar", {"name": "Arabic / الْعَرَبيّة", "code": "ar_001"}),
        ("res.lang", "base.lang_fr", {"name": "French / Français", "code": "fr_FR"}),
        ("mail.message.subtype", "mail.mt_comment", {"name": "Discussions"}),
        ("mail.message.subtype", "mail.mt_note", {"name": "Note", "internal": True}),
    ]
    for code, (english, _arabic) in COUNTRIES.items():
        records.append(("res.country", f"base.{code}", {"name": english, "code": code.upper()}))
    return records


LANGUAGE_SETTINGS = {
    "en_US": {"active": True, "direction": "ltr"},
    "ar_001": {"active": True, "direction": "rtl", "iso_code": "ar"},
    "fr_FR": {"active": False, "direction": "ltr", "iso_code": "fr"},
}

SETTINGS_VIEW_XMLID = "base.res_config_settings_view_form"
SETTINGS_ACTION_XMLID = "base_setup.action_general_configuration"
SETTINGS_MENU_XMLID = "base.menu_administration"

# The form every module's settings view inherits; ``General Settings`` stands for base_setup.
SETTINGS_ARCH = """
<form string="Settings" class="oe_form_configuration o_base_settings" js_class="base_settings">
  <app string="General Settings" name="general_settings">
    <block title="Users" name="users_setting_container">
      <setting id="active_user_setting" help="Users who may log in to this database.">
        <field name="active_user_count" class="w-auto ps-1 fw-bold"/>
        <span class="o_form_label">Active Users</span>
      </setting>
    </block>
    <block title="Languages" name="languages_setting_container">
      <setting id="languages_setting" help="Languages the users may choose.">
        <field name="language_count" class="w-auto ps-1 fw-bold"/>
        <span class="o_form_label">Languages</span>
      </setting>
    </block>
    <block title="Companies" name="companies_setting_container">
      <setting id="company_details_settings">
        <field name="company_name" class="fw-bold"/>
      </setting>
    </block>
  </app>
</form>
"""

PARTNER_FORM_ARCH = """
<form string="Contact">
  <sheet>
    <div class="oe_title">
      <h1><field name="name" placeholder="e.g. Lumber Inc"/></h1>
    </div>
    <group>
      <group>
        <field name="street" placeholder="Street..."/>
        <field name="street2" placeholder="Street 2..."/>
        <field name="city" placeholder="City"/>
        <field name="zip" placeholder="ZIP"/>
        <field name="country_id" placeholder="Country"/>
        <field name="vat" placeholder="e.g. BE0477472701"/>
      </group>
      <group>
        <field name="phone" widget="phone"/>
        <field name="mobile" widget="phone"/>
        <field name="email" widget="email"/>
        <field name="website" widget="url"/>
      </group>
    </group>
  </sheet>
</form>
"""

PARTNER_LIST_ARCH = """
<list string="Contacts">
  <field name="name"/>
  <field name="phone"/>
  <field name="email"/>
  <field name="city"/>
  <field name="country_id"/>
</list>
"""

BASE_VIEWS = {
    SETTINGS_VIEW_XMLID: ("res.config.settings", SETTINGS_ARCH),
    "base.view_partner_form": ("res.partner", PARTNER_FORM_ARCH),
    "base.view_partner_tree": ("res.partner", PARTNER_LIST_ARCH),
}
