"""A local preview of the store page: the sanitized description in a store-like frame.

The page and its images are written to ``dist/listing/``; it loads nothing from the network.
``screenshot_preview`` renders it with Chromium into ``preview.png``.
"""

from __future__ import annotations

import html
import shutil
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from onboardkit.fileio import write_bytes_atomic, write_text_atomic
from onboardkit.listing import paths

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg")
CURRENCY_SIGNS = {"EUR": "€", "USD": "$"}
VIEWPORT = {"width": 1280, "height": 900}


@dataclass(frozen=True)
class PreviewPage:
    """Facts of the store page besides the description: name, vendor, price and images."""

    module: str
    name: str
    author: str
    summary: str
    price: Any
    currency: str
    license: str
    category: str
    series: list[str]
    live_test_url: str | None
    cover: str | None
    icon: str | None


def page_from_manifest(module: str, values: dict[str, Any], series: list[str]) -> PreviewPage:
    """Return the store page's facts as the store reads them from the manifest's values."""
    images = values.get("images") or []
    return PreviewPage(
        module=module,
        name=str(values.get("name", module)),
        author=str(values.get("author") or "Odoo S.A."),
        summary=str(values.get("summary", "")),
        price=values.get("price"),
        currency=str(values.get("currency", "EUR")),
        license=str(values.get("license", "LGPL-3")),
        category=str(values.get("category", "Uncategorized")),
        series=series,
        live_test_url=values.get("live_test_url"),
        cover=images[0] if images and isinstance(images[0], str) else None,
        icon=f"{paths.DESCRIPTION_DIR}/{paths.ICON_NAME}",
    )


def price_text(price: Any, currency: str) -> str:
    """Return the price as the buy box shows it: 'Free', or the sign and two decimals."""
    if not isinstance(price, int | float) or isinstance(price, bool) or price <= 0:
        return "Free"
    return f"{CURRENCY_SIGNS.get(currency, currency)} {price:,.2f}"


def write_preview(page: PreviewPage, fragment: str, addon_dir: Path, output_dir: Path) -> Path:
    """Write ``preview.html``, its stylesheet and the module's images into ``output_dir``.

    ``fragment`` is the description after sanitising, with image sources under
    ``/<module>/static/description/`` as Odoo serves them.
    """
    _copy_images(addon_dir, output_dir / page.module)
    css = resources.files("onboardkit.listing").joinpath("preview.css").read_bytes()
    write_bytes_atomic(output_dir / "preview.css", css)
    fragment = fragment.replace(f'src="/{page.module}/', f'src="{page.module}/')
    target = output_dir / "preview.html"
    write_text_atomic(target, _page_html(page, fragment, addon_dir))
    return target


def _copy_images(addon_dir: Path, target: Path) -> None:
    if target.exists():
        shutil.rmtree(target)
    source = addon_dir / paths.DESCRIPTION_DIR
    for image in sorted(source.rglob("*")) if source.is_dir() else []:
        if image.is_file() and image.suffix.lower() in IMAGE_SUFFIXES:
            destination = target / paths.DESCRIPTION_DIR / image.relative_to(source)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(image, destination)


def _page_html(page: PreviewPage, fragment: str, addon_dir: Path) -> str:
    escape = html.escape
    icon = ""
    if page.icon and (addon_dir / page.icon).is_file():
        icon = f'<img class="store-icon" src="{escape(page.module)}/{escape(page.icon)}" alt="">'
    cover = ""
    if page.cover and (addon_dir / page.cover).is_file():
        cover = (
            f'<img class="store-cover img-fluid" src="{escape(page.module)}/{escape(page.cover)}"'
            ' alt="Cover image">'
        )
    demo = ""
    if page.live_test_url:
        demo = '<button class="store-button secondary" type="button">Live Preview</button>'
    badges = " ".join(
        f'<span class="badge" style="background:#e9ecef">{escape(series)}</span>'
        for series in page.series
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{escape(page.name)}: store listing preview</title>
<link rel="stylesheet" href="preview.css">
</head>
<body data-onboardkit-preview="1">
<header class="store-bar"><div class="container">
<span class="store-brand">Apps Store</span>
<span class="store-note">Preview by onboardkit: the description shows what Odoo's sanitizer and
the store's rules keep of index.html.</span>
</div></header>
<main class="container store-page">
<div class="row">
<div class="col-lg-8">
<div class="store-title">{icon}<div><h1>{escape(page.name)}</h1>
<p class="store-vendor">by {escape(page.author)}</p></div></div>
<p class="store-summary">{escape(page.summary)}</p>
<p>{badges}</p>
{cover}
</div>
<div class="col-lg-4">
<div class="store-buy">
<div class="store-price">{escape(price_text(page.price, page.currency))}</div>
<button class="store-button" type="button">Buy</button>
{demo}
<dl class="store-facts">
<dt>License</dt><dd>{escape(page.license)}</dd>
<dt>Category</dt><dd>{escape(page.category)}</dd>
<dt>Versions</dt><dd>{escape(", ".join(page.series))}</dd>
</dl>
</div>
</div>
</div>
<nav class="store-tabs"><span class="active">Description</span><span>Reviews</span></nav>
<div class="store-description">
{fragment}
</div>
</main>
</body>
</html>
"""


def screenshot_preview(preview: Path, target: Path, browser_path: str | None = None) -> Path:
    """Render ``preview`` in headless Chromium and save the whole page as ``target`` (PNG)."""
    from playwright.sync_api import sync_playwright

    from onboardkit.browser import launch_chromium

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright, browser_path)
        try:
            context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1)
            page = context.new_page()
            page.goto(preview.resolve().as_uri(), wait_until="load")
            data = page.screenshot(full_page=True, type="png")
        finally:
            browser.close()
    write_bytes_atomic(target, data)
    return target
