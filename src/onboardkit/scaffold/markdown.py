"""Markdown blocks of readme fragments: parsing, list indentation and heading levels."""

from __future__ import annotations

import re
from dataclasses import dataclass

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
ORDERED = re.compile(r"^ {0,3}(\d{1,3})[.)]\s+")
BULLET = re.compile(r"^ {0,3}[-*+]\s+")
_OCA_NUMBERED = re.compile(r"(?:^|\s)\\#\s+")  # "#." items of RST converted without a list
# An image alone in its paragraph, or the note that replaces an image left out.
_IMAGE_ONLY = re.compile(r"\s*(!\[[^\]]*\]\([^)]*\)|\*\(Image not included: [^)]*\)\*)\s*")


@dataclass
class Block:
    """A top-level Markdown block: heading, paragraph, image, list, code or quote."""

    kind: str
    text: str
    level: int = 0
    ordered: bool = False

    def list_items(self) -> list[str]:
        """Return the items of a list block, each without its marker and de-indented."""
        items: list[list[str]] = []
        marker = ORDERED if self.ordered else BULLET
        lines = self.text.split("\n")
        base = len(lines[0]) - len(lines[0].lstrip())
        for line in lines:
            match = marker.match(line)
            if match and len(line) - len(line.lstrip()) == base:
                items.append([line[match.end() :]])
            elif items:
                items[-1].append(line)
        return ["\n".join(_dedent_item(rows)).strip() for rows in items]


def parse_blocks(markdown: str) -> list[Block]:
    """Split Markdown into top-level blocks; fenced code keeps its blank lines."""
    lines = markdown.replace("\r\n", "\n").split("\n")
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            index += 1
            continue
        fence = FENCE.match(line)
        heading = _ATX.match(line)
        if fence:
            end = _fence_end(lines, index, fence.group(1))
            blocks.append(Block("code", "\n".join(lines[index:end])))
            index = end
        elif heading:
            blocks.append(Block("heading", heading.group(2), level=len(heading.group(1))))
            index += 1
        elif ORDERED.match(line) or BULLET.match(line):
            end = _list_end(lines, index)
            text = "\n".join(lines[index:end]).rstrip()
            blocks.append(Block("list", text, ordered=bool(ORDERED.match(line))))
            index = end
        elif line.lstrip().startswith(">"):
            end = index
            while end < len(lines) and lines[end].strip():
                end += 1
            blocks.append(Block("quote", "\n".join(lines[index:end])))
            index = end
        else:
            index = _paragraph(lines, index, blocks)
    return [_numbered_paragraph(block) for block in blocks]


def _fence_end(lines: list[str], start: int, fence: str) -> int:
    for end in range(start + 1, len(lines)):
        if lines[end].strip().startswith(fence[0] * len(fence)) and not lines[end].strip().strip(
            fence[0]
        ):
            return end + 1
    return len(lines)


def _list_end(lines: list[str], start: int) -> int:
    """Return the index after a list: it ends at a blank line followed by unindented text."""
    index = start + 1
    in_fence = False
    while index < len(lines):
        line = lines[index]
        if FENCE.match(line.lstrip()) and line.startswith(" "):
            in_fence = not in_fence
        if in_fence or line.strip() == "":
            index += 1
            continue
        indented = line.startswith((" ", "\t"))
        if indented or ORDERED.match(line) or BULLET.match(line):
            index += 1
            continue
        if lines[index - 1].strip():
            index += 1  # a lazy continuation line of the item above
            continue
        break
    while index > start and not lines[index - 1].strip():
        index -= 1
    return index


def _paragraph(lines: list[str], index: int, blocks: list[Block]) -> int:
    start = index
    while index < len(lines) and lines[index].strip():
        if index > start and (FENCE.match(lines[index]) or _ATX.match(lines[index])):
            break
        if index > start and _SETEXT.match(lines[index]):
            text = " ".join(row.strip() for row in lines[start:index])
            level = 1 if lines[index].strip().startswith("=") else 2
            blocks.append(Block("heading", text, level=level))
            return index + 1
        index += 1
    text = "\n".join(lines[start:index])
    kind = "image" if _IMAGE_ONLY.fullmatch(text) else "paragraph"
    blocks.append(Block(kind, text))
    return index


def _numbered_paragraph(block: Block) -> Block:
    r"""Turn a paragraph of ``\# item \# item`` into a numbered list.

    Readmes converted from reStructuredText by pandoc keep ``#.`` items as escaped hashes in
    one paragraph; they were meant as a numbered list.
    """
    if block.kind != "paragraph" or not block.text.lstrip().startswith("\\#"):
        return block
    items = [item.strip() for item in _OCA_NUMBERED.split(block.text) if item.strip()]
    text = "\n".join(f"{number}. {' '.join(item.split())}" for number, item in enumerate(items, 1))
    return Block("list", text, ordered=True)


def _dedent_item(rows: list[str]) -> list[str]:
    if len(rows) < 2:
        return rows
    widths = [len(row) - len(row.lstrip()) for row in rows[1:] if row.strip()]
    width = min(widths) if widths else 0
    return [rows[0]] + [row[width:] if row.strip() else "" for row in rows[1:]]


def demote_headings(markdown: str, top: int) -> str:
    """Shift ATX headings so that the highest one has level ``top`` (fenced code untouched)."""
    levels = [block.level for block in parse_blocks(markdown) if block.kind == "heading"]
    if not levels:
        return markdown
    shift = top - min(levels)
    out = []
    in_fence = False
    for line in markdown.split("\n"):
        if FENCE.match(line):
            in_fence = not in_fence
        match = None if in_fence else _ATX.match(line)
        if match:
            level = max(1, min(6, len(match.group(1)) + shift))
            line = "#" * level + " " + match.group(2)
        out.append(line)
    return "\n".join(out)


def normalize(markdown: str) -> str:
    """Rewrite what Python-Markdown reads differently from pandoc and GitHub.

    Nested list content is re-indented to four spaces per level (Python-Markdown needs four,
    readmes often use two), and a space between a code fence and its language is removed.
    """
    out: list[str] = []
    lines = markdown.replace("\r\n", "\n").split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        if (ORDERED.match(line) or BULLET.match(line)) and not line.startswith(" "):
            end = _list_end(lines, index)
            out += _reindent_list(lines[index:end])
            index = end
            continue
        out.append(_tidy_fence(line))
        index += 1
    return "\n".join(out)


def _reindent_list(lines: list[str]) -> list[str]:
    stack: list[tuple[int, int]] = []  # (content column in the source, column written)
    out = []
    for line in lines:
        if not line.strip():
            out.append("")
            continue
        indent = len(line) - len(line.lstrip(" "))
        stripped = line.lstrip(" ")
        marker = ORDERED.match(stripped) or BULLET.match(stripped)
        if marker:
            while stack and indent < stack[-1][0]:
                stack.pop()
            target = stack[-1][1] if stack else 0
            out.append(
                " " * target + stripped[: marker.end()].rstrip() + " " + stripped[marker.end() :]
            )
            stack.append((indent + marker.end(), target + 4))
            continue
        while stack and indent < stack[-1][0] and len(stack) > 1:
            stack.pop()
        source, target = stack[-1] if stack else (0, 0)
        out.append(" " * (target + max(0, indent - source)) + _tidy_fence(stripped))
    return out


def _tidy_fence(line: str) -> str:
    match = re.match(r"^(\s*)(`{3,}|~{3,})\s+(\w[\w+-]*)?\s*$", line)
    if not match:
        return line
    return f"{match.group(1)}{match.group(2)}{(match.group(3) or '').lower()}"
