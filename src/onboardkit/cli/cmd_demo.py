"""``onboardkit demo``: start the demo Odoo stand-in and build the example with fresh shots."""

from __future__ import annotations

import os
import secrets as random_source

import click

from onboardkit.cli import main
from onboardkit.config import load_project
from onboardkit.pipeline import BuildOptions, build_all


@main.command()
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("--force-capture", is_flag=True, help="Recapture every shot, even unchanged ones.")
@click.option(
    "--timing",
    type=click.Choice(["odoo18", "fast"]),
    default="odoo18",
    show_default=True,
    help="Delays of the stand-in: those of a real Odoo 18, or shortened.",
)
@click.pass_context
def demo(ctx: click.Context, strict: bool, force_capture: bool, timing: str) -> None:
    """Start the demo Odoo stand-in on 127.0.0.1 and build everything against it."""
    from onboardkit.standin import StandinServer

    project = load_project(ctx.obj["project_dir"])
    odoo = project.config.odoo
    # The stand-in gets a fresh random password, passed through the environment exactly as a
    # real server's credentials are; it is never printed.
    password = random_source.token_urlsafe(24)
    login = "admin"
    database = odoo.database or "demo"
    server = StandinServer(
        [project.addon_dir], login=login, password=password, databases=(database,), timing=timing
    )
    url = server.start()
    click.echo(f"Demo Odoo stand-in serving on {url}", err=True)
    try:
        os.environ[odoo.login_env] = login
        os.environ[odoo.password_env] = password
        project.config = project.config.model_copy(
            update={"odoo": odoo.model_copy(update={"url": url, "database": database})}
        )
        report = build_all(
            project, BuildOptions(strict=strict, capture="always", force_capture=force_capture)
        )
    finally:
        server.stop()
        os.environ.pop(odoo.password_env, None)
    for warning in report.warnings:
        click.echo(f"Warning: {warning}", err=True)
    if report.failed or (strict and report.warnings):
        ctx.exit(1)
