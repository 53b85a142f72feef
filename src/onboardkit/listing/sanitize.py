"""The description that Odoo and the Apps Store show for an index.html: sanitizer, then rules.

Odoo 17 and 18 read ``static/description/index.html`` as a whole document, point relative
image sources at ``/<module>/static/description/``, and pass the result through
``odoo.tools.mail.html_sanitize`` with its default arguments. That function runs lxml's
cleaner (now the lxml_html_clean package) with the settings in ``ODOO_CLEANER_SETTINGS``,
which mirror Odoo's own (read from odoo/tools/mail.py of the 18.0 branch).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from onboardkit.listing.rules import (
    KILLED_TAGS,
    STRIPPED_STYLE_PROPERTIES,
    STRIPPED_STYLE_VALUES,
    StoreRules,
)

# Odoo adds the HTML5 sectioning elements (and comments) to lxml's list of known tags.
ODOO_EXTRA_TAGS = ("article", "bdi", "section", "header", "footer", "hgroup", "nav", "aside")
ODOO_EXTRA_TAGS += ("figure", "main")
ODOO_CLEANER_SETTINGS: dict[str, Any] = {
    "page_structure": True,
    "style": False,
    "forms": True,
    "remove_unknown_tags": False,
    "comments": False,
    "processing_instructions": False,
    "kill_tags": list(KILLED_TAGS),
    "remove_tags": ["html", "body"],
    "safe_attrs_only": False,
}
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def odoo_cleaner() -> Any:
    """Return an lxml_html_clean Cleaner configured as Odoo's ``html_sanitize`` configures it."""
    from lxml import etree
    from lxml.html import defs
    from lxml_html_clean import Cleaner

    allow_tags = defs.tags | frozenset(ODOO_EXTRA_TAGS) | frozenset([etree.Comment])
    return Cleaner(allow_tags=allow_tags, **ODOO_CLEANER_SETTINGS)


def rewrite_image_sources(text: str, module: str) -> str:
    """Return the document as Odoo stores it before sanitising: relative images made absolute.

    Odoo rewrites every ``src`` that contains neither '//' nor 'static/'.
    """
    import lxml.html

    document = lxml.html.document_fromstring(text)
    for element, _attribute, _link, _position in document.iterlinks():
        source = element.get("src")
        if source and "//" not in source and "static/" not in source:
            element.set("src", f"/{module}/static/description/{source}")
    return lxml.html.tostring(document, encoding="unicode")


def odoo_sanitize(text: str) -> str:
    """Return ``text`` cleaned the way Odoo's ``html_sanitize`` cleans it by default.

    NOTE: Odoo also tags e-mail quotes with data attributes before cleaning; that step changes
    no content and is left out.
    """
    import lxml.html
    from lxml import etree

    text = text.replace("--!>", "-->")
    try:
        document = lxml.html.fromstring(text)
    except etree.ParserError:
        return ""
    odoo_cleaner()(document)
    result = lxml.html.tostring(document, encoding="unicode")
    if result.startswith("<div>") and result.endswith("</div>"):
        result = result[len("<div>") : -len("</div>")]
    return result.replace("\xa0", "&nbsp;")


def odoo_description(text: str, module: str) -> str:
    """Return the description HTML that Odoo shows for a module with this index.html."""
    return odoo_sanitize(rewrite_image_sources(text, module))


def store_view(sanitized: str, rules: StoreRules | None = None) -> str:
    """Apply the store's observed rules to sanitized HTML, as a listing page shows it.

    Links other than ``mailto:`` become plain text, and inline flexbox, transform and gradient
    declarations are dropped.
    """
    import lxml.html

    rules = rules or StoreRules()
    fragments = lxml.html.fragments_fromstring(sanitized)
    wrapper = lxml.html.Element("div")
    for fragment in fragments:
        if isinstance(fragment, str):
            wrapper.text = (wrapper.text or "") + fragment
        else:
            wrapper.append(fragment)
    for link in list(wrapper.iter("a")):
        href = (link.get("href") or "").strip()
        if not href.lower().startswith("mailto:"):
            link.tag = "span"
            link.attrib.pop("href", None)
            link.attrib.pop("target", None)
    for element in wrapper.iter():
        style = element.get("style") if isinstance(element.tag, str) else None
        if style is not None:
            remaining = keep_store_styles(style, rules)
            if remaining:
                element.set("style", remaining)
            else:
                del element.attrib["style"]
    inner = (wrapper.text or "") + "".join(
        lxml.html.tostring(child, encoding="unicode") for child in wrapper
    )
    return inner


def style_declarations(style: str) -> list[tuple[str, str]]:
    """Split an inline style into (property, value) pairs, property in lowercase."""
    pairs = []
    for declaration in style.split(";"):
        name, separator, value = declaration.partition(":")
        if separator and name.strip():
            pairs.append((name.strip().lower(), value.strip()))
    return pairs


def stripped_declaration(
    name: str,
    value: str,
    properties: tuple[str, ...] | list[str] = STRIPPED_STYLE_PROPERTIES,
    values: tuple[str, ...] | list[str] = STRIPPED_STYLE_VALUES,
) -> bool:
    """Return whether the store strips the inline declaration ``name: value``."""
    return name in properties or any(part in value.lower() for part in values)


def keep_store_styles(style: str, rules: StoreRules) -> str:
    """Return the declarations of an inline style that the store keeps."""
    properties = rules.stripped_style_properties
    values = rules.stripped_style_values
    return "; ".join(
        f"{name}:{value}"
        for name, value in style_declarations(style)
        if not stripped_declaration(name, value, properties, values)
    )


@dataclass
class ContentSummary:
    """The content of an HTML fragment that must survive sanitising."""

    text: str
    images: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)


def summarize(fragment: str, module: str | None = None) -> ContentSummary:
    """Return the text, image sources, element tags and headings of ``fragment``.

    With ``module``, relative image sources are written as Odoo rewrites them.
    """
    import lxml.html

    document = lxml.html.document_fromstring(fragment)
    body = document.body
    images = []
    for image in body.iter("img"):
        source = image.get("src", "")
        if module and "//" not in source and "static/" not in source:
            source = f"/{module}/static/description/{source}"
        images.append(source)
    tags = [element.tag for element in body.iter() if isinstance(element.tag, str)][1:]
    headings = [
        " ".join(element.text_content().split())
        for element in body.iter("h1", "h2", "h3", "h4", "h5", "h6")
    ]
    return ContentSummary(" ".join(body.text_content().split()), images, tags, headings)


def lost_content(original: str, sanitized: str, module: str) -> list[str]:
    """Return what sanitising lost from ``original``: text, images, elements or headings."""
    before = summarize(original, module)
    after = summarize(sanitized)
    losses = []
    if before.text != after.text:
        losses.append("text")
    if before.images != after.images:
        losses.append("images")
    if before.tags != after.tags:
        losses.append("elements")
    if before.headings != after.headings:
        losses.append("headings")
    return losses


def has_scheme(url: str) -> bool:
    """Return whether ``url`` names a scheme (https:, mailto:, data:) or starts with '//'."""
    url = url.strip()
    return url.startswith("//") or bool(SCHEME.match(url))
