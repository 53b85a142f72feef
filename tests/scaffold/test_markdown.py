"""Markdown blocks of fragments, and their split into guide steps, titles and ids."""

from __future__ import annotations

from onboardkit.scaffold.markdown import demote_headings, normalize, parse_blocks
from onboardkit.scaffold.steps import slugify, split_steps, title_and_rest


def titles(markdown: str) -> list[str]:
    return [step.title for step in split_steps(markdown)]


def test_headings_give_steps() -> None:
    text = "Intro text.\n\n## First\n\nBody one.\n\n## Second\n\n### Detail\n\nBody two.\n"
    steps = split_steps(text)
    assert [step.title for step in steps] == ["Intro text", "First", "Second"]
    assert steps[1].body() == "Body one."
    assert steps[2].body() == "**Detail**\n\nBody two."


def test_grouping_heading_splits_at_subheadings() -> None:
    text = "## Developers\n\n### Delaying jobs\n\nUse it.\n\n### Testing\n\nTest it.\n"
    assert titles(text) == ["Delaying jobs", "Testing"]


def test_numbered_items_after_boilerplate() -> None:
    text = "To use this module, you need to:\n\n1. Open the menu\n2. Click *Book*\n"
    assert titles(text) == ["Open the menu", "Click *Book*"]


def test_lead_line_keeps_list_in_one_step() -> None:
    text = (
        "To enable the update:\n\n1. Go to Settings\n2. Check the box\n\nTo configure:\n\n1. Go\n"
    )
    steps = split_steps(text)
    assert [step.title for step in steps] == ["Enable the update", "Configure"]
    assert steps[0].body() == "1. Go to Settings\n2. Check the box"


def test_escaped_hash_items_become_numbered_list() -> None:
    text = (
        "To update rates:\n\n\\# Go to *Providers* \\# Select some\nproviders \\# Click *Update*\n"
    )
    steps = split_steps(text)
    assert [step.title for step in steps] == ["Update rates"]
    assert steps[0].body() == "1. Go to *Providers*\n2. Select some providers\n3. Click *Update*"


def test_bullets_give_steps_without_numbered_list() -> None:
    text = "- Set the variable:\n  - `A=1`\n- Use the file:\n\n```ini\nx = 1\n```\n"
    steps = split_steps(text)
    assert [step.title for step in steps] == ["Set the variable", "Use the file"]
    assert steps[0].body() == "- `A=1`"
    assert steps[1].body() == "```ini\nx = 1\n```"


def test_bullets_stay_in_step_with_numbered_list() -> None:
    text = "1. Open it\n\nNotes:\n\n- one\n- two\n"
    steps = split_steps(text)
    assert [step.title for step in steps] == ["Open it", "Notes"]
    assert steps[1].body() == "- one\n- two"


def test_lead_paragraph_with_image_is_step() -> None:
    text = "Go to *Roles* and create one.\n\nAdd groups:\n\n![](static/description/g.png)\n"
    steps = split_steps(text)
    assert [step.title for step in steps] == ["Go to *Roles* and create one", "Add groups"]
    assert steps[1].body() == "![](static/description/g.png)"


def test_image_note_attaches_to_step() -> None:
    steps = split_steps("1. Book the parcel\n\n*(Image not included: parcel.png.)*\n")
    assert [step.title for step in steps] == ["Book the parcel"]
    assert steps[0].body() == "*(Image not included: parcel.png.)*"


def test_footnote_attaches_to_step() -> None:
    steps = split_steps("- Start Odoo.[^1]\n- Check it\n\n[^1]: Or threaded.\n")
    assert [step.title for step in steps] == ["Start Odoo.[^1]", "Check it"]
    assert steps[1].body() == "[^1]: Or threaded."


def test_single_sentence_is_one_step() -> None:
    steps = split_steps("Be sure to have the `requests` library.\n")
    assert [step.title for step in steps] == ["Be sure to have the `requests` library"]
    assert steps[0].body() == ""


def test_code_fence_keeps_blank_lines_and_hashes() -> None:
    blocks = parse_blocks("```python\n# not a heading\n\nx = 1\n```\n")
    assert [block.kind for block in blocks] == ["code"]
    assert titles("Run it:\n\n```python\n# not a heading\n```\n") == ["Run it"]


def test_long_title_cut_at_comma() -> None:
    title, rest = title_and_rest(
        "Instead of creating roles from scratch, it is possible to create a role based on "
        "the groups of an existing user."
    )
    assert title == "Instead of creating roles from scratch"
    assert rest.startswith("Instead of creating roles from scratch, it is possible")


def test_long_title_cut_outside_brackets() -> None:
    title, _rest = title_and_rest(
        "Jobs that remain in `enqueued` state (because, for instance, their worker has been "
        "killed) will be automatically re-queued."
    )
    assert title == "Jobs that remain in `enqueued` state…"


def test_title_rest_is_next_sentences() -> None:
    assert title_and_rest("Go to *Roles*. Then add users.") == ("Go to *Roles*", "Then add users.")


def test_slugify_unique_and_short() -> None:
    used_ids: set[str] = set()
    assert slugify("Go to `Job Queue` menu", used_ids) == "go-to-job-queue-menu"
    assert slugify("Go to `Job Queue` menu", used_ids) == "go-to-job-queue-menu-2"
    assert slugify("Install the Python packages it needs now", used_ids) == (
        "install-the-python-packages-it-needs"
    )
    assert slugify("إعداد", used_ids) == "step"


def test_normalize_reindents_nested_lists() -> None:
    text = "- a:\n  - b\n    more\n- c\n\n``` ini\nx\n```"
    assert normalize(text) == "- a:\n    - b\n        more\n- c\n\n```ini\nx\n```"


def test_demote_headings() -> None:
    assert demote_headings("# A\n\n```\n# code\n```\n\n## B\n", 2) == (
        "## A\n\n```\n# code\n```\n\n### B\n"
    )
