"""Markers that tell generated listing files from hand-made ones, with a digest of their sources.

A file that carries the marker is regenerated whenever its sources change. A file without it
was made by hand: onboardkit never overwrites it and only checks it.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

# Bump when the generated output changes for the same sources, so old files count as stale.
GENERATOR_VERSION = 1

HTML_MARKER = "onboardkit:generated"
HTML_MARKER_PATTERN = re.compile(
    r"<!--\s*" + re.escape(HTML_MARKER) + r"\b[^>]*?\bdigest=([0-9a-f]{16,64})[^>]*-->"
)
PNG_DIGEST_KEY = "onboardkit-digest"


def digest(data: Any, *blobs: bytes) -> str:
    """Return a short SHA-256 of JSON-serialisable ``data`` and raw ``blobs``."""
    hasher = hashlib.sha256()
    hasher.update(json.dumps([GENERATOR_VERSION, data], sort_keys=True).encode("utf-8"))
    for blob in blobs:
        hasher.update(hashlib.sha256(blob).digest())
    return hasher.hexdigest()[:32]


def html_marker(source_digest: str, listing_file: str) -> str:
    """Return the marker comment of a generated index.html."""
    return (
        f"<!-- {HTML_MARKER} from {listing_file} by `onboardkit listing`; edit that file, not "
        "this one. Delete this comment to maintain the file by hand: onboardkit will then only "
        f"check it. digest={source_digest} -->"
    )


def html_digest(text: str) -> str | None:
    """Return the source digest of a generated index.html, or None for a hand-written one."""
    match = HTML_MARKER_PATTERN.search(text)
    return match.group(1) if match else None


def png_digest(path: Path) -> str | None:
    """Return the source digest stored in a generated PNG, or None for a hand-made image."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            text = getattr(image, "text", {}) or {}
    except (UnidentifiedImageError, OSError):
        return None
    return text.get(PNG_DIGEST_KEY)


def png_info(source_digest: str) -> Any:
    """Return the PNG text chunks that mark an image as generated."""
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Software", "onboardkit")
    info.add_text(PNG_DIGEST_KEY, source_digest)
    return info
