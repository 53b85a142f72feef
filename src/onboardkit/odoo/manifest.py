"""Read ``__manifest__.py`` with ``ast.literal_eval``: the file is parsed, never executed."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from onboardkit.errors import Problem, ValidationFailed

MANIFEST_NAMES = ("__manifest__.py", "__openerp__.py")


@dataclass
class Manifest:
    """The literal dictionary of a manifest, with the line of each key and its source text."""

    path: Path
    values: dict[str, Any]
    key_lines: dict[str, int] = field(default_factory=dict)
    source: str = ""

    @property
    def module(self) -> str:
        return self.path.parent.name

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    @property
    def version(self) -> str:
        return str(self.values.get("version", "0.0"))

    @property
    def name(self) -> str:
        return str(self.values.get("name", self.module))


def find_manifest(addon_dir: Path) -> Path | None:
    for name in MANIFEST_NAMES:
        candidate = addon_dir / name
        if candidate.is_file():
            return candidate
    return None


def read_manifest(addon_dir: str | Path) -> Manifest:
    """Parse the manifest of the addon in ``addon_dir``.

    Raises:
        ValidationFailed: the folder has no manifest, or the manifest is not a literal dictionary.
    """
    addon_dir = Path(addon_dir)
    path = find_manifest(addon_dir)
    if path is None:
        raise ValidationFailed(
            [
                Problem(
                    str(addon_dir),
                    "no __manifest__.py in this folder, so it is not an Odoo addon.",
                    fix="Point at the addon's own folder (the one that holds __manifest__.py).",
                )
            ]
        )
    return parse_manifest(path.read_text(encoding="utf-8"), path)


def parse_manifest(source: str, path: Path) -> Manifest:
    name = str(path)
    try:
        tree = ast.parse(source, filename=name, mode="exec")
    except SyntaxError as error:
        raise ValidationFailed(
            [
                Problem(
                    name, f"invalid Python: {error.msg}.", line=error.lineno, fix="Fix the syntax."
                )
            ]
        ) from error
    body = [node for node in tree.body if not _is_docstring(node)]
    if (
        len(body) != 1
        or not isinstance(body[0], ast.Expr)
        or not isinstance(body[0].value, ast.Dict)
    ):
        line = body[0].lineno if body else 1
        raise ValidationFailed(
            [
                Problem(
                    name,
                    "the manifest must be one literal dictionary and nothing else.",
                    line=line,
                    fix="Remove imports, assignments and other statements around the dictionary.",
                )
            ]
        )
    dict_node = body[0].value
    values: dict[str, Any] = {}
    key_lines: dict[str, int] = {}
    problems = []
    for key_node, value_node in zip(dict_node.keys, dict_node.values, strict=True):
        if not isinstance(key_node, ast.Constant) or not isinstance(key_node.value, str):
            line = (key_node or value_node).lineno
            problems.append(
                Problem(
                    name, "every key must be a literal string.", line=line, fix="Quote the key."
                )
            )
            continue
        key = key_node.value
        try:
            values[key] = ast.literal_eval(value_node)
        except ValueError:
            problems.append(
                Problem(
                    name,
                    "the value is code, not a literal.",
                    line=value_node.lineno,
                    field=key,
                    fix="Write the value out as a string, number, list or dictionary.",
                )
            )
            continue
        key_lines[key] = key_node.lineno
    if problems:
        raise ValidationFailed(problems)
    return Manifest(path=path, values=values, key_lines=key_lines, source=source)


def _is_docstring(node: ast.stmt) -> bool:
    return (
        isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    )
