"""The example addon's translation template and Arabic catalog."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from addon_terms import collect_terms
from babel.messages.catalog import Catalog

from onboardkit.odoo.addon import Addon
from onboardkit.odoo.catalog import load_po

ADDON = Path(__file__).resolve().parents[2] / "addons" / "caravan_connector"
POT = ADDON / "i18n" / "caravan_connector.pot"
PO = ADDON / "i18n" / "ar.po"
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[.0-9]*[sdf]|%[sd]")
ARABIC_LETTER = re.compile(r"[\u0600-\u06ff]")


def entries(catalog: Catalog) -> dict[str, object]:
    return {message.id: message for message in catalog if message.id}


def raw_entries(path: Path) -> dict[str, list[str]]:
    """Map each msgid to the comment lines of its entry, read from the file as written.

    Babel keeps only references that end in a line number, so Odoo's ``model:...``
    references are read here instead.
    """
    found = {}
    for block in path.read_text(encoding="utf-8").split("\n\n")[1:]:
        lines = block.splitlines()
        comments = [line for line in lines if line.startswith("#")]
        start = next(index for index, line in enumerate(lines) if line.startswith("msgid "))
        end = next(index for index, line in enumerate(lines) if line.startswith("msgstr "))
        pieces = [lines[start].removeprefix("msgid "), *lines[start + 1 : end]]
        found["".join(ast.literal_eval(piece) for piece in pieces)] = comments
    return found


def test_pot_lists_every_term_with_its_occurrences():
    template = raw_entries(POT)
    terms = collect_terms(ADDON)
    assert sorted(set(terms) - set(template)) == []
    for text, occurrences in terms.items():
        references = {line.removeprefix("#: ") for line in template[text] if line.startswith("#: ")}
        assert references == occurrences, text


def test_pot_has_no_stale_terms():
    stale = sorted(set(entries(load_po(POT))) - set(collect_terms(ADDON)))
    assert stale == []


@pytest.mark.parametrize("path", [POT, PO], ids=["pot", "ar.po"])
def test_entries_carry_odoo_comments(path):
    for msgid, comments in raw_entries(path).items():
        assert comments[0] == "#. module: caravan_connector", msgid
        if any(line.startswith("#: code:addons/") for line in comments):
            # Odoo loads code translations only from entries marked odoo-python.
            assert "#. odoo-python" in comments, msgid


def test_po_references_match_pot():
    assert raw_entries(PO) == raw_entries(POT)


def test_ar_po_header():
    catalog = load_po(PO)
    assert catalog.locale is not None
    assert str(catalog.locale) == "ar"
    assert catalog.num_plurals == 6


def test_ar_po_translates_every_pot_term():
    template = entries(load_po(POT))
    arabic = entries(load_po(PO))
    assert sorted(set(template) - set(arabic)) == []
    for msgid in template:
        message = arabic[msgid]
        assert message.string, msgid
        assert not message.fuzzy, msgid


@pytest.mark.parametrize("msgid", sorted(entries(load_po(PO))))
def test_ar_translation_keeps_placeholders(msgid):
    translation = entries(load_po(PO))[msgid].string
    assert sorted(PLACEHOLDER.findall(translation)) == sorted(PLACEHOLDER.findall(msgid))
    if ARABIC_LETTER.search(translation) is None:
        # Only sample values such as "CRV-000000" stay as they are.
        assert translation == msgid
        assert re.fullmatch(r"[A-Za-z0-9_.-]+", msgid)


LABELS = [
    ("field:caravan.shipment/tracking_ref", "Tracking Number", "رقم التتبع"),
    ("field:caravan.webhook.event/status", "Status", "الحالة"),
    ("field:res.config.settings/caravan_api_key", "API Key", "مفتاح الواجهة البرمجية"),
    ("selection:caravan.shipment/state/in_transit", "In Transit", "قيد النقل"),
    ("selection:caravan.shipment/service_level/same_day", "Same Day", "في نفس اليوم"),
    ("selection:res.config.settings/caravan_environment/sandbox", "Sandbox", "بيئة الاختبار"),
    ("menu:menu_caravan_root", "Caravan", "كارافان"),
    ("menu:caravan_connector.menu_caravan_settings", "Settings", "الإعدادات"),
    ("action:action_webhook_event", "Webhook Events", "أحداث خطاف الويب"),
    ("view:view_caravan_shipment_form/action_book", "Book with Caravan", "الحجز مع كارافان"),
    ("view:view_caravan_shipment_form/parcels", "Parcels", "الطرود"),
    (
        "view:res_config_settings_view_form/caravan_credentials_setting",
        "Credentials",
        "بيانات الاعتماد",
    ),
    # The smart button sits in the second xpath of an inheriting view.
    ("view:view_picking_form_caravan/caravan_shipment_count", "Caravan", "كارافان"),
]


@pytest.mark.parametrize(("reference", "english", "arabic"), LABELS)
def test_label_resolves_both_languages(reference, english, arabic):
    addon = Addon(ADDON)
    assert addon.label(reference).text == english
    label = addon.label(reference, "ar_001")
    assert label.text == arabic
    assert label.translated
