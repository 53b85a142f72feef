"""Static checks of an addon's manifest, data files and views, without running Odoo.

:func:`check_addon` finds what would make an addon fail to install or break a view on a real
Odoo server, so that a renamed field or method is caught before screenshots or guides quote
it:

- every file listed in the manifest's ``data`` and ``demo`` exists, and every XML file parses;
- every field, ``<label for>``, ``type="object"`` button, modifier expression, decoration,
  search domain, group-by and kanban ``record.<field>`` in a view names a field or method of
  its model (inline list and form views of relational fields are checked on their comodel);
- every XML id the addon references inside itself (``ref=``, ``ref('...')`` in ``eval``,
  menu parents and actions, ``%(...)d`` buttons, ``groups``, access rules) is defined, and
  defined before it is used, because Odoo loads the files in manifest order;
- references to other modules name a declared dependency;
- windows actions name a known model and a ``path`` Odoo accepts, menus' icons exist, every
  model of the addon has an access rule, and an Odoo 18 addon uses no ``<tree>`` view.

Fields and methods of the addon's own models are read from its Python source, so missing
ones are errors. Models that the addon only extends are known from the partial tables in
:mod:`onboardkit.odoo.standard`; names missing there are warnings. Views of models that are
neither are not checked field by field.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from onboardkit.errors import Problem, ValidationFailed
from onboardkit.odoo.archcheck import ArchChecker, ModelKnowledge, build_knowledge
from onboardkit.odoo.manifest import Manifest, read_manifest
from onboardkit.odoo.models import read_models

EVAL_REF = re.compile(r"""\bref\(\s*['"]([\w.]+)['"]\s*\)""")
# Odoo 18 accepts an action path of lowercase letters, digits, "_" and "-" that starts with a
# letter. The web client's URLs reserve "new" and the prefixes "m-" and "action-".
ACTION_PATH = re.compile(r"[a-z][a-z0-9_-]*")
RESERVED_PATHS = ("new",)
RESERVED_PATH_PREFIXES = ("m-", "action-")
ALWAYS_AVAILABLE_MODULES = frozenset({"base", "web"})


@dataclass
class _Context:
    """State shared by the checks of one addon."""

    addon_dir: Path
    module: str
    manifest: Manifest
    knowledge: dict[str, ModelKnowledge]
    own_models: set[str]
    problems: list[Problem] = field(default_factory=list)
    # Full XML id -> load position (file index, line); generated ids have (-1, 0).
    defined: dict[str, tuple[int, int]] = field(default_factory=dict)
    position: tuple[int, int] = (0, 0)
    file: str = ""
    action_paths: dict[str, str] = field(default_factory=dict)

    def add(self, message: str, line: int | None, fix: str, severity: str = "error") -> None:
        self.problems.append(Problem(self.file, message, line=line, fix=fix, severity=severity))


def check_addon(addon_dir: str | Path) -> list[Problem]:
    """Check the addon in ``addon_dir`` and return every problem found, errors and warnings.

    Raises:
        ValidationFailed: the folder has no readable manifest, so nothing else can be checked.
    """
    addon_dir = Path(addon_dir)
    manifest = read_manifest(addon_dir)
    models = read_models(addon_dir)
    context = _Context(
        addon_dir=addon_dir,
        module=addon_dir.name,
        manifest=manifest,
        knowledge=build_knowledge(models),
        own_models={name for name, info in models.items() if name not in info.inherit},
    )
    for name in models:
        context.defined[f"{context.module}.model_{name.replace('.', '_')}"] = (-1, 0)
    files = _manifest_files(context)
    roots = {}
    for index, relative in enumerate(files):
        context.file = str(addon_dir / relative)
        if relative.endswith(".xml"):
            roots[index] = _parse_xml(context, addon_dir / relative)
            _collect_xml_ids(context, roots[index], index)
        elif relative.endswith(".csv"):
            _collect_csv_ids(context, addon_dir / relative, index)
    for index, relative in enumerate(files):
        context.file = str(addon_dir / relative)
        if roots.get(index) is not None:
            _check_xml_file(context, roots[index], index)
        elif relative.endswith(".csv"):
            _check_csv_file(context, addon_dir / relative, index)
    _check_access_rules(context, files)
    return context.problems


def validate_addon(addon_dir: str | Path, strict: bool = False) -> list[Problem]:
    """Run :func:`check_addon` and raise when it finds errors (or warnings, when ``strict``).

    Returns:
        The warnings, when nothing made the check fail.

    Raises:
        ValidationFailed: with every failing problem.
    """
    problems = check_addon(addon_dir)
    failing = [p for p in problems if strict or p.severity == "error"]
    if failing:
        raise ValidationFailed(failing)
    return problems


def _manifest_files(context: _Context) -> list[str]:
    manifest = context.manifest
    existing = []
    for key in ("data", "demo"):
        for relative in manifest.get(key, []) or []:
            if (context.addon_dir / relative).is_file():
                existing.append(relative)
                continue
            context.problems.append(
                Problem(
                    str(manifest.path),
                    f"'{relative}' is listed in '{key}' but the file does not exist.",
                    line=_source_line(manifest.source, relative) or manifest.key_lines.get(key),
                    field=key,
                    fix="Add the file, or remove it from the list.",
                )
            )
    return existing


def _source_line(source: str, text: str) -> int | None:
    for number, line in enumerate(source.splitlines(), start=1):
        if f'"{text}"' in line or f"'{text}'" in line:
            return number
    return None


def _parse_xml(context: _Context, path: Path) -> etree._Element | None:
    try:
        return etree.parse(str(path), etree.XMLParser(remove_comments=True)).getroot()
    except etree.XMLSyntaxError as error:
        context.add(f"invalid XML: {error.msg}.", error.lineno, "Fix the XML syntax.")
        return None


def _collect_xml_ids(context: _Context, root: etree._Element | None, index: int) -> None:
    if root is None:
        return
    for element in root.iter("record", "menuitem", "template"):
        if not element.get("id"):
            continue
        xmlid = _full(context, element.get("id", ""))
        if xmlid in context.defined and context.defined[xmlid][0] >= 0:
            context.add(
                f"XML id '{xmlid}' is defined twice.",
                element.sourceline,
                "Give each record its own id; the second one overwrites the first.",
                severity="warning",
            )
        context.defined[xmlid] = (index, element.sourceline or 0)


def _collect_csv_ids(context: _Context, path: Path, index: int) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            if row.get("id"):
                context.defined[_full(context, row["id"])] = (index, number)


def _check_xml_file(context: _Context, root: etree._Element, index: int) -> None:
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        context.position = (index, element.sourceline or 0)
        if element.tag == "record":
            _check_record(context, element)
        elif element.tag == "menuitem":
            _check_menu(context, element)


def _full(context: _Context, ref: str) -> str:
    return ref if "." in ref else f"{context.module}.{ref}"


def _check_ref(context: _Context, ref: str, element: etree._Element) -> None:
    """Check that ``ref`` is defined before this point, or belongs to a dependency."""
    if not ref:
        return
    xmlid = _full(context, ref)
    module = xmlid.split(".", 1)[0]
    if module != context.module:
        depends = set(context.manifest.get("depends", []) or [])
        if module not in depends | ALWAYS_AVAILABLE_MODULES:
            context.add(
                f"'{xmlid}' belongs to module '{module}', which is not in 'depends'.",
                element.sourceline,
                f"Add '{module}' to the manifest's 'depends', unless a dependency already "
                "depends on it.",
                severity="warning",
            )
        return
    where = context.defined.get(xmlid)
    if where is None:
        context.add(
            f"'{xmlid}' is referenced but not defined in the addon.",
            element.sourceline,
            "Define the record, or correct the reference.",
        )
    elif where > context.position:
        context.add(
            f"'{xmlid}' is used before it is defined; Odoo loads data files in manifest "
            "order and each file from top to bottom.",
            element.sourceline,
            "Move the definition earlier, or its file earlier in the manifest's 'data'.",
        )


def _check_record(context: _Context, record: etree._Element) -> None:
    for child in record.iterchildren("field"):
        if child.get("ref"):
            _check_ref(context, child.get("ref", ""), child)
        for ref in EVAL_REF.findall(child.get("eval", "")):
            _check_ref(context, ref, child)
    model = record.get("model")
    values = {child.get("name"): child for child in record.iterchildren("field")}
    if model == "ir.ui.view":
        _check_view(context, record, values)
    elif model == "ir.actions.act_window":
        _check_action(context, record, values)
    elif model in context.own_models:
        for name, element in values.items():
            if name and name not in context.knowledge[model].fields:
                context.add(
                    f"record '{_full(context, record.get('id', ''))}' sets field '{name}', "
                    f"which model '{model}' does not have.",
                    element.sourceline,
                    "Use a field the model declares.",
                )


def _check_view(context: _Context, record: etree._Element, values: dict) -> None:
    arch = values.get("arch")
    model = values.get("model")
    if arch is None or len(arch) == 0 or model is None:
        return
    root = arch[0]
    if context.manifest.version.startswith("18."):
        for element in root.iter("tree"):
            context.add(
                "Odoo 18 has no <tree> view; the list view element is <list>.",
                element.sourceline,
                "Rename <tree> to <list> (and 'tree' to 'list' in actions' view_mode).",
            )
    checker = ArchChecker(
        context.file,
        _full(context, record.get("id", "")),
        context.knowledge,
        lambda ref, element: _check_ref(context, ref, element),
    )
    inherited = values.get("inherit_id") is not None
    context.problems.extend(checker.check(root, (model.text or "").strip(), inherited))


def _check_action(context: _Context, record: etree._Element, values: dict) -> None:
    xmlid = _full(context, record.get("id", ""))
    res_model = values.get("res_model")
    name = (res_model.text or "").strip() if res_model is not None else ""
    if name and name not in context.knowledge:
        context.add(
            f"action '{xmlid}' opens model '{name}', which the addon does not declare.",
            res_model.sourceline,
            "Check the model name; a model of another module is fine if it is a dependency.",
            severity="warning",
        )
    view_mode = values.get("view_mode")
    modes = (view_mode.text or "") if view_mode is not None else ""
    if "tree" in modes.split(",") and context.manifest.version.startswith("18."):
        context.add(
            f"action '{xmlid}' lists view mode 'tree', which Odoo 18 names 'list'.",
            view_mode.sourceline,
            "Replace 'tree' with 'list' in view_mode.",
        )
    path_field = values.get("path")
    if path_field is not None:
        _check_action_path(context, xmlid, (path_field.text or "").strip(), path_field)


def _check_action_path(context: _Context, xmlid: str, path: str, element) -> None:
    if (
        not ACTION_PATH.fullmatch(path)
        or path in RESERVED_PATHS
        or path.startswith(RESERVED_PATH_PREFIXES)
    ):
        context.add(
            f"action '{xmlid}' has path '{path}', which Odoo rejects.",
            element.sourceline,
            "Use lowercase letters, digits, '_' and '-', starting with a letter; 'new' and "
            "the prefixes 'm-' and 'action-' are reserved.",
        )
    elif path in context.action_paths:
        context.add(
            f"action '{xmlid}' has path '{path}', already used by '{context.action_paths[path]}'.",
            element.sourceline,
            "Give each action its own path.",
        )
    else:
        context.action_paths[path] = xmlid


def _check_menu(context: _Context, menu: etree._Element) -> None:
    for attribute in ("parent", "action"):
        if menu.get(attribute):
            _check_ref(context, menu.get(attribute, ""), menu)
    for group in (menu.get("groups") or "").split(","):
        if group.strip():
            _check_ref(context, group.strip().lstrip("!"), menu)
    icon = menu.get("web_icon")
    if icon and "," in icon:
        module, _, relative = icon.partition(",")
        if module == context.module and not (context.addon_dir / relative).is_file():
            context.add(
                f"menu icon '{icon}' not found.",
                menu.sourceline,
                f"Add the image at {relative} in the addon, or correct web_icon.",
            )


def _check_csv_file(context: _Context, path: Path, index: int) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for number, row in enumerate(rows, start=2):
        context.position = (index, number)
        anchor = etree.Element("row")
        anchor.sourceline = number
        for column in ("model_id:id", "group_id:id"):
            if row.get(column):
                _check_ref(context, row[column], anchor)


def _check_access_rules(context: _Context, files: list[str]) -> None:
    covered = set()
    for relative in files:
        if Path(relative).name != "ir.model.access.csv":
            continue
        with (context.addon_dir / relative).open(encoding="utf-8", newline="") as handle:
            covered |= {row.get("model_id:id", "") for row in csv.DictReader(handle)}
    for name in sorted(context.own_models):
        ref = f"model_{name.replace('.', '_')}"
        if ref not in covered and f"{context.module}.{ref}" not in covered:
            context.file = str(context.addon_dir / "security" / "ir.model.access.csv")
            context.add(
                f"model '{name}' has no access rule, so no user can open it.",
                None,
                f"Add a line for '{ref}' to security/ir.model.access.csv.",
            )
