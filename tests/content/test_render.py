"""Rendering of guides per language: labels, fallback, error texts, coverage, catalogs."""

from __future__ import annotations

from pathlib import Path

from helpers import replace_in

from onboardkit.config import load_project
from onboardkit.content import catalogs
from onboardkit.content.loader import load_guides
from onboardkit.content.references import references_in
from onboardkit.errors import ProblemList
from onboardkit.odoo.catalog import load_po
from onboardkit.site.prepare import prepare_site


def page(root: Path, name: str) -> str:
    return (root / "docs/onboarding" / name).read_text(encoding="utf-8")


def test_labels_in_each_language(mini: Path) -> None:
    prepare_site(load_project(mini))
    assert "In **API Key**, paste the key" in page(mini, "configure.md")
    arabic = page(mini, "configure.ar.md")
    assert "**مفتاح الواجهة البرمجية**" in arabic
    assert "| **مفتاح الواجهة البرمجية** |" in arabic


def test_menu_label_is_a_path(mini: Path) -> None:
    prepare_site(load_project(mini))
    assert "| **Mini › Shipments** |" in page(mini, "configure.md")
    # "Shipments" has no Arabic in the addon: Odoo shows it in English, and so do the docs.
    assert "| **ميني › Shipments** |" in page(mini, "configure.ar.md")


def test_translated_text_used(mini: Path) -> None:
    prepare_site(load_project(mini))
    arabic = page(mini, "install.ar.md")
    assert "# ثبّت الموصل" in arabic
    assert "افتح **ميني**، وابحث عن الوحدة ثم انقر تثبيت." in arabic


def test_untitled_admonition_gets_language_title(mini: Path) -> None:
    prepare_site(load_project(mini))
    assert '!!! tip "Tip"' in page(mini, "install.md")
    assert '!!! tip "نصيحة"' in page(mini, "install.ar.md")


def test_untranslated_text_falls_back_marked(mini: Path) -> None:
    prepare_site(load_project(mini))
    arabic = page(mini, "install.ar.md")
    assert '!!! info "الترجمة غير مكتملة"' in arabic
    assert (
        '<div class="ok-fallback" lang="en" dir="ltr" markdown>\n\n'
        "Copy the module folder into your addons path and restart Odoo.\n\n</div>"
    ) in arabic
    assert "الترجمة غير مكتملة" not in page(mini, "install.md")


def test_fully_translated_page_has_no_note(mini: Path) -> None:
    project = load_project(mini)
    problems = ProblemList()
    guides = load_guides(project, problems)
    catalogs.update(project, guides)
    po = mini / "translations/ar.po"
    catalog = load_po(po)
    for message in catalog:
        if message.context and message.context.startswith("problems:"):
            references = " ".join(f"[[{r}]]" for r in references_in(message.id))
            message.string = f"نص عربي {references}"
    from babel.messages.pofile import write_po

    with po.open("wb") as handle:
        write_po(handle, catalog)
    prepared = prepare_site(load_project(mini))
    arabic = page(mini, "problems.ar.md")
    assert "الترجمة غير مكتملة" not in arabic
    assert "ok-fallback" not in arabic
    row = next(r for r in prepared.coverage if r.page == "problems")
    assert (row.translated, row.total) == (6, 6)


def test_error_text_quoted_in_arabic(mini: Path) -> None:
    prepare_site(load_project(mini))
    arabic = page(mini, "problems.ar.md")
    # Latin words are isolated, so neutral characters beside them keep their side in RTL.
    assert (
        '<pre><code>رفضت شركة الشحن مفتاح الواجهة البرمجية (<bdi dir="ltr">HTTP</bdi> 401).'
        "</code></pre>"
    ) in arabic
    assert "The carrier rejected the API key (HTTP 401)." in arabic
    english = page(mini, "problems.md")
    assert "```text\nThe carrier rejected the API key (HTTP 401).\n```" in english


def test_latin_run_isolated_whole() -> None:
    from onboardkit.content.render import _isolate_latin

    assert _isolate_latin('يبدأ بـ "cpk_live_" & <x>') == (
        'يبدأ بـ "<bdi dir="ltr">cpk_live_</bdi>" &amp; &lt;<bdi dir="ltr">x</bdi>&gt;'
    )
    assert _isolate_latin("على https://api.example.com/v2.") == (
        'على <bdi dir="ltr">https://api.example.com/v2</bdi>.'
    )


def test_coverage_per_page(mini: Path) -> None:
    prepared = prepare_site(load_project(mini))
    rows = {(row.page, row.language): (row.translated, row.total) for row in prepared.coverage}
    assert rows[("install", "ar")] == (3, 10)
    assert rows[("configure", "ar")] == (0, 7)
    assert rows[("index.md", "ar")] == (1, 1)
    assert rows[("faq.md", "ar")] == (0, 1)


def test_translation_with_changed_reference_ignored(mini: Path) -> None:
    replace_in(
        mini / "translations/ar.po",
        "افتح [[menu:mini_connector.menu_mini_root]]،",
        "افتح القائمة،",
    )
    prepared = prepare_site(load_project(mini))
    warnings = [str(problem) for problem in prepared.problems.warnings]
    assert any(
        w.startswith("translations/ar.po:")
        and "install:steps.activate.text: the translation "
        "does not keep the same [[...]] label references"
        in w
        for w in warnings
    )
    # The English text stands in, with the label as the Arabic screen shows it.
    assert "Open **ميني**, search for the module" in page(mini, "install.ar.md")


def test_update_keeps_translations_and_marks_changes(mini: Path) -> None:
    project = load_project(mini)
    guides = load_guides(project, ProblemList())
    catalogs.update(project, guides)
    replace_in(mini / "onboarding/install.yml", "title: Install the connector", "title: Install it")
    project = load_project(mini)
    guides = load_guides(project, ProblemList())
    catalogs.update(project, guides)
    catalog = load_po(mini / "translations/ar.po")
    title = catalog.get("Install it", "install:title")
    assert title is not None
    assert title.fuzzy
    assert title.string == "ثبّت الموصل"
    assert '#| msgid "Install the connector"' in (mini / "translations/ar.po").read_text("utf-8")
    summary = catalog.get(
        "Add the module to your Odoo database and check that it runs.", "install:summary"
    )
    assert summary.string == "أضف الوحدة إلى قاعدة بيانات أودو وتأكد من أنها تعمل."
    assert not summary.fuzzy
    # A fuzzy translation is not shown: the page falls back to English for it.
    prepare_site(load_project(mini))
    assert "Install it" in page(mini, "install.ar.md")


def test_template_lists_every_text(mini: Path) -> None:
    project = load_project(mini)
    guides = load_guides(project, ProblemList())
    path = catalogs.extract(project, guides)
    template = load_po(path)
    contexts = {message.context for message in template if message.id}
    assert "install:steps.upload.result" in contexts
    assert "problems:entries.bad-key.fix" in contexts
    assert "support:response_times.0.severity" in contexts
    # Exact error texts and pure label references are never sent to translators.
    assert not any(context.endswith(".error") for context in contexts)
    assert "configure:settings.0.setting" not in contexts


def test_stale_generated_page_removed(mini: Path) -> None:
    prepare_site(load_project(mini))
    (mini / "onboarding/problems.yml").unlink()
    replace_in(mini / "mkdocs.yml", "      - onboarding/problems.md\n", "")
    prepare_site(load_project(mini))
    assert not (mini / "docs/onboarding/problems.md").exists()
    assert not (mini / "docs/onboarding/problems.ar.md").exists()


def test_hand_written_page_never_overwritten(mini: Path) -> None:
    target = mini / "docs/onboarding"
    target.mkdir(parents=True)
    (target / "install.md").write_text("# Mine\n", encoding="utf-8")
    from onboardkit.errors import ValidationFailed

    try:
        prepare_site(load_project(mini))
    except ValidationFailed as error:
        assert "a hand-written page has the name of a generated page" in str(error)
    else:
        raise AssertionError("expected a ValidationFailed")
    assert (target / "install.md").read_text(encoding="utf-8") == "# Mine\n"
