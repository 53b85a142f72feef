"""A self-contained HTML page showing every shot per language beside its previous image.

Images are embedded as data URIs and a Content-Security-Policy forbids any other source, so
the page makes no request at all, even when opened from disk or attached to a review.
"""

from __future__ import annotations

import base64
import html
from dataclasses import dataclass
from pathlib import Path

from onboardkit.fileio import write_text_atomic
from onboardkit.images.process import changed_share

MIME_TYPES = {".png": "image/png", ".webp": "image/webp"}
STYLE = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 24px; color: #1f2328; }
h1 { font-size: 20px; margin: 0 0 4px; }
.summary { color: #57606a; margin: 0 0 20px; }
section { border-top: 1px solid #d0d7de; padding: 12px 0 20px; }
h2 { font-size: 16px; margin: 0 0 8px; font-family: ui-monospace, monospace; }
.entry { margin: 8px 0 16px; }
.head { margin-bottom: 6px; }
.lang { font-weight: 600; margin-right: 8px; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
figure { margin: 0; }
figcaption { color: #57606a; font-size: 12px; margin-bottom: 4px; }
img { max-width: 100%; border: 1px solid #d0d7de; background: #fff; }
.status { font-size: 12px; padding: 1px 6px; border-radius: 8px; background: #eaeef2; }
.status.failed, .status.missing { background: #ffebe9; color: #a40e26; }
.status.changed { background: #fff8c5; }
.empty { color: #8c959f; font-style: italic; }
"""


@dataclass(frozen=True)
class SheetEntry:
    """One shot in one language: its images and what the last run did with it."""

    shot: str
    language: str
    rtl: bool
    alt: str
    current: Path | None
    previous: Path | None
    status: str
    detail: str = ""


def write_contact_sheet(path: Path, title: str, entries: list[SheetEntry]) -> None:
    """Write the contact sheet of ``entries`` to ``path`` (atomically)."""
    sections: dict[str, list[str]] = {}
    for entry in entries:
        sections.setdefault(entry.shot, []).append(_row(entry))
    body = "\n".join(
        f'<section id="{html.escape(shot)}"><h2>{html.escape(shot)}</h2>\n'
        + "\n".join(rows)
        + "</section>"
        for shot, rows in sections.items()
    )
    counts: dict[str, int] = {}
    for entry in entries:
        counts[entry.status] = counts.get(entry.status, 0) + 1
    summary = ", ".join(f"{count} {status}" for status, count in sorted(counts.items()))
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy"
      content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>{html.escape(title)}</title>
<style>{STYLE}</style>
</head>
<body>
<h1>{html.escape(title)}</h1>
<p class="summary">{html.escape(summary) or "no shots"}</p>
{body}
</body>
</html>
"""
    write_text_atomic(path, page)


def _row(entry: SheetEntry) -> str:
    direction = ' dir="rtl"' if entry.rtl else ""
    share = _share(entry)
    css_class = entry.status if entry.status in ("failed", "missing") else ""
    if share is not None and share > 0 and not css_class:
        css_class = "changed"
    label = entry.status if share is None else f"{entry.status}, {share:.2%} of pixels changed"
    if entry.detail:
        label += f": {entry.detail}"
    return (
        f'<div class="entry"><div class="head"><span class="lang">{html.escape(entry.language)}'
        f'</span><span class="status {css_class}">{html.escape(label)}</span></div>'
        f'<div class="pair">{_figure("previous", entry.previous, entry.alt, direction)}'
        f"{_figure('current', entry.current, entry.alt, direction)}</div></div>"
    )


def _share(entry: SheetEntry) -> float | None:
    if entry.previous is None or entry.current is None:
        return None
    if not entry.previous.is_file() or not entry.current.is_file():
        return None
    return changed_share(entry.previous.read_bytes(), entry.current.read_bytes())


def _figure(caption: str, image: Path | None, alt: str, direction: str) -> str:
    if image is None or not image.is_file():
        return f'<figure><figcaption>{caption}</figcaption><p class="empty">none</p></figure>'
    mime = MIME_TYPES.get(image.suffix, "application/octet-stream")
    encoded = base64.b64encode(image.read_bytes()).decode("ascii")
    return (
        f"<figure><figcaption>{caption}</figcaption>"
        f'<img src="data:{mime};base64,{encoded}" alt="{html.escape(alt)}"{direction}></figure>'
    )
