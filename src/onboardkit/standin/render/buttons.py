"""View ``<button>`` nodes as the web client renders them; the browser script handles clicks.

Like Odoo, the element keeps the view's ``name`` and ``type`` (``object`` or ``action``)
attributes; ``data-confirm`` and ``special`` carry the rest of what a click needs.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from onboardkit.standin.expressions import evaluate
from onboardkit.standin.render.context import RenderContext
from onboardkit.standin.render.html import cls, el, esc, icon

HIGHLIGHT = {"oe_highlight": "btn-primary", "oe_link": "btn-link"}


def button_classes(node: etree._Element, default: str = "btn-secondary") -> str:
    """Return Bootstrap classes for a view button's ``class`` attribute."""
    given = (node.get("class") or "").split()
    mapped = [HIGHLIGHT.get(name, name) for name in given]
    if not any(name.startswith("btn-") for name in mapped):
        mapped.append(default)
    return cls("btn", *mapped)


def is_hidden(ctx: RenderContext, node: etree._Element, values: dict[str, Any]) -> bool:
    """Return whether ``invisible`` or ``groups`` hides the node for the admin user."""
    if node.get("invisible") and evaluate(node.get("invisible"), values):
        return True
    return not groups_allowed(ctx, node.get("groups"))


def groups_allowed(ctx: RenderContext, groups: str | None) -> bool:
    """Admin has every group but multi-company; ``base.group_no_one`` needs debug mode."""
    if not groups:
        return True
    for group in (name.strip() for name in groups.split(",")):
        negated = group.startswith("!")
        name = group.lstrip("!")
        granted = name != "base.group_multi_company" and (name != "base.group_no_one" or ctx.debug)
        if granted != negated:
            return True
    return False


def render_button(
    ctx: RenderContext, node: etree._Element, default: str = "btn-secondary", extra: str = ""
) -> str:
    """Return one view button."""
    label = ctx.tr.term(node.get("string") or "")
    icon_name = node.get("icon")
    children = []
    if icon_name:
        children.append(icon(icon_name, "o_button_icon me-1"))
    if label:
        children.append(el("span", {}, esc(label)))
    return el(
        "button",
        {
            "class": cls(button_classes(node, default), extra),
            "name": action_reference(ctx, node.get("name")),
            "type": node.get("type") or "button",
            "special": node.get("special"),
            "data-confirm": ctx.tr.term(node.get("confirm")) or None,
            "data-hotkey": node.get("data-hotkey"),
            "title": ctx.tr.term(node.get("help")) or None,
        },
        *children,
    )


def action_reference(ctx: RenderContext, name: str | None) -> str | None:
    """Resolve an action button's ``%(xmlid)d`` name to the action's id, as Odoo's loader does."""
    match = re.fullmatch(r"%\((.+)\)d", name or "")
    if not match:
        return name
    reference = match.group(1)
    found = ctx.db.ref(reference)
    if found is None and "." not in reference:
        suffix = f".{reference}"
        found = next((v for k, v in ctx.db.xmlids.items() if k.endswith(suffix)), None)
    return str(found[1]) if found else name
