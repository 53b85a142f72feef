"""Odoo credentials from environment variables or the system keyring, never from files.

The error messages name the variable or keyring entry to set; they never contain a login or
a password.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field

from onboardkit.config import OdooSection
from onboardkit.errors import OnboardkitError

log = logging.getLogger(__name__)

KEYRING_LOGIN_ENTRY = "login"


class CredentialsMissing(OnboardkitError):
    """The Odoo login or password is set neither in the environment nor in the keyring."""


@dataclass(frozen=True)
class Credentials:
    """An Odoo login and password; ``repr`` shows neither."""

    login: str = field(repr=False)
    password: str = field(repr=False)


def read_credentials(odoo: OdooSection) -> Credentials:
    """Read the login and password named by the ``odoo`` section of onboardkit.yml.

    The environment variables come first; the system keyring (service ``keyring_service``)
    is tried for whatever they leave unset: user name ``login`` holds the login, and the
    login itself is the user name of the password.

    Raises:
        CredentialsMissing: naming the variable and keyring entry to set.
    """
    login = os.environ.get(odoo.login_env) or _from_keyring(
        odoo.keyring_service, KEYRING_LOGIN_ENTRY
    )
    if not login:
        raise CredentialsMissing(
            f"the Odoo login is not set. Set the environment variable {odoo.login_env} "
            f"(odoo.login_env in onboardkit.yml), or store it in the system keyring: "
            f"keyring set {odoo.keyring_service} {KEYRING_LOGIN_ENTRY}"
        )
    password = os.environ.get(odoo.password_env) or _from_keyring(odoo.keyring_service, login)
    if not password:
        raise CredentialsMissing(
            f"the Odoo password is not set. Set the environment variable {odoo.password_env} "
            f"(odoo.password_env in onboardkit.yml), or store it in the system keyring under "
            f"service '{odoo.keyring_service}' with the Odoo login as user name."
        )
    return Credentials(login, password)


def _from_keyring(service: str, user_name: str) -> str | None:
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:
        return None
    try:
        return keyring.get_password(service, user_name)
    except KeyringError as error:
        log.debug("System keyring not usable (%s); only environment variables are read.", error)
        return None
