"""The ``onboardkit`` command line: each command builds an options object and calls the library."""

from __future__ import annotations

import logging
import sys

import click

from onboardkit import __version__
from onboardkit.errors import OnboardkitError, ValidationFailed


class _StderrFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        prefix = "" if record.levelno == logging.INFO else f"{record.levelname}: "
        return prefix + record.getMessage()


def _configure_logging(verbose: int, quiet: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_StderrFormatter())
    root = logging.getLogger("onboardkit")
    root.handlers[:] = [handler]
    root.propagate = False
    if quiet:
        root.setLevel(logging.WARNING)
    else:
        root.setLevel(logging.DEBUG if verbose else logging.INFO)


class OnboardkitGroup(click.Group):
    """Turns onboardkit's own errors into a message and exit status 1, without a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except ValidationFailed as error:
            click.echo(f"Error: {error}", err=True)
            ctx.exit(1)
        except OnboardkitError as error:
            click.echo(f"Error: {error}", err=True)
            ctx.exit(1)


@click.group(cls=OnboardkitGroup)
@click.version_option(__version__, prog_name="onboardkit")
@click.option("-v", "--verbose", count=True, help="Log each file and step (DEBUG).")
@click.option("-q", "--quiet", is_flag=True, help="Log warnings and errors only.")
@click.option(
    "-C",
    "--project",
    "project_dir",
    type=click.Path(file_okay=False, exists=True),
    default=".",
    show_default=True,
    help="Folder of the docs project (the one holding onboardkit.yml).",
)
@click.pass_context
def main(ctx: click.Context, verbose: int, quiet: bool, project_dir: str) -> None:
    """Build the docs site, screenshots, PDF guides and store listing of an Odoo connector."""
    _configure_logging(verbose, quiet)
    ctx.obj = {"project_dir": project_dir}


def _register() -> None:
    # Each command lives in its own module; importing it attaches it to ``main``.
    import importlib
    import pkgutil

    for module in pkgutil.iter_modules(__path__):
        if module.name.startswith("cmd_"):
            importlib.import_module(f"{__name__}.{module.name}")


_register()
