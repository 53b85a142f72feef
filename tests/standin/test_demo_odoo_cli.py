"""``onboardkit demo-odoo`` run as a program."""

from __future__ import annotations

import os
import re
import secrets
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

from helpers import REPOSITORY

READY = re.compile(r"ready at (http://127\.0\.0\.1:\d+)/web/login")


def start(*arguments: str, password: str | None) -> subprocess.Popen:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("ONBOARDKIT_ODOO")}
    if password is not None:
        environment["ONBOARDKIT_ODOO_PASSWORD"] = password
    program = str(Path(sys.executable).parent / "onboardkit")
    command = [program, "demo-odoo", "--port", "0", *arguments]
    return subprocess.Popen(
        command,
        cwd=REPOSITORY,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_ready(process: subprocess.Popen) -> tuple[str, list[str]]:
    lines = []
    for line in process.stderr:
        lines.append(line)
        found = READY.search(line)
        if found:
            return found.group(1), lines
    raise AssertionError("the stand-in never said it was ready:\n" + "".join(lines))


def test_serves_project_addon_until_terminated() -> None:
    process = start("--timing", "fast", password=secrets.token_urlsafe(12))
    try:
        url, lines = wait_ready(process)
        with urllib.request.urlopen(url + "/web/health", timeout=10) as response:
            health = response.read()
    finally:
        process.send_signal(signal.SIGTERM)
        _out, rest = process.communicate(timeout=20)
    output = "".join(lines) + rest
    assert health == b'{"status": "pass"}'
    assert process.returncode == 0
    assert "Odoo stand-in stopped" in output
    assert "cli-secret-password" not in output


def test_random_password_not_shown() -> None:
    process = start("--timing", "fast", password=None)
    try:
        _url, lines = wait_ready(process)
    finally:
        process.send_signal(signal.SIGTERM)
        process.communicate(timeout=20)
    assert lines[0] == (
        "WARNING: ONBOARDKIT_ODOO_PASSWORD is not set, so the stand-in uses a random password "
        "that is not shown. Set ONBOARDKIT_ODOO_PASSWORD (and ONBOARDKIT_ODOO_LOGIN for the "
        "login) to log in.\n"
    )
