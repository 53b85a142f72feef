"""Render a guide as a Markdown page in one language, for MkDocs and for the PDF pages."""

from __future__ import annotations

import html
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field

from onboardkit.config import LanguageEntry
from onboardkit.content import errortext
from onboardkit.content.catalogs import GuideTranslations
from onboardkit.content.loader import GuideSet, LoadedGuide
from onboardkit.content.references import resolve_label, substitute
from onboardkit.content.strings import minutes_text, ui_text
from onboardkit.odoo.addon import Addon


@dataclass(frozen=True)
class ImageRef:
    """A screenshot as a page shows it: path relative to the page, alt text and caption."""

    src: str
    alt: str
    caption: str | None = None


ImageLookup = Callable[[str, str], ImageRef | None]
# (guide slug, language) -> (label, href) pairs of the PDFs to offer at the top of the page.
PdfLinkLookup = Callable[[str, str], list[tuple[str, str]]]


@dataclass
class RenderContext:
    """What rendering needs besides the guide: language, texts, addon labels and images."""

    language: LanguageEntry
    addon: Addon
    guides: GuideSet
    translations: GuideTranslations | None = None
    image_for: ImageLookup = lambda shot, language: None
    source_file: str = ""
    pdf_links: PdfLinkLookup = lambda slug, language: []
    fallbacks: int = field(default=0, init=False)
    missing_images: list[str] = field(default_factory=list, init=False)

    @property
    def code(self) -> str:
        return self.language.code

    @property
    def is_source(self) -> bool:
        return self.translations is None


def render_guide(item: LoadedGuide, context: RenderContext) -> str:
    """Return the page's Markdown; ``context.fallbacks`` counts texts shown in English."""
    page = _Page(item, context)
    return page.render()


class _Page:
    def __init__(self, item: LoadedGuide, context: RenderContext):
        self.item = item
        self.guide = item.guide
        self.context = context
        self.out: list[str] = []

    # Text lookup -----------------------------------------------------------------------

    def text(self, key: str, source: str | None, block: bool = False) -> str:
        """Return the text of ``key`` in the page language, with labels inserted."""
        if not source:
            return ""
        translated = None
        if self.context.translations is not None:
            translated = self.context.translations.get(f"{self.item.slug}:{key}", source)
        text = translated or source
        text = substitute(text, self.label)
        if translated is None and self.context.translations is not None and _has_words(source):
            self.context.fallbacks += 1
            if block:
                return f'<div class="ok-fallback" lang="en" dir="ltr" markdown>\n\n{text}\n\n</div>'
            return f'<span class="ok-fallback" lang="en" dir="ltr">{text}</span>'
        return text

    def label(self, reference: str) -> str:
        label = resolve_label(self.context.addon, reference, self._odoo_language())
        return f"**{label.text}**"

    def _odoo_language(self) -> str | None:
        return None if self.context.is_source else self.context.language.odoo

    def ui(self, key: str) -> str:
        return ui_text(self.context.code, key)

    # Page ----------------------------------------------------------------------------

    def render(self) -> str:
        out = self.out
        title = self.text("title", self.guide.title)
        out.append("---")
        out.append(f"title: {_yaml_string(_plain(title))}")
        out.append(f"description: {_yaml_string(_plain(self.text('summary', self.guide.summary)))}")
        out.append("---")
        out.append("")
        out.append(f"# {title}")
        out.append("")
        self.pdf_links()
        body_start = len(out)
        out.append(self.text("summary", self.guide.summary, block=True))
        out.append("")
        out.append(
            f'<p class="ok-facts"><span>{self.ui("audience")}: '
            f"{self.text('audience', self.guide.audience)}</span> "
            f"<span>{self.ui('time')}: {minutes_text(self.context.code, self.guide.time_minutes)}"
            "</span></p>"
        )
        out.append("")
        self.prerequisites()
        self.steps()
        self.settings()
        self.entries()
        self.related()
        if self.context.fallbacks:
            note = [
                f'!!! info "{self.ui("untranslated_title")}"',
                "",
                f"    {self.ui('untranslated_text')}",
                "",
            ]
            out[body_start:body_start] = note
        return "\n".join(out).rstrip() + "\n"

    def pdf_links(self) -> None:
        links = self.context.pdf_links(self.item.slug, self.context.code)
        if not links:
            return
        self.out.append(" ".join(f"[{label}]({href})" for label, href in links))
        self.out += ["{: .ok-downloads }", ""]

    def prerequisites(self) -> None:
        if not self.guide.prerequisites:
            return
        self.out += [f"## {self.ui('prerequisites')}", ""]
        for index, item in enumerate(self.guide.prerequisites):
            self.out.append(f"- {self.text(f'prerequisites.{index}', item)}")
        self.out.append("")

    def steps(self) -> None:
        if not self.guide.steps:
            return
        self.out += [f"## {self.ui('steps')}", ""]
        for number, step in enumerate(self.guide.steps, start=1):
            key = f"steps.{step.id}"
            self.out += [
                f"### {number}. {self.text(key + '.title', step.title)} {{#{step.id}}}",
                "",
            ]
            if step.text:
                self.out += [self.text(key + ".text", step.text, block=True), ""]
            for index, tab in enumerate(step.tabs):
                tab_title = _plain(self.text(f"{key}.tabs.{index}.title", tab.title))
                body = self.text(f"{key}.tabs.{index}.text", tab.text, block=True)
                self.out += [f'=== "{tab_title}"', "", textwrap.indent(body, "    "), ""]
            if step.code:
                self.out += [f"```{step.code_language}", step.code.rstrip("\n"), "```", ""]
            if step.screenshot:
                self.figure(step.screenshot)
            if step.result:
                result = self.text(key + ".result", step.result, block=True)
                self.out += [
                    f'!!! success "{self.ui("result")}"',
                    "",
                    textwrap.indent(result, "    "),
                    "",
                ]
            if step.admonition:
                note = step.admonition
                # Without a title, Material would print the English type name on every page.
                if note.title:
                    note_title = self.text(key + ".admonition.title", note.title)
                else:
                    note_title = self.ui(f"admonition.{note.type}")
                header = f'!!! {note.type} "{_plain(note_title)}"'
                body = self.text(key + ".admonition.text", note.text, block=True)
                self.out += [header, "", textwrap.indent(body, "    "), ""]

    def figure(self, shot: str) -> None:
        image = self.context.image_for(shot, self.context.code)
        if image is None:
            self.context.missing_images.append(shot)
            self.out += [
                f'<p class="ok-missing-shot">{self.ui("missing_shot")}: <code>{shot}</code></p>',
                "",
            ]
            return
        alt = image.alt.replace("[", "(").replace("]", ")")
        self.out += ['<figure class="ok-shot" markdown="span">', f"  ![{alt}]({image.src})"]
        if image.caption:
            self.out.append(f"  <figcaption>{html.escape(image.caption)}</figcaption>")
        self.out += ["</figure>", ""]

    def settings(self) -> None:
        if not self.guide.settings:
            return
        headers = [self.ui(k) for k in ("setting", "meaning", "default", "location")]
        self.out += [f"## {self.ui('settings')}", "", "| " + " | ".join(headers) + " |"]
        self.out.append("|" + "---|" * 4)
        for index, row in enumerate(self.guide.settings):
            cells = [
                self.text(f"settings.{index}.setting", row.setting),
                self.text(f"settings.{index}.meaning", row.meaning),
                self.text(f"settings.{index}.default", row.default) or "—",
                self.text(f"settings.{index}.location", row.location),
            ]
            self.out.append("| " + " | ".join(_cell(c) for c in cells) + " |")
        self.out.append("")

    def entries(self) -> None:
        if not self.guide.entries:
            return
        self.out += [f"## {self.ui('problems')}", ""]
        for entry in self.guide.entries:
            key = f"entries.{entry.id}"
            self.out += [f"### {self.text(key + '.symptom', entry.symptom)} {{#{entry.id}}}", ""]
            if entry.error:
                self.error_block(entry.error)
            if entry.screenshot:
                self.figure(entry.screenshot)
            self.out += [f"**{self.ui('cause')}:** {self.text(key + '.cause', entry.cause)}", ""]
            fix = self.text(key + ".fix", entry.fix, block=True)
            if _is_one_paragraph(fix):
                self.out += [f"**{self.ui('fix')}:** {fix}", ""]
            else:
                self.out += [_label(self.ui("fix")), "", fix, ""]

    def error_block(self, error: str) -> None:
        shown = error
        if not self.context.is_source:
            literal = errortext.find_message(self.context.addon.path, error)
            catalog = self.context.addon.translations(self.context.language.odoo)
            translated = catalog.translate(literal) if literal else None
            if translated:
                shown = errortext.translate_message(literal, error, translated)
        self.out += [_label(self.ui("error")), "", '<div class="ok-error" markdown>', ""]
        if shown != error and self.context.language.rtl:
            self.out += [f"<pre><code>{_isolate_latin(shown)}</code></pre>", "", "</div>", ""]
        else:
            self.out += ["```text", shown, "```", "", "</div>", ""]
        if shown != error:
            self.out += [
                f'<p class="ok-error-original"><span>{self.ui("error_original")}:</span> '
                f'<code lang="en" dir="ltr">{html.escape(error)}</code></p>',
                "",
            ]

    def related(self) -> None:
        if not self.guide.related:
            return
        guides = self.context.guides.by_slug()
        self.out += [f"## {self.ui('related')}", ""]
        for slug in self.guide.related:
            other = guides[slug]
            title = (
                self.context.translations.get(f"{slug}:title", other.guide.title)
                if self.context.translations
                else None
            )
            self.out.append(f"- [{_plain(title or other.guide.title)}]({slug}.md)")
        self.out.append("")


def _has_words(text: str) -> bool:
    return any(character.isalpha() for character in substitute(text, lambda _r: ""))


def _plain(text: str) -> str:
    """Strip the fallback wrapper and Markdown emphasis for places that take plain text."""
    if text.startswith('<span class="ok-fallback"'):
        text = text[text.index(">") + 1 : -len("</span>")]
    return text.replace("**", "").replace('"', "'")


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _label(text: str) -> str:
    """Return a bold label paragraph that print pages keep on the same page as what follows."""
    return f'<p class="ok-label"><strong>{html.escape(text)}:</strong></p>'


def _is_one_paragraph(text: str) -> bool:
    """Tell whether Markdown ``text`` is a single paragraph that can follow a bold label."""
    if "\n\n" in text.strip() or text.lstrip().startswith("<div"):
        return False
    return not any(
        line.lstrip().startswith(("- ", "* ", "1. ", "```", "|", ">", "!!!", "==="))
        for line in text.splitlines()
    )


# A run of Latin letters and digits with the connectors of names, URLs and keys inside it
# (cpk_live_, https://api.example.com/v2), ending on a letter, digit or underscore.
LATIN_RUN = re.compile(r"[A-Za-z0-9](?:[\w.\-/:@%+]*\w)?", re.ASCII)


def _isolate_latin(text: str) -> str:
    """Escape ``text`` for HTML and isolate its Latin runs as left-to-right ``bdi`` elements.

    In right-to-left text a neutral character at the edge of a Latin word, such as the
    trailing underscore of ``cpk_live_``, is otherwise drawn on the wrong side. Markup
    instead of invisible Unicode marks keeps the text searchable and copyable as it is.
    """
    pieces = []
    position = 0
    for match in LATIN_RUN.finditer(text):
        if not re.search(r"[A-Za-z]", match.group(0)):
            continue
        pieces.append(html.escape(text[position : match.start()], quote=False))
        pieces.append(f'<bdi dir="ltr">{html.escape(match.group(0), quote=False)}</bdi>')
        position = match.end()
    pieces.append(html.escape(text[position:], quote=False))
    return "".join(pieces)
