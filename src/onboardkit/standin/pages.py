"""Server-rendered pages: the login form, the database selector and the web client shell.

Each page says in its title (and the login page in its footer) that this is a stand-in; the
web client's own areas do not, so that screenshots look like a real Odoo.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING
from urllib.parse import quote

from onboardkit.standin.i18n import Translator
from onboardkit.standin.render.html import el, esc
from onboardkit.standin.server import Request
from onboardkit.standin.sessions import Session

if TYPE_CHECKING:
    from onboardkit.standin.app import App
    from onboardkit.standin.database import Database

TITLE_SUFFIX = "Odoo (stand-in)"
STANDIN_NOTICE = "Demo Odoo stand-in served by onboardkit: not a real Odoo server."


def _document(title: str, body_class: str, body: str, head: str = "") -> str:
    return (
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n"
        '<link rel="icon" href="/web/static/img/favicon.svg">\n'
        '<link rel="stylesheet" href="/web/assets/standin.css">\n'
        f'{head}</head>\n<body class="{esc(body_class)}">\n{body}\n</body>\n</html>\n'
    )


def login_page(app: App, session: Session, redirect: str, error: str | None) -> str:
    """Return the login page; its form arrives hidden (``d-none``) and a script shows it."""
    tr = Translator(app.bundle.addons, "en_US").chrome
    fields = [el("input", {"type": "hidden", "name": "csrf_token", "value": session.csrf_token()})]
    if len(app.database_names) > 1:
        fields.append(
            el(
                "div",
                {"class": "mb-3"},
                el("label", {"class": "col-form-label", "for": "db"}, esc(tr("Database"))),
                el(
                    "div",
                    {"class": "input-group"},
                    el(
                        "input",
                        {
                            "type": "text",
                            "name": "db",
                            "id": "db",
                            "readonly": True,
                            "class": "form-control",
                            "value": session.database,
                        },
                    ),
                    el(
                        "a",
                        {
                            "role": "button",
                            "class": "btn btn-secondary",
                            "href": "/web/database/selector",
                        },
                        esc(tr("Select")),
                        " ",
                        el("i", {"class": "fa fa-database", "role": "img"}),
                    ),
                ),
            )
        )
    fields += [
        el(
            "div",
            {"class": "mb-3 field-login"},
            el(
                "label",
                {"class": "form-label d-flex justify-content-between", "for": "login"},
                esc(tr("Email")),
            ),
            el(
                "input",
                {
                    "type": "text",
                    "placeholder": tr("Email"),
                    "name": "login",
                    "id": "login",
                    "required": True,
                    "autofocus": True,
                    "autocapitalize": "off",
                    "class": "form-control",
                },
            ),
        ),
        el(
            "div",
            {"class": "mb-3"},
            el(
                "label",
                {"class": "form-label d-flex justify-content-between", "for": "password"},
                esc(tr("Password")),
            ),
            el(
                "input",
                {
                    "type": "password",
                    "placeholder": tr("Password"),
                    "name": "password",
                    "id": "password",
                    "required": True,
                    "autocomplete": "current-password",
                    "class": "form-control",
                    "maxlength": "4096",
                },
            ),
        ),
    ]
    if error:
        fields.append(el("p", {"class": "alert alert-danger", "role": "alert"}, esc(tr(error))))
    fields += [
        el(
            "div",
            {"class": "oe_login_buttons text-center gap-1 d-grid mb-1 pt-3"},
            el("button", {"type": "submit", "class": "btn btn-primary"}, esc(tr("Log in"))),
        ),
        el("input", {"type": "hidden", "name": "type", "value": "password"}),
        el("input", {"type": "hidden", "name": "redirect", "value": redirect}),
    ]
    form = el(
        "form",
        {
            "class": "oe_login_form d-none",
            "role": "form",
            "action": "/web/login",
            "method": "post",
            "data-reveal-ms": str(app.timing.reveal_ms),
        },
        *fields,
    )
    card = el(
        "div",
        {"class": "card border-0 mx-auto bg-100 o_database_list"},
        el(
            "div",
            {"class": "card-body"},
            el(
                "div",
                {"class": "text-center pb-3 border-bottom mb-4"},
                el("img", {"src": "/web/binary/company_logo", "alt": "Logo", "class": "o_logo"}),
            ),
            form,
            el(
                "div",
                {"class": "text-center small mt-4 pt-3 border-top o_standin_notice"},
                esc(STANDIN_NOTICE),
            ),
        ),
    )
    body = el(
        "div", {"id": "wrapwrap"}, el("main", {}, el("div", {"class": "container py-5"}, card))
    )
    body += el(
        "div",
        {"class": "o-main-components-container"},
        el("div", {"class": "o_notification_manager"}, ""),
    )
    head = '<script src="/web/assets/login.js" defer></script>\n'
    return _document(f"{tr('Log in')} | {TITLE_SUFFIX}", "bg-100", body, head)


def selector_page(names: list[str]) -> str:
    """Return the database selector: one ``a[href="/odoo?db=NAME"]`` per database."""
    links = [
        el(
            "a",
            {
                "class": "list-group-item list-group-item-action d-flex align-items-center",
                "href": f"/odoo?db={quote(name)}",
            },
            el("i", {"class": "fa fa-database me-2", "role": "img"}),
            esc(name),
        )
        for name in names
    ]
    card = el(
        "div",
        {"class": "card border-0 mx-auto bg-100 o_database_list"},
        el(
            "div",
            {"class": "card-body"},
            el(
                "div",
                {"class": "text-center pb-3 border-bottom mb-4"},
                el("img", {"src": "/web/binary/company_logo", "alt": "Logo", "class": "o_logo"}),
            ),
            el("div", {"class": "list-group"}, *links),
            el(
                "div",
                {"class": "text-center small mt-4 pt-3 border-top o_standin_notice"},
                esc(STANDIN_NOTICE),
            ),
        ),
    )
    body = el(
        "div", {"id": "wrapwrap"}, el("main", {}, el("div", {"class": "container py-5"}, card))
    )
    return _document(f"Databases | {TITLE_SUFFIX}", "bg-100", body)


def client_page(app: App, database: Database, session: Session, request: Request) -> str:
    """Return the web client shell; the browser script loads menus and the action into it."""
    rtl = _is_rtl(database, session.lang)
    debug = bool(request.query.get("debug"))
    text_lang = request.query.get("lang") or session.lang
    translator = Translator(app.bundle.addons, text_lang)
    boot = {
        "uid": session.uid,
        "db": session.database,
        "lang": text_lang,
        "user_lang": session.lang,
        "rtl": rtl,
        "debug": debug,
        "terms": translator.terms_for_client(),
        "title_suffix": TITLE_SUFFIX,
        "locale": text_lang.replace("_", "-").replace("-001", ""),
    }
    head = '<link rel="stylesheet" href="/web/assets/standin.rtl.css">\n' if rtl else ""
    script = json.dumps(boot).replace("</", "<\\/")
    head += f'<script id="standin-boot" type="application/json">{script}</script>\n'
    head += '<script src="/web/assets/standin.js" defer></script>\n'
    classes = "o_web_client" + (" o_rtl" if rtl else "") + (" o_debug" if debug else "")
    body = el(
        "div",
        {"class": "o-main-components-container"},
        el("div", {"class": "o-overlay-container"}, ""),
        el("div", {"class": "o_notification_manager"}, ""),
    )
    return _document(TITLE_SUFFIX, classes, body, head)


def _is_rtl(database: Database, lang: str) -> bool:
    for record in database.tables.get("res.lang", {}).values():
        if record.get("code") == lang:
            return record.get("direction") == "rtl"
    return False
