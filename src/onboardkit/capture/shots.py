"""Loading the shot list, where each image goes, and which images are stale.

These are the functions the site build calls; they need no browser and no Odoo server.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from onboardkit.capture.schema import SHOT_ID, Shot, ShotList
from onboardkit.config import Project
from onboardkit.errors import ProblemList
from onboardkit.yamlfile import LineMap, load_yaml, validate_as

log = logging.getLogger(__name__)

SECRET_KEY = re.compile(r"(pass(word|wd)?|secret|token|api[_-]?key|credential)", re.I)
SECRET_FIX = (
    "Delete it. Odoo credentials go in the environment variables named by odoo.login_env and "
    "odoo.password_env (or the system keyring); a value that a 'fill' step types goes in an "
    "environment variable named by the step's 'value_env'."
)


def shots_file_name(project: Project) -> str:
    """Return the shot list's path relative to the project, as error messages show it."""
    return Path(project.config.capture.shots).as_posix()


def load_shot_list(project: Project) -> ShotList:
    """Load and validate the shot list, with the ``defaults`` section applied to every shot.

    Raises:
        ValidationFailed: with every problem found, each naming its file, line and field.
    """
    name = shots_file_name(project)
    problems = ProblemList()
    document, parse_problems = load_yaml(project.path(project.config.capture.shots), name)
    problems.extend(parse_problems)
    data = document.data
    if not problems.errors and not isinstance(data, dict):
        problems.error(
            name,
            "the shot list must be a mapping with a 'shots' list.",
            line=1,
            fix="Start the file with 'shots:' followed by a list of shots.",
        )
    problems.raise_if_errors()
    _find_secrets(data, document.lines, name, problems)
    secret_fields = {problem.field for problem in problems.problems}
    shot_list, validation = validate_as(ShotList, data, name, document.lines)
    # A validation message may quote the value, which must not happen for a secret.
    problems.extend(problem for problem in validation if problem.field not in secret_fields)
    if shot_list is not None:
        shot_list = apply_defaults(shot_list)
        _check_shots(project, shot_list, document.lines, name, problems)
    problems.problems.sort(key=lambda problem: problem.line or 0)
    problems.raise_if_errors()
    for warning in problems.warnings:
        log.warning("%s", warning)
    assert shot_list is not None
    return shot_list


def apply_defaults(shot_list: ShotList) -> ShotList:
    """Return the shot list with each shot's unset options taken from ``defaults``."""
    defaults = shot_list.defaults
    shots = []
    for shot in shot_list.shots:
        inherited = {
            name: getattr(defaults, name)
            for name in defaults.model_fields_set
            if name not in shot.model_fields_set
        }
        shots.append(shot.model_copy(update=inherited))
    return shot_list.model_copy(update={"shots": shots})


def shot_languages(project: Project, shot: Shot) -> list[str]:
    """Return the docs language codes that ``shot`` is captured in."""
    codes = [language.code for language in project.config.languages]
    return [code for code in codes if shot.languages is None or code in shot.languages]


def image_dir(project: Project) -> Path:
    return project.path(project.config.capture.output_dir)


def image_path(project: Project, shot_id: str, language: str, image_format: str = "") -> Path:
    """Return where the image of ``shot_id`` in ``language`` is stored.

    The format is the shot's (``png`` unless the shot list sets ``webp``); pass
    ``image_format`` to skip reading the shot list.

    Raises:
        ValueError: the shot id or language could lead outside the output folder.
    """
    if not SHOT_ID.match(shot_id) or not re.fullmatch(r"[a-z]{2,3}(_[A-Z]{2})?", language):
        raise ValueError(f"'{shot_id}' in '{language}' is not a valid shot id and language")
    if not image_format:
        image_format = _known_formats(project).get(shot_id, "png")
    root = image_dir(project)
    path = (root / language / f"{shot_id}.{image_format}").resolve()
    if not path.is_relative_to(root):
        raise ValueError(f"the image of '{shot_id}' would be written outside {root}")
    return path


def metadata_path(image: Path) -> Path:
    """Return the metadata file beside ``image`` (``<id>.json``, whatever the format)."""
    return image.with_suffix(".json")


_FORMAT_CACHE: dict[tuple[Path, int], dict[str, str]] = {}


def _known_formats(project: Project) -> dict[str, str]:
    path = project.path(project.config.capture.shots)
    try:
        key = (path, path.stat().st_mtime_ns)
    except FileNotFoundError:
        return {}
    if key not in _FORMAT_CACHE:
        document, _ = load_yaml(path)
        formats: dict[str, str] = {}
        data = document.data if isinstance(document.data, dict) else {}
        default = _format_of(data.get("defaults"), "png")
        for entry in data.get("shots") or []:
            if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                formats[entry["id"]] = _format_of(entry, default)
        _FORMAT_CACHE[key] = formats
    return _FORMAT_CACHE[key]


def _format_of(entry: Any, default: str) -> str:
    if isinstance(entry, dict) and entry.get("format") in ("png", "webp"):
        return str(entry["format"])
    return default


def _find_secrets(
    data: Any, lines: LineMap, file: str, problems: ProblemList, path: tuple = ()
) -> None:
    if isinstance(data, dict):
        for key, value in data.items():
            key_path = path + (key,)
            secret_key = (
                isinstance(key, str) and not key.endswith("_env") and SECRET_KEY.search(key)
            )
            if secret_key and isinstance(value, str | int) and str(value).strip():
                _secret_problem(problems, file, lines, key_path)
            _find_secrets(value, lines, file, problems, key_path)
        typed = data.get("fill")
        if isinstance(typed, str) and SECRET_KEY.search(typed) and data.get("value"):
            _secret_problem(problems, file, lines, path + ("value",))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            _find_secrets(item, lines, file, problems, path + (index,))


def _secret_problem(problems: ProblemList, file: str, lines: LineMap, path: tuple) -> None:
    problems.error(
        file,
        "a secret is written in the shot list; it would end up in the repository.",
        line=lines.line_of(path),
        field=".".join(map(str, path)),
        fix=SECRET_FIX,
    )


def _check_shots(
    project: Project, shot_list: ShotList, lines: LineMap, file: str, problems: ProblemList
) -> None:
    codes = [language.code for language in project.config.languages]
    seen: dict[str, int | None] = {}
    for index, shot in enumerate(shot_list.shots):
        where = ("shots", index)
        if shot.id in seen:
            problems.error(
                file,
                f"shot id '{shot.id}' is used twice (first on line {seen[shot.id]}).",
                line=lines.line_of(where + ("id",)),
                field=f"shots.{index}.id",
                fix="Give each shot its own id.",
            )
        seen.setdefault(shot.id, lines.line_of(where + ("id",)))
        for position, code in enumerate(shot.languages or []):
            if code not in codes:
                problems.error(
                    file,
                    f"unknown language '{code}'; the project's languages are {', '.join(codes)}.",
                    line=lines.line_of(where + ("languages", position)),
                    field=f"shots.{index}.languages.{position}",
                    fix="Use a code listed under 'languages' in onboardkit.yml.",
                )
        _check_texts(shot, index, codes, lines, file, problems)
    _check_addon_ids(project, shot_list, lines, file, problems)


def _check_texts(
    shot: Shot, index: int, codes: list[str], lines: LineMap, file: str, problems: ProblemList
) -> None:
    expected = [code for code in codes if shot.languages is None or code in shot.languages]
    for path, text in _localized_texts(shot):
        if not isinstance(text, dict):
            continue
        full = ("shots", index) + path
        for code in text:
            if code not in codes:
                problems.error(
                    file,
                    f"unknown language '{code}'; the project's languages are {', '.join(codes)}.",
                    line=lines.line_of(full + (code,)),
                    field=".".join(map(str, full + (code,))),
                    fix="Use a code listed under 'languages' in onboardkit.yml.",
                )
        missing = [code for code in expected if code not in text]
        if missing and codes[0] in text:
            problems.warning(
                file,
                f"no text for {', '.join(missing)}; the {codes[0]} text is used.",
                line=lines.line_of(full),
                field=".".join(map(str, full)),
                fix="Add the translation.",
            )
        elif missing:
            problems.error(
                file,
                f"no text for the source language '{codes[0]}'.",
                line=lines.line_of(full),
                field=".".join(map(str, full)),
                fix=f"Add '{codes[0]}: ...'.",
            )


def _localized_texts(shot: Shot) -> list[tuple[tuple, Any]]:
    found: list[tuple[tuple, Any]] = [(("alt",), shot.alt), (("caption",), shot.caption)]
    for number, step in enumerate(shot.steps):
        found += [(("steps", number, "value"), step.value)]
        found += [(("steps", number, "wait_for_text"), step.wait_for_text)]
    for number, mask in enumerate(shot.mask):
        found.append((("mask", number, "with"), mask.replacement))
    for number, annotation in enumerate(shot.annotations):
        found.append((("annotations", number, "label"), annotation.label))
    return [(path, text) for path, text in found if text is not None]


def _check_addon_ids(
    project: Project, shot_list: ShotList, lines: LineMap, file: str, problems: ProblemList
) -> None:
    from onboardkit.odoo.addon import Addon

    addon = Addon(project.addon_dir)
    kinds = {"action": addon.records.actions, "menu": addon.records.menus}
    for index, shot in enumerate(shot_list.shots):
        for kind, known in kinds.items():
            xmlid = getattr(shot.target, kind)
            if xmlid is None or xmlid.split(".")[0] != addon.module or xmlid in known:
                continue
            names = ", ".join(sorted(known)) or "none"
            problems.error(
                file,
                f"{kind} '{xmlid}' is not defined in the addon (its {kind}s: {names}).",
                line=lines.line_of(("shots", index, "target", kind)),
                field=f"shots.{index}.target.{kind}",
                fix="Check the XML id in the addon's views.",
            )


def stale_images(project: Project) -> list:
    """List the images that are missing or stale; see ``onboardkit.capture.metadata``."""
    from onboardkit.capture.metadata import stale_images as find_stale

    return find_stale(project)
