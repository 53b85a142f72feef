"""UI label references in guide text, such as ``[[field:caravan.shipment/tracking_ref]]``.

A writer names a field, menu, action, selection value or view element of the addon instead of
retyping its label. The build replaces the reference with the label in each language, taken
from the addon itself and its ``i18n/<lang>.po``, so the docs quote exactly what the screen
shows and a renamed field is caught at build time.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from onboardkit.odoo.addon import Addon, Label, LabelError

REFERENCE = re.compile(r"\[\[((?:field|selection|menu|action|view):[^\[\]\s]+)\]\]")
MENU_SEPARATOR = " › "  # Unicode mirrors this character in right-to-left text


def references_in(text: str) -> list[str]:
    return REFERENCE.findall(text)


def only_references(text: str) -> bool:
    """Return True when ``text`` has nothing to translate besides references."""
    return not REFERENCE.sub("", text).strip(" \t\n›>/,.;:-")


def menu_path(addon: Addon, reference: str, odoo_language: str | None) -> Label:
    """Resolve ``menu:XMLID`` to its path of menu names inside the addon, root first."""
    xmlid = reference.partition(":")[2]
    xmlid = xmlid if "." in xmlid else f"{addon.module}.{xmlid}"
    names: list[Label] = []
    seen: set[str] = set()
    current: str | None = xmlid
    while current and current in addon.records.menus and current not in seen:
        seen.add(current)
        names.append(addon.label(f"menu:{current}", odoo_language))
        current = addon.records.menus[current].parent
    if not names:
        return addon.label(reference, odoo_language)  # raises LabelError with suggestions
    names.reverse()
    return Label(
        MENU_SEPARATOR.join(label.text for label in names), all(n.translated for n in names)
    )


def resolve_label(addon: Addon, reference: str, odoo_language: str | None) -> Label:
    if reference.startswith("menu:"):
        return menu_path(addon, reference, odoo_language)
    return addon.label(reference, odoo_language)


def substitute(text: str, resolve: Callable[[str], str]) -> str:
    """Replace every reference in ``text`` by ``resolve(reference)``."""
    return REFERENCE.sub(lambda match: resolve(match.group(1)), text)


__all__ = ["LabelError", "references_in", "resolve_label", "substitute", "only_references"]
