"""Checks of one view architecture against the models it shows.

Used by :mod:`onboardkit.odoo.viewcheck`. The checker walks a view element by element and
looks up every field name, button method, modifier expression, domain, group-by and kanban
``record.<field>`` reference on the model. Inside the inline list or form of a relational
field, the model is the field's comodel. The fields of the addon's own models are read in
full, so a missing one is an error. Fields of standard models come from partial tables, so a
missing one is a warning.
"""

from __future__ import annotations

import ast
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from onboardkit.errors import Problem
from onboardkit.odoo.models import FieldInfo, ModelInfo
from onboardkit.odoo.standard import (
    MAGIC_FIELDS,
    MIXIN_FIELDS,
    MIXIN_METHODS,
    STANDARD_FIELDS,
    STANDARD_METHODS,
)

# Python expressions in views (modifiers, decorations, domains) attached to a field's value.
EXPRESSION_ATTRIBUTES = ("invisible", "readonly", "required", "column_invisible")
DOMAIN_ATTRIBUTES = ("domain", "filter_domain")
# Names that Odoo 17+ provides to view expressions besides the record's fields.
EXPRESSION_NAMES = frozenset(
    {
        "True", "False", "None", "context", "uid", "parent", "id", "self", "today", "now",
        "current_date", "context_today", "relativedelta", "datetime", "time",
        "current_company_id", "allowed_company_ids", "active_id", "active_ids",
        "active_model", "len",
    }
)  # fmt: skip
KANBAN_RECORD_REFERENCE = re.compile(r"\brecord\.(\w+)")
SUBVIEW_TAGS = ("list", "tree", "form", "kanban")


@dataclass
class ModelKnowledge:
    """Fields and methods of one model, and whether the checker has the complete list."""

    name: str
    fields: dict[str, FieldInfo | None]
    methods: set[str]
    complete: bool
    inherits_mail_thread: bool = False
    mixins: list[str] = field(default_factory=list)


def build_knowledge(models: dict[str, ModelInfo]) -> dict[str, ModelKnowledge]:
    """Combine the addon's models with the standard tables into one lookup by model name."""
    known: dict[str, ModelKnowledge] = {}
    for name, names in STANDARD_FIELDS.items():
        known[name] = ModelKnowledge(
            name=name,
            fields=dict.fromkeys(names | MAGIC_FIELDS),
            methods=set(STANDARD_METHODS.get(name, ())),
            complete=False,
        )
    for name, info in models.items():
        extension = name in info.inherit
        base = known.get(name)
        fields: dict[str, FieldInfo | None] = dict(base.fields) if base else {}
        methods = set(base.methods) if base else set()
        fields.update(dict.fromkeys(MAGIC_FIELDS))
        mixins = [parent for parent in info.inherit if parent != name]
        for mixin in mixins:
            fields.update(dict.fromkeys(MIXIN_FIELDS.get(mixin, ())))
            methods |= MIXIN_METHODS.get(mixin, frozenset())
        fields.update(info.fields)
        methods |= info.methods
        known[name] = ModelKnowledge(
            name=name,
            fields=fields,
            methods=methods,
            complete=not extension and all(mixin in MIXIN_FIELDS for mixin in mixins),
            inherits_mail_thread="mail.thread" in mixins or extension,
            mixins=mixins,
        )
    return known


class ArchChecker:
    """Walks one view's architecture and collects its problems.

    Args:
        file: Path of the XML file, as problems should name it.
        view_id: Full XML id of the view, quoted in messages.
        knowledge: Models by name, from :func:`build_knowledge`.
        check_ref: Called with (reference, element) for every XML id the view names.
    """

    def __init__(
        self,
        file: str,
        view_id: str,
        knowledge: dict[str, ModelKnowledge],
        check_ref: Callable[[str, etree._Element], None],
    ):
        self.file = file
        self.view_id = view_id
        self.knowledge = knowledge
        self.check_ref = check_ref
        self.problems: list[Problem] = []

    def check(self, arch: etree._Element, model_name: str, inherited: bool) -> list[Problem]:
        """Check ``arch``, the root element of a view on ``model_name``.

        ``inherited`` marks an inheriting view, whose ``<xpath>`` and positioned elements
        locate content in the parent view instead of adding it.
        """
        model = self.knowledge.get(model_name)
        self._walk(arch, model, inherited)
        return self.problems

    def _walk(self, element: etree._Element, model: ModelKnowledge | None, inherited: bool):
        if not isinstance(element.tag, str):
            return
        if model is not None and not (inherited and element.get("position")):
            self._check_element(element, model)
        elif model is not None and element.tag == "field":
            self._check_field_name(element, model, element.get("name", ""))
        child_model = model
        if element.tag == "field" and model is not None and self._has_subview(element):
            child_model = self._comodel(model, element.get("name", ""))
        for child in element:
            self._walk(child, child_model, inherited)

    @staticmethod
    def _has_subview(element: etree._Element) -> bool:
        return any(isinstance(child.tag, str) and child.tag in SUBVIEW_TAGS for child in element)

    def _comodel(self, model: ModelKnowledge, field_name: str) -> ModelKnowledge | None:
        info = model.fields.get(field_name)
        if info is None or not info.comodel:
            return None
        return self.knowledge.get(info.comodel)

    def _check_element(self, element: etree._Element, model: ModelKnowledge) -> None:
        tag = element.tag
        if tag == "field":
            self._check_field_name(element, model, element.get("name", ""))
            self._check_statusbar(element, model)
        elif tag == "label" and element.get("for"):
            self._check_field_name(element, model, element.get("for", ""))
        elif tag == "button":
            self._check_button(element, model)
        elif tag == "chatter" and not model.inherits_mail_thread:
            self._error(
                element,
                f"uses <chatter/>, but model '{model.name}' does not inherit mail.thread.",
                "Add 'mail.thread' to the model's _inherit, or remove <chatter/>.",
            )
        elif tag == "filter" and element.get("date"):
            self._check_field_name(element, model, element.get("date", ""))
        elif tag == "progressbar" and element.get("field"):
            self._check_field_name(element, model, element.get("field", ""))
        for attribute in ("default_group_by", "default_order"):
            for name in _order_fields(element.get(attribute, "")):
                self._check_field_name(element, model, name)
        self._check_expressions(element, model)
        self._check_context(element, model)
        self._check_kanban_references(element, model)
        groups = element.get("groups")
        if groups:
            for group in groups.split(","):
                self.check_ref(group.strip().lstrip("!"), element)

    def _check_field_name(
        self, element: etree._Element, model: ModelKnowledge, name: str, usage: str = ""
    ) -> None:
        if not name or name in model.fields:
            return
        where = f" in {usage}" if usage else ""
        hint = _suggest(name, model.fields)
        if model.complete:
            self._error(
                element,
                f"field '{name}'{where} not found on model '{model.name}'{hint}",
                "Use a field the model declares, or add the field to the model.",
            )
        else:
            self._warning(
                element,
                f"field '{name}'{where} is not in onboardkit's field table for "
                f"model '{model.name}'{hint}",
                "If it is a standard Odoo field, ignore this warning; otherwise check its name.",
            )

    def _check_statusbar(self, element: etree._Element, model: ModelKnowledge) -> None:
        visible = element.get("statusbar_visible")
        info = model.fields.get(element.get("name", ""))
        if not visible or info is None or not info.selection:
            return
        values = dict(info.selection)
        for value in visible.split(","):
            if value.strip() not in values:
                self._error(
                    element,
                    f"statusbar_visible names '{value.strip()}', which is not a value of "
                    f"field '{model.name}/{info.name}'{_suggest(value.strip(), values)}",
                    "List values of the field's selection.",
                )

    def _check_button(self, element: etree._Element, model: ModelKnowledge) -> None:
        name = element.get("name", "")
        kind = element.get("type")
        if kind == "action" and name.startswith("%(") and name.endswith(")d"):
            self.check_ref(name[2:-2], element)
        elif kind == "object" and name not in model.methods:
            hint = _suggest(name, model.methods)
            message = f"button '{name}' (type object) is not a method of model '{model.name}'"
            if model.complete:
                self._error(element, message + hint, "Name a method of the model, or add it.")
            else:
                self._warning(
                    element,
                    message + " in onboardkit's tables" + hint,
                    "If it is a standard Odoo method, ignore this warning.",
                )

    def _check_expressions(self, element: etree._Element, model: ModelKnowledge) -> None:
        attributes = [*EXPRESSION_ATTRIBUTES, *DOMAIN_ATTRIBUTES]
        attributes += [name for name in element.attrib if name.startswith("decoration-")]
        for attribute in attributes:
            source = element.get(attribute)
            if not source:
                continue
            try:
                tree = ast.parse(source.strip(), mode="eval")
            except SyntaxError:
                self._error(
                    element,
                    f'{attribute}="{source}" is not a valid Python expression.',
                    "Fix the expression.",
                )
                continue
            usage = f'{attribute}="{source}"'
            names = _domain_fields(tree) if attribute in DOMAIN_ATTRIBUTES else set()
            if attribute == "domain" and element.tag == "field":
                names = set()  # a field's domain filters its comodel, not this model
            for name in sorted(names | _expression_names(tree, attribute)):
                self._check_field_name(element, model, name, usage)

    def _check_context(self, element: etree._Element, model: ModelKnowledge) -> None:
        source = element.get("context")
        if not source or element.tag != "filter":
            return
        try:
            tree = ast.parse(source.strip(), mode="eval")
        except SyntaxError:
            self._error(element, f'context="{source}" is not valid Python.', "Fix the context.")
            return
        for node in ast.walk(tree):
            if not isinstance(node, ast.Dict):
                continue
            for key, value in zip(node.keys, node.values, strict=True):
                is_group_by = isinstance(key, ast.Constant) and key.value == "group_by"
                if is_group_by and isinstance(value, ast.Constant):
                    for name in str(value.value).split(","):
                        self._check_field_name(element, model, name.split(":")[0].strip())

    def _check_kanban_references(self, element: etree._Element, model: ModelKnowledge) -> None:
        for attribute, source in element.attrib.items():
            if not attribute.startswith("t-"):
                continue
            for name in KANBAN_RECORD_REFERENCE.findall(source):
                self._check_field_name(element, model, name, f'{attribute}="{source}"')

    def _error(self, element: etree._Element, message: str, fix: str) -> None:
        self._add(element, message, fix, "error")

    def _warning(self, element: etree._Element, message: str, fix: str) -> None:
        self._add(element, message, fix, "warning")

    def _add(self, element: etree._Element, message: str, fix: str, severity: str) -> None:
        if not message.endswith((".", "?")):
            message += "."
        self.problems.append(
            Problem(
                self.file,
                f"view '{self.view_id}': {message}",
                line=element.sourceline,
                fix=fix,
                severity=severity,
            )
        )


def _expression_names(tree: ast.Expression, attribute: str) -> set[str]:
    """Return the free names of a modifier or decoration: the record fields it reads."""
    if attribute in DOMAIN_ATTRIBUTES:
        return set()
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id not in EXPRESSION_NAMES:
            names.add(node.id)
    return names


def _domain_fields(tree: ast.Expression) -> set[str]:
    """Return the first path component of each ``(field, operator, value)`` leaf."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Tuple | ast.List) and len(node.elts) == 3:
            first, operator = node.elts[0], node.elts[1]
            if (
                isinstance(first, ast.Constant)
                and isinstance(first.value, str)
                and isinstance(operator, ast.Constant)
                and isinstance(operator.value, str)
            ):
                names.add(first.value.split(".")[0])
    return names


def _order_fields(source: str) -> list[str]:
    return [part.split()[0] for part in source.split(",") if part.strip()]


def _suggest(value: str, known: object) -> str:
    choices = [str(item) for item in known]  # type: ignore[attr-defined]
    close = difflib.get_close_matches(value, choices, n=3)
    if not close:
        return ""
    return "; did you mean " + " or ".join(f"'{name}'" for name in close) + "?"
