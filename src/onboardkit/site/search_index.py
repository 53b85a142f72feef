"""Repairs to the merged search index that mkdocs-static-i18n writes.

mkdocs-static-i18n (1.3) drops an entry of another language when its title, text and path
match the default language's. For a page whose title is still in English that removes the
page's own entry but keeps its sections, and Material's search then shows those sections
under a link to "undefined". This puts the missing page entries back.
"""

from __future__ import annotations

import json
from pathlib import Path

from onboardkit.fileio import write_text_atomic


def repair_search_index(site_dir: Path) -> int:
    """Add a page entry for every section left without one; return how many were added."""
    path = site_dir / "search" / "search_index.json"
    if not path.is_file():
        return 0
    index = json.loads(path.read_text(encoding="utf-8"))
    documents = index.get("docs", [])
    pages = {doc["location"] for doc in documents if "#" not in doc["location"]}
    repaired: list[dict] = []
    added: set[str] = set()
    for doc in documents:
        page = doc["location"].split("#", 1)[0]
        if page not in pages and page not in added:
            repaired.append({"location": page, "title": doc["title"], "text": ""})
            added.add(page)
        repaired.append(doc)
    if not added:
        return 0
    index["docs"] = repaired
    write_text_atomic(path, json.dumps(index, ensure_ascii=False, separators=(",", ":")))
    return len(added)
