"""What every renderer needs: the database, the language, the route and the links' query."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from onboardkit.standin.database import Database
from onboardkit.standin.i18n import Translator
from onboardkit.standin.orm import Orm


@dataclass
class RenderContext:
    """The state one render request shares across view renderers."""

    db: Database
    tr: Translator
    orm: Orm
    debug: bool = False
    keep: dict[str, str] = field(default_factory=dict)
    datapoints: dict[str, int] = field(default_factory=dict)
    # The browser's local storage entries of optional list columns, by key.
    optional_columns: dict[str, str] = field(default_factory=dict)

    def link(self, path: str, **query: Any) -> str:
        """Return ``path`` with the query parameters that every client URL keeps."""
        values = {**self.keep, **{k: str(v) for k, v in query.items() if v is not None}}
        return path + ("?" + urlencode(values) if values else "")

    def datapoint(self, record_id: int) -> str:
        """Return a fresh ``datapoint_N`` id for a rendered record, as the web client does."""
        name = f"datapoint_{len(self.datapoints) + 2}"
        self.datapoints[name] = record_id
        return name
