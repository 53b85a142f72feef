"""Pooled browser contexts: a shot finds none of the state the previous shot left behind."""

from __future__ import annotations

import asyncio
import http.server
import threading
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from onboardkit.capture.contexts import BLANK_PATH, ContextPool, ContextSettings

pytestmark = pytest.mark.browser

CLOCK = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
PAGE = b"<!DOCTYPE html><html><body><p id='page'>page</p></body></html>"
READ_STATE = """async () => ({
  local: Object.fromEntries(Object.entries(localStorage)),
  session: Object.fromEntries(Object.entries(sessionStorage)),
  databases: (await indexedDB.databases()).map((database) => database.name),
  size: [innerWidth, innerHeight],
  ratio: devicePixelRatio,
  now: Date.now(),
})"""
LEAVE_STATE = """async () => {
  localStorage.setItem('optional_fields,caravan.shipment', 'parcel_count');
  sessionStorage.setItem('current_action', '{"id": 7}');
  document.cookie = 'cids=2; path=/';
  await new Promise((done) => {
    const request = indexedDB.open('odoo-cache', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('rpc');
    request.onsuccess = () => { request.result.close(); done(); };
  });
}"""


class _Handler(http.server.BaseHTTPRequestHandler):
    paths: list[str]

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        self.paths.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, list[str]]]:
    paths: list[str] = []
    handler = type("Handler", (_Handler,), {"paths": paths})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", paths
    httpd.shutdown()
    httpd.server_close()


def run_with_pool(origin: str, size: int, body) -> object:  # noqa: ANN001 - an async function
    from playwright.async_api import async_playwright

    from onboardkit.browser import launch_chromium_async

    host = origin.split("//")[1].split(":")[0]
    state = {
        "cookies": [
            {
                "name": "session_id",
                "value": "logged-in",
                "domain": host,
                "path": "/",
                "expires": -1,
                "httpOnly": True,
                "secure": False,
                "sameSite": "Lax",
            }
        ],
        "origins": [{"origin": origin, "localStorage": [{"name": "theme", "value": "light"}]}],
    }
    settings = ContextSettings(state, origin, "ar", "Asia/Riyadh", CLOCK)

    async def main():
        async with async_playwright() as playwright:
            browser = await launch_chromium_async(playwright)
            pool = ContextPool(browser, settings, size)
            try:
                return await body(pool)
            finally:
                await pool.close()
                await browser.close()

    return asyncio.run(main())


async def cookie_names(slot) -> list[str]:  # noqa: ANN001 - a pool slot
    return sorted(cookie["name"] for cookie in await slot.context.cookies())


def test_reused_context_is_reset(server) -> None:
    origin, paths = server

    async def body(pool: ContextPool):
        first = await pool.acquire(1, 900, 700)
        await first.page.goto(origin + "/odoo/caravan")
        await first.page.evaluate(LEAVE_STATE)
        await first.page.set_viewport_size({"width": 900, "height": 2400})
        left = await cookie_names(first)
        await pool.release(first, reusable=True)
        second = await pool.acquire(1, 1280, 800)
        await second.page.goto(origin + "/odoo/settings")
        return (
            first.context is second.context,
            left,
            await cookie_names(second),
            (await second.page.evaluate(READ_STATE)),
            pool.opened,
        )

    same, left, cookies, state, opened = run_with_pool(origin, 2, body)
    assert same
    assert opened == 1
    assert left == ["cids", "session_id"]
    assert cookies == ["session_id"]
    assert state["local"] == {"theme": "light"}
    assert state["session"] == {}
    assert state["databases"] == []
    assert state["size"] == [1280, 800]
    assert state["ratio"] == 1
    assert state["now"] == CLOCK.timestamp() * 1000
    assert BLANK_PATH not in paths


def test_failed_shot_gets_a_new_context(server) -> None:
    origin, _ = server

    async def body(pool: ContextPool):
        first = await pool.acquire(1, 800, 600)
        await first.page.goto(origin + "/odoo/caravan")
        await pool.release(first, reusable=False)
        second = await pool.acquire(1, 800, 600)
        return first.context is second.context, pool.opened

    same, opened = run_with_pool(origin, 2, body)
    assert not same
    assert opened == 2


def test_scale_needs_its_own_context(server) -> None:
    origin, _ = server

    async def body(pool: ContextPool):
        first = await pool.acquire(1, 800, 600)
        await pool.release(first, reusable=True)
        second = await pool.acquire(2, 800, 600)
        await second.page.goto(origin + "/odoo/caravan")
        state = await second.page.evaluate(READ_STATE)
        return first.context is second.context, len(pool.idle), state["ratio"], pool.opened

    same, idle, ratio, opened = run_with_pool(origin, 1, body)
    # With one slot, the idle 1x context is closed to make room for the 2x one.
    assert not same
    assert idle == 0
    assert opened == 2
    assert ratio == 2
