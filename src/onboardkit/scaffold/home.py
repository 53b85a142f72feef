"""The home page of a scaffolded project, in English and, when the addon allows, in Arabic."""

from __future__ import annotations

from onboardkit.odoo.addon import Addon
from onboardkit.odoo.manifest import Manifest
from onboardkit.scaffold.fragments import Fragments, ImageCopier
from onboardkit.scaffold.guides import GuideDraft
from onboardkit.scaffold.markdown import parse_blocks
from onboardkit.scaffold.project_files import page_text
from onboardkit.scaffold.rst import rst_to_markdown

HEADINGS = {
    "en": {
        "context": "Why it exists",
        "guides": "Guides",
        "facts": "Module facts",
        "module": "Technical name",
        "version": "Version",
        "series": "Odoo series",
        "license": "License",
        "author": "Author",
        "depends": "Depends on",
    },
    "ar": {
        "context": "سبب وجودها",
        "guides": "الأدلة",
        "facts": "معلومات الوحدة",
        "module": "الاسم التقني",
        "version": "الإصدار",
        "series": "سلسلة أودو",
        "license": "الترخيص",
        "author": "المؤلف",
        "depends": "تعتمد على",
    },
}


def description_text(manifest: Manifest, fragments: Fragments) -> str | None:
    """Return the DESCRIPTION fragment, or else the manifest's reStructuredText description."""
    description = fragments.get("DESCRIPTION")
    if description:
        return description
    legacy = str(manifest.get("description") or "").strip()
    return rst_to_markdown(legacy).markdown if legacy else None


def home_page(
    manifest: Manifest,
    series: str,
    fragments: Fragments,
    images: ImageCopier,
    guides: list[tuple[str, str]],
) -> str:
    """Return the English home page: summary, description, context, guides and facts."""
    words = HEADINGS["en"]
    parts = [f"# {manifest.name}", ""]
    summary = str(manifest.get("summary") or "").strip()
    if summary:
        parts += [summary, ""]
    description = description_text(manifest, fragments)
    if description:
        parts += [page_text(description, images, top=2), ""]
    else:
        parts += [f"{manifest.name} is a module for Odoo {series}.", ""]
    context = fragments.get("CONTEXT")
    if context:
        parts += [f"## {words['context']}", "", page_text(context, images, top=3), ""]
    parts += [f"## {words['guides']}", ""]
    parts += [f"- [{title}](onboarding/{slug}.md)" for slug, title in guides]
    parts += ["", f"## {words['facts']}", ""] + _facts(manifest, series, "en")
    return "\n".join(parts).rstrip() + "\n"


def arabic_home_page(
    addon: Addon, fragments: Fragments, drafts: list[GuideDraft], series: str, odoo_language: str
) -> str | None:
    """Return the Arabic home page, or None when the addon's catalogs cannot make one.

    The page is written only when the addon's Arabic catalogs translate the module name and
    every paragraph of its summary and description. A page of English text would hide the
    notice that the site shows on untranslated pages.
    """
    catalog = _normalized(addon.translations(odoo_language).by_source)
    manifest = addon.manifest
    title = catalog.get(_flat(manifest.name))
    summary = str(manifest.get("summary") or "").strip()
    description = description_text(manifest, fragments) or ""
    paragraphs = [summary] if summary else []
    paragraphs += [b.text for b in parse_blocks(description) if b.kind == "paragraph"]
    translated = [catalog.get(_flat(text)) for text in paragraphs]
    if not title or not paragraphs or not all(translated):
        return None
    words = HEADINGS["ar"]
    parts = [f"# {title}", ""]
    for text in translated:
        parts += [str(text), ""]
    parts += [f"## {words['guides']}", ""]
    for draft in drafts:
        english = draft.data["title"]
        label = catalog.get(_flat(english)) or (
            f'<span class="ok-fallback" lang="en" dir="ltr">{english}</span>'
        )
        parts.append(f"- [{label}](onboarding/{draft.slug}.md)")
    parts += ["", f"## {words['facts']}", ""] + _facts(manifest, series, "ar")
    return "\n".join(parts).rstrip() + "\n"


def _facts(manifest: Manifest, series: str, language: str) -> list[str]:
    words = HEADINGS[language]
    facts = [
        (words["module"], f"`{manifest.module}`"),
        (words["version"], f"`{manifest.version}`"),
        (words["series"], series),
    ]
    if manifest.get("license"):
        facts.append((words["license"], str(manifest.get("license"))))
    if manifest.get("author"):
        facts.append((words["author"], str(manifest.get("author"))))
    depends = manifest.get("depends") or []
    if depends:
        facts.append((words["depends"], ", ".join(f"`{name}`" for name in depends)))
    return [f"- {label}: {value}" for label, value in facts if value]


def _normalized(table: dict[str, str]) -> dict[str, str]:
    return {_flat(source): target for source, target in table.items()}


def _flat(text: str) -> str:
    return " ".join(text.split())
