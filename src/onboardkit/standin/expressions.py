"""Evaluating what Odoo views and RPC calls contain: domains, modifiers and sort orders.

Modifiers (``invisible="state != 'draft'"``) and QWeb conditions are Python-like (or, in
QWeb, JavaScript-like) expressions. They are parsed with ``ast`` and evaluated over a record's
values by a small interpreter, never with ``eval``. Anything outside the supported subset
evaluates to False, so an unknown condition leaves an element visible and editable.
"""

from __future__ import annotations

import ast
import logging
import re
from collections.abc import Callable, Mapping
from typing import Any

log = logging.getLogger(__name__)

_UNSET = object()


class _Namespace:
    """Attribute access over a mapping, for ``record.state.raw_value`` in QWeb conditions."""

    def __init__(self, values: Mapping[str, Any]):
        self.values = values

    def get(self, name: str) -> Any:
        return self.values.get(name, False)


def evaluate(expression: str | None, values: Mapping[str, Any]) -> Any:
    """Return the value of a Python-like ``expression`` over ``values`` (False when unknown)."""
    if expression is None:
        return False
    text = expression.strip()
    if not text:
        return False
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError:
        log.debug("Unsupported expression %r", expression)
        return False
    try:
        return _eval(tree.body, values)
    except _Unsupported:
        log.debug("Unsupported expression %r", expression)
        return False


def evaluate_js(expression: str | None, values: Mapping[str, Any]) -> Any:
    """Evaluate a QWeb (JavaScript-like) condition such as ``!record.tracking_ref.raw_value``."""
    if not expression:
        return False
    text = expression.replace("===", "==").replace("!==", "!=")
    text = text.replace("&&", " and ").replace("||", " or ")
    text = re.sub(r"!(?!=)", " not ", text)
    text = re.sub(r"\btrue\b", "True", text)
    text = re.sub(r"\bfalse\b", "False", text)
    text = re.sub(r"\b(null|undefined)\b", "None", text)
    return evaluate(text, values)


class _Unsupported(Exception):
    pass


_COMPARE: dict[type, Callable[[Any, Any], bool]] = {
    ast.Eq: lambda a, b: a == b,
    ast.NotEq: lambda a, b: a != b,
    ast.In: lambda a, b: a in b if isinstance(b, list | tuple | set | str) else False,
    ast.NotIn: lambda a, b: a not in b if isinstance(b, list | tuple | set | str) else True,
    ast.Lt: lambda a, b: _ordered(a, b) and a < b,
    ast.LtE: lambda a, b: _ordered(a, b) and a <= b,
    ast.Gt: lambda a, b: _ordered(a, b) and a > b,
    ast.GtE: lambda a, b: _ordered(a, b) and a >= b,
}


def _ordered(left: Any, right: Any) -> bool:
    numbers = (int, float)
    if isinstance(left, numbers) and isinstance(right, numbers):
        return True
    return isinstance(left, str) and isinstance(right, str)


def _eval(node: ast.AST, values: Mapping[str, Any]) -> Any:
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        if node.id in ("True", "False", "None"):
            return {"True": True, "False": False, "None": None}[node.id]
        return values.get(node.id, False)
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return [_eval(item, values) for item in node.elts]
    if isinstance(node, ast.BoolOp):
        return _bool_op(node, values)
    if isinstance(node, ast.UnaryOp):
        operand = _eval(node.operand, values)
        if isinstance(node.op, ast.Not):
            return not operand
        if isinstance(node.op, ast.USub) and isinstance(operand, int | float):
            return -operand
        raise _Unsupported
    if isinstance(node, ast.Compare):
        return _compare(node, values)
    if isinstance(node, ast.Attribute):
        return _attribute(_eval(node.value, values), node.attr)
    raise _Unsupported


def _bool_op(node: ast.BoolOp, values: Mapping[str, Any]) -> Any:
    result: Any = _UNSET
    for operand in node.values:
        result = _eval(operand, values)
        if isinstance(node.op, ast.And) and not result:
            return result
        if isinstance(node.op, ast.Or) and result:
            return result
    return result


def _compare(node: ast.Compare, values: Mapping[str, Any]) -> bool:
    left = _eval(node.left, values)
    for operator, comparator in zip(node.ops, node.comparators, strict=True):
        right = _eval(comparator, values)
        check = _COMPARE.get(type(operator))
        if check is None or not check(left, right):
            return False
        left = right
    return True


def _attribute(value: Any, name: str) -> Any:
    if isinstance(value, _Namespace):
        return value.get(name)
    if isinstance(value, Mapping):
        return value.get(name, False)
    return False


def qweb_values(record: Mapping[str, Any], display: Mapping[str, str]) -> dict[str, Any]:
    """Return the names a kanban template sees: ``record.<field>.raw_value`` and ``.value``."""
    fields = {
        name: _Namespace({"raw_value": raw, "value": display.get(name, raw)})
        for name, raw in record.items()
    }
    return {"record": _Namespace(fields), **record}


# Domains ------------------------------------------------------------------------------------


def _like(value: Any, pattern: Any, case: bool) -> bool:
    if value is False or value is None:
        return False
    text, wanted = str(value), str(pattern)
    return wanted in text if case else wanted.lower() in text.lower()


_LEAF_OPERATORS: dict[str, Callable[[Any, Any], bool]] = {
    "=": lambda v, w: v == w or (w is False and v in (None, "", [])),
    "!=": lambda v, w: not (v == w or (w is False and v in (None, "", []))),
    "in": lambda v, w: (v in w) if not isinstance(v, list) else bool(set(v) & set(w)),
    "not in": lambda v, w: (v not in w) if not isinstance(v, list) else not set(v) & set(w),
    "like": lambda v, w: _like(v, w, True),
    "ilike": lambda v, w: _like(v, w, False),
    "not ilike": lambda v, w: not _like(v, w, False),
    "=like": lambda v, w: _like(v, str(w).strip("%"), True),
    "=ilike": lambda v, w: _like(v, str(w).strip("%"), False),
    "<": lambda v, w: _ordered(v, w) and v < w,
    "<=": lambda v, w: _ordered(v, w) and v <= w,
    ">": lambda v, w: _ordered(v, w) and v > w,
    ">=": lambda v, w: _ordered(v, w) and v >= w,
}


class DomainError(ValueError):
    """A domain that is not a list of leaves and operators, or names an unknown operator."""


def match_domain(
    domain: list[Any] | tuple[Any, ...], record: Mapping[str, Any], resolve: Callable | None = None
) -> bool:
    """Return whether ``record`` satisfies the Odoo ``domain`` (prefix notation).

    ``resolve(record, path)`` returns the value of a dotted path such as ``partner_id.name``;
    without it only plain field names are read.

    Raises:
        DomainError: the domain is malformed or uses an unknown operator.
    """
    if not isinstance(domain, list | tuple):
        raise DomainError(f"a domain is a list, not {type(domain).__name__}")
    stack: list[bool] = []
    for item in reversed(list(domain)):
        if item == "!":
            stack.append(not _pop(stack))
        elif item in ("&", "|"):
            first, second = _pop(stack), _pop(stack)
            stack.append(first and second if item == "&" else first or second)
        elif isinstance(item, list | tuple) and len(item) == 3:
            stack.append(_leaf(item, record, resolve))
        elif item in (1, True, [1, "=", 1]):
            stack.append(True)
        else:
            raise DomainError(f"invalid domain item {item!r}")
    return all(stack)


def _pop(stack: list[bool]) -> bool:
    if not stack:
        raise DomainError("an operator in the domain lacks an operand")
    return stack.pop()


def _leaf(leaf: list[Any] | tuple[Any, ...], record: Mapping[str, Any], resolve) -> bool:
    path, operator, wanted = leaf
    check = _LEAF_OPERATORS.get(str(operator))
    if check is None:
        raise DomainError(f"unknown domain operator {operator!r}")
    if resolve is not None:
        value = resolve(record, str(path))
    else:
        value = record.get(str(path), False)
    if isinstance(wanted, tuple):
        wanted = list(wanted)
    return check(value, wanted)


def sort_key_order(order: str | None) -> list[tuple[str, bool]]:
    """Parse ``"received_on desc, id desc"`` into ``[(field, descending), ...]``."""
    result = []
    for part in (order or "id").split(","):
        words = part.split()
        if words:
            result.append((words[0], len(words) > 1 and words[1].lower() == "desc"))
    return result


def sort_records(
    records: list[dict[str, Any]], order: str | None, value: Callable | None = None
) -> list[dict[str, Any]]:
    """Sort ``records`` by an Odoo ``order`` clause; empty values sort last as in PostgreSQL."""
    result = list(records)
    for name, descending in reversed(sort_key_order(order)):
        read = value or (lambda record, field: record.get(field, False))

        def key(record: dict[str, Any], name: str = name, read=read) -> tuple[int, Any]:
            found = read(record, name)
            if found is False or found is None:
                return (1, "")
            return (0, found if not isinstance(found, bool) else int(found))

        present = [r for r in result if key(r)[0] == 0]
        empty = [r for r in result if key(r)[0] == 1]
        present.sort(key=lambda r: key(r)[1], reverse=descending)
        result = present + empty if not descending else empty + present
    return result
