"""Turn UI labels that readme text emphasises into label references.

OCA readmes write a menu path or a field label in emphasis: ``*Invoicing > Configuration >
Currency Rates Providers*``. When such a label is exactly one of the addon's own, it becomes a
reference (``[[menu:...]]``), so the site shows the label in each language from the addon's
catalogs and the build catches a later rename.
"""

from __future__ import annotations

import re

from onboardkit.content.references import MENU_SEPARATOR, LabelError, resolve_label
from onboardkit.odoo.addon import Addon
from onboardkit.scaffold.settings import settings_fields

_EMPHASIS = re.compile(r"(?<![*\w\\])\*(?!\*)([^*\n]+?)(?<![\s\\])\*(?![*\w])")
_SEPARATOR = re.compile(r"\s*(?:\\?>|/|›|→)\s*")


class LabelIndex:
    """English labels of the addon that map to exactly one reference."""

    def __init__(self, addon: Addon):
        self.addon = addon
        self.menus: dict[str, str] = {}
        self.others: dict[str, str] = {}
        self._build()

    def _build(self) -> None:
        menus: dict[str, list[str]] = {}
        for xmlid in self.addon.records.menus:
            self._collect(menus, f"menu:{xmlid}")
        # A settings field shares its label with the field it is related to; readmes that
        # name the label mean the settings screen.
        settings: dict[str, list[str]] = {}
        for setting in settings_fields(self.addon):
            self._collect(settings, setting.reference.strip("[]"))
        others: dict[str, list[str]] = {}
        for xmlid in self.addon.records.actions:
            self._collect(others, f"action:{xmlid}")
        for model in self.addon.models.values():
            for name, info in model.fields.items():
                if info.string:
                    self._collect(others, f"field:{model.name}/{name}")
        others.update(settings)
        self.menus = {label: refs[0] for label, refs in menus.items() if len(refs) == 1}
        self.others = {label: refs[0] for label, refs in others.items() if len(refs) == 1}

    def _collect(self, table: dict[str, list[str]], reference: str) -> None:
        try:
            label = self.addon.label(reference).text
        except LabelError:
            return
        table.setdefault(label, [])
        if reference not in table[label]:
            table[label].append(reference)

    def path_reference(self, segments: list[str]) -> tuple[int, str] | None:
        """Match the end of a menu path; return how many segments the reference covers."""
        reference = self.menus.get(segments[-1])
        if reference is None:
            return None
        menu_path = resolve_label(self.addon, reference, None).text.split(MENU_SEPARATOR)
        covered = 1
        while (
            covered < len(segments)
            and covered < len(menu_path)
            and segments[-covered - 1] == menu_path[-covered - 1]
        ):
            covered += 1
        # The reference prints the addon's part of the path; text above it stays as written.
        return (covered, reference) if covered == len(menu_path) else None


def link_labels(text: str, index: LabelIndex) -> str:
    """Replace emphasised labels of the addon in ``text`` by references."""
    return _EMPHASIS.sub(lambda match: _replace(match, index), text)


def _replace(match: re.Match[str], index: LabelIndex) -> str:
    content = match.group(1).strip()
    reference = index.menus.get(content) or index.others.get(content)
    if reference:
        return f"[[{reference}]]"
    segments = [segment for segment in _SEPARATOR.split(content) if segment]
    found = index.path_reference(segments) if len(segments) > 1 else None
    if found is None:
        return match.group(0)
    covered, reference = found
    rest = segments[:-covered]
    prefix = f"*{MENU_SEPARATOR.join(rest)}*{MENU_SEPARATOR}" if rest else ""
    return f"{prefix}[[{reference}]]"
