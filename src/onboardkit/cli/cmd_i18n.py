"""``onboardkit i18n``: keep the guides' translation catalogs in step with the English text."""

from __future__ import annotations

import json

import click

from onboardkit.cli import main
from onboardkit.config import load_project
from onboardkit.content import catalogs
from onboardkit.errors import ProblemList
from onboardkit.site.prepare import prepare_site


@main.group()
def i18n() -> None:
    """Extract, update and measure translations of the guides."""


@i18n.command()
@click.pass_context
def extract(ctx: click.Context) -> None:
    """Write translations/guides.pot with every translatable text of the guides."""
    project = load_project(ctx.obj["project_dir"])
    guides = _guides(project)
    path = catalogs.extract(project, guides)
    click.echo(path.relative_to(project.root).as_posix())


@i18n.command()
@click.pass_context
def update(ctx: click.Context) -> None:
    """Merge new and changed English texts into each language's .po file."""
    project = load_project(ctx.obj["project_dir"])
    guides = _guides(project)
    catalogs.extract(project, guides)
    for path in catalogs.update(project, guides):
        click.echo(path.relative_to(project.root).as_posix())


@i18n.command()
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option(
    "--min",
    "minimum",
    type=click.FloatRange(0, 100),
    default=None,
    help="Exit with status 1 when a language is under this percentage (default: "
    "translation.min_coverage of onboardkit.yml, when --strict is given).",
)
@click.option("--strict", is_flag=True, help="Apply translation.min_coverage.")
@click.pass_context
def coverage(ctx: click.Context, as_json: bool, minimum: float | None, strict: bool) -> None:
    """Report the share of translated text per page and language."""
    project = load_project(ctx.obj["project_dir"])
    prepared = prepare_site(project)
    rows = prepared.coverage
    if as_json:
        click.echo(
            json.dumps(
                [row.__dict__ | {"percent": round(row.percent, 1)} for row in rows], indent=2
            )
        )
    else:
        for row in rows:
            click.echo(
                f"{row.language}  {row.percent:5.1f} %  {row.translated:4d}/{row.total:<4d} {row.page}"
            )
    if minimum is None and strict:
        minimum = project.config.translation.min_coverage
    if minimum is not None:
        failing = _languages_under(rows, minimum)
        for language, percent in failing:
            click.echo(
                f"Error: '{language}' is {percent:.1f} % translated, under {minimum:.1f} %.",
                err=True,
            )
        if failing:
            ctx.exit(1)


def _languages_under(rows: list[catalogs.Coverage], minimum: float) -> list[tuple[str, float]]:
    totals: dict[str, list[int]] = {}
    for row in rows:
        total = totals.setdefault(row.language, [0, 0])
        total[0] += row.translated
        total[1] += row.total
    result = []
    for language, (done, total) in totals.items():
        percent = 100.0 if total == 0 else 100.0 * done / total
        if percent < minimum:
            result.append((language, percent))
    return result


def _guides(project):  # noqa: ANN001, ANN202
    from onboardkit.content.loader import load_guides

    problems = ProblemList()
    guides = load_guides(project, problems)
    problems.raise_if_errors()
    return guides
