"""The chatter under a form: its buttons and the record's messages, newest first.

Message dates carry their UTC value; the browser script shows them relative to the
browser's clock ("5 minutes ago") and refreshes them as time passes.
"""

from __future__ import annotations

from typing import Any

from lxml_html_clean import Cleaner

from onboardkit.standin.expressions import sort_records
from onboardkit.standin.render.context import RenderContext
from onboardkit.standin.render.html import el, esc, icon

_CLEANER = Cleaner(scripts=True, javascript=True, style=True, forms=True, page_structure=True)


def render_chatter(ctx: RenderContext, model: str, record: dict[str, Any]) -> str:
    """Return ``div.o-mail-ChatterContainer`` for ``record`` (no messages for a new one)."""
    return el(
        "div",
        {"class": "o-mail-ChatterContainer o-mail-Form-chatter mt-4 mt-md-0"},
        el(
            "div",
            {"class": "o-mail-Chatter w-100 h-100 flex-grow-1 d-flex flex-column"},
            _topbar(ctx),
            el(
                "div",
                {"class": "o-mail-Chatter-content d-flex flex-column flex-grow-1"},
                el(
                    "div",
                    {
                        "class": "o-mail-Thread position-relative flex-grow-1 d-flex flex-column "
                        "overflow-auto pb-4"
                    },
                    _messages(ctx, model, record),
                ),
            ),
        ),
    )


def _topbar(ctx: RenderContext) -> str:
    tr = ctx.tr.chrome
    return el(
        "div",
        {"class": "o-mail-Chatter-top d-print-none position-sticky top-0"},
        el(
            "div",
            {"class": "o-mail-Chatter-topbar d-flex flex-shrink-0 flex-grow-0 overflow-x-auto"},
            el(
                "button",
                {
                    "class": "o-mail-Chatter-sendMessage btn text-nowrap me-1 btn-primary my-2",
                    "type": "button",
                },
                esc(tr("Send message")),
            ),
            el(
                "button",
                {
                    "class": "o-mail-Chatter-logNote btn text-nowrap me-1 btn-secondary my-2",
                    "type": "button",
                },
                esc(tr("Log note")),
            ),
            el(
                "div",
                {"class": "flex-grow-1 d-flex"},
                el(
                    "button",
                    {
                        "class": "o-mail-Chatter-activity btn btn-secondary text-nowrap my-2",
                        "type": "button",
                    },
                    el("span", {}, esc(tr("Activities"))),
                ),
                el("span", {"class": "o-mail-Chatter-topbarGrow flex-grow-1 pe-2"}, ""),
                el(
                    "button",
                    {
                        "class": "btn btn-link text-action",
                        "type": "button",
                        "aria-label": tr("Search"),
                    },
                    icon("oi-search"),
                ),
                el(
                    "button",
                    {
                        "class": "o-mail-Chatter-attachFiles btn btn-link text-action px-1 "
                        "d-flex align-items-center my-2",
                        "type": "button",
                    },
                    icon("fa-paperclip", "fa-lg me-1"),
                ),
                el(
                    "div",
                    {"class": "o-mail-Followers d-flex me-1"},
                    el(
                        "button",
                        {
                            "class": "o-mail-Followers-button btn btn-link d-flex "
                            "align-items-center text-action px-1 my-2",
                            "type": "button",
                        },
                        icon("fa-user-o", "me-1"),
                        el("sup", {"class": "o-mail-Followers-counter"}, "1"),
                    ),
                ),
                el(
                    "button",
                    {"class": "btn px-0 text-success my-2", "type": "button"},
                    el("span", {"class": "o-mail-Chatter-follow"}, esc(tr("Following"))),
                ),
            ),
        ),
    )


def _messages(ctx: RenderContext, model: str, record: dict[str, Any]) -> str:
    if record.get("id") is None or "mail.message" not in ctx.db.tables:
        return ""
    rows = [
        message
        for message in ctx.db.tables["mail.message"].values()
        if message.get("model") == model and message.get("res_id") == record["id"]
    ]
    parts: list[str] = []
    last_day = None
    for message in sort_records(rows, "date desc, id desc"):
        day = str(message.get("date") or "")[:10]
        if day != last_day:
            parts.append(_date_section(message.get("date")))
            last_day = day
        parts.append(_message(ctx, message))
    return el("div", {"class": "d-flex flex-column position-relative flex-grow-1"}, *parts)


def _date_section(value: Any) -> str:
    return el(
        "div",
        {"class": "o-mail-DateSection d-flex align-items-center w-100 fw-bold z-1 pt-2"},
        el("hr", {"class": "o-discuss-separator flex-grow-1"}),
        el(
            "span",
            {"class": "px-2 smaller text-muted o_standin_day", "data-value": value or None},
            esc(str(value or "")[:10]),
        ),
        el("hr", {"class": "o-discuss-separator flex-grow-1"}),
    )


def _message(ctx: RenderContext, message: dict[str, Any]) -> str:
    author_id = message.get("author_id") or 0
    author = ctx.db.display_name("res.partner", author_id) if author_id else ""
    body = message.get("body") or ""
    note = message.get("subtype_id") == (ctx.db.ref("mail.mt_note") or ("", 0))[1]
    return el(
        "div",
        {"class": "o-mail-Message position-relative rounded-0 pt-1 mt-1", "role": "group"},
        el(
            "div",
            {"class": "o-mail-Message-core position-relative d-flex flex-shrink-0"},
            el(
                "div",
                {
                    "class": "o-mail-Message-sidebar d-flex flex-shrink-0 align-items-start "
                    "justify-content-start"
                },
                el(
                    "div",
                    {"class": "o-mail-Message-avatarContainer position-relative bg-view"},
                    el(
                        "img",
                        {
                            "class": "o-mail-Message-avatar w-100 h-100 rounded o_object_fit_cover",
                            "src": f"/web/image/res.partner/{author_id}/avatar_128",
                            "alt": "",
                        },
                    ),
                ),
            ),
            el(
                "div",
                {"class": "w-100 o-min-width-0"},
                el(
                    "div",
                    {
                        "class": "o-mail-Message-header d-flex flex-wrap align-items-baseline lh-1",
                        "name": "header",
                    },
                    el(
                        "span",
                        {"class": "o-mail-Message-author small"},
                        el("strong", {"class": "me-1"}, esc(author)),
                    ),
                    el(
                        "small",
                        {
                            "class": "o-mail-Message-date text-muted smaller",
                            "data-value": message.get("date") or None,
                        },
                        "",
                    ),
                ),
                el(
                    "div",
                    {"class": "o-mail-Message-contentContainer position-relative d-flex"},
                    el(
                        "div",
                        {"class": "o-mail-Message-content o-min-width-0 pt-1"},
                        el(
                            "div",
                            {"class": "o-mail-Message-textContent position-relative d-flex"},
                            el(
                                "div",
                                {
                                    "class": "position-relative text-break o-mail-Message-body "
                                    "p-1" + (" o-note" if note else "")
                                },
                                _CLEANER.clean_html(f"<div>{body}</div>") if body else "",
                            ),
                        ),
                    ),
                ),
            ),
        ),
    )
