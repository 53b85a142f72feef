"""Options, results and errors of the PDF build."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from onboardkit.errors import OnboardkitError
from onboardkit.pdf.names import PdfTarget

Paper = Literal["A4", "Letter"]


class PdfRenderFailed(OnboardkitError):
    """Chromium could not print a PDF; the previous file of that PDF is left in place."""


@dataclass(frozen=True)
class PdfOptions:
    """What ``onboardkit pdf`` builds; every field matches a command-line option.

    Attributes:
        paper: paper size; None takes ``pdf.paper`` from onboardkit.yml.
        languages: language codes to build; empty builds every language of the project.
        force: print every PDF, even those whose inputs did not change.
        build_date: date on the covers; None takes ``$SOURCE_DATE_EPOCH``, else today.
        browser: Chromium executable; None takes ``capture.browser``, then auto-detection.
        tagged: add a structure tree for screen readers (a tagged PDF). Chromium 156 took
            8-17 % longer to print the benchmark's tagged handbooks.
    """

    paper: Paper | None = None
    languages: tuple[str, ...] = ()
    force: bool = False
    build_date: date | None = None
    browser: str | None = None
    tagged: bool = False


@dataclass(frozen=True)
class PdfResult:
    """One PDF of the build: where it is, whether it was printed, and its page count."""

    target: PdfTarget
    path: Path
    status: Literal["built", "unchanged"]
    pages: int | None = None


@dataclass
class PdfReport:
    """What ``build_pdfs`` did."""

    results: list[PdfResult] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)

    @property
    def built(self) -> list[PdfResult]:
        return [result for result in self.results if result.status == "built"]

    @property
    def unchanged(self) -> list[PdfResult]:
        return [result for result in self.results if result.status == "unchanged"]

    def summary(self) -> str:
        text = f"{len(self.built)} PDF(s) built, {len(self.unchanged)} unchanged"
        if self.removed:
            text += f", {len(self.removed)} outdated removed"
        return text
