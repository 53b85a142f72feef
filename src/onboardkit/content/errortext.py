"""Check that an "exact error text" quoted by a guide is really raised by the addon."""

from __future__ import annotations

import ast
import re
from functools import lru_cache
from pathlib import Path

# printf-style (%s, %(name)s, %d, %.2f) and str.format ({}, {name}, {0:.2f}) placeholders
PLACEHOLDER = re.compile(r"%(\([^)]*\))?[-#0 +]*\d*(\.\d+)?[sdifr]|\{[^{}]*\}")
LOG_METHODS = frozenset(
    {"debug", "info", "warning", "warn", "error", "exception", "critical", "log"}
)


def _pattern(literal: str, capture: bool = False) -> re.Pattern[str]:
    pieces = []
    position = 0
    for index, match in enumerate(PLACEHOLDER.finditer(literal)):
        pieces.append(re.escape(_squash(literal[position : match.start()])))
        pieces.append(f"(?P<p{index}>.+?)" if capture else r".+?")
        position = match.end()
    pieces.append(re.escape(_squash(literal[position:])))
    return re.compile("".join(pieces), re.S)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@lru_cache(maxsize=4)
def addon_messages(addon_dir: Path) -> tuple[str, ...]:
    """Every string literal of the addon's Python code that could be shown to a user."""
    found: list[str] = []
    for path in sorted(addon_dir.rglob("*.py")):
        if "tests" in path.relative_to(addon_dir).parts:
            continue
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError):
            continue
        logged = _logging_literals(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if id(node) in logged:
                    continue
                if len(node.value) >= 8 and " " in node.value:
                    found.append(node.value)
    return tuple(found)


def _logging_literals(tree: ast.AST) -> set[int]:
    """Return the ids of string constants passed to logger calls such as ``_logger.info``.

    Log lines go to the server log, never to a user's screen, and their format strings are
    often mostly placeholders ("Caravan %s %s") that would match almost any sentence.
    """
    logged: set[int] = set()
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        owner = node.func.value
        if node.func.attr not in LOG_METHODS or not isinstance(owner, ast.Name):
            continue
        if "log" not in owner.id.lower():
            continue
        for argument in node.args:
            logged.update(id(child) for child in ast.walk(argument))
    return logged


def find_message(addon_dir: Path, error_text: str) -> str | None:
    """Return the addon's literal that produces ``error_text`` (placeholders match any text).

    When several literals match, the one with the most fixed text wins: "Caravan rejected the
    address: %s" is a better source than "Caravan %s".
    """
    wanted = " ".join(error_text.split())
    matches = [
        literal for literal in addon_messages(addon_dir) if _pattern(literal).fullmatch(wanted)
    ]
    if not matches:
        return None
    return max(matches, key=lambda literal: len(PLACEHOLDER.sub("", literal)))


def translate_message(literal: str, error_text: str, translated_literal: str) -> str:
    """Fill the translated literal's placeholders with the values ``error_text`` has."""
    match = _pattern(literal, capture=True).fullmatch(" ".join(error_text.split()))
    if not match:
        return translated_literal
    by_name: dict[str, str] = {}
    by_order: list[str] = []
    for index, placeholder in enumerate(PLACEHOLDER.finditer(literal)):
        value = match.group(f"p{index}")
        by_order.append(value)
        by_name[_placeholder_name(placeholder.group(0))] = value
    order = iter(by_order)

    def fill(placeholder: re.Match[str]) -> str:
        name = _placeholder_name(placeholder.group(0))
        if name and name in by_name:
            return by_name[name]
        return next(order, placeholder.group(0))

    return PLACEHOLDER.sub(fill, translated_literal)


def _placeholder_name(placeholder: str) -> str:
    """Return the name of ``%(name)s`` or ``{name}``; empty for positional placeholders."""
    named = re.match(r"%\(([^)]*)\)|\{([A-Za-z_]\w*)", placeholder)
    return (named.group(1) or named.group(2)) if named else ""
