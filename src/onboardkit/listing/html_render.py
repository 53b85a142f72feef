"""Rendering ``static/description/index.html`` from the listing content.

The output is a fragment of ``<section>`` elements that keeps its content through Odoo's
sanitizer and the store's own rules. Layout comes from Bootstrap classes, and inline styles
are only of kinds the store keeps (colors, spacing, borders). Images are paths relative to
static/description, the only link is a ``mailto:``, and every non-ASCII character is written
as an HTML entity.
"""

from __future__ import annotations

import html
from html.entities import codepoint2name

from onboardkit.listing import paths
from onboardkit.listing.content import LoadedListing, model_digest_data
from onboardkit.listing.marker import digest, html_marker

BORDER = "1px solid #dee2e6"
SECTION_STYLE = "padding-top:24px; padding-bottom:24px"


def ascii_html(text: str) -> str:
    """Return ``text`` with each non-ASCII character replaced by its HTML entity."""
    parts = []
    for character in text:
        code = ord(character)
        if code < 128:
            parts.append(character)
        elif code in codepoint2name:
            parts.append(f"&{codepoint2name[code]};")
        else:
            parts.append(f"&#{code};")
    return "".join(parts)


def escape(text: str) -> str:
    """Return ``text`` as HTML element content."""
    return ascii_html(html.escape(text, quote=False))


def escape_attribute(text: str) -> str:
    """Return ``text`` as a double-quoted HTML attribute value."""
    return ascii_html(html.escape(text, quote=True))


def html_source_digest(loaded: LoadedListing, sizes: dict[str, tuple[int, int]]) -> str:
    """Return the digest of everything index.html is made from."""
    support = loaded.support.model_dump(mode="json") if loaded.support else None
    data = {
        "listing": model_digest_data(loaded.listing),
        "series": loaded.series,
        "support": support,
        "images": {name: list(size) for name, size in sorted(sizes.items())},
    }
    return digest(data)


def render_index_html(loaded: LoadedListing, sizes: dict[str, tuple[int, int]]) -> str:
    """Return the generated index.html.

    Args:
        loaded: the validated listing.
        sizes: exported size of each screenshot, by shot id; shots without a size are left out.
    """
    marker = html_marker(html_source_digest(loaded, sizes), loaded.file)
    blocks = [
        _hero(loaded, marker),
        _features(loaded),
        _screenshots(loaded, sizes),
        _support(loaded),
    ]
    return "\n".join(block for block in blocks if block) + "\n"


def _hero(loaded: LoadedListing, marker: str) -> str:
    listing = loaded.listing
    color = listing.brand_color
    badges = "\n".join(
        f'        <span class="badge" style="background-color:#ffffff; color:{color}; '
        f'font-size:14px; padding:6px 12px; margin:0 4px">Odoo {escape(series)}</span>'
        for series in loaded.series
    )
    return f"""<section class="container" style="{SECTION_STYLE}">
  {marker}
  <div class="row">
    <div class="col-lg-10 offset-lg-1 text-center" style="background-color:{color}; \
color:#ffffff; border-radius:12px; padding:40px 24px">
      <h2 style="color:#ffffff; font-weight:700; margin-bottom:16px">\
{escape(listing.headline)}</h2>
      <p class="lead" style="color:#ffffff; margin-bottom:20px">{escape(listing.summary)}</p>
      <p style="margin-bottom:0">
{badges}
      </p>
    </div>
  </div>
</section>"""


def _features(loaded: LoadedListing) -> str:
    listing = loaded.listing
    cards = []
    for feature in listing.features:
        icon = ""
        if feature.icon:
            icon = (
                f'<i class="fa fa-{feature.icon}" style="color:{listing.brand_color}; '
                'margin-right:8px"></i>'
            )
        cards.append(
            f"""    <div class="col-md-6 col-lg-4" style="margin-bottom:24px">
      <div class="h-100" style="border:{BORDER}; border-radius:8px; padding:20px">
        <h4 style="font-size:18px; font-weight:700; margin-bottom:8px">{icon}\
{escape(feature.title)}</h4>
        <p class="text-muted" style="margin-bottom:0">{escape(feature.text)}</p>
      </div>
    </div>"""
        )
    body = "\n".join(cards)
    return f"""<section class="container" style="{SECTION_STYLE}">
  <h3 class="text-center" style="margin-bottom:24px">Key features</h3>
  <div class="row">
{body}
  </div>
</section>"""


def _screenshots(loaded: LoadedListing, sizes: dict[str, tuple[int, int]]) -> str:
    rows = []
    for entry in loaded.listing.screenshots:
        if entry.shot not in sizes:
            continue
        width, height = sizes[entry.shot]
        caption = escape(entry.caption)
        alt = escape_attribute(entry.caption)
        rows.append(
            f"""  <div class="row" style="margin-bottom:32px">
    <div class="col-12 text-center">
      <h4 style="font-size:18px; margin-bottom:12px">{caption}</h4>
      <img src="{paths.exported_screenshot(entry.shot)}" alt="{alt}" width="{width}" \
height="{height}" class="img-fluid" style="border:{BORDER}; border-radius:8px"/>
    </div>
  </div>"""
        )
    if not rows:
        return ""
    body = "\n".join(rows)
    return f"""<section class="container" style="{SECTION_STYLE}">
  <h3 class="text-center" style="margin-bottom:24px">Screenshots</h3>
{body}
</section>"""


def _support(loaded: LoadedListing) -> str:
    support = loaded.support
    lines = []
    if support is not None:
        address = escape(support.email)
        text = f'E-mail <a href="mailto:{escape_attribute(support.email)}">{address}</a>'
        if support.hours:
            text += f", {escape(support.hours)}"
        lines.append(f"      <p>{text}.</p>")
    series = " and ".join(", ".join(loaded.series).rsplit(", ", 1))
    lines.append(f"      <p>Works with Odoo {escape(series)}.</p>")
    if loaded.listing.live_demo:
        lines.append(
            "      <p>Try it before you buy: the live preview button of this listing opens "
            "a demo database.</p>"
        )
    body = "\n".join(lines)
    return f"""<section class="container" style="{SECTION_STYLE}">
  <div class="row">
    <div class="col-lg-10 offset-lg-1" style="border:{BORDER}; border-radius:8px; padding:24px">
      <h3 style="margin-bottom:12px">Support</h3>
{body}
    </div>
  </div>
</section>"""
