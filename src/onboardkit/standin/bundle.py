"""The loaded addons: models, views, actions, menus, demo records and catalogs, read once.

Every database of a stand-in server is built from one bundle; the bundle itself is never
changed after loading.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from onboardkit.errors import Problem, ValidationFailed
from onboardkit.odoo.addon import Addon
from onboardkit.odoo.views import ActionRecord, MenuRecord
from onboardkit.standin import builtin
from onboardkit.standin.registry import Registry
from onboardkit.standin.views import ViewStore
from onboardkit.standin.xmldata import XmlRecord, read_records

log = logging.getLogger(__name__)


@dataclass
class ActionExtra:
    """Fields of a window action that ``onboardkit.odoo`` does not read."""

    help: str = ""
    search_view: str | None = None


class Bundle:
    """Everything the stand-in serves that comes from addon folders."""

    def __init__(self, addon_dirs: list[Path]):
        self.addons = load_addons(addon_dirs)
        self.registry = Registry(self.addons)
        self.views = ViewStore(self.addons, self.registry)
        self.actions: dict[str, ActionRecord] = {}
        self.menus: dict[str, MenuRecord] = {}
        self.records: list[XmlRecord] = []
        self.extras: dict[str, ActionExtra] = {}
        self.route_paths: list[str] = []
        self._add_settings_app()
        for addon in self.addons:
            self.actions.update(addon.records.actions)
            self.menus.update(addon.records.menus)
            files = list(addon.manifest.get("data", []) or [])
            files += list(addon.manifest.get("demo", []) or [])
            self.records += read_records(addon.path, addon.module, files)
            self.extras.update(read_action_extras(addon, files))
            self.route_paths += controller_routes(addon.path)

    def _add_settings_app(self) -> None:
        xmlid = builtin.SETTINGS_ACTION_XMLID
        self.actions[xmlid] = ActionRecord(
            xmlid=xmlid,
            name="Settings",
            res_model="res.config.settings",
            view_mode="form",
            path="settings",
            target="inline",
            context="{'module': 'general_settings'}",
        )
        self.menus[builtin.SETTINGS_MENU_XMLID] = MenuRecord(
            xmlid=builtin.SETTINGS_MENU_XMLID,
            name="Settings",
            parent=None,
            action=xmlid,
            sequence=550,
            file="",
            line=0,
        )


def folder_not_found(folder: Path) -> Problem:
    return Problem(
        str(folder), "addon folder not found.", fix="Pass the folder that holds __manifest__.py."
    )


def load_addons(addon_dirs: list[Path]) -> list[Addon]:
    """Read each addon folder; every broken folder is reported at once.

    Raises:
        ValidationFailed: a folder is missing, has no manifest or broken data files.
    """
    problems: list[Problem] = []
    addons: list[Addon] = []
    for folder in addon_dirs:
        if not Path(folder).is_dir():
            problems.append(folder_not_found(folder))
            continue
        try:
            addon = Addon(folder)
        except ValidationFailed as error:
            problems += error.problems
            continue
        problems += addon.records.problems
        addons.append(addon)
    if problems:
        raise ValidationFailed(problems)
    return addons


def read_action_extras(addon: Addon, files: list[str]) -> dict[str, ActionExtra]:
    """Read the ``help`` and ``search_view_id`` of the addon's window actions."""
    from lxml import etree

    from onboardkit.odoo.views import full_xmlid

    extras: dict[str, ActionExtra] = {}
    for relative in files:
        path = addon.path / relative
        if not relative.endswith(".xml") or not path.is_file():
            continue
        try:
            root = etree.parse(str(path), etree.XMLParser(remove_comments=True)).getroot()
        except etree.XMLSyntaxError:
            continue
        for element in root.iter("record"):
            if element.get("model") != "ir.actions.act_window":
                continue
            extra = ActionExtra()
            for field in element.findall("field"):
                if field.get("name") == "help":
                    extra.help = (field.text or "") + "".join(
                        etree.tostring(child, encoding="unicode") for child in field
                    )
                elif field.get("name") == "search_view_id" and field.get("ref"):
                    extra.search_view = full_xmlid(addon.module, field.get("ref", ""))
            extras[full_xmlid(addon.module, element.get("id", ""))] = extra
    return extras


_ROUTE = re.compile(r"route\(\s*\[?\s*['\"](/[^'\"]+)['\"]")


def controller_routes(addon_dir: Path) -> list[str]:
    """Return the URL paths the addon's HTTP controllers declare (read as text)."""
    routes: list[str] = []
    for path in sorted((addon_dir / "controllers").glob("*.py")):
        try:
            routes += _ROUTE.findall(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
    return routes
