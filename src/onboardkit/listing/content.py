"""The listing content file ``listing.yml``: its schema, and loading it with every problem found.

Validator messages carry their fix after " Fix: "; ``read_listing`` moves it into the problem's
``fix`` so that messages read the same as the rest of onboardkit's.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from onboardkit.capture.schema import SHOT_ID
from onboardkit.config import SERIES_PATTERN, Project
from onboardkit.errors import Problem, ProblemList
from onboardkit.listing.rules import (
    CURRENCIES,
    EMAIL_PATTERN,
    FIX_SEPARATOR,
    HEX_COLOR_PATTERN,
    StoreRules,
)
from onboardkit.yamlfile import LineMap, load_yaml, validate_as

SIZE_PATTERN = re.compile(r"^\s*(\d+)\s*[x×]\s*(\d+)\s*$")
ICON_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _parse_size(value: object) -> object:
    if isinstance(value, str):
        match = SIZE_PATTERN.match(value)
        if not match:
            raise ValueError(
                f"'{value}' is not a size.{FIX_SEPARATOR}Write it as width x height in pixels, "
                "such as '1120x560'."
            )
        return (int(match.group(1)), int(match.group(2)))
    return value


class Feature(_Model):
    """A key feature, shown as a card in index.html."""

    title: str = Field(min_length=1, max_length=60, description="Short title of the feature.")
    text: str = Field(min_length=1, description="One or two sentences on what it does.")
    icon: str | None = Field(
        None, description="Font Awesome 4 icon name (Odoo bundles it), such as 'truck'."
    )

    @field_validator("icon")
    @classmethod
    def _icon_name(cls, value: str | None) -> str | None:
        if value is not None and not ICON_NAME.match(value.removeprefix("fa-")):
            raise ValueError(
                f"'{value}' is not an icon name.{FIX_SEPARATOR}Use a Font Awesome 4 name in "
                "lowercase letters and dashes, such as 'truck'."
            )
        return value.removeprefix("fa-") if value else value


class ListingShot(_Model):
    """A screenshot of the listing, taken from the captured images by its shot id."""

    shot: str = Field(description="Shot id from the shot list, such as 'shipment-list'.")
    caption: str = Field(min_length=1, description="Caption shown above the image; its alt text.")

    @field_validator("shot")
    @classmethod
    def _shot_id(cls, value: str) -> str:
        if not SHOT_ID.match(value):
            raise ValueError(
                f"'{value}' is not a shot id.{FIX_SEPARATOR}Use the id from the shot list: "
                "lowercase letters, digits and dashes."
            )
        return value


class Pricing(_Model):
    """Price of the app on the store."""

    price: float = Field(description="Price as a number; 0 lists the app as free.")
    currency: str = Field("EUR", description="EUR or USD, the two currencies the store takes.")

    @field_validator("price", mode="before")
    @classmethod
    def _price_is_number(cls, value: object) -> object:
        if isinstance(value, str | bool):
            kind = "text" if isinstance(value, str) else "a boolean"
            raise ValueError(
                f"the price is {kind} ({value!r}), but the store reads only a number."
                f"{FIX_SEPARATOR}Write it as a number without quotes or currency sign, "
                "such as 149.0."
            )
        if isinstance(value, int | float) and value < 0:
            raise ValueError(
                f"the price {value} is negative.{FIX_SEPARATOR}Write 0 for a free app."
            )
        return value

    @field_validator("currency")
    @classmethod
    def _known_currency(cls, value: str) -> str:
        if value not in CURRENCIES:
            raise ValueError(
                f"'{value}' is not a currency the store accepts, so the scan would fail."
                f"{FIX_SEPARATOR}Use EUR or USD."
            )
        return value


class SupportInfo(_Model):
    """Support contact shown in index.html; ``email`` also goes to the manifest's 'support'."""

    email: str = Field(description="Support e-mail address.")
    hours: str | None = Field(None, description="Support hours with their time zone.")

    @field_validator("email")
    @classmethod
    def _email_form(cls, value: str) -> str:
        if not EMAIL_PATTERN.fullmatch(value):
            raise ValueError(
                f"'{value}' is not an e-mail address.{FIX_SEPARATOR}Write an address such as "
                "support@example.com."
            )
        return value


class CoverSettings(_Model):
    """The cover image, the manifest's ``images[0]``."""

    shot: str | None = Field(
        None,
        description="Listing screenshot the cover is composed from; default: the first one.",
    )
    image: str | None = Field(
        None,
        description="A ready-made cover image (relative to the project) used instead of "
        "composing one.",
    )
    size: tuple[int, int] = Field((1120, 560), description="Size of the composed cover, 'WxH'.")
    min_size: tuple[int, int] = Field(
        (560, 280), description="Smallest cover size accepted (560x280 by common practice)."
    )
    ratio: float = Field(2.0, gt=0, description="Width divided by height (2:1 by common practice).")

    @field_validator("size", "min_size", mode="before")
    @classmethod
    def _sizes(cls, value: object) -> object:
        return _parse_size(value)

    @model_validator(mode="after")
    def _size_fits(self) -> CoverSettings:
        width, height = self.size
        if width < self.min_size[0] or height < self.min_size[1]:
            raise ValueError(
                f"the cover size {width}x{height} is smaller than the minimum "
                f"{self.min_size[0]}x{self.min_size[1]}.{FIX_SEPARATOR}Raise cover.size, such as "
                "to 1120x560."
            )
        if abs(width / height - self.ratio) > 0.01 * self.ratio:
            raise ValueError(
                f"the cover size {width}x{height} is not {self.ratio:g}:1.{FIX_SEPARATOR}Make "
                f"the width {self.ratio:g} times the height, such as "
                f"{round(height * self.ratio)}x{height}."
            )
        if self.shot is not None and self.image is not None:
            raise ValueError(
                f"both 'shot' and 'image' are set.{FIX_SEPARATOR}Keep 'shot' to compose the "
                "cover, or 'image' to use a finished one."
            )
        return self


class IconSettings(_Model):
    """Source of ``static/description/icon.png``."""

    source: str | None = Field(
        None,
        description="Image (relative to the project) the icon is made from; unset: the addon's "
        "own icon.png is only checked.",
    )


class Listing(_Model):
    """The whole of ``listing.yml``."""

    headline: str = Field(
        min_length=1, max_length=80, description="One line on what the app does; on the cover."
    )
    summary: str = Field(min_length=1, description="A short paragraph under the headline.")
    brand_color: str = Field("#0f6e6e", description="Accent color of the cover and index.html.")
    odoo_series: list[str] = Field(
        default_factory=list,
        description="Odoo series the app works with; default: addon.compatible_series.",
    )
    features: list[Feature] = Field(min_length=1, description="Key features, in order.")
    screenshots: list[ListingShot] = Field(min_length=1, description="Screenshots, in order.")
    pricing: Pricing
    support: SupportInfo | None = Field(
        None, description="Support contact; default: the support section of onboardkit.yml."
    )
    live_demo: str | None = Field(
        None, description="https URL of a demo database; the manifest's 'live_test_url'."
    )
    cover: CoverSettings = CoverSettings()
    icon: IconSettings = IconSettings()
    screenshot_width: int = Field(
        1280,
        ge=400,
        le=2560,
        description="Widest size, in pixels, that screenshots are exported at; wider ones are "
        "scaled down, which blurs their text a little.",
    )
    store_rules: StoreRules = StoreRules()

    @field_validator("brand_color")
    @classmethod
    def _hex_color(cls, value: str) -> str:
        if not HEX_COLOR_PATTERN.fullmatch(value):
            raise ValueError(
                f"'{value}' is not a color.{FIX_SEPARATOR}Write it as '#rrggbb', quoted."
            )
        return value

    @field_validator("odoo_series")
    @classmethod
    def _series_form(cls, values: list[str]) -> list[str]:
        for value in values:
            if not SERIES_PATTERN.match(str(value)):
                raise ValueError(
                    f"'{value}' is not an Odoo series.{FIX_SEPARATOR}Write it like '18.0', quoted."
                )
        return values

    @field_validator("live_demo")
    @classmethod
    def _https_url(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"^https://[^/\s]+\.[^/\s]+", value):
            raise ValueError(
                f"'{value}' is not an https URL; the store opens only https demos."
                f"{FIX_SEPARATOR}Write the demo's address starting with https://."
            )
        return value

    @property
    def cover_shot(self) -> str:
        return self.cover.shot or self.screenshots[0].shot


class LoadedListing:
    """A validated listing with its file name and line map, and the values filled from config."""

    def __init__(self, listing: Listing, file: str, lines: LineMap, project: Project):
        self.listing = listing
        self.file = file
        self.lines = lines
        self.series = (
            listing.odoo_series
            or list(project.config.addon.compatible_series)
            or [project.config.addon.series]
        )
        config_support = project.config.support
        self.support = listing.support or (
            SupportInfo(email=config_support.email, hours=config_support.hours)
            if config_support
            else None
        )

    def line(self, *path: str | int) -> int | None:
        return self.lines.line_of(path)


def listing_file_name(project: Project) -> str | None:
    """Return the listing file's project-relative name, or None when listing is off."""
    return project.config.listing


def read_listing(project: Project, problems: ProblemList) -> LoadedListing | None:
    """Load and validate the listing file; add every problem found to ``problems``.

    Returns None when the file is missing or invalid.
    """
    name = listing_file_name(project)
    if name is None:
        return None
    document, parse_problems = load_yaml(project.path(name), display_name=name)
    problems.extend(parse_problems)
    if document.data is None:
        if not parse_problems:
            problems.error(name, "the file is empty.", fix="Write the listing content into it.")
        return None
    if not isinstance(document.data, dict):
        problems.error(
            name, "the file must be a mapping of keys such as 'headline'.", line=1, fix=None
        )
        return None
    listing, validation = validate_as(Listing, document.data, name, document.lines)
    problems.extend(_split_fix(problem) for problem in validation)
    if listing is None:
        return None
    loaded = LoadedListing(listing, name, document.lines, project)
    _check_references(loaded, project, problems)
    return loaded


def _split_fix(problem: Problem) -> Problem:
    message, separator, fix = problem.message.partition(FIX_SEPARATOR)
    if not separator:
        return problem
    return Problem(problem.file, message, problem.line, problem.field, fix, problem.severity)


def _check_references(loaded: LoadedListing, project: Project, problems: ProblemList) -> None:
    listing = loaded.listing
    seen: dict[str, int] = {}
    for index, entry in enumerate(listing.screenshots):
        if entry.shot in seen:
            problems.error(
                loaded.file,
                f"shot '{entry.shot}' is listed twice (first as screenshots.{seen[entry.shot]}).",
                line=loaded.line("screenshots", index, "shot"),
                field=f"screenshots.{index}.shot",
                fix="Keep one of the two entries.",
            )
        seen.setdefault(entry.shot, index)
    if listing.cover.shot and listing.cover.shot not in seen:
        problems.error(
            loaded.file,
            f"cover shot '{listing.cover.shot}' is not one of the listing's screenshots.",
            line=loaded.line("cover", "shot"),
            field="cover.shot",
            fix="Use a shot listed under 'screenshots', or add it there.",
        )
    for key, value in (("cover.image", listing.cover.image), ("icon.source", listing.icon.source)):
        if value and not project.path(value).is_file():
            problems.error(
                loaded.file,
                f"image '{value}' not found.",
                line=loaded.line(*key.split(".")),
                field=key,
                fix="Fix the path (relative to the project folder) or remove the key.",
            )
    if loaded.support is None:
        problems.error(
            loaded.file,
            "no support contact: neither this file nor onboardkit.yml has a support section.",
            line=1,
            field="support",
            fix="Add 'support' with 'email' and 'hours'.",
        )
    if project.config.addon.series not in loaded.series:
        problems.warning(
            loaded.file,
            f"odoo_series {loaded.series} leaves out {project.config.addon.series}, the series "
            "of this branch (addon.series in onboardkit.yml).",
            line=loaded.line("odoo_series"),
            field="odoo_series",
            fix=f"Add '{project.config.addon.series}'.",
        )


def sizes_text(size: tuple[int, int]) -> str:
    return f"{size[0]}x{size[1]}"


def model_digest_data(listing: Listing) -> dict[str, Any]:
    """Return the listing as plain data, for source digests."""
    return listing.model_dump(mode="json")
