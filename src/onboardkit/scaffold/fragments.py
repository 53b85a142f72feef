"""OCA readme fragments (``readme/DESCRIPTION.md`` and the like) read as Markdown."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from onboardkit.errors import ProblemList
from onboardkit.scaffold.rst import rst_to_markdown

FRAGMENT_NAMES = (
    "DESCRIPTION",
    "CONTEXT",
    "INSTALL",
    "CONFIGURE",
    "USAGE",
    "ROADMAP",
    "DEVELOP",
    "CONTRIBUTORS",
    "CREDITS",
    "HISTORY",
)
_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")


@dataclass
class Fragments:
    """The addon's readme fragments as Markdown, by name, and what the conversion left out."""

    texts: dict[str, str] = field(default_factory=dict)
    source_format: str | None = None
    notes: list[str] = field(default_factory=list)

    def get(self, name: str) -> str | None:
        return self.texts.get(name)


def read_fragments(addon_dir: Path, display: str, problems: ProblemList) -> Fragments:
    """Read ``readme/<NAME>.md`` or ``.rst`` files; report mixed formats and bad encodings.

    ``display`` is how error messages name the addon folder.
    """
    folder = addon_dir / "readme"
    result = Fragments()
    if not folder.is_dir():
        return result
    found = {
        suffix: sorted(path for path in folder.glob(f"*{suffix}") if path.stem in FRAGMENT_NAMES)
        for suffix in (".md", ".rst")
    }
    if found[".md"] and found[".rst"]:
        names = ", ".join(path.name for path in found[".md"] + found[".rst"])
        problems.error(
            f"{display}/readme",
            f"readme fragments are written in both Markdown and reStructuredText ({names}), so "
            "it is unclear which ones are current.",
            fix="Keep one format: convert the other files or delete them.",
        )
        return result
    suffix = ".md" if found[".md"] else ".rst"
    result.source_format = suffix[1:] if found[suffix] else None
    for path in found[suffix]:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as error:
            problems.error(
                f"{display}/readme/{path.name}",
                f"not valid UTF-8 ({error.reason}).",
                fix="Save the file as UTF-8.",
            )
            continue
        if suffix == ".rst":
            conversion = rst_to_markdown(text)
            text = conversion.markdown
            result.notes += [f"readme/{path.name}: {note}" for note in conversion.notes]
        if text.strip():
            result.texts[path.stem] = text.strip() + "\n"
    return result


class ImageCopier:
    """Copy the images that fragments show from the addon into the docs folder.

    An image found in the addon, by its path below ``static/`` or by its file name in
    ``static/description``, is copied to ``docs/images``. Any other image is replaced by a
    note, including one on another server, because the site must not load from the internet.
    """

    def __init__(self, addon_dir: Path, docs_dir: Path):
        self.addon_dir = addon_dir
        self.docs_dir = docs_dir
        self.copies: dict[Path, str] = {}
        self.notes: list[str] = []

    def rewrite(self, markdown: str, depth: int) -> str:
        """Rewrite image links for a page ``depth`` folders below the docs folder."""

        def replace(match: re.Match[str]) -> str:
            alt, url = match.group(1), match.group(2)
            source = self._find(url)
            name = PurePosixPath(url.split("?")[0]).name or url
            if source is None:
                self.notes.append(f"image '{url}' is not in the addon and was left out")
                return f"*(Image not included: {name}.)*"
            target = self._target_name(source)
            prefix = "../" * depth
            return f"![{alt or PurePosixPath(target).stem}]({prefix}images/{target})"

        return _IMAGE.sub(replace, markdown)

    def _find(self, url: str) -> Path | None:
        if re.match(r"^[a-z][a-z0-9+.-]*:", url, re.IGNORECASE) or url.startswith("//"):
            return None
        parts = PurePosixPath(url.split("?")[0].split("#")[0]).parts
        if "static" in parts:
            tail = parts[len(parts) - 1 - parts[::-1].index("static") :]
            candidate = self.addon_dir.joinpath(*tail)
            if candidate.is_file():
                return candidate
        if parts:
            candidate = self.addon_dir / "static" / "description" / parts[-1]
            if candidate.is_file():
                return candidate
        return None

    def _target_name(self, source: Path) -> str:
        if source in self.copies:
            return self.copies[source]
        name = source.name
        taken = set(self.copies.values())
        number = 2
        while name in taken:
            name = f"{source.stem}-{number}{source.suffix}"
            number += 1
        self.copies[source] = name
        return name

    def write(self, written: list[Path]) -> None:
        """Copy every image used; append the files written to ``written``."""
        folder = self.docs_dir / "images"
        for source, name in self.copies.items():
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, folder / name)
            written.append(folder / name)
