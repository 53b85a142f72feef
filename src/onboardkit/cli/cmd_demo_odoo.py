"""``onboardkit demo-odoo``: serve the demo Odoo stand-in on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import click
from click.core import ParameterSource

from onboardkit.cli import main


@main.command("demo-odoo")
@click.option(
    "--addon",
    "addons",
    multiple=True,
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="Addon folder to serve (repeatable). Default: the addon of onboardkit.yml.",
)
@click.option(
    "--port",
    default=8069,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="TCP port; 0 picks a free one.",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; another address than loopback must be given here.",
)
@click.option(
    "--database",
    "databases",
    multiple=True,
    metavar="NAME",
    help="Database name (repeatable; several show the database selector). "
    "Default: odoo.database of onboardkit.yml, else 'demo'.",
)
@click.option(
    "--login", default=None, help="The user's login. Default: $ONBOARDKIT_ODOO_LOGIN, else 'admin'."
)
@click.option(
    "--timing",
    type=click.Choice(["odoo18", "fast"]),
    default="odoo18",
    show_default=True,
    help="Respond with a real Odoo 18's delays, or at once.",
)
@click.pass_context
def demo_odoo(
    ctx: click.Context,
    addons: tuple[Path, ...],
    port: int,
    host: str,
    databases: tuple[str, ...],
    login: str | None,
    timing: str,
) -> None:
    """Serve a demo Odoo web client with the addon's own views until Ctrl+C.

    The password is read from $ONBOARDKIT_ODOO_PASSWORD (or the variable named in
    onboardkit.yml) and never printed.
    """
    from onboardkit.standin.serve import ServeOptions, serve

    options = ServeOptions(
        addons=list(addons),
        project_dir=Path(ctx.obj["project_dir"]),
        port=port,
        host=host,
        host_explicit=ctx.get_parameter_source("host") == ParameterSource.COMMANDLINE,
        databases=list(databases),
        login=login,
        timing=timing,
    )
    serve(options)
