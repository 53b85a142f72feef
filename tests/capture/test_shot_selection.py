"""Choosing shots and languages for a run: --only, --language and --shard."""

from __future__ import annotations

import pytest

from onboardkit.capture.selection import (
    InvalidShard,
    parse_shard,
    select_shots,
    shard_of,
    work_items,
)
from onboardkit.capture.shots import load_shot_list
from onboardkit.errors import ValidationFailed

SHOTS = "shots:\n" + "".join(
    f"  - id: shot-{number}\n    target: {{url: /odoo}}\n    alt: Shot {number}\n"
    for number in range(12)
)


@pytest.mark.parametrize(("text", "expected"), [("1/3", (1, 3)), (" 3 / 3 ", (3, 3))])
def test_parse_shard(text: str, expected: tuple[int, int]) -> None:
    assert parse_shard(text) == expected


@pytest.mark.parametrize("text", ["0/3", "4/3", "1", "a/b", "1/0"])
def test_parse_shard_rejects(text: str) -> None:
    with pytest.raises(InvalidShard) as caught:
        parse_shard(text)
    assert str(caught.value) == (
        f"'{text}' is not a shard; write k/n with 1 <= k <= n, such as 1/3."
    )


def test_shards_partition_the_list(make_project) -> None:
    project = make_project(SHOTS)
    shot_list = load_shot_list(project)
    parts = [select_shots(project, shot_list, (), (k, 3)) for k in (1, 2, 3)]
    ids = [shot.id for part in parts for shot in part]
    assert sorted(ids) == sorted(shot.id for shot in shot_list.shots)
    assert len(ids) == len(set(ids))
    assert all(part for part in parts)


def test_shard_stable_when_list_grows() -> None:
    before = {f"shot-{n}": shard_of(f"shot-{n}", 4) for n in range(20)}
    assert {key: shard_of(key, 4) for key in before} == before


def test_only_unknown_id(make_project) -> None:
    project = make_project(SHOTS)
    with pytest.raises(ValidationFailed) as caught:
        select_shots(project, load_shot_list(project), ("shot-1", "shot-99"), None)
    assert [str(problem) for problem in caught.value.problems] == [
        "screenshots/shots.yml: --only names shot 'shot-99', which is not in the shot list. "
        "Did you mean shot-9 or shot-8? Use an id from the shot list."
    ]


def test_only_and_languages(make_project) -> None:
    project = make_project(SHOTS)
    shots = select_shots(project, load_shot_list(project), ("shot-2", "shot-5"), None)
    items = work_items(project, shots, ("ar",))
    assert [(shot.id, language) for shot, language in items] == [
        ("shot-2", "ar"),
        ("shot-5", "ar"),
    ]


def test_unknown_language(make_project) -> None:
    project = make_project(SHOTS)
    with pytest.raises(ValidationFailed) as caught:
        work_items(project, [], ("fr",))
    assert str(caught.value.problems[0]) == (
        "onboardkit.yml: --language names 'fr', which is not a language of the project "
        "(en, ar). Use a code listed under 'languages'."
    )
