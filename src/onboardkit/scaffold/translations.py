"""Catalogs of a scaffolded project, pre-filled from the addon's own translations."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from onboardkit.config import LanguageEntry, Project
from onboardkit.content import catalogs
from onboardkit.content.loader import GuideSet
from onboardkit.fileio import write_bytes_atomic
from onboardkit.odoo.addon import Addon

REUSED_COMMENT = "Taken from the addon's own catalog."


@dataclass
class CatalogResult:
    """A catalog written for one language, and how many of its texts it translates."""

    path: Path
    language: str
    prefilled: int
    total: int


def write_catalogs(project: Project, guides: GuideSet, addon: Addon) -> list[CatalogResult]:
    """Write the template and each language's catalog.

    An entry is translated when the addon's catalog for that language translates the same
    English text. For Arabic that catalog is ``ar.po`` overlaid with ``ar_001.po``, as Odoo
    loads them. Every other entry stays empty, so the page shows it in English, marked.
    """
    catalogs.extract(project, guides)
    template = catalogs.build_template(project, guides)
    return [
        _write_language(project, template, addon, language)
        for language in project.config.languages[1:]
    ]


def _write_language(
    project: Project, template: Catalog, addon: Addon, language: LanguageEntry
) -> CatalogResult:
    known = addon.translations(language.odoo)
    catalog = Catalog(
        locale=language.code,
        project=project.config.project.name,
        version=project.config.addon.series,
        msgid_bugs_address=project.config.vendor.email,
        copyright_holder=project.config.vendor.name,
        charset="utf-8",
        fuzzy=False,
    )
    prefilled = total = 0
    for message in template:
        if not message.id:
            continue
        total += 1
        string = known.translate(str(message.id)) or ""
        prefilled += bool(string)
        catalog.add(
            message.id,
            string,
            locations=message.locations,
            auto_comments=message.auto_comments,
            user_comments=[REUSED_COMMENT] if string else [],
            context=message.context,
        )
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, sort_output=False)
    path = catalogs.catalog_path(project, language.code)
    write_bytes_atomic(path, buffer.getvalue())
    return CatalogResult(path, language.code, prefilled, total)
