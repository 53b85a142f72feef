"""The site links to the PDFs that exist, copies them in, and builds strictly without them."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from click.testing import CliRunner

from onboardkit.cli import main
from onboardkit.config import Project
from onboardkit.site.build import build_site
from onboardkit.site.prepare import prepare_site

PREFIX = "mini_connector-18.0-18.0.1.0.0"


def add_pdfs(project: Project, language: str, guides: list[str]) -> None:
    folder = project.root / "dist" / "pdf"
    folder.mkdir(parents=True, exist_ok=True)
    for guide in guides:
        (folder / f"{PREFIX}-{guide}-{language}.pdf").write_bytes(b"%PDF-1.4\n" + b"0" * 2048)


def generated(project: Project, name: str) -> Path:
    return project.root / "docs" / "onboarding" / name


def test_no_links_without_pdfs(project: Project) -> None:
    prepare_site(project)
    assert "Download as PDF" not in generated(project, "install.md").read_text(encoding="utf-8")
    assert not generated(project, "downloads.md").exists()


def test_links_only_to_existing_pdfs(project: Project) -> None:
    add_pdfs(project, "ar", ["handbook", "install"])
    prepare_site(project)
    install_ar = generated(project, "install.ar.md").read_text(encoding="utf-8")
    assert (
        f"[تنزيل بصيغة PDF](../pdf/{PREFIX}-install-ar.pdf) "
        f"[الدليل الشامل (جميع الأدلة)](../pdf/{PREFIX}-handbook-ar.pdf) "
        "[تنزيل ملفات PDF](downloads.md)\n{: .ok-downloads }" in install_ar
    )
    configure_ar = generated(project, "configure.ar.md").read_text(encoding="utf-8")
    assert "install-ar.pdf" not in configure_ar
    assert f"{PREFIX}-handbook-ar.pdf" in configure_ar
    assert "pdf" not in generated(project, "install.md").read_text(encoding="utf-8").lower()
    downloads = generated(project, "downloads.ar.md").read_text(encoding="utf-8")
    assert f"- [ثبّت الموصل](../pdf/{PREFIX}-install-ar.pdf) (PDF, 2 KB)" in downloads
    assert not generated(project, "downloads.md").exists()


def test_site_serves_pdfs_and_links_resolve(project: Project) -> None:
    guides = ["handbook", "install", "configure", "problems"]
    add_pdfs(project, "en", guides)
    add_pdfs(project, "ar", guides)
    site = build_site(project, strict=True)
    for language in ("en", "ar"):
        for guide in guides:
            assert (site / "pdf" / f"{PREFIX}-{guide}-{language}.pdf").is_file()
    for page in (
        "onboarding/install/index.html",
        "ar/onboarding/install/index.html",
        "ar/onboarding/downloads/index.html",
    ):
        text = (site / page).read_text(encoding="utf-8")
        hrefs = re.findall(r'href="([^"]+\.pdf)"', text)
        assert hrefs, page
        for href in hrefs:
            target = urlparse(urljoin(f"http://host/{page}", href)).path.lstrip("/")
            assert (site / target).is_file(), (page, href)


@pytest.mark.browser
def test_build_command_makes_pdfs_before_site(project: Project) -> None:
    result = CliRunner().invoke(
        main, ["-C", str(project.root), "build", "--strict", "--capture", "never", "--no-listing"]
    )
    assert result.exit_code == 0, result.output
    site = project.root / "site"
    assert (site / "pdf" / f"{PREFIX}-handbook-ar.pdf").is_file()
    page = (site / "ar" / "onboarding" / "install" / "index.html").read_text(encoding="utf-8")
    assert f"{PREFIX}-install-ar.pdf" in page
