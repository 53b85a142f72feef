"""docs/vendor/commands.md documents every command and option of the command line.

The page has one heading per command, written as the command in backticks (`onboardkit pdf`),
and under it a table whose rows start with the command's options.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import click
import pytest

from helpers import REPOSITORY
from onboardkit.cli import main

PAGE = REPOSITORY / "docs" / "vendor" / "commands.md"
HEADING = re.compile(r"^#{2,4} `(onboardkit(?: [a-z0-9-]+)*)`[ \t]*$", re.MULTILINE)
OPTION_ROW = re.compile(r"^\|[ \t]*`-.*$", re.MULTILINE)
OPTION_NAME = re.compile(r"`(--?[A-Za-z][\w-]*)")
CELL_SEPARATOR = re.compile(r"(?<!\\)\|")


def walk_commands(
    command: click.Command = main, path: tuple[str, ...] = ("onboardkit",)
) -> Iterator[tuple[str, click.Command]]:
    """Yield every command and group of the CLI with its full name, the root included."""
    yield " ".join(path), command
    if isinstance(command, click.Group):
        for name, subcommand in sorted(command.commands.items()):
            if not subcommand.hidden:
                yield from walk_commands(subcommand, (*path, name))


COMMANDS = dict(walk_commands())


def page_sections() -> dict[str, str]:
    """Return the text under each command heading of the page, up to the next one."""
    text = PAGE.read_text(encoding="utf-8")
    headings = list(HEADING.finditer(text))
    sections = {}
    for index, heading in enumerate(headings):
        end = headings[index + 1].start() if index + 1 < len(headings) else len(text)
        sections[heading.group(1)] = text[heading.end() : end]
    return sections


def option_rows(section: str) -> dict[str, list[str]]:
    """Return the cells of each option row of a section, by every option name in its first cell."""
    rows = {}
    for line in OPTION_ROW.findall(section):
        cells = [cell.strip() for cell in CELL_SEPARATOR.split(line)[1:-1]]
        for name in OPTION_NAME.findall(cells[0]):
            rows[name] = cells
    return rows


def cli_options(command: click.Command) -> dict[str, click.Option]:
    """Return the visible options of ``command`` by each of their names, ``--help`` excluded."""
    options = {}
    for parameter in command.params:
        if isinstance(parameter, click.Option) and not parameter.hidden:
            for name in parameter.opts + parameter.secondary_opts:
                options[name] = parameter
    return options


def test_page_has_every_command() -> None:
    documented = set(page_sections())
    missing = sorted(set(COMMANDS) - documented)
    assert not missing, f"Add a heading '## `COMMAND`' to {PAGE.name} for: {missing}"


def test_page_has_no_removed_command() -> None:
    documented = set(page_sections())
    removed = sorted(documented - set(COMMANDS))
    assert not removed, f"{PAGE.name} documents commands the CLI does not have: {removed}"


@pytest.mark.parametrize("command_name", sorted(COMMANDS))
def test_page_options_match_cli(command_name: str) -> None:
    section = page_sections().get(command_name, "")
    documented = set(option_rows(section))
    expected = set(cli_options(COMMANDS[command_name]))
    missing = sorted(expected - documented)
    removed = sorted(documented - expected)
    assert not missing, f"Add table rows for these options of `{command_name}`: {missing}"
    assert not removed, f"`{command_name}` has no such options any more: {removed}"


@pytest.mark.parametrize("command_name", sorted(COMMANDS))
def test_page_defaults_match_cli(command_name: str) -> None:
    rows = option_rows(page_sections().get(command_name, ""))
    for name, option in cli_options(COMMANDS[command_name]).items():
        if name not in rows or not option.expose_value or option.multiple:
            continue
        default_cell = rows[name][1]
        if option.required:
            expected = "required"
        elif option.is_flag or option.count:
            expected = "off"
        elif isinstance(option.default, str | int | float):
            expected = str(option.default)
        else:
            continue
        assert expected in default_cell, (
            f"`{command_name}` {name}: the page gives the default '{default_cell}', "
            f"the CLI '{expected}'"
        )


@pytest.mark.parametrize("command_name", sorted(COMMANDS))
def test_page_names_arguments(command_name: str) -> None:
    section = page_sections().get(command_name, "")
    for parameter in COMMANDS[command_name].params:
        if isinstance(parameter, click.Argument):
            assert parameter.human_readable_name in section, (
                f"`{command_name}`: argument {parameter.human_readable_name} is not on the page"
            )
