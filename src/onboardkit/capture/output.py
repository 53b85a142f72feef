"""Writing captured images with their metadata, keeping the previous image for review.

The image is written first and its metadata second, each atomically. A run killed between the
two leaves metadata that no longer matches the image, so the next run captures it again.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

from onboardkit.capture.metadata import ImageMetadata, definition_digest, sha256_digest
from onboardkit.capture.metadata import write_metadata as _write_metadata
from onboardkit.capture.schema import Shot, pick
from onboardkit.capture.shots import image_dir, image_path, shot_languages
from onboardkit.config import Project
from onboardkit.fileio import write_bytes_atomic
from onboardkit.images.contact_sheet import SheetEntry, write_contact_sheet
from onboardkit.images.process import FinishedImage

PREVIOUS_DIR = ".cache/onboardkit/previous-images"


def previous_path(project: Project, image: Path) -> Path:
    """Return where the image that ``image`` replaced is kept (outside the committed files)."""
    relative = image.relative_to(image_dir(project))
    return project.root / PREVIOUS_DIR / relative


def save_image(
    project: Project,
    shot: Shot,
    language: str,
    finished: FinishedImage,
    server_version: str,
    module_version: str,
) -> bool:
    """Write the image and its metadata; return whether the image's pixels file changed."""
    image = image_path(project, shot.id, language, shot.format)
    changed = not image.is_file() or image.read_bytes() != finished.data
    if changed and image.is_file():
        previous = previous_path(project, image)
        previous.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(image, previous)
    if changed:
        write_bytes_atomic(image, finished.data)
    metadata = ImageMetadata(
        shot=shot.id,
        language=language,
        odoo_language=project.config.language(language).odoo,
        image=image.name,
        definition_digest=definition_digest(project, shot, language),
        server_version=server_version,
        module_version=module_version,
        image_digest=sha256_digest(finished.data),
        width=finished.width,
        height=finished.height,
        captured_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    _write_metadata(image, metadata)
    return changed


def contact_sheet_path(project: Project, shard: tuple[int, int] | None) -> Path:
    """Return the contact sheet's path; each shard writes its own so that outputs merge."""
    name = "contact-sheet.html"
    if shard is not None:
        name = f"contact-sheet.shard-{shard[0]}-of-{shard[1]}.html"
    return image_dir(project) / name


def write_sheet(
    project: Project,
    shots: list[Shot],
    statuses: dict[tuple[str, str], tuple[str, str]],
    shard: tuple[int, int] | None,
) -> Path:
    """Write the contact sheet of ``shots``; ``statuses`` maps (shot, language) to a status."""
    source = project.config.source_language.code
    entries = []
    for shot in shots:
        for language in shot_languages(project, shot):
            image = image_path(project, shot.id, language, shot.format)
            status, detail = statuses.get((shot.id, language), ("not in this run", ""))
            if not image.is_file() and status != "failed":
                status = "missing"
            previous = previous_path(project, image)
            entries.append(
                SheetEntry(
                    shot=shot.id,
                    language=language,
                    rtl=project.config.language(language).rtl,
                    alt=str(pick(shot.alt, language, source)),
                    current=image if image.is_file() else None,
                    previous=previous if previous.is_file() else None,
                    status=status,
                    detail=detail,
                )
            )
    path = contact_sheet_path(project, shard)
    write_contact_sheet(path, f"{project.config.project.name}: screenshots", entries)
    return path
