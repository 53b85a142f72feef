"""``scaffold_project``: write a docs project for an existing Odoo addon.

Every input is checked first (manifest, readme fragments, catalogs, data files, the output
folder); nothing is written unless all of it is usable.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from onboardkit.config import CONFIG_NAME, SERIES_PATTERN, load_project
from onboardkit.content.loader import load_guides
from onboardkit.errors import ProblemList, ValidationFailed
from onboardkit.fileio import write_text_atomic
from onboardkit.odoo.addon import Addon
from onboardkit.odoo.catalog import load_po, po_files_for
from onboardkit.odoo.manifest import read_manifest
from onboardkit.scaffold.fragments import Fragments, ImageCopier, read_fragments
from onboardkit.scaffold.guides import AddonFacts, GuideDraft, build_guides
from onboardkit.scaffold.home import arabic_home_page, home_page
from onboardkit.scaffold.labels import LabelIndex
from onboardkit.scaffold.project_files import (
    GITIGNORE,
    ProjectValues,
    about_pages,
    guide_yaml,
    mkdocs_yml,
    onboardkit_yml,
)
from onboardkit.scaffold.screens import addon_screens
from onboardkit.scaffold.settings import settings_fields
from onboardkit.scaffold.translations import CatalogResult, write_catalogs

log = logging.getLogger(__name__)

ODOO_ARABIC = "ar_001"


@dataclass(frozen=True)
class ScaffoldOptions:
    """Options of ``onboardkit init``."""

    series: str | None = None
    force: bool = False


@dataclass
class ScaffoldedGuide:
    """A guide written by the scaffold: its page name, kind and what it was made from."""

    slug: str
    kind: str
    source: str
    steps: int


@dataclass
class ScaffoldReport:
    """Files, guides, catalogs and notes of one ``scaffold_project`` run."""

    output_dir: Path
    series: str
    written: list[Path] = field(default_factory=list)
    guides: list[ScaffoldedGuide] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)
    catalogs: list[CatalogResult] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def default_output(addon_dir: Path) -> Path:
    """Return ``<addon>-docs`` beside the addon folder."""
    return addon_dir.parent / f"{addon_dir.name}-docs"


def scaffold_project(
    addon_dir: str | Path,
    output_dir: str | Path | None = None,
    options: ScaffoldOptions | None = None,
) -> ScaffoldReport:
    """Write a docs project for the addon in ``addon_dir`` that builds at once in both languages.

    Args:
        addon_dir: Folder of the addon (the one holding ``__manifest__.py``).
        output_dir: Folder to write; default ``<addon>-docs`` beside the addon.
        options: Series and overwrite options.

    Raises:
        ValidationFailed: with every problem found in the inputs; nothing is written then.
    """
    options = options or ScaffoldOptions()
    addon_path = Path(addon_dir)
    target = Path(output_dir) if output_dir else default_output(addon_path.resolve())
    addon, fragments, series = _validate(addon_path, target, options)
    target.mkdir(parents=True, exist_ok=True)
    report = ScaffoldReport(target, series)
    _write_project(addon, fragments, series, target, report)
    return report


def _validate(
    addon_dir: Path, target: Path, options: ScaffoldOptions
) -> tuple[Addon, Fragments, str]:
    problems = ProblemList()
    display = str(addon_dir)
    if not addon_dir.is_dir():
        problems.error(display, "the addon folder does not exist.", fix="Check the path.")
        problems.raise_if_errors()
    manifest = None
    try:
        manifest = read_manifest(addon_dir)
    except ValidationFailed as error:
        problems.extend(error.problems)
    fragments = read_fragments(addon_dir, display, problems)
    for path in po_files_for(addon_dir / "i18n", ODOO_ARABIC):
        try:
            load_po(path, f"{display}/i18n/{path.name}")
        except ValidationFailed as error:
            problems.extend(error.problems)
    _check_output(addon_dir, target, options.force, problems)
    series = ""
    if manifest is not None:
        series = _series(manifest.version, options.series, manifest.path, problems)
    problems.raise_if_errors()
    addon = Addon(addon_dir)
    problems.extend(addon.records.problems)
    problems.raise_if_errors()
    return addon, fragments, series


def _series(version: str, requested: str | None, manifest: Path, problems: ProblemList) -> str:
    if requested is not None:
        if not SERIES_PATTERN.match(requested):
            problems.error(
                "--series",
                f"'{requested}' is not an Odoo series.",
                fix="Write it like 17.0 or 18.0.",
            )
        return requested
    parts = version.split(".")
    series = ".".join(parts[:2])
    if len(parts) < 5 or not SERIES_PATTERN.match(series):
        problems.error(
            str(manifest),
            f"the version '{version}' does not start with an Odoo series such as 17.0.",
            field="version",
            fix="Pass the series with --series, such as --series 17.0.",
        )
    return series


def _check_output(addon_dir: Path, target: Path, force: bool, problems: ProblemList) -> None:
    resolved = target.resolve()
    addon = addon_dir.resolve()
    if resolved == addon or addon in resolved.parents:
        problems.error(
            str(target),
            "the output folder is inside the addon, so the docs would ship with the module.",
            fix="Choose a folder beside the addon with --output.",
        )
    elif target.exists() and not target.is_dir():
        problems.error(str(target), "the output path is a file.", fix="Choose a folder.")
    elif target.is_dir() and any(target.iterdir()) and not force:
        problems.error(
            str(target),
            "the output folder is not empty.",
            fix="Choose another folder with --output, or pass --force to write into it "
            "(files of the same name are replaced; no other file is deleted).",
        )


def _write_project(
    addon: Addon, fragments: Fragments, series: str, target: Path, report: ScaffoldReport
) -> None:
    images = ImageCopier(addon.path, target / "docs")
    facts = AddonFacts(
        addon,
        series,
        fragments,
        LabelIndex(addon),
        images,
        settings=settings_fields(addon),
        screens=addon_screens(addon),
    )
    drafts = build_guides(facts)
    about = about_pages(fragments, images)
    for relative, text in _project_files(facts, target, drafts, about).items():
        write_text_atomic(target / relative, text)
        report.written.append(target / relative)
    images.write(report.written)
    report.catalogs = _write_translations(target, addon, report)
    report.guides = [_summary(draft) for draft in drafts]
    report.pages = ["index.md"] + [name for name, _title, _text in about]
    report.notes = fragments.notes + images.notes
    for note in report.notes:
        log.warning("%s", note)


def _project_files(
    facts: AddonFacts, target: Path, drafts: list[GuideDraft], about: list[tuple[str, str, str]]
) -> dict[str, str]:
    """Return the text of each file to write, by its path relative to the project."""
    addon = facts.addon
    values = ProjectValues(
        addon.manifest.name, _relative(addon.path, target), facts.series, addon.manifest
    )
    guides = [(draft.slug, draft.data["title"]) for draft in drafts]
    files = {
        CONFIG_NAME: onboardkit_yml(values),
        "mkdocs.yml": mkdocs_yml(
            values.name, [slug for slug, _ in guides], [(name, title) for name, title, _ in about]
        ),
        ".gitignore": GITIGNORE,
        "docs/index.md": home_page(
            addon.manifest, facts.series, facts.fragments, facts.images, guides
        ),
    }
    files.update({f"docs/{name}": text for name, _title, text in about})
    files.update({f"onboarding/{draft.slug}.yml": guide_yaml(draft) for draft in drafts})
    arabic = arabic_home_page(addon, facts.fragments, drafts, facts.series, ODOO_ARABIC)
    if arabic is not None:
        files["docs/index.ar.md"] = arabic
    return files


def _write_translations(target: Path, addon: Addon, report: ScaffoldReport) -> list[CatalogResult]:
    project = load_project(target)
    problems = ProblemList()
    guides = load_guides(project, problems)
    problems.raise_if_errors()
    results = write_catalogs(project, guides, addon)
    report.written.append(project.path(project.config.project.translations_dir) / "guides.pot")
    report.written += [result.path for result in results]
    return results


def _summary(draft: GuideDraft) -> ScaffoldedGuide:
    return ScaffoldedGuide(
        draft.slug, draft.data["kind"], draft.source, len(draft.data.get("steps", []))
    )


def _relative(path: Path, start: Path) -> str:
    return Path(os.path.relpath(path.resolve(), start.resolve())).as_posix()
