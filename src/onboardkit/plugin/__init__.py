"""The MkDocs plugin: feeds onboardkit's generated pages and assets into a MkDocs build.

All logic lives in the library (``onboardkit.site``); this module only connects it to MkDocs
events, so the core does not depend on MkDocs internals.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from onboardkit.config import Project, load_project
from onboardkit.content.strings import ui_text
from onboardkit.errors import OnboardkitError, ValidationFailed
from onboardkit.site.prepare import GENERATED_FOLDER, PreparedSite, prepare_site
from onboardkit.site.search_index import repair_search_index

log = get_plugin_logger(__name__)

ASSETS = Path(__file__).resolve().parent.parent / "assets"
ASSET_PREFIX = "assets/onboardkit"
SEARCH_WORKER = "assets/javascripts/workers/onboardkit-search.js"
REQUIRED_EXTENSIONS = ("admonition", "attr_list", "md_in_html", "tables", "pymdownx.superfences")
_MATERIAL_WORKER = re.compile(r'"search":\s*"([^"]*?)workers/(search\.[0-9a-f]+\.min\.js)"')


class OnboardkitPluginConfig(Config):
    config_file = c.Type(str, default="onboardkit.yml")
    """The onboardkit project file, relative to mkdocs.yml."""

    search_language_first = c.Type(bool, default=True)
    """List search results in the reader's language before the other languages."""


class OnboardkitPlugin(BasePlugin[OnboardkitPluginConfig]):
    """Generate guide pages before MkDocs reads the docs folder, and add onboardkit's assets."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.project: Project | None = None
        self.prepared: PreparedSite | None = None

    @event_priority(50)  # before mkdocs-static-i18n (-100), which reads the files we write
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.prepared is not None and _inside_language_build(config):
            return self._add_assets_to_config(config)
        root = Path(config.config_file_path).resolve().parent
        try:
            self.project = load_project(root, self.config.config_file)
            self.prepared = prepare_site(self.project)
        except ValidationFailed as error:
            raise PluginError(str(error)) from error
        except OnboardkitError as error:
            raise PluginError(f"onboardkit: {error}") from error
        for problem in self.prepared.problems.warnings:
            log.warning(str(problem))
        self._check_mkdocs_config(config)
        self._log_coverage()
        return self._add_assets_to_config(config)

    def _add_assets_to_config(self, config: MkDocsConfig) -> MkDocsConfig:
        stylesheet = f"{ASSET_PREFIX}/onboardkit.css"
        if stylesheet not in config.extra_css:
            config.extra_css.append(stylesheet)
        return config

    def _check_mkdocs_config(self, config: MkDocsConfig) -> None:
        missing = [name for name in REQUIRED_EXTENSIONS if name not in config.markdown_extensions]
        if missing:
            raise PluginError(
                "onboardkit: mkdocs.yml: markdown_extensions is missing "
                + ", ".join(missing)
                + ". Generated pages use them; add them to markdown_extensions."
            )
        font = config.theme.get("font")
        if font is not False:
            log.warning(
                "mkdocs.yml: theme.font loads fonts from Google's servers on every page view. "
                "Set 'font: false' under theme; onboardkit serves Latin and Arabic fonts locally."
            )

    def _log_coverage(self) -> None:
        assert self.prepared is not None
        totals: dict[str, list[int]] = {}
        for row in self.prepared.coverage:
            done, total = totals.setdefault(row.language, [0, 0])
            totals[row.language] = [done + row.translated, total + row.total]
        minimum = self.project.config.translation.min_coverage if self.project else 0
        for language, (done, total) in totals.items():
            percent = 100.0 if total == 0 else 100.0 * done / total
            log.info(
                "Translation coverage '%s': %.0f %% (%d of %d texts)",
                language,
                percent,
                done,
                total,
            )
            if percent < minimum:
                log.warning(
                    "Translation coverage of '%s' is %.0f %%, under translation.min_coverage "
                    "(%.0f %%). Translate the entries of translations/%s.po.",
                    language,
                    percent,
                    minimum,
                    language,
                )

    @event_priority(50)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for path in sorted(ASSETS.rglob("*")):
            if path.is_file() and path.name != "onboardkit-search.js":
                relative = path.relative_to(ASSETS).as_posix()
                files.append(_asset_file(path, f"{ASSET_PREFIX}/{relative}", config))
        worker = ASSETS / "onboardkit-search.js"
        files.append(_asset_file(worker, SEARCH_WORKER, config))
        if self.project is not None and self.prepared is not None:
            for path in sorted(set(self.prepared.shots.images.values())):
                if path.is_file():
                    relative = path.relative_to(self.project.root).as_posix()
                    if files.get_file_from_path(relative) is None:
                        files.append(_asset_file(path, relative, config))
            # PDFs built by `onboardkit pdf`; guide pages link only to those that exist.
            if self.prepared.pdfs is not None:
                for path, dest in self.prepared.pdfs.files():
                    if files.get_file_from_path(dest) is None:
                        files.append(_asset_file(path, dest, config))
        return files

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        language = _current_language(config)
        source = self.project.config.source_language.code if self.project else language
        if not language or language == source:
            return markdown
        src = page.file.src_uri
        if src.startswith(GENERATED_FOLDER + "/") or _localized(src, language):
            return markdown
        note = (
            f'!!! info "{ui_text(language, "untranslated_title")}"\n\n'
            f"    {ui_text(language, 'untranslated_page')}\n\n"
        )
        # The title stays first: MkDocs takes the page title from a leading H1 only.
        heading, body = _split_title(markdown)
        fallback = f'<div class="ok-fallback" lang="en" dir="ltr" markdown>\n\n{body}\n\n</div>\n'
        return heading + note + fallback

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        if not self.config.search_language_first:
            return output
        language = _current_language(config) or ""
        others = ",".join(_other_language_prefixes(config))

        def worker_url(match: re.Match[str]) -> str:
            prefix, material = match.group(1), match.group(2)
            query = f"material={material}&lang={language}&prefixes={others}"
            return f'"search": {json.dumps(prefix + "workers/onboardkit-search.js?" + query)}'

        return _MATERIAL_WORKER.sub(worker_url, output, count=1)

    @event_priority(-200)  # after mkdocs-static-i18n (-100) has merged the languages' indexes
    def on_post_build(self, config: MkDocsConfig) -> None:
        if _inside_language_build(config):
            return
        site_dir = Path(config.site_dir)
        added = repair_search_index(site_dir)
        if added:
            log.debug("Search index: restored %d page entries", added)
        # Material's language switcher reads sitemap.xml under the current language's root
        # to check that the target page exists; mkdocs-static-i18n writes it at the top only.
        sitemap = site_dir / "sitemap.xml"
        if sitemap.is_file():
            for prefix in _other_language_prefixes(config):
                if (site_dir / prefix).is_dir():
                    shutil.copyfile(sitemap, site_dir / prefix / "sitemap.xml")

    def on_serve(self, server, config: MkDocsConfig, builder):  # noqa: ANN001 - MkDocs types
        if self.project is None:
            return server
        config_section = self.project.config
        for relative in (
            config_section.project.onboarding_dir,
            config_section.project.translations_dir,
            config_section.capture.output_dir,
            config_section.addon.path,
            config_section.pdf.output_dir,
        ):
            path = self.project.path(relative)
            if path.exists():
                server.watch(str(path))
        server.watch(str(self.project.config_path))
        return server


def _asset_file(path: Path, dest: str, config: MkDocsConfig) -> File:
    return File.generated(config, dest, abs_src_path=str(path))


def _i18n(config: MkDocsConfig):  # noqa: ANN202 - plugin object of another package
    return config.plugins.get("i18n")


def _inside_language_build(config: MkDocsConfig) -> bool:
    plugin = _i18n(config)
    return bool(plugin is not None and getattr(plugin, "building", False))


def _current_language(config: MkDocsConfig) -> str | None:
    plugin = _i18n(config)
    return getattr(plugin, "current_language", None) if plugin is not None else None


def _other_language_prefixes(config: MkDocsConfig) -> list[str]:
    plugin = _i18n(config)
    if plugin is None:
        return []
    default = getattr(plugin, "default_language", None)
    return [code for code in getattr(plugin, "build_languages", []) if code != default]


def _localized(src_uri: str, language: str) -> bool:
    return src_uri.endswith(f".{language}.md")


def _split_title(markdown: str) -> tuple[str, str]:
    """Split a page into its leading H1 line (with a newline) and the rest."""
    lines = markdown.lstrip("\n").split("\n", 1)
    if lines[0].startswith("# "):
        return lines[0] + "\n\n", lines[1] if len(lines) > 1 else ""
    return "", markdown
