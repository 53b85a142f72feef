"""Browser pages kept open from shot to shot, one per parallel slot, reset between shots.

A new browser context costs Chromium about three times the CPU of loading a page in one
that is already open (the renderer process, caches and compiled scripts start cold), so
the shots of a language share a few contexts. Before the next shot, a context is reset.
Cookies and local storage go back to the logged-in session's storage state. Session
storage, IndexedDB and the Cache API are emptied. The page leaves Odoo for a blank document
on the same origin, so the next shot loads its page from scratch. Service workers are
blocked, because a fresh context never has one controlling its first page.

The time zone, locale and frozen clock belong to the context and are the same for every
shot of a language. The device scale belongs to the context too, so a context serves one
scale. The window size is set for each shot.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from onboardkit.capture import page_ops

if TYPE_CHECKING:
    from playwright.async_api import Browser, BrowserContext, Page, Route

log = logging.getLogger(__name__)

# A path that Odoo does not serve. The context's route handler returns the blank document, so
# a reset sends no request to the server.
BLANK_PATH = "/onboardkit-blank-page"
_BLANK_HTML = "<!DOCTYPE html><html><head><title>blank</title></head><body></body></html>"
_RESET_STORAGE = """async (entries) => {
  sessionStorage.clear();
  localStorage.clear();
  for (const entry of entries) localStorage.setItem(entry.name, entry.value);
  if (indexedDB.databases) {
    const databases = await indexedDB.databases();
    await Promise.all(databases.map((database) => new Promise((done) => {
      const request = indexedDB.deleteDatabase(database.name);
      request.onsuccess = request.onerror = request.onblocked = done;
    })));
  }
  if (window.caches) {
    const names = await caches.keys();
    await Promise.all(names.map((name) => caches.delete(name)));
  }
}"""


@dataclass(frozen=True)
class ContextSettings:
    """The settings shared by every context of one language."""

    storage_state: dict[str, Any]
    origin: str
    locale: str
    timezone: str
    clock: datetime


@dataclass
class Slot:
    """A context with its one page, lent to one shot at a time."""

    context: BrowserContext
    page: Page
    scale: float
    resetting: asyncio.Task[None] | None = None


@dataclass
class ContextPool:
    """At most ``size`` contexts for the shots of one language."""

    browser: Browser
    settings: ContextSettings
    size: int
    idle: list[Slot] = field(default_factory=list)
    lent: int = 0
    opened: int = 0

    async def acquire(self, scale: float, width: int, height: int) -> Slot:
        """Lend a slot at ``scale`` with its window set to ``width`` x ``height``."""
        slot = next((slot for slot in self.idle if slot.scale == scale), None)
        if slot is not None:
            self.idle.remove(slot)
            if not await self._reset_done(slot):
                await self._close(slot)
                slot = None
        elif self.idle and len(self.idle) + self.lent >= self.size:
            await self._close(self.idle.pop(0))
        if slot is None:
            slot = await self._open(scale)
        try:
            await slot.page.set_viewport_size({"width": width, "height": height})
        except BaseException:
            await self._close(slot)
            raise
        self.lent += 1
        return slot

    async def release(self, slot: Slot, reusable: bool) -> None:
        """Return a slot to the pool, or close it when it is not reusable.

        The reset runs in the background while the caller finishes the image, and the next
        ``acquire`` of the slot waits for it. The runner passes ``reusable=False`` when the
        shot failed, because the page may then be in any state.
        """
        self.lent -= 1
        if reusable:
            slot.resetting = asyncio.create_task(self._reset(slot))
            self.idle.append(slot)
        else:
            await self._close(slot)

    async def close(self) -> None:
        while self.idle:
            await self._close(self.idle.pop())

    async def _reset_done(self, slot: Slot) -> bool:
        """Wait for the slot's reset and return whether it succeeded."""
        if slot.resetting is None:
            return True
        try:
            await slot.resetting
        except Exception as error:  # noqa: BLE001 - a failed reset only costs a new context
            log.debug("Resetting a browser context failed, so it is closed: %s", error)
            return False
        finally:
            slot.resetting = None
        return True

    async def _open(self, scale: float) -> Slot:
        settings = self.settings
        context = await self.browser.new_context(
            storage_state=settings.storage_state,
            device_scale_factor=scale,
            timezone_id=settings.timezone,
            locale=settings.locale,
            reduced_motion="reduce",
            service_workers="block",
        )
        try:
            await context.add_init_script(path=str(page_ops.PAGE_SCRIPT))
            await context.clock.set_fixed_time(settings.clock)
            # A predicate, not a glob: an IPv6 origin's brackets would read as a glob class.
            blank = settings.origin + BLANK_PATH
            await context.route(lambda url: url == blank, _answer_blank)
            page = await context.new_page()
        except BaseException:
            await context.close()
            raise
        self.opened += 1
        return Slot(context, page, scale)

    async def _reset(self, slot: Slot) -> None:
        settings = self.settings
        await slot.page.mouse.move(0, 0)
        await slot.page.goto(settings.origin + BLANK_PATH, wait_until="load")
        await slot.page.evaluate(_RESET_STORAGE, _local_storage(settings))
        await slot.context.clear_cookies()
        cookies = settings.storage_state.get("cookies") or []
        if cookies:
            await slot.context.add_cookies(cookies)

    async def _close(self, slot: Slot) -> None:
        await self._reset_done(slot)
        try:
            await slot.context.close()
        except Exception as error:  # noqa: BLE001 - the browser may already be gone
            log.debug("Closing a browser context failed: %s", error)


def origin_of(url: str) -> str:
    parts = urlparse(url)
    return f"{parts.scheme}://{parts.netloc}"


def _local_storage(settings: ContextSettings) -> list[dict[str, str]]:
    for entry in settings.storage_state.get("origins") or []:
        if entry.get("origin") == settings.origin:
            return list(entry.get("localStorage") or [])
    return []


async def _answer_blank(route: Route) -> None:
    await route.fulfill(status=200, content_type="text/html", body=_BLANK_HTML)
