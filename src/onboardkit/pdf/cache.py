"""Input digests of the PDFs, and the small cache file that records them beside the outputs.

A PDF is printed again only when the digest of its inputs changed: the HTML (without the
build date and page numbers), the bytes of every image, the stylesheet and fonts, and the
print options.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

from onboardkit import __version__
from onboardkit.fileio import write_text_atomic

log = logging.getLogger(__name__)

CACHE_FORMAT = 1
# Raise when the printing code changes what it makes from the same inputs.
RENDERER_VERSION = 1


class FileDigests:
    """SHA-256 of files, computed once per build even when many PDFs share a file."""

    def __init__(self) -> None:
        self._known: dict[tuple[Path, int, int], str] = {}

    def of(self, path: Path) -> str:
        status = path.stat()
        key = (path, status.st_mtime_ns, status.st_size)
        if key not in self._known:
            self._known[key] = hashlib.sha256(path.read_bytes()).hexdigest()
        return self._known[key]


def input_digest(
    html_text: str, files: list[Path], options: dict[str, object], digests: FileDigests
) -> str:
    """Return the digest of everything a PDF is made from."""
    hasher = hashlib.sha256()
    header = {
        "format": CACHE_FORMAT,
        "renderer": RENDERER_VERSION,
        "onboardkit": __version__,
        "options": options,
    }
    hasher.update(json.dumps(header, sort_keys=True).encode("utf-8"))
    hasher.update(html_text.encode("utf-8"))
    for path in sorted(set(files)):
        hasher.update(str(path).encode("utf-8"))
        hasher.update(digests.of(path).encode("ascii"))
    return hasher.hexdigest()


@dataclass
class PdfCache:
    """The digest each PDF in the output folder was printed from (file name to digest)."""

    path: Path
    entries: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> PdfCache:
        """Read the cache file; a missing or unreadable one means every PDF is rebuilt."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls(path)
        except (OSError, ValueError) as error:
            log.warning("Ignoring unreadable PDF cache %s: %s", path, error)
            return cls(path)
        if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT:
            return cls(path)
        entries = data.get("pdfs", {})
        if not isinstance(entries, dict):
            return cls(path)
        return cls(path, {str(name): str(digest) for name, digest in entries.items()})

    def is_fresh(self, file_name: str, digest: str) -> bool:
        return self.entries.get(file_name) == digest and (self.path.parent / file_name).is_file()

    def record(self, file_name: str, digest: str) -> None:
        self.entries[file_name] = digest

    def forget(self, file_name: str) -> None:
        self.entries.pop(file_name, None)

    def save(self) -> None:
        payload = {"format": CACHE_FORMAT, "pdfs": dict(sorted(self.entries.items()))}
        write_text_atomic(self.path, json.dumps(payload, indent=2) + "\n")
