"""Writing listing keys into ``__manifest__.py`` with the smallest edit of its source text.

A key that exists gets its value replaced at the AST node's position. A missing key is inserted
before the closing brace, in the indentation, quote style and trailing-comma style of the file.
Every other byte of the file stays as it was, comments and formatting included.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

from onboardkit.errors import OnboardkitError
from onboardkit.fileio import write_bytes_atomic
from onboardkit.listing.manifest_rules import ManifestChange, python_literal
from onboardkit.odoo.manifest import parse_manifest

DEFAULT_INDENT = "    "


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    text: str


class _Offsets:
    """Turns AST positions (line, UTF-8 byte column) into indexes of the source string."""

    def __init__(self, source: str):
        self.source = source
        self.starts = [0] + [match.end() for match in re.finditer("\n", source)]

    def at(self, line: int, byte_column: int) -> int:
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.source)
        encoded = self.source[start:end].encode("utf-8")
        return start + len(encoded[:byte_column].decode("utf-8"))


def _manifest_dict(tree: ast.Module) -> ast.Dict:
    for node in tree.body:
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Dict):
            return node.value
    raise OnboardkitError("the manifest contains no literal dictionary to edit.")


def edit_manifest_source(source: str, changes: list[ManifestChange]) -> str:
    """Return ``source`` with ``changes`` applied and every other character kept."""
    node = _manifest_dict(ast.parse(source))
    offsets = _Offsets(source)
    quote = _quote_style(source, node, offsets)
    entries = {
        key.value: value
        for key, value in zip(node.keys, node.values, strict=True)
        if isinstance(key, ast.Constant) and isinstance(key.value, str)
    }
    edits = []
    missing = []
    for change in changes:
        value = entries.get(change.key)
        if value is None:
            missing.append(change)
            continue
        start = offsets.at(value.lineno, value.col_offset)
        end = offsets.at(value.end_lineno or value.lineno, value.end_col_offset or 0)
        edits.append(_Edit(start, end, python_literal(change.expected, quote)))
    if missing:
        edits += _insertions(source, node, offsets, missing, quote)
    for edit in sorted(edits, key=lambda item: item.start, reverse=True):
        source = source[: edit.start] + edit.text + source[edit.end :]
    return source


def _quote_style(source: str, node: ast.Dict, offsets: _Offsets) -> str:
    for key in node.keys:
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            start = offsets.at(key.lineno, key.col_offset)
            end = offsets.at(key.end_lineno or key.lineno, key.end_col_offset or 0)
            for character in source[start:end]:
                if character in "'\"":
                    return character
    return '"'


def _indent(source: str, node: ast.Dict, offsets: _Offsets) -> str:
    if not node.keys or node.keys[0] is None:
        return DEFAULT_INDENT
    key = node.keys[0]
    line_start = offsets.starts[key.lineno - 1]
    prefix = source[line_start : offsets.at(key.lineno, key.col_offset)]
    return prefix if prefix.strip() == "" and prefix else DEFAULT_INDENT


def _insertions(
    source: str, node: ast.Dict, offsets: _Offsets, missing: list[ManifestChange], quote: str
) -> list[_Edit]:
    close = offsets.at(node.end_lineno or node.lineno, node.end_col_offset or 0) - 1
    if source[close] != "}":
        raise OnboardkitError("could not find the closing brace of the manifest dictionary.")
    if node.values:
        last = node.values[-1]
        anchor = offsets.at(last.end_lineno or last.lineno, last.end_col_offset or 0)
    else:
        anchor = offsets.at(node.lineno, node.col_offset) + 1
    anchor, has_comma = _after_entry(source, anchor, close)
    entries = [
        f"{python_literal(change.key, quote)}: {python_literal(change.expected, quote)}"
        for change in missing
    ]
    edits = []
    needs_comma = bool(node.values) and not has_comma
    if "\n" in source[anchor:close]:
        line_end = source.index("\n", anchor)
        newline = "\n"
        if source[line_end - 1] == "\r":
            line_end -= 1
            newline = "\r\n"
        indent = _indent(source, node, offsets)
        trailing = has_comma or not node.values
        lines = [
            f"{newline}{indent}{entry}{',' if trailing or index < len(entries) - 1 else ''}"
            for index, entry in enumerate(entries)
        ]
        if needs_comma:
            edits.append(_Edit(anchor, anchor, ","))
        edits.append(_Edit(line_end, line_end, "".join(lines)))
    elif not node.values:
        edits.append(_Edit(close, close, ", ".join(entries)))
    elif has_comma:
        edits.append(_Edit(anchor, anchor, " " + ", ".join(entries) + ","))
    else:
        edits.append(_Edit(anchor, anchor, ", " + ", ".join(entries)))
    return edits


def _after_entry(source: str, position: int, close: int) -> tuple[int, bool]:
    """Return the position after the last entry (its closing parentheses and comma).

    Between the last value and the closing brace, Python allows only the value's closing
    parentheses, one comma, whitespace and comments.
    """
    index = position
    end = position
    while index < close:
        character = source[index]
        if character == "#":
            index = source.index("\n", index) if "\n" in source[index:close] else close
            continue
        if character == ")":
            end = index + 1
        elif character == ",":
            return index + 1, True
        index += 1
    return end, False


def apply_manifest_changes(path: Path, changes: list[ManifestChange]) -> None:
    """Write ``changes`` into the manifest at ``path``, atomically, after checking the result.

    Raises:
        OnboardkitError: the edited text would not read back with the expected values.
    """
    original = path.read_bytes().decode("utf-8")
    edited = edit_manifest_source(original, changes)
    before = parse_manifest(original, path).values
    after = parse_manifest(edited, path).values
    expected = dict(before)
    expected.update({change.key: change.expected for change in changes})
    if after != expected:
        raise OnboardkitError(
            f"{path}: editing the manifest would change more than the listing keys, so it was "
            "left as it was. Write the keys by hand, as `onboardkit listing` prints them."
        )
    write_bytes_atomic(path, edited.encode("utf-8"))
