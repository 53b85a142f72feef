"""The project file ``onboardkit.yml``: one section per area, validated before any work."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from onboardkit.errors import Problem, ProblemList
from onboardkit.yamlfile import LineMap, load_yaml, validate_as

CONFIG_NAME = "onboardkit.yml"
SERIES_PATTERN = re.compile(r"^\d{2}\.0$")
SECRET_KEY_PATTERN = re.compile(r"(pass(word|wd)?|secret|token|api[_-]?key|credential)", re.I)


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ProjectSection(Section):
    """Names and folders of the docs project, relative to the folder of ``onboardkit.yml``."""

    name: str = Field(description="Product name shown on the site, the PDFs and the cover.")
    docs_dir: str = Field("docs", description="Free-form Markdown pages (`page.md`, `page.ar.md`).")
    onboarding_dir: str = Field("onboarding", description="Structured guides (`*.yml`).")
    translations_dir: str = Field(
        "translations", description="Gettext catalogs of the guides, one `<lang>.po` per language."
    )
    site_dir: str = Field("site", description="Where `onboardkit build` writes the site.")
    mkdocs_config: str = Field("mkdocs.yml", description="The MkDocs configuration file.")


class AddonSection(Section):
    """The Odoo addon being documented."""

    path: str = Field(description="Folder of the addon (the one holding `__manifest__.py`).")
    series: str = Field(description="Odoo series of this branch, such as '18.0'.")
    compatible_series: list[str] = Field(
        default_factory=list, description="Every Odoo series the module supports."
    )

    @field_validator("series")
    @classmethod
    def _series_form(cls, value: str) -> str:
        if not SERIES_PATTERN.match(value):
            raise ValueError(f"'{value}' is not an Odoo series; write it like '18.0' (quoted)")
        return value

    @field_validator("compatible_series")
    @classmethod
    def _each_series(cls, values: list[str]) -> list[str]:
        for value in values:
            cls._series_form(value)
        return values


class LanguageEntry(Section):
    """A language of the docs; the first one listed is the source language."""

    code: str = Field(description="Docs language code, used in URLs: 'en', 'ar'.")
    odoo: str = Field(description="Odoo's code for the language: 'en_US', 'ar_001'.")
    name: str = Field(description="Name shown in the language switcher, in that language.")

    @field_validator("code")
    @classmethod
    def _code_form(cls, value: str) -> str:
        if not re.fullmatch(r"[a-z]{2,3}(_[A-Z]{2})?", value):
            raise ValueError(f"'{value}' is not a language code such as 'en' or 'pt_BR'")
        return value

    @property
    def rtl(self) -> bool:
        return self.code.split("_")[0] in {"ar", "he", "fa", "ur"}


class OdooSection(Section):
    """The Odoo server that screenshots are captured from. Credentials are never stored here."""

    url: str = Field("http://127.0.0.1:8069", description="Base URL of the Odoo server.")
    database: str | None = Field(None, description="Database name, when the server hosts several.")
    login_env: str = Field(
        "ONBOARDKIT_ODOO_LOGIN", description="Environment variable holding the Odoo login."
    )
    password_env: str = Field(
        "ONBOARDKIT_ODOO_PASSWORD", description="Environment variable holding the password."
    )
    keyring_service: str = Field(
        "onboardkit", description="System keyring service to try when the variable is not set."
    )

    @field_validator("url")
    @classmethod
    def _url_form(cls, value: str) -> str:
        if not re.match(r"^https?://[^/\s]+", value):
            raise ValueError(f"'{value}' is not an http(s) URL")
        if re.match(r"^https?://[^/@]*:[^/@]*@", value):
            raise ValueError("the URL contains a password; move it to the password variable")
        return value.rstrip("/")


class VendorSection(Section):
    """Who publishes the connector."""

    name: str = Field(description="Vendor name, shown on PDF covers and in metadata.")
    website: str | None = Field(None, description="Vendor website.")
    email: str | None = Field(None, description="Address for remarks on the docs and translations.")
    logo: str | None = Field(None, description="Path to the logo (SVG or PNG) for covers.")


class CaptureSection(Section):
    """Screenshot capture settings."""

    shots: str = Field("screenshots/shots.yml", description="The shot list.")
    output_dir: str = Field("screenshots", description="Where images are written, per language.")
    parallel: int = Field(
        4, ge=1, le=16, description="Shots captured at once, each in a browser context of its own."
    )
    browser: str | None = Field(
        None, description="Chromium executable; default: $ONBOARDKIT_CHROMIUM, then auto-detect."
    )
    timeout: float = Field(15.0, gt=0, description="Seconds to wait for a page or selector.")
    login_method: Literal["rpc", "form"] = Field(
        "rpc", description="Log in through /web/session/authenticate (rpc) or the login form."
    )
    timezone: str = Field("UTC", description="IANA time zone of the browser during capture.")
    clock: datetime | None = Field(
        None,
        description="Date and time the browser clock is frozen at (ISO 8601); default: the "
        "start of the run. Set it for identical pixels from run to run.",
    )
    retries: int = Field(2, ge=0, le=5, description="Retries of a navigation that failed.")

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise ValueError(f"'{value}' is not an IANA time zone such as 'Asia/Riyadh'") from error
        return value


class PdfSection(Section):
    """PDF guide settings."""

    paper: Literal["A4", "Letter"] = Field("A4", description="Paper size of the PDFs.")
    output_dir: str = Field("dist/pdf", description="Where PDFs are written.")


class ResponseTime(Section):
    """A row of the support page's response-time table."""

    severity: str = Field(description="Severity name, such as 'Critical'.")
    description: str = Field(description="When a ticket has this severity.")
    first_response: str = Field(description="Promised time to the first answer.")
    resolution_target: str = Field(description="Target time to a fix or workaround.")


class EscalationStep(Section):
    """A level of the escalation path."""

    level: str = Field(description="Level number or name.")
    who: str = Field(description="Role that handles tickets at this level.")
    when: str = Field(description="What moves a ticket to this level.")
    contact: str = Field(description="E-mail address or other contact.")


class SupportSection(Section):
    """The support promise shown on the support page and in the listing."""

    email: str = Field(description="Support e-mail address.")
    hours: str = Field(description="Support hours with their time zone.")
    channels: list[str] = Field(default_factory=list, description="Ways to reach support.")
    response_times: list[ResponseTime] = Field(
        default_factory=list, description="Response times per severity (the SLA)."
    )
    escalation: list[EscalationStep] = Field(
        default_factory=list, description="Who takes over when a ticket is not solved in time."
    )

    @field_validator("email")
    @classmethod
    def _email_form(cls, value: str) -> str:
        if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}", value):
            raise ValueError(f"'{value}' is not an e-mail address")
        return value


class SeriesSupport(Section):
    """Support status of the module on one Odoo series."""

    series: str = Field(description="Odoo series, such as '17.0'.")
    status: Literal["supported", "security-fixes", "end-of-life", "planned"] = Field(
        description="Support status, shown translated on the releases page."
    )
    module_version: str | None = Field(None, description="Latest module version on it.")
    until: str | None = Field(None, description="End of support, as a date or event.")
    notes: str | None = Field(None, description="One sentence for customers on this series.")

    @field_validator("until", mode="before")
    @classmethod
    def _date_as_text(cls, value: object) -> object:
        # YAML reads an unquoted 2027-03-31 as a date.
        return value.isoformat() if isinstance(value, date) else value


class ReleasesSection(Section):
    """Release cadence and compatibility per Odoo series."""

    cadence: str = Field(description="How often releases come out.")
    changelog: str | None = Field(None, description="Markdown file with the change log.")
    series: list[SeriesSupport] = Field(
        default_factory=list, description="Compatibility and support per Odoo series."
    )


class TranslationSection(Section):
    """Translation coverage rules."""

    min_coverage: float = Field(
        0.0,
        ge=0,
        le=100,
        description="Under --strict, fail when a language's coverage (%) is lower.",
    )
    exclude: list[str] = Field(
        default_factory=list,
        description="Glob patterns of docs pages (relative to docs_dir) left out of coverage, "
        "such as pages meant for one language only.",
    )


class ProjectConfig(Section):
    """The whole of ``onboardkit.yml``."""

    project: ProjectSection
    addon: AddonSection
    languages: list[LanguageEntry] = Field(min_length=1)
    odoo: OdooSection = OdooSection()
    vendor: VendorSection
    capture: CaptureSection = CaptureSection()
    pdf: PdfSection = PdfSection()
    support: SupportSection | None = None
    releases: ReleasesSection | None = None
    translation: TranslationSection = TranslationSection()
    listing: str | None = Field("listing.yml", description="The store listing content file.")

    @model_validator(mode="after")
    def _unique_languages(self) -> ProjectConfig:
        codes = [language.code for language in self.languages]
        if len(set(codes)) != len(codes):
            raise ValueError(f"languages are listed twice: {codes}")
        return self

    @property
    def source_language(self) -> LanguageEntry:
        return self.languages[0]

    def language(self, code: str) -> LanguageEntry:
        for entry in self.languages:
            if entry.code == code:
                return entry
        raise KeyError(code)


class Project:
    """A loaded docs project: its root folder, file name and validated configuration."""

    def __init__(self, root: Path, config: ProjectConfig, config_path: Path, lines: LineMap):
        self.root = root
        self.config = config
        self.config_path = config_path
        self.lines = lines

    def path(self, relative: str) -> Path:
        return (self.root / relative).resolve()

    @property
    def addon_dir(self) -> Path:
        return self.path(self.config.addon.path)


def find_secrets(data: Any, lines: LineMap, file: str, path: tuple = ()) -> list[Problem]:
    """Report values under keys that look like credentials: they belong in the environment."""
    problems = []
    if isinstance(data, dict):
        for key, value in data.items():
            here = path + (key,)
            if isinstance(key, str) and not key.endswith("_env") and SECRET_KEY_PATTERN.search(key):
                if isinstance(value, str | int) and str(value).strip():
                    problems.append(
                        Problem(
                            file,
                            "a credential is written in the project file; it would end up in the "
                            "repository.",
                            line=lines.line_of(here),
                            field=".".join(map(str, here)),
                            fix="Delete it and set it in the environment variable named by "
                            "odoo.password_env, or in the system keyring.",
                        )
                    )
            problems += find_secrets(value, lines, file, here)
    elif isinstance(data, list):
        for index, item in enumerate(data):
            problems += find_secrets(item, lines, file, path + (index,))
    return problems


def load_project(root: str | Path = ".", config_name: str = CONFIG_NAME) -> Project:
    """Load and validate ``onboardkit.yml`` in ``root``.

    Raises:
        ValidationFailed: with every problem of the file, each naming its line and field.
    """
    root = Path(root).resolve()
    config_path = root / config_name
    problems = ProblemList()
    document, parse_problems = load_yaml(config_path, display_name=config_name)
    problems.extend(parse_problems)
    if document.data is not None and not isinstance(document.data, dict):
        problems.error(config_name, "the file must be a mapping of sections.", line=1)
    if document.data is None or problems.errors:
        if document.data is None and not parse_problems:
            problems.error(config_name, "the file is empty.", fix="Start from `onboardkit init`.")
        problems.raise_if_errors()
    problems.extend(find_secrets(document.data, document.lines, config_name))
    config, validation = validate_as(ProjectConfig, document.data, config_name, document.lines)
    problems.extend(validation)
    problems.raise_if_errors()
    assert config is not None
    project = Project(root, config, config_path, document.lines)
    _check_paths(project, problems)
    problems.raise_if_errors()
    return project


def _check_paths(project: Project, problems: ProblemList) -> None:
    addon = project.addon_dir
    if not (addon / "__manifest__.py").is_file():
        problems.error(
            CONFIG_NAME,
            f"no __manifest__.py in '{project.config.addon.path}'.",
            line=project.lines.line_of(("addon", "path")),
            field="addon.path",
            fix="Point it at the addon's folder, relative to onboardkit.yml.",
        )
