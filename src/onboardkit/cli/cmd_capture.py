"""``onboardkit capture``: capture the stale screenshots of the shot list from Odoo."""

from __future__ import annotations

import sys

import click

from onboardkit.cli import main
from onboardkit.config import load_project


class _ProgressBar:
    """A progress bar on stderr, shown only when stderr is a terminal."""

    def __init__(self) -> None:
        self.bar = None

    def __call__(self, done: int, total: int, label: str) -> None:
        if not sys.stderr.isatty():
            return
        if self.bar is None:
            self.bar = click.progressbar(length=total, label="Capturing", file=sys.stderr)
            self.bar.__enter__()
        self.bar.label = f"Capturing {label}"
        self.bar.update(1)
        if done >= total:
            self.close()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


@main.command()
@click.option("--force", is_flag=True, help="Capture every selected shot, even up-to-date ones.")
@click.option(
    "--shard",
    metavar="K/N",
    default=None,
    help="Capture only shard K of N (shots are assigned by their id; outputs merge by copying).",
)
@click.option(
    "--only",
    "only",
    multiple=True,
    metavar="ID",
    help="Capture only this shot id (repeat for several).",
)
@click.option(
    "--language",
    "languages",
    multiple=True,
    metavar="CODE",
    help="Capture only this docs language, such as 'ar' (repeat for several).",
)
@click.pass_context
def capture(
    ctx: click.Context,
    force: bool,
    shard: str | None,
    only: tuple[str, ...],
    languages: tuple[str, ...],
) -> None:
    """Capture missing and stale screenshots from the Odoo server in onboardkit.yml.

    Exits with status 1 when a shot failed; its previous image is kept.
    """
    from onboardkit.capture.runner import CaptureOptions, run_capture
    from onboardkit.capture.selection import parse_shard

    project = load_project(ctx.obj["project_dir"])
    progress = _ProgressBar()
    options = CaptureOptions(
        force=force,
        shard=parse_shard(shard) if shard else None,
        only=only,
        languages=languages,
        progress=progress,
    )
    try:
        report = run_capture(project, options)
    finally:
        progress.close()
    if report.contact_sheet is not None:
        click.echo(report.contact_sheet.relative_to(project.root).as_posix())
    if not report.ok:
        click.echo(
            f"Error: {len(report.failed)} shot(s) failed; their previous images were kept.",
            err=True,
        )
        ctx.exit(1)
