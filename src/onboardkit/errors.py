"""The exception tree of onboardkit and the problem list that validation fills."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path


class OnboardkitError(Exception):
    """Base of every error that onboardkit raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where it is, what is wrong and how to fix it.

    ``line`` is 1-based; ``field`` is a dotted path such as ``steps.2.screenshot``.
    """

    file: str
    message: str
    line: int | None = None
    field: str | None = None
    fix: str | None = None
    severity: str = "error"

    def location(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}"
        return where

    def __str__(self) -> str:
        text = self.location() + ": "
        if self.field:
            text += f"{self.field}: "
        text += self.message
        if self.fix:
            text += f" {self.fix}"
        return text

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "field": self.field,
            "message": self.message,
            "fix": self.fix,
            "severity": self.severity,
        }


class ValidationFailed(OnboardkitError):
    """Raised once, after validation, with every error found in the inputs."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        count = len(self.problems)
        lines = [f"{count} problem{'s' if count != 1 else ''} found:"]
        lines += [f"  {problem}" for problem in self.problems]
        super().__init__("\n".join(lines))


@dataclass
class ProblemList:
    """Collects problems across inputs so that a run reports all of them together."""

    problems: list[Problem] = field(default_factory=list)

    def error(self, file: str | Path, message: str, **where: object) -> None:
        self.problems.append(Problem(str(file), message, **where))  # type: ignore[arg-type]

    def warning(self, file: str | Path, message: str, **where: object) -> None:
        self.problems.append(Problem(str(file), message, severity="warning", **where))  # type: ignore[arg-type]

    def extend(self, problems: Iterable[Problem]) -> None:
        self.problems.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def raise_if_errors(self, strict: bool = False) -> None:
        """Raise ValidationFailed if there are errors, or any warning when ``strict``."""
        failing = self.problems if strict else self.errors
        if failing:
            raise ValidationFailed(failing)
