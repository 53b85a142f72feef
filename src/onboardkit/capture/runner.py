"""``run_capture``: capture the stale shots of a project, one language at a time.

One browser serves the whole run. Per language, the Odoo user is switched once and the
language's shots are captured in parallel browser contexts (``capture.parallel``). A shot
that fails keeps its previous image and is reported. The run goes on, and its report lists
the shots that failed.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from onboardkit.capture import selection
from onboardkit.capture.contexts import ContextPool, ContextSettings, origin_of
from onboardkit.capture.credentials import Credentials, read_credentials
from onboardkit.capture.errors import (
    CaptureError,
    LoginFailed,
    ShotFailure,
    StepFailed,
)
from onboardkit.capture.metadata import module_version, stale_reason
from onboardkit.capture.schema import Shot
from onboardkit.capture.session import OdooSession
from onboardkit.capture.shoot import ShotJob, browser_locale, capture
from onboardkit.capture.shots import load_shot_list, shots_file_name
from onboardkit.capture.urls import ResolvedTarget, resolve_target, target_url
from onboardkit.config import Project

if TYPE_CHECKING:
    from playwright.async_api import Browser

log = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int, str], None]


@dataclass(frozen=True)
class CaptureOptions:
    """Options of a capture run; ``only`` (shot ids) and ``languages`` narrow the shot list."""

    force: bool = False
    shard: tuple[int, int] | None = None
    only: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    contact_sheet: bool = True
    progress: ProgressCallback | None = None


@dataclass
class CaptureReport:
    """The outcome of a run for each (shot, language) it selected."""

    server_version: str = ""
    captured: list[tuple[str, str]] = field(default_factory=list)
    unchanged: list[tuple[str, str]] = field(default_factory=list)
    cached: list[tuple[str, str]] = field(default_factory=list)
    failed: list[ShotFailure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    contact_sheet: Path | None = None

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        return (
            f"{len(self.captured)} image(s) captured ({len(self.unchanged)} unchanged), "
            f"{len(self.cached)} up to date, {len(self.failed)} failed."
        )


@dataclass
class _Run:
    """State shared by the tasks of one run."""

    project: Project
    options: CaptureOptions
    report: CaptureReport
    module_version: str
    clock: datetime
    total: int = 0
    done: int = 0
    statuses: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    targets: dict[str, ResolvedTarget | StepFailed] = field(default_factory=dict)

    def fail(self, shot: Shot, language: str, error: StepFailed) -> None:
        failure = ShotFailure(
            shot.id, language, shots_file_name(self.project), error.step, error.cause, error.fix
        )
        self.report.failed.append(failure)
        self.statuses[(shot.id, language)] = ("failed", error.cause)
        log.error("%s", failure)

    def advance(self, shot: Shot, language: str) -> None:
        self.done += 1
        if self.options.progress is not None:
            self.options.progress(self.done, self.total, f"{shot.id} ({language})")


def run_capture(project: Project, options: CaptureOptions | None = None) -> CaptureReport:
    """Capture every selected shot whose image is missing or stale (all of them with ``force``).

    Raises:
        ValidationFailed: the shot list or the options are invalid.
        CredentialsMissing: no Odoo login or password in the environment or keyring.
        CaptureError: the server cannot be reached, the login or a language switch failed.
    """
    options = options or CaptureOptions()
    shot_list = load_shot_list(project)
    shots = selection.select_shots(project, shot_list, options.only, options.shard)
    items = selection.work_items(project, shots, options.languages)
    credentials = read_credentials(project.config.odoo)
    if any(shot.annotations for shot in shots):
        selection.check_fonts()
    settings = project.config.capture
    clock = settings.clock or datetime.now(UTC).replace(second=0, microsecond=0)
    run = _Run(project, options, CaptureReport(), module_version(project), clock)
    asyncio.run(_capture_all(run, items, credentials))
    report = run.report
    if options.contact_sheet:
        from onboardkit.capture.output import write_sheet

        report.contact_sheet = write_sheet(project, shots, run.statuses, options.shard)
    log.info("Screenshots: %s", report.summary())
    return report


async def _capture_all(run: _Run, items: list[tuple[Shot, str]], credentials: Credentials) -> None:
    from playwright.async_api import async_playwright

    from onboardkit.browser import launch_chromium_async

    config = run.project.config
    async with async_playwright() as playwright:
        browser = await launch_chromium_async(playwright, config.capture.browser)
        session = OdooSession(
            browser, config.odoo, credentials, config.capture.login_method, config.capture.timeout
        )
        try:
            version = await session.open()
            run.report.server_version = str(version)
            pending = _stale_items(run, items, str(version))
            run.total = len(pending)
            for language in [entry.code for entry in config.languages]:
                batch = [(shot, code) for shot, code in pending if code == language]
                if batch:
                    await _capture_language(run, session, browser, language, batch)
        finally:
            await _restore(session)
            await session.close()
            await browser.close()


def _stale_items(
    run: _Run, items: list[tuple[Shot, str]], server_version: str
) -> list[tuple[Shot, str]]:
    pending = []
    for shot, language in items:
        reason = "forced" if run.options.force else None
        reason = reason or stale_reason(
            run.project, shot, language, run.module_version, server_version
        )
        if reason is None:
            run.report.cached.append((shot.id, language))
            run.statuses[(shot.id, language)] = ("up to date", "")
        else:
            log.debug("Capturing %s (%s): %s", shot.id, language, reason)
            pending.append((shot, language))
    return pending


async def _capture_language(
    run: _Run,
    session: OdooSession,
    browser: Browser,
    language: str,
    batch: list[tuple[Shot, str]],
) -> None:
    odoo_language = run.project.config.language(language).odoo
    try:
        state = await session.prepare_language(odoo_language)
    except LoginFailed:
        raise
    except CaptureError as error:
        for shot, code in batch:
            run.fail(shot, code, StepFailed(str(error), step="language switch"))
            run.advance(shot, code)
        return
    config = run.project.config
    await _resolve_targets(run, session, [shot for shot, _ in batch], config.capture.parallel)
    settings = ContextSettings(
        storage_state=state,
        origin=origin_of(session.base_url),
        locale=browser_locale(odoo_language),
        timezone=config.capture.timezone,
        clock=run.clock,
    )
    pool = ContextPool(browser, settings, config.capture.parallel)
    limit = asyncio.Semaphore(config.capture.parallel)
    major = session.version.major if session.version else 18

    async def one(shot: Shot) -> None:
        async with limit:
            await _capture_one(run, pool, session, shot, language, major)
            run.advance(shot, language)

    try:
        await asyncio.gather(*(one(shot) for shot, _ in batch))
    finally:
        await pool.close()
    log.debug("%s: %d shot(s) in %d browser context(s)", language, len(batch), pool.opened)


async def _resolve_targets(
    run: _Run, session: OdooSession, shots: list[Shot], parallel: int
) -> None:
    """Look up the XML ids of the targets not resolved yet, ``parallel`` requests at a time."""
    limit = asyncio.Semaphore(parallel)

    async def one(shot: Shot) -> None:
        async with limit:
            try:
                run.targets[shot.id] = await resolve_target(session, shot.target)
            except StepFailed as error:
                run.targets[shot.id] = error

    unresolved = {shot.id: shot for shot in shots if shot.id not in run.targets}
    await asyncio.gather(*(one(shot) for shot in unresolved.values()))


async def _capture_one(
    run: _Run,
    pool: ContextPool,
    session: OdooSession,
    shot: Shot,
    language: str,
    major: int,
) -> None:
    from playwright.async_api import Error as PlaywrightError

    from onboardkit.capture.output import save_image
    from onboardkit.images.process import FinishSpec, finish_image

    project = run.project
    resolved = run.targets[shot.id]
    if isinstance(resolved, StepFailed):
        run.fail(shot, language, resolved)
        return
    job = _job(run, session, shot, language, target_url(shot.target, resolved, major))
    try:
        raw = await capture(pool, job)
        spec = FinishSpec(
            crop=raw.crop,
            marks=raw.marks,
            rtl=job.rtl,
            scale=shot.scale,
            border=shot.border,
            shadow=shot.shadow,
            max_width=shot.max_width,
            format=shot.format,
        )
        finished = await asyncio.to_thread(finish_image, raw.png, spec)
        changed = await asyncio.to_thread(
            save_image,
            project,
            shot,
            language,
            finished,
            run.report.server_version,
            run.module_version,
        )
    except StepFailed as error:
        run.fail(shot, language, error)
        return
    except PlaywrightError as error:
        run.fail(shot, language, StepFailed(str(error).splitlines()[0], step="browser"))
        return
    except (OSError, ValueError) as error:
        run.fail(shot, language, StepFailed(str(error), step="image"))
        return
    for warning in raw.warnings:
        if warning not in run.report.warnings:
            run.report.warnings.append(warning)
            log.warning("%s (%s): %s", shot.id, language, warning)
    run.report.captured.append((shot.id, language))
    if not changed:
        run.report.unchanged.append((shot.id, language))
    run.statuses[(shot.id, language)] = ("captured" if changed else "unchanged", "")


def _job(
    run: _Run,
    session: OdooSession,
    shot: Shot,
    language: str,
    url: str,
) -> ShotJob:
    config = run.project.config
    entry = config.language(language)
    return ShotJob(
        shot=shot,
        language=language,
        source_language=config.source_language.code,
        rtl=entry.rtl,
        url=session.base_url + url,
        timeout=shot.timeout or config.capture.timeout,
        retries=config.capture.retries,
        health_url=session.base_url + "/web/webclient/version_info",
    )


async def _restore(session: OdooSession) -> None:
    try:
        await session.restore_language()
    except CaptureError as error:
        log.warning(
            "Could not restore the Odoo user's language (%s); set it back in the user's "
            "preferences in Odoo.",
            error,
        )
