"""Building HTML as strings: escaping, attributes and elements."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape

VOID = {"input", "img", "br", "hr", "meta", "link"}


def esc(text: object) -> str:
    """Escape text for an HTML text node or attribute value."""
    return escape("" if text is None or text is False else str(text), quote=True)


def attributes(values: Mapping[str, object] | None) -> str:
    """Return `` name="value"`` pairs; None and False are left out, True gives a bare name."""
    parts = []
    for name, value in (values or {}).items():
        if value is None or value is False:
            continue
        if value is True:
            parts.append(f" {name}")
        else:
            parts.append(f' {name}="{esc(value)}"')
    return "".join(parts)


def el(tag: str, attrs: Mapping[str, object] | None = None, *children: str) -> str:
    """Return an element; ``children`` are HTML strings already escaped."""
    if tag in VOID:
        return f"<{tag}{attributes(attrs)}>"
    return f"<{tag}{attributes(attrs)}>{''.join(children)}</{tag}>"


def cls(*names: str | None | bool) -> str:
    """Join the class names that are set."""
    return " ".join(name for name in names if isinstance(name, str) and name)


def join(parts: Iterable[str]) -> str:
    return "".join(parts)


def icon(name: str, extra: str = "") -> str:
    """Return an icon element (``fa-*`` or ``oi-*`` names, drawn by the stand-in's CSS)."""
    family = "oi" if name.startswith("oi-") else "fa"
    return el("i", {"class": cls(family, name, extra), "role": "img", "aria-hidden": "true"})
