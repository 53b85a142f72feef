"""Capture runs with real Chromium against the demo Odoo stand-in (fast timing)."""

from __future__ import annotations

import asyncio
import io
import json
import shutil
import stat
import textwrap
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from helpers import REPOSITORY
from onboardkit.capture.metadata import stale_images
from onboardkit.capture.runner import CaptureOptions, CaptureReport, run_capture
from onboardkit.capture.shots import image_path, metadata_path
from onboardkit.cli import main
from onboardkit.config import Project, load_project
from onboardkit.images.annotate import DEFAULT_COLOR

pytestmark = pytest.mark.browser

ADDON = REPOSITORY / "addons" / "caravan_connector"
CONFIG = """\
project: {{name: Caravan capture test}}
addon: {{path: "{addon}", series: "18.0"}}
languages:
  - {{code: en, odoo: en_US, name: English}}
  - {{code: ar, odoo: ar_001, name: العربية}}
odoo: {{url: "{url}", database: demo}}
vendor: {{name: Caravan Labs}}
capture:
{capture}"""
CAPTURE = {
    "parallel": "2",
    "timeout": "10",
    "retries": "1",
    "timezone": "Asia/Riyadh",
    "clock": '"2025-03-03T12:00:00+00:00"',
}

LIST_SHOTS = """\
shots:
  - id: shipment-list
    target: {action: caravan_connector.action_shipment, view_type: list}
    annotations:
      - callout: ".o_searchview"
        label: {en: Search here, ar: ابحث هنا}
      - box: "th[data-name=state]"
    alt: {en: Shipments, ar: الشحنات}
  - id: settings-key
    target: {url: /odoo/settings}
    steps:
      - settings: caravan_connector
    crop: {selector: "#caravan_credentials_setting", padding: 8}
    mask: [".o_field_widget[name=caravan_api_key]"]
    scale: 2
    alt: {en: Credentials, ar: بيانات الاعتماد}
  - id: settings-key-small
    target: {url: /odoo/settings}
    languages: [en]
    steps:
      - settings: caravan_connector
    crop: {selector: "#caravan_credentials_setting", padding: 8}
    alt: Credentials
"""


def write_project(root: Path, url: str, shots: str, **capture: str) -> Project:
    (root / "screenshots").mkdir(parents=True, exist_ok=True)
    settings = "".join(f"  {key}: {value}\n" for key, value in (CAPTURE | capture).items())
    config = CONFIG.format(addon=ADDON, url=url, capture=settings)
    (root / "onboardkit.yml").write_text(config, encoding="utf-8")
    (root / "screenshots" / "shots.yml").write_text(textwrap.dedent(shots), encoding="utf-8")
    return load_project(root)


@pytest.fixture
def capture_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, standin_credentials) -> Path:
    login, password = standin_credentials
    monkeypatch.setenv("ONBOARDKIT_ODOO_LOGIN", login)
    monkeypatch.setenv("ONBOARDKIT_ODOO_PASSWORD", password)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path


def user_language(url: str, login: str, password: str) -> str:
    """Log in through JSON-RPC with a fresh cookie jar and return the user's language."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))

    def call(path: str, params: dict) -> dict:
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": params}).encode()
        request = urllib.request.Request(
            url + path, body, {"Content-Type": "application/json"}, method="POST"
        )
        with opener.open(request, timeout=10) as response:
            return json.loads(response.read())["result"]

    call("/web/session/authenticate", {"db": "demo", "login": login, "password": password})
    return call("/web/session/get_session_info", {})["user_context"]["lang"]


@pytest.fixture(scope="module")
def three_runs(standin, standin_credentials, tmp_path_factory) -> dict:
    """Capture LIST_SHOTS three times: first, again (cached), then with --force."""
    root = tmp_path_factory.mktemp("runs")
    login, password = standin_credentials
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ONBOARDKIT_ODOO_LOGIN", login)
        patch.setenv("ONBOARDKIT_ODOO_PASSWORD", password)
        patch.setenv("XDG_CACHE_HOME", str(root / "cache"))
        project = write_project(root / "project", standin.url, LIST_SHOTS)
        first = run_capture(project)
        second = run_capture(project)
        forced = run_capture(project, CaptureOptions(force=True))
    return {"project": project, "first": first, "second": second, "forced": forced, "root": root}


def test_first_run_captures_all(three_runs) -> None:
    report: CaptureReport = three_runs["first"]
    project = three_runs["project"]
    assert report.failed == []
    assert sorted(report.captured) == [
        ("settings-key", "ar"),
        ("settings-key", "en"),
        ("settings-key-small", "en"),
        ("shipment-list", "ar"),
        ("shipment-list", "en"),
    ]
    metadata = json.loads(metadata_path(image_path(project, "shipment-list", "ar")).read_text())
    assert metadata["server_version"] == "18.0-standin"
    assert metadata["odoo_language"] == "ar_001"
    assert report.contact_sheet == project.root / "screenshots" / "contact-sheet.html"


def test_second_run_captures_nothing(three_runs) -> None:
    report: CaptureReport = three_runs["second"]
    assert report.captured == []
    assert len(report.cached) == 5


def test_forced_run_identical_pixels(three_runs) -> None:
    report: CaptureReport = three_runs["forced"]
    assert len(report.captured) == 5
    assert sorted(report.unchanged) == sorted(report.captured)


def test_language_restored_after_runs(three_runs, standin, standin_credentials) -> None:
    assert user_language(standin.url, *standin_credentials) == "en_US"


def test_saved_sessions_owner_only(three_runs, standin_credentials) -> None:
    folder = three_runs["root"] / "cache" / "onboardkit" / "sessions"
    files = sorted(folder.glob("*.json"))
    assert len(files) == 2
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert standin_credentials[1] not in path.read_text()


def annotation_pixels(image: Image.Image, box: tuple[int, int, int, int]) -> int:
    """Count the pixels of ``box`` close to the annotation colour."""
    data = image.convert("RGB").crop(box).tobytes()
    count = 0
    for index in range(0, len(data), 3):
        pixel = data[index : index + 3]
        distance = sum(
            abs(value - wanted) for value, wanted in zip(pixel, DEFAULT_COLOR, strict=True)
        )
        if distance < 40:
            count += 1
    return count


def test_annotations_mirror_in_arabic(three_runs) -> None:
    project = three_runs["project"]
    english = Image.open(image_path(project, "shipment-list", "en"))
    arabic = Image.open(image_path(project, "shipment-list", "ar"))
    # The status column (framed by the box) is on the right in English, on the left in Arabic.
    header_left, header_right = (0, 100, 400, 160), (880, 100, 1280, 160)
    assert annotation_pixels(english, header_right) > 100
    assert annotation_pixels(english, header_left) == 0
    assert annotation_pixels(arabic, header_left) > 100
    assert annotation_pixels(arabic, header_right) == 0


def test_crop_at_scale_two(three_runs) -> None:
    project = three_runs["project"]
    large = Image.open(image_path(project, "settings-key", "en"))
    small = Image.open(image_path(project, "settings-key-small", "en"))
    assert 300 < small.width < 800
    assert abs(large.width - 2 * small.width) <= 2
    assert abs(large.height - 2 * small.height) <= 2


def test_mask_hides_secret_in_page(standin, standin_credentials) -> None:
    from playwright.async_api import async_playwright

    from onboardkit.browser import launch_chromium_async
    from onboardkit.capture import page_ops
    from onboardkit.capture.schema import Mask

    login, password = standin_credentials
    field = ".o_field_widget[name=caravan_api_key]"

    async def body() -> tuple[str, str, str]:
        async with async_playwright() as playwright:
            browser = await launch_chromium_async(playwright)
            context = await browser.new_context()
            params = {"db": "demo", "login": login, "password": password}
            await context.request.post(
                standin.url + "/web/session/authenticate",
                data={"jsonrpc": "2.0", "method": "call", "params": params},
            )
            await context.add_init_script(path=str(page_ops.PAGE_SCRIPT))
            page = await context.new_page()
            await page.goto(standin.url + "/odoo/settings")
            await page_ops.wait_ready(page, 10, "navigation")
            secret = await page.input_value(f"{field} input")
            await page_ops.apply_masks(page, [Mask(selector=field)], "en", "en", 5)
            html = await page.content()
            value = await page.input_value(f"{field} input")
            await browser.close()
            return secret, html, value

    secret, html, value = asyncio.run(body())
    assert len(secret) > 8
    assert secret not in html
    assert value == "••••••••"


def test_form_login_capture(standin, capture_env: Path) -> None:
    shots = """\
    shots:
      - id: webhook-events
        target: {action: caravan_connector.action_webhook_event}
        languages: [en]
        alt: Webhook events
    """
    project = write_project(capture_env / "form", standin.url, shots, login_method="form")
    report = run_capture(project)
    assert report.failed == []
    assert report.captured == [("webhook-events", "en")]


def test_failing_shot_keeps_old_image(standin, capture_env: Path) -> None:
    shots = """\
    shots:
      - id: settings-key
        target: {url: /odoo/settings}
        languages: [en]
        steps:
          - click: ".o_field_api_key"
            timeout: 1
        alt: Settings
    """
    project = write_project(capture_env / "failing", standin.url, shots)
    old_image = image_path(project, "settings-key", "en")
    old_image.parent.mkdir(parents=True)
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), (1, 2, 3)).save(buffer, format="PNG")
    old_image.write_bytes(buffer.getvalue())
    result = CliRunner().invoke(main, ["-C", str(project.root), "capture"])
    assert result.exit_code == 1
    assert (
        "Shot 'settings-key' (en) in screenshots/shots.yml, step 1 (click): selector "
        "'.o_field_api_key' matched nothing after 1 s. Check the selector, or raise 'timeout'."
    ) in result.output
    assert old_image.read_bytes() == buffer.getvalue()
    assert not metadata_path(old_image).exists()


def test_server_killed_mid_run(capture_env: Path, standin_credentials) -> None:
    from onboardkit.standin import StandinServer

    login, password = standin_credentials
    server = StandinServer([ADDON], login=login, password=password, timing="fast")
    server.start()
    shots = "shots:\n" + "".join(
        f"  - id: page-{number}\n    target: {{url: {path}}}\n    languages: [en]\n"
        f"    alt: Page {number}\n"
        for number, path in enumerate(["/odoo/caravan", "/odoo/caravan-webhooks", "/odoo/settings"])
    )
    project = write_project(capture_env / "killed", server.url, shots, parallel="1")
    old = {}
    for number in (1, 2):
        path = image_path(project, f"page-{number}", "en")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(f"old image {number}".encode())
        old[path] = path.read_bytes()

    def stop_after_first(done: int, total: int, label: str) -> None:
        if done == 1:
            server.stop()

    try:
        report = run_capture(project, CaptureOptions(progress=stop_after_first))
    finally:
        server.stop()
    assert report.captured == [("page-0", "en")]
    assert [failure.shot for failure in report.failed] == ["page-1", "page-2"]
    for failure in report.failed:
        assert failure.step == "navigation"
        assert "ERR_CONNECTION_REFUSED" in failure.cause
    for path, content in old.items():
        assert path.read_bytes() == content
    assert image_path(project, "page-0", "en").read_bytes()[:4] == b"\x89PNG"


OPTIONAL_COLUMN_SHOTS = """\
shots:
  - id: {first}
    target: {{action: caravan_connector.action_shipment, view_type: list}}
    languages: [en]
    steps:
      - click: ".o_optional_columns_dropdown > button"
      - click: ".o_optional_columns_dropdown input[name=parcel_count]"
      - click: ".o_searchview"
    alt: Parcels shown
  - id: {second}
    target: {{action: caravan_connector.action_shipment, view_type: list}}
    languages: [en]
    alt: Default columns
"""


def test_shot_state_not_inherited(standin, capture_env: Path) -> None:
    """A column shown by one shot's steps (kept in local storage) is gone in the next shot."""
    shots = OPTIONAL_COLUMN_SHOTS.format(first="parcels", second="plain")
    project = write_project(capture_env / "shared", standin.url, shots, parallel="1")
    report = run_capture(project)
    alone = write_project(
        capture_env / "alone", standin.url, OPTIONAL_COLUMN_SHOTS.format(first="x", second="plain")
    )
    alone_report = run_capture(alone, CaptureOptions(only=("plain",)))
    assert report.ok, report.failed
    assert alone_report.ok, alone_report.failed
    parcels = Image.open(image_path(project, "parcels", "en"))
    plain = image_path(project, "plain", "en").read_bytes()
    # The step showed a column, so the first image is not the default list...
    assert parcels.tobytes() != Image.open(io.BytesIO(plain)).tobytes()
    # ...and the second shot, captured next in the same browser context, shows the default
    # columns: the same pixels as the shot captured on its own.
    assert plain == image_path(alone, "plain", "en").read_bytes()


def test_shards_merge_cleanly(standin, capture_env: Path) -> None:
    shots = "shots:\n" + "".join(
        f"  - id: list-{number}\n    target: {{url: /odoo/caravan}}\n    languages: [en]\n"
        f"    viewport: {{width: {900 + number * 20}, height: 600}}\n    alt: List {number}\n"
        for number in range(4)
    )
    roots = []
    for shard in ((1, 2), (2, 2)):
        project = write_project(capture_env / f"shard-{shard[0]}", standin.url, shots)
        report = run_capture(project, CaptureOptions(shard=shard))
        assert report.failed == []
        assert report.captured
        roots.append(project.root)
    merged = write_project(capture_env / "merged", standin.url, shots)
    written: dict[str, Path] = {}
    for root in roots:
        for path in sorted((root / "screenshots").rglob("*")):
            relative = path.relative_to(root).as_posix()
            if path.is_file() and relative != "screenshots/shots.yml":
                assert relative not in written, f"{relative} written by two shards"
                written[relative] = path
                target = merged.root / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
    assert stale_images(merged) == []
    assert "screenshots/contact-sheet.shard-1-of-2.html" in written
    assert "screenshots/contact-sheet.shard-2-of-2.html" in written


def test_unknown_server_language(standin, capture_env: Path, standin_credentials) -> None:
    shots = """\
    shots:
      - id: shipments
        target: {action: caravan_connector.action_shipment}
        alt: Shipments
    """
    project = write_project(capture_env / "german", standin.url, shots)
    config = project.config_path.read_text(encoding="utf-8")
    config = config.replace(
        "  - {code: ar, odoo: ar_001, name: العربية}\n",
        "  - {code: ar, odoo: ar_001, name: العربية}\n  - {code: de, odoo: de_DE, name: Deutsch}\n",
    )
    project.config_path.write_text(config, encoding="utf-8")
    report = run_capture(load_project(project.root), CaptureOptions(languages=("de",)))
    assert report.captured == []
    assert [str(failure) for failure in report.failed] == [
        "Shot 'shipments' (de) in screenshots/shots.yml, language switch: language 'de_DE' is "
        "not installed on the Odoo server. Activate it in Settings > Languages, or fix its 'odoo' "
        "code under 'languages' in onboardkit.yml."
    ]
    assert user_language(standin.url, *standin_credentials) == "en_US"


@pytest.mark.parametrize(
    ("method", "reason"),
    [("rpc", "wrong login or password"), ("form", "Wrong login/password")],
)
def test_wrong_password_rejected(
    standin, capture_env: Path, monkeypatch: pytest.MonkeyPatch, method: str, reason: str
) -> None:
    from onboardkit.capture.errors import LoginFailed

    monkeypatch.setenv("ONBOARDKIT_ODOO_PASSWORD", "not-the-password")
    shots = "shots:\n  - id: a\n    target: {url: /odoo}\n    alt: A\n"
    project = write_project(capture_env / method, standin.url, shots, login_method=method)
    with pytest.raises(LoginFailed) as caught:
        run_capture(project)
    assert str(caught.value) == (
        f"Odoo rejected the login ({reason}). Check the environment variables "
        "ONBOARDKIT_ODOO_LOGIN and ONBOARDKIT_ODOO_PASSWORD (or the keyring entries of service "
        "'onboardkit')."
    )
    assert "not-the-password" not in str(caught.value)


def test_several_databases_need_one(capture_env: Path, standin_credentials) -> None:
    from onboardkit.capture.errors import LoginFailed
    from onboardkit.standin import StandinServer

    login, password = standin_credentials
    server = StandinServer(
        [ADDON], login=login, password=password, databases=("demo", "staging"), timing="fast"
    )
    server.start()
    try:
        shots = "shots:\n  - id: a\n    target: {url: /odoo}\n    alt: A\n"
        project = write_project(capture_env / "databases", server.url, shots, login_method="form")
        config = project.config_path.read_text(encoding="utf-8").replace(", database: demo", "")
        project.config_path.write_text(config, encoding="utf-8")
        with pytest.raises(LoginFailed) as caught:
            run_capture(load_project(project.root))
    finally:
        server.stop()
    assert str(caught.value) == (
        "the server hosts 2 databases (demo, staging); set odoo.database in onboardkit.yml to "
        "the one to capture."
    )
