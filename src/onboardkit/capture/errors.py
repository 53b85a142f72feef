"""Errors of a capture run, and the failure of one shot with the step and cause."""

from __future__ import annotations

from dataclasses import dataclass

from onboardkit.errors import OnboardkitError


class CaptureError(OnboardkitError):
    """A problem that stops the whole run (login, server, browser, language)."""


class ServerUnreachable(CaptureError):
    """The Odoo server does not respond, or responds with something that is not Odoo."""


class LoginFailed(CaptureError):
    """Odoo rejected the credentials, or the database could not be chosen."""


class LanguageUnavailable(CaptureError):
    """The Odoo server does not have one of the docs languages active."""


class RpcError(CaptureError):
    """Odoo returned an error for a JSON-RPC call; ``name`` is its exception class."""

    def __init__(self, path: str, name: str, message: str):
        self.path = path
        self.name = name
        self.message = message
        super().__init__(f"{path} failed: {message} ({name})" if name else f"{path}: {message}")

    @property
    def session_expired(self) -> bool:
        return self.name.endswith("SessionExpiredException")


class StepFailed(Exception):
    """Raised inside a shot: ``cause`` describes what went wrong, ``fix`` what to do about it."""

    def __init__(self, cause: str, fix: str = "", step: str = ""):
        super().__init__(cause)
        self.cause = cause
        self.fix = fix
        self.step = step


@dataclass(frozen=True)
class ShotFailure:
    """A shot that could not be captured in one language; its previous image was kept."""

    shot: str
    language: str
    file: str
    step: str
    cause: str
    fix: str = ""

    def __str__(self) -> str:
        where = f"Shot '{self.shot}' ({self.language}) in {self.file}"
        if self.step:
            where += f", {self.step}"
        text = f"{where}: {self.cause.rstrip('.')}."
        if self.fix:
            text += f" {self.fix}"
        return text
