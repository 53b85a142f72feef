"""Checks of index.html against Odoo's sanitizer and the store's rules, with line numbers."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from onboardkit.errors import Problem
from onboardkit.listing.rules import FORM_TAGS, KILLED_TAGS, StoreRules, image_type
from onboardkit.listing.sanitize import has_scheme, stripped_declaration, style_declarations

XML_DECLARATION = re.compile(r"^\s*<\?xml\b[^>]*\?>", re.IGNORECASE)
DOCUMENT_TAGS = ("html", "body")
TAG_FIXES = {
    "script": "Delete it: the store runs no JavaScript in a description.",
    "style": "Delete it and use Bootstrap classes or inline style attributes instead.",
    "link": "Delete it: the store already loads Bootstrap, so use its classes.",
    "meta": "Delete it: index.html is a fragment, not a page.",
    "title": "Delete it: the store shows the manifest's name as the title.",
    "head": "Delete it: index.html is a fragment starting with <section>.",
    "base": "Delete it: image paths are relative to static/description/.",
    "noscript": "Delete it: the store runs no JavaScript, so move its content out.",
}
EMBED_FIX = "Replace it with a screenshot of what it would show."


class _Checker:
    def __init__(self, file: str, description_dir: Path, rules: StoreRules):
        self.file = file
        self.description_dir = description_dir
        self.rules = rules
        self.problems: list[Problem] = []

    def error(self, line: int | None, message: str, fix: str) -> None:
        self.problems.append(Problem(self.file, message, line=line, fix=fix))

    def warning(self, line: int | None, message: str, fix: str) -> None:
        self.problems.append(Problem(self.file, message, line=line, fix=fix, severity="warning"))


def check_index_html(
    text: str, file: str, description_dir: Path, rules: StoreRules
) -> list[Problem]:
    """Return every problem of an index.html: what Odoo removes and what the store rejects.

    Args:
        text: content of the file.
        file: its name in messages.
        description_dir: the folder holding it, where its images must be.
        rules: the store rules in force.
    """
    import lxml.html
    from lxml import etree

    checker = _Checker(file, description_dir, rules)
    match = XML_DECLARATION.match(text)
    if match:
        checker.error(
            text[: match.start()].count("\n") + 1,
            "the file starts with an XML declaration, which Odoo has deprecated since 17.0.",
            "Delete the <?xml ...?> declaration and save the file as UTF-8.",
        )
        # Keep line numbers: blank the declaration instead of removing its lines.
        text = re.sub(r"[^\n]", " ", text[: match.end()]) + text[match.end() :]
    if not text.strip():
        checker.error(1, "the file is empty.", "Write the description, starting with <section>.")
        return checker.problems
    try:
        document = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as error:
        checker.error(1, f"the file is not HTML ({error}).", "Fix the markup.")
        return checker.problems
    _check_start(checker, text, document)
    for element in document.iter():
        if isinstance(element.tag, str):
            _check_element(checker, element)
    _check_characters(checker, text)
    checker.problems.sort(key=lambda problem: problem.line or 0)
    return checker.problems


def _check_start(checker: _Checker, text: str, document: Any) -> None:
    if re.search(r"<!doctype\b|<html\b|<body\b", text, re.IGNORECASE):
        line = _line_of(text, re.compile(r"<!doctype\b|<html\b|<body\b", re.IGNORECASE))
        checker.warning(
            line,
            "the file is a whole HTML document; the store expects a fragment.",
            "Keep only the content of <body>, starting with <section>.",
        )
    body = document.body
    first = next((child for child in body if isinstance(child.tag, str)), None)
    if first is not None and first.tag != "section":
        checker.warning(
            first.sourceline,
            f"the content starts with <{first.tag}>; the store expects <section> elements.",
            "Wrap the content in <section> elements.",
        )


def _check_element(checker: _Checker, element: Any) -> None:
    tag = element.tag
    line = element.sourceline
    if tag in KILLED_TAGS:
        checker.error(
            line,
            f"<{tag}> is removed, with its content, by Odoo's sanitizer.",
            TAG_FIXES.get(tag, EMBED_FIX),
        )
    elif tag in FORM_TAGS:
        checker.error(
            line,
            f"<{tag}> is removed by Odoo's sanitizer: descriptions cannot hold forms.",
            "Delete it; describe the form with a screenshot instead.",
        )
    for name, value in element.attrib.items():
        _check_attribute(checker, element, name.lower(), value, line)
    if tag == "a" and element.get("href") is not None:
        _check_link(checker, element.get("href"), line)
    if tag == "img":
        _check_image(checker, element.get("src"), line)


def _check_attribute(checker: _Checker, element: Any, name: str, value: str, line: int) -> None:
    if name.startswith("on"):
        checker.error(
            line,
            f"the '{name}' attribute of <{element.tag}> is removed by Odoo's sanitizer.",
            "Delete it: the store runs no JavaScript.",
        )
    elif value.strip().lower().startswith("javascript:"):
        checker.error(
            line,
            f"the '{name}' attribute of <{element.tag}> is a javascript: URL, which Odoo's "
            "sanitizer removes.",
            "Delete it: the store runs no JavaScript.",
        )
    elif name == "style":
        for property_name, property_value in style_declarations(value):
            if stripped_declaration(
                property_name,
                property_value,
                checker.rules.stripped_style_properties,
                checker.rules.stripped_style_values,
            ):
                checker.warning(
                    line,
                    f"the inline style '{property_name}: {property_value}' is stripped by the "
                    "store.",
                    "Use Bootstrap classes for layout (row, col-*, text-center) and a plain "
                    "color instead of gradients and transforms.",
                )


def _check_link(checker: _Checker, href: str, line: int) -> None:
    target = href.strip()
    if target.lower().startswith(("mailto:", "javascript:")) or target.startswith("#"):
        return
    if has_scheme(target):
        checker.error(
            line,
            f"external link to '{target}': the store shows it as plain text.",
            "Remove the link, or use a mailto: address; put web addresses in the manifest's "
            "'website' or 'live_test_url'.",
        )
    else:
        checker.warning(
            line,
            f"link to '{target}', which points nowhere on the store.",
            "Remove the link.",
        )


def _check_image(checker: _Checker, source: str | None, line: int) -> None:
    if not source or not source.strip():
        checker.error(line, "<img> without a 'src'.", "Add the image's path or delete it.")
        return
    source = source.strip()
    if has_scheme(source):
        checker.error(
            line,
            f"image '{source[:80]}' is not a file of the module; the store shows only local "
            "images.",
            "Save the image in static/description/ and use its relative path.",
        )
        return
    kind = image_type(source.split("?", 1)[0])
    if kind not in checker.rules.image_types:
        allowed = ", ".join(checker.rules.image_types)
        checker.error(
            line,
            f"image '{source}' is of type '{kind}'; the store shows only: {allowed}.",
            "Convert it to PNG, or change store_rules.image_types in the listing file.",
        )
    local = source.lstrip("/")
    if "static/description/" in local:
        local = local.split("static/description/", 1)[1]
    if not (checker.description_dir / local).is_file():
        checker.error(
            line,
            f"image '{source}' not found in static/description/.",
            "Add the file, or fix the path (relative to static/description/).",
        )


def _check_characters(checker: _Checker, text: str) -> None:
    # NOTE: the store also wants the text in English; its language is not checked.
    if not checker.rules.ascii_only:
        return
    for number, line_text in enumerate(text.split("\n"), start=1):
        outside = sorted({character for character in line_text if ord(character) > 127})
        if outside:
            listed = ", ".join(f"'{character}' (U+{ord(character):04X})" for character in outside)
            checker.warning(
                number,
                f"non-ASCII characters {listed}; the store may show them garbled.",
                "Write each as an HTML entity, such as &eacute; or &#8250;.",
            )


def _line_of(text: str, pattern: re.Pattern[str]) -> int:
    match = pattern.search(text)
    return text[: match.start()].count("\n") + 1 if match else 1
