"""Checks of the listing images in ``static/description``, generated or made by hand."""

from __future__ import annotations

from pathlib import Path

from onboardkit.config import Project
from onboardkit.errors import Problem
from onboardkit.listing import paths
from onboardkit.listing.content import LoadedListing, sizes_text
from onboardkit.listing.images import (
    MAX_ICON_SIZE,
    MIN_ICON_SIZE,
    ImagePlan,
    cover_size_fix,
    cover_size_message,
)
from onboardkit.listing.marker import png_digest

RUN_LISTING = "Run `onboardkit listing` to generate it."


def check_generated_images(
    project: Project, loaded: LoadedListing, plans: list[ImagePlan]
) -> list[Problem]:
    """Report planned images that are missing, or generated from sources that changed since."""
    problems: list[Problem] = []
    for plan in plans:
        display_path = paths.display(project, plan.target)
        if not plan.target.is_file():
            problems.append(Problem(display_path, "the file is missing.", fix=RUN_LISTING))
            continue
        current = png_digest(plan.target)
        if current is not None and current != plan.digest:
            problems.append(
                Problem(
                    display_path,
                    f"out of date: its source {paths.display(project, plan.source)} or "
                    f"{loaded.file} changed since it was generated.",
                    severity="warning",
                    fix="Run `onboardkit listing` to regenerate it.",
                )
            )
    return problems


def check_handmade_images(
    project: Project, loaded: LoadedListing | None, plans: list[ImagePlan]
) -> list[Problem]:
    """Check the images made by hand: those in place of a planned image, and the icon."""
    problems: list[Problem] = []
    for plan in plans:
        if plan.target.is_file() and png_digest(plan.target) is None:
            problems.append(
                Problem(
                    paths.display(project, plan.target),
                    f"the file was made by hand (it has no onboardkit marker), so {plan.field} "
                    "is not used for it.",
                    severity="warning",
                    fix="Delete the file to let `onboardkit listing` generate it, or leave it "
                    "as it is.",
                )
            )
            problems += check_handmade(project, plan.target, plan.kind, loaded)
    if any(plan.kind == "icon" for plan in plans):
        return problems
    icon = paths.description_dir(project) / paths.ICON_NAME
    if icon.is_file():
        problems += check_icon(project, icon)
    else:
        where = f"set icon.source in {loaded.file}" if loaded else "set icon.source in the listing"
        problems.append(
            Problem(
                paths.display(project, icon),
                "no icon: the store ranks a listing without one lower.",
                severity="warning",
                fix=f"Add a square PNG of {MIN_ICON_SIZE} px or more, or {where}.",
            )
        )
    return problems


def check_handmade(
    project: Project, path: Path, kind: str, loaded: LoadedListing | None
) -> list[Problem]:
    """Check an image made by hand in place of a generated one."""
    if kind == "icon":
        return check_icon(project, path)
    size, image_format = _size_and_format(path)
    display_path = paths.display(project, path)
    if size is None:
        return [
            Problem(display_path, "not an image Pillow can read.", fix="Replace it with a PNG.")
        ]
    problems: list[Problem] = []
    if image_format != "PNG":
        problems.append(
            Problem(display_path, f"the file is {image_format}, not PNG.", fix="Save it as PNG.")
        )
    if kind == "cover" and loaded is not None:
        settings = loaded.listing.cover
        ratio_ok = abs(size[0] / size[1] - settings.ratio) <= 0.01 * settings.ratio
        big_enough = size[0] >= settings.min_size[0] and size[1] >= settings.min_size[1]
        if not (ratio_ok and big_enough):
            problems.append(
                Problem(
                    display_path,
                    cover_size_message("the cover image", size, loaded),
                    fix=cover_size_fix(loaded, "or delete it to let onboardkit compose one."),
                )
            )
    return problems


def check_icon(project: Project, path: Path) -> list[Problem]:
    """Check ``icon.png``: a square PNG of at least the usual 140 px."""
    size, image_format = _size_and_format(path)
    display_path = paths.display(project, path)
    if size is None:
        return [
            Problem(display_path, "not an image Pillow can read.", fix="Replace it with a PNG.")
        ]
    problems: list[Problem] = []
    if image_format != "PNG":
        problems.append(
            Problem(display_path, f"the icon is {image_format}, not PNG.", fix="Save it as PNG.")
        )
    if size[0] != size[1]:
        problems.append(
            Problem(
                display_path,
                f"the icon is {sizes_text(size)}, not square; the store squeezes it.",
                fix="Crop it to a square.",
            )
        )
    if min(size) < MIN_ICON_SIZE:
        problems.append(
            Problem(
                display_path,
                f"the icon is {sizes_text(size)}, under the {MIN_ICON_SIZE} px that listings "
                "commonly show, so it looks blurred.",
                severity="warning",
                fix=f"Use at least {MIN_ICON_SIZE}x{MIN_ICON_SIZE}.",
            )
        )
    elif max(size) > MAX_ICON_SIZE:
        problems.append(
            Problem(
                display_path,
                f"the icon is {sizes_text(size)}, far larger than the 70 to 200 px listings "
                "show it at.",
                severity="warning",
                fix="Scale it down to 256x256 or less to keep the module small.",
            )
        )
    return problems


def _size_and_format(path: Path) -> tuple[tuple[int, int] | None, str]:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            return image.size, image.format or "unknown"
    except (UnidentifiedImageError, OSError):
        return None, "unknown"
