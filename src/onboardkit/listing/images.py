"""The listing's images: exported screenshots, the cover and the icon, planned then written.

Planning reads the sources and works out each output's size and source digest without writing,
so ``onboardkit check`` and the HTML renderer share it. A generated PNG carries the digest in a
text chunk; a PNG without it was made by hand and is only checked.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from onboardkit.config import Project
from onboardkit.errors import ProblemList
from onboardkit.fileio import write_bytes_atomic
from onboardkit.listing import paths
from onboardkit.listing.content import LoadedListing, sizes_text
from onboardkit.listing.marker import digest, png_digest, png_info

if TYPE_CHECKING:
    from PIL.Image import Image

log = logging.getLogger(__name__)

ImageKind = Literal["screenshot", "cover", "icon"]
WriteStatus = Literal["written", "unchanged", "kept"]
# Listings show icons at 70 to 200 px; 140 px is the usual advice for the file's size.
MIN_ICON_SIZE = 140
MAX_ICON_SIZE = 1024


@dataclass(frozen=True)
class ImagePlan:
    """One image to generate into ``static/description``."""

    kind: ImageKind
    name: str
    target: Path
    source: Path
    size: tuple[int, int]
    digest: str
    field: str
    line: int | None


def export_size(source: tuple[int, int], max_width: int) -> tuple[int, int]:
    """Return the size a screenshot is exported at: scaled down (never up) to ``max_width``."""
    width, height = source
    if width <= max_width:
        return source
    return (max_width, max(1, round(height * max_width / width)))


def plan_images(project: Project, loaded: LoadedListing, problems: ProblemList) -> list[ImagePlan]:
    """Return the images to generate; add a problem for each missing or unusable source."""
    listing = loaded.listing
    folder = paths.description_dir(project)
    plans: list[ImagePlan] = []
    sources: dict[str, tuple[Path, bytes, tuple[int, int]]] = {}
    for index, entry in enumerate(listing.screenshots):
        source = paths.screenshot_source(project, entry.shot)
        where = ("screenshots", index, "shot")
        read = _read_source(project, source, loaded, where, problems, shot=entry.shot)
        if read is None:
            continue
        data, size = read
        sources[entry.shot] = (source, data, size)
        name = paths.exported_screenshot(entry.shot)
        plans.append(
            ImagePlan(
                "screenshot",
                name,
                folder / name,
                source,
                export_size(size, listing.screenshot_width),
                digest({"kind": "screenshot", "width": listing.screenshot_width}, data),
                f"screenshots.{index}.shot",
                loaded.line(*where),
            )
        )
    cover = _plan_cover(project, loaded, sources, problems)
    if cover is not None:
        plans.append(cover)
    icon = _plan_icon(project, loaded, problems)
    if icon is not None:
        plans.append(icon)
    return plans


def _read_source(
    project: Project,
    source: Path,
    loaded: LoadedListing,
    where: tuple[str | int, ...],
    problems: ProblemList,
    shot: str | None = None,
) -> tuple[bytes, tuple[int, int]] | None:
    from PIL import Image, UnidentifiedImageError

    field = ".".join(str(part) for part in where)
    display_path = paths.display(project, source)
    if not source.is_file():
        problems.error(
            loaded.file,
            f"no image for shot '{shot}' at {display_path}.",
            line=loaded.line(*where),
            field=field,
            fix="Capture it with `onboardkit capture`, or remove the entry.",
        )
        return None
    data = source.read_bytes()
    try:
        with Image.open(io.BytesIO(data)) as image:
            return data, image.size
    except (UnidentifiedImageError, OSError) as error:
        problems.error(
            loaded.file,
            f"{display_path} is not an image Pillow can read ({error}).",
            line=loaded.line(*where),
            field=field,
            fix="Replace it with a PNG.",
        )
        return None


def _plan_cover(
    project: Project,
    loaded: LoadedListing,
    sources: dict[str, tuple[Path, bytes, tuple[int, int]]],
    problems: ProblemList,
) -> ImagePlan | None:
    listing = loaded.listing
    settings = listing.cover
    target = paths.description_dir(project) / paths.COVER_NAME
    if settings.image:
        source = project.path(settings.image)
        if not source.is_file():
            return None  # reported with the listing's references
        read = _read_source(project, source, loaded, ("cover", "image"), problems)
        if read is None:
            return None
        data, size = read
        if not _cover_size_ok(size, settings.min_size, settings.ratio):
            problems.error(
                loaded.file,
                cover_size_message(f"the cover image '{settings.image}'", size, loaded),
                line=loaded.line("cover", "image"),
                field="cover.image",
                fix=cover_size_fix(loaded, "or lower cover.min_size."),
            )
            return None
        return ImagePlan(
            "cover",
            paths.COVER_NAME,
            target,
            source,
            size,
            digest({"kind": "cover-image"}, data),
            "cover.image",
            loaded.line("cover", "image"),
        )
    shot = listing.cover_shot
    if shot not in sources:
        return None  # the missing screenshot is already reported
    source, data, size = sources[shot]
    screenshot_area = round(settings.size[0] * 0.62)
    if size[0] < screenshot_area:
        problems.warning(
            loaded.file,
            f"shot '{shot}' is {size[0]} px wide, so the cover enlarges it to "
            f"{screenshot_area} px and it looks blurred.",
            line=loaded.line("cover", "shot") or loaded.line("screenshots"),
            field="cover.shot",
            fix="Capture the shot wider, or choose a wider one for the cover.",
        )
    recipe = {
        "kind": "cover",
        "headline": listing.headline,
        "series": loaded.series,
        "size": list(settings.size),
        "color": listing.brand_color,
    }
    return ImagePlan(
        "cover",
        paths.COVER_NAME,
        target,
        source,
        settings.size,
        digest(recipe, data),
        "cover.shot",
        loaded.line("cover", "shot") or loaded.line("cover"),
    )


def _plan_icon(project: Project, loaded: LoadedListing, problems: ProblemList) -> ImagePlan | None:
    listing = loaded.listing
    if not listing.icon.source:
        return None
    source = project.path(listing.icon.source)
    if not source.is_file():
        return None  # reported with the listing's references
    read = _read_source(project, source, loaded, ("icon", "source"), problems)
    if read is None:
        return None
    data, size = read
    side = listing.store_rules.icon_size
    if min(size) < side:
        problems.warning(
            loaded.file,
            f"the icon source is {sizes_text(size)}, smaller than the {side} px icon, so it is "
            "enlarged and looks blurred.",
            line=loaded.line("icon", "source"),
            field="icon.source",
            fix=f"Use a source of at least {side}x{side}.",
        )
    return ImagePlan(
        "icon",
        paths.ICON_NAME,
        paths.description_dir(project) / paths.ICON_NAME,
        source,
        (side, side),
        digest({"kind": "icon", "size": side}, data),
        "icon.source",
        loaded.line("icon", "source"),
    )


def _cover_size_ok(size: tuple[int, int], minimum: tuple[int, int], ratio: float) -> bool:
    width, height = size
    if width < minimum[0] or height < minimum[1]:
        return False
    return abs(width / height - ratio) <= 0.01 * ratio


def cover_size_message(subject: str, size: tuple[int, int], loaded: LoadedListing) -> str:
    """Return why a cover of ``size`` is rejected: too small, or not of the cover's ratio."""
    settings = loaded.listing.cover
    minimum = sizes_text(settings.min_size)
    if size[0] < settings.min_size[0] or size[1] < settings.min_size[1]:
        return f"{subject} is {sizes_text(size)}, smaller than the minimum {minimum}."
    return f"{subject} is {sizes_text(size)}, which is not {settings.ratio:g}:1."


def cover_size_fix(loaded: LoadedListing, tail: str) -> str:
    settings = loaded.listing.cover
    return (
        f"Use a {settings.ratio:g}:1 image of at least {sizes_text(settings.min_size)} "
        f"({sizes_text(settings.size)} looks sharper), {tail}"
    )


def render_image(plan: ImagePlan, loaded: LoadedListing) -> Image:
    """Return the pixels of ``plan``'s image, made from its source."""
    from PIL import Image as PILImage
    from PIL import ImageOps

    with PILImage.open(plan.source) as opened:
        source = opened.convert("RGBA")
    if plan.kind == "icon":
        return ImageOps.fit(source, plan.size, PILImage.Resampling.LANCZOS)
    flat = PILImage.new("RGB", source.size, (255, 255, 255))
    flat.paste(source, (0, 0), source)
    if plan.kind == "screenshot" or plan.field == "cover.image":
        if flat.size == plan.size:
            return flat
        return flat.resize(plan.size, PILImage.Resampling.LANCZOS)
    from onboardkit.listing.cover import compose_cover

    listing = loaded.listing
    return compose_cover(flat, listing.headline, loaded.series, plan.size, listing.brand_color)


def write_image(plan: ImagePlan, loaded: LoadedListing) -> WriteStatus:
    """Write ``plan``'s image unless it is up to date or was made by hand."""
    if plan.target.is_file():
        current = png_digest(plan.target)
        if current is None:
            return "kept"
        if current == plan.digest:
            return "unchanged"
    image = render_image(plan, loaded)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True, pnginfo=png_info(plan.digest))
    write_bytes_atomic(plan.target, buffer.getvalue())
    log.debug("wrote %s", plan.target)
    return "written"


def prune_screenshots(project: Project, plans: list[ImagePlan]) -> list[Path]:
    """Delete generated screenshots that the listing no longer names; return their paths."""
    folder = paths.description_dir(project) / paths.SCREENSHOT_DIR
    planned = {plan.target for plan in plans}
    removed = []
    for candidate in sorted(folder.glob("*.png")) if folder.is_dir() else []:
        if candidate not in planned and png_digest(candidate) is not None:
            candidate.unlink()
            removed.append(candidate)
    return removed
