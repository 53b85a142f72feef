"""``onboardkit listing``."""

from __future__ import annotations

import click

from onboardkit.cli import main
from onboardkit.config import load_project


@main.command()
@click.option(
    "--fix",
    is_flag=True,
    help="Write price, currency, support, images and live_test_url from the listing file into "
    "__manifest__.py (a minimal edit; other lines stay as they are).",
)
@click.option("--check", "check_only", is_flag=True, help="Check only; write nothing.")
@click.option("--no-preview", is_flag=True, help="Skip dist/listing/preview.html and its PNG.")
@click.option("--no-screenshot", is_flag=True, help="Write preview.html without its PNG.")
@click.pass_context
def listing(
    ctx: click.Context, fix: bool, check_only: bool, no_preview: bool, no_screenshot: bool
) -> None:
    """Build the Odoo Apps Store listing: index.html, images, manifest keys and a preview."""
    from onboardkit.listing import ListingOptions, build_listing, check_listing

    project = load_project(ctx.obj["project_dir"])
    if check_only:
        if fix:
            raise click.UsageError("--check writes nothing, so it cannot be combined with --fix.")
        problems = check_listing(project)
        for problem in problems:
            click.echo(f"{problem.severity}: {problem}", err=True)
        if any(problem.severity == "error" for problem in problems):
            ctx.exit(1)
        click.echo("store listing: ok" if not problems else "store listing: warnings only")
        return
    options = ListingOptions(fix=fix, preview=not no_preview, screenshot=not no_screenshot)
    report = build_listing(project, options)
    if report.manifest_changes and not report.manifest_fixed:
        click.echo(
            "The manifest does not match the listing yet. Change it so, or rerun with --fix:",
            err=True,
        )
        for line in report.change_lines():
            click.echo(f"  {line}", err=True)
    click.echo(report.summary())
