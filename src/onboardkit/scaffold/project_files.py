"""The text of the files of a scaffolded project: onboardkit.yml, mkdocs.yml, pages, guides."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from onboardkit.odoo.manifest import Manifest
from onboardkit.scaffold.fragments import Fragments, ImageCopier
from onboardkit.scaffold.guides import GuideDraft
from onboardkit.scaffold.markdown import demote_headings, normalize

GUIDE_KEY_ORDER = (
    "kind",
    "title",
    "summary",
    "audience",
    "time_minutes",
    "order",
    "prerequisites",
    "steps",
    "settings",
    "related",
)
STEP_KEY_ORDER = ("id", "title", "text", "code", "code_language", "result")
ARABIC_NAV = {"Home": "الرئيسية", "Guides": "الأدلة", "About": "حول الوحدة"}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")


class _BlockDumper(yaml.SafeDumper):
    """Writes multi-line strings as literal blocks, which writers can edit as they read them."""


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_BlockDumper.add_representer(str, _represent_text)


def dump_yaml(data: Any) -> str:
    """Write ``data`` as YAML in the order given, multi-line strings as literal blocks."""
    return yaml.dump(
        data, Dumper=_BlockDumper, allow_unicode=True, sort_keys=False, width=100, indent=2
    )


def guide_yaml(draft: GuideDraft) -> str:
    """Return the YAML of a guide file, keys in the order of the guide schema."""
    data = _ordered(draft.data, GUIDE_KEY_ORDER)
    data["steps"] = [_ordered(step, STEP_KEY_ORDER) for step in data.get("steps", [])]
    header = f"# Made by `onboardkit init` from {draft.source}. Edit it freely: it is yours now.\n"
    return header + dump_yaml(data)


def _ordered(data: dict[str, Any], order: tuple[str, ...]) -> dict[str, Any]:
    result = {key: data[key] for key in order if key in data}
    result.update({key: value for key, value in data.items() if key not in result})
    return result


@dataclass
class ProjectValues:
    """Inputs of onboardkit.yml: product name, addon path, series and manifest."""

    name: str
    addon_path: str
    series: str
    manifest: Manifest


def onboardkit_yml(values: ProjectValues) -> str:
    """Return onboardkit.yml: project, addon, English and Arabic, vendor."""
    manifest = values.manifest
    vendor: dict[str, Any] = {"name": str(manifest.get("author") or values.name)}
    if manifest.get("website"):
        vendor["website"] = str(manifest.get("website"))
    support = str(manifest.get("support") or "")
    if _EMAIL.match(support):
        vendor["email"] = support
    data = {
        "project": {"name": values.name},
        "addon": {
            "path": values.addon_path,
            "series": values.series,
            "compatible_series": [values.series],
        },
        "languages": [
            {"code": "en", "odoo": "en_US", "name": "English"},
            {"code": "ar", "odoo": "ar_001", "name": "العربية"},
        ],
        "vendor": vendor,
    }
    text = (
        f"# onboardkit settings of the {manifest.module} docs, made by `onboardkit init`.\n"
        "# Every option is described in the vendor guide's configuration page.\n" + dump_yaml(data)
    )
    return text + _service_sections(values, support if _EMAIL.match(support) else None)


def _service_sections(values: ProjectValues, email: str | None) -> str:
    """Return the support and releases sections, commented out until the vendor fills them."""
    support_email = email or "support@example.com"
    return (
        "\n# Uncomment and complete to add a support page (onboarding/support.md) to the site.\n"
        "# support:\n"
        f"#   email: {support_email}\n"
        "#   hours: Sunday to Thursday, 9:00-17:00 (UTC+3)\n"
        "\n# Uncomment and complete to add a releases page (onboarding/releases.md).\n"
        "# releases:\n"
        "#   cadence: A minor release every month.\n"
        "#   series:\n"
        f'#     - series: "{values.series}"\n'
        "#       status: supported\n"
        f"#       module_version: {values.manifest.version}\n"
    )


def mkdocs_yml(name: str, guide_slugs: list[str], about_pages: list[tuple[str, str]]) -> str:
    """Return mkdocs.yml with both languages and a nav listing every page."""
    nav = ["nav:", "  - Home: index.md", "  - Guides:"]
    nav += [f"      - onboarding/{slug}.md" for slug in guide_slugs]
    if about_pages:
        nav.append("  - About:")
        nav += [f"      - {page}" for page, _title in about_pages]
    translations = "\n".join(f"            {key}: {value}" for key, value in ARABIC_NAV.items())
    site_name = yaml.safe_dump(name, allow_unicode=True, default_style='"').strip()
    return f"""# MkDocs settings made by `onboardkit init`. The onboardkit plugin comes before i18n,
# which reads the pages that onboardkit generates.
site_name: {site_name}
docs_dir: docs
theme:
  name: material
  font: false
  features:
    - navigation.sections
    - navigation.top
    - content.code.copy
plugins:
  - search
  - onboardkit
  - i18n:
      docs_structure: suffix
      fallback_to_default: true
      reconfigure_material: true
      reconfigure_search: true
      languages:
        - locale: en
          name: English
          default: true
          build: true
        - locale: ar
          name: العربية
          build: true
          nav_translations:
{translations}
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - tables
  - footnotes
  - toc:
      permalink: true
      slugify: !!python/object/apply:pymdownx.slugs.slugify
        kwds:
          case: lower
  - pymdownx.superfences
  - pymdownx.highlight
  - pymdownx.tabbed:
      alternate_style: true
{chr(10).join(nav)}
"""


GITIGNORE = "/site/\n/dist/\n/docs/onboarding/\n/.cache/\nscreenshots/contact-sheet*.html\n"

ABOUT_PAGES = (
    ("roadmap.md", "Roadmap", ("ROADMAP",)),
    ("changelog.md", "Change log", ("HISTORY",)),
    ("develop.md", "For developers", ("DEVELOP",)),
    ("credits.md", "Credits", ("CONTRIBUTORS", "CREDITS")),
)
_SECTION_TITLES = {"CONTRIBUTORS": "Contributors", "CREDITS": "Other credits"}


def about_pages(fragments: Fragments, images: ImageCopier) -> list[tuple[str, str, str]]:
    """Return (file name, title, Markdown) of the free pages made from the other fragments."""
    pages = []
    for file_name, title, names in ABOUT_PAGES:
        present = [name for name in names if fragments.get(name)]
        if not present:
            continue
        parts = [f"# {title}", ""]
        for name in present:
            text = page_text(fragments.get(name) or "", images, top=3 if len(names) > 1 else 2)
            if len(names) > 1:
                parts += [f"## {_SECTION_TITLES[name]}", ""]
            parts += [text, ""]
        pages.append((file_name, title, "\n".join(parts).rstrip() + "\n"))
    return pages


def page_text(markdown: str, images: ImageCopier, top: int) -> str:
    """Prepare a fragment for a page in the docs root: headings from level ``top``, images."""
    text = demote_headings(normalize(markdown), top)
    return images.rewrite(text, depth=0).strip()
