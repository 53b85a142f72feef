"""Offline PDF guides: per language, a handbook with every guide and one PDF per guide.

Pages are printed by Chromium from onboardkit's own print template (cover, contents with page
numbers, running headers, right-to-left layout for Arabic); pypdf adds the metadata.
Playwright is imported only when something is printed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from onboardkit.pdf.names import HANDBOOK, PdfTarget, pdf_file_name
from onboardkit.pdf.options import PdfOptions, PdfRenderFailed, PdfReport, PdfResult

if TYPE_CHECKING:
    from onboardkit.config import Project


def build_pdfs(project: Project, options: PdfOptions | None = None) -> PdfReport:
    """Build the project's PDF guides; see ``onboardkit.pdf.build.build_pdfs``."""
    from onboardkit.pdf.build import build_pdfs as build

    return build(project, options)


__all__ = [
    "HANDBOOK",
    "PdfOptions",
    "PdfRenderFailed",
    "PdfReport",
    "PdfResult",
    "PdfTarget",
    "build_pdfs",
    "pdf_file_name",
]
