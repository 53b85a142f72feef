"""``onboardkit check``: every validation at once, for CI, with a machine-readable report."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from onboardkit import secrets
from onboardkit.config import Project
from onboardkit.errors import Problem, ProblemList, ValidationFailed

log = logging.getLogger(__name__)


@dataclass
class CheckReport:
    """Problems found by each check, by check name."""

    sections: dict[str, list[Problem]] = field(default_factory=dict)

    @property
    def problems(self) -> list[Problem]:
        return [problem for section in self.sections.values() for problem in section]

    def failed(self, strict: bool) -> bool:
        return any(strict or problem.severity == "error" for problem in self.problems)

    def as_dict(self, strict: bool) -> dict[str, object]:
        return {
            "ok": not self.failed(strict),
            "strict": strict,
            "checks": {
                name: [problem.as_dict() for problem in problems]
                for name, problems in self.sections.items()
            },
        }


def run_checks(project: Project) -> CheckReport:
    """Run the content, addon, screenshot, translation, listing and secret checks."""
    report = CheckReport()
    report.sections["content"] = _content(project)
    report.sections["addon views"] = _addon_views(project)
    report.sections["screenshots"] = _screenshots(project)
    report.sections["translations"] = _coverage(project)
    report.sections["store listing"] = _listing(project)
    report.sections["secrets"] = secrets.scan(project)
    return report


def _content(project: Project) -> list[Problem]:
    from onboardkit.site.prepare import load_content

    try:
        _, _, _, _, problems = load_content(project)
    except ValidationFailed as error:
        return error.problems
    return problems.problems


def _addon_views(project: Project) -> list[Problem]:
    from onboardkit.odoo.viewcheck import check_addon

    return list(check_addon(project.addon_dir))


def _screenshots(project: Project) -> list[Problem]:
    if not project.path(project.config.capture.shots).is_file():
        return []
    from onboardkit.capture import stale_images

    return [
        Problem(
            project.config.capture.shots,
            str(item),
            severity="warning",
            fix="Run `onboardkit capture` against an Odoo server to refresh it.",
        )
        for item in stale_images(project)
    ]


def _coverage(project: Project) -> list[Problem]:
    from onboardkit.content.catalogs import load_translations
    from onboardkit.content.loader import load_guides
    from onboardkit.site.prepare import free_page_coverage

    problems = ProblemList()
    guides = load_guides(project, ProblemList())
    minimum = project.config.translation.min_coverage
    source = project.config.source_language.code
    docs_dir = project.path(project.config.project.docs_dir)
    for language in project.config.languages[1:]:
        try:
            translations = load_translations(project, language.code, problems)
        except ValidationFailed as error:
            problems.extend(error.problems)
            continue
        from onboardkit.content.catalogs import guide_coverage

        rows = guide_coverage(guides, translations)
        rows += free_page_coverage(
            docs_dir, language.code, source, project.config.translation.exclude
        )
        done = sum(row.translated for row in rows)
        total = sum(row.total for row in rows)
        percent = 100.0 if total == 0 else 100.0 * done / total
        if percent < minimum:
            problems.warning(
                f"{project.config.project.translations_dir}/{language.code}.po",
                f"'{language.code}' is {percent:.1f} % translated, under "
                f"translation.min_coverage ({minimum:.0f} %).",
                fix="Translate the empty entries (`onboardkit i18n coverage` lists them by page).",
            )
    return problems.problems


def _listing(project: Project) -> list[Problem]:
    from onboardkit.listing import check_listing

    return list(check_listing(project))
