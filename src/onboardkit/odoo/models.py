"""Fields of an addon's models, read from its Python files with ``ast`` (no Odoo needed)."""

from __future__ import annotations

import ast
import dataclasses
from collections.abc import Iterable
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
    related: str | None = None
    line: int = 0
    file: str = ""
    inverse: str | None = None
    compute: str | None = None
    group_expand: str | None = None

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
    """A model class: its ``_name`` (or the inherited model), docstring, fields and methods."""

    name: str
    class_name: str
    description: str | None
    docstring: str | None
    inherit: list[str]
    fields: dict[str, FieldInfo]
    file: str
    line: int
    methods: set[str] = field(default_factory=set)


_FIELD_TYPES = {
    "Char", "Text", "Html", "Integer", "Float", "Monetary", "Boolean", "Date", "Datetime",
    "Selection", "Many2one", "One2many", "Many2many", "Binary", "Image", "Reference", "Json",
    "Properties",
}  # fmt: skip


def read_models(addon_dir: Path) -> dict[str, ModelInfo]:
    """Return the models declared under ``addon_dir`` by model name.

    Several classes extending the same model are merged, later fields winning as in Odoo.
    Files that do not parse are skipped: Odoo would fail on them anyway, and pylint reports them.
    A selection given as a module-level constant (``SERVICE_LEVELS = [...]``) is resolved
    by name across the addon's files, without following imports.
    """
    models: dict[str, ModelInfo] = {}
    trees = _parse_python_files(addon_dir)
    constants = _module_constants(trees.values())
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                info = _read_class(node, path.relative_to(addon_dir).as_posix(), constants)
                if info is None:
                    continue
                if info.name in models:
                    models[info.name].fields.update(info.fields)
                    models[info.name].methods |= info.methods
                    models[info.name].docstring = models[info.name].docstring or info.docstring
                else:
                    models[info.name] = info
    return models


def _parse_python_files(addon_dir: Path) -> dict[Path, ast.Module]:
    trees: dict[Path, ast.Module] = {}
    for path in sorted(addon_dir.rglob("*.py")):
        if "tests" in path.relative_to(addon_dir).parts or path.name.startswith("__"):
            continue
        try:
            trees[path] = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        except (SyntaxError, UnicodeDecodeError):
            continue
    return trees


def _module_constants(trees: Iterable[ast.Module]) -> dict[str, object]:
    """Map each module-level ``NAME = <literal>`` of the files to its value."""
    constants: dict[str, object] = {}
    for tree in trees:
        for statement in tree.body:
            if not isinstance(statement, ast.Assign) or len(statement.targets) != 1:
                continue
            target = statement.targets[0]
            if isinstance(target, ast.Name):
                value = _literal(statement.value)
                if value is not _UNKNOWN:
                    constants[target.id] = value
    return constants


def _read_class(
    node: ast.ClassDef, file: str, constants: dict[str, object] | None = None
) -> ModelInfo | None:
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
        info = _read_field(target.id, statement.value, file, constants or {})
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
        methods={
            statement.name
            for statement in node.body
            if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef)
        },
    )


def _read_field(
    name: str, value: ast.expr, file: str, constants: dict[str, object] | None = None
) -> FieldInfo | None:
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
    constants = constants or {}
    positional = [_literal(arg, constants) for arg in value.args]
    if func.attr in ("Many2one", "One2many", "Many2many") and positional:
        info.comodel = positional[0] if isinstance(positional[0], str) else None
        positional = positional[1:]
        if func.attr == "One2many" and positional:
            info.inverse = positional[0] if isinstance(positional[0], str) else None
            positional = positional[1:]
    elif func.attr == "Selection" and positional:
        info.selection = _selection(positional[0])
        positional = positional[1:]
    if positional and isinstance(positional[0], str):
        info.string = positional[0]
    for keyword in value.keywords:
        literal = _literal(keyword.value, constants)
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
        elif keyword.arg == "related" and isinstance(literal, str):
            info.related = literal
        elif keyword.arg in ("inverse_name", "group_expand") and isinstance(literal, str):
            setattr(info, "inverse" if keyword.arg == "inverse_name" else keyword.arg, literal)
        elif keyword.arg == "compute":
            info.compute = literal if isinstance(literal, str) else "<callable>"
    return info


_UNKNOWN = object()


def _literal(node: ast.expr, constants: dict[str, object] | None = None) -> object:
    if isinstance(node, ast.Name) and constants and node.id in constants:
        return constants[node.id]
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


# Comodels of fields that Odoo's own modules declare on many models; a related path through
# them can be followed even though the addon does not declare the field.
_COMMON_COMODELS = {
    "company_id": "res.company",
    "currency_id": "res.currency",
    "partner_id": "res.partner",
    "user_id": "res.users",
}


def related_target(
    models: dict[str, ModelInfo], field: FieldInfo, model: str, depth: int = 0
) -> FieldInfo | None:
    """Return the field that ``field`` (on ``model``) is related to, when the addon declares it.

    Odoo gives a related field the label, help and default of its target unless it sets its
    own, so labels and help texts must be read there. A target that is itself related is
    followed too, up to a few levels so that a cycle cannot loop.
    """
    if not field.related or depth > 4:
        return None
    names = field.related.split(".")
    current_model: str | None = model
    for name in names[:-1]:
        declared = models.get(current_model) if current_model else None
        step = declared.fields.get(name) if declared else None
        current_model = (step.comodel if step else None) or _COMMON_COMODELS.get(name)
    declared = models.get(current_model) if current_model else None
    target = declared.fields.get(names[-1]) if declared else None
    if target is None or current_model is None:
        return None
    return effective_field(models, current_model, target, depth + 1)


def effective_field(
    models: dict[str, ModelInfo], model: str, field: FieldInfo, depth: int = 0
) -> FieldInfo:
    """Return ``field`` with the label, help, default and options it takes from its target.

    Values the field sets itself win, as in Odoo.
    """
    target = related_target(models, field, model, depth)
    if target is None:
        return field
    return dataclasses.replace(
        field,
        string=field.string or target.label,
        help=field.help or target.help,
        default=field.default if field.default is not None else target.default,
        selection=field.selection or target.selection,
        comodel=field.comodel or target.comodel,
    )
