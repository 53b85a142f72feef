"""Capturing one shot in one language: the page, its steps, and the raw image.

The page comes from a pool of contexts (contexts.py) that fix what would otherwise differ
between runs: time zone, locale, a frozen clock, device scale, and the state a previous shot
left. page.js turns off animations, the caret and scrollbars. Boxes for the crop and
annotations are measured in the page and returned with the screenshot.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from onboardkit.capture import page_ops
from onboardkit.capture.contexts import ContextPool
from onboardkit.capture.errors import StepFailed
from onboardkit.capture.schema import Shot, pick
from onboardkit.images.annotate import Mark

if TYPE_CHECKING:
    from playwright.async_api import Page

log = logging.getLogger(__name__)

MAX_HEIGHT = 8000
Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class ShotJob:
    """Everything needed to capture ``shot`` in one language, prepared by the runner."""

    shot: Shot
    language: str
    source_language: str
    rtl: bool
    url: str
    timeout: float
    retries: int
    health_url: str


@dataclass
class RawShot:
    """The full-page screenshot and the measured boxes, in screenshot pixels."""

    png: bytes
    crop: Box | None
    marks: list[Mark] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def browser_locale(odoo_language: str) -> str:
    """Return the BCP 47 locale for an Odoo language code: ``ar_001`` -> ``ar``."""
    language, _, region = odoo_language.partition("@")[0].partition("_")
    return f"{language}-{region}" if region.isalpha() else language


async def capture(pool: ContextPool, job: ShotJob) -> RawShot:
    """Load the shot's page in a pooled context, prepare it and take the screenshot."""
    shot = job.shot
    slot = await pool.acquire(shot.scale, shot.viewport.width, shot.viewport.height)
    page = slot.page
    script_errors: list[str] = []

    def on_error(error: Exception) -> None:
        script_errors.append(str(error).splitlines()[0])

    page.on("pageerror", on_error)
    reusable = False
    try:
        await page_ops.navigate(page, job.url, job.timeout, job.retries)
        await page_ops.wait_ready(page, job.timeout, "navigation")
        warnings = await _check_direction(page, job.rtl)
        await page.mouse.move(0, 0)
        hovered = await _run_steps(page, job)
        raw = await _shoot(page, job, hovered, warnings)
        reusable = True
        return raw
    except StepFailed as error:
        # A script error in the page often explains a page that never became ready.
        if script_errors and "not ready" in error.cause:
            error.cause += f" (script error in the page: {script_errors[0]})"
        raise
    finally:
        page.remove_listener("pageerror", on_error)
        await pool.release(slot, reusable)


async def _run_steps(page: Page, job: ShotJob) -> bool:
    hovered = False
    for number, step in enumerate(job.shot.steps, start=1):
        label = f"step {number} ({step.action})"
        await page_ops.run_step(page, step, label, job.language, job.source_language, job.timeout)
        await page_ops.wait_ready(page, step.timeout or job.timeout, label)
        hovered = step.action == "hover"
    return hovered


async def _shoot(page: Page, job: ShotJob, hovered: bool, warnings: list[str]) -> RawShot:
    shot = job.shot
    if shot.hide:
        await page_ops.hide(page, shot.hide)
    await page_ops.apply_masks(page, shot.mask, job.language, job.source_language, job.timeout)
    if shot.full_height or await _crop_overflows(page, job):
        await _grow_to_content(page, job)
    await page_ops.wait_ready(page, job.timeout, "before the capture")
    if not hovered:
        await page.mouse.move(0, 0)
    await page_ops.scrub_masked(page)
    crop = await _crop_box(page, job)
    marks = await _marks(page, job)
    _check_marks_inside(marks, crop)
    png = await page.screenshot(full_page=True, animations="disabled", caret="hide")
    if await page_ops.scrub_masked(page):
        raise StepFailed(
            "a masked text came back while the screenshot was taken, so the image was dropped",
            "Mask a larger element (the field's container), or add a step that settles the page.",
            "mask",
        )
    await _check_server(page, job)
    return RawShot(png, crop, marks, warnings)


async def _check_direction(page: Page, rtl: bool) -> list[str]:
    state = await page.evaluate(
        """() => ({
            webClient: document.body.classList.contains('o_web_client'),
            rtlClass: document.body.classList.contains('o_rtl'),
            direction: getComputedStyle(document.body).direction,
        })"""
    )
    if not rtl or not state["webClient"]:
        return []
    if not state["rtlClass"]:
        raise StepFailed(
            "the page is left-to-right (no body.o_rtl) although the user's language is "
            "right-to-left",
            "Check the language's direction in Odoo's Settings > Languages.",
            "navigation",
        )
    if state["direction"] != "rtl":
        # NOTE: inferred from the computed direction only; an Odoo server without the rtlcss
        # program serves an unmirrored stylesheet, which this is expected to reveal.
        return [
            "the page has body.o_rtl but is laid out left-to-right; install rtlcss (npm) on "
            "the Odoo server so that it mirrors its stylesheet"
        ]
    return []


async def _element_box(page: Page, selector: str, job: ShotJob, step: str) -> Box:
    from playwright.async_api import TimeoutError as PlaywrightTimeout

    found = page.locator(selector).first
    try:
        await found.wait_for(state="visible", timeout=job.timeout * 1000)
    except PlaywrightTimeout:
        raise await page_ops.not_found_error(page, selector, job.timeout * 1000, step) from None
    box = await found.bounding_box()
    if box is None:
        raise StepFailed(
            f"selector '{selector}' has no box on the page", "Check the selector.", step
        )
    scroll_x, scroll_y = await page.evaluate("() => [window.scrollX, window.scrollY]")
    scale = job.shot.scale
    left, top = (box["x"] + scroll_x) * scale, (box["y"] + scroll_y) * scale
    return (left, top, left + box["width"] * scale, top + box["height"] * scale)


async def _crop_overflows(page: Page, job: ShotJob) -> bool:
    if job.shot.crop is None:
        return False
    box = await _element_box(page, job.shot.crop.selector, job, "crop")
    return box[3] / job.shot.scale > job.shot.viewport.height


async def _grow_to_content(page: Page, job: ShotJob) -> None:
    """Make the window tall enough for Odoo's scrolling ``.o_content`` to show everything."""
    extra = await page.evaluate(
        """() => Math.max(0, ...Array.from(document.querySelectorAll('.o_content'))
            .map(element => element.scrollHeight - element.clientHeight))"""
    )
    if extra <= 0:
        return
    viewport = job.shot.viewport
    height = min(viewport.height + int(extra), MAX_HEIGHT)
    await page.set_viewport_size({"width": viewport.width, "height": height})
    await page_ops.wait_ready(page, job.timeout, "growing the window")


async def _crop_box(page: Page, job: ShotJob) -> Box | None:
    crop = job.shot.crop
    if crop is None:
        return None
    left, top, right, bottom = await _element_box(page, crop.selector, job, "crop")
    padding = crop.padding * job.shot.scale
    return (left - padding, top - padding, right + padding, bottom + padding)


async def _marks(page: Page, job: ShotJob) -> list[Mark]:
    marks = []
    for number, annotation in enumerate(job.shot.annotations, start=1):
        step = f"annotation {number} ({annotation.kind})"
        box = await _element_box(page, annotation.selector, job, step)
        label = pick(annotation.label, job.language, job.source_language)
        marks.append(Mark(annotation.kind, box, label, annotation.number, annotation.side))
    return marks


def _check_marks_inside(marks: list[Mark], crop: Box | None) -> None:
    if crop is None:
        return
    for number, mark in enumerate(marks, start=1):
        left, top, right, bottom = mark.box
        if right <= crop[0] or left >= crop[2] or bottom <= crop[1] or top >= crop[3]:
            raise StepFailed(
                "the element lies outside the cropped area",
                "Crop a larger element, or remove the annotation.",
                f"annotation {number} ({mark.kind})",
            )


async def _check_server(page: Page, job: ShotJob) -> None:
    """Fail the shot when the server stopped responding, because the page may show an error."""
    from playwright.async_api import Error as PlaywrightError

    payload = {"jsonrpc": "2.0", "method": "call", "params": {}}
    try:
        response = await page.request.post(job.health_url, data=payload, timeout=5000)
        healthy = response.ok
    except PlaywrightError:
        healthy = False
    if not healthy:
        raise StepFailed(
            "the Odoo server stopped responding during the capture, so the image was dropped",
            "Check that the server is running, then run again.",
            "after the capture",
        )
