"""One in-memory database: records by model and id, XML ids, and ORM-like reads and writes.

Values are stored as Odoo's ``read`` would return them before formatting: many2one as an id
(or False), many2many as a list of ids, dates as ``YYYY-MM-DD[ HH:MM:SS]`` strings in UTC.
One2many values are computed from the inverse field on each read.
"""

from __future__ import annotations

import hashlib
import logging
import re
from typing import Any

from onboardkit.standin import builtin
from onboardkit.standin.bundle import Bundle
from onboardkit.standin.expressions import match_domain, sort_records
from onboardkit.standin.xmldata import Ref

log = logging.getLogger(__name__)

Record = dict[str, Any]
SECRET_NAME = re.compile(r"(api_key|secret|token|password)", re.I)


class UnknownModel(KeyError):
    """A model name that neither the base models nor the addons declare."""


class Database:
    """The records of one database, built from a bundle's base and demo records."""

    def __init__(self, name: str, bundle: Bundle, login: str, base_url: str):
        self.name = name
        self.bundle = bundle
        self.registry = bundle.registry
        self.base_url = base_url
        self.tables: dict[str, dict[int, Record]] = {}
        self.xmlids: dict[str, tuple[str, int]] = {}
        self._next: dict[str, int] = {}
        for model, xmlid, values in builtin.base_records(login):
            self.create(model, values, xmlid)
        for record in self.tables["res.lang"].values():
            record.update(builtin.LANGUAGE_SETTINGS.get(record["code"], {}))
        self._load_actions_and_menus()
        for xml_record in bundle.records:
            self.create(xml_record.model, xml_record.values, xml_record.xmlid)
        self.settings: Record = self._settings_values()

    # Records ------------------------------------------------------------------------------

    def table(self, model: str) -> dict[int, Record]:
        if self.registry.get(model) is None:
            raise UnknownModel(model)
        return self.tables.setdefault(model, {})

    def create(self, model: str, values: dict[str, Any], xmlid: str | None = None) -> int:
        """Create a record from raw values (``Ref`` and x2many commands allowed)."""
        if self.registry.get(model) is None:
            log.debug("Skipping record %s of unknown model %s", xmlid, model)
            return 0
        if xmlid and xmlid in self.xmlids:
            record_id = self.xmlids[xmlid][1]
            self.write(model, [record_id], values)
            return record_id
        record_id = self._next.get(model, 1)
        self._next[model] = record_id + 1
        record: Record = {"id": record_id, **self._defaults(model)}
        self.tables.setdefault(model, {})[record_id] = record
        self.write(model, [record_id], values)
        if xmlid:
            self.xmlids[xmlid] = (model, record_id)
        return record_id

    def write(self, model: str, ids: list[int], values: dict[str, Any]) -> None:
        table = self.table(model)
        for record_id in ids:
            record = table.get(record_id)
            if record is None:
                continue
            for name, raw in values.items():
                record[name] = self._convert(model, name, raw, record.get(name))

    def browse(self, model: str, record_id: int) -> Record | None:
        return self.table(model).get(record_id)

    def ref(self, xmlid: str) -> tuple[str, int] | None:
        return self.xmlids.get(xmlid)

    def xmlid_of(self, model: str, record_id: int) -> str | None:
        for xmlid, (found_model, found_id) in self.xmlids.items():
            if found_model == model and found_id == record_id:
                return xmlid
        return None

    def _defaults(self, model: str) -> Record:
        spec = self.registry.get(model)
        values: Record = {}
        for name, info in spec.fields.items() if spec else []:
            if name == "id" or info.type in ("One2many",):
                continue
            default = info.default
            if info.type == "Many2many":
                values[name] = []
            elif info.type == "Boolean":
                values[name] = bool(default) if name != "active" else default is not False
            elif default is not None and not callable(default):
                values[name] = default
            else:
                values[name] = False
        if spec and "company_id" in spec.fields and model != "res.users":
            values["company_id"] = self.xmlids.get("base.main_company", (None, False))[1]
        return values

    def _convert(self, model: str, name: str, raw: Any, current: Any) -> Any:
        info = self.registry.field(model, name)
        kind = info.type if info else None
        if isinstance(raw, Ref):
            found = self.xmlids.get(raw.xmlid)
            if found is None:
                log.debug("Unknown XML id %s in %s.%s", raw.xmlid, model, name)
                return False
            return [found[1]] if kind == "Many2many" else found[1]
        if kind == "Many2many":
            return self._x2many(raw, list(current or []))
        if isinstance(raw, str) and kind in ("Integer", "Float", "Monetary", "Boolean"):
            return _from_text(kind, raw)
        if isinstance(raw, list) and len(raw) == 2 and kind == "Many2one":
            return raw[0]
        return raw

    def _x2many(self, raw: Any, current: list[int]) -> list[int]:
        if not isinstance(raw, list | tuple):
            return current
        result = list(current)
        for command in raw:
            if isinstance(command, int):
                result.append(command)
                continue
            if not isinstance(command, list | tuple) or not command:
                continue
            code = command[0]
            if code == 6:
                result = [self._id_of(item) for item in command[2]]
            elif code == 4:
                result.append(self._id_of(command[1]))
            elif code == 3 and self._id_of(command[1]) in result:
                result.remove(self._id_of(command[1]))
            elif code == 5:
                result = []
        return [item for item in result if item]

    def _id_of(self, item: Any) -> int:
        if isinstance(item, Ref):
            return self.xmlids.get(item.xmlid, ("", 0))[1]
        return int(item) if isinstance(item, int | float) else 0

    # Reading ------------------------------------------------------------------------------

    def value(self, model: str, record: Record, path: str) -> Any:
        """Return the value of ``path`` (``partner_id.country_id.code``) for ``record``."""
        name, _, rest = path.partition(".")
        value = self.field_value(model, record, name)
        if not rest:
            return value
        info = self.registry.field(model, name)
        if not info or not info.comodel or not value:
            return False
        target = self.browse(info.comodel, value if isinstance(value, int) else value[0])
        return self.value(info.comodel, target, rest) if target else False

    def field_value(self, model: str, record: Record, name: str) -> Any:
        """Return one field's stored or computed value."""
        if name == "display_name":
            return self.display_name(model, record["id"])
        info = self.registry.field(model, name)
        if info is None:
            return record.get(name, False)
        if info.type == "One2many":
            return self._one2many(model, record, name, info)
        if info.compute and name not in record:
            return self._computed(model, record, name, info)
        if info.compute and record.get(name) in (False, None):
            return self._computed(model, record, name, info)
        return record.get(name, False)

    def _one2many(self, model: str, record: Record, name: str, info: Any) -> list[int]:
        comodel = info.comodel or ""
        if self.registry.get(comodel) is None or comodel not in self.tables:
            return []
        rows = list(self.tables[comodel].values())
        if name == "message_ids":
            rows = [r for r in rows if r.get("model") == model and r.get("res_id") == record["id"]]
        elif info.inverse:
            rows = [r for r in rows if r.get(info.inverse) == record["id"]]
        else:
            return []
        spec = self.registry.get(comodel)
        ordered = sort_records(rows, spec.order if spec else "id")
        return [row["id"] for row in ordered]

    def _computed(self, model: str, record: Record, name: str, info: Any) -> Any:
        # The stand-in cannot run compute methods; counts of a sibling x2many are derived.
        if info.type == "Integer" and name.endswith("_count"):
            sibling = name[: -len("_count")] + "_ids"
            if self.registry.field(model, sibling):
                return len(self.field_value(model, record, sibling) or [])
        return record.get(name, False)

    def display_name(self, model: str, record_id: int) -> str:
        record = self.table(model).get(record_id)
        if record is None:
            return ""
        spec = self.registry.get(model)
        rec_name = spec.rec_name if spec else "name"
        if model == "res.users" and not record.get("name"):
            partner = self.browse("res.partner", record.get("partner_id") or 0)
            return str(partner.get("name") or record.get("login")) if partner else ""
        name = record.get(rec_name)
        if model == "res.partner" and record.get("parent_id"):
            parent = self.display_name("res.partner", record["parent_id"])
            return f"{parent}, {name}" if name else parent
        if model == "ir.model.data":
            return f"{record.get('module')}.{record.get('name')}"
        return str(name) if name not in (False, None) else f"{model},{record_id}"

    def search(
        self,
        model: str,
        domain: list[Any],
        offset: int = 0,
        limit: int | None = None,
        order: str | None = None,
        active_test: bool = True,
    ) -> list[int]:
        """Return the ids of ``model`` matching ``domain``, sorted by ``order``.

        Archived records (``active`` False) are left out unless the domain names ``active``
        or ``active_test`` is False, as in Odoo.
        """
        if model == "ir.model.data":
            return self._search_model_data(domain, offset, limit)
        spec = self.registry.get(model)
        if spec is None:
            raise UnknownModel(model)
        rows = list(self.table(model).values())
        if active_test and "active" in spec.fields and not _mentions(domain, "active"):
            rows = [row for row in rows if row.get("active", True) is not False]

        def resolve(record: Record, path: str) -> Any:
            return self.value(model, record, path)

        found = [row for row in rows if match_domain(domain, row, resolve)]
        found = sort_records(found, order or spec.order, resolve)
        ids = [row["id"] for row in found][offset:]
        return ids[:limit] if limit else ids

    def _search_model_data(self, domain: list[Any], offset: int, limit: int | None) -> list[int]:
        self.tables["ir.model.data"] = {}
        for number, (xmlid, (model, res_id)) in enumerate(sorted(self.xmlids.items()), start=1):
            module, _, name = xmlid.partition(".")
            self.tables["ir.model.data"][number] = {
                "id": number,
                "module": module,
                "name": name,
                "model": model,
                "res_id": res_id,
            }
        rows = self.tables["ir.model.data"].values()
        ids = [row["id"] for row in rows if match_domain(domain, row)][offset:]
        return ids[:limit] if limit else ids

    # Settings -----------------------------------------------------------------------------

    def _settings_values(self) -> Record:
        spec = self.registry.get("res.config.settings")
        values: Record = {"id": 1, **self._defaults("res.config.settings")}
        for name, info in spec.fields.items() if spec else []:
            if info.config_parameter and SECRET_NAME.search(name) and info.type == "Char":
                # Seeded so that a password widget shows something to mask in screenshots.
                digest = hashlib.sha256(f"{self.name}:{name}".encode()).hexdigest()[:24]
                values[name] = f"demo_{digest}"
            elif info.compute and info.type == "Char" and name.endswith("_url"):
                values[name] = self._route_url(name)
        values["active_user_count"] = len(self.search("res.users", []))
        values["language_count"] = len(self.search("res.lang", [("active", "=", True)]))
        values["company_name"] = builtin.COMPANY_NAME
        return values

    def _route_url(self, field_name: str) -> str | bool:
        words = set(field_name.split("_")) - {"url"}
        for route in self.bundle.route_paths:
            if words & set(re.split(r"[/_-]", route)):
                return self.base_url + route
        return False

    def _model_of(self, model_xmlid: str | None) -> str | bool:
        """Return the model an ``ir.model`` XML id names, such as ``model_caravan_shipment``."""
        if not model_xmlid:
            return False
        name = model_xmlid.partition(".")[2] or model_xmlid
        for model in self.registry.models:
            if name == "model_" + model.replace(".", "_"):
                return model
        return False

    def _load_actions_and_menus(self) -> None:
        for xmlid, action in self.bundle.actions.items():
            extra = self.bundle.extras.get(xmlid)
            values = {
                "name": action.name,
                "res_model": action.res_model,
                "view_mode": action.view_mode,
                "path": action.path or False,
                "target": action.target or "current",
                "context": action.context or "{}",
                "domain": action.domain or "[]",
                "help": extra.help if extra else False,
                "binding_model": self._model_of(action.binding_model),
            }
            self.create("ir.actions.act_window", values, xmlid)
        menus = sorted(
            self.bundle.menus.values(), key=lambda menu: (menu.parent or "", menu.sequence)
        )
        for menu in menus:
            action = self.xmlids.get(menu.action or "")
            values = {
                "name": menu.name or "",
                "sequence": menu.sequence,
                "web_icon": menu.web_icon or False,
                "action": f"ir.actions.act_window,{action[1]}" if action else False,
            }
            if not menu.name and action:
                values["name"] = self.bundle.actions[menu.action or ""].name
            self.create("ir.ui.menu", values, menu.xmlid)
        for menu in menus:
            parent = self.xmlids.get(menu.parent or "")
            if parent:
                self.write("ir.ui.menu", [self.xmlids[menu.xmlid][1]], {"parent_id": parent[1]})


def _mentions(domain: list[Any], name: str) -> bool:
    return any(isinstance(leaf, list | tuple) and leaf and leaf[0] == name for leaf in domain)


def _from_text(kind: str, text: str) -> Any:
    text = text.strip()
    try:
        if kind == "Integer":
            return int(text)
        if kind in ("Float", "Monetary"):
            return float(text)
    except ValueError:
        return False
    return text.lower() in ("1", "true", "yes")
