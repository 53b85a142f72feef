"""A small reStructuredText to Markdown converter for the constructs of OCA readme fragments.

It covers section titles, paragraphs, bullet and enumerated lists (nested by indentation),
literal blocks (``::``), ``code-block`` directives, admonitions, inline literals, emphasis and
hyperlinks. Images and figures are dropped with a note; other directives and comments are
left out. It is no general reStructuredText parser: tables, field lists, substitutions and
footnotes come through as plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ADORNMENT = re.compile(r"^([=\-`:'\"~^_*+#<>.])\1{2,}\s*$")
_BULLET = re.compile(r"^([-*+\u2022])\s+(.*)$")
_ENUMERATED = re.compile(r"^(\d+|#|[a-zA-Z])([.)])\s+(.*)$|^\((\d+|#|[a-zA-Z])\)\s+(.*)$")
_DIRECTIVE = re.compile(r"^\.\.\s+([\w-]+)::\s*(.*)$")
_TARGET = re.compile(r"^\.\.\s+_([^:]+):\s*(\S+)\s*$")
_CODE_DIRECTIVES = ("code-block", "code", "sourcecode", "highlight")
_IMAGE_DIRECTIVES = ("image", "figure")
_ADMONITIONS = ("note", "tip", "warning", "important", "caution", "danger", "attention", "hint")
_ADMONITION_TYPE = {"important": "info", "caution": "warning", "attention": "warning"}
_ADMONITION_TYPE |= {"hint": "tip"}


@dataclass
class Conversion:
    """The Markdown text and the notes about what the converter left out."""

    markdown: str
    notes: list[str] = field(default_factory=list)


def rst_to_markdown(text: str) -> Conversion:
    """Convert a reStructuredText fragment to Markdown.

    Returns:
        The Markdown text, and one note for each image or directive that was left out.
    """
    lines = text.expandtabs(4).replace("\r\n", "\n").split("\n")
    targets = _collect_targets(lines)
    converter = _Converter(targets)
    body = converter.blocks(lines, 0)
    markdown = "\n\n".join(block for block in body if block.strip())
    return Conversion(markdown.strip() + "\n" if markdown.strip() else "", converter.notes)


def _collect_targets(lines: list[str]) -> dict[str, str]:
    targets = {}
    for line in lines:
        match = _TARGET.match(line.strip())
        if match:
            targets[_normalize(match.group(1))] = match.group(2)
    return targets


def _normalize(name: str) -> str:
    return " ".join(name.strip("`").lower().split())


class _Converter:
    def __init__(self, targets: dict[str, str]):
        self.targets = targets
        self.heading_styles: list[tuple[str, bool]] = []
        self.notes: list[str] = []

    def blocks(self, lines: list[str], depth: int) -> list[str]:
        """Convert a run of lines (already de-indented) into Markdown blocks."""
        out: list[str] = []
        index = 0
        while index < len(lines):
            line = lines[index]
            if not line.strip():
                index += 1
                continue
            heading = self._heading_at(lines, index) if depth == 0 else None
            if heading is not None:
                title, consumed, style = heading
                out.append("#" * self._heading_level(style) + " " + self.inline(title))
                index += consumed
                continue
            stripped = line.strip()
            if stripped == ".." or stripped.startswith(".. "):
                block, index = self._explicit(lines, index, depth)
                if block:
                    out.append(block)
                continue
            if line[: len(line) - len(line.lstrip())]:
                # An indented block that no directive owns is a block quote.
                chunk, index = _indented(lines, index, _indent(line))
                inner = self.blocks(_dedent(chunk), depth + 1)
                out.append(
                    "\n".join("> " + row if row else ">" for row in "\n\n".join(inner).split("\n"))
                )
                continue
            if _BULLET.match(stripped) or _ENUMERATED.match(stripped):
                block, index = self._list(lines, index, depth)
                out.append(block)
                continue
            block, index = self._paragraph(lines, index, depth)
            out.extend(block)
        return out

    # Headings -------------------------------------------------------------------------

    def _heading_at(self, lines: list[str], index: int) -> tuple[str, int, tuple[str, bool]] | None:
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if _ADORNMENT.match(line) and index + 2 < len(lines):
            title, under = lines[index + 1], lines[index + 2]
            if title.strip() and _ADORNMENT.match(under) and under.strip()[0] == line.strip()[0]:
                return title.strip(), 3, (line.strip()[0], True)
        if (
            line.strip()
            and not line.startswith(" ")
            and _ADORNMENT.match(following)
            and len(following.strip()) >= len(line.strip())
        ):
            return line.strip(), 2, (following.strip()[0], False)
        return None

    def _heading_level(self, style: tuple[str, bool]) -> int:
        # reStructuredText ranks title styles by their first appearance in the document.
        if style not in self.heading_styles:
            self.heading_styles.append(style)
        return min(self.heading_styles.index(style) + 1, 6)

    # Explicit markup ------------------------------------------------------------------

    def _explicit(self, lines: list[str], index: int, depth: int) -> tuple[str, int]:
        stripped = lines[index].strip()
        base = _indent(lines[index])
        body, end = _indented(lines, index + 1, base + 1)
        directive = _DIRECTIVE.match(stripped)
        if directive is None:
            return "", end  # a comment or a hyperlink target, already collected
        name, argument = directive.group(1).lower(), directive.group(2).strip()
        content = [row for row in _dedent(body) if not re.match(r"^:[\w-]+:", row.strip())]
        if name in _CODE_DIRECTIVES:
            return _fence("\n".join(_trim_blank(content)), argument), end
        if name in _IMAGE_DIRECTIVES:
            file_name = argument.rsplit("/", 1)[-1] or argument
            self.notes.append(f"image '{argument}' left out")
            caption = " ".join(row.strip() for row in content if row.strip())
            text = f"*(Image not included: {file_name}.)*"
            return (text + "\n\n" + self.inline(caption) if caption else text), end
        if name in _ADMONITIONS or name == "admonition":
            kind = _ADMONITION_TYPE.get(name, name if name != "admonition" else "note")
            title = ""
            if name == "admonition":
                title = f' "{argument}"' if argument else ""
            elif argument:
                # The text of a note may start on the directive's own line.
                content = [argument] + content
            inner = "\n\n".join(self.blocks(content, depth + 1))
            return f"!!! {kind}{title}\n\n{_indent_rows(inner, 4)}", end
        self.notes.append(f"directive '{name}' left out")
        return "", end

    # Lists ----------------------------------------------------------------------------

    def _list(self, lines: list[str], index: int, depth: int) -> tuple[str, int]:
        base = _indent(lines[index])
        items: list[str] = []
        number = 0
        while index < len(lines):
            line = lines[index]
            if not line.strip():
                index += 1
                continue
            if _indent(line) != base:
                break
            stripped = line.strip()
            bullet = _BULLET.match(stripped)
            enumerated = _ENUMERATED.match(stripped)
            if not bullet and not enumerated:
                break
            first = bullet.group(2) if bullet else (enumerated.group(3) or enumerated.group(5))
            marker_width = len(stripped) - len(first)
            chunk, index = _indented(lines, index + 1, base + 1)
            body = [first] + _dedent_to(chunk, base + marker_width)
            number += 1
            marker = "-" if bullet else f"{number}."
            inner = "\n\n".join(self.blocks(body, depth + 1))
            # Python-Markdown takes four spaces as the indentation of a list item's content.
            first_row, _, rest = inner.partition("\n")
            items.append(f"{marker} {first_row}" + ("\n" + _indent_rows(rest, 4) if rest else ""))
        separator = "\n\n" if any("\n" in item for item in items) else "\n"
        return separator.join(items), index

    # Paragraphs and literal blocks ----------------------------------------------------

    def _paragraph(self, lines: list[str], index: int, depth: int) -> tuple[list[str], int]:
        base = _indent(lines[index])
        rows = []
        while index < len(lines) and lines[index].strip() and _indent(lines[index]) == base:
            rows.append(lines[index].strip())
            index += 1
        text = " ".join(rows)
        if not text.endswith("::"):
            return [self.inline(text)], index
        lead = text[:-2].rstrip()
        # "Paragraph::" keeps one colon; a lone "::" disappears.
        lead = lead + ":" if lead and not lead.endswith(" ") else lead
        while index < len(lines) and not lines[index].strip():
            index += 1
        code, end = _indented(lines, index, base + 1)
        out = [self.inline(lead.strip())] if lead.strip() else []
        if code:
            out.append(_fence("\n".join(_trim_blank(_dedent(code))), ""))
        return out, end

    # Inline markup --------------------------------------------------------------------

    def inline(self, text: str) -> str:
        """Convert inline markup: literals, links and references; emphasis is the same."""
        parts = re.split(r"(``.+?``)", text)
        converted = []
        for part in parts:
            if part.startswith("``") and part.endswith("``") and len(part) > 4:
                converted.append("`" + part[2:-2] + "`")
            else:
                converted.append(self._links(part))
        return "".join(converted)

    def _links(self, text: str) -> str:
        def embedded(match: re.Match[str]) -> str:
            label, url = match.group(1).strip(), match.group(2).strip()
            if url.endswith("_"):
                url = self.targets.get(_normalize(url[:-1]), url[:-1])
            return f"[{label or url}]({url})"

        text = re.sub(r"`([^`<]*?)\s*<([^`>]+)>`__?", embedded, text)

        def named(match: re.Match[str]) -> str:
            label = match.group(1)
            url = self.targets.get(_normalize(label))
            return f"[{label}]({url})" if url else label

        text = re.sub(r"`([^`]+)`__?(?=\W|$)", named, text)
        text = re.sub(r":[\w-]+:`([^`]+)`", r"`\1`", text)  # roles such as :code:`x`
        return re.sub(r"(?<![`\w])`([^`]+)`(?![`\w])", r"*\1*", text)


def _fence(code: str, language: str) -> str:
    return f"```{language.split()[0] if language else ''}\n{code}\n```"


def _indent_rows(text: str, width: int) -> str:
    return "\n".join(" " * width + row if row else "" for row in text.split("\n"))


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _indented(lines: list[str], index: int, minimum: int) -> tuple[list[str], int]:
    """Collect the lines from ``index`` indented at least ``minimum``, with blank lines between."""
    chunk: list[str] = []
    while index < len(lines):
        line = lines[index]
        if line.strip() and _indent(line) < minimum:
            break
        chunk.append(line)
        index += 1
    while chunk and not chunk[-1].strip():
        chunk.pop()
        index -= 1
    return chunk, index


def _dedent(chunk: list[str]) -> list[str]:
    widths = [_indent(line) for line in chunk if line.strip()]
    return _dedent_to(chunk, min(widths) if widths else 0)


def _dedent_to(chunk: list[str], width: int) -> list[str]:
    return [line[width:] if line.strip() else "" for line in chunk]


def _trim_blank(rows: list[str]) -> list[str]:
    while rows and not rows[0].strip():
        rows = rows[1:]
    while rows and not rows[-1].strip():
        rows = rows[:-1]
    return rows
