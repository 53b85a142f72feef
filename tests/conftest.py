"""Fixtures shared by every test area."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from helpers import REPOSITORY

STANDIN_LOGIN = "admin"
STANDIN_PASSWORD = "standin-test-password"


@pytest.fixture(scope="session")
def standin_credentials() -> tuple[str, str]:
    """The login and password of the ``standin`` server's one user."""
    return STANDIN_LOGIN, STANDIN_PASSWORD


@pytest.fixture(scope="session")
def standin() -> Iterator[object]:
    """The demo Odoo stand-in serving addons/caravan_connector (fast timing, database "demo").

    Its ``url`` is the base URL. The server is shared by the whole session: a test that
    changes its data (the user's language, a record) restores it.
    """
    from onboardkit.standin import StandinServer

    server = StandinServer(
        [REPOSITORY / "addons" / "caravan_connector"],
        login=STANDIN_LOGIN,
        password=STANDIN_PASSWORD,
        timing="fast",
    )
    server.start()
    yield server
    server.stop()
