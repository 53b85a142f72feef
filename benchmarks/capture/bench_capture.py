"""Measure onboardkit's screenshot capture against a naive one-browser-per-shot loop.

Starts the demo Odoo stand-in in a child process: ``onboardkit demo-odoo`` with the delays
of a real Odoo 18, on a free port of 127.0.0.1, with a random password passed through the
environment. Writes a temporary copy of the example project whose shot list has N shots
derived from the example's shots (default 40). Then times, in the same run, in English and
Arabic:

1. naive   for every shot and language: a new Chromium, a login through the login form,
           ``goto`` the shot's URL, wait for its element, screenshot, close: the baseline;
2. cold    onboardkit's ``run_capture`` with no images and no saved session, at the
           parallelism of the project's configuration (``capture.parallel``);
3. no-op   ``run_capture`` again with nothing changed (every image up to date);
4. cold, parallel=N   optionally (``--parallel N``, repeatable), like cold at another
           parallelism.

Each run records its wall time and the CPU time the machine was busy meanwhile (all cores,
all processes). Times are medians of --repeat runs.
``--phases`` also prints where a cold run's time goes, from timers wrapped around
onboardkit's capture steps.

Usage: python benchmarks/capture/bench_capture.py [--shots 40] [--repeat 1]
           [--parallel 1] [--phases] [--out results.json]
"""

from __future__ import annotations

import argparse
import collections
import copy
import functools
import http.cookiejar
import json
import os
import platform
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date
from pathlib import Path
from typing import Any

import yaml

REPOSITORY = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
LOGIN = "admin"
DATABASE = "demo"
LANGUAGES = {"en": "en_US", "ar": "ar_001"}
PROJECT_PARTS = ("onboardkit.yml", "mkdocs.yml", "addons")
# Variants of the example's shots: window sizes, and the records that the form shots open
# (shipments with a tracking number, because the example annotates that field).
VIEWPORTS = [(1280, 800), (1440, 900), (1366, 768), (1280, 720)]
RECORDS = {
    "caravan_connector.shipment_1": [1, 8, 4, 11, 2, 6, 9, 3, 7],
    "caravan_connector.shipment_3": [3, 2, 6, 9, 11, 4, 8, 1, 7],
    "caravan_connector.event_1": [1, 2, 3, 4, 5, 6, 7, 8, 9],
}
# A JSON-RPC login takes 0.9 s with the stand-in's odoo18 delays and about 0 s with "fast".
MIN_LOGIN_SECONDS = 0.8
LOGIN_FORM = "form.oe_login_form:not(.d-none)"
READY_SELECTOR = ".o_action_manager > *"


# Shot list ----------------------------------------------------------------------------------


def shot_variant(shot: dict[str, Any], variant: int) -> dict[str, Any]:
    """Return variant ``variant`` of an example shot. Variant 0 is the shot itself.

    Variants change the window size and the record a form opens. Every fourth variant drops
    the annotations (a plain screenshot), and the one after it adds a border and a shadow.
    """
    shot = copy.deepcopy(shot)
    if variant == 0:
        return shot
    shot["id"] = f"{shot['id']}-{variant + 1}"
    width, height = VIEWPORTS[variant % len(VIEWPORTS)]
    shot["viewport"] = {"width": width, "height": height}
    record = shot["target"].get("record")
    if record is not None and record.get("xmlid") in RECORDS:
        numbers = RECORDS[record["xmlid"]]
        prefix = record["xmlid"].rsplit("_", 1)[0]
        record["xmlid"] = f"{prefix}_{numbers[variant % len(numbers)]}"
    if variant % 4 == 2:
        shot.pop("annotations", None)
    if variant % 4 == 3:
        shot["border"] = True
        shot["shadow"] = True
    return shot


def make_shot_list(count: int) -> dict[str, Any]:
    """Derive ``count`` shots from the example's shot list: its shots first, then variants."""
    example = yaml.safe_load((REPOSITORY / "screenshots" / "shots.yml").read_text("utf-8"))
    shots = []
    variant = 0
    while len(shots) < count:
        for shot in example["shots"][: count - len(shots)]:
            shots.append(shot_variant(shot, variant))
        variant += 1
    return {"defaults": example.get("defaults", {}), "shots": shots}


def make_project(work: Path, count: int) -> Path:
    """Copy the example's configuration and addon, with a shot list of ``count`` shots."""
    root = work / "project"
    root.mkdir()
    for name in PROJECT_PARTS:
        source = REPOSITORY / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, root / name)
    (root / "screenshots").mkdir()
    text = yaml.safe_dump(make_shot_list(count), allow_unicode=True, sort_keys=False)
    (root / "screenshots" / "shots.yml").write_text(text, encoding="utf-8")
    return root


# The stand-in -------------------------------------------------------------------------------


class Standin:
    """``onboardkit demo-odoo`` in a child process, like an Odoo server beside the capture."""

    def __init__(self, project: Path, work: Path) -> None:
        self.password = secrets.token_urlsafe(24)
        self.log_path = work / "standin.log"
        environment = dict(
            os.environ,
            ONBOARDKIT_ODOO_LOGIN=LOGIN,
            ONBOARDKIT_ODOO_PASSWORD=self.password,
            NO_MKDOCS_2_WARNING="1",
        )
        command = [str(Path(sys.executable).parent / "onboardkit"), "-C", str(project)]
        command += ["demo-odoo", "--port", "0", "--timing", "odoo18"]
        self.log = self.log_path.open("w", encoding="utf-8")
        self.process = subprocess.Popen(
            command, env=environment, stdout=self.log, stderr=subprocess.STDOUT
        )
        self.url = self._wait_for_url()

    def _wait_for_url(self) -> str:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            found = re.search(r"ready at (http://127\.0\.0\.1:\d+)/web/login", self.log_text())
            if found:
                return found.group(1)
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(
            f"the stand-in failed to start within 30 s. Its output:\n{self.log_text()}"
        )

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=15)
        self.log.close()


class JsonRpc:
    """A logged-in JSON-RPC client of the stand-in, for work outside the timed loops."""

    def __init__(self, url: str, password: str) -> None:
        self.url = url
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        start = time.perf_counter()
        self.info = self.call(
            "/web/session/authenticate", db=DATABASE, login=LOGIN, password=password
        )
        self.login_seconds = time.perf_counter() - start

    def call(self, path: str, **params: Any) -> Any:
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": params}).encode()
        request = urllib.request.Request(
            self.url + path, body, {"Content-Type": "application/json"}
        )
        with self.opener.open(request, timeout=30) as response:
            answer = json.load(response)
        if "error" in answer:
            raise RuntimeError(f"{path}: {answer['error']}")
        return answer["result"]

    def call_kw(self, model: str, method: str, args: list[Any], **kwargs: Any) -> Any:
        params = {"model": model, "method": method, "args": args, "kwargs": kwargs}
        return self.call(f"/web/dataset/call_kw/{model}/{method}", **params)

    def set_language(self, odoo_language: str) -> None:
        self.call_kw("res.users", "write", [[self.info["uid"]], {"lang": odoo_language}])
        self.call("/web/session/get_session_info")

    def record_id(self, xmlid: str) -> int:
        module, _, name = xmlid.partition(".")
        domain = [["module", "=", module], ["name", "=", name]]
        rows = self.call_kw("ir.model.data", "search_read", [domain], fields=["res_id"])
        return int(rows[0]["res_id"])


# Measuring ----------------------------------------------------------------------------------


class Meter:
    """Wall time of one run, and the CPU time the whole machine was busy meanwhile.

    The CPU time comes from /proc/stat, because the CPU time of this process's reaped
    children missed more than half of Chromium's CPU time when it was tried. Anything else
    running on the machine counts too, so ``load`` (the 1-minute load average at the start)
    is recorded beside it.
    """

    def __enter__(self) -> Meter:
        self.load = os.getloadavg()[0]
        self.busy_start = machine_busy_seconds()
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exception: object) -> None:
        self.wall = time.perf_counter() - self.start
        self.cpu = machine_busy_seconds() - self.busy_start

    def record(self) -> dict[str, float]:
        return {
            "wall_s": round(self.wall, 2),
            "cpu_s": round(self.cpu, 1),
            "load": round(self.load, 2),
        }


def machine_busy_seconds() -> float:
    """Return the CPU seconds, summed over all cores, that were not idle since boot."""
    values = [int(value) for value in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    idle = values[3] + values[4]  # idle and iowait
    return (sum(values[:8]) - idle) / os.sysconf("SC_CLK_TCK")


# Naive loop ---------------------------------------------------------------------------------


def naive_plan(project: Path, rpc: JsonRpc) -> list[dict[str, Any]]:
    """Return each shot's URL, window, clicks and crop element, as a user would write them."""
    from onboardkit.capture.shots import load_shot_list
    from onboardkit.capture.urls import ResolvedTarget, target_url
    from onboardkit.config import load_project

    plan = []
    for shot in load_shot_list(load_project(project)).shots:
        record = shot.target.record
        resolved = ResolvedTarget(record_id=rpc.record_id(record.xmlid) if record else None)
        # The shot's clicks: a Settings section shows only once its tab is clicked, and a
        # dialog opened from a menu needs the menu's clicks.
        clicks = [
            f'.settings_tab [data-key="{step.settings}"]' if step.settings else str(step.click)
            for step in shot.steps
            if step.settings or step.click
        ]
        plan.append(
            {
                "id": shot.id,
                "url": rpc.url + target_url(shot.target, resolved, 18),
                "viewport": {"width": shot.viewport.width, "height": shot.viewport.height},
                "clicks": clicks,
                "element": shot.crop.selector if shot.crop else None,
            }
        )
    return plan


def naive_run(plan: list[dict[str, Any]], rpc: JsonRpc, password: str, folder: Path) -> None:
    """Capture every shot and language, each in its own browser with its own form login.

    The user's language is switched once per language, by RPC, because a URL parameter alone
    does not give a right-to-left page.
    """
    from playwright.sync_api import sync_playwright

    from onboardkit.browser import QUIET_FLAGS

    with sync_playwright() as playwright:
        for language, odoo_language in LANGUAGES.items():
            rpc.set_language(odoo_language)
            (folder / language).mkdir(parents=True, exist_ok=True)
            for shot in plan:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=QUIET_FLAGS)
                page = browser.new_page(viewport=shot["viewport"])
                page.goto(f"{rpc.url}/web/login?db={DATABASE}")
                page.fill(f"{LOGIN_FORM} input[name=login]", LOGIN)
                page.fill(f"{LOGIN_FORM} input[name=password]", password)
                with page.expect_navigation():
                    page.click(f"{LOGIN_FORM} button[type=submit]")
                page.goto(shot["url"])
                for selector in shot["clicks"]:
                    page.click(selector)
                path = folder / language / f"{shot['id']}.png"
                if shot["element"]:
                    page.locator(shot["element"]).first.screenshot(path=path)
                else:
                    page.wait_for_selector(READY_SELECTOR)
                    page.screenshot(path=path)
                if language == "ar" and not page.evaluate("document.body.matches('.o_rtl')"):
                    raise RuntimeError(f"naive loop: {shot['id']} (ar) is not right-to-left")
                browser.close()
    rpc.set_language(LANGUAGES["en"])


# onboardkit ---------------------------------------------------------------------------------


def onboardkit_run(project_root: Path, url: str, parallel: int | None, cold: bool) -> None:
    """Run ``run_capture`` on the project. ``cold`` deletes images and saved sessions first.

    Raises:
        RuntimeError: a shot failed, or the run captured more or fewer images than expected.
    """
    from onboardkit.capture.runner import CaptureOptions, run_capture
    from onboardkit.capture.session_store import sessions_dir
    from onboardkit.config import load_project

    if cold:
        for folder in (
            *(project_root / "screenshots" / code for code in LANGUAGES),
            project_root / ".cache",
            sessions_dir(),
        ):
            shutil.rmtree(folder, ignore_errors=True)
    project = load_project(project_root)
    config = project.config
    capture = config.capture.model_copy(update={"parallel": parallel or config.capture.parallel})
    odoo = config.odoo.model_copy(update={"url": url, "database": DATABASE})
    project.config = config.model_copy(update={"odoo": odoo, "capture": capture})
    report = run_capture(project, CaptureOptions())
    if report.failed:
        raise RuntimeError("onboardkit: " + "; ".join(str(failure) for failure in report.failed))
    if cold and report.cached:
        raise RuntimeError(f"onboardkit cold run found {len(report.cached)} image(s) up to date")
    if not cold and report.captured:
        raise RuntimeError(f"onboardkit no-op run captured {len(report.captured)} image(s)")


class PhaseTimers:
    """Timers wrapped around onboardkit's capture steps, for ``--phases``.

    Totals add up the time of every call, so with parallel contexts they exceed the run's
    wall time. ``capture`` is the whole browser part of one shot.
    """

    STEPS = {
        "onboardkit.capture.runner": ["capture"],
        "onboardkit.capture.page_ops": ["navigate", "wait_ready", "run_step", "apply_masks"],
        "onboardkit.capture.shoot": ["_shoot", "_check_server"],
    }

    def __init__(self) -> None:
        import importlib

        self.totals: dict[str, float] = collections.defaultdict(float)
        self.counts: collections.Counter[str] = collections.Counter()
        for module_name, names in self.STEPS.items():
            module = importlib.import_module(module_name)
            for name in names:
                setattr(module, name, self._timed_async(name, getattr(module, name)))
        session = importlib.import_module("onboardkit.capture.session").OdooSession
        session.prepare_language = self._timed_async("prepare_language", session.prepare_language)
        pool = importlib.import_module("onboardkit.capture.contexts").ContextPool
        pool._open = self._timed_async("new_context", pool._open)
        pool._reset = self._timed_async("reset_context", pool._reset)
        runner = importlib.import_module("onboardkit.capture.runner")
        runner.resolve_target = self._timed_async("resolve_target", runner.resolve_target)
        process = importlib.import_module("onboardkit.images.process")
        process.finish_image = self._timed_sync("finish_image", process.finish_image)

    def _timed_async(self, name: str, function: Any) -> Any:
        @functools.wraps(function)
        async def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return await function(*args, **kwargs)
            finally:
                self.totals[name] += time.perf_counter() - start
                self.counts[name] += 1

        return timed

    def _timed_sync(self, name: str, function: Any) -> Any:
        @functools.wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.totals[name] += time.perf_counter() - start
                self.counts[name] += 1

        return timed

    def reset(self) -> None:
        self.totals.clear()
        self.counts.clear()

    def record(self) -> dict[str, dict[str, float]]:
        return {
            name: {
                "calls": self.counts[name],
                "total_s": round(total, 2),
                "mean_s": round(total / self.counts[name], 3),
            }
            for name, total in sorted(self.totals.items(), key=lambda item: -item[1])
        }


# Runs and report ----------------------------------------------------------------------------


def versions() -> dict[str, str]:
    from importlib.metadata import version

    chromium = subprocess.run(
        [CHROMIUM, "--version"], capture_output=True, text=True, check=True
    ).stdout.strip()
    return {
        "python": platform.python_version(),
        "chromium": chromium,
        "playwright": version("playwright"),
        "onboardkit": version("onboardkit"),
        "pillow": version("pillow"),
    }


def measure(arguments: argparse.Namespace, project: Path, standin: Standin, work: Path) -> dict:
    """Run every kind --repeat times and return the settings, each run and the medians."""
    from onboardkit.config import load_project

    rpc = JsonRpc(standin.url, standin.password)
    if rpc.login_seconds < MIN_LOGIN_SECONDS:
        raise RuntimeError(
            f"a login took {rpc.login_seconds:.2f} s, so the stand-in is not using the odoo18 "
            "delays. Check that `onboardkit demo-odoo --timing odoo18` still applies them."
        )
    os.environ["ONBOARDKIT_ODOO_LOGIN"] = LOGIN
    os.environ["ONBOARDKIT_ODOO_PASSWORD"] = standin.password
    plan = naive_plan(project, rpc)
    parallel = load_project(project).config.capture.parallel
    timers = PhaseTimers() if arguments.phases else None
    runs: dict[str, list[dict[str, float]]] = {"naive": [], "cold": [], "no-op": []}
    phases = None
    for repeat in range(arguments.repeat):
        # Alternate which side goes first, so that a change in the machine's load over time
        # does not always fall on the same side.
        order = ["naive", "onboardkit"] if repeat % 2 == 0 else ["onboardkit", "naive"]
        for side in order:
            if side == "naive":
                shutil.rmtree(work / "naive", ignore_errors=True)
                with Meter() as meter:
                    naive_run(plan, rpc, standin.password, work / "naive")
                runs["naive"].append(meter.record())
                continue
            if timers is not None:
                timers.reset()
            with Meter() as meter:
                onboardkit_run(project, standin.url, None, cold=True)
            runs["cold"].append(meter.record())
            phases = timers.record() if timers is not None else None
            with Meter() as meter:
                onboardkit_run(project, standin.url, None, cold=False)
            runs["no-op"].append(meter.record())
            for other in arguments.parallel:
                with Meter() as meter:
                    onboardkit_run(project, standin.url, other, cold=True)
                runs.setdefault(f"cold, parallel={other}", []).append(meter.record())
        latest = ", ".join(f"{name} {values[-1]['wall_s']} s" for name, values in runs.items())
        print(f"repeat {repeat + 1}: {latest}", file=sys.stderr)
    return {
        "date": date.today().isoformat(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.platform()}",
        "versions": versions(),
        "shots": arguments.shots,
        "languages": list(LANGUAGES),
        "images": arguments.shots * len(LANGUAGES),
        "parallel": parallel,
        "standin_login_s": round(rpc.login_seconds, 2),
        "runs": runs,
        "summary": summarize(runs),
        "phases_of_last_cold_run": phases,
    }


def summarize(runs: dict[str, list[dict[str, float]]]) -> dict[str, dict[str, float]]:
    """Return the median wall and CPU time of each kind and its ratios to naive and cold."""
    medians = {
        name: (
            statistics.median(run["wall_s"] for run in values),
            statistics.median(run["cpu_s"] for run in values),
        )
        for name, values in runs.items()
    }
    naive_wall, naive_cpu = medians["naive"]
    cold_wall = medians["cold"][0]
    return {
        name: {
            "wall_s": round(wall, 2),
            "cpu_s": round(cpu, 1),
            "naive_wall_over_this": round(naive_wall / wall, 2),
            "naive_cpu_over_this": round(naive_cpu / cpu, 2),
            "share_of_cold_wall": round(wall / cold_wall, 3),
            "cores_busy": round(cpu / wall, 2),
        }
        for name, (wall, cpu) in medians.items()
    }


def print_results(results: dict) -> None:
    print(f"machine: {results['machine']}")
    print(f"versions: {results['versions']}")
    print(
        f"{results['shots']} shots x {len(results['languages'])} languages = "
        f"{results['images']} images; capture.parallel {results['parallel']}; "
        f"stand-in JSON-RPC login {results['standin_login_s']} s (odoo18 delays)"
    )
    for name, row in results["summary"].items():
        walls = [run["wall_s"] for run in results["runs"][name]]
        loads = [round(run["load"], 1) for run in results["runs"][name]]
        print(
            f"{name:17s} wall {row['wall_s']:7.2f} s | busy CPU {row['cpu_s']:6.1f} s "
            f"({row['cores_busy']:.2f} cores) | naive/this: "
            f"wall {row['naive_wall_over_this']:6.2f}, CPU {row['naive_cpu_over_this']:5.2f} | "
            f"share of cold {row['share_of_cold_wall']:.3f} | runs {walls}, load at start {loads}"
        )
    for name, row in (results["phases_of_last_cold_run"] or {}).items():
        print(
            f"  phase {name:16s} calls {row['calls']:4d}  total {row['total_s']:7.2f} s  "
            f"mean {row['mean_s']:.3f} s"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shots", type=int, default=40, help="Shots in the list (default 40).")
    parser.add_argument("--repeat", type=int, default=1, help="Runs of each kind (default 1).")
    parser.add_argument(
        "--parallel",
        type=int,
        action="append",
        default=[],
        metavar="N",
        help="Also time a cold onboardkit run with capture.parallel N (repeatable).",
    )
    parser.add_argument(
        "--phases", action="store_true", help="Time onboardkit's capture steps in cold runs."
    )
    parser.add_argument("--out", type=Path, help="Write the results to this JSON file.")
    arguments = parser.parse_args()
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    with tempfile.TemporaryDirectory(prefix="bench-capture-") as folder:
        work = Path(folder)
        # Saved Odoo sessions go under the temporary folder, not the user's cache.
        os.environ["XDG_CACHE_HOME"] = str(work / "xdg-cache")
        project = make_project(work, arguments.shots)
        standin = Standin(project, work)
        try:
            results = measure(arguments, project, standin, work)
        finally:
            standin.stop()
    print_results(results)
    if arguments.out:
        arguments.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
