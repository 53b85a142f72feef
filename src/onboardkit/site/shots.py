"""The site's view of the shot list: which shot ids exist and where each language's image is."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from onboardkit.config import Project
from onboardkit.errors import ProblemList, ValidationFailed

log = logging.getLogger(__name__)


@dataclass
class ShotIndex:
    """Shot ids with their alt text, caption and image file per language."""

    ids: set[str] = field(default_factory=set)
    alt: dict[tuple[str, str], str] = field(default_factory=dict)
    caption: dict[tuple[str, str], str] = field(default_factory=dict)
    images: dict[tuple[str, str], Path] = field(default_factory=dict)
    readable: bool = True


def load_shot_index(project: Project, problems: ProblemList) -> ShotIndex:
    """Read the shot list; its problems are added to ``problems`` and the index marked unreadable."""
    index = ShotIndex()
    shots_file = project.path(project.config.capture.shots)
    if not shots_file.is_file():
        return index
    from onboardkit.capture.shots import image_path, load_shot_list

    try:
        shot_list = load_shot_list(project)
    except ValidationFailed as error:
        problems.extend(error.problems)
        index.readable = False
        return index
    languages = [language.code for language in project.config.languages]
    source = languages[0]
    for shot in shot_list.shots:
        index.ids.add(shot.id)
        for code in languages:
            alt = _text(shot, "alt", code) or _text(shot, "alt", source) or shot.id
            index.alt[(shot.id, code)] = alt
            caption = _text(shot, "caption", code) or _text(shot, "caption", source)
            if caption:
                index.caption[(shot.id, code)] = caption
            index.images[(shot.id, code)] = image_path(project, shot.id, code)
    return index


def _text(shot: object, kind: str, language: str) -> str | None:
    values = getattr(shot, kind, None)
    if isinstance(values, dict):
        return values.get(language)
    if isinstance(values, str):
        return values
    return None
