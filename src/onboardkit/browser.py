"""Finding and launching Chromium for Playwright, offline-friendly.

Playwright's own browser download does not work everywhere, so the system Chromium is
supported first-class: an explicit path, then ``$ONBOARDKIT_CHROMIUM``, then the usual
system locations, then Playwright's bundled browser if it was installed.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from onboardkit.errors import OnboardkitError

if TYPE_CHECKING:
    from playwright.async_api import Playwright as AsyncPlaywright
    from playwright.sync_api import Browser, Playwright

ENV_VARIABLE = "ONBOARDKIT_CHROMIUM"
SYSTEM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

# Flags that keep Chromium from calling home; without them it retries blocked connections.
QUIET_FLAGS = [
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--font-render-hinting=none",
]


class BrowserNotFound(OnboardkitError):
    pass


def find_chromium(explicit: str | None = None) -> str | None:
    """Return the Chromium executable to use, or None to let Playwright use its own."""
    for candidate in (explicit, os.environ.get(ENV_VARIABLE)):
        if candidate:
            path = shutil.which(candidate) or candidate
            if not Path(path).is_file():
                raise BrowserNotFound(
                    f"Chromium executable '{candidate}' not found. Fix the path in "
                    f"capture.browser or ${ENV_VARIABLE}, or unset it to auto-detect."
                )
            return path
    for name in SYSTEM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def launch_chromium(playwright: Playwright, explicit: str | None = None) -> Browser:
    """Launch headless Chromium with the quiet flags (and ``--no-sandbox`` when root)."""
    args = list(QUIET_FLAGS)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")
    executable = find_chromium(explicit)
    try:
        return playwright.chromium.launch(executable_path=executable, headless=True, args=args)
    except Exception as error:  # Playwright raises its own Error type with install hints
        raise BrowserNotFound(
            "Chromium could not be started"
            + (f" from '{executable}'" if executable else "")
            + f": {str(error).splitlines()[0]}. Install it with scripts/install-system-deps.sh "
            f"(Debian package 'chromium') or set ${ENV_VARIABLE}."
        ) from error


async def launch_chromium_async(playwright: AsyncPlaywright, explicit: str | None = None):
    """Launch headless Chromium like ``launch_chromium``, through Playwright's async API."""
    args = list(QUIET_FLAGS)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")
    executable = find_chromium(explicit)
    try:
        return await playwright.chromium.launch(
            executable_path=executable, headless=True, args=args
        )
    except Exception as error:  # Playwright raises its own Error type with install hints
        raise BrowserNotFound(
            "Chromium could not be started"
            + (f" from '{executable}'" if executable else "")
            + f": {str(error).splitlines()[0]}. Install it with scripts/install-system-deps.sh "
            f"(Debian package 'chromium') or set ${ENV_VARIABLE}."
        ) from error
