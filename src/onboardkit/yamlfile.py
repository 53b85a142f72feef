"""YAML loading that remembers the line of every key and item, for error messages."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from onboardkit.errors import Problem

Location = tuple[str | int, ...]

# libyaml's parser, when PyYAML was built with it, is about ten times faster and keeps marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class LineMap:
    """Line numbers (1-based) of the nodes of one YAML document, by their path."""

    lines: dict[Location, int] = field(default_factory=dict)

    def line_of(self, path: Location) -> int | None:
        """Return the line of ``path``, or of its nearest ancestor that has one."""
        path = tuple(path)
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path[:-1]


class YamlDocument:
    """Parsed data of one YAML file with its line map."""

    def __init__(self, path: Path, data: Any, lines: LineMap):
        self.path = path
        self.data = data
        self.lines = lines


class _Collector:
    def __init__(self, file: str):
        self.file = file
        self.lines = LineMap()
        self.problems: list[Problem] = []

    def build(self, node: yaml.Node, path: Location) -> Any:
        self.lines.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = _scalar(key_node)
                if key in result:
                    self.problems.append(
                        Problem(
                            self.file,
                            f"duplicate key '{key}'.",
                            line=key_node.start_mark.line + 1,
                            field=_dotted(path + (key,)),
                            fix="Keep one of the two entries.",
                        )
                    )
                self.lines.lines[path + (key,)] = key_node.start_mark.line + 1
                result[key] = self.build(value_node, path + (key,))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (index,)) for index, item in enumerate(node.value)]
        return _scalar(node)


def _scalar(node: yaml.Node) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        return str(node.value)
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_object(node, deep=True)
    finally:
        loader.dispose()


def _dotted(path: Location) -> str:
    return ".".join(str(part) for part in path)


def load_yaml(
    path: str | Path, display_name: str | None = None
) -> tuple[YamlDocument, list[Problem]]:
    """Parse one YAML file; return the document and the problems found while parsing.

    A syntax error is returned as a problem with its line, and the document's data is None.
    """
    path = Path(path)
    name = display_name or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return YamlDocument(path, None, LineMap()), [
            Problem(name, "file not found.", fix="Create it, or fix the path that names it.")
        ]
    except UnicodeDecodeError as error:
        return YamlDocument(path, None, LineMap()), [
            Problem(name, f"not valid UTF-8 ({error.reason}).", fix="Save the file as UTF-8.")
        ]
    return parse_yaml(text, path, name)


def parse_yaml(text: str, path: Path, name: str) -> tuple[YamlDocument, list[Problem]]:
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        reason = error.problem or str(error)
        return YamlDocument(path, None, LineMap()), [
            Problem(name, f"invalid YAML: {reason}.", line=line, fix="Fix the YAML syntax there.")
        ]
    collector = _Collector(name)
    data = collector.build(node, ()) if node is not None else None
    return YamlDocument(path, data, collector.lines), collector.problems


def problems_from_pydantic(
    error: PydanticValidationError, file: str, lines: LineMap, prefix: Location = ()
) -> list[Problem]:
    """Turn pydantic's errors into problems that name the file, line and dotted field."""
    problems = []
    for item in error.errors():
        loc = tuple(part for part in item["loc"] if not str(part).startswith("function-"))
        full = tuple(prefix) + loc
        kind = item["type"]
        message = item["msg"]
        fix = None
        if kind == "extra_forbidden":
            message = f"unknown key '{loc[-1]}'."
            fix = "Remove it or check its spelling."
        elif kind == "missing":
            message = f"required key '{loc[-1]}' is missing."
            fix = "Add it."
        else:
            message = message[0].lower() + message[1:] if message else message
            if message.startswith("value error, "):
                message = message[len("value error, ") :]
            if not message.endswith("."):
                message += "."
            # Validators name the value in their own message; type errors do not.
            if (
                "input" in item
                and kind not in ("model_type", "dict_type", "value_error", "assertion_error")
                and _short(item["input"])
            ):
                message += f" Got: {item['input']!r}."
        problems.append(
            Problem(file, message, line=lines.line_of(full), field=_dotted(full) or None, fix=fix)
        )
    return problems


def _short(value: Any) -> bool:
    return isinstance(value, str | int | float | bool) and len(repr(value)) <= 80


M = TypeVar("M", bound=BaseModel)


def validate_as(
    model: type[M], data: Any, file: str, lines: LineMap, prefix: Location = ()
) -> tuple[M | None, list[Problem]]:
    """Validate ``data`` against ``model``; return the instance or the problems found."""
    try:
        return model.model_validate(data), []
    except PydanticValidationError as error:
        return None, problems_from_pydantic(error, file, lines, prefix)
