"""Page operations of a shot: loading, the ready check, steps, hiding and masking.

Every failure is raised as StepFailed with the step, the cause and what to change, so that
the run can report it and go on with the next shot.
"""

from __future__ import annotations

import asyncio
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from onboardkit.capture.errors import StepFailed
from onboardkit.capture.schema import Mask, Step, pick

if TYPE_CHECKING:
    from playwright.async_api import Locator, Page

log = logging.getLogger(__name__)

PAGE_SCRIPT = Path(__file__).with_name("page.js")
ACTION_SELECTOR = ".o_action_manager > *, .o_dialog .modal-content"
HOLD_MS = 250
HIDE_KEYWORDS = {
    "toasts": [".o_notification_manager .o_notification"],
    "chatter": [".o-mail-Form-chatter", ".o-mail-Chatter"],
    # NOTE: the "?" tips of debug mode are assumed to be <sup> elements in field labels, as
    # in Odoo 17 and 18 form views; other places that show them are not covered.
    "debug": [
        ".o_debug_manager",
        "body.o_debug .o_form_label > sup",
        "body.o_debug .o_td_label sup",
    ],
}
TRANSIENT_ERRORS = (
    "ERR_CONNECTION_REFUSED",
    "ERR_CONNECTION_RESET",
    "ERR_CONNECTION_CLOSED",
    "ERR_EMPTY_RESPONSE",
    "ERR_NETWORK_CHANGED",
    "ERR_SOCKET_NOT_CONNECTED",
)
TRANSIENT_STATUS = (502, 503, 504)


def seconds(value: float) -> str:
    return f"{value:g} s"


async def navigate(page: Page, url: str, timeout: float, retries: int) -> None:
    """Open ``url``, retrying connection errors and HTTP 502-504 up to ``retries`` times."""
    from playwright.async_api import Error as PlaywrightError
    from playwright.async_api import TimeoutError as PlaywrightTimeout

    for attempt in range(retries + 1):
        last = attempt == retries
        try:
            response = await page.goto(url, wait_until="domcontentloaded", timeout=timeout * 1000)
        except PlaywrightTimeout:
            raise StepFailed(
                f"{url} did not load within {seconds(timeout)}",
                "Check that the Odoo server is up, or raise 'timeout'.",
                "navigation",
            ) from None
        except PlaywrightError as error:
            reason = str(error).splitlines()[0]
            if not last and any(code in reason for code in TRANSIENT_ERRORS):
                log.info("Retrying %s after %s", url, reason)
                await asyncio.sleep(0.5 * 2**attempt)
                continue
            raise StepFailed(
                f"cannot open {url}: {reason}",
                "Check that the Odoo server is running.",
                "navigation",
            ) from None
        status = response.status if response is not None else 200
        if status in TRANSIENT_STATUS and not last:
            log.info("Retrying %s after HTTP %s", url, status)
            await asyncio.sleep(0.5 * 2**attempt)
            continue
        if status >= 400:
            raise StepFailed(
                f"the server returned HTTP {status} for {urlparse(url).path}",
                "Check the target's URL, action or record.",
                "navigation",
            )
        if urlparse(page.url).path.startswith("/web/login"):
            raise StepFailed(
                "the page went to the login form, so the session is not logged in",
                "Run again; if it persists, check that the user may open this page.",
                "navigation",
            )
        return


async def wait_ready(page: Page, timeout: float, step: str) -> None:
    """Wait until the page is ready to capture (see page.js) and then two animation frames."""
    from playwright.async_api import Error as PlaywrightError

    options = {"holdMs": HOLD_MS, "timeoutMs": timeout * 1000, "actionSelector": ACTION_SELECTOR}
    for _ in range(3):
        try:
            result = await page.evaluate(
                "options => window.__onboardkit.waitReady(options)", options
            )
        except PlaywrightError as error:
            # A step that navigates destroys the context the check ran in; wait for the next.
            if "context was destroyed" not in str(error) and "navigat" not in str(error):
                reason = str(error).splitlines()[0]
                raise StepFailed(f"the ready check failed: {reason}", step=step) from None
            await page.wait_for_load_state("domcontentloaded", timeout=timeout * 1000)
            continue
        if result["ready"]:
            return
        raise StepFailed(
            f"the page was not ready after {seconds(timeout)}: {result['reason']}",
            "Raise 'timeout', or check the Odoo server's log.",
            step,
        )
    raise StepFailed("the page kept navigating", "Check the steps before this one.", step)


async def run_step(
    page: Page, step: Step, label: str, language: str, source: str, timeout: float
) -> None:
    """Run one step; ``label`` names it in errors, such as ``step 2 (click)``."""
    limit = (step.timeout or timeout) * 1000
    action = step.action
    if action == "settings":
        key = step.settings
        selector = f'.settings_tab [data-key="{key}"], .settings_tab a.tab[href="#{key}"]'
        await _act(page, selector, label, limit, lambda found: found.click(timeout=limit))
    elif action == "press":
        if step.selector:
            await _act(
                page, step.selector, label, limit, lambda f: f.press(step.press, timeout=limit)
            )
        else:
            await page.keyboard.press(str(step.press))
    elif action == "wait_for_text":
        text = str(pick(step.wait_for_text, language, source))
        found = page.get_by_text(text).first
        await _act(page, f"text={text!r}", label, limit, lambda _: found.wait_for(timeout=limit))
    elif action in ("fill", "select"):
        value = _step_value(step, label, language, source)
        selector = str(getattr(step, action))
        if action == "fill":
            await _act(page, selector, label, limit, lambda f: f.fill(value, timeout=limit))
        else:
            await _act(
                page, selector, label, limit, lambda f: f.select_option(value, timeout=limit)
            )
    else:
        selector = str(getattr(step, action))
        operations = {
            "click": lambda found: found.click(timeout=limit),
            "hover": lambda found: found.hover(timeout=limit),
            "wait_for": lambda found: found.wait_for(state="visible", timeout=limit),
        }
        await _act(page, selector, label, limit, operations[action])


def _step_value(step: Step, label: str, language: str, source: str) -> str:
    if step.value_env is not None:
        value = os.environ.get(step.value_env)
        if value is None:
            raise StepFailed(
                f"the environment variable {step.value_env} is not set",
                "Set it before the run; it holds the value this step types.",
                label,
            )
        return value
    return str(pick(step.value, language, source))


async def _act(page: Page, selector: str, label: str, limit_ms: float, operation) -> None:
    from playwright.async_api import Error as PlaywrightError
    from playwright.async_api import TimeoutError as PlaywrightTimeout

    found = page.locator(selector).first
    try:
        await operation(found)
    except PlaywrightTimeout:
        raise await not_found_error(page, selector, limit_ms, label) from None
    except PlaywrightError as error:
        reason = str(error).splitlines()[0]
        raise StepFailed(f"'{selector}' failed: {reason}", "Check the selector.", label) from None


async def not_found_error(page: Page, selector: str, limit_ms: float, label: str) -> StepFailed:
    from playwright.async_api import Error as PlaywrightError

    limit = seconds(limit_ms / 1000)
    try:
        count = await page.locator(selector).count()
    except PlaywrightError:
        count = 0
    if count == 0:
        return StepFailed(
            f"selector '{selector}' matched nothing after {limit}",
            "Check the selector, or raise 'timeout'.",
            label,
        )
    return StepFailed(
        f"selector '{selector}' matched {count} element(s), but none was visible and usable "
        f"after {limit}",
        "Check that an earlier step shows it, or raise 'timeout'.",
        label,
    )


async def hide(page: Page, entries: list[str]) -> None:
    """Hide (display: none) the keyword groups and CSS selectors in ``entries``."""
    selectors: list[str] = []
    for entry in entries:
        selectors += HIDE_KEYWORDS.get(entry, [entry])
    invalid = await page.evaluate("selectors => window.__onboardkit.hide(selectors)", selectors)
    if invalid:
        raise StepFailed(
            f"'hide' has selectors that are not valid CSS: {', '.join(invalid)}",
            "Fix them; 'hide' takes CSS selectors or the words toasts, chatter and debug.",
            "hide",
        )


async def apply_masks(
    page: Page, masks: list[Mask], language: str, source: str, timeout: float
) -> None:
    """Replace the text and input values of every masked element, then scrub copies elsewhere.

    A mask that matches nothing fails the shot, because the sensitive text could then show.
    """
    limit = timeout * 1000
    for index, mask in enumerate(masks, start=1):
        label = f"mask {index}"
        found: Locator = page.locator(mask.selector)
        await _act(page, mask.selector, label, limit, _wait_attached(limit))
        replacement = str(pick(mask.replacement, language, source))
        await found.evaluate_all(
            "(elements, text) => elements.forEach(e => window.__onboardkit.maskElement(e, text))",
            replacement,
        )
    if masks:
        await page.evaluate("() => window.__onboardkit.scrubOriginals()")


def _wait_attached(limit_ms: float):
    return lambda found: found.wait_for(state="attached", timeout=limit_ms)


async def scrub_masked(page: Page) -> int:
    """Mask again any masked text the page brought back; return how many places had one."""
    return int(await page.evaluate("() => window.__onboardkit.scrubOriginals()"))
