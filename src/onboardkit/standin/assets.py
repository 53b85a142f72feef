"""Static files: the stand-in's stylesheet and scripts, generated images, addon ``static/``.

Record images are generated SVG avatars (initials on a colour taken from the name), as Odoo
shows for records without a picture. Kanban cards request theirs with ``?unique=``
(as Odoo does) and get them after ``Timing.lazy_image`` seconds, so they arrive after the cards.
"""

from __future__ import annotations

import hashlib
import mimetypes
import re
from importlib import resources
from typing import TYPE_CHECKING

from onboardkit.standin.icons import icon_css
from onboardkit.standin.render.html import esc
from onboardkit.standin.server import Request, Response

if TYPE_CHECKING:
    from onboardkit.standin.app import App

# Files served under one URL, like Odoo's asset bundles.
BUNDLES = {
    "standin.css": ["base.css", "views.css"],
    "standin.js": ["standin.js", "standin_ui.js"],
}
ASSET_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8"}
IMAGE_PATH = re.compile(r"^/web/image/([\w.]+)/(\d+)/(\w+)$")
ADDON_STATIC = re.compile(r"^/(\w+)/static/(.+)$")
AVATAR_COLOURS = [
    "#a2a2a2",
    "#ee2d2d",
    "#dc8534",
    "#e8bb1d",
    "#5794dd",
    "#9f628f",
    "#db8865",
    "#41a9a2",
    "#304be0",
    "#ee299f",
    "#b06b4a",
    "#59a149",
]

LOGO_SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="180" height="48" viewBox="0 0 180 48">
<defs><pattern id="s" width="8" height="8" patternUnits="userSpaceOnUse"
patternTransform="rotate(45)"><rect width="4" height="8" fill="#f2f0f4"/></pattern></defs>
<rect width="180" height="48" fill="url(#s)"/>
<text x="90" y="31" text-anchor="middle" font-family="Noto Sans, sans-serif" font-size="22"
font-weight="700" fill="#5f4d6b">Your logo</text></svg>"""

FAVICON_SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<circle cx="16" cy="16" r="12" fill="none" stroke="#71639e" stroke-width="6"/></svg>"""

SETTINGS_SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<path d="M16 3l11 6.5v13L16 29 5 22.5v-13z" fill="#f59e42"/>
<path d="M16 3l11 6.5L16 16 5 9.5z" fill="#e9603f"/>
<circle cx="16" cy="16" r="5" fill="#fff"/></svg>"""

STATIC_IMAGES = {
    "/web/binary/company_logo": LOGO_SVG,
    "/web/static/img/favicon.svg": FAVICON_SVG,
    "/web/static/img/settings.svg": SETTINGS_SVG,
}


def serve(app: App, request: Request) -> Response:
    """Serve a GET for a static file or an image; anything else is a 404."""
    path = request.path
    if path.startswith("/web/assets/"):
        return _asset(app, request, path[len("/web/assets/") :])
    if path in STATIC_IMAGES:
        return Response(body=STATIC_IMAGES[path].encode(), content_type="image/svg+xml")
    match = IMAGE_PATH.match(path)
    if match:
        return _image(app, request, match.group(1), int(match.group(2)))
    match = ADDON_STATIC.match(path)
    if match:
        from onboardkit.standin.app import addon_static_path

        found = addon_static_path(app.bundle, match.group(1), match.group(2))
        if found is not None:
            kind = mimetypes.guess_type(found.name)[0] or "application/octet-stream"
            return Response(body=found.read_bytes(), content_type=kind)
    return Response(404, b"Not Found", "text/plain; charset=utf-8")


def _asset(app: App, request: Request, name: str) -> Response:
    if not re.fullmatch(r"[\w.-]+\.(css|js)", name):
        return Response(404, b"Not Found", "text/plain; charset=utf-8")
    parts = BUNDLES.get(name, [name])
    try:
        data = b"\n".join(_asset_file(part) for part in parts)
    except (FileNotFoundError, IsADirectoryError):
        return Response(404, b"Not Found", "text/plain; charset=utf-8")
    if name == "standin.css":
        data += icon_css().encode()
    app.wait(app.timing.asset, request)
    return Response(body=data, content_type=ASSET_TYPES[name[name.rindex(".") :]])


def _asset_file(name: str) -> bytes:
    return resources.files("onboardkit.standin").joinpath("assets", name).read_bytes()


def _image(app: App, request: Request, model: str, record_id: int) -> Response:
    lazy = "unique" in request.query
    app.wait(app.timing.lazy_image if lazy else app.timing.image, request)
    name = ""
    session = app.sessions.get(request.cookies.get("session_id"))
    if session is not None and session.database in app.databases:
        database = app.databases[session.database or ""]
        if database.registry.get(model) is not None:
            with app.lock:
                name = database.display_name(model, record_id)
    return Response(body=avatar_svg(name or "?").encode(), content_type="image/svg+xml")


def avatar_svg(name: str) -> str:
    """Return a square avatar with the first letter of ``name``."""
    letter = name.strip()[:1].upper() or "?"
    colour = AVATAR_COLOURS[
        int(hashlib.sha256(name.encode()).hexdigest(), 16) % len(AVATAR_COLOURS)
    ]
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="180" height="180" viewBox="0 0 180 180">'
        f'<rect width="180" height="180" fill="{colour}"/>'
        '<text x="50%" y="50%" dy="0.35em" text-anchor="middle" fill="#ffffff" '
        f'font-family="Noto Sans, sans-serif" font-size="96">{esc(letter)}</text></svg>'
    )
