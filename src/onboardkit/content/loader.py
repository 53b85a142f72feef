"""Load every guide of a project and check it against the addon and the shot list."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from onboardkit.config import Project
from onboardkit.content import errortext
from onboardkit.content.model import GUIDE_KINDS, Guide, shape_problems
from onboardkit.content.references import LabelError, references_in, resolve_label
from onboardkit.content.units import FieldPath, TextUnit, guide_units
from onboardkit.errors import Problem, ProblemList
from onboardkit.odoo.addon import Addon
from onboardkit.yamlfile import LineMap, load_yaml, validate_as

log = logging.getLogger(__name__)


@dataclass
class LoadedGuide:
    """A validated guide with the file it came from and the line of each of its fields."""

    slug: str
    file: str
    guide: Guide
    lines: LineMap

    @property
    def units(self) -> list[TextUnit]:
        return guide_units(self.slug, self.guide)

    def line(self, path: FieldPath) -> int | None:
        return self.lines.line_of(path)


@dataclass
class GuideSet:
    """All guides of a project, in navigation order: by kind, then ``order``, then slug."""

    guides: list[LoadedGuide] = field(default_factory=list)
    # Slugs of every guide file, valid or not, so one broken guide does not also make every
    # reference to it an error.
    file_slugs: set[str] = field(default_factory=set)

    def by_slug(self) -> dict[str, LoadedGuide]:
        return {item.slug: item for item in self.guides}

    def of_kind(self, kind: str) -> list[LoadedGuide]:
        return [item for item in self.guides if item.guide.kind == kind]


def load_guides(project: Project, problems: ProblemList) -> GuideSet:
    """Parse and schema-check every ``*.yml`` in the onboarding folder; collect problems."""
    folder = project.path(project.config.project.onboarding_dir)
    loaded: list[LoadedGuide] = []
    slugs: set[str] = set()
    if not folder.is_dir():
        problems.error(
            project.config.project.onboarding_dir,
            "the onboarding folder does not exist.",
            fix="Create it, or set project.onboarding_dir in onboardkit.yml.",
        )
        return GuideSet()
    for path in sorted(folder.glob("*.y*ml")):
        display = path.relative_to(project.root).as_posix()
        slug = path.stem
        slugs.add(slug)
        if not _valid_slug(slug):
            problems.error(
                display,
                f"the file name '{path.name}' cannot be a page name.",
                fix="Rename it with lower-case letters, digits and hyphens, e.g. 'first-steps.yml'.",
            )
            continue
        document, parse_problems = load_yaml(path, display)
        problems.extend(parse_problems)
        if document.data is None:
            continue
        if not isinstance(document.data, dict):
            problems.error(display, "a guide must be a mapping of keys.", line=1)
            continue
        if "kind" in document.data and document.data["kind"] not in GUIDE_KINDS:
            problems.error(
                display,
                f"unknown guide kind '{document.data['kind']}'.",
                line=document.lines.line_of(("kind",)),
                field="kind",
                fix="Use one of: " + ", ".join(GUIDE_KINDS) + ".",
            )
            continue
        guide, schema_problems = validate_as(Guide, document.data, display, document.lines)
        problems.extend(schema_problems)
        if guide is None:
            continue
        item = LoadedGuide(slug, display, guide, document.lines)
        for field_path, message, fix in shape_problems(guide):
            problems.error(
                display, message, line=item.line(field_path), field=_dotted(field_path), fix=fix
            )
        loaded.append(item)
    kind_rank = {kind: rank for rank, kind in enumerate(GUIDE_KINDS)}
    loaded.sort(key=lambda g: (kind_rank[g.guide.kind], g.guide.order, g.slug))
    return GuideSet(loaded, slugs)


def check_guides(
    guides: GuideSet,
    addon: Addon,
    shot_ids: set[str] | None,
    problems: ProblemList,
    shots_file: str = "screenshots/shots.yml",
) -> None:
    """Check cross references: shots, related guides, UI labels and exact error texts.

    ``shot_ids`` None means the shot list could not be read; its own problems say why.
    """
    slugs = guides.file_slugs | {item.slug for item in guides.guides}
    for item in guides.guides:
        guide = item.guide
        for index, step in enumerate(guide.steps):
            _check_shot(
                item,
                step.screenshot,
                ("steps", index, "screenshot"),
                shot_ids,
                shots_file,
                problems,
            )
        for index, entry in enumerate(guide.entries):
            _check_shot(
                item,
                entry.screenshot,
                ("entries", index, "screenshot"),
                shot_ids,
                shots_file,
                problems,
            )
            if entry.error:
                _check_error_text(item, entry.error, ("entries", index, "error"), addon, problems)
        for index, slug in enumerate(guide.related):
            if slug not in slugs:
                problems.error(
                    item.file,
                    f"related guide '{slug}' does not exist.",
                    line=item.line(("related", index)),
                    field=f"related.{index}",
                    fix="Use the file name of a guide in the onboarding folder, without '.yml'.",
                )
        _check_labels(item, addon, problems)


def _check_shot(
    item: LoadedGuide,
    shot: str | None,
    path: FieldPath,
    shot_ids: set[str] | None,
    shots_file: str,
    problems: ProblemList,
) -> None:
    if shot is None or shot_ids is None or shot in shot_ids:
        return
    problems.error(
        item.file,
        f"screenshot '{shot}' is not defined.",
        line=item.line(path),
        field=_dotted(path),
        fix=f"Add a shot with this id to {shots_file}, or use one of its ids.",
    )


def _check_error_text(
    item: LoadedGuide, text: str, path: FieldPath, addon: Addon, problems: ProblemList
) -> None:
    if errortext.find_message(addon.path, text) is None:
        problems.error(
            item.file,
            f"error text not found in the addon's code: '{text}'.",
            line=item.line(path),
            field=_dotted(path),
            fix="Quote the message exactly as the addon raises it (placeholders may hold "
            "example values), or update the guide if the message changed.",
        )


def _check_labels(item: LoadedGuide, addon: Addon, problems: ProblemList) -> None:
    texts: list[tuple[FieldPath, str]] = [
        (unit.path, unit.source) for unit in guide_units("", item.guide)
    ]
    texts += [(("settings", i, "setting"), s.setting) for i, s in enumerate(item.guide.settings)]
    texts += [(("settings", i, "location"), s.location) for i, s in enumerate(item.guide.settings)]
    seen: set[tuple[FieldPath, str]] = set()
    for path, text in texts:
        for reference in references_in(text):
            if (path, reference) in seen:
                continue
            seen.add((path, reference))
            try:
                resolve_label(addon, reference, None)
            except LabelError as error:
                problems.error(
                    item.file,
                    f"label reference [[{reference}]]: {error}",
                    line=item.line(path),
                    field=_dotted(path),
                    fix="Fix the reference; if the addon renamed it, update the guide.",
                )


def _valid_slug(slug: str) -> bool:
    from onboardkit.content.model import SLUG

    return bool(SLUG.match(slug))


def _dotted(path: FieldPath) -> str:
    return ".".join(str(part) for part in path)


def guide_source_path(project: Project, item: LoadedGuide) -> Path:
    return project.root / item.file


__all__ = ["GuideSet", "LoadedGuide", "Problem", "check_guides", "load_guides"]
