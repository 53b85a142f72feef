"""The in-page logic (ready check, masks, hiding, step errors) on small local pages."""

from __future__ import annotations

import asyncio
import http.server
import secrets
import threading
import time
import urllib.parse
from collections.abc import Iterator

import pytest

from onboardkit.capture import page_ops
from onboardkit.capture.errors import StepFailed
from onboardkit.capture.schema import Mask, Step

pytestmark = pytest.mark.browser

SECRET = secrets.token_hex(12)

PAGES = {
    "/slow-action.html": """<body class="o_web_client"><div class="o_action_manager"></div>
<script>
const request = new XMLHttpRequest();
request.open('GET', '/slow?ms=700');
request.onload = () => {
  document.querySelector('.o_action_manager').innerHTML = '<div id="done">loaded</div>';
};
request.send();
</script></body>""",
    "/indicator.html": """<body class="o_web_client">
<div class="o_action_manager"><div>action</div></div>
<span class="o_loading_indicator">Loading</span><div class="o_blockUI"></div>
<script>
setTimeout(() => document.querySelector('.o_loading_indicator').remove(), 400);
setTimeout(() => document.querySelector('.o_blockUI').remove(), 700);
</script></body>""",
    "/long-poll.html": """<body class="o_web_client">
<div class="o_action_manager"><div>action</div></div>
<script>fetch('/longpolling/poll?ms=30000');</script></body>""",
    "/blocked.html": """<body class="o_web_client">
<div class="o_action_manager"><div>action</div></div><div class="o_blockUI"></div></body>""",
    "/secret.html": f"""<body class="o_web_client" title="x">
<div class="o_action_manager"><div class="o_form_view">
<div class="o_field_widget" name="api_key"><input type="text" value="{SECRET}"></div>
<div class="o_field_widget" name="email"><span>alice@example.com</span></div>
<p id="elsewhere" title="key {SECRET}">Your key is {SECRET}.</p>
<div class="o_notification_manager"><div class="o_notification">Saved</div></div>
</div></div></body>""",
    "/image.html": """<body class="o_web_client"><div class="o_action_manager"><div>
<img id="slow" src="/slow-image?ms=700" width="20" height="20">
<div style="height: 3000px"></div>
<img id="below" loading="lazy" src="/slow-image?ms=30000" width="20" height="20">
</div></div></body>""",
}
PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e5270ee60000000049454e44ae426082"
)


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        url = urllib.parse.urlparse(self.path)
        query = urllib.parse.parse_qs(url.query)
        if url.path in ("/slow", "/slow-image", "/longpolling/poll"):
            time.sleep(int(query.get("ms", ["500"])[0]) / 1000)
            body, kind = (
                (PIXEL, "image/png") if url.path == "/slow-image" else (b"ok", "text/plain")
            )
        elif url.path in PAGES:
            body, kind = PAGES[url.path].encode(), "text/html; charset=utf-8"
        else:
            self.send_error(404)
            return
        try:
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser_loop() -> Iterator[tuple[asyncio.AbstractEventLoop, object]]:
    from playwright.async_api import async_playwright

    from onboardkit.browser import launch_chromium_async

    loop = asyncio.new_event_loop()
    manager = async_playwright()
    playwright = loop.run_until_complete(manager.__aenter__())
    browser = loop.run_until_complete(launch_chromium_async(playwright))
    yield loop, browser
    loop.run_until_complete(browser.close())
    loop.run_until_complete(manager.__aexit__(None, None, None))
    loop.close()


def run_in_page(browser_loop, url: str, action):
    loop, browser = browser_loop

    async def body():
        context = await browser.new_context()
        await context.add_init_script(path=str(page_ops.PAGE_SCRIPT))
        await context.clock.set_fixed_time("2025-03-01T09:00:00Z")
        page = await context.new_page()
        try:
            await page.goto(url, wait_until="domcontentloaded")
            return await action(page)
        finally:
            await context.close()

    return loop.run_until_complete(body())


def test_ready_waits_for_xhr(server, browser_loop) -> None:
    async def action(page):
        await page_ops.wait_ready(page, 10, "navigation")
        return await page.locator("#done").count()

    assert run_in_page(browser_loop, server + "/slow-action.html", action) == 1


def test_ready_waits_for_indicator_and_block(server, browser_loop) -> None:
    async def action(page):
        await page_ops.wait_ready(page, 10, "navigation")
        return await page.evaluate(
            "() => document.querySelectorAll('.o_loading_indicator, .o_blockUI').length"
        )

    assert run_in_page(browser_loop, server + "/indicator.html", action) == 0


def test_ready_ignores_long_poll(server, browser_loop) -> None:
    async def action(page):
        await page_ops.wait_ready(page, 5, "navigation")
        return True

    assert run_in_page(browser_loop, server + "/long-poll.html", action)


def test_ready_waits_for_visible_images_only(server, browser_loop) -> None:
    async def action(page):
        await page_ops.wait_ready(page, 10, "navigation")
        return await page.evaluate(
            "() => [document.getElementById('slow').complete, "
            "document.getElementById('below').complete]"
        )

    assert run_in_page(browser_loop, server + "/image.html", action) == [True, False]


def test_ready_timeout_names_reason(server, browser_loop) -> None:
    async def action(page):
        with pytest.raises(StepFailed) as caught:
            await page_ops.wait_ready(page, 0.5, "step 1 (click)")
        return caught.value

    error = run_in_page(browser_loop, server + "/blocked.html", action)
    assert error.cause == "the page was not ready after 0.5 s: the screen is blocked (.o_blockUI)"
    assert error.step == "step 1 (click)"


def test_mask_removes_secret_everywhere(server, browser_loop) -> None:
    masks = [
        Mask(selector="div[name=api_key]"),
        Mask.model_validate({"selector": "div[name=email]", "with": "demo@example.com"}),
    ]

    async def action(page):
        await page_ops.wait_ready(page, 5, "navigation")
        await page_ops.apply_masks(page, masks, "en", "en", 2)
        return (
            await page.content(),
            await page.input_value("div[name=api_key] input"),
            await page.inner_text("div[name=email]"),
            await page.evaluate("() => document.body.innerText"),
        )

    html, value, email, text = run_in_page(browser_loop, server + "/secret.html", action)
    assert SECRET not in html
    assert SECRET not in text
    assert "alice@example.com" not in html
    assert value == "••••••••"
    assert email == "demo@example.com"
    assert "Your key is ••••••••." in text


def test_mask_matching_nothing_fails(server, browser_loop) -> None:
    async def action(page):
        with pytest.raises(StepFailed) as caught:
            await page_ops.apply_masks(page, [Mask(selector=".o_field_api_key")], "en", "en", 0.3)
        return caught.value

    error = run_in_page(browser_loop, server + "/secret.html", action)
    assert error.cause == "selector '.o_field_api_key' matched nothing after 0.3 s"
    assert error.fix == "Check the selector, or raise 'timeout'."
    assert error.step == "mask 1"


def test_hide_keywords_and_selectors(server, browser_loop) -> None:
    async def action(page):
        await page_ops.hide(page, ["toasts", "#elsewhere"])
        return await page.evaluate(
            "() => ['.o_notification', '#elsewhere', 'div[name=email]']"
            ".map(s => getComputedStyle(document.querySelector(s)).display)"
        )

    assert run_in_page(browser_loop, server + "/secret.html", action) == [
        "none",
        "none",
        "block",
    ]


def test_hide_invalid_selector(server, browser_loop) -> None:
    async def action(page):
        with pytest.raises(StepFailed) as caught:
            await page_ops.hide(page, ["div > > p"])
        return caught.value.cause

    assert run_in_page(browser_loop, server + "/secret.html", action) == (
        "'hide' has selectors that are not valid CSS: div > > p"
    )


def test_click_missing_selector_message(server, browser_loop) -> None:
    step = Step(click=".o_list_button_add", timeout=0.4)

    async def action(page):
        with pytest.raises(StepFailed) as caught:
            await page_ops.run_step(page, step, "step 2 (click)", "en", "en", 10)
        return caught.value

    error = run_in_page(browser_loop, server + "/secret.html", action)
    assert error.cause == "selector '.o_list_button_add' matched nothing after 0.4 s"
    assert error.step == "step 2 (click)"


def test_fill_from_environment(server, browser_loop, monkeypatch) -> None:
    monkeypatch.setenv("CARAVAN_DEMO_KEY", "demo-key-123")
    step = Step(fill="div[name=api_key] input", value_env="CARAVAN_DEMO_KEY")

    async def action(page):
        await page_ops.run_step(page, step, "step 1 (fill)", "en", "en", 2)
        return await page.input_value("div[name=api_key] input")

    assert run_in_page(browser_loop, server + "/secret.html", action) == "demo-key-123"


def test_frozen_clock(server, browser_loop) -> None:
    async def action(page):
        return await page.evaluate("() => new Date().toISOString()")

    assert run_in_page(browser_loop, server + "/secret.html", action) == "2025-03-01T09:00:00.000Z"
