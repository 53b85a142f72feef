"""The site's side of the PDFs: which ones exist, the links to them and the downloads page.

The MkDocs plugin copies existing PDFs into the site under ``pdf/``; a guide page links only to
PDFs that exist, so a site built before (or without) the PDFs has no broken link.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from onboardkit.config import Project
from onboardkit.content.strings import ui_text
from onboardkit.pdf.names import HANDBOOK, PdfTarget, output_dir, plan_targets
from onboardkit.pdf.strings import pdf_text

SITE_FOLDER = "pdf"
DOWNLOADS_SLUG = "downloads"
# Generated pages sit one folder below the docs root; MkDocs rewrites these links per page.
_HREF_PREFIX = f"../{SITE_FOLDER}/"


@dataclass
class SitePdfs:
    """The PDFs found in the output folder for the current guides, module version and series."""

    folder: Path
    targets: list[PdfTarget] = field(default_factory=list)

    def existing(self, language: str | None = None) -> list[PdfTarget]:
        return [
            target
            for target in self.targets
            if (language is None or target.language == language)
            and (self.folder / target.file_name).is_file()
        ]

    def files(self) -> list[tuple[Path, str]]:
        """Return (file, path in the site) for every existing PDF."""
        return [
            (self.folder / target.file_name, f"{SITE_FOLDER}/{target.file_name}")
            for target in self.existing()
        ]

    def _href(self, guide: str, language: str) -> str | None:
        for target in self.existing(language):
            if target.guide == guide:
                return _HREF_PREFIX + target.file_name
        return None

    def guide_links(self, slug: str, language: str) -> list[tuple[str, str]]:
        """Return (label, href) pairs for the top of a guide page: its PDF and the handbook."""
        links = []
        guide_href = self._href(slug, language)
        if guide_href:
            links.append((ui_text(language, "pdf"), guide_href))
        handbook_href = self._href(HANDBOOK, language)
        if handbook_href:
            label = f"{pdf_text(language, 'handbook')} ({pdf_text(language, 'all_guides')})"
            links.append((label, handbook_href))
        if links and self.has_downloads_page:
            links.append((pdf_text(language, "downloads"), f"{DOWNLOADS_SLUG}.md"))
        return links

    @property
    def has_downloads_page(self) -> bool:
        """Whether the downloads page is generated: a guide of the same name takes its place."""
        return all(target.guide != DOWNLOADS_SLUG for target in self.targets)

    def downloads_page(self, language: str, title_of: Callable[[str], str]) -> str | None:
        """Return the Markdown of the downloads page, or None when no PDF of it exists."""
        available = self.existing(language)
        if not available:
            return None
        title = pdf_text(language, "downloads")
        lines = ["---", f'title: "{title}"', "---", "", f"# {title}", ""]
        lines += [pdf_text(language, "downloads_intro"), ""]
        for target in available:
            label = (
                pdf_text(language, "handbook_entry")
                if target.is_handbook
                else title_of(target.guide)
            )
            size = _size_text((self.folder / target.file_name).stat().st_size)
            lines.append(f"- [{_link_text(label)}]({_HREF_PREFIX}{target.file_name}) ({size})")
        return "\n".join(lines) + "\n"


def site_pdfs(project: Project, module: str, version: str, guide_slugs: list[str]) -> SitePdfs:
    """Describe the project's PDFs for the site; languages are those of the project."""
    languages = [language.code for language in project.config.languages]
    targets = plan_targets(project, module, version, guide_slugs, languages)
    return SitePdfs(output_dir(project), targets)


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"PDF, {size / (1024 * 1024):.1f} MB"
    return f"PDF, {max(1, round(size / 1024))} KB"


def _link_text(text: str) -> str:
    return text.replace("[", "(").replace("]", ")")
