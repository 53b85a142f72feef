"""``onboardkit build`` and ``onboardkit site``."""

from __future__ import annotations

import click

from onboardkit.cli import main
from onboardkit.config import load_project
from onboardkit.pipeline import BuildOptions, build_all


@main.command()
@click.option("--strict", is_flag=True, help="Treat warnings as errors (stale images, links).")
@click.option(
    "--capture",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="auto: capture when the Odoo server answers, else use the committed images.",
)
@click.option("--force-capture", is_flag=True, help="Recapture every shot, even unchanged ones.")
@click.option("--no-pdf", is_flag=True, help="Skip the PDF guides.")
@click.option("--no-listing", is_flag=True, help="Skip the store listing assets.")
@click.pass_context
def build(
    ctx: click.Context,
    strict: bool,
    capture: str,
    force_capture: bool,
    no_pdf: bool,
    no_listing: bool,
) -> None:
    """Capture screenshots, then build the PDFs, the site and the store listing."""
    project = load_project(ctx.obj["project_dir"])
    options = BuildOptions(
        strict=strict,
        capture=capture,  # type: ignore[arg-type]
        force_capture=force_capture,
        pdf=not no_pdf,
        listing=not no_listing,
    )
    report = build_all(project, options)
    for warning in report.warnings:
        click.echo(f"Warning: {warning}", err=True)
    if report.failed or (strict and report.warnings):
        ctx.exit(1)


@main.command()
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.pass_context
def site(ctx: click.Context, strict: bool) -> None:
    """Build the site only, from the committed screenshots."""
    from onboardkit.site.build import build_site

    project = load_project(ctx.obj["project_dir"])
    path = build_site(project, strict=strict)
    click.echo(str(path))
