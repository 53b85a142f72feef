"""Gettext catalogs (``.po``) read with Babel, with broken entries reported by line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po

from onboardkit.errors import Problem, ValidationFailed


def load_po(path: Path, display: str | None = None) -> Catalog:
    """Read one ``.po`` file; ``display`` is the name errors give it (default: the path).

    Raises:
        ValidationFailed: the file has a broken entry; the problem names its line.
    """
    name = display or str(path)
    try:
        with path.open("rb") as handle:
            return read_po(handle, abort_invalid=True)
    except PoFileError as error:
        raise ValidationFailed(
            [
                Problem(
                    name,
                    f"broken catalog entry: {_without_line(str(error))}.",
                    line=getattr(error, "lineno", None),
                    fix="Each entry needs a quoted msgid and msgstr; check quotes and escapes there.",
                )
            ]
        ) from error
    except UnicodeDecodeError as error:
        raise ValidationFailed(
            [
                Problem(
                    str(path), f"not valid UTF-8 ({error.reason}).", fix="Save the file as UTF-8."
                )
            ]
        ) from error


def _without_line(message: str) -> str:
    """Drop Babel's trailing ' on <line>': the problem carries the line itself."""
    head, separator, tail = message.rpartition(" on ")
    return head if separator and tail.strip().isdigit() else message


@dataclass
class AddonTranslations:
    """The translations Odoo would load for one language of an addon.

    ``by_source`` maps an English msgid to its translation; ``by_occurrence`` maps an Odoo
    reference such as ``model:ir.ui.menu,name:sale.menu_sale`` to ``(msgid, msgstr)``.
    """

    language: str
    files: list[Path] = field(default_factory=list)
    by_source: dict[str, str] = field(default_factory=dict)
    by_occurrence: dict[str, tuple[str, str]] = field(default_factory=dict)

    def translate(self, text: str) -> str | None:
        return self.by_source.get(text) or None


def po_files_for(i18n_dir: Path, odoo_language: str) -> list[Path]:
    """Return the files Odoo loads for ``odoo_language``, base language first.

    For ``ar_001`` Odoo reads ``ar.po`` and then ``ar_001.po`` over it.
    """
    names = []
    base = odoo_language.split("_")[0]
    if base != odoo_language:
        names.append(f"{base}.po")
    names.append(f"{odoo_language}.po")
    return [i18n_dir / name for name in names if (i18n_dir / name).is_file()]


def read_addon_translations(addon_dir: Path, odoo_language: str) -> AddonTranslations:
    result = AddonTranslations(language=odoo_language)
    for path in po_files_for(addon_dir / "i18n", odoo_language):
        catalog = load_po(path)
        result.files.append(path)
        for message in catalog:
            if not message.id or not isinstance(message.id, str):
                continue
            translated = message.string if isinstance(message.string, str) else None
            if not translated or message.fuzzy:
                continue
            result.by_source[message.id] = translated
            for location, _line in message.locations:
                result.by_occurrence[location] = (message.id, translated)
    return result
