"""Selection of the shots and languages of a run: ``--only``, ``--language``, ``--shard k/n``.

Shards split the shot list by a digest of each shot id, so a shot stays in the same shard
when others are added or removed, and shards write disjoint files that merge by copying.
"""

from __future__ import annotations

import difflib
import hashlib
import re

from onboardkit.capture.schema import Shot, ShotList
from onboardkit.capture.shots import shot_languages, shots_file_name
from onboardkit.config import Project
from onboardkit.errors import OnboardkitError, ProblemList


class InvalidShard(OnboardkitError):
    """A ``--shard`` value that is not ``k/n`` with 1 <= k <= n."""


def parse_shard(text: str) -> tuple[int, int]:
    """Parse ``k/n`` (shard k of n, counted from 1).

    Raises:
        InvalidShard: naming the value and the expected form.
    """
    match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", text)
    if not match or not 1 <= int(match.group(1)) <= int(match.group(2)):
        raise InvalidShard(f"'{text}' is not a shard; write k/n with 1 <= k <= n, such as 1/3.")
    return int(match.group(1)), int(match.group(2))


def shard_of(shot_id: str, count: int) -> int:
    """Return the shard (1 to ``count``) that ``shot_id`` belongs to."""
    digest = hashlib.sha256(shot_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % count + 1


def select_shots(
    project: Project,
    shot_list: ShotList,
    only: tuple[str, ...],
    shard: tuple[int, int] | None,
) -> list[Shot]:
    """Return the shots named by ``only`` (all when empty) that fall in ``shard``.

    Raises:
        ValidationFailed: an id in ``only`` is not in the shot list.
    """
    known = [shot.id for shot in shot_list.shots]
    problems = ProblemList()
    for shot_id in only:
        if shot_id not in known:
            close = difflib.get_close_matches(shot_id, known, n=2)
            hint = f" Did you mean {' or '.join(close)}?" if close else ""
            problems.error(
                shots_file_name(project),
                f"--only names shot '{shot_id}', which is not in the shot list.{hint}",
                fix="Use an id from the shot list.",
            )
    problems.raise_if_errors()
    chosen = [shot for shot in shot_list.shots if not only or shot.id in only]
    if shard is not None:
        chosen = [shot for shot in chosen if shard_of(shot.id, shard[1]) == shard[0]]
    return chosen


def work_items(
    project: Project, shots: list[Shot], languages: tuple[str, ...]
) -> list[tuple[Shot, str]]:
    """Pair each shot with each of its languages, keeping those in ``languages`` (if given).

    Raises:
        ValidationFailed: a code in ``languages`` is not a language of the project.
    """
    codes = [language.code for language in project.config.languages]
    problems = ProblemList()
    for code in languages:
        if code not in codes:
            problems.error(
                "onboardkit.yml",
                f"--language names '{code}', which is not a language of the project "
                f"({', '.join(codes)}).",
                fix="Use a code listed under 'languages'.",
            )
    problems.raise_if_errors()
    return [
        (shot, code)
        for shot in shots
        for code in shot_languages(project, shot)
        if not languages or code in languages
    ]


def check_fonts() -> None:
    """Raise FontNotFound before any capture when annotation labels could not be drawn."""
    from onboardkit.images.fonts import FONT_FILES, check_raqm, find_font

    check_raqm()
    for file_name in FONT_FILES.values():
        find_font(file_name)
