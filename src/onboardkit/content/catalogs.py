"""Gettext catalogs of the guides: extract a template, update each language, load, measure.

English is the source. Each other language has ``<translations_dir>/<code>.po``, edited by
translators with the usual tools (Poedit, Weblate, Lokalize). Entries are keyed by context
(``<slug>:<field path>``) and English text, so an edited English text no longer matches its old
translation: the page falls back to English for it until a translator confirms the new one.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from onboardkit.config import Project
from onboardkit.content.loader import GuideSet
from onboardkit.content.references import references_in
from onboardkit.errors import ProblemList
from onboardkit.fileio import write_bytes_atomic
from onboardkit.odoo.catalog import load_po

log = logging.getLogger(__name__)

TEMPLATE_NAME = "guides.pot"
_VOLATILE_HEADER = re.compile(rb'^"(POT-Creation-Date|PO-Revision-Date): .*\\n"\n', re.M)


@dataclass
class GuideTranslations:
    """Usable translations of one language, keyed by (context, English text)."""

    language: str
    messages: dict[tuple[str, str], str] = field(default_factory=dict)

    def get(self, context: str, source: str) -> str | None:
        return self.messages.get((context, source))


def catalog_path(project: Project, language: str) -> Path:
    return project.path(project.config.project.translations_dir) / f"{language}.po"


def template_path(project: Project) -> Path:
    return project.path(project.config.project.translations_dir) / TEMPLATE_NAME


def build_template(project: Project, guides: GuideSet) -> Catalog:
    catalog = Catalog(
        project=project.config.project.name,
        version=str(project.config.addon.series),
        msgid_bugs_address=project.config.vendor.email,
        copyright_holder=project.config.vendor.name,
        charset="utf-8",
        fuzzy=False,
    )
    for item in guides.guides:
        for unit in item.units:
            catalog.add(
                unit.source,
                locations=[(item.file, item.line(unit.path) or 0)],
                context=unit.context,
                auto_comments=_comments(unit.source),
            )
    from onboardkit.content.service_pages import service_units  # imports this module

    config_name = project.config_path.name
    for unit in service_units(project):
        catalog.add(
            unit.source,
            locations=[(config_name, project.lines.line_of(unit.path) or 0)],
            context=unit.context,
        )
    return catalog


def _comments(source: str) -> list[str]:
    references = references_in(source)
    if not references:
        return []
    return ["Keep [[...]] references as they are: the build inserts the Odoo label."]


def _write_catalog(catalog: Catalog, path: Path) -> bool:
    """Write ``catalog`` unless only its date headers would change; return True if written."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, sort_output=False, include_previous=True)
    data = buffer.getvalue()
    if path.is_file() and _VOLATILE_HEADER.sub(b"", path.read_bytes()) == _VOLATILE_HEADER.sub(
        b"", data
    ):
        return False
    write_bytes_atomic(path, data)
    return True


def extract(project: Project, guides: GuideSet) -> Path:
    """Write the template of every translatable guide text; return its path."""
    path = template_path(project)
    if _write_catalog(build_template(project, guides), path):
        log.info("Wrote %s", path.relative_to(project.root))
    return path


def update(project: Project, guides: GuideSet) -> list[Path]:
    """Merge the current template into each language's catalog, keeping its translations.

    A text whose English changed keeps its old translation as a fuzzy suggestion (same
    context, previous English shown with ``#|``); fuzzy entries are not used on pages. Texts
    that no longer exist become obsolete entries at the end of the file.
    """
    template = build_template(project, guides)
    written = []
    for language in project.config.languages[1:]:
        path = catalog_path(project, language.code)
        old = load_po(path) if path.is_file() else None
        merged = _merge(template, old, language.code, project)
        if _write_catalog(merged, path):
            log.info("Updated %s", path.relative_to(project.root))
        written.append(path)
    return written


def _merge(template: Catalog, old: Catalog | None, language: str, project: Project) -> Catalog:
    merged = Catalog(
        locale=language.replace("-", "_"),
        project=project.config.project.name,
        version=str(project.config.addon.series),
        msgid_bugs_address=project.config.vendor.email,
        copyright_holder=project.config.vendor.name,
        charset="utf-8",
        fuzzy=False,
    )
    if old is not None:
        merged.last_translator = old.last_translator
        merged.language_team = old.language_team
    by_context = {}
    if old is not None:
        for message in old:
            if message.id and message.context:
                by_context.setdefault(message.context, message)
    used: set[tuple[str, str]] = set()
    for message in template:
        if not message.id:
            continue
        previous = by_context.get(message.context)
        string = ""
        flags: set[str] = set()
        previous_id: list[str] = []
        if previous is not None and previous.string:
            used.add((previous.context, previous.id))
            string = previous.string
            if previous.id != message.id:
                flags.add("fuzzy")
                previous_id = [previous.id]
            elif previous.fuzzy:
                # NOTE: Babel's reader drops "#| msgid" lines, so the previous English text of
                # an entry that is still fuzzy is lost on the next update; the flag stays.
                flags.add("fuzzy")
                previous_id = list(previous.previous_id)
        merged.add(
            message.id,
            string,
            locations=message.locations,
            flags=flags,
            auto_comments=message.auto_comments,
            user_comments=previous.user_comments if previous is not None else [],
            previous_id=previous_id,
            context=message.context,
        )
    if old is not None:
        for message in old:
            key = (message.context, message.id)
            if message.id and message.string and key not in used and message.context:
                if merged.get(message.id, message.context) is None:
                    merged.obsolete[message.id] = message
    return merged


def load_translations(project: Project, language: str, problems: ProblemList) -> GuideTranslations:
    """Load a language's catalog; entries whose references differ from the source are skipped."""
    result = GuideTranslations(language)
    path = catalog_path(project, language)
    if not path.is_file():
        return result
    display = path.relative_to(project.root).as_posix()
    catalog = load_po(path, display)
    for message in catalog:
        if not message.id or not isinstance(message.string, str) or not message.string.strip():
            continue
        if message.fuzzy or not message.context:
            continue
        source = str(message.id)
        if sorted(references_in(source)) != sorted(references_in(message.string)):
            problems.warning(
                display,
                "the translation does not keep the same [[...]] label references as the "
                "English text, so English is shown instead.",
                line=message.lineno,
                field=message.context,
                fix="Copy each [[...]] reference unchanged into the translation.",
            )
            continue
        result.messages[(message.context, source)] = message.string
    return result


@dataclass
class Coverage:
    """How much of a page is translated into one language."""

    page: str
    language: str
    translated: int
    total: int

    @property
    def percent(self) -> float:
        return 100.0 if self.total == 0 else 100.0 * self.translated / self.total


def guide_coverage(guides: GuideSet, translations: GuideTranslations) -> list[Coverage]:
    report = []
    for item in guides.guides:
        units = item.units
        done = sum(1 for unit in units if translations.get(unit.context, unit.source))
        report.append(Coverage(item.slug, translations.language, done, len(units)))
    return report
