"""Building and checking the store listing: validate every input, then write the assets.

``build_listing`` writes the images, ``index.html``, the manifest keys (with ``fix``) and the
preview. ``check_listing`` writes nothing and reports what is missing, stale or against the
store's rules, for ``onboardkit check``.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass, field
from pathlib import Path

from onboardkit.config import Project
from onboardkit.errors import OnboardkitError, Problem, ProblemList, ValidationFailed
from onboardkit.fileio import write_text_atomic
from onboardkit.listing import paths
from onboardkit.listing.content import LoadedListing, read_listing
from onboardkit.listing.html_check import check_index_html
from onboardkit.listing.html_render import html_source_digest, render_index_html
from onboardkit.listing.image_checks import check_generated_images, check_handmade_images
from onboardkit.listing.images import ImagePlan, plan_images, prune_screenshots, write_image
from onboardkit.listing.manifest_edit import apply_manifest_changes
from onboardkit.listing.manifest_rules import (
    LISTING_KEYS,
    ManifestChange,
    change_problems,
    check_manifest,
    manifest_changes,
    python_literal,
)
from onboardkit.listing.marker import html_digest
from onboardkit.listing.rules import StoreRules
from onboardkit.listing.sanitize import lost_content, odoo_description, store_view
from onboardkit.odoo.manifest import Manifest, read_manifest

log = logging.getLogger(__name__)


@dataclass
class ListingOptions:
    """Options of ``onboardkit listing``; each field matches a command-line option."""

    fix: bool = False
    preview: bool = True
    screenshot: bool = True


@dataclass
class ListingReport:
    """Result of a listing build: files written, unchanged, hand-made or removed, and the manifest
    changes still to make."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    handmade: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    manifest_file: str = ""
    manifest_changes: list[ManifestChange] = field(default_factory=list)
    manifest_fixed: bool = False
    warnings: list[Problem] = field(default_factory=list)
    preview_html: Path | None = None
    preview_png: Path | None = None

    def summary(self) -> str:
        parts = [
            f"{len(self.written)} file(s) written",
            f"{len(self.unchanged)} unchanged",
        ]
        if self.handmade:
            parts.append(f"{len(self.handmade)} hand-made left as they are")
        if self.manifest_fixed:
            parts.append(
                f"manifest keys written: {', '.join(c.key for c in self.manifest_changes)}"
            )
        elif self.manifest_changes:
            parts.append(f"{len(self.manifest_changes)} manifest key(s) to change (--fix)")
        if self.preview_png:
            parts.append(f"preview: {self.preview_png}")
        elif self.preview_html:
            parts.append(f"preview: {self.preview_html}")
        return ", ".join(parts)

    def change_lines(self) -> list[str]:
        """Return the manifest edits that ``--fix`` would make, one line each."""
        lines = []
        for change in self.manifest_changes:
            where = f"{self.manifest_file}:{change.line}" if change.line else self.manifest_file
            action = "set" if change.present else "add"
            lines.append(f'{where}: {action} "{change.key}": {python_literal(change.expected)}')
        return lines


@dataclass
class _Inputs:
    project: Project
    problems: ProblemList
    loaded: LoadedListing | None = None
    manifest: Manifest | None = None
    manifest_file: str = ""
    plans: list[ImagePlan] = field(default_factory=list)
    index_text: str | None = None

    @property
    def index_path(self) -> Path:
        return paths.description_dir(self.project) / paths.INDEX_NAME

    @property
    def index_file(self) -> str:
        return paths.display(self.project, self.index_path)

    @property
    def rules(self) -> StoreRules:
        return self.loaded.listing.store_rules if self.loaded else StoreRules()

    @property
    def handwritten(self) -> bool:
        return self.index_text is not None and html_digest(self.index_text) is None


def _read_inputs(project: Project, listing_required: bool) -> _Inputs:
    inputs = _Inputs(project, ProblemList())
    name = project.config.listing
    if name is not None and not project.path(name).is_file():
        add = inputs.problems.error if listing_required else inputs.problems.warning
        add(
            name,
            "file not found, so there is no store listing to build or check.",
            fix="Create it (the example project's listing.yml shows every key), or set "
            "'listing: null' in onboardkit.yml.",
        )
    else:
        inputs.loaded = read_listing(project, inputs.problems)
    _read_manifest(inputs)
    if inputs.loaded is not None:
        inputs.plans = plan_images(project, inputs.loaded, inputs.problems)
    inputs.problems.extend(check_handmade_images(project, inputs.loaded, inputs.plans))
    if inputs.index_path.is_file():
        _read_index(inputs)
    return inputs


def _read_index(inputs: _Inputs) -> None:
    data = inputs.index_path.read_bytes()
    try:
        inputs.index_text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        inputs.problems.error(
            inputs.index_file,
            f"the file is not UTF-8 ({error.reason} at byte {error.start}); Odoo has deprecated "
            "other encodings since 17.0.",
            fix="Save it as UTF-8.",
        )
        inputs.index_text = data.decode("utf-8", errors="replace")
    if inputs.handwritten:
        inputs.problems.extend(_html_problems(inputs, inputs.index_text))


def _read_manifest(inputs: _Inputs) -> None:
    project = inputs.project
    addon_dir = project.addon_dir
    inputs.manifest_file = paths.display(project, addon_dir / "__manifest__.py")
    try:
        inputs.manifest = read_manifest(addon_dir)
    except ValidationFailed as error:
        inputs.problems.extend(
            dataclasses.replace(problem, file=paths.display(project, Path(problem.file)))
            for problem in error.problems
        )
        return
    inputs.problems.extend(
        check_manifest(
            inputs.manifest, inputs.manifest_file, project.config.addon.series, inputs.rules
        )
    )


def _html_problems(inputs: _Inputs, text: str) -> list[Problem]:
    folder = paths.description_dir(inputs.project)
    return check_index_html(text, inputs.index_file, folder, inputs.rules)


def check_listing(project: Project) -> list[Problem]:
    """Return every problem of the store listing, for ``onboardkit check``; write nothing."""
    inputs = _read_inputs(project, listing_required=False)
    problems = inputs.problems
    loaded = inputs.loaded
    if loaded is None:
        if inputs.index_text is not None and not inputs.handwritten:
            problems.extend(_html_problems(inputs, inputs.index_text))
        return problems.problems
    if inputs.manifest is not None:
        changes = manifest_changes(loaded, inputs.manifest)
        problems.extend(
            change_problems(changes, inputs.manifest, inputs.manifest_file, loaded.file)
        )
    problems.extend(check_generated_images(project, loaded, inputs.plans))
    _check_generated_index(inputs)
    return problems.problems


def _check_generated_index(inputs: _Inputs) -> None:
    problems = inputs.problems
    if inputs.index_text is None:
        problems.error(inputs.index_file, "the file is missing.", fix="Run `onboardkit listing`.")
        return
    if inputs.handwritten or inputs.loaded is None:
        return
    problems.extend(_html_problems(inputs, inputs.index_text))
    screenshots = [plan for plan in inputs.plans if plan.kind == "screenshot"]
    if len(screenshots) < len(inputs.loaded.listing.screenshots):
        return  # a missing screenshot is reported already; the expected file is unknown
    sizes = _screenshot_sizes(inputs.plans)
    if html_digest(inputs.index_text) != html_source_digest(inputs.loaded, sizes):
        problems.warning(
            inputs.index_file,
            f"out of date: {inputs.loaded.file} or the screenshots changed since it was generated.",
            fix="Run `onboardkit listing` to regenerate it.",
        )
    elif inputs.index_text != render_index_html(inputs.loaded, sizes):
        problems.warning(
            inputs.index_file,
            "the file was edited, but it still carries the generated marker, so the next "
            "`onboardkit listing` overwrites the edits.",
            fix=f"Move the edits into {inputs.loaded.file}, or delete the marker comment to "
            "maintain the file by hand.",
        )


def _screenshot_sizes(plans: list[ImagePlan]) -> dict[str, tuple[int, int]]:
    return {Path(plan.name).stem: plan.size for plan in plans if plan.kind == "screenshot"}


def build_listing(project: Project, options: ListingOptions | None = None) -> ListingReport:
    """Write the listing assets: images, index.html, manifest keys (with ``fix``), preview.

    Raises:
        ValidationFailed: an input is invalid; nothing was written.
    """
    options = options or ListingOptions()
    if project.config.listing is None:
        raise ValidationFailed(
            [
                Problem(
                    project.config_path.name,
                    "the store listing is turned off ('listing: null'), so there is nothing to "
                    "build.",
                    line=project.lines.line_of(("listing",)),
                    field="listing",
                    fix="Set 'listing' to the listing file, for example 'listing: listing.yml'.",
                )
            ]
        )
    inputs = _read_inputs(project, listing_required=True)
    problems = inputs.problems
    if options.fix:
        # Keys that --fix rewrites from the listing content may be wrong now.
        problems.problems = [
            problem
            for problem in problems.problems
            if not (problem.file == inputs.manifest_file and problem.field in LISTING_KEYS)
        ]
    problems.raise_if_errors()
    assert inputs.loaded is not None and inputs.manifest is not None
    report = ListingReport(manifest_file=inputs.manifest_file, warnings=list(problems.warnings))
    _write_images(inputs, report)
    text = _write_index(inputs, report)
    _update_manifest(inputs, report, options.fix)
    if options.preview:
        _write_preview(inputs, text, report, options.screenshot)
    for warning in report.warnings:
        log.warning("%s", warning)
    return report


def _write_images(inputs: _Inputs, report: ListingReport) -> None:
    project = inputs.project
    assert inputs.loaded is not None
    for plan in inputs.plans:
        status = write_image(plan, inputs.loaded)
        display_path = paths.display(project, plan.target)
        {"written": report.written, "unchanged": report.unchanged, "kept": report.handmade}[
            status
        ].append(display_path)
    report.removed = [
        paths.display(project, path) for path in prune_screenshots(project, inputs.plans)
    ]


def _write_index(inputs: _Inputs, report: ListingReport) -> str:
    assert inputs.loaded is not None
    if inputs.handwritten:
        assert inputs.index_text is not None
        report.handmade.append(inputs.index_file)
        return inputs.index_text
    text = render_index_html(inputs.loaded, _screenshot_sizes(inputs.plans))
    _verify_generated(inputs, text)
    if text == inputs.index_text:
        report.unchanged.append(inputs.index_file)
    else:
        write_text_atomic(inputs.index_path, text)
        report.written.append(inputs.index_file)
    return text


def _verify_generated(inputs: _Inputs, text: str) -> None:
    """Raise OnboardkitError when the generated HTML would lose content or break a rule."""
    module = inputs.project.addon_dir.name
    lost = lost_content(text, odoo_description(text, module), module)
    broken = [p for p in _html_problems(inputs, text) if p.severity == "error"]
    if lost or broken:
        details = [f"Odoo's sanitizer drops {', '.join(lost)}"] if lost else []
        details += [str(problem) for problem in broken]
        raise OnboardkitError(
            f"the generated {inputs.index_file} would not survive Odoo and the store: "
            + "; ".join(details)
            + ". Check store_rules in the listing file; if they allow PNG images, this is a bug "
            "in onboardkit."
        )


def _update_manifest(inputs: _Inputs, report: ListingReport, fix: bool) -> None:
    assert inputs.loaded is not None and inputs.manifest is not None
    changes = manifest_changes(inputs.loaded, inputs.manifest)
    report.manifest_changes = changes
    if not (fix and changes):
        return
    apply_manifest_changes(inputs.manifest.path, changes)
    report.manifest_fixed = True
    inputs.manifest = read_manifest(inputs.project.addon_dir)
    series = inputs.project.config.addon.series
    found = check_manifest(inputs.manifest, inputs.manifest_file, series, inputs.rules)
    report.warnings = [w for w in report.warnings if w.file != inputs.manifest_file] + found
    log.info("wrote %s into %s", ", ".join(c.key for c in changes), inputs.manifest_file)


def _write_preview(inputs: _Inputs, text: str, report: ListingReport, screenshot: bool) -> None:
    from onboardkit.listing.preview import page_from_manifest, screenshot_preview, write_preview

    assert inputs.loaded is not None and inputs.manifest is not None
    project = inputs.project
    module = project.addon_dir.name
    fragment = store_view(odoo_description(text, module), inputs.rules)
    page = page_from_manifest(module, inputs.manifest.values, inputs.loaded.series)
    output_dir = project.root / paths.PREVIEW_DIR
    report.preview_html = write_preview(page, fragment, project.addon_dir, output_dir)
    if screenshot:
        browser = project.config.capture.browser
        report.preview_png = screenshot_preview(
            report.preview_html, output_dir / "preview.png", browser
        )
