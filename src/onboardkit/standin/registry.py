"""The models the stand-in serves: Odoo base models plus every loaded addon's models."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

from onboardkit.odoo.addon import Addon
from onboardkit.odoo.models import FieldInfo, ModelInfo, effective_field
from onboardkit.standin import builtin

ALWAYS_FIELDS = ["id:Integer:ID", "display_name:Char:Display Name"]


@dataclass
class ModelSpec:
    """A model's fields and the class attributes that change how its records show."""

    name: str
    fields: dict[str, FieldInfo]
    rec_name: str = "name"
    order: str = "id"
    description: str = ""
    modules: list[str] = field(default_factory=list)


class Registry:
    """Every model by name; fields declared by several addons are merged as Odoo does."""

    def __init__(self, addons: list[Addon]):
        self.models: dict[str, ModelSpec] = {}
        for name, specs in builtin.MODEL_FIELDS.items():
            self._declare(name, builtin.parse_fields(ALWAYS_FIELDS + specs))
            self.models[name].rec_name = builtin.REC_NAMES.get(name, "name")
            for field_name in builtin.READONLY_FIELDS.get(name, ()):
                self.models[name].fields[field_name].readonly = True
        for addon in addons:
            for info in addon.models.values():
                self._add_addon_model(addon, info)

    def get(self, name: str) -> ModelSpec | None:
        return self.models.get(name)

    def field(self, model: str, name: str) -> FieldInfo | None:
        spec = self.models.get(model)
        return spec.fields.get(name) if spec else None

    def _declare(self, name: str, fields: dict[str, FieldInfo]) -> ModelSpec:
        spec = self.models.get(name)
        if spec is None:
            spec = ModelSpec(name, builtin.parse_fields(ALWAYS_FIELDS))
            self.models[name] = spec
        spec.fields.update(fields)
        return spec

    def _add_addon_model(self, addon: Addon, info: ModelInfo) -> None:
        resolved = {
            name: effective_field(addon.models, info.name, value)
            for name, value in info.fields.items()
        }
        spec = self._declare(info.name, {})
        if "mail.thread" in info.inherit:
            for name, value in builtin.parse_fields(builtin.MAIL_THREAD_FIELDS).items():
                spec.fields.setdefault(name, value)
        spec.fields.update(resolved)
        spec.modules.append(addon.module)
        spec.description = spec.description or info.description or ""
        attributes = _class_attributes(addon.path / info.file, info.line)
        if "_rec_name" in attributes:
            spec.rec_name = attributes["_rec_name"]
        elif "name" not in spec.fields and spec.rec_name == "name":
            spec.rec_name = _first_char_field(spec.fields)
        if "_order" in attributes:
            spec.order = attributes["_order"]


def _first_char_field(fields: dict[str, FieldInfo]) -> str:
    for name, info in fields.items():
        if info.type == "Char" and name not in ("display_name",):
            return name
    return "id"


def _class_attributes(path: Path, line: int) -> dict[str, str]:
    """Read ``_rec_name`` and ``_order`` of the class starting at ``line`` of ``path``."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, UnicodeDecodeError):
        return {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.lineno == line:
            return _string_assignments(node, ("_rec_name", "_order"))
    return {}


def _string_assignments(node: ast.ClassDef, names: tuple[str, ...]) -> dict[str, str]:
    found: dict[str, str] = {}
    for statement in node.body:
        if not isinstance(statement, ast.Assign) or len(statement.targets) != 1:
            continue
        target = statement.targets[0]
        if isinstance(target, ast.Name) and target.id in names:
            value = statement.value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                found[target.id] = value.value
    return found
