"""The schema of a guide file (``onboarding/<slug>.yml``).

Structure (steps, screenshots, entries, order) is defined once here; languages supply only
text, through gettext catalogs, so translations can never change a guide's shape.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

GUIDE_KINDS = (
    "installation",
    "configuration",
    "workflow",
    "troubleshooting",
    "integration",
    "upgrade",
)
GuideKind = Literal[
    "installation", "configuration", "workflow", "troubleshooting", "integration", "upgrade"
]
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _slug(value: str) -> str:
    if not SLUG.match(value):
        raise ValueError(
            f"'{value}' is not a valid id; use lower-case letters, digits and single hyphens"
        )
    return value


class Admonition(Strict):
    """A note, tip or warning shown with a step."""

    type: Literal["note", "tip", "info", "warning", "danger", "example"] = "note"
    title: str | None = None
    text: str


class Tab(Strict):
    """One variant of a step, shown as a content tab (for example Odoo.sh or on-premise)."""

    title: str
    text: str


class Step(Strict):
    """One numbered step of a guide."""

    id: str = Field(description="Stable id: translations are keyed by it, so keep it on edits.")
    title: str
    text: str | None = None
    tabs: list[Tab] = Field(default_factory=list)
    code: str | None = Field(None, description="A command or snippet, never translated.")
    code_language: str = "bash"
    screenshot: str | None = Field(None, description="Id of a shot in screenshots/shots.yml.")
    result: str | None = Field(None, description="What the reader sees when the step worked.")
    admonition: Admonition | None = None

    _id_form = field_validator("id")(classmethod(lambda cls, v: _slug(v)))


class Setting(Strict):
    """A row of a configuration guide's settings reference table."""

    setting: str = Field(description="The setting's label; usually a [[field:...]] reference.")
    meaning: str
    default: str | None = None
    location: str = Field(description="Where it is in Odoo, e.g. a [[menu:...]] reference.")


class TroubleshootingEntry(Strict):
    """A known problem: what the user sees, the exact error, why it happens and the fix."""

    id: str
    symptom: str
    error: str | None = Field(
        None, description="Exact error text as the addon raises it; checked against its code."
    )
    cause: str
    fix: str
    screenshot: str | None = None

    _id_form = field_validator("id")(classmethod(lambda cls, v: _slug(v)))


class Guide(Strict):
    """A whole guide file."""

    kind: GuideKind
    title: str
    summary: str
    audience: str
    time_minutes: int = Field(gt=0, le=480, description="Estimated time to follow the guide.")
    order: int = Field(100, description="Position among guides of the same kind (ascending).")
    prerequisites: list[str] = Field(default_factory=list)
    steps: list[Step] = Field(default_factory=list)
    settings: list[Setting] = Field(default_factory=list)
    entries: list[TroubleshootingEntry] = Field(default_factory=list)
    related: list[str] = Field(
        default_factory=list, description="Slugs of related guides, listed at the end."
    )


def shape_problems(guide: Guide) -> list[tuple[tuple[str | int, ...], str, str]]:
    """Check what depends on the guide's kind; return (field path, message, fix) triples."""
    found: list[tuple[tuple[str | int, ...], str, str]] = []
    if guide.kind == "troubleshooting" and not guide.entries:
        found.append(
            (("kind",), "a troubleshooting guide needs at least one entry.", "Add 'entries'.")
        )
    if guide.kind != "troubleshooting" and not guide.steps:
        found.append((("kind",), f"a {guide.kind} guide needs at least one step.", "Add 'steps'."))
    if guide.entries and guide.kind != "troubleshooting":
        found.append(
            (
                ("entries",),
                "'entries' belong to troubleshooting guides only.",
                "Move them to a guide of kind 'troubleshooting'.",
            )
        )
    if guide.settings and guide.kind != "configuration":
        found.append(
            (
                ("settings",),
                "'settings' belong to configuration guides only.",
                "Move them to a guide of kind 'configuration'.",
            )
        )
    for collection, what in ((guide.steps, "steps"), (guide.entries, "entries")):
        seen: set[str] = set()
        for index, item in enumerate(collection):
            if item.id in seen:
                found.append(
                    (
                        (what, index, "id"),
                        f"id '{item.id}' is used twice in this guide.",
                        "Give each one its own id.",
                    )
                )
            seen.add(item.id)
    return found
