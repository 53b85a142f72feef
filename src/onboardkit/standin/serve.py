"""``onboardkit demo-odoo``: serve the stand-in in the foreground until interrupted."""

from __future__ import annotations

import logging
import os
import secrets
import signal
import threading
from dataclasses import dataclass, field
from pathlib import Path

from onboardkit.errors import Problem, ValidationFailed
from onboardkit.standin.server import StandinServer, is_loopback

log = logging.getLogger(__name__)

LOGIN_ENV = "ONBOARDKIT_ODOO_LOGIN"
PASSWORD_ENV = "ONBOARDKIT_ODOO_PASSWORD"


@dataclass
class ServeOptions:
    """Options of ``onboardkit demo-odoo``; every field matches a command-line option.

    ``host_explicit`` is True when the host was given on the command line. Only then may it
    be an address other than loopback.
    """

    addons: list[Path] = field(default_factory=list)
    project_dir: Path = Path(".")
    port: int = 8069
    host: str = "127.0.0.1"
    host_explicit: bool = False
    databases: list[str] = field(default_factory=list)
    login: str | None = None
    timing: str = "odoo18"
    login_env: str = LOGIN_ENV
    password_env: str = PASSWORD_ENV


def resolve_options(options: ServeOptions) -> ServeOptions:
    """Fill the defaults from the project's ``onboardkit.yml``: addon, database, variables.

    Raises:
        ValidationFailed: no addon given and no project to take it from, or a bad host.
    """
    from onboardkit.config import CONFIG_NAME, load_project

    if not is_loopback(options.host) and not options.host_explicit:
        raise ValidationFailed(
            [
                Problem(
                    "demo-odoo",
                    f"host '{options.host}' is not a loopback address.",
                    field="host",
                    fix="Pass --host explicitly to serve on another address.",
                )
            ]
        )
    config_file = Path(options.project_dir) / CONFIG_NAME
    if config_file.is_file():
        project = load_project(options.project_dir)
        if not options.addons:
            options.addons = [project.addon_dir]
        if not options.databases and project.config.odoo.database:
            options.databases = [project.config.odoo.database]
        options.login_env = project.config.odoo.login_env
        options.password_env = project.config.odoo.password_env
    if not options.addons:
        raise ValidationFailed(
            [
                Problem(
                    str(config_file),
                    "no addon to serve: --addon is missing and there is no project file here.",
                    field="addon.path",
                    fix="Pass --addon PATH, or run the command in a docs project folder.",
                )
            ]
        )
    options.databases = options.databases or ["demo"]
    return options


def serve(options: ServeOptions) -> None:
    """Serve the stand-in until interrupted (Ctrl+C or SIGTERM).

    The password comes from the password variable; without it a random one is used and not
    shown, and the message names the variable to set.

    Raises:
        ValidationFailed: an option or an addon folder is invalid.
        ServerError: the port is in use.
    """
    options = resolve_options(options)
    login = options.login or os.environ.get(options.login_env) or "admin"
    password = os.environ.get(options.password_env)
    if not password:
        password = secrets.token_urlsafe(24)
        log.warning(
            "%s is not set, so the stand-in uses a random password that is not shown. Set "
            "%s (and %s for the login) to log in.",
            options.password_env,
            options.password_env,
            options.login_env,
        )
    server = StandinServer(
        options.addons,
        login=login,
        password=password,
        databases=options.databases,
        host=options.host,
        port=options.port,
        timing=options.timing,
    )
    if not is_loopback(options.host):
        log.warning("Serving on %s: anyone who can reach this address can log in.", options.host)
    url = server.start()
    log.info(
        "Odoo stand-in ready at %s/web/login (login '%s', databases: %s). Ctrl+C stops it.",
        url,
        login,
        ", ".join(options.databases),
    )
    stop = threading.Event()
    previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        stop.wait()
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        log.info("Stopping the stand-in")
        server.stop()
