"""Build the MkDocs site into a temporary folder and swap it in only when the build succeeds."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

from onboardkit.config import Project
from onboardkit.errors import OnboardkitError

log = logging.getLogger(__name__)


class SiteBuildFailed(OnboardkitError):
    """MkDocs could not build the site; the previous site is left in place."""


def build_site(project: Project, *, strict: bool = False, site_dir: Path | None = None) -> Path:
    """Run a MkDocs build of the project's ``mkdocs.yml``; return the site folder.

    The build writes to a temporary folder beside the target, which replaces the target only
    when MkDocs finished without error, so a failed build never leaves a half-written site.

    Raises:
        SiteBuildFailed: MkDocs or a plugin reported an error (with ``strict``, a warning).
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    target = (site_dir or project.path(project.config.project.site_dir)).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    config_file = project.path(project.config.project.mkdocs_config)
    try:
        config = load_config(str(config_file), site_dir=str(staging), strict=strict)
        build(config)
    except (Abort, ConfigurationError, PluginError) as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise SiteBuildFailed(f"{config_file.name}: the site build failed: {error}") from error
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _swap(staging, target)
    log.info("Site written to %s", _display(target, project.root))
    return target


def _swap(staging: Path, target: Path) -> None:
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        target.rename(old)
    staging.rename(target)
    staging_mode = 0o755
    target.chmod(staging_mode)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)
