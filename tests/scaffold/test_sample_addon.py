"""Scaffold the sample addon (reStructuredText fragments, settings, Arabic catalog) and build it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po
from click.testing import CliRunner
from conftest import ADDONS

from onboardkit.cli import main
from onboardkit.config import load_project
from onboardkit.scaffold import ScaffoldOptions, ScaffoldReport, scaffold_project
from onboardkit.site.build import build_site
from onboardkit.site.prepare import prepare_site

UNTRANSLATED_PAGE = "هذه الصفحة لم تُترجم بعد"


@pytest.fixture(scope="module")
def scaffolded(tmp_path_factory: pytest.TempPathFactory) -> tuple[ScaffoldReport, Path]:
    root = tmp_path_factory.mktemp("sample")
    addon = root / "sample_connector"
    shutil.copytree(ADDONS / "sample_connector", addon)
    report = scaffold_project(addon)
    project = load_project(report.output_dir)
    prepare_site(project)
    return report, build_site(project, strict=True)


@pytest.fixture(scope="module")
def output(scaffolded: tuple[ScaffoldReport, Path]) -> Path:
    return scaffolded[0].output_dir


def guide(output: Path, slug: str) -> dict:
    return yaml.safe_load((output / "onboarding" / f"{slug}.yml").read_text(encoding="utf-8"))


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_default_output_beside_addon(output: Path) -> None:
    assert output.name == "sample_connector-docs"
    assert (output.parent / "sample_connector").is_dir()


def test_files_written(scaffolded: tuple[ScaffoldReport, Path]) -> None:
    report, _site = scaffolded
    assert sorted(p.relative_to(report.output_dir).as_posix() for p in report.written) == [
        ".gitignore",
        "docs/changelog.md",
        "docs/index.ar.md",
        "docs/index.md",
        "mkdocs.yml",
        "onboarding/configuration.yml",
        "onboarding/installation.yml",
        "onboarding/screens.yml",
        "onboarding/usage.yml",
        "onboardkit.yml",
        "translations/ar.po",
        "translations/guides.pot",
    ]
    assert report.notes == ["readme/USAGE.rst: image '../static/description/parcel.png' left out"]


def test_project_file(output: Path) -> None:
    config = load_project(output).config
    assert config.project.name == "Sample Connector"
    assert config.addon.path == "../sample_connector"
    assert config.addon.series == "17.0"
    assert [(entry.code, entry.odoo) for entry in config.languages] == [
        ("en", "en_US"),
        ("ar", "ar_001"),
    ]
    assert config.vendor.name == "Sample Labs"
    assert config.vendor.email == "help@example.com"
    assert config.support is None


def test_guides_and_sources(scaffolded: tuple[ScaffoldReport, Path]) -> None:
    report, _site = scaffolded
    assert [(g.slug, g.kind, g.source, g.steps) for g in report.guides] == [
        ("installation", "installation", "the manifest", 4),
        ("configuration", "configuration", "the settings fields and menus", 1),
        ("usage", "workflow", "readme/USAGE", 3),
        ("screens", "workflow", "the menus and form views", 1),
    ]


def test_installation_guide(output: Path) -> None:
    data = guide(output, "installation")
    assert data["prerequisites"] == [
        "An Odoo 17.0 database where you are an administrator.",
        "The Odoo modules it depends on (`base_setup`, `stock`); Odoo installs them with it.",
        "The Python packages `zeep` on the Odoo server.",
    ]
    assert [step["id"] for step in data["steps"]] == [
        "add-module",
        "install-python-packages",
        "update-apps-list",
        "install-module",
    ]
    assert data["steps"][1]["code"] == "pip install zeep"
    assert "*Activate*" in data["steps"][3]["text"]
    assert data["steps"][3]["result"] == (
        "Apps shows Sample Connector as installed. The "
        "[[menu:sample_connector.menu_sample_root]] menu is in the main menu."
    )


def test_settings_table_from_both_view_styles(output: Path) -> None:
    data = guide(output, "configuration")
    assert data["settings"] == [
        {
            "setting": "[[field:res.config.settings/sample_environment]]",
            "meaning": "Choose where parcels go.",
            "default": "[[selection:res.config.settings/sample_environment/test]]",
            "location": "Settings › Sample Carrier › Connection",
        },
        {
            "setting": "[[field:res.config.settings/sample_api_url]]",
            "meaning": "Address of the carrier's web service.",
            "default": "`https://api.example.com`",
            "location": "Settings › Sample Carrier › Connection",
        },
        {
            "setting": "[[field:res.config.settings/sample_test_mode]]",
            "meaning": "Send parcels to the carrier's test system.",
            "default": "Checked",
            "location": "Settings › Inventory",
        },
    ]
    assert [step["id"] for step in data["steps"]] == ["open-settings"]


def test_usage_steps_from_rst(output: Path) -> None:
    steps = guide(output, "usage")["steps"]
    assert [step["title"] for step in steps] == [
        "Open [[menu:sample_connector.menu_sample_parcels]] and create a parcel",
        "Book the parcel",
        "Print the label; see [the carrier site](https://carrier.example.com/labels)",
    ]
    assert steps[1]["text"] == "```bash\nsample-cli book --parcel 42\n```"
    assert steps[2]["text"] == "*(Image not included: parcel.png.)*"


def test_screens_list_form_fields(output: Path) -> None:
    steps = guide(output, "screens")["steps"]
    assert steps == [
        {
            "id": "parcels",
            "title": "[[menu:sample_connector.menu_sample_parcels]]",
            "text": "- [[field:sample.parcel/name]]\n"
            "- [[field:sample.parcel/weight]]\n"
            "- [[field:sample.parcel/line_ids]]\n"
            "    - [[field:sample.parcel.line/product]]\n"
            "    - [[field:sample.parcel.line/quantity]]",
        }
    ]


def test_catalog_prefilled_from_addon(output: Path) -> None:
    with (output / "translations" / "ar.po").open("rb") as handle:
        catalog = read_po(handle)
    translated = {m.context: m.string for m in catalog if m.id and m.string}
    assert translated == {
        "configuration:settings.1.meaning": "عنوان خدمة الويب لدى شركة الشحن.",
        "usage:steps.book-the-parcel.title": "احجز الطرد",
    }
    untranslated = [m.context for m in catalog if m.id and not m.string]
    assert "installation:title" in untranslated
    assert len(untranslated) == 37


def test_arabic_pages_use_addon_translations(scaffolded: tuple[ScaffoldReport, Path]) -> None:
    _report, site = scaffolded
    configuration = page(site, "ar/onboarding/configuration")
    assert "عنوان خدمة الويب لدى شركة الشحن." in configuration
    assert "عنوان شركة الشحن" in configuration
    usage = page(site, "ar/onboarding/usage")
    assert "احجز الطرد" in usage
    assert "الطرود" in usage
    assert 'class="ok-fallback"' in usage
    assert "الوزن (كغ)" in page(site, "ar/onboarding/screens")


def test_arabic_home_page(scaffolded: tuple[ScaffoldReport, Path]) -> None:
    _report, site = scaffolded
    arabic = page(site, "ar")
    assert "الموصل التجريبي" in arabic
    assert "يحجز الموصل الطرود لدى شركة الشحن التجريبية ويطبع ملصقاتها." in arabic
    assert UNTRANSLATED_PAGE not in arabic
    assert '<body dir="rtl"' in arabic


def test_english_pages(scaffolded: tuple[ScaffoldReport, Path]) -> None:
    _report, site = scaffolded
    home = page(site, "")
    assert "Send parcels to the sample carrier." in home
    assert 'href="onboarding/installation/"' in home
    assert "Book parcels in the test system." in page(site, "changelog")
    configuration = page(site, "onboarding/configuration")
    assert "Address of the carrier's web service." in configuration
    assert "Settings › Sample Carrier › Connection" in configuration


def test_changelog_untranslated_marked(scaffolded: tuple[ScaffoldReport, Path]) -> None:
    _report, site = scaffolded
    assert UNTRANSLATED_PAGE in page(site, "ar/changelog")


def test_force_keeps_other_files(sample: Path, tmp_path: Path) -> None:
    output = tmp_path / "docs-project"
    output.mkdir()
    (output / "notes.txt").write_text("mine\n", encoding="utf-8")
    (output / "mkdocs.yml").write_text("site_name: old\n", encoding="utf-8")
    report = scaffold_project(sample, output, ScaffoldOptions(force=True))
    assert (output / "notes.txt").read_text(encoding="utf-8") == "mine\n"
    assert 'site_name: "Sample Connector"' in (output / "mkdocs.yml").read_text(encoding="utf-8")
    assert output / "notes.txt" not in report.written


def test_series_option(sample: Path, tmp_path: Path) -> None:
    report = scaffold_project(sample, tmp_path / "out", ScaffoldOptions(series="18.0"))
    assert report.series == "18.0"
    assert load_project(tmp_path / "out").config.addon.series == "18.0"


def test_markdown_fragment_images(sample: Path, tmp_path: Path) -> None:
    for path in (sample / "readme").glob("*.rst"):
        path.unlink()
    (sample / "readme" / "USAGE.md").write_text(
        "1. Open the parcels:\n\n"
        "![](/OCA/repo/17.0/sample_connector/static/description/parcel.png)\n\n"
        "2. Compare with ![remote](https://example.com/remote.png)\n",
        encoding="utf-8",
    )
    report = scaffold_project(sample, tmp_path / "out")
    steps = guide(tmp_path / "out", "usage")["steps"]
    assert steps[0]["text"] == "![parcel](../images/parcel.png)"
    assert steps[1]["title"] == "Compare with *(Image not included: remote.png.)*"
    assert (tmp_path / "out" / "docs" / "images" / "parcel.png").is_file()
    assert report.notes == [
        "image 'https://example.com/remote.png' is not in the addon and was left out"
    ]


def test_cli_init(sample: Path, tmp_path: Path) -> None:
    output = tmp_path / "cli-docs"
    runner = CliRunner()
    result = runner.invoke(main, ["init", "--from-addon", str(sample), "--output", str(output)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{output}\n"
    assert (output / "onboardkit.yml").is_file()
    again = runner.invoke(main, ["init", "--from-addon", str(sample), "--output", str(output)])
    assert again.exit_code == 1
    assert again.stderr.startswith(
        f"Error: 1 problem found:\n  {output}: the output folder is not empty."
    )


def test_regional_catalog_wins(sample: Path, tmp_path: Path) -> None:
    (sample / "i18n" / "ar_001.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Book the parcel"\nmsgstr "احجز الطرد الآن"\n',
        encoding="utf-8",
    )
    report = scaffold_project(sample, tmp_path / "out")
    with report.catalogs[0].path.open("rb") as handle:
        catalog = read_po(handle)
    assert catalog.get("Book the parcel", "usage:steps.book-the-parcel.title").string == (
        "احجز الطرد الآن"
    )
