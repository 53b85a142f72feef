"""Image metadata, definition digests and the stale check that needs no Odoo server."""

from __future__ import annotations

import io
import json

from PIL import Image

from helpers import replace_in
from onboardkit.capture.metadata import definition_digest, read_metadata, stale_images
from onboardkit.capture.output import previous_path, save_image
from onboardkit.capture.shots import image_path, load_shot_list, metadata_path
from onboardkit.config import load_project
from onboardkit.images.process import FinishedImage

SHOTS = """\
shots:
  - id: shipments
    target: {action: mini_connector.action_mini_shipment}
    alt: {en: Shipments, ar: الشحنات}
    caption: {en: All shipments}
    annotations:
      - callout: ".o_list_button_add"
        label: {en: Create, ar: إنشاء}
  - id: english-only
    target: {url: /odoo/settings}
    languages: [en]
    alt: Settings
"""


def finished(color: tuple[int, int, int]) -> FinishedImage:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), color).save(buffer, format="PNG")
    return FinishedImage(buffer.getvalue(), 40, 30, [])


def capture_all(project, color=(255, 255, 255)) -> None:
    for shot in load_shot_list(project).shots:
        for language in shot.languages or ["en", "ar"]:
            save_image(project, shot, language, finished(color), "18.0", "18.0.1.0.0")


def test_stale_when_missing(make_project) -> None:
    project = make_project(SHOTS)
    stale = [str(item) for item in stale_images(project)]
    assert stale == [
        "shipments (en): image missing",
        "shipments (ar): image missing",
        "english-only (en): image missing",
    ]


def test_nothing_stale_after_capture(make_project) -> None:
    project = make_project(SHOTS)
    capture_all(project)
    assert stale_images(project) == []
    metadata = json.loads(metadata_path(image_path(project, "shipments", "ar")).read_text())
    assert metadata["odoo_language"] == "ar_001"
    assert metadata["server_version"] == "18.0"
    assert metadata["image"] == "shipments.png"
    assert metadata["image_digest"].startswith("sha256:")


def test_digest_ignores_alt_and_other_language(make_project) -> None:
    project = make_project(SHOTS)
    shot = load_shot_list(project).shots[0]
    english = definition_digest(project, shot, "en")
    arabic = definition_digest(project, shot, "ar")
    changed = SHOTS.replace("alt: {en: Shipments,", "alt: {en: All the shipments,")
    changed = changed.replace("ar: إنشاء", "ar: جديد")
    project = make_project(changed)
    shot = load_shot_list(project).shots[0]
    assert definition_digest(project, shot, "en") == english
    assert definition_digest(project, shot, "ar") != arabic


def test_stale_reasons(make_project) -> None:
    project = make_project(SHOTS)
    capture_all(project)
    shots_file = project.root / "screenshots" / "shots.yml"
    replace_in(shots_file, "url: /odoo/settings", "url: /odoo/settings?debug=1")
    image_path(project, "shipments", "en").write_bytes(finished((0, 0, 0)).data)
    metadata_path(image_path(project, "shipments", "ar")).unlink()
    stale = [str(item) for item in stale_images(project)]
    assert stale == [
        "shipments (en): image file changed after capture",
        "shipments (ar): metadata file missing or unreadable",
        "english-only (en): shot definition changed",
    ]


def test_module_version_change_stale(make_project) -> None:
    project = make_project(SHOTS)
    capture_all(project)
    manifest = project.addon_dir / "__manifest__.py"
    replace_in(manifest, '"18.0.1.0.0"', '"18.0.1.1.0"')
    stale = {str(item) for item in stale_images(load_project(project.root))}
    assert "english-only (en): module version changed (18.0.1.0.0 -> 18.0.1.1.0)" in stale
    assert len(stale) == 3


def test_previous_image_kept_on_change(make_project) -> None:
    project = make_project(SHOTS)
    shot = load_shot_list(project).shots[1]
    assert save_image(project, shot, "en", finished((255, 255, 255)), "18.0", "1")
    assert not save_image(project, shot, "en", finished((255, 255, 255)), "18.0", "1")
    assert save_image(project, shot, "en", finished((0, 0, 0)), "18.0", "1")
    image = image_path(project, "english-only", "en")
    previous = previous_path(project, image)
    assert Image.open(previous).getpixel((0, 0)) == (255, 255, 255)
    assert Image.open(image).getpixel((0, 0)) == (0, 0, 0)
    assert not previous.is_relative_to(project.root / "screenshots")


def test_unreadable_metadata_is_stale(make_project) -> None:
    project = make_project(SHOTS)
    capture_all(project)
    image = image_path(project, "english-only", "en")
    metadata_path(image).write_text("{not json", encoding="utf-8")
    assert read_metadata(image) is None
    assert [str(item) for item in stale_images(project)] == [
        "english-only (en): metadata file missing or unreadable"
    ]
