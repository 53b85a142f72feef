"""``/web/dataset/call_kw`` methods over a stand-in database, with Odoo's answers' shapes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lxml import etree

from onboardkit.standin.database import Database, Record, UnknownModel
from onboardkit.standin.expressions import DomainError
from onboardkit.standin.i18n import Translator


class RpcFault(Exception):
    """An error returned to the caller as a JSON-RPC error; ``name`` is Odoo's class path."""

    def __init__(self, name: str, message: str):
        super().__init__(message)
        self.name = name
        self.message = message


class Orm:
    """The ORM methods a web client and onboardkit's capture code call."""

    def __init__(self, database: Database, uid: int, translator: Translator):
        self.db = database
        self.uid = uid
        self.tr = translator
        self.context: dict[str, Any] = {}

    def call(self, model: str, method: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
        """Run ``model.method(*args, **kwargs)``.

        Raises:
            RpcFault: unknown model or method, or invalid arguments.
        """
        handler: Callable[..., Any] | None = getattr(self, f"_m_{method}", None)
        if self.db.registry.get(model) is None and model != "ir.model.data":
            raise RpcFault("builtins.KeyError", f"Model '{model}' does not exist.")
        if handler is None:
            raise RpcFault(
                "builtins.AttributeError",
                f"The method '{method}' does not exist on the model '{model}'.",
            )
        self.context = dict(kwargs.get("context") or {})
        kwargs = {key: value for key, value in kwargs.items() if key != "context"}
        try:
            return handler(model, *args, **kwargs)
        except (TypeError, DomainError, UnknownModel) as error:
            raise RpcFault("odoo.exceptions.ValidationError", str(error)) from error

    # Searching ----------------------------------------------------------------------------

    def _search(self, model, domain, offset=0, limit=None, order=None) -> list[int]:
        active_test = self.context.get("active_test", True) is not False
        return self.db.search(model, list(domain or []), offset, limit, order, active_test)

    def _m_search(self, model, domain=(), offset=0, limit=None, order=None, **_):
        return self._search(model, domain, offset, limit, order)

    def _m_search_count(self, model, domain=(), **_):
        return len(self._search(model, domain))

    def _m_search_read(self, model, domain=(), fields=None, offset=0, limit=None, order=None, **_):
        ids = self._search(model, domain, offset, limit, order)
        return self._m_read(model, ids, fields)

    def _m_name_search(self, model, name="", args=None, operator="ilike", limit=100, **_):
        spec = self.db.registry.get(model)
        domain = list(args or [])
        if name and spec:
            domain.append((spec.rec_name, operator, name))
        ids = self._search(model, domain, 0, limit)
        return [[record_id, self.db.display_name(model, record_id)] for record_id in ids]

    def _m_web_search_read(
        self, model, domain=(), specification=None, offset=0, limit=None, order=None, **_
    ):
        every = self._search(model, domain, 0, None, order)
        ids = every[offset:][:limit] if limit else every[offset:]
        return {"length": len(every), "records": self._m_web_read(model, ids, specification)}

    # Reading ------------------------------------------------------------------------------

    def _m_read(self, model, ids, fields=None, **_):
        if model == "ir.model.data":
            self.db.search(model, [])
        result = []
        for record_id in ids or []:
            record = self.db.table(model).get(int(record_id))
            if record is not None:
                result.append(self.read_record(model, record, fields))
        return result

    def _m_web_read(self, model, ids, specification=None, **_):
        return self._m_read(model, ids, list(specification or {}) or None)

    def read_record(self, model: str, record: Record, fields: list[str] | None) -> dict:
        """Return ``record`` in the shape of Odoo's ``read``: many2one as ``[id, name]``."""
        spec = self.db.registry.get(model)
        names = fields or [name for name in (spec.fields if spec else record)]
        result: dict[str, Any] = {"id": record["id"]}
        for name in names:
            value = self.db.field_value(model, record, name)
            info = self.db.registry.field(model, name)
            if info is not None and info.type == "Many2one" and value and info.comodel:
                value = [value, self.tr.record_name(self.db, info.comodel, value)]
            elif name == "display_name":
                value = self.tr.record_name(self.db, model, record["id"])
            result[name] = value
        return result

    def _m_fields_get(self, model, allfields=None, attributes=None, **_):
        spec = self.db.registry.get(model)
        described = {}
        for name, info in spec.fields.items() if spec else []:
            if allfields and name not in allfields:
                continue
            described[name] = {
                "name": name,
                "type": info.type.lower(),
                "string": self.tr.field_label(model, name),
                "help": info.help or "",
                "readonly": bool(info.readonly or info.compute or info.related),
                "required": info.required,
                "relation": info.comodel or False,
                "selection": [
                    [key, self.tr.selection(model, name, key)] for key, _ in info.selection
                ],
            }
        return described

    def _m_get_views(self, model, views=(), options=None, **_):
        result: dict[str, Any] = {"views": {}, "models": {model: {"fields": {}}}}
        for view_id, view_type in views or []:
            kind = "list" if view_type == "tree" else view_type
            preferred = self._view_xmlid(view_id)
            view = self.db.bundle.views.primary(model, kind, preferred)
            result["views"][view_type] = {
                "arch": etree.tostring(view.arch, encoding="unicode"),
                "id": view.id,
                "model": model,
            }
        result["models"][model]["fields"] = self._m_fields_get(model)
        return result

    def _view_xmlid(self, view_id: Any) -> str | None:
        if not view_id:
            return None
        for xmlid, number in self.db.bundle.views.ids.items():
            if number == view_id:
                return xmlid
        return None

    def _m_default_get(self, model, fields_list=(), **_):
        defaults = self.db._defaults(model)
        return {name: defaults.get(name, False) for name in fields_list or defaults}

    # Writing ------------------------------------------------------------------------------

    def _m_write(self, model, ids, vals, **_):
        if model == "res.users" and "lang" in vals:
            self._check_language(vals["lang"])
        if model == "res.config.settings":
            self.db.settings.update(vals)
            return True
        self.db.write(model, [int(record_id) for record_id in ids], dict(vals))
        return True

    def _m_create(self, model, vals_list, **_):
        if isinstance(vals_list, dict):
            return self.db.create(model, vals_list)
        return [self.db.create(model, vals) for vals in vals_list]

    def _m_web_save(self, model, ids, vals, specification=None, **_):
        if ids:
            self._m_write(model, ids, vals)
        else:
            ids = [self.db.create(model, vals)]
        if model == "res.config.settings":
            return [{"id": 1, **self.db.settings}]
        return self._m_web_read(model, ids, specification)

    def _m_unlink(self, model, ids, **_):
        table = self.db.table(model)
        for record_id in ids:
            table.pop(int(record_id), None)
        return True

    def _check_language(self, code: Any) -> None:
        found = self.db.search("res.lang", [("code", "=", code), ("active", "=", True)])
        if not found:
            raise RpcFault(
                "odoo.exceptions.ValidationError",
                f"Invalid language code: {code}. The language must be installed and active.",
            )

    # Access checks the web client makes; the admin user passes them all. -----------------

    def _m_check_access_rights(self, model, operation="read", raise_exception=True, **_):
        return True

    def _m_has_group(self, model, group_ext_id="", **_):
        return group_ext_id != "base.group_multi_company"

    def _m_onchange(self, model, *args, **_):
        return {"value": {}}
