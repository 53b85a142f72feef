"""``onboardkit check``."""

from __future__ import annotations

import json

import click

from onboardkit.check import run_checks
from onboardkit.cli import main
from onboardkit.config import load_project


@main.command()
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON on stdout.")
@click.pass_context
def check(ctx: click.Context, strict: bool, as_json: bool) -> None:
    """Run every validation without building anything; exit 1 when a check fails."""
    project = load_project(ctx.obj["project_dir"])
    report = run_checks(project)
    for name, problems in report.sections.items():
        status = "ok" if not problems else f"{len(problems)} problem(s)"
        click.echo(f"{name}: {status}", err=True)
        for problem in problems:
            click.echo(f"  {problem.severity}: {problem}", err=True)
    if as_json:
        click.echo(json.dumps(report.as_dict(strict), indent=2, ensure_ascii=False))
    if report.failed(strict):
        ctx.exit(1)
