"""Fields of an addon's models, read from its Python files with ``ast`` (no Odoo needed)."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class FieldInfo:
    """One field declared in a model class."""

    name: str
    type: str
    string: str | None = None
    help: str | None = None
    selection: list[tuple[str, str]] = field(default_factory=list)
    comodel: str | None = None
    required: bool = False
    readonly: bool = False
    default: object = None
    config_parameter: str | None = None
    line: int = 0
    file: str = ""

    @property
    def label(self) -> str:
        """The label Odoo shows: ``string``, or the name made readable as Odoo does."""
        if self.string:
            return self.string
        name = self.name
        if name.endswith("_ids"):
            name = name[:-4]
        elif name.endswith("_id"):
            name = name[:-3]
        return name.replace("_", " ").title()


@dataclass
class ModelInfo:
    """A model class: its ``_name`` (or the inherited model), docstring and fields."""

    name: str
    class_name: str
    description: str | None
    docstring: str | None
    inherit: list[str]
    fields: dict[str, FieldInfo]
    file: str
    line: int


_FIELD_TYPES = {
    "Char", "Text", "Html", "Integer", "Float", "Monetary", "Boolean", "Date", "Datetime",
    "Selection", "Many2one", "One2many", "Many2many", "Binary", "Image", "Reference", "Json",
    "Properties",
}  # fmt: skip


def read_models(addon_dir: Path) -> dict[str, ModelInfo]:
    """Return the models declared under ``addon_dir`` by model name.

    Several classes extending the same model are merged, later fields winning as in Odoo.
    Files that do not parse are skipped: Odoo would fail on them anyway, and pylint reports them.
    """
    models: dict[str, ModelInfo] = {}
    for path in sorted(addon_dir.rglob("*.py")):
        if "tests" in path.relative_to(addon_dir).parts or path.name.startswith("__"):
            continue
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        except (SyntaxError, UnicodeDecodeError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                info = _read_class(node, path.relative_to(addon_dir).as_posix())
                if info is None:
                    continue
                if info.name in models:
                    models[info.name].fields.update(info.fields)
                    models[info.name].docstring = models[info.name].docstring or info.docstring
                else:
                    models[info.name] = info
    return models


def _read_class(node: ast.ClassDef, file: str) -> ModelInfo | None:
    attributes: dict[str, object] = {}
    fields: dict[str, FieldInfo] = {}
    for statement in node.body:
        if not isinstance(statement, ast.Assign) or len(statement.targets) != 1:
            continue
        target = statement.targets[0]
        if not isinstance(target, ast.Name):
            continue
        if target.id.startswith("_") and target.id in ("_name", "_inherit", "_description"):
            try:
                attributes[target.id] = ast.literal_eval(statement.value)
            except ValueError:
                continue
            continue
        info = _read_field(target.id, statement.value, file)
        if info is not None:
            fields[info.name] = info
    inherit = attributes.get("_inherit") or []
    if isinstance(inherit, str):
        inherit = [inherit]
    name = attributes.get("_name") or (inherit[0] if len(inherit) == 1 else None)
    if not isinstance(name, str):
        return None
    return ModelInfo(
        name=name,
        class_name=node.name,
        description=attributes.get("_description")
        if isinstance(attributes.get("_description"), str)
        else None,  # type: ignore[arg-type]
        docstring=ast.get_docstring(node),
        inherit=list(inherit),
        fields=fields,
        file=file,
        line=node.lineno,
    )


def _read_field(name: str, value: ast.expr, file: str) -> FieldInfo | None:
    if not isinstance(value, ast.Call):
        return None
    func = value.func
    if not (
        isinstance(func, ast.Attribute)
        and isinstance(func.value, ast.Name)
        and func.value.id == "fields"
        and func.attr in _FIELD_TYPES
    ):
        return None
    info = FieldInfo(name=name, type=func.attr, line=value.lineno, file=file)
    positional = [_literal(arg) for arg in value.args]
    if func.attr in ("Many2one", "One2many", "Many2many") and positional:
        info.comodel = positional[0] if isinstance(positional[0], str) else None
        positional = positional[1:]
        if func.attr == "One2many" and positional:
            positional = positional[1:]
    elif func.attr == "Selection" and positional:
        info.selection = _selection(positional[0])
        positional = positional[1:]
    if positional and isinstance(positional[0], str):
        info.string = positional[0]
    for keyword in value.keywords:
        literal = _literal(keyword.value)
        if keyword.arg == "string" and isinstance(literal, str):
            info.string = literal
        elif keyword.arg == "help" and isinstance(literal, str):
            info.help = literal
        elif keyword.arg == "selection":
            info.selection = _selection(literal)
        elif keyword.arg == "comodel_name" and isinstance(literal, str):
            info.comodel = literal
        elif keyword.arg in ("required", "readonly") and isinstance(literal, bool):
            setattr(info, keyword.arg, literal)
        elif keyword.arg == "default" and literal is not _UNKNOWN:
            info.default = literal
        elif keyword.arg == "config_parameter" and isinstance(literal, str):
            info.config_parameter = literal
    return info


_UNKNOWN = object()


def _literal(node: ast.expr) -> object:
    try:
        return ast.literal_eval(node)
    except ValueError:
        return _UNKNOWN


def _selection(value: object) -> list[tuple[str, str]]:
    if not isinstance(value, list | tuple):
        return []
    pairs = []
    for item in value:
        if isinstance(item, list | tuple) and len(item) == 2:
            pairs.append((str(item[0]), str(item[1])))
    return pairs
