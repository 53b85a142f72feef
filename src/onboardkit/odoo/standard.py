"""Fields and methods of standard Odoo models that addons commonly extend or use in views.

The view checker reads an addon's own models from their source. For models the addon only
extends, it uses these tables of Odoo 18.0 community fields. The tables list the fields
that addons use most, not every field, so the checker reports a name missing from a
partial table as a warning, never as an error.
"""

# NOTE: the tables were written by hand, not exported from an Odoo 18 database; a field
# Odoo renames or removes in a later release stays listed until someone updates them.

from __future__ import annotations

# Fields that Odoo adds to every model.
MAGIC_FIELDS = frozenset(
    {"id", "display_name", "create_uid", "create_date", "write_uid", "write_date"}
)

# Complete field lists of the mixins an addon's model may inherit, with their methods that
# views call.
MIXIN_FIELDS: dict[str, frozenset[str]] = {
    "mail.thread": frozenset(
        {
            "message_is_follower", "message_follower_ids", "message_partner_ids",
            "message_ids", "has_message", "message_needaction", "message_needaction_counter",
            "message_has_error", "message_has_error_counter", "message_attachment_count",
            "website_message_ids",
        }
    ),
    "mail.activity.mixin": frozenset(
        {
            "activity_ids", "activity_state", "activity_user_id", "activity_type_id",
            "activity_type_icon", "activity_date_deadline", "my_activity_date_deadline",
            "activity_summary", "activity_exception_decoration", "activity_exception_icon",
        }
    ),
}  # fmt: skip

MIXIN_METHODS: dict[str, frozenset[str]] = {
    "mail.thread": frozenset({"message_post", "message_subscribe", "message_unsubscribe"}),
    "mail.activity.mixin": frozenset({"activity_schedule", "activity_feedback"}),
}

# Partial field lists of standard models, keyed by model name.
STANDARD_FIELDS: dict[str, frozenset[str]] = {
    "res.config.settings": frozenset({"company_id"}),
    "res.partner": frozenset(
        {
            "name", "street", "street2", "city", "zip", "state_id", "country_id", "email",
            "phone", "mobile", "company_id", "is_company", "parent_id", "child_ids", "vat",
            "website", "lang", "category_id", "user_id", "active", "type", "function",
            "comment",
        }
    ),
    "stock.picking": frozenset(
        {
            "name", "origin", "note", "state", "priority", "scheduled_date", "date_deadline",
            "date_done", "location_id", "location_dest_id", "move_ids", "move_line_ids",
            "picking_type_id", "picking_type_code", "partner_id", "company_id", "user_id",
            "backorder_id", "move_type",
        }
    ),
}  # fmt: skip

STANDARD_METHODS: dict[str, frozenset[str]] = {
    "res.config.settings": frozenset({"execute", "cancel"}),
    "stock.picking": frozenset(
        {"button_validate", "action_confirm", "action_assign", "action_cancel", "do_unreserve"}
    ),
}


def known_fields(model: str) -> frozenset[str] | None:
    """Return the fields listed here for a standard model or mixin, or None."""
    if model in MIXIN_FIELDS:
        return MIXIN_FIELDS[model] | MAGIC_FIELDS
    if model in STANDARD_FIELDS:
        return STANDARD_FIELDS[model] | MAGIC_FIELDS
    return None
