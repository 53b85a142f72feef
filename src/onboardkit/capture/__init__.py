"""Screenshot capture from a real Odoo 17 or 18 web client with Playwright.

The public entry points are ``run_capture`` (with ``CaptureOptions``), and the helpers that
need no browser: ``load_shot_list``, ``image_path`` and ``stale_images``.
"""

from __future__ import annotations

from typing import Any

_EXPORTS = {
    "CaptureOptions": "onboardkit.capture.runner",
    "CaptureReport": "onboardkit.capture.runner",
    "run_capture": "onboardkit.capture.runner",
    "Shot": "onboardkit.capture.schema",
    "ShotList": "onboardkit.capture.schema",
    "StaleImage": "onboardkit.capture.metadata",
    "image_path": "onboardkit.capture.shots",
    "load_shot_list": "onboardkit.capture.shots",
    "stale_images": "onboardkit.capture.metadata",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    # Imported on first use, so that `import onboardkit.capture` stays cheap for the site build.
    if name not in _EXPORTS:
        raise AttributeError(f"module 'onboardkit.capture' has no attribute '{name}'")
    import importlib

    return getattr(importlib.import_module(_EXPORTS[name]), name)
