"""Turn the project's content into print documents, checking every input before printing.

Each guide is rendered once per language with the same Markdown renderer as the site, then
converted to HTML; the handbook and the guide's own PDF share that HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from onboardkit.config import CONFIG_NAME, LanguageEntry, Project
from onboardkit.content.catalogs import GuideTranslations
from onboardkit.content.loader import GuideSet, LoadedGuide
from onboardkit.content.references import resolve_label, substitute
from onboardkit.content.render import ImageRef, RenderContext, render_guide
from onboardkit.content.strings import ui_text
from onboardkit.errors import ProblemList
from onboardkit.odoo.addon import Addon
from onboardkit.pdf.document import STYLESHEET, CoverFacts, PrintDocument
from onboardkit.pdf.markup import GuideSection, guide_section, markdown_to_html
from onboardkit.pdf.names import HANDBOOK, PdfTarget, plan_targets
from onboardkit.pdf.strings import pdf_text
from onboardkit.site.shots import ShotIndex

LOGO_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg", ".webp")
_CSS_URL = re.compile(r'url\("([^"]+)"\)')


@dataclass
class PdfPlan:
    """The documents to print, and every PDF file name the project has in any language."""

    documents: list[PrintDocument] = field(default_factory=list)
    all_targets: list[PdfTarget] = field(default_factory=list)


@dataclass
class _RenderedGuide:
    item: LoadedGuide
    html: str
    images: list[Path]


def select_languages(
    project: Project, codes: tuple[str, ...], problems: ProblemList
) -> list[LanguageEntry]:
    """Return the project's languages named by ``codes`` (all when empty)."""
    known = {language.code: language for language in project.config.languages}
    if not codes:
        return list(project.config.languages)
    for code in codes:
        if code not in known:
            problems.error(
                "command line",
                f"language '{code}' is not a language of this project.",
                field="--language",
                fix="Use one of: " + ", ".join(known) + ".",
            )
    return [known[code] for code in dict.fromkeys(codes) if code in known]


def stylesheet_files(problems: ProblemList) -> list[Path]:
    """Return the print stylesheet and the fonts it loads; a missing one is a problem."""
    files = [STYLESHEET]
    for reference in _CSS_URL.findall(STYLESHEET.read_text(encoding="utf-8")):
        font = (STYLESHEET.parent / reference).resolve()
        if not font.is_file():
            problems.error(
                str(STYLESHEET),
                f"font file '{font.name}' is not installed (expected at {font}).",
                fix="Reinstall onboardkit; its package ships the Noto Sans and Noto Sans Arabic "
                "fonts that the PDFs embed.",
            )
            continue
        files.append(font)
    return files


def logo_file(project: Project, problems: ProblemList) -> Path | None:
    """Return the vendor logo for the covers, when configured and usable."""
    relative = project.config.vendor.logo
    if not relative:
        return None
    path = project.path(relative)
    where = {"line": project.lines.line_of(("vendor", "logo")), "field": "vendor.logo"}
    if not path.is_file():
        problems.error(
            CONFIG_NAME,
            f"logo file '{relative}' does not exist.",
            fix="Fix the path (relative to onboardkit.yml) or remove vendor.logo.",
            **where,
        )
        return None
    if path.suffix.lower() not in LOGO_SUFFIXES:
        problems.error(
            CONFIG_NAME,
            f"logo file '{relative}' is not an image Chromium can print.",
            fix="Use an SVG, PNG, JPEG or WebP file.",
            **where,
        )
        return None
    return path


def plan_documents(
    project: Project,
    content: tuple[Addon, GuideSet, ShotIndex, dict[str, GuideTranslations]],
    languages: list[LanguageEntry],
    paper: str,
    problems: ProblemList,
) -> PdfPlan:
    """Render every guide of ``languages`` and assemble the handbook and guide documents.

    A screenshot without an image in a language is added to ``problems`` as an error, with
    the guide file, line and field.
    """
    addon, guides, shots, translations = content
    module, version = addon.module, addon.manifest.version
    slugs = [item.slug for item in guides.guides]
    all_codes = [language.code for language in project.config.languages]
    plan = PdfPlan(all_targets=plan_targets(project, module, version, slugs, all_codes))
    logo = logo_file(project, problems)
    targets = {
        (target.language, target.guide): target
        for target in plan_targets(
            project, module, version, slugs, [lang.code for lang in languages]
        )
    }
    for language in languages:
        catalog = translations.get(language.code)
        rendered = [
            _render(addon, guides, shots, item, language, catalog, problems)
            for item in guides.guides
        ]
        builder = _DocumentBuilder(project, addon, language, catalog, paper, logo)
        plan.documents.append(builder.handbook(targets[(language.code, HANDBOOK)], rendered))
        for guide in rendered:
            target = targets[(language.code, guide.item.slug)]
            plan.documents.append(builder.guide(target, guide))
    return plan


def _render(
    addon: Addon,
    guides: GuideSet,
    shots: ShotIndex,
    item: LoadedGuide,
    language: LanguageEntry,
    catalog: GuideTranslations | None,
    problems: ProblemList,
) -> _RenderedGuide:
    images: list[Path] = []

    def image_for(shot: str, code: str) -> ImageRef | None:
        path = shots.images.get((shot, code))
        if path is None or not path.is_file():
            return None
        images.append(path)
        return ImageRef(
            path.as_uri(), shots.alt.get((shot, code), shot), shots.caption.get((shot, code))
        )

    context = RenderContext(
        language=language,
        addon=addon,
        guides=guides,
        translations=catalog,
        image_for=image_for,
        source_file=item.file,
    )
    markdown = render_guide(item, context)
    for shot in dict.fromkeys(context.missing_images):
        field_path = _screenshot_field(item, shot)
        problems.error(
            item.file,
            f"screenshot '{shot}' has no image for language '{language.code}'; "
            "the PDF guides need every screenshot.",
            line=item.line(field_path) if field_path else None,
            field=".".join(map(str, field_path)) if field_path else None,
            fix="Run `onboardkit capture` to create it, or build other languages with --language.",
        )
    return _RenderedGuide(item, markdown_to_html(markdown), images)


def _screenshot_field(item: LoadedGuide, shot: str) -> tuple[str, int, str] | None:
    for index, step in enumerate(item.guide.steps):
        if step.screenshot == shot:
            return ("steps", index, "screenshot")
    for index, entry in enumerate(item.guide.entries):
        if entry.screenshot == shot:
            return ("entries", index, "screenshot")
    return None


class _DocumentBuilder:
    """Assembles the documents of one language."""

    def __init__(
        self,
        project: Project,
        addon: Addon,
        language: LanguageEntry,
        catalog: GuideTranslations | None,
        paper: str,
        logo: Path | None,
    ):
        self.project = project
        self.addon = addon
        self.language = language
        self.catalog = catalog
        self.paper = paper
        self.logo = logo
        self.product = project.config.project.name
        self.vendor = project.config.vendor.name

    def handbook(self, target: PdfTarget, rendered: list[_RenderedGuide]) -> PrintDocument:
        code = self.language.code
        linked = {guide.item.slug for guide in rendered}
        sections = [guide_section(guide.item.slug, guide.html, linked) for guide in rendered]
        title = pdf_text(code, "handbook")
        subject = pdf_text(code, "handbook_subject", product=self.product)
        groups = {
            guide.item.slug: ui_text(code, f"kind.{guide.item.guide.kind}") for guide in rendered
        }
        images = [path for guide in rendered for path in guide.images]
        return self._document(target, title, subject, sections, images, groups)

    def guide(self, target: PdfTarget, rendered: _RenderedGuide) -> PrintDocument:
        code = self.language.code
        section = guide_section(rendered.item.slug, rendered.html, {rendered.item.slug})
        subject = pdf_text(code, "guide_subject", guide=section.title, product=self.product)
        summary = self._text(rendered.item, "summary", rendered.item.guide.summary)
        return self._document(
            target, section.title, subject, [section], rendered.images, summary=summary
        )

    def _document(
        self,
        target: PdfTarget,
        title: str,
        subject: str,
        sections: list[GuideSection],
        images: list[Path],
        groups: dict[str, str] | None = None,
        summary: str | None = None,
    ) -> PrintDocument:
        cover = CoverFacts(
            product=self.product,
            title=title,
            summary=summary if summary is not None else subject,
            vendor=self.vendor,
            logo_uri=self.logo.as_uri() if self.logo else None,
            module_version=self.addon.manifest.version,
            series=self.project.config.addon.series,
            language_name=self.language.name,
        )
        files = list(images) + ([self.logo] if self.logo else [])
        return PrintDocument(
            target=target,
            language=self.language,
            paper=self.paper,
            title=f"{self.product}: {title}",
            subject=subject,
            author=self.vendor,
            cover=cover,
            sections=sections,
            section_groups=groups or {},
            images=files,
        )

    def _text(self, item: LoadedGuide, key: str, source: str) -> str:
        translated = self.catalog.get(f"{item.slug}:{key}", source) if self.catalog else None
        odoo_language = self.language.odoo if self.catalog is not None else None

        def label(reference: str) -> str:
            return resolve_label(self.addon, reference, odoo_language).text

        return substitute(translated or source, label)
