"""Names and places of the PDF files, shared by the PDF build and the site's download links."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from onboardkit.config import Project

HANDBOOK = "handbook"
CACHE_NAME = ".onboardkit-pdf.json"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class PdfTarget:
    """One PDF to build: a guide (or the handbook) in one language."""

    language: str
    guide: str
    file_name: str

    @property
    def is_handbook(self) -> bool:
        return self.guide == HANDBOOK


def pdf_file_name(module: str, series: str, version: str, guide: str, language: str) -> str:
    """Return ``<module>-<series>-<version>-<guide>-<lang>.pdf``, safe as a file name."""
    parts = [module, series, version, guide, language]
    return "-".join(_UNSAFE.sub("_", part) for part in parts) + ".pdf"


def output_dir(project: Project) -> Path:
    return project.path(project.config.pdf.output_dir)


def plan_targets(
    project: Project, module: str, version: str, guide_slugs: list[str], languages: list[str]
) -> list[PdfTarget]:
    """List the PDFs of ``languages``: per language the handbook, then each guide."""
    series = project.config.addon.series
    targets = []
    for language in languages:
        for guide in [HANDBOOK, *guide_slugs]:
            name = pdf_file_name(module, series, version, guide, language)
            targets.append(PdfTarget(language, guide, name))
    return targets
