"""The schema of the shot list (``screenshots/shots.yml``), validated with pydantic.

A shot names an Odoo page (``target``), what to do on it (``steps``), what to hide or mask,
where to crop and what to draw on the image. Texts that differ per language (alt text,
captions, annotation labels, typed values, mask texts) are either one string or a mapping of
docs language codes to strings.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    field_validator,
    model_validator,
)

SHOT_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
XMLID = re.compile(r"^[a-z0-9_]+\.[A-Za-z0-9_.]+$")
MODEL_NAME = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)+$")
SECTION_KEY = re.compile(r"^[a-z0-9_]+$")
HIDE_KEYWORDS = ("toasts", "chatter", "debug")
VIEW_TYPES = ("list", "kanban", "form", "calendar", "pivot", "graph", "activity", "map")
STEP_ACTIONS = (
    "click",
    "fill",
    "select",
    "hover",
    "press",
    "settings",
    "wait_for",
    "wait_for_text",
)
DEFAULT_MASK_TEXT = "••••••••"


def _localized(value: Any) -> str | dict[str, str]:
    if isinstance(value, str):
        if not value.strip():
            raise ValueError("the text is empty")
        return value
    if isinstance(value, dict) and value:
        for key, text in value.items():
            if not isinstance(key, str) or not isinstance(text, str) or not text.strip():
                raise ValueError(
                    "give one string, or a mapping of language codes to non-empty strings"
                )
        return dict(value)
    raise ValueError(
        "give one string, or a mapping of language codes to strings (en: ..., ar: ...)"
    )


Localized = Annotated[str | dict[str, str], PlainValidator(_localized)]


def pick(text: str | dict[str, str] | None, language: str, source: str) -> str | None:
    """Return ``text`` in ``language``, falling back to the source language."""
    if text is None or isinstance(text, str):
        return text
    return text.get(language) or text.get(source)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _selector(value: str) -> str:
    if not value.strip():
        raise ValueError("the selector is empty")
    return value


class Viewport(Strict):
    """Browser window size in CSS pixels."""

    width: int = Field(1280, ge=320, le=3840)
    height: int = Field(800, ge=240, le=4000)


class RecordRef(Strict):
    """One record of a model, found by its XML id or by a search domain."""

    model: str
    xmlid: str | None = None
    domain: list[Any] | None = Field(
        None, description="Odoo domain; the record with the lowest id that matches is used."
    )

    @field_validator("model")
    @classmethod
    def _model_form(cls, value: str) -> str:
        if not MODEL_NAME.match(value):
            raise ValueError(f"'{value}' is not an Odoo model name such as 'res.partner'")
        return value

    @field_validator("xmlid")
    @classmethod
    def _xmlid_form(cls, value: str | None) -> str | None:
        if value is not None and not XMLID.match(value):
            raise ValueError(f"'{value}' is not a full XML id such as 'module.record_name'")
        return value

    @model_validator(mode="after")
    def _one_lookup(self) -> RecordRef:
        if (self.xmlid is None) == (self.domain is None):
            raise ValueError("give exactly one of 'xmlid' or 'domain'")
        return self


class Target(Strict):
    """The page to open: a URL path, an action, a menu, or a record (optionally in an action)."""

    url: str | None = Field(None, description="Path on the Odoo server, such as /odoo/settings.")
    action: str | None = Field(None, description="XML id of a window action.")
    menu: str | None = Field(None, description="XML id of a menu of the addon that has an action.")
    record: RecordRef | None = None
    view_type: Literal[VIEW_TYPES] | None = None  # type: ignore[valid-type]
    debug: bool = Field(False, description="Open the page in debug mode (?debug=1).")

    @field_validator("url")
    @classmethod
    def _url_form(cls, value: str | None) -> str | None:
        if value is None:
            return value
        if not value.startswith("/") or value.startswith("//") or re.search(r"\s", value):
            raise ValueError(
                f"'{value}' is not a path on the Odoo server; write it like '/odoo/settings'"
            )
        if re.search(r"[?&#]lang=", value):
            raise ValueError(
                "'lang' in the URL gives translated text on a left-to-right layout; remove it "
                "and list the language under 'languages' (the user's language is switched)"
            )
        return value

    @field_validator("action", "menu")
    @classmethod
    def _xmlid_form(cls, value: str | None) -> str | None:
        if value is not None and not XMLID.match(value):
            raise ValueError(f"'{value}' is not a full XML id such as 'module.record_name'")
        return value

    @model_validator(mode="after")
    def _one_target(self) -> Target:
        given = [name for name in ("url", "action", "menu") if getattr(self, name) is not None]
        if len(given) > 1 or (self.record is not None and ("url" in given or "menu" in given)):
            raise ValueError(
                "give one of 'url', 'action', 'menu' or 'record' ('record' may go with 'action')"
            )
        if not given and self.record is None:
            raise ValueError("give one of 'url', 'action', 'menu' or 'record'")
        if self.url is not None and self.view_type is not None:
            raise ValueError("'view_type' needs 'action', 'menu' or 'record'; put it in the URL")
        return self


class Step(Strict):
    """One action before the capture; exactly one of the action keys is given."""

    click: str | None = Field(None, description="Selector of the element to click.")
    fill: str | None = Field(None, description="Selector of the input to type 'value' into.")
    select: str | None = Field(None, description="Selector of a <select> to set to 'value'.")
    hover: str | None = Field(None, description="Selector of the element to hover.")
    press: str | None = Field(None, description="Key to press, such as Enter or Escape.")
    settings: str | None = Field(None, description="Settings section to open: the module name.")
    wait_for: str | None = Field(None, description="Selector that must become visible.")
    wait_for_text: Localized | None = Field(None, description="Text that must become visible.")
    value: Localized | None = None
    value_env: str | None = Field(
        None, description="Environment variable holding the value to type (for secrets)."
    )
    selector: str | None = Field(None, description="For 'press': the element to focus first.")
    timeout: float | None = Field(None, gt=0, le=300, description="Seconds; default: the shot's.")

    @property
    def action(self) -> str:
        return next(name for name in STEP_ACTIONS if getattr(self, name) is not None)

    @model_validator(mode="after")
    def _one_action(self) -> Step:
        given = [name for name in STEP_ACTIONS if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError(
                "a step has exactly one of " + ", ".join(f"'{n}'" for n in STEP_ACTIONS)
            )
        action = given[0]
        if action in ("click", "fill", "select", "hover", "wait_for"):
            _selector(getattr(self, action))
        has_value = self.value is not None or self.value_env is not None
        if action in ("fill", "select"):
            if (self.value is None) == (self.value_env is None):
                raise ValueError(f"'{action}' needs exactly one of 'value' or 'value_env'")
        elif has_value:
            raise ValueError(f"'value' and 'value_env' go with 'fill' or 'select', not '{action}'")
        if self.selector is not None and action != "press":
            raise ValueError(f"'selector' goes with 'press', not '{action}'")
        if self.settings is not None and not SECTION_KEY.match(self.settings):
            raise ValueError(f"'{self.settings}' is not a module name such as 'sale_management'")
        if self.value_env is not None and not re.fullmatch(
            r"[A-Za-z_][A-Za-z0-9_]*", self.value_env
        ):
            raise ValueError(f"'{self.value_env}' is not an environment variable name")
        return self


class Crop(Strict):
    """Crop the image to an element's box, grown by ``padding`` CSS pixels on each side."""

    selector: str
    padding: int = Field(0, ge=0, le=200)

    _selector_form = field_validator("selector")(classmethod(lambda cls, v: _selector(v)))


class Mask(Strict):
    """Replace the text (and input values) of matching elements before the capture."""

    selector: str
    replacement: Localized = Field(DEFAULT_MASK_TEXT, alias="with")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    _selector_form = field_validator("selector")(classmethod(lambda cls, v: _selector(v)))


class Annotation(Strict):
    """A numbered callout, a box or an arrow drawn on an element's measured position."""

    callout: str | None = Field(None, description="Selector of the element to number.")
    box: str | None = Field(None, description="Selector of the element to frame.")
    arrow: str | None = Field(None, description="Selector of the element to point at.")
    label: Localized | None = None
    number: int | None = Field(None, ge=1, le=99, description="Callout number; default: order.")
    side: Literal["start", "end", "top", "bottom"] = Field(
        "start",
        description="For an arrow, the side it comes from. For a callout, 'start' puts the "
        "number on the element's top start corner and the other sides put it just outside. "
        "Start is left in English and right in Arabic.",
    )

    @property
    def kind(self) -> str:
        if self.callout:
            return "callout"
        if self.box:
            return "box"
        return "arrow"

    @property
    def selector(self) -> str:
        return str(self.callout or self.box or self.arrow)

    @model_validator(mode="after")
    def _one_kind(self) -> Annotation:
        given = [name for name in ("callout", "box", "arrow") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError("an annotation has exactly one of 'callout', 'box' or 'arrow'")
        _selector(self.selector)
        if self.number is not None and self.kind != "callout":
            raise ValueError("'number' goes with 'callout' only")
        return self


def _mask_entry(value: Any) -> Any:
    return {"selector": value} if isinstance(value, str) else value


def _crop_entry(value: Any) -> Any:
    return {"selector": value} if isinstance(value, str) else value


class ShotOptions(Strict):
    """Settings that the ``defaults`` section gives every shot and a shot may override."""

    viewport: Viewport = Viewport()
    languages: list[str] | None = Field(None, description="Docs language codes; default: all.")
    hide: list[str] = Field(default_factory=list)
    format: Literal["png", "webp"] = "png"
    scale: Literal[1, 2] = 1
    max_width: int | None = Field(None, ge=200, le=8000, description="Pixels of the final image.")
    border: bool = False
    shadow: bool = False
    full_height: bool = Field(
        False, description="Grow the window so that the scrolling content shows in full."
    )
    timeout: float | None = Field(None, gt=0, le=300, description="Seconds; default: config.")

    @field_validator("hide")
    @classmethod
    def _hide_entries(cls, values: list[str]) -> list[str]:
        for value in values:
            _selector(value)
        return values


class Shot(ShotOptions):
    """One screenshot, captured once per language."""

    id: str
    target: Target
    steps: list[Step] = Field(default_factory=list)
    crop: Annotated[Crop | None, BeforeValidator(_crop_entry)] = None
    mask: list[Annotated[Mask, BeforeValidator(_mask_entry)]] = Field(default_factory=list)
    annotations: list[Annotation] = Field(default_factory=list)
    alt: Localized
    caption: Localized | None = None

    @field_validator("id")
    @classmethod
    def _id_form(cls, value: str) -> str:
        if not SHOT_ID.match(value) or len(value) > 80:
            raise ValueError(
                f"'{value}' is not a valid shot id; use lower-case letters, digits and single "
                "hyphens (at most 80 characters)"
            )
        return value


class ShotList(Strict):
    """The whole shot list: optional defaults and the shots."""

    defaults: ShotOptions = ShotOptions()
    shots: list[Shot] = Field(min_length=1)

    def get(self, shot_id: str) -> Shot:
        for shot in self.shots:
            if shot.id == shot_id:
                return shot
        raise KeyError(shot_id)
