"""Saved Odoo sessions (Playwright storage state) under the user's cache folder.

A saved session contains a session cookie, which lets anyone with the file act as the user, so
the folder is created with mode 0700 and each file with mode 0600, and nothing is written
inside the docs project. Files are named by a digest of server, database, user and language.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

CACHE_VARIABLE = "XDG_CACHE_HOME"


def sessions_dir() -> Path:
    """Return ``$XDG_CACHE_HOME/onboardkit/sessions`` (``~/.cache`` when unset)."""
    base = os.environ.get(CACHE_VARIABLE) or str(Path.home() / ".cache")
    return Path(base) / "onboardkit" / "sessions"


def write_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically, readable by the owner only (mode 0600)."""
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.chmod(name, 0o600)
        os.replace(name, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)


class SessionStore:
    """Saved sessions and the original-language marker of one server, database and user."""

    def __init__(self, url: str, database: str, login: str):
        self.directory = sessions_dir()
        identity = "\n".join((url, database, login))
        self.prefix = hashlib.sha256(identity.encode("utf-8")).hexdigest()[:32]

    def _ensure_dir(self) -> None:
        self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(self.directory, 0o700)

    def path(self, odoo_language: str) -> Path:
        digest = hashlib.sha256(f"{self.prefix}\n{odoo_language}".encode()).hexdigest()[:32]
        return self.directory / f"{digest}.json"

    def load(self, odoo_language: str) -> dict[str, Any] | None:
        path = self.path(odoo_language)
        try:
            state = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except ValueError:
            log.warning("Ignoring unreadable saved session %s", path)
            return None
        return state if isinstance(state, dict) and "cookies" in state else None

    def save(self, odoo_language: str, state: dict[str, Any]) -> None:
        self._ensure_dir()
        write_private(self.path(odoo_language), json.dumps(state))

    @property
    def _marker(self) -> Path:
        return self.directory / f"{self.prefix}.original-language"

    def remember_original_language(self, odoo_language: str) -> None:
        """Record the user's language before the first switch, unless already recorded.

        The marker survives a run that was killed, so the next run still restores the
        language the user had chosen, not the one the killed run left behind.
        """
        if not odoo_language or self._marker.exists():
            return
        self._ensure_dir()
        write_private(self._marker, odoo_language)

    def original_language(self) -> str | None:
        try:
            return self._marker.read_text(encoding="utf-8").strip() or None
        except FileNotFoundError:
            return None

    def forget_original_language(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self._marker.unlink()
