"""The icons the stand-in's markup names (``fa-*``, ``oi-*``), drawn as CSS masks.

Odoo ships the Font Awesome and Odoo UI icon fonts. The stand-in draws simple equivalents
(24x24 SVG shapes) instead, so that it loads nothing from another host. An icon name without
a drawing renders as an empty box of the same size.
"""

from __future__ import annotations

from urllib.parse import quote

_STROKE = (
    "fill='none' stroke='black' stroke-width='2.2' stroke-linecap='round' stroke-linejoin='round'"
)

ICONS: dict[str, str] = {
    "oi-apps": "".join(
        f"<rect x='{x}' y='{y}' width='5' height='5' rx='0.6'/>"
        for y in (2, 9.5, 17)
        for x in (2, 9.5, 17)
    ),
    "oi-search": f"<g {_STROKE}><circle cx='10' cy='10' r='6.5'/><path d='M15 15l6 6'/></g>",
    "oi-chevron-left": f"<path {_STROKE} d='M15 5l-7 7 7 7'/>",
    "oi-chevron-right": f"<path {_STROKE} d='M9 5l7 7-7 7'/>",
    "oi-arrow-right": f"<path {_STROKE} d='M4 12h15M13 6l6 6-6 6'/>",
    "oi-view-list": "<rect x='3' y='5' width='18' height='2.4'/><rect x='3' y='10.8' width='18' "
    "height='2.4'/><rect x='3' y='16.6' width='18' height='2.4'/><rect x='3' y='2' width='18' "
    "height='1.6'/>",
    "oi-view-kanban": "<rect x='3' y='3' width='8' height='18'/><rect x='13' y='3' width='8' "
    "height='9'/>",
    "oi-view-form": "<rect x='4' y='3' width='16' height='18' rx='1'/>",
    "oi-settings-adjust": f"<g {_STROKE}><path d='M3 7h18M3 17h18'/></g><circle cx='15' cy='7' "
    "r='2.8'/><circle cx='9' cy='17' r='2.8'/>",
    "fa-cog": "<path d='M10 2h4l.6 2.8 2.4 1 2.4-1.6 2.8 2.8-1.6 2.4 1 2.4L22 10v4l-2.8.6-1 2.4"
    " 1.6 2.4-2.8 2.8-2.4-1.6-2.4 1L14 22h-4l-.6-2.8-2.4-1-2.4 1.6-2.8-2.8 1.6-2.4-1-2.4L2 "
    "14v-4l2.8-.6 1-2.4-1.6-2.4 2.8-2.8 2.4 1.6 2.4-1z M12 8.5a3.5 3.5 0 1 0 0 7a3.5 3.5 0 1 0 "
    "0-7z' fill-rule='evenodd'/>",
    "fa-comments": "<path d='M2 4h13v9H7l-4 3v-3H2z'/><path d='M17 8h5v9h-1v3l-4-3h-7v-2h7z'/>",
    "fa-clock-o": f"<g {_STROKE}><circle cx='12' cy='12' r='9'/><path d='M12 7v5l3 2'/></g>",
    "fa-bug": "<ellipse cx='12' cy='14' rx='5' ry='7'/><circle cx='12' cy='5.5' r='3'/>"
    f"<path {_STROKE} d='M3 9l4 2M21 9l-4 2M3 19l4-2M21 19l-4-2M2 14h4M18 14h4'/>",
    "fa-database": "<ellipse cx='12' cy='5' rx='8' ry='3'/><path d='M4 7c0 4 16 4 16 0v4c0 4-16 "
    "4-16 0zM4 13c0 4 16 4 16 0v5c0 4-16 4-16 0z'/>",
    "fa-times": f"<path {_STROKE} d='M6 6l12 12M18 6L6 18'/>",
    "fa-check": f"<path {_STROKE} d='M4 12l5 5L20 6'/>",
    "fa-cloud-upload": "<path d='M7 19a5 5 0 0 1-.5-10A6.5 6.5 0 0 1 19 8.5 4.5 4.5 0 0 1 18 19h-5"
    "v-5h3l-4-4-4 4h3v5z'/>",
    "fa-paperclip": f"<path {_STROKE} d='M20 11l-8.5 8.5a5 5 0 0 1-7-7L13 4a3.3 3.3 0 0 1 4.7 4.7"
    "L9.2 17.2a1.7 1.7 0 0 1-2.4-2.4L14.5 7'/>",
    "fa-user-o": f"<g {_STROKE}><circle cx='12' cy='8' r='4'/><path d='M4 21c1-5 15-5 16 0'/></g>",
    "fa-users": "<circle cx='9' cy='8' r='4'/><path d='M1 21c1-7 15-7 16 0z'/><circle cx='17' "
    "cy='7' r='3'/><path d='M18 12c3 0 5 3 5 7h-4c0-3-1-5-3-6z'/>",
    "fa-exchange": f"<path {_STROKE} d='M4 8h15l-4-4M20 16H5l4 4'/>",
    "fa-barcode": "<path d='M3 4h2v16H3zM7 4h1v16H7zM10 4h2v16h-2zM14 4h1v16h-1zM17 4h1v16h-1zM20 "
    "4h1v16h-1z'/>",
    "fa-cube": "<path d='M12 2l9 5v10l-9 5-9-5V7z M12 4.3 5.2 8 12 11.7 18.8 8z' "
    "fill-rule='evenodd'/>",
    "fa-truck": "<path d='M1 5h13v11H1zM15 9h4l3 4v3h-7z'/><circle cx='6' cy='18' r='2.5'/>"
    "<circle cx='18' cy='18' r='2.5'/>",
    "fa-star": "<path d='M12 2l3 6.5 7 .8-5.2 4.8 1.5 7L12 17.5 5.7 21l1.5-7L2 9.3l7-.8z'/>",
    "fa-star-o": f"<path {_STROKE} d='M12 3l2.7 5.9 6.3.7-4.7 4.3 1.3 6.3L12 17l-5.6 3.2 1.3-6.3L3"
    " 9.6l6.3-.7z'/>",
    "fa-sort": "<path d='M12 2l6 7H6zM12 22l-6-7h12z'/>",
    "fa-clipboard": "<path d='M8 3h8v3H8z'/><path d='M5 5h2v3h10V5h2v17H5z'/>",
    "fa-usd": f"<path {_STROKE} d='M16 7c-1-2-7-2-8 1s8 3 8 7-7 3-8 1M12 3v18'/>",
    "fa-pencil-square-o": f"<g {_STROKE}><path d='M12 4H4v16h16v-8'/>"
    "<path d='M18 3l3 3-9 9h-3v-3z'/></g>",
    "fa-pencil": "<path d='M16 3l5 5L9 20H4v-5z'/>",
    "fa-trash-o": f"<g {_STROKE}><path d='M4 6h16M9 6V3h6v3M6 6l1 15h10l1-15'/></g>",
    "fa-envelope": "<path d='M2 5h20v14H2z M3 6.5v1l9 6 9-6v-1z' fill-rule='evenodd'/>",
    "fa-phone": "<path d='M6 2l4 4-2 3c1 3 4 6 7 7l3-2 4 4-3 4C10 21 3 14 2 5z'/>",
    "fa-question-circle": "<path d='M12 2a10 10 0 1 1 0 20a10 10 0 1 1 0-20z M11 16v2h2v-2z M9 "
    "9.5h2c0-1 .5-1.5 1-1.5s1 .4 1 1c0 1.3-2 1.5-2 4h2c0-1.8 2-2 2-4 0-1.8-1.3-3-3-3s-3 1.2-3 "
    "3.5z' fill-rule='evenodd'/>",
    "fa-external-link": f"<g {_STROKE}><path d='M14 4h6v6M20 4l-9 9M18 14v6H4V6h6'/></g>",
    "fa-arrow-right": f"<path {_STROKE} d='M4 12h15M13 6l6 6-6 6'/>",
    "fa-plus": f"<path {_STROKE} d='M12 4v16M4 12h16'/>",
    "fa-print": "<path d='M6 2h12v5H6zM3 8h18v9h-3v5H6v-5H3z M8 14v6h8v-6z' fill-rule='evenodd'/>",
    "fa-refresh": f"<path {_STROKE} d='M20 11a8 8 0 1 0-2 6M20 4v7h-7'/>",
    "fa-undo": f"<path {_STROKE} d='M4 10h11a5 5 0 0 1 0 10H9M8 6l-4 4 4 4'/>",
    "fa-angle-down": f"<path {_STROKE} d='M7 10l5 5 5-5'/>",
    "fa-book": "<path d='M5 3h12a2 2 0 0 1 2 2v16H7a2 2 0 0 1-2-2z M7 17v2h10v-2z' "
    "fill-rule='evenodd'/>",
    "fa-server": "<path d='M3 3h18v5H3zM3 10h18v5H3zM3 17h18v5H3z'/>",
    "fa-list": "<path d='M3 5h3v3H3zM8 5h13v3H8zM3 11h3v3H3zM8 11h13v3H8zM3 17h3v3H3z"
    "M8 17h13v3H8z'/>",
    "fa-calendar": "<path d='M3 5h18v16H3z M5 10v9h14v-9z M7 2h2v4H7zM15 2h2v4h-2z' "
    "fill-rule='evenodd'/>",
    "fa-file-text-o": f"<g {_STROKE}><path d='M6 3h8l4 4v14H6z'/><path d='M9 12h6M9 16h6'/></g>",
    "fa-envelope-o": f"<g {_STROKE}><path d='M3 5h18v14H3z'/><path d='M3 6l9 7 9-7'/></g>",
    "fa-globe": f"<g {_STROKE}><circle cx='12' cy='12' r='9'/><path d='M3 12h18M12 3c4 4 4 14 "
    "0 18M12 3c-4 4-4 14 0 18'/></g>",
    "fa-link": f"<g {_STROKE}><path d='M10 14a4 4 0 0 0 6 0l3-3a4 4 0 0 0-6-6l-1 1'/><path "
    "d='M14 10a4 4 0 0 0-6 0l-3 3a4 4 0 0 0 6 6l1-1'/></g>",
    "fa-key": "<circle cx='7' cy='14' r='5'/><path d='M10 12l10-8 2 2-2 2 2 2-2 2-2-2-5 5z'/>",
    "fa-lock": "<path d='M5 10h14v12H5z'/><path d='M8 10V7a4 4 0 0 1 8 0v3' fill='none' "
    "stroke='black' stroke-width='2.2'/>",
    "fa-info-circle": "<path d='M12 2a10 10 0 1 1 0 20a10 10 0 1 1 0-20z M11 10v7h2v-7z M11 "
    "6v2h2V6z' fill-rule='evenodd'/>",
    "fa-exclamation-triangle": "<path d='M12 2l11 19H1z M11 9v6h2V9z M11 17v2h2v-2z' "
    "fill-rule='evenodd'/>",
    "fa-check-circle": "<path d='M12 2a10 10 0 1 1 0 20a10 10 0 1 1 0-20z M6 12l4 4 8-8-1.5-1.5"
    "L10 13l-2.5-2.5z' fill-rule='evenodd'/>",
    "fa-download": f"<path {_STROKE} d='M12 3v12M7 10l5 5 5-5M4 20h16'/>",
    "fa-upload": f"<path {_STROKE} d='M12 15V3M7 8l5-5 5 5M4 20h16'/>",
    "fa-history": f"<path {_STROKE} d='M4 12a8 8 0 1 0 2.5-5.8M4 4v5h5M12 8v4l3 2'/>",
    "fa-archive": "<path d='M2 3h20v5H2zM4 9h16v12H4z M9 11v2h6v-2z' fill-rule='evenodd'/>",
    "fa-filter": "<path d='M2 3h20l-8 9v8l-4 2V12z'/>",
    "fa-search": f"<g {_STROKE}><circle cx='10' cy='10' r='6.5'/><path d='M15 15l6 6'/></g>",
    "fa-fw": "",
}


def icon_css() -> str:
    """Return the CSS rules that draw each icon with ``currentColor`` through a mask."""
    # The shape is drawn on ::before, so that an element such as a pager button can carry
    # the icon classes itself, as in Odoo's markup.
    rules = [
        ".fa, .oi { display: inline-block; line-height: 1; }",
        ".fa::before, .oi::before { content: ''; display: inline-block; width: 1em; height: 1em;"
        " vertical-align: -0.125em; }",
        ".fa-lg { font-size: 1.25em; }",
        ".fa-fw::before, .oi-fw::before { width: 1.25em; }",
    ]
    for name, shapes in ICONS.items():
        if not shapes:
            continue
        svg = f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24'>{shapes}</svg>"
        url = "data:image/svg+xml," + quote(svg, safe="/:=' ")
        rules.append(
            f'.{name}::before {{ background-color: currentColor; -webkit-mask: url("{url}") '
            f'center / contain no-repeat; mask: url("{url}") center / contain no-repeat; }}'
        )
    return "\n".join(rules) + "\n"
