"""The support and releases pages, generated from ``onboardkit.yml``.

Their texts are translated through the same catalogs as the guides, under the contexts
``support:...`` and ``releases:...``.
"""

from __future__ import annotations

from dataclasses import dataclass

from onboardkit.config import Project
from onboardkit.content.catalogs import GuideTranslations
from onboardkit.content.units import TextUnit

PAGE_TEXT = {
    "en": {
        "support.title": "Support",
        "support.intro": "Support is included with every licence of {product}. Write to us "
        "and we answer within the times below.",
        "support.contact": "Contact",
        "support.email": "E-mail",
        "support.hours": "Support hours",
        "support.channels": "Channels",
        "support.sla": "Response times",
        "support.severity": "Severity",
        "support.description": "When it applies",
        "support.first_response": "First response",
        "support.resolution": "Resolution target",
        "support.escalation": "Escalation path",
        "support.level": "Level",
        "support.who": "Who handles it",
        "support.when": "When",
        "support.reach": "How to reach them",
        "support.ticket": "What to send with a ticket",
        "support.ticket_items": "- Odoo version and edition (Community, Enterprise, Odoo.sh)\n"
        "- {product} version (Settings › Apps, module information)\n"
        "- The exact error message and the time it happened\n"
        "- The steps that lead to the problem\n"
        "- Never send passwords or API keys",
        "releases.title": "Releases and compatibility",
        "releases.cadence": "Release cadence",
        "releases.compatibility": "Compatibility per Odoo series",
        "releases.series": "Odoo series",
        "releases.status": "Status",
        "releases.version": "Module version",
        "releases.until": "Supported until",
        "releases.notes": "Notes",
        "status.supported": "Supported",
        "status.security-fixes": "Security fixes only",
        "status.end-of-life": "End of life",
        "status.planned": "Planned",
        "releases.changelog": "Change log",
    },
    "ar": {
        "support.title": "الدعم",
        "support.intro": "الدعم مشمول مع كل ترخيص من {product}. راسلنا وسنرد خلال الأوقات "
        "المبينة أدناه.",
        "support.contact": "التواصل",
        "support.email": "البريد الإلكتروني",
        "support.hours": "ساعات الدعم",
        "support.channels": "القنوات",
        "support.sla": "أوقات الاستجابة",
        "support.severity": "درجة الخطورة",
        "support.description": "متى تنطبق",
        "support.first_response": "أول رد",
        "support.resolution": "الهدف للحل",
        "support.escalation": "مسار التصعيد",
        "support.level": "المستوى",
        "support.who": "من يتولاه",
        "support.when": "متى",
        "support.reach": "طريقة التواصل",
        "support.ticket": "ما يُرسل مع طلب الدعم",
        "support.ticket_items": "- إصدار أودو ونسخته (Community أو Enterprise أو Odoo.sh)\n"
        "- إصدار {product} (الإعدادات › التطبيقات، معلومات الوحدة)\n"
        "- نص رسالة الخطأ كما هو ووقت ظهورها\n"
        "- الخطوات التي تؤدي إلى المشكلة\n"
        "- لا ترسل كلمات المرور أو مفاتيح الواجهة البرمجية أبدًا",
        "releases.title": "الإصدارات والتوافق",
        "releases.cadence": "وتيرة الإصدارات",
        "releases.compatibility": "التوافق حسب سلسلة أودو",
        "releases.series": "سلسلة أودو",
        "releases.status": "الحالة",
        "releases.version": "إصدار الوحدة",
        "releases.until": "مدعوم حتى",
        "releases.notes": "ملاحظات",
        "status.supported": "مدعوم",
        "status.security-fixes": "إصلاحات أمنية فقط",
        "status.end-of-life": "انتهى الدعم",
        "status.planned": "مخطط له",
        "releases.changelog": "سجل التغييرات",
    },
}


def _t(language: str, key: str) -> str:
    table = PAGE_TEXT.get(language.split("_")[0], PAGE_TEXT["en"])
    return table.get(key, PAGE_TEXT["en"][key])


@dataclass
class ServicePage:
    """A generated page: its file name in the generated folder and its Markdown text."""

    name: str
    markdown: str
    fallbacks: int


def service_units(project: Project) -> list[TextUnit]:
    """Translatable texts of the support and releases sections of onboardkit.yml."""
    config = project.config
    units: list[TextUnit] = []

    def add(context: str, text: str | None, path: tuple) -> None:
        if text and text.strip():
            units.append(TextUnit(context, text, path))

    if config.support:
        add("support:hours", config.support.hours, ("support", "hours"))
        for i, channel in enumerate(config.support.channels):
            add(f"support:channels.{i}", channel, ("support", "channels", i))
        for i, row in enumerate(config.support.response_times):
            for key in ("severity", "description", "first_response", "resolution_target"):
                add(
                    f"support:response_times.{i}.{key}",
                    getattr(row, key),
                    ("support", "response_times", i, key),
                )
        for i, row in enumerate(config.support.escalation):
            for key in ("level", "who", "when"):
                add(
                    f"support:escalation.{i}.{key}",
                    getattr(row, key),
                    ("support", "escalation", i, key),
                )
    if config.releases:
        add("releases:cadence", config.releases.cadence, ("releases", "cadence"))
        for i, row in enumerate(config.releases.series):
            add(f"releases:series.{i}.notes", row.notes, ("releases", "series", i, "notes"))
    return units


class _Texts:
    def __init__(self, translations: GuideTranslations | None):
        self.translations = translations
        self.fallbacks = 0

    def get(self, context: str, source: str | None) -> str:
        if not source:
            return "—"
        if self.translations is None:
            return source
        found = self.translations.get(context, source)
        if found:
            return found
        self.fallbacks += 1
        return f'<span class="ok-fallback" lang="en" dir="ltr">{source}</span>'


def render_support(
    project: Project, language: str, translations: GuideTranslations | None
) -> ServicePage | None:
    support = project.config.support
    if support is None:
        return None
    texts = _Texts(translations)
    product = project.config.project.name
    out = [
        *_front_matter(_t(language, "support.title")),
        f"# {_t(language, 'support.title')}",
        "",
        _t(language, "support.intro").format(product=product),
        "",
    ]
    out += [f"## {_t(language, 'support.contact')}", ""]
    out.append(f"- {_t(language, 'support.email')}: [{support.email}](mailto:{support.email})")
    out.append(f"- {_t(language, 'support.hours')}: {texts.get('support:hours', support.hours)}")
    for i, channel in enumerate(support.channels):
        out.append(f"- {texts.get(f'support:channels.{i}', channel)}")
    out.append("")
    if support.response_times:
        keys = ("severity", "description", "first_response", "resolution")
        out += [
            f"## {_t(language, 'support.sla')}",
            "",
            _row([_t(language, f"support.{k}") for k in keys]),
            "|---|---|---|---|",
        ]
        for i, row in enumerate(support.response_times):
            cells = [
                texts.get(f"support:response_times.{i}.{k}", getattr(row, k))
                for k in ("severity", "description", "first_response", "resolution_target")
            ]
            out.append(_row(cells))
        out.append("")
    if support.escalation:
        keys = ("level", "who", "when", "reach")
        out += [
            f"## {_t(language, 'support.escalation')}",
            "",
            _row([_t(language, f"support.{k}") for k in keys]),
            "|---|---|---|---|",
        ]
        for i, row in enumerate(support.escalation):
            cells = [
                texts.get(f"support:escalation.{i}.{k}", getattr(row, k))
                for k in ("level", "who", "when")
            ]
            contact = (
                f"[{row.contact}](mailto:{row.contact})" if "@" in row.contact else row.contact
            )
            out.append(_row(cells + [contact]))
        out.append("")
    out += [
        f"## {_t(language, 'support.ticket')}",
        "",
        _t(language, "support.ticket_items").format(product=product),
        "",
    ]
    return ServicePage("support.md", "\n".join(out), texts.fallbacks)


def render_releases(
    project: Project, language: str, translations: GuideTranslations | None
) -> ServicePage | None:
    releases = project.config.releases
    if releases is None:
        return None
    texts = _Texts(translations)
    out = [
        *_front_matter(_t(language, "releases.title")),
        f"# {_t(language, 'releases.title')}",
        "",
    ]
    out += [
        f"## {_t(language, 'releases.cadence')}",
        "",
        texts.get("releases:cadence", releases.cadence),
        "",
    ]
    if releases.series:
        keys = ("series", "status", "version", "until", "notes")
        out += [
            f"## {_t(language, 'releases.compatibility')}",
            "",
            _row([_t(language, f"releases.{k}") for k in keys]),
            "|---|---|---|---|---|",
        ]
        for i, row in enumerate(releases.series):
            out.append(
                _row(
                    [
                        row.series,
                        _t(language, f"status.{row.status}"),
                        row.module_version or "—",
                        row.until or "—",
                        texts.get(f"releases:series.{i}.notes", row.notes),
                    ]
                )
            )
        out.append("")
    if releases.changelog:
        path = project.path(releases.changelog)
        if path.is_file():
            changelog = path.read_text(encoding="utf-8")
            out += [f"## {_t(language, 'releases.changelog')}", ""]
            out += [
                line.replace("# ", "### ", 1) if line.startswith("# ") else line
                for line in changelog.splitlines()
            ]
            out.append("")
    return ServicePage("releases.md", "\n".join(out), texts.fallbacks)


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(" ".join(c.split()).replace("|", "\\|") for c in cells) + " |"


def _front_matter(title: str) -> list[str]:
    return ["---", f'title: "{title}"', "---", ""]
