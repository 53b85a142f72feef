"""The translatable texts of a guide, each with a stable gettext context.

The context is ``<guide slug>:<field path>``, with step and entry ids in the path instead of
positions, so reordering steps keeps their translations.
"""

from __future__ import annotations

from dataclasses import dataclass

from onboardkit.content.model import Guide
from onboardkit.content.references import only_references

FieldPath = tuple[str | int, ...]


@dataclass(frozen=True)
class TextUnit:
    """One translatable text: its context, English source and where it sits in the file."""

    context: str
    source: str
    path: FieldPath


def guide_units(slug: str, guide: Guide) -> list[TextUnit]:
    """List the guide's translatable texts in reading order.

    Code, exact error texts and texts made only of label references are left out: they are the
    same in every language, or translated from the addon's own catalog.
    """
    units: list[TextUnit] = []

    def add(key: str, text: str | None, path: FieldPath) -> None:
        if text and text.strip() and not only_references(text):
            units.append(TextUnit(f"{slug}:{key}", text, path))

    add("title", guide.title, ("title",))
    add("summary", guide.summary, ("summary",))
    add("audience", guide.audience, ("audience",))
    for index, item in enumerate(guide.prerequisites):
        add(f"prerequisites.{index}", item, ("prerequisites", index))
    for index, step in enumerate(guide.steps):
        base = f"steps.{step.id}"
        path: FieldPath = ("steps", index)
        add(f"{base}.title", step.title, path + ("title",))
        add(f"{base}.text", step.text, path + ("text",))
        for tab_index, tab in enumerate(step.tabs):
            add(f"{base}.tabs.{tab_index}.title", tab.title, path + ("tabs", tab_index, "title"))
            add(f"{base}.tabs.{tab_index}.text", tab.text, path + ("tabs", tab_index, "text"))
        add(f"{base}.result", step.result, path + ("result",))
        if step.admonition:
            note = path + ("admonition",)
            add(f"{base}.admonition.title", step.admonition.title, note + ("title",))
            add(f"{base}.admonition.text", step.admonition.text, note + ("text",))
    for index, setting in enumerate(guide.settings):
        path = ("settings", index)
        add(f"settings.{index}.setting", setting.setting, path + ("setting",))
        add(f"settings.{index}.meaning", setting.meaning, path + ("meaning",))
        add(f"settings.{index}.default", setting.default, path + ("default",))
        add(f"settings.{index}.location", setting.location, path + ("location",))
    for index, entry in enumerate(guide.entries):
        base = f"entries.{entry.id}"
        path = ("entries", index)
        add(f"{base}.symptom", entry.symptom, path + ("symptom",))
        add(f"{base}.cause", entry.cause, path + ("cause",))
        add(f"{base}.fix", entry.fix, path + ("fix",))
    return units
