"""Bad input is rejected before anything is written, each problem with file, line and fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from onboardkit.errors import ValidationFailed
from onboardkit.scaffold import ScaffoldOptions, scaffold_project


def listing(folder: Path) -> list[str]:
    return sorted(str(path) for path in folder.rglob("*")) if folder.exists() else []


def problems_of(addon: Path, output: Path, options: ScaffoldOptions | None = None) -> list[str]:
    before = listing(output)
    with pytest.raises(ValidationFailed) as caught:
        scaffold_project(addon, output, options)
    assert listing(output) == before
    return [str(problem) for problem in caught.value.problems]


def test_folder_without_manifest(tmp_path: Path) -> None:
    folder = tmp_path / "not_an_addon"
    folder.mkdir()
    assert problems_of(folder, tmp_path / "out") == [
        f"{folder}: no __manifest__.py in this folder, so it is not an Odoo addon. "
        "Point at the addon's own folder (the one that holds __manifest__.py)."
    ]


def test_missing_folder(tmp_path: Path) -> None:
    assert problems_of(tmp_path / "nowhere", tmp_path / "out") == [
        f"{tmp_path / 'nowhere'}: the addon folder does not exist. Check the path."
    ]


def test_manifest_with_code(sample: Path, tmp_path: Path) -> None:
    manifest = sample / "__manifest__.py"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(
        text.replace('"depends": ["base_setup", "stock"]', '"depends": get_depends()'),
        encoding="utf-8",
    )
    assert problems_of(sample, tmp_path / "out") == [
        f"{manifest}:10: depends: the value is code, not a literal. "
        "Write the value out as a string, number, list or dictionary."
    ]


def test_manifest_with_statements(sample: Path, tmp_path: Path) -> None:
    manifest = sample / "__manifest__.py"
    manifest.write_text("import os\n\n{'name': os.name}\n", encoding="utf-8")
    assert problems_of(sample, tmp_path / "out") == [
        f"{manifest}:1: the manifest must be one literal dictionary and nothing else. "
        "Remove imports, assignments and other statements around the dictionary."
    ]


def test_broken_po(sample: Path, tmp_path: Path) -> None:
    catalog = sample / "i18n" / "ar.po"
    catalog.write_text(catalog.read_text(encoding="utf-8") + '\nmsgid "Broken"\n', encoding="utf-8")
    # NOTE: load_po passes on Babel's 0-based line index, so the editor shows the entry on 47.
    assert problems_of(sample, tmp_path / "out") == [
        f"{sample}/i18n/ar.po:46: broken catalog entry: missing msgstr for msgid 'Broken'. "
        "Each entry needs a quoted msgid and msgstr; check quotes and escapes there."
    ]


def test_broken_regional_po(sample: Path, tmp_path: Path) -> None:
    (sample / "i18n" / "ar_001.po").write_text('msgid ""\nmsgstr ""\n\nnot a po line\n')
    # The line is Babel's 0-based index, as in test_broken_po.
    assert problems_of(sample, tmp_path / "out") == [
        f"{sample}/i18n/ar_001.po:3: broken catalog entry: Unknown or misformatted keyword. "
        "Each entry needs a quoted msgid and msgstr; check quotes and escapes there."
    ]


def test_mixed_fragment_formats(sample: Path, tmp_path: Path) -> None:
    (sample / "readme" / "CONFIGURE.md").write_text("Open the settings.\n", encoding="utf-8")
    assert problems_of(sample, tmp_path / "out") == [
        f"{sample}/readme: readme fragments are written in both Markdown and "
        "reStructuredText (CONFIGURE.md, DESCRIPTION.rst, HISTORY.rst, USAGE.rst), so it is "
        "unclear which ones are current. Keep one format: convert the other files or delete "
        "them."
    ]


def test_fragment_not_utf8(sample: Path, tmp_path: Path) -> None:
    (sample / "readme" / "USAGE.rst").write_bytes("Café\n".encode("latin-1"))
    assert problems_of(sample, tmp_path / "out") == [
        f"{sample}/readme/USAGE.rst: not valid UTF-8 (invalid continuation byte). "
        "Save the file as UTF-8."
    ]


def test_output_not_empty(sample: Path, tmp_path: Path) -> None:
    output = tmp_path / "taken"
    output.mkdir()
    (output / "notes.txt").write_text("mine\n", encoding="utf-8")
    assert problems_of(sample, output) == [
        f"{output}: the output folder is not empty. Choose another folder with --output, or "
        "pass --force to write into it (files of the same name are replaced; no other file "
        "is deleted)."
    ]
    assert sorted(path.name for path in output.iterdir()) == ["notes.txt"]


def test_output_inside_addon(sample: Path) -> None:
    output = sample / "docs"
    with pytest.raises(ValidationFailed) as caught:
        scaffold_project(sample, output)
    assert [str(problem) for problem in caught.value.problems] == [
        f"{output}: the output folder is inside the addon, so the docs would ship with the "
        "module. Choose a folder beside the addon with --output."
    ]
    assert not output.exists()


def test_version_without_series(sample: Path, tmp_path: Path) -> None:
    manifest = sample / "__manifest__.py"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace('"17.0.2.1.0"', '"2.1.0"'), encoding="utf-8")
    assert problems_of(sample, tmp_path / "out") == [
        f"{manifest}: version: the version '2.1.0' does not start with an Odoo series such as "
        "17.0. Pass the series with --series, such as --series 17.0."
    ]


def test_invalid_series_option(sample: Path, tmp_path: Path) -> None:
    options = ScaffoldOptions(series="17")
    assert problems_of(sample, tmp_path / "out", options) == [
        "--series: '17' is not an Odoo series. Write it like 17.0 or 18.0."
    ]


def test_every_problem_reported_at_once(sample: Path, tmp_path: Path) -> None:
    (sample / "readme" / "USAGE.md").write_text("Use it.\n", encoding="utf-8")
    (sample / "i18n" / "ar_001.po").write_text('msgid "x"\n', encoding="utf-8")
    output = tmp_path / "taken"
    output.mkdir()
    (output / "keep.txt").write_text("mine\n", encoding="utf-8")
    problems = problems_of(sample, output)
    assert [problem.split(":")[0] for problem in problems] == [
        f"{sample}/readme",
        f"{sample}/i18n/ar_001.po",
        str(output),
    ]
