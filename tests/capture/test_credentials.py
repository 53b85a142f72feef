"""Odoo credentials come from the environment or the keyring, and errors never show them."""

from __future__ import annotations

import pytest

from onboardkit.capture.credentials import CredentialsMissing, read_credentials
from onboardkit.config import OdooSection


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    # The fail backend raises "no backend" on every lookup, as on a server without a keyring.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.delenv("ONBOARDKIT_ODOO_LOGIN", raising=False)
    monkeypatch.delenv("ONBOARDKIT_ODOO_PASSWORD", raising=False)


def test_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCS_LOGIN", "docs@example.com")
    monkeypatch.setenv("DOCS_PASSWORD", "correct horse")
    odoo = OdooSection(login_env="DOCS_LOGIN", password_env="DOCS_PASSWORD")
    credentials = read_credentials(odoo)
    assert credentials.login == "docs@example.com"
    assert credentials.password == "correct horse"
    assert "correct horse" not in repr(credentials)
    assert "docs@example.com" not in repr(credentials)


def test_missing_login_names_variable() -> None:
    with pytest.raises(CredentialsMissing) as caught:
        read_credentials(OdooSection())
    assert str(caught.value) == (
        "the Odoo login is not set. Set the environment variable ONBOARDKIT_ODOO_LOGIN "
        "(odoo.login_env in onboardkit.yml), or store it in the system keyring: keyring set "
        "onboardkit login"
    )


def test_missing_password_hides_login(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ONBOARDKIT_ODOO_LOGIN", "docs@example.com")
    with pytest.raises(CredentialsMissing) as caught:
        read_credentials(OdooSection(keyring_service="caravan-docs"))
    assert str(caught.value) == (
        "the Odoo password is not set. Set the environment variable ONBOARDKIT_ODOO_PASSWORD "
        "(odoo.password_env in onboardkit.yml), or store it in the system keyring under "
        "service 'caravan-docs' with the Odoo login as user name."
    )
