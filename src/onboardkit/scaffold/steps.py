"""The split of a readme fragment into the steps of a guide, with their titles and ids.

A step starts at a heading, at an item of a numbered list, at a paragraph, or at a line that
ends with a colon and introduces a list. Code, images and lists that follow a step belong to
it, so no sentence of the fragment is lost.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from onboardkit.scaffold.markdown import BULLET, FENCE, ORDERED, Block, normalize, parse_blocks

_BOILERPLATE = re.compile(
    r"^to (use|configure|install) this module,?\s*(you (need|have) to)?:?\s*", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z*`\"\[(])")
MAX_TITLE = 80


@dataclass
class StepDraft:
    """A step found in a fragment: its title and Markdown text."""

    title: str
    text: str = ""
    parts: list[str] = field(default_factory=list)

    def add(self, markdown: str) -> None:
        if markdown.strip():
            self.parts.append(markdown.strip())

    def body(self) -> str:
        return "\n\n".join(part for part in [self.text.strip(), *self.parts] if part)


def split_steps(markdown: str) -> list[StepDraft]:
    """Split a fragment into steps at headings, numbered items or lead paragraphs."""
    blocks = parse_blocks(normalize(markdown))
    headings = [block.level for block in blocks if block.kind == "heading"]
    if not headings:
        return _flat_steps(blocks)
    return _sectioned_steps(blocks, min(headings))


def _sectioned_steps(blocks: list[Block], level: int) -> list[StepDraft]:
    sections: list[tuple[str, list[Block]]] = []
    intro: list[Block] = []
    for block in blocks:
        if block.kind == "heading" and block.level == level:
            sections.append((block.text, []))
        elif sections:
            sections[-1][1].append(block)
        else:
            intro.append(block)
    steps = _flat_steps(intro) if intro else []
    for title, body in sections:
        sub_levels = [block.level for block in body if block.kind == "heading"]
        if len(sub_levels) > 1 and body[0].kind == "heading":
            # A heading that only groups sub-sections gives no step of its own.
            steps += _sectioned_steps(body, min(sub_levels))
            continue
        step = StepDraft(clean_title(title))
        for block in body:
            step.add(_as_text(block))
        steps.append(step)
    return steps


def _flat_steps(blocks: list[Block]) -> list[StepDraft]:
    # Bullet lists give steps only when the fragment has no numbered list.
    has_ordered = any(block.kind == "list" and block.ordered for block in blocks)
    steps: list[StepDraft] = []
    lead: list[Block] = []
    current: StepDraft | None = None
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if _gives_steps(block, has_ordered):
            current = _list_steps(block, steps, lead)
        elif block.kind != "paragraph":
            if current is not None:
                current.add(_as_text(block))
            else:
                lead.append(block)
        elif _is_footnote(block.text) and current is not None:
            current.add(block.text)
        elif block.text.rstrip().endswith(":") and _gives_steps(following, has_ordered):
            lead.append(block)  # introduces the list that follows
        elif not _is_boilerplate(block.text):
            current = _step_from_paragraph(block.text)
            steps.append(current)
    leftover = [_as_text(block) for block in lead]
    if leftover and steps:
        steps[0].parts[:0] = leftover
    elif leftover:
        step = StepDraft(clean_title(_first_words(leftover[0])))
        step.parts = leftover
        steps.append(step)
    return steps


def _gives_steps(block: Block | None, has_ordered: bool) -> bool:
    return block is not None and block.kind == "list" and (block.ordered or not has_ordered)


def _list_steps(block: Block, steps: list[StepDraft], lead: list[Block]) -> StepDraft | None:
    """Add the steps of a list: one per item, or one for the whole list after its lead line."""
    introduction = None
    if lead and lead[-1].kind == "paragraph" and lead[-1].text.rstrip().endswith(":"):
        introduction = lead.pop().text
    if introduction is not None and not _is_boilerplate(introduction):
        step = _step_from_paragraph(introduction)
        step.add(block.text)
        steps.append(step)
        return step
    for item in block.list_items():
        first, rest = _first_paragraph(item)
        step = _step_from_paragraph(first)
        step.add(rest)
        steps.append(step)
    return steps[-1] if steps else None


def _first_paragraph(item: str) -> tuple[str, str]:
    """Split a list item into its first paragraph and the blocks after it."""
    lines = item.split("\n")
    end = 1
    while end < len(lines) and lines[end].strip():
        line = lines[end]
        if FENCE.match(line) or ORDERED.match(line) or BULLET.match(line):
            break
        end += 1
    return "\n".join(lines[:end]), "\n".join(lines[end:]).strip()


def _first_words(markdown: str) -> str:
    text = re.sub(r"^\s*(?:[-*+>]|\d+[.)]|`{3,}\w*)\s*", "", markdown)
    return shorten_title(" ".join(text.split())) if len(text) > MAX_TITLE else text


def _step_from_paragraph(text: str) -> StepDraft:
    title, rest = title_and_rest(text)
    return StepDraft(title, rest)


def _as_text(block: Block) -> str:
    if block.kind == "heading":
        return f"**{block.text.strip()}**"
    return block.text


def _is_footnote(text: str) -> bool:
    return bool(re.match(r"^\[\^[^\]]+\]:", text.strip()))


def _is_boilerplate(text: str) -> bool:
    """Return True when the text is only a line such as 'To use this module, you need to:'."""
    stripped = text.strip()
    match = _BOILERPLATE.match(stripped)
    return bool(match) and match.end() == len(stripped)


def title_and_rest(text: str) -> tuple[str, str]:
    """Derive a step title from the first sentence of ``text``, and return it with the rest.

    A sentence too long for a title is cut at a comma, or at a word with an ellipsis. The
    whole text is then kept as the step text, so nothing is lost.
    """
    flat = " ".join(text.split())
    flat = _BOILERPLATE.sub("", flat) or flat
    sentences = _SENTENCE_END.split(flat, maxsplit=1)
    first = sentences[0]
    rest = sentences[1] if len(sentences) > 1 else ""
    title = clean_title(first)
    if len(title) <= MAX_TITLE:
        return title, rest
    return shorten_title(title), flat


def clean_title(text: str) -> str:
    """Make a title of a sentence: no trailing colon or period, 'To do' read as 'Do'."""
    title = " ".join(text.split()).strip().rstrip(":.").strip()
    title = re.sub(r"^To ([a-z])", lambda match: match.group(1).upper(), title)
    return title[:1].upper() + title[1:]


def shorten_title(title: str) -> str:
    """Cut a long title at its first comma outside brackets, or at a word with an ellipsis."""
    for comma in re.finditer(r"[,;]\s", title[:MAX_TITLE]):
        head = title[: comma.start()]
        if len(head) >= 15 and head.count("(") == head.count(")") and head.count("`") % 2 == 0:
            return head
    words = title[: MAX_TITLE - 1].rsplit(" ", 1)[0]
    return _balanced(words.rstrip(",;: ")) + "…"


def _balanced(text: str) -> str:
    """Drop a bracket, inline code or emphasis span that the cut left open."""
    if text.count("(") > text.count(")"):
        text = text[: text.rindex("(")].rstrip()
    for mark in ("`", "**", "*"):
        if text.count(mark) % 2:
            text = text[: text.rindex(mark)].rstrip()
    return text


def slugify(text: str, used_ids: set[str], fallback: str = "step") -> str:
    """Return a lower-case ASCII id of up to six words, not in ``used_ids``, and add it there."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"\[\[[^\]]*[:/.]([\w-]+)\]\]", r" \1 ", ascii_text)
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    base = "-".join(words[:6])[:48].strip("-") or fallback
    candidate = base
    number = 2
    while candidate in used_ids:
        candidate = f"{base}-{number}"
        number += 1
    used_ids.add(candidate)
    return candidate
