"""``onboardkit pdf``: build the PDF guides of every language (or the named ones)."""

from __future__ import annotations

import click

from onboardkit.cli import main
from onboardkit.config import load_project


@main.command()
@click.option(
    "--paper",
    type=click.Choice(["A4", "Letter"]),
    default=None,
    help="Paper size of the PDFs. Default: pdf.paper in onboardkit.yml (A4 unless set).",
)
@click.option(
    "--language",
    "languages",
    multiple=True,
    metavar="CODE",
    help="Build this language only (a code of onboardkit.yml, such as 'ar'); repeat for more.",
)
@click.option(
    "--force", is_flag=True, help="Print every PDF, even those whose inputs are unchanged."
)
@click.option(
    "--tagged",
    is_flag=True,
    help="Add a structure tree for screen readers (tagged PDF); printing takes up to 20 % longer.",
)
@click.pass_context
def pdf(
    ctx: click.Context, paper: str | None, languages: tuple[str, ...], force: bool, tagged: bool
) -> None:
    """Build the handbook and one PDF per guide, per language, into pdf.output_dir.

    Prints the path of each PDF on stdout. Arabic PDFs number pages with Western Arabic
    digits (0-9), like the site.
    """
    from onboardkit.pdf import PdfOptions, build_pdfs

    project = load_project(ctx.obj["project_dir"])
    options = PdfOptions(
        paper=paper,  # type: ignore[arg-type]
        languages=languages,
        force=force,
        tagged=tagged,
    )
    report = build_pdfs(project, options)
    for result in report.results:
        click.echo(str(result.path))
