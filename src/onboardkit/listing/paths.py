"""Paths of the listing's inputs and outputs."""

from __future__ import annotations

from pathlib import Path

from onboardkit.config import Project

DESCRIPTION_DIR = "static/description"
INDEX_NAME = "index.html"
ICON_NAME = "icon.png"
COVER_NAME = "cover.png"
SCREENSHOT_DIR = "screenshots"
PREVIEW_DIR = "dist/listing"
SOURCE_IMAGE_TYPES = ("png", "webp")


def description_dir(project: Project) -> Path:
    """Return the addon's ``static/description`` folder."""
    return project.addon_dir / DESCRIPTION_DIR


def display(project: Project, path: Path) -> str:
    """Return ``path`` relative to the project folder when it is inside it, for messages."""
    try:
        return path.resolve().relative_to(project.root).as_posix()
    except ValueError:
        return str(path)


def listing_language(project: Project) -> str:
    """Return the docs language whose screenshots the listing shows: English when configured.

    The store wants English text, and screenshots should match it.
    """
    codes = [language.code for language in project.config.languages]
    return "en" if "en" in codes else codes[0]


def screenshot_source(project: Project, shot_id: str) -> Path:
    """Return the captured image of ``shot_id`` in the listing language.

    The PNG path is returned when no image exists yet, for the error message.
    """
    folder = project.path(project.config.capture.output_dir) / listing_language(project)
    for extension in SOURCE_IMAGE_TYPES:
        candidate = folder / f"{shot_id}.{extension}"
        if candidate.is_file():
            return candidate
    return folder / f"{shot_id}.png"


def exported_screenshot(shot_id: str) -> str:
    """Return where a listing screenshot is exported, relative to ``static/description``.

    The path must not contain 'static/': Odoo rewrites only image sources without it.
    """
    return f"{SCREENSHOT_DIR}/{shot_id}.png"


def manifest_image_path(name: str) -> str:
    """Return the module-relative path of a file in ``static/description``, as in 'images'."""
    return f"{DESCRIPTION_DIR}/{name}"
