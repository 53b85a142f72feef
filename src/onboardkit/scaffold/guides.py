"""The guides of a scaffolded project, made from readme fragments and what the addon shows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from packaging.version import InvalidVersion, Version

from onboardkit.odoo.addon import Addon
from onboardkit.scaffold.fragments import Fragments, ImageCopier
from onboardkit.scaffold.labels import LabelIndex, link_labels
from onboardkit.scaffold.screens import Screen, root_menu
from onboardkit.scaffold.settings import SettingField, default_text
from onboardkit.scaffold.steps import StepDraft, slugify, split_steps

ADMINISTRATORS = "Odoo administrators"
USERS = "Odoo users"


@dataclass
class AddonFacts:
    """Inputs of the guides: the addon, its readme fragments, settings fields and screens."""

    addon: Addon
    series: str
    fragments: Fragments
    labels: LabelIndex
    images: ImageCopier
    settings: list[SettingField] = field(default_factory=list)
    screens: list[Screen] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.addon.manifest.name

    @property
    def module(self) -> str:
        return self.addon.module


@dataclass
class GuideDraft:
    """A guide to write as ``onboarding/<slug>.yml``, and what it was made from."""

    slug: str
    data: dict[str, Any]
    source: str


def build_guides(facts: AddonFacts) -> list[GuideDraft]:
    """Make the installation, configuration, usage and screens guides the addon supports."""
    drafts = [installation_guide(facts)]
    for builder in (configuration_guide, usage_guide, screens_guide):
        draft = builder(facts)
        if draft is not None:
            drafts.append(draft)
    slugs = {draft.slug for draft in drafts}
    for draft in drafts:
        related = [slug for slug in _RELATED.get(draft.slug, ()) if slug in slugs]
        if related:
            draft.data["related"] = related
    return drafts


_RELATED = {
    "installation": ("configuration",),
    "configuration": ("installation", "usage"),
    "usage": ("configuration", "screens"),
    "screens": ("usage",),
}


def installation_guide(facts: AddonFacts) -> GuideDraft:
    """Make the installation guide: INSTALL steps, then the standard Odoo steps."""
    fragment = facts.fragments.get("INSTALL")
    used_ids: set[str] = set()
    steps = _fragment_steps(facts, fragment, used_ids) if fragment else []
    steps += _standard_install_steps(facts, used_ids)
    data = _guide(
        "installation",
        f"Install {facts.name}",
        f"Add the {facts.module} module to your Odoo {facts.series} database.",
        ADMINISTRATORS,
        steps,
    )
    data["prerequisites"] = _prerequisites(facts)
    source = "readme/INSTALL and the manifest" if fragment else "the manifest"
    return GuideDraft("installation", data, source)


def configuration_guide(facts: AddonFacts) -> GuideDraft | None:
    """Make the configuration guide from CONFIGURE, or else from the settings and menus."""
    fragment = facts.fragments.get("CONFIGURE")
    used_ids: set[str] = set()
    if fragment:
        steps = _fragment_steps(facts, fragment, used_ids)
        source = "readme/CONFIGURE"
    else:
        steps = _settings_steps(facts, used_ids) + _configuration_menu_steps(facts, used_ids)
        source = "the settings fields and menus"
    if not steps:
        return None
    data = _guide(
        "configuration",
        f"Configure {facts.name}",
        f"Set up {facts.name} before its first use.",
        ADMINISTRATORS,
        steps,
    )
    rows = [_setting_row(setting) for setting in facts.settings]
    if rows:
        data["settings"] = rows
        data["time_minutes"] = _minutes(len(steps) + len(rows) // 2)
        if fragment:
            source += " and the settings fields"
    return GuideDraft("configuration", data, source)


def usage_guide(facts: AddonFacts) -> GuideDraft | None:
    """Make the workflow guide of the USAGE fragment, or return None without one."""
    fragment = facts.fragments.get("USAGE")
    if not fragment:
        return None
    steps = _fragment_steps(facts, fragment, set())
    data = _guide(
        "workflow", f"Use {facts.name}", f"Work with {facts.name} day to day.", USERS, steps
    )
    return GuideDraft("usage", data, "readme/USAGE")


def screens_guide(facts: AddonFacts) -> GuideDraft | None:
    """Make a workflow guide with one step per menu that opens a window action."""
    if not facts.screens:
        return None
    used_ids: set[str] = set()
    steps = [_screen_step(facts, screen, used_ids) for screen in facts.screens]
    data = _guide(
        "workflow",
        f"Screens of {facts.name}",
        f"The menus that {facts.name} adds, and the fields that each of their forms shows.",
        USERS,
        steps,
    )
    data["order"] = 200
    return GuideDraft("screens", data, "the menus and form views")


# Steps --------------------------------------------------------------------------------


def _fragment_steps(facts: AddonFacts, markdown: str, used_ids: set[str]) -> list[dict[str, Any]]:
    return [_step(facts, draft, used_ids) for draft in split_steps(markdown)]


def _step(facts: AddonFacts, draft: StepDraft, used_ids: set[str]) -> dict[str, Any]:
    title = facts.images.rewrite(link_labels(draft.title, facts.labels), depth=1)
    step: dict[str, Any] = {"id": slugify(draft.title, used_ids), "title": title}
    text = draft.body()
    if text:
        step["text"] = facts.images.rewrite(link_labels(text, facts.labels), depth=1)
    return step


def _standard_install_steps(facts: AddonFacts, used_ids: set[str]) -> list[dict[str, Any]]:
    manifest = facts.addon.manifest
    python = _external(manifest.get("external_dependencies"), "python")
    steps = [
        {
            "id": slugify("add-module", used_ids),
            "title": "Add the module to your Odoo server",
            "text": f"Copy the `{facts.module}` folder into a folder listed in the "
            "`addons_path` option of your Odoo configuration file, then restart the Odoo "
            "service.",
        }
    ]
    if python:
        steps.append(
            {
                "id": slugify("install-python-packages", used_ids),
                "title": "Install the Python packages it needs",
                "text": "Install them in the Python environment that runs Odoo.",
                "code": "pip install " + " ".join(python),
            }
        )
    steps.append(
        {
            "id": slugify("update-apps-list", used_ids),
            "title": "Update the list of apps",
            "text": "Activate the developer mode in Settings, open Apps and click "
            "*Update Apps List*.",
        }
    )
    install = {
        "id": slugify("install-module", used_ids),
        "title": f"Install {facts.name}",
        "text": f"In Apps, remove the *Apps* filter from the search bar, search for "
        f"`{facts.module}` and click *{_install_button(facts.series)}*.",
        "result": f"Apps shows {facts.name} as installed.",
    }
    menu = root_menu(facts.addon)
    if menu is not None:
        install["result"] += f" The [[menu:{menu.xmlid}]] menu is in the main menu."
    steps.append(install)
    return steps


def _install_button(series: str) -> str:
    try:
        return "Activate" if Version(series) >= Version("17.0") else "Install"
    except InvalidVersion:
        return "Install"


def _prerequisites(facts: AddonFacts) -> list[str]:
    manifest = facts.addon.manifest
    items = [f"An Odoo {facts.series} database where you are an administrator."]
    depends = [name for name in manifest.get("depends", []) or [] if name != "base"]
    if depends:
        listed = ", ".join(f"`{name}`" for name in depends)
        items.append(f"The Odoo modules it depends on ({listed}); Odoo installs them with it.")
    python = _external(manifest.get("external_dependencies"), "python")
    if python:
        listed = ", ".join(f"`{name}`" for name in python)
        items.append(f"The Python packages {listed} on the Odoo server.")
    programs = _external(manifest.get("external_dependencies"), "bin")
    if programs:
        listed = ", ".join(f"`{name}`" for name in programs)
        items.append(f"The programs {listed} on the Odoo server.")
    return items


def _external(value: object, kind: str) -> list[str]:
    if not isinstance(value, dict):
        return []
    names = value.get(kind) or []
    return [str(name) for name in names] if isinstance(names, list | tuple) else []


def _settings_steps(facts: AddonFacts, used_ids: set[str]) -> list[dict[str, Any]]:
    if not facts.settings:
        return []
    locations = list(dict.fromkeys(setting.location for setting in facts.settings))
    where = " and ".join(f"*{location}*" for location in locations)
    return [
        {
            "id": slugify("open-settings", used_ids),
            "title": "Open the settings",
            "text": f"Go to {where}. The table below describes each setting that "
            f"{facts.name} adds; set them, then click *Save*.",
        }
    ]


def _configuration_menu_steps(facts: AddonFacts, used_ids: set[str]) -> list[dict[str, Any]]:
    menus = facts.addon.records.menus
    steps = []
    for screen in facts.screens:
        parent = menus.get(screen.menu.parent or "")
        if parent is not None and (parent.name or "").strip().lower() == "configuration":
            steps.append(_screen_step(facts, screen, used_ids))
    return steps


def _screen_step(facts: AddonFacts, screen: Screen, used_ids: set[str]) -> dict[str, Any]:
    label = facts.addon.label(f"menu:{screen.menu.xmlid}").text
    step: dict[str, Any] = {"id": slugify(label, used_ids, "screen"), "title": screen.reference}
    if screen.fields:
        lines = []
        for form_field in screen.fields:
            lines.append(f"- {form_field.reference}")
            lines += [f"    - {column.reference}" for column in form_field.columns]
        step["text"] = "\n".join(lines)
    else:
        records = screen.description or f"`{screen.action.res_model}`"
        step["text"] = f"Opens the {records} records."
    return step


def _setting_row(setting: SettingField) -> dict[str, Any]:
    row: dict[str, Any] = {"setting": setting.reference}
    row["meaning"] = setting.meaning or _stored_where(setting)
    default = default_text(setting.field)
    if default:
        row["default"] = default
    row["location"] = setting.location
    return row


def _stored_where(setting: SettingField) -> str:
    if setting.field.config_parameter:
        return f"Stored in the system parameter `{setting.field.config_parameter}`."
    return f"Stored in `{setting.field.related}`."


def _guide(
    kind: str, title: str, summary: str, audience: str, steps: list[dict[str, Any]]
) -> dict[str, Any]:
    return {
        "kind": kind,
        "title": title,
        "summary": summary,
        "audience": audience,
        "time_minutes": _minutes(len(steps)),
        "steps": steps,
    }


def _minutes(count: int) -> int:
    # NOTE: a rough estimate of three minutes a step; writers should measure and correct it.
    return min(480, max(5, 5 * round(3 * count / 5)))
