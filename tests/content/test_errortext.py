"""Finding the addon literal behind a quoted error text."""

from __future__ import annotations

from pathlib import Path

from onboardkit.content.errortext import find_message, translate_message

ADDON_CODE = """
import logging

from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)


def call(method, path, message):
    _logger.debug("Caravan %s %s", method, path)
    raise UserError(_("Caravan rejected the address: %s", message))


def hint():
    return "Caravan is not reachable right now."
"""


def write_addon(tmp_path: Path) -> Path:
    addon = tmp_path / "addon_a"
    (addon / "services").mkdir(parents=True)
    (addon / "services" / "client.py").write_text(ADDON_CODE, encoding="utf-8")
    return addon


def test_log_format_is_not_a_message(tmp_path: Path) -> None:
    addon = write_addon(tmp_path)
    assert find_message(addon, "Caravan made this sentence up") is None


def test_most_specific_literal_wins(tmp_path: Path) -> None:
    addon = write_addon(tmp_path)
    literal = find_message(addon, "Caravan rejected the address: street is missing")
    assert literal == "Caravan rejected the address: %s"


def test_plain_literal_found(tmp_path: Path) -> None:
    addon = write_addon(tmp_path)
    assert find_message(addon, "Caravan is not  reachable right now.") == (
        "Caravan is not reachable right now."
    )


def test_translation_gets_the_values() -> None:
    translated = translate_message(
        "Caravan rejected the address: %s",
        "Caravan rejected the address: street is missing",
        "رفضت كارافان العنوان: %s",
    )
    assert translated == "رفضت كارافان العنوان: street is missing"
