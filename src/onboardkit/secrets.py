"""Look for credentials where they must never be: the project's files and every output.

Two checks: the current values of the credential variables named in ``onboardkit.yml`` (a
leaked password is found whatever its shape), and assignments that look like a credential
(``password = "..."``, ``api_key: ...``) in text files of the project.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

from onboardkit.config import Project
from onboardkit.errors import Problem

TEXT_SUFFIXES = {
    ".md", ".yml", ".yaml", ".py", ".xml", ".po", ".pot", ".html", ".json", ".txt", ".csv",
    ".js", ".css", ".cfg", ".ini", ".toml", ".svg",
}  # fmt: skip
SKIPPED_FOLDERS = {".git", ".venv", "node_modules", "__pycache__", ".cache", ".pytest_cache"}
ASSIGNMENT = re.compile(
    r"""(?ix)\b(password|passwd|api[_-]?key|secret|token)\b\s*[:=]\s*["']([^"'\s]{8,})["']"""
)
# Values that are plainly placeholders or references, not credentials.
PLACEHOLDER = re.compile(r"(?i)^(\$\{?[A-Z_]+\}?|x{4,}|\*{4,}|changeme|example.*|your[_-].*)$")


def _files(root: Path) -> Iterator[Path]:
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = [name for name in subfolders if name not in SKIPPED_FOLDERS]
        for name in names:
            path = Path(folder) / name
            if path.suffix.lower() in TEXT_SUFFIXES or path.suffix.lower() in {
                ".png",
                ".webp",
                ".pdf",
            }:
                yield path


def secret_values(project: Project) -> list[str]:
    """The credential values currently set in the environment (never logged or printed)."""
    names = [project.config.odoo.password_env]
    values = [os.environ.get(name, "") for name in names]
    return [value for value in values if len(value) >= 6]


def scan(project: Project, roots: list[Path] | None = None) -> list[Problem]:
    """Return one problem per file that contains a credential; messages never show it."""
    values = [value.encode() for value in secret_values(project)]
    problems: list[Problem] = []
    for root in roots or [project.root]:
        if not root.exists():
            continue
        for path in _files(root):
            display = _display(path, project.root)
            try:
                data = path.read_bytes()
            except OSError:
                continue
            if any(value in data for value in values):
                problems.append(
                    Problem(
                        display,
                        "contains the value of a credential variable.",
                        fix="Delete the file or the value, and rotate that password.",
                    )
                )
                continue
            if path.suffix.lower() in TEXT_SUFFIXES:
                problems += _assignments(display, data)
    return problems


def _assignments(display: str, data: bytes) -> list[Problem]:
    problems = []
    text = data.decode("utf-8", errors="replace")
    for match in ASSIGNMENT.finditer(text):
        if PLACEHOLDER.match(match.group(2)):
            continue
        line = text.count("\n", 0, match.start()) + 1
        problems.append(
            Problem(
                display,
                f"'{match.group(1)}' is given a literal value that looks like a credential.",
                line=line,
                fix="Read it from an environment variable or the system keyring instead.",
            )
        )
    return problems


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)
