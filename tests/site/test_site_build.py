"""Real MkDocs builds of the fixture project: right-to-left, fonts, offline, switcher."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from helpers import copy_fixture, replace_in

from onboardkit.config import load_project
from onboardkit.site.build import SiteBuildFailed, build_site


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_fixture("mini", tmp_path_factory.mktemp("site"))
    return build_site(load_project(root), strict=True)


def html_pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*.html") if path.name != "404.html")


def test_arabic_pages_are_rtl(built: Path) -> None:
    arabic = html_pages(built / "ar")
    assert len(arabic) == 7
    for path in arabic:
        text = path.read_text(encoding="utf-8")
        assert '<html lang="ar"' in text, path
        assert re.search(r'<body dir="rtl"', text), path


def test_english_pages_are_ltr(built: Path) -> None:
    text = (built / "onboarding/install/index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in text
    assert '<body dir="ltr"' in text


def test_local_fonts_and_stylesheet(built: Path) -> None:
    css = built / "assets/onboardkit/onboardkit.css"
    assert css.is_file()
    for font in re.findall(r'url\("([^"]+)"\)', css.read_text(encoding="utf-8")):
        assert (css.parent / font).is_file(), font
    page = (built / "ar/onboarding/install/index.html").read_text(encoding="utf-8")
    assert "assets/onboardkit/onboardkit.css" in page
    assert "fonts.googleapis.com" not in page


REQUEST_ATTRIBUTES = re.compile(
    r'<(script|img|iframe|source|video|audio)\b[^>]*\bsrc="([^"]+)"'
    r'|<link\b(?=[^>]*\brel="(?:stylesheet|preload|icon|modulepreload|manifest)")[^>]*\bhref="([^"]+)"'
)


def test_no_page_loads_outside_hosts(built: Path) -> None:
    for path in html_pages(built):
        text = path.read_text(encoding="utf-8")
        for match in REQUEST_ATTRIBUTES.finditer(text):
            url = match.group(2) or match.group(3)
            assert not urlparse(url).netloc, f"{path}: {url}"
            assert not url.startswith("//"), f"{path}: {url}"


def test_switcher_targets_exist(built: Path) -> None:
    site_url_path = "/mini/"
    for path in html_pages(built):
        text = path.read_text(encoding="utf-8")
        links = re.findall(r'<a href="([^"]+)" hreflang="(en|ar)" class="md-select__link">', text)
        assert {language for _, language in links} == {"en", "ar"}, path
        page_url = site_url_path + path.relative_to(built).as_posix()
        for href, _language in links:
            target = urlparse(urljoin("https://docs.example.com" + page_url, href)).path
            assert target.startswith(site_url_path), (path, href)
            relative = target[len(site_url_path) :]
            candidate = built / relative
            if relative == "" or relative.endswith("/"):
                candidate = candidate / "index.html"
            assert candidate.is_file(), (path, href)


def test_untranslated_free_page_marked(built: Path) -> None:
    text = (built / "ar/faq/index.html").read_text(encoding="utf-8")
    assert "هذه الصفحة لم تُترجم بعد" in text
    assert 'class="ok-fallback"' in text
    assert "<title>Frequently asked questions - Mini Connector</title>" in text


def test_failed_build_keeps_previous_site(tmp_path: Path) -> None:
    root = copy_fixture("mini", tmp_path)
    project = load_project(root)
    site = build_site(project)
    marker = site / "index.html"
    before = marker.read_bytes()
    replace_in(root / "docs/faq.md", "Yes.", "Yes, see [the guide](missing.md).")
    with pytest.raises(SiteBuildFailed) as caught:
        build_site(load_project(root), strict=True)
    assert "the site build failed" in str(caught.value)
    assert marker.read_bytes() == before
    assert not [p for p in site.parent.iterdir() if p.name.startswith(".site.")]
