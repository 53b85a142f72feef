"""The whole build: validate, capture, PDFs, site, listing, in that order.

Each step is a library call; a failing step is reported with its name and the others still run
where they can, so one broken screenshot does not hide a broken listing. The report says what
failed, and the CLI turns it into a non-zero exit status.
"""

from __future__ import annotations

import logging
import os
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Literal

from onboardkit.config import Project
from onboardkit.errors import OnboardkitError, Problem, ValidationFailed

log = logging.getLogger(__name__)

CaptureMode = Literal["auto", "always", "never"]


@dataclass
class BuildOptions:
    """What ``onboardkit build`` does; every field matches a command-line option."""

    strict: bool = False
    capture: CaptureMode = "auto"
    force_capture: bool = False
    pdf: bool = True
    site: bool = True
    listing: bool = True


@dataclass
class StepResult:
    name: str
    status: Literal["done", "skipped", "failed"]
    detail: str = ""


@dataclass
class BuildReport:
    """What each step did, and every warning raised on the way."""

    steps: list[StepResult] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def failed(self) -> list[StepResult]:
        return [step for step in self.steps if step.status == "failed"]

    def add(self, name: str, status: Literal["done", "skipped", "failed"], detail: str = "") -> None:
        self.steps.append(StepResult(name, status, detail))
        if status == "failed":
            log.error("%s failed: %s", name, detail)
        elif status == "skipped":
            log.warning("%s skipped: %s", name, detail)
        else:
            # Each step logs its own summary as it ends; repeating it here would double it.
            log.debug("%s: %s", name, detail or "done")


def odoo_reachable(url: str, timeout: float = 3.0) -> bool:
    """Return True when ``GET /web/health`` (Odoo 17+) or ``/web/login`` answers."""
    for path in ("/web/health", "/web/login"):
        try:
            with urllib.request.urlopen(url.rstrip("/") + path, timeout=timeout) as response:
                if response.status < 500:
                    return True
        except urllib.error.HTTPError as error:
            if error.code < 500:
                return True
        except (urllib.error.URLError, OSError, ValueError):
            continue
    return False


def build_all(project: Project, options: BuildOptions) -> BuildReport:
    """Run every step of the build.

    Raises:
        ValidationFailed: an input is invalid; nothing was built.
    """
    from onboardkit.site.prepare import load_content

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    report = BuildReport()
    _, _, _, _, problems = load_content(project)
    report.warnings += problems.warnings
    _capture_step(project, options, report)
    if options.pdf:
        _run_step(report, "PDF guides", lambda: _build_pdfs(project, options))
    if options.site:
        _run_step(report, "site", lambda: _build_site(project, options))
    if options.listing and project.config.listing is None:
        report.add("store listing", "skipped", "listing: null in onboardkit.yml")
    elif options.listing:
        _run_step(report, "store listing", lambda: _build_listing(project, options))
    return report


def _run_step(report: BuildReport, name: str, step) -> None:  # noqa: ANN001
    try:
        detail = step()
    except ValidationFailed as error:
        report.add(name, "failed", str(error))
    except OnboardkitError as error:
        report.add(name, "failed", str(error))
    else:
        report.add(name, "done", detail or "")


def _capture_step(project: Project, options: BuildOptions, report: BuildReport) -> None:
    if options.capture == "never":
        report.add("screenshots", "skipped", "--capture never")
        return
    if not project.path(project.config.capture.shots).is_file():
        report.add("screenshots", "skipped", f"no {project.config.capture.shots}")
        return
    url = project.config.odoo.url
    if not odoo_reachable(url):
        message = f"Odoo at {url} is not reachable; the site uses the committed images."
        if options.capture == "always":
            report.add("screenshots", "failed", message + " Start the server or fix odoo.url.")
            return
        report.add("screenshots", "skipped", message)
        _report_stale_images(project, report)
        return
    _run_step(report, "screenshots", lambda: _capture(project, options))


def _report_stale_images(project: Project, report: BuildReport) -> None:
    from onboardkit.capture import stale_images

    for item in stale_images(project):
        report.warnings.append(
            Problem(
                project.config.capture.shots,
                str(item),
                severity="warning",
                fix="Run `onboardkit capture` against an Odoo server to refresh it.",
            )
        )


def _capture(project: Project, options: BuildOptions) -> str:
    from onboardkit.capture import CaptureOptions, run_capture

    result = run_capture(project, CaptureOptions(force=options.force_capture))
    if result.failed:
        raise OnboardkitError(
            f"{len(result.failed)} shot(s) failed; their previous images were kept:\n"
            + "\n".join(f"  {failure}" for failure in result.failed)
        )
    return result.summary()


def _build_pdfs(project: Project, options: BuildOptions) -> str:
    from onboardkit.pdf import PdfOptions, build_pdfs

    return build_pdfs(project, PdfOptions()).summary()


def _build_site(project: Project, options: BuildOptions) -> str:
    from onboardkit.site.build import build_site

    site = build_site(project, strict=options.strict)
    return f"written to {site.relative_to(project.root) if site.is_relative_to(project.root) else site}"


def _build_listing(project: Project, options: BuildOptions) -> str:
    from onboardkit.listing import ListingOptions, build_listing

    summary = build_listing(project, ListingOptions()).summary()
    # build_listing leaves its summary to the caller, since `onboardkit listing` prints it.
    log.info("Store listing: %s", summary)
    return summary
