"""Turning a shot's target into a web client URL, for Odoo 18 (``/odoo/...``) and 17 (``/web#``).

Menus and records named by XML id or domain are looked up on the server by JSON-RPC first,
because their database ids differ from one database to another.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from onboardkit.capture.errors import RpcError, StepFailed
from onboardkit.capture.schema import Target

if TYPE_CHECKING:
    from onboardkit.capture.session import OdooSession


@dataclass(frozen=True)
class ResolvedTarget:
    """Database ids that a target needs, found on the server."""

    record_id: int | None = None
    menu_id: int | None = None
    menu_action_id: int | None = None


async def resolve_target(session: OdooSession, target: Target) -> ResolvedTarget:
    """Look up the record and menu ids of ``target``.

    Raises:
        StepFailed: the XML id or domain matches nothing, or the menu has no action.
    """
    record_id = None
    menu_id = menu_action_id = None
    try:
        if target.record is not None:
            record = target.record
            if record.xmlid:
                record_id = await _xmlid_to_id(session, record.xmlid, record.model)
            else:
                record_id = await _search_first(session, record.model, record.domain or [])
        if target.menu is not None:
            menu_id = await _xmlid_to_id(session, target.menu, "ir.ui.menu")
            menu_action_id = await _menu_action(session, target.menu, menu_id)
    except RpcError as error:
        raise StepFailed(f"looking up the target failed: {error.message}", step="target") from None
    return ResolvedTarget(record_id, menu_id, menu_action_id)


async def _xmlid_to_id(session: OdooSession, xmlid: str, model: str) -> int:
    module, _, name = xmlid.partition(".")
    rows = await session.call_kw(
        "ir.model.data",
        "search_read",
        [[["module", "=", module], ["name", "=", name]]],
        {"fields": ["res_id", "model"], "limit": 1},
    )
    if not rows:
        raise StepFailed(
            f"XML id '{xmlid}' does not exist on the server",
            "Check the XML id, and that the module defining it is installed.",
            step="target",
        )
    if rows[0].get("model") != model:
        raise StepFailed(
            f"XML id '{xmlid}' is a record of '{rows[0].get('model')}', not of '{model}'",
            "Fix the model or the XML id.",
            step="target",
        )
    return int(rows[0]["res_id"])


async def _search_first(session: OdooSession, model: str, domain: list[Any]) -> int:
    ids = await session.call_kw(model, "search", [domain], {"limit": 1, "order": "id"})
    if not ids:
        raise StepFailed(
            f"no '{model}' record matches the domain {domain}",
            "Fix the domain, or load the demo data it expects.",
            step="target",
        )
    return int(ids[0])


async def _menu_action(session: OdooSession, xmlid: str, menu_id: int) -> int:
    rows = await session.call_kw("ir.ui.menu", "read", [[menu_id]], {"fields": ["action"]})
    action = rows[0].get("action") if rows else None
    if not action:
        raise StepFailed(
            f"menu '{xmlid}' opens no action",
            "Target one of its sub-menus, or the action itself.",
            step="target",
        )
    return int(str(action).rsplit(",", 1)[-1])


def target_url(target: Target, resolved: ResolvedTarget, major: int) -> str:
    """Return the path (with query or fragment) that opens ``target`` on an Odoo ``major``."""
    if target.url is not None:
        return _with_debug(target.url, target.debug)
    if major >= 18:
        return _url_18(target, resolved)
    return _url_17(target, resolved)


def _with_debug(url: str, debug: bool) -> str:
    if not debug or "debug=" in url:
        return url
    path, hash_mark, fragment = url.partition("#")
    separator = "&" if "?" in path else "?"
    return f"{path}{separator}debug=1{hash_mark}{fragment}"


def _url_18(target: Target, resolved: ResolvedTarget) -> str:
    query: dict[str, str] = {}
    if target.action is not None:
        path = f"/odoo/action-{target.action}"
    elif target.menu is not None:
        path = f"/odoo/action-{resolved.menu_action_id}"
        query["menu_id"] = str(resolved.menu_id)
    else:
        assert target.record is not None
        path = f"/odoo/{target.record.model}"
    if resolved.record_id is not None:
        path += f"/{resolved.record_id}"
    if target.view_type:
        query["view_type"] = target.view_type
    if target.debug:
        query["debug"] = "1"
    return path + ("?" + urlencode(query) if query else "")


def _url_17(target: Target, resolved: ResolvedTarget) -> str:
    # NOTE: Odoo 17 URLs follow its documented /web#action=...&model=...&id=... form but were
    # never run against a real Odoo 17 server; only the stand-in and Odoo 18 facts were.
    fragment: dict[str, str] = {}
    if target.action is not None:
        fragment["action"] = target.action
    elif target.menu is not None:
        fragment["action"] = str(resolved.menu_action_id)
        fragment["menu_id"] = str(resolved.menu_id)
    if target.record is not None:
        fragment["model"] = target.record.model
        fragment["id"] = str(resolved.record_id)
        fragment["view_type"] = target.view_type or "form"
    elif target.view_type:
        fragment["view_type"] = target.view_type
    query = "?debug=1" if target.debug else ""
    return f"/web{query}#{urlencode(fragment)}"
