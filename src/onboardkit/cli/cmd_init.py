"""``onboardkit init --from-addon PATH``: scaffold a docs project from an existing addon."""

from __future__ import annotations

import logging
from pathlib import Path

import click

from onboardkit.cli import main
from onboardkit.scaffold import ScaffoldOptions, ScaffoldReport, scaffold_project

log = logging.getLogger("onboardkit.cli.init")


@main.command()
@click.option(
    "--from-addon",
    "addon_dir",
    required=True,
    type=click.Path(path_type=Path),
    help="Folder of the Odoo addon (the one holding __manifest__.py).",
)
@click.option(
    "--output",
    "output_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder to write the docs project to (default: <addon>-docs beside the addon).",
)
@click.option(
    "--series",
    default=None,
    help="Odoo series of the docs, such as 17.0 (default: from the manifest's version).",
)
@click.option(
    "--force",
    is_flag=True,
    help="Write into a folder that is not empty; files of the same name are replaced, "
    "no other file is deleted.",
)
def init(addon_dir: Path, output_dir: Path | None, series: str | None, force: bool) -> None:
    """Write a docs project (English and Arabic) made from an existing Odoo addon."""
    report = scaffold_project(addon_dir, output_dir, ScaffoldOptions(series=series, force=force))
    _log_report(report)
    click.echo(str(report.output_dir))


def _log_report(report: ScaffoldReport) -> None:
    log.info("Wrote %d files to %s", len(report.written), report.output_dir)
    for guide in report.guides:
        steps = f"{guide.steps} step" + ("s" if guide.steps != 1 else "")
        log.info(
            "  onboarding/%s.yml: %s guide, %s, from %s",
            guide.slug,
            guide.kind,
            steps,
            guide.source,
        )
    for catalog in report.catalogs:
        log.info(
            "  %s: %d of %d texts translated from the addon's own catalogs",
            catalog.path.relative_to(report.output_dir).as_posix(),
            catalog.prefilled,
            catalog.total,
        )
    log.info("Next: cd %s && onboardkit site --strict", report.output_dir)
