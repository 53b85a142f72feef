"""Turn a guide's generated Markdown into the HTML of one section of a print document.

The Markdown is the same text the site uses, converted with Python-Markdown and the
extensions that generated pages need. The HTML is then adapted to paper: element ids get the
guide's slug as a prefix so that several guides fit in one document, links to other guides
point inside the document (or become plain text when the guide is not in it), and content
tabs are laid out one after the other under their titles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import html as lxml_html

MARKDOWN_EXTENSIONS = [
    "admonition",
    "attr_list",
    "md_in_html",
    "tables",
    "toc",
    "pymdownx.superfences",
    "pymdownx.tabbed",
]
EXTENSION_CONFIGS = {"pymdownx.tabbed": {"alternate_style": True}}
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_SAFE_ID = re.compile(r"^[A-Za-z0-9_-]+$")
# The toc extension's id for a heading whose slug is empty, such as an Arabic one: "_1".
_EMPTY_SLUG_ID = re.compile(r"^_\d*$")
_GUIDE_LINK = re.compile(r"^(?:\./)?([a-z0-9]+(?:-[a-z0-9]+)*)\.md(?:#([A-Za-z0-9_-]+))?$")
_EXTERNAL = ("http://", "https://", "mailto:")


@dataclass(frozen=True)
class Heading:
    """A heading of a guide section: level (1 for the guide title), element id and text."""

    level: int
    id: str
    text: str


@dataclass(frozen=True)
class GuideSection:
    """A guide as a section of a print document."""

    slug: str
    title: str
    html: str
    headings: tuple[Heading, ...]


def guide_anchor(slug: str) -> str:
    """Return the element id of a guide's title in every print document."""
    return f"g-{slug}"


def markdown_to_html(markdown_text: str) -> str:
    """Convert a generated page (front matter removed) to HTML with the site's extensions."""
    import markdown

    body = _FRONT_MATTER.sub("", markdown_text, count=1)
    converter = markdown.Markdown(
        extensions=MARKDOWN_EXTENSIONS, extension_configs=EXTENSION_CONFIGS
    )
    return converter.convert(body)


def guide_section(slug: str, body_html: str, linked_guides: set[str]) -> GuideSection:
    """Adapt the HTML of guide ``slug`` for print.

    Args:
        slug: the guide's slug, used as the prefix of its element ids.
        body_html: the output of ``markdown_to_html`` for the guide.
        linked_guides: slugs of the guides in the same document; links to other guides become
            plain text.
    """
    root = lxml_html.fragment_fromstring(body_html, create_parent="div")
    ids = _prefix_ids(root, slug)
    _rewrite_links(root, ids, linked_guides)
    _unfold_tabs(root)
    for line_break in root.xpath("//figure/br"):
        line_break.drop_tag()
    headings = tuple(
        Heading(int(element.tag[1]), element.get("id"), _text_of(element))
        for element in root.iter("h1", "h2", "h3")
    )
    title = headings[0].text if headings and headings[0].level == 1 else slug
    inner = "".join(lxml_html.tostring(child, encoding="unicode") for child in root)
    return GuideSection(slug, title, (root.text or "") + inner, headings)


def _prefix_ids(root: lxml_html.HtmlElement, slug: str) -> dict[str, str]:
    """Give every id the guide's prefix (and every h1-h3 an id); return old id to new id."""
    mapping: dict[str, str] = {}
    used: set[str] = set()
    count = 0
    first_title = True
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        old = element.get("id")
        is_heading = element.tag in ("h1", "h2", "h3")
        if old is None and not is_heading:
            continue
        if element.tag == "h1" and first_title:
            new = guide_anchor(slug)
            first_title = False
        elif old and _SAFE_ID.match(old) and not _EMPTY_SLUG_ID.match(old):
            new = f"{slug}--{old}"
        else:
            count += 1
            new = f"{slug}--h{count}"
        while new in used:
            count += 1
            new = f"{slug}--h{count}"
        used.add(new)
        if old:
            mapping.setdefault(old, new)
        element.set("id", new)
    return mapping


def _rewrite_links(
    root: lxml_html.HtmlElement, ids: dict[str, str], linked_guides: set[str]
) -> None:
    for link in list(root.iter("a")):
        href = link.get("href") or ""
        if href.startswith(_EXTERNAL):
            continue
        if href.startswith("#") and href[1:] in ids:
            link.set("href", "#" + ids[href[1:]])
            continue
        match = _GUIDE_LINK.match(href)
        if match and match.group(1) in linked_guides:
            target = match.group(1)
            fragment = match.group(2)
            link.set("href", f"#{target}--{fragment}" if fragment else f"#{guide_anchor(target)}")
            continue
        # A page of the site that is not part of this document: keep the words only.
        link.tag = "span"
        for attribute in list(link.attrib):
            del link.attrib[attribute]
        link.set("class", "ok-unlinked")


def _unfold_tabs(root: lxml_html.HtmlElement) -> None:
    """Show every tab of a content-tabs set, each under its title (paper has no tabs)."""
    for tab_set in root.find_class("tabbed-set"):
        labels = [_text_of(label) for label in tab_set.xpath("./div[@class='tabbed-labels']/label")]
        blocks = tab_set.xpath("./div[@class='tabbed-content']/div[@class='tabbed-block']")
        for label, block in zip(labels, blocks, strict=False):
            title = lxml_html.Element("p")
            title.set("class", "ok-tab-title")
            title.text = label
            block.insert(0, title)
        for child in tab_set.xpath("./input | ./div[@class='tabbed-labels']"):
            tab_set.remove(child)


def _text_of(element: lxml_html.HtmlElement) -> str:
    return " ".join(element.text_content().split())
