"""Scaffold real OCA addons (17.0 wheels from PyPI), build each site once in both languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po

from onboardkit.config import load_project
from onboardkit.scaffold import ScaffoldReport, scaffold_project
from onboardkit.scaffold.markdown import parse_blocks
from onboardkit.site.build import build_site
from onboardkit.site.prepare import prepare_site

pytestmark = pytest.mark.network


def scaffold_and_build(addons: Path, name: str, root: Path) -> tuple[ScaffoldReport, Path]:
    report = scaffold_project(addons / name, root / f"{name}-docs")
    project = load_project(report.output_dir)
    prepare_site(project)
    return report, build_site(project, strict=True)


def guide(report: ScaffoldReport, slug: str) -> dict:
    path = report.output_dir / "onboarding" / f"{slug}.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def arabic_of(addon: Path, english: str) -> str:
    """Return the wheel's own Arabic translation of ``english``."""
    with (addon / "i18n" / "ar.po").open("rb") as handle:
        message = read_po(handle).get(english)
    assert message is not None and message.string, english
    return str(message.string)


def headings(markdown: str, level: int) -> list[str]:
    return [b.text for b in parse_blocks(markdown) if b.kind == "heading" and b.level == level]


def fragment(addon: Path, name: str) -> str:
    return (addon / "readme" / f"{name}.md").read_text(encoding="utf-8")


def assert_bilingual(site: Path, slugs: list[str]) -> None:
    for slug in slugs:
        english = page(site, f"onboarding/{slug}")
        arabic = page(site, f"ar/onboarding/{slug}")
        assert '<html lang="en"' in english, slug
        assert '<html lang="ar"' in arabic, slug
        assert '<body dir="rtl"' in arabic, slug


# queue_job: every fragment kind, no Arabic catalog -------------------------------------


@pytest.fixture(scope="module")
def queue_job(oca_addons: Path, tmp_path_factory: pytest.TempPathFactory):
    return scaffold_and_build(oca_addons, "queue_job", tmp_path_factory.mktemp("queue_job"))


def test_queue_job_guides(queue_job) -> None:
    report, site = queue_job
    assert [(g.slug, g.kind) for g in report.guides] == [
        ("installation", "installation"),
        ("configuration", "configuration"),
        ("usage", "workflow"),
        ("screens", "workflow"),
    ]
    assert_bilingual(site, ["installation", "configuration", "usage", "screens"])


def test_queue_job_usage_follows_headings(queue_job, oca_addons: Path) -> None:
    report, _site = queue_job
    steps = guide(report, "usage")["steps"]
    expected = headings(fragment(oca_addons / "queue_job", "USAGE"), 3)
    assert [step["title"] for step in steps] == ["Go to `Job Queue` menu", *expected]
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", step["id"]) for step in steps)


def test_queue_job_code_kept(queue_job) -> None:
    _report, site = queue_job
    usage = page(site, "onboarding/usage")
    assert "with_delay" in usage
    assert '<span class="k">def</span>' in usage


def test_queue_job_install_steps(queue_job) -> None:
    report, _site = queue_job
    data = guide(report, "installation")
    assert [step["id"] for step in data["steps"]] == [
        "be-sure-to-have-the-requests",
        "add-module",
        "install-python-packages",
        "update-apps-list",
        "install-module",
    ]
    assert "The Python packages `requests` on the Odoo server." in data["prerequisites"]


def test_queue_job_configure_steps(queue_job) -> None:
    report, site = queue_job
    titles = [step["title"] for step in guide(report, "configuration")["steps"]]
    assert titles[:3] == [
        "Using environment variables and command line",
        "Using the Odoo configuration file",
        "Confirm the runner is starting correctly by checking the odoo log file",
    ]
    configuration = page(site, "onboarding/configuration")
    assert "ODOO_QUEUE_JOB_CHANNELS=root:4" in configuration
    assert 'class="footnote"' in configuration


def test_queue_job_about_pages(queue_job) -> None:
    report, site = queue_job
    assert report.pages == ["index.md", "roadmap.md", "changelog.md", "credits.md"]
    assert "Run jobrunner as a worker process" in page(site, "changelog")
    assert "Why it exists" in page(site, "")


def test_queue_job_arabic_falls_back_marked(queue_job) -> None:
    report, site = queue_job
    assert [(c.prefilled, c.total > 40) for c in report.catalogs] == [(0, True)]
    usage = page(site, "ar/onboarding/usage")
    assert 'class="ok-fallback" lang="en" dir="ltr"' in usage
    assert "الترجمة غير مكتملة" in usage
    assert not (report.output_dir / "docs" / "index.ar.md").exists()


def test_queue_job_menu_labels(queue_job) -> None:
    _report, site = queue_job
    screens = page(site, "onboarding/screens")
    assert "Job Queue › Queue › Jobs" in screens


# currency_rate_update: settings table, a related settings field ---------------------------


@pytest.fixture(scope="module")
def currency(oca_addons: Path, tmp_path_factory: pytest.TempPathFactory):
    return scaffold_and_build(
        oca_addons, "currency_rate_update", tmp_path_factory.mktemp("currency")
    )


def test_currency_settings_table(currency) -> None:
    report, site = currency
    data = guide(report, "configuration")
    assert data["settings"] == [
        {
            "setting": "[[field:res.config.settings/currency_rates_autoupdate]]",
            "meaning": "Enable automatic currency rates updates in this company.",
            "default": "Checked",
            "location": "Settings › Invoicing",
        }
    ]
    english = page(site, "onboarding/configuration")
    assert "Automatic Currency Rates (OCA)" in english


def test_currency_steps_follow_lead_lines(currency, oca_addons: Path) -> None:
    report, _site = currency
    steps = guide(report, "configuration")["steps"]
    leads = [
        b.text.rstrip(":").removeprefix("To ")
        for b in parse_blocks(fragment(oca_addons / "currency_rate_update", "CONFIGURE"))
        if b.kind == "paragraph" and b.text.endswith(":")
    ]
    assert [step["title"].lower() for step in steps] == [lead.lower() for lead in leads]
    assert "[[field:res.config.settings/currency_rates_autoupdate]]" in steps[0]["text"]
    assert "[[menu:currency_rate_update.menu_res_currency_rate_provider]]" in steps[1]["text"]


def test_currency_arabic_uses_wheel_catalog(currency, oca_addons: Path) -> None:
    _report, site = currency
    company = arabic_of(oca_addons / "currency_rate_update", "Company")
    assert company in page(site, "ar/onboarding/screens")
    assert company not in page(site, "onboarding/screens")
    assert_bilingual(site, ["installation", "configuration", "usage", "screens"])


# base_user_role: images from the fragments, roles screen --------------------------------


@pytest.fixture(scope="module")
def user_role(oca_addons: Path, tmp_path_factory: pytest.TempPathFactory):
    return scaffold_and_build(oca_addons, "base_user_role", tmp_path_factory.mktemp("role"))


def test_user_role_images_copied(user_role) -> None:
    report, site = user_role
    images = report.output_dir / "docs" / "images"
    assert sorted(path.name for path in images.iterdir()) == [
        "role_groups.png",
        "role_users.png",
        "roles.png",
        "user_form.png",
    ]
    configuration = page(site, "onboarding/configuration")
    assert 'src="../../images/roles.png"' in configuration
    assert (site / "images" / "roles.png").is_file()
    assert report.notes == []


def test_user_role_configure_steps(user_role) -> None:
    report, _site = user_role
    steps = guide(report, "configuration")["steps"]
    titles = [step["title"] for step in steps]
    assert titles[2:5] == ["Roles", "Add groups", "Add users (with dates or not)"]
    assert "[[menu:base_user_role.menu_action_res_users_role_tree]]" in titles[0]
    assert len(guide(report, "usage")["steps"]) == 1


def test_user_role_arabic_uses_wheel_catalog(user_role, oca_addons: Path) -> None:
    _report, site = user_role
    user = arabic_of(oca_addons / "base_user_role", "User")
    assert user in page(site, "ar/onboarding/screens")
    assert_bilingual(site, ["installation", "configuration", "usage", "screens"])


def test_user_role_credits(user_role) -> None:
    _report, site = user_role
    credits = page(site, "credits")
    assert "Contributors" in credits
    assert "Sébastien Alix" in credits
