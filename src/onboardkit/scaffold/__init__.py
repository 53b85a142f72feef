"""Scaffold a docs project from an existing Odoo addon (``onboardkit init --from-addon``)."""

from onboardkit.scaffold.project import (
    ScaffoldedGuide,
    ScaffoldOptions,
    ScaffoldReport,
    default_output,
    scaffold_project,
)

__all__ = [
    "ScaffoldOptions",
    "ScaffoldReport",
    "ScaffoldedGuide",
    "default_output",
    "scaffold_project",
]
