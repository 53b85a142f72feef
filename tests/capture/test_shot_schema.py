"""The shot list's validation: every problem with file, line, dotted field and fix."""

from __future__ import annotations

import logging

import pytest

from onboardkit.capture.shots import image_path, load_shot_list
from onboardkit.errors import ValidationFailed

VALID = """\
defaults:
  hide: [toasts]
  max_width: 1200
shots:
  - id: shipment-list
    target:
      action: mini_connector.action_mini_shipment
      view_type: list
    alt:
      en: The shipment list
      ar: قائمة الشحنات
    annotations:
      - callout: ".o_list_button_add"
        label: {en: Create, ar: إنشاء}
  - id: shipment-form
    target:
      record: {model: mini.shipment, domain: [["name", "=", "PARCEL-1"]]}
    format: webp
    max_width: 800
    mask:
      - "div[name=api_key]"
      - selector: ".o_field_widget[name=email]"
        with: demo@example.com
    alt: The shipment form
"""


def problems_of(make_project, shots: str) -> list[str]:
    project = make_project(shots)
    with pytest.raises(ValidationFailed) as caught:
        load_shot_list(project)
    return [str(problem) for problem in caught.value.problems]


def test_valid_list_loads(make_project) -> None:
    shot_list = load_shot_list(make_project(VALID))
    first, second = shot_list.shots
    assert first.id == "shipment-list"
    assert first.hide == ["toasts"]
    assert first.max_width == 1200
    assert second.max_width == 800
    assert second.mask[0].selector == "div[name=api_key]"
    assert second.mask[0].replacement == "••••••••"
    assert second.mask[1].replacement == "demo@example.com"


def test_image_paths_follow_format(make_project) -> None:
    project = make_project(VALID)
    root = project.root / "screenshots"
    assert image_path(project, "shipment-list", "ar") == root / "ar" / "shipment-list.png"
    assert image_path(project, "shipment-form", "en") == root / "en" / "shipment-form.webp"


@pytest.mark.parametrize("shot_id", ["../escape", "a/b", "UPPER", "", "x--y"])
def test_image_path_rejects_unsafe_ids(make_project, shot_id: str) -> None:
    project = make_project(VALID)
    with pytest.raises(ValueError):
        image_path(project, shot_id, "en")


def test_image_path_rejects_unsafe_language(make_project) -> None:
    project = make_project(VALID)
    with pytest.raises(ValueError):
        image_path(project, "shipment-list", "../en")


def test_field_errors_exact(make_project) -> None:
    problems = problems_of(
        make_project,
        """\
        shots:
          - id: Bad_Id
            target: {url: "odoo/settings"}
            alt: x
            steps:
              - click: a
                fill: b
              - fill: "#x"
              - press: Enter
                value: y
            crop: {padding: 3}
            scale: 3
            format: gif
            annotations:
              - {box: ".a", number: 2}
              - {label: Lost}
          - id: ok
            target: {url: "/odoo?lang=ar_001"}
            alt: y
          - id: two-targets
            target: {url: "/odoo", action: a.b}
            alt: z
        """,
    )
    assert problems == [
        "screenshots/shots.yml:2: shots.0.id: 'Bad_Id' is not a valid shot id; use lower-case "
        "letters, digits and single hyphens (at most 80 characters).",
        "screenshots/shots.yml:3: shots.0.target.url: 'odoo/settings' is not a path on the Odoo "
        "server; write it like '/odoo/settings'.",
        "screenshots/shots.yml:6: shots.0.steps.0: a step has exactly one of 'click', 'fill', "
        "'select', 'hover', 'press', 'settings', 'wait_for', 'wait_for_text'.",
        "screenshots/shots.yml:8: shots.0.steps.1: 'fill' needs exactly one of 'value' or "
        "'value_env'.",
        "screenshots/shots.yml:9: shots.0.steps.2: 'value' and 'value_env' go with 'fill' or "
        "'select', not 'press'.",
        "screenshots/shots.yml:11: shots.0.crop.selector: required key 'selector' is missing. "
        "Add it.",
        "screenshots/shots.yml:12: shots.0.scale: input should be 1 or 2. Got: 3.",
        "screenshots/shots.yml:13: shots.0.format: input should be 'png' or 'webp'. Got: 'gif'.",
        "screenshots/shots.yml:15: shots.0.annotations.0: 'number' goes with 'callout' only.",
        "screenshots/shots.yml:16: shots.0.annotations.1: an annotation has exactly one of "
        "'callout', 'box' or 'arrow'.",
        "screenshots/shots.yml:18: shots.1.target.url: 'lang' in the URL gives translated text "
        "on a left-to-right layout; remove it and list the language under 'languages' (the "
        "user's language is switched).",
        "screenshots/shots.yml:21: shots.2.target: give one of 'url', 'action', 'menu' or "
        "'record' ('record' may go with 'action').",
    ]


def test_unknown_and_missing_keys(make_project) -> None:
    problems = problems_of(
        make_project,
        """\
        shots:
          - id: a
            target: {action: mini_connector.action_mini_shipment}
            zoom: 2
        """,
    )
    assert problems == [
        "screenshots/shots.yml:2: shots.0.alt: required key 'alt' is missing. Add it.",
        "screenshots/shots.yml:4: shots.0.zoom: unknown key 'zoom'. Remove it or check its "
        "spelling.",
    ]


def test_secrets_rejected_without_echo(make_project) -> None:
    problems = problems_of(
        make_project,
        """\
        shots:
          - id: settings
            target: {url: /odoo/settings}
            alt: Settings
            api_key: sk_live_0123456789
            steps:
              - fill: "input[name=caravan_api_key]"
                value: sk_live_0123456789
        """,
    )
    fix = (
        "Delete it. Odoo credentials go in the environment variables named by odoo.login_env "
        "and odoo.password_env (or the system keyring); a value that a 'fill' step types goes "
        "in an environment variable named by the step's 'value_env'."
    )
    message = "a secret is written in the shot list; it would end up in the repository."
    assert problems == [
        f"screenshots/shots.yml:5: shots.0.api_key: {message} {fix}",
        f"screenshots/shots.yml:8: shots.0.steps.0.value: {message} {fix}",
    ]
    assert not any("sk_live" in problem for problem in problems)


def test_value_env_accepted_for_secrets(make_project) -> None:
    shot_list = load_shot_list(
        make_project(
            """\
            shots:
              - id: settings
                target: {url: /odoo/settings}
                alt: Settings
                steps:
                  - fill: "input[name=caravan_api_key]"
                    value_env: CARAVAN_DEMO_KEY
            """
        )
    )
    assert shot_list.shots[0].steps[0].value_env == "CARAVAN_DEMO_KEY"


def test_cross_checks_exact(make_project) -> None:
    problems = problems_of(
        make_project,
        """\
        shots:
          - id: shipments
            target: {action: mini_connector.action_mini_shipment}
            alt: Shipments
          - id: shipments
            target: {action: mini_connector.action_nope}
            alt: {ar: "الشحنات"}
            languages: [en, de]
            mask: [{selector: ".b", with: {en: x, fr: y}}]
          - id: menu
            target: {menu: mini_connector.menu_nope}
            alt: Menu
        """,
    )
    assert problems == [
        "screenshots/shots.yml:5: shots.1.id: shot id 'shipments' is used twice (first on line "
        "2). Give each shot its own id.",
        "screenshots/shots.yml:6: shots.1.target.action: action 'mini_connector.action_nope' is "
        "not defined in the addon (its actions: mini_connector.action_mini_shipment). Check the "
        "XML id in the addon's views.",
        "screenshots/shots.yml:7: shots.1.alt: no text for the source language 'en'. Add "
        "'en: ...'.",
        "screenshots/shots.yml:8: shots.1.languages.1: unknown language 'de'; the project's "
        "languages are en, ar. Use a code listed under 'languages' in onboardkit.yml.",
        "screenshots/shots.yml:9: shots.1.mask.0.with.fr: unknown language 'fr'; the project's "
        "languages are en, ar. Use a code listed under 'languages' in onboardkit.yml.",
        "screenshots/shots.yml:11: shots.2.target.menu: menu 'mini_connector.menu_nope' is not "
        "defined in the addon (its menus: mini_connector.menu_mini_root, "
        "mini_connector.menu_mini_shipments). Check the XML id in the addon's views.",
    ]


def test_missing_translation_warns(make_project, caplog) -> None:
    caplog.set_level(logging.WARNING, logger="onboardkit")
    load_shot_list(
        make_project(
            """\
            shots:
              - id: shipments
                target: {action: mini_connector.action_mini_shipment}
                alt: {en: Shipments}
            """
        )
    )
    assert caplog.messages == [
        "screenshots/shots.yml:4: shots.0.alt: no text for ar; the en text is used. Add the "
        "translation."
    ]


def test_yaml_syntax_error(make_project) -> None:
    problems = problems_of(make_project, "shots:\n  - id: [unclosed\n")
    assert len(problems) == 1
    assert problems[0].startswith("screenshots/shots.yml:3: invalid YAML")


def test_not_a_mapping(make_project) -> None:
    problems = problems_of(make_project, "- id: a\n")
    assert problems == [
        "screenshots/shots.yml:1: the shot list must be a mapping with a 'shots' list. Start the "
        "file with 'shots:' followed by a list of shots."
    ]
