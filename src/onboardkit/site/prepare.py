"""Validate the project's content and write the generated Markdown pages of every language.

MkDocs then builds them like any page. Generated files carry a marker on their first lines; a
file in the generated folder without it is a writer's own and is never touched.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from onboardkit.config import Project
from onboardkit.content.catalogs import (
    Coverage,
    GuideTranslations,
    guide_coverage,
    load_translations,
)
from onboardkit.content.loader import GuideSet, check_guides, load_guides
from onboardkit.content.render import ImageRef, RenderContext, render_guide
from onboardkit.content.service_pages import render_releases, render_support, service_units
from onboardkit.errors import Problem, ProblemList, ValidationFailed
from onboardkit.fileio import write_text_atomic
from onboardkit.odoo.addon import Addon
from onboardkit.pdf.site_links import DOWNLOADS_SLUG, SitePdfs, site_pdfs
from onboardkit.site.shots import ShotIndex, load_shot_index

log = logging.getLogger(__name__)

GENERATED_FOLDER = "onboarding"
MARKER = "<!-- onboardkit:generated"


@dataclass
class PreparedSite:
    """The outcome of preparing the site's content."""

    project: Project
    guides: GuideSet
    shots: ShotIndex
    translations: dict[str, GuideTranslations]
    problems: ProblemList
    coverage: list[Coverage] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    generated: list[Path] = field(default_factory=list)
    pdfs: SitePdfs | None = None

    @property
    def generated_dir(self) -> Path:
        return generated_dir(self.project)


def generated_dir(project: Project) -> Path:
    return project.path(project.config.project.docs_dir) / GENERATED_FOLDER


def page_file_name(slug: str, language: str, source_language: str) -> str:
    """Suffix layout of mkdocs-static-i18n: ``page.md`` for the source, ``page.ar.md`` else."""
    return f"{slug}.md" if language == source_language else f"{slug}.{language}.md"


def load_content(
    project: Project,
) -> tuple[Addon, GuideSet, ShotIndex, dict[str, GuideTranslations], ProblemList]:
    """Read and check every input of the site; raise ValidationFailed listing all errors."""
    problems = ProblemList()
    try:
        addon = Addon(project.addon_dir)
    except ValidationFailed as error:
        problems.extend(error.problems)
        problems.raise_if_errors()
        raise
    problems.extend(addon.records.problems)
    guides = load_guides(project, problems)
    shots = load_shot_index(project, problems)
    check_guides(
        guides,
        addon,
        shots.ids if shots.readable else None,
        problems,
        shots_file=project.config.capture.shots,
    )
    translations: dict[str, GuideTranslations] = {}
    for language in project.config.languages[1:]:
        try:
            translations[language.code] = load_translations(project, language.code, problems)
        except ValidationFailed as error:
            problems.extend(error.problems)
    problems.raise_if_errors()
    return addon, guides, shots, translations, problems


def prepare_site(project: Project) -> PreparedSite:
    """Validate all content, then write each language's generated pages (only changed ones).

    Raises:
        ValidationFailed: with every error found; nothing is written then.
    """
    addon, guides, shots, translations, problems = load_content(project)
    prepared = PreparedSite(project, guides, shots, translations, problems)
    source = project.config.source_language.code
    folder = prepared.generated_dir
    wanted: dict[Path, str] = {}
    docs_dir = project.path(project.config.project.docs_dir)
    prepared.pdfs = site_pdfs(
        project, addon.module, addon.manifest.version, [item.slug for item in guides.guides]
    )
    for language in project.config.languages:
        catalog = translations.get(language.code)
        for item in guides.guides:
            context = RenderContext(
                language=language,
                addon=addon,
                guides=guides,
                translations=catalog,
                image_for=_image_lookup(project, shots, folder),
                source_file=item.file,
                pdf_links=prepared.pdfs.guide_links,
            )
            markdown = render_guide(item, context)
            wanted[folder / page_file_name(item.slug, language.code, source)] = _with_marker(
                markdown, item.file
            )
            for shot in sorted(set(context.missing_images)):
                problems.warning(
                    item.file,
                    f"screenshot '{shot}' has no image for language '{language.code}'.",
                    fix="Run `onboardkit capture` against an Odoo server to create it.",
                )
        for page in (
            render_support(project, language.code, catalog),
            render_releases(project, language.code, catalog),
        ):
            if page is not None:
                slug = page.name.removesuffix(".md")
                wanted[folder / page_file_name(slug, language.code, source)] = _with_marker(
                    page.markdown, project.config_path.name
                )
        downloads = _downloads_page(prepared, language.code, catalog)
        if downloads is not None:
            name = page_file_name(DOWNLOADS_SLUG, language.code, source)
            wanted[folder / name] = _with_marker(downloads, project.config_path.name)
        if catalog is not None:
            prepared.coverage += guide_coverage(guides, catalog)
            prepared.coverage += _service_coverage(project, catalog)
            prepared.coverage += free_page_coverage(
                docs_dir, language.code, source, project.config.translation.exclude
            )
    prepared.written = _write_pages(folder, wanted)
    prepared.generated = sorted(wanted)
    return prepared


def _image_lookup(project: Project, shots: ShotIndex, page_dir: Path):
    def lookup(shot: str, language: str) -> ImageRef | None:
        path = shots.images.get((shot, language))
        if path is None or not path.is_file():
            return None
        relative = Path(os.path.relpath(path, project.root)).as_posix()
        # Screenshot files are added to MkDocs under their path relative to the project
        # root, and generated pages sit one folder below the docs root.
        return ImageRef(
            src=f"../{relative}",
            alt=shots.alt.get((shot, language), shot),
            caption=shots.caption.get((shot, language)),
        )

    return lookup


def _downloads_page(
    prepared: PreparedSite, language: str, catalog: GuideTranslations | None
) -> str | None:
    """Return the page listing the language's PDFs, when any exists and no guide has its name."""
    by_slug = prepared.guides.by_slug()
    if prepared.pdfs is None or not prepared.pdfs.has_downloads_page:
        return None

    def title_of(slug: str) -> str:
        source = by_slug[slug].guide.title
        return (catalog.get(f"{slug}:title", source) if catalog else None) or source

    return prepared.pdfs.downloads_page(language, title_of)


def _service_coverage(project: Project, catalog: GuideTranslations) -> list[Coverage]:
    result = []
    units = service_units(project)
    for prefix in ("support", "releases"):
        mine = [unit for unit in units if unit.context.startswith(prefix + ":")]
        if mine:
            done = sum(1 for unit in mine if catalog.get(unit.context, unit.source))
            result.append(Coverage(prefix, catalog.language, done, len(mine)))
    return result


def free_page_coverage(
    docs_dir: Path, language: str, source: str, exclude: list[str] = ()
) -> list[Coverage]:
    """Coverage of hand-written pages: translated when ``page.<lang>.md`` exists."""
    result = []
    if not docs_dir.is_dir():
        return result
    for path in sorted(docs_dir.rglob("*.md")):
        relative = path.relative_to(docs_dir)
        if relative.parts[0] == GENERATED_FOLDER or _is_localized(path.name):
            continue
        if any(PurePosixPath(relative.as_posix()).match(pattern) for pattern in exclude):
            continue
        translated = path.with_name(f"{path.stem}.{language}.md").is_file()
        result.append(Coverage(relative.as_posix(), language, int(translated), 1))
    return result


def _is_localized(name: str) -> bool:
    parts = name.split(".")
    return len(parts) == 3 and 2 <= len(parts[1]) <= 5


def _write_pages(folder: Path, wanted: dict[Path, str]) -> list[Path]:
    """Write pages whose text changed and remove generated pages no longer produced."""
    conflicts = [path for path in wanted if path.is_file() and not _is_generated(path)]
    if conflicts:
        raise ValidationFailed(
            Problem(
                str(path),
                "a hand-written page has the name of a generated page.",
                fix="Rename it or move it out of the generated folder; onboardkit never "
                "overwrites it.",
            )
            for path in conflicts
        )
    written = []
    folder.mkdir(parents=True, exist_ok=True)
    for path, markdown in wanted.items():
        text = markdown
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            continue
        write_text_atomic(path, text)
        written.append(path)
    for path in folder.glob("*.md"):
        if path not in wanted and _is_generated(path):
            path.unlink()
    return written


def _with_marker(markdown: str, source: str) -> str:
    """Put the generated-file marker after any front matter (which must come first)."""
    line = f"{MARKER} from {source}; edit that file, not this one -->\n"
    if markdown.startswith("---\n"):
        end = markdown.index("\n---\n", 4) + 5
        return markdown[:end] + line + markdown[end:]
    return line + markdown


def _is_generated(path: Path) -> bool:
    with path.open(encoding="utf-8") as handle:
        head = handle.read(4096)
    return MARKER in head
