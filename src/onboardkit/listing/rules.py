"""The Odoo Apps Store's rules for a listing, and the settings for those that are not official.

Official rules come from Odoo's vendor guidelines and Odoo's own code. Observed rules come from
how published listings render. The store's minimum price and its accepted image types are only
reported by third parties, so they are settings in ``listing.yml`` with the common practice as
their default.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, field_validator

# Licenses the store accepts; OPL-1 is the one Odoo recommends for paid apps.
STORE_LICENSES = (
    "GPL-2",
    "GPL-2 or any later version",
    "GPL-3",
    "GPL-3 or any later version",
    "AGPL-3",
    "LGPL-3",
    "Other OSI approved licence",
    "OEEL-1",
    "OPL-1",
    "Other proprietary",
)
PAID_LICENSE = "OPL-1"
CURRENCIES = ("EUR", "USD")

# The store's categories, as pylint-odoo's category checks list them.
STORE_CATEGORIES = (
    "Accounting",
    "Discuss",
    "Document Management",
    "eCommerce",
    "Extra Tools",
    "Human Resources",
    "Industries",
    "Localization",
    "Manufacturing",
    "Marketing",
    "Point of Sale",
    "Productivity",
    "Project",
    "Purchases",
    "Sales",
    "Tutorial",
    "Warehouse",
    "Website",
)
MAX_NAME_LENGTH = 25
# Validator messages carry their fix after this separator; loading moves it into Problem.fix.
FIX_SEPARATOR = " Fix: "
EMAIL_PATTERN = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")
HEX_COLOR_PATTERN = re.compile(r"#[0-9a-fA-F]{6}")

# Elements that Odoo's sanitizer removes together with their content.
KILLED_TAGS = (
    "base",
    "embed",
    "frame",
    "head",
    "iframe",
    "link",
    "meta",
    "noscript",
    "object",
    "script",
    "style",
    "title",
)
# Elements that lxml's cleaner removes when Odoo sanitizes forms (its default).
FORM_TAGS = ("form", "input", "button", "select", "textarea")

# Inline style properties that the store strips, as published listings show.
STRIPPED_STYLE_PROPERTIES = (
    "gap",
    "row-gap",
    "column-gap",
    "justify-content",
    "align-items",
    "align-content",
    "flex-direction",
    "flex-wrap",
    "flex-flow",
    "transform",
)
STRIPPED_STYLE_VALUES = ("gradient(",)
IMAGE_TYPES = ("png", "jpeg", "gif", "webp", "svg")


class StoreRules(BaseModel):
    """Store rules that are observed or unverified, so each project can adjust them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    min_price: float | None = Field(
        None,
        ge=0,
        description="Lowest price the store accepts for a paid app; a lower price gets a "
        "warning. Unverified, so unset by default.",
    )
    image_types: list[str] = Field(
        default_factory=lambda: ["png", "jpeg", "gif"],
        description="Image types index.html may show (PNG, JPEG and GIF by common practice).",
    )
    icon_size: int = Field(
        140,
        ge=32,
        le=1024,
        description="Side of the icon in pixels when it is generated from icon.source; "
        "listings show icons at 70 to 200 px and 140 px is the usual advice.",
    )
    stripped_style_properties: list[str] = Field(
        default_factory=lambda: list(STRIPPED_STYLE_PROPERTIES),
        description="Inline CSS properties the store strips from index.html.",
    )
    stripped_style_values: list[str] = Field(
        default_factory=lambda: list(STRIPPED_STYLE_VALUES),
        description="Text in an inline CSS value that makes the store strip the declaration.",
    )
    ascii_only: bool = Field(
        True,
        description="Warn about non-ASCII characters in index.html; the store shows them "
        "reliably only as HTML entities.",
    )

    @field_validator("image_types")
    @classmethod
    def _known_types(cls, values: list[str]) -> list[str]:
        types = [image_type(f"x.{value}") for value in values]
        unknown = [value for value in types if value not in IMAGE_TYPES]
        if unknown:
            raise ValueError(
                f"unknown image types {unknown}.{FIX_SEPARATOR}Use some of: "
                + ", ".join(IMAGE_TYPES)
                + "."
            )
        return types


def image_type(path: str) -> str:
    """Return the image type that a file name's extension stands for, such as 'jpeg'."""
    extension = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    return {"jpg": "jpeg", "jpe": "jpeg"}.get(extension, extension)


def is_store_category(category: str) -> bool:
    """Return whether ``category`` (or the first part of 'Parent/Child') is a store category."""
    return category.split("/", 1)[0].strip() in STORE_CATEGORIES
