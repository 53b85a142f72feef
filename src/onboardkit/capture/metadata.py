"""The metadata file beside each image, digests of shot definitions, and the stale check.

A metadata file records what produced an image: the shot definition's digest, the Odoo server
and module versions, the language and the image's own digest. The capture time is recorded
too but takes no part in any digest, so a fresh clone can tell which images are stale and
images from sharded runs merge without conflicts.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from onboardkit.capture.schema import Shot
from onboardkit.capture.shots import (
    image_path,
    load_shot_list,
    metadata_path,
    shot_languages,
)
from onboardkit.config import Project
from onboardkit.fileio import write_text_atomic

log = logging.getLogger(__name__)

METADATA_VERSION = 1
LOCALIZED_KEYS = ("value", "wait_for_text", "with", "label")


@dataclass(frozen=True)
class ImageMetadata:
    """The record of how one image was produced, stored as JSON beside it."""

    shot: str
    language: str
    odoo_language: str
    image: str
    definition_digest: str
    server_version: str
    module_version: str
    image_digest: str
    width: int
    height: int
    captured_at: str
    format_version: int = METADATA_VERSION

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


@dataclass(frozen=True)
class StaleImage:
    """An image that is missing or out of date, and why."""

    shot: str
    language: str
    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.shot} ({self.language}): {self.reason}"


def sha256_digest(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def definition_digest(project: Project, shot: Shot, language: str) -> str:
    """Return the digest of everything in ``shot`` that changes its image in ``language``.

    Alt text and captions are left out because they are not in the image. A text given per
    language counts only in its own language. The capture settings that change pixels count.
    """
    source = project.config.source_language.code
    data = shot.model_dump(mode="json", by_alias=True, exclude={"alt", "caption", "languages"})
    resolved = _resolve_language(data, language, source)
    settings = project.config.capture
    payload = {
        "shot": resolved,
        "language": language,
        "odoo_language": project.config.language(language).odoo,
        "timezone": getattr(settings, "timezone", None),
        "clock": getattr(settings, "clock", None),
    }
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return sha256_digest(text.encode("utf-8"))


def _resolve_language(data: Any, language: str, source: str) -> Any:
    if isinstance(data, list):
        return [_resolve_language(item, language, source) for item in data]
    if not isinstance(data, dict):
        return data
    resolved = {}
    for key, value in data.items():
        if key in LOCALIZED_KEYS and isinstance(value, dict):
            resolved[key] = value.get(language) or value.get(source)
        else:
            resolved[key] = _resolve_language(value, language, source)
    return resolved


def read_metadata(image: Path) -> ImageMetadata | None:
    """Return the metadata stored beside ``image``, or None if it is missing or unreadable."""
    path = metadata_path(image)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format_version") != METADATA_VERSION:
            return None
        return ImageMetadata(**data)
    except FileNotFoundError:
        return None
    except (ValueError, TypeError) as error:
        log.warning("Ignoring unreadable image metadata %s: %s", path, error)
        return None


def write_metadata(image: Path, metadata: ImageMetadata) -> None:
    write_text_atomic(metadata_path(image), metadata.to_json())


def stale_reason(
    project: Project,
    shot: Shot,
    language: str,
    module_version: str,
    server_version: str | None,
) -> str | None:
    """Return why the stored image of ``shot`` must be captured again, or None if it is current.

    ``server_version`` None skips the server check, for builds with no Odoo reachable.
    """
    image = image_path(project, shot.id, language, shot.format)
    if not image.is_file():
        return "image missing"
    metadata = read_metadata(image)
    if metadata is None:
        return "metadata file missing or unreadable"
    if metadata.definition_digest != definition_digest(project, shot, language):
        return "shot definition changed"
    if metadata.module_version != module_version:
        return f"module version changed ({metadata.module_version} -> {module_version})"
    if server_version is not None and metadata.server_version != server_version:
        return f"Odoo server version changed ({metadata.server_version} -> {server_version})"
    if metadata.image_digest != sha256_digest(image.read_bytes()):
        return "image file changed after capture"
    return None


def module_version(project: Project) -> str:
    from onboardkit.odoo.manifest import read_manifest

    return read_manifest(project.addon_dir).version


def stale_images(project: Project) -> list[StaleImage]:
    """List every image that is missing or stale, judged by the metadata files alone.

    The Odoo server's version is not checked (no server is needed), so images taken from an
    older server are reported only by a capture run.

    Raises:
        ValidationFailed: the shot list is invalid.
    """
    shot_list = load_shot_list(project)
    version = module_version(project)
    stale = []
    for shot in shot_list.shots:
        for language in shot_languages(project, shot):
            reason = stale_reason(project, shot, language, version, None)
            if reason:
                path = image_path(project, shot.id, language, shot.format)
                stale.append(StaleImage(shot.id, language, path, reason))
    return stale
