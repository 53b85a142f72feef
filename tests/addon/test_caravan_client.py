"""The addon's Caravan API client against a local HTTP server.

Odoo is not installed here, so ``odoo.exceptions`` is replaced by two plain exception
classes and the environment by an object whose ``_`` formats like Odoo's. The HTTP side is
real: ``requests`` talks to a server on 127.0.0.1.
"""

from __future__ import annotations

import importlib.util
import json
import socket
import sys
import threading
import time
import types
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

CLIENT_PATH = (
    Path(__file__).resolve().parents[2] / "addons/caravan_connector/services/caravan_client.py"
)


class UserError(Exception):
    """Stands in for odoo.exceptions.UserError."""


class ValidationError(Exception):
    """Stands in for odoo.exceptions.ValidationError."""


class Environment:
    """Stands in for an Odoo 18 environment: ``_`` formats named placeholders."""

    def _(self, source, **values):
        return source % values if values else source


# path -> (status, headers, body); a body of None makes the handler wait past the timeout.
ROUTES: dict[str, tuple[int, dict[str, str], bytes | None]] = {}


class CaravanHandler(BaseHTTPRequestHandler):
    def _reply(self):
        path = self.path.split("/caravan/v2", 1)[-1]
        status, headers, body = ROUTES[path]
        if body is None:
            time.sleep(1.0)
            return
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = _reply
    do_POST = _reply

    def log_message(self, *_args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), CaravanHandler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}/caravan/v2"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def module(monkeypatch):
    exceptions = types.ModuleType("odoo.exceptions")
    exceptions.UserError = UserError
    exceptions.ValidationError = ValidationError
    odoo = types.ModuleType("odoo")
    odoo.exceptions = exceptions
    monkeypatch.setitem(sys.modules, "odoo", odoo)
    monkeypatch.setitem(sys.modules, "odoo.exceptions", exceptions)
    spec = importlib.util.spec_from_file_location("caravan_client_under_test", CLIENT_PATH)
    loaded = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(loaded)
    return loaded


@pytest.fixture
def client(module, server):
    caravan = module.CaravanClient(Environment(), "cpk_live_0123", "CRV-204817", "production")
    caravan.base_url = server
    return caravan


def error_reply(status, code, message="", **extra):
    body = json.dumps({"error": {"code": code, "message": message, **extra}}).encode()
    return (status, {"Content-Type": "application/json"}, body)


def test_requests_not_imported_at_load(module):
    assert "requests" not in vars(module)


def test_successful_booking(client):
    booking = {"tracking_ref": "CP4418203957AE", "status": "booked", "label_status": "ready"}
    ROUTES["/shipments"] = (200, {}, json.dumps(booking).encode())
    assert client.book_shipment({"parcels": [{"weight_kg": 6.2}]}) == booking


ERRORS = [
    (
        "/account",
        (401, {}, b"{}"),
        UserError,
        "Caravan rejected the API key (authentication failed). Check the key in Settings > "
        "Caravan and that it belongs to account CRV-204817.",
    ),
    (
        "/account",
        error_reply(403, "sandbox_key_in_production"),
        UserError,
        "A sandbox API key is used with the Production environment. Enter a live key (it "
        'starts with "cpk_live_") or switch the environment to Sandbox.',
    ),
    (
        "/shipments",
        error_reply(422, "address_rejected", "unknown street in Dubai"),
        ValidationError,
        "Caravan rejected the recipient address: unknown street in Dubai. Correct the "
        "contact's address, then book the shipment again.",
    ),
    (
        "/shipments",
        error_reply(422, "weight_over_limit", weight_kg=31.5),
        ValidationError,
        "Each parcel weighs 31.50 kg, over Caravan's limit of 30.00 kg per parcel. Raise the "
        "parcel count so that each parcel stays under the limit.",
    ),
    (
        "/shipments",
        error_reply(422, "service_unavailable", "same_day to CA"),
        UserError,
        "Caravan does not offer this service level to the recipient's country (same_day to "
        "CA). Choose another service level and book again.",
    ),
    (
        "/shipments",
        (429, {"Retry-After": "30"}, b"{}"),
        UserError,
        "Caravan is rate limiting requests from this database. Wait 30 seconds, then try again.",
    ),
    (
        "/shipments",
        (503, {}, b"unavailable"),
        UserError,
        "Caravan is temporarily unavailable (HTTP 503). Try again in a few minutes.",
    ),
    (
        "/shipments",
        (418, {}, b"{}"),
        UserError,
        "Caravan returned an unexpected response (HTTP 418). Try again later; if it persists, "
        "write to support@example.com with the shipment reference.",
    ),
    (
        "/shipments",
        (200, {}, b"not json"),
        UserError,
        "Caravan returned an unexpected response (HTTP 200). Try again later; if it persists, "
        "write to support@example.com with the shipment reference.",
    ),
]


@pytest.mark.parametrize(("path", "reply", "error", "message"), ERRORS)
def test_http_errors_become_odoo_errors(client, path, reply, error, message):
    ROUTES[path] = reply
    with pytest.raises(error) as raised:
        if path == "/account":
            client.check_connection()
        else:
            client.book_shipment({"parcels": [{"weight_kg": 5.0}]})
    assert str(raised.value) == message


def test_label_not_ready(client):
    ROUTES["/shipments/CP1/label"] = error_reply(404, "label_not_ready")
    with pytest.raises(UserError) as raised:
        client.get_label("CP1")
    assert str(raised.value) == (
        "The label is not ready yet. Caravan renders it within a minute or two of booking; "
        "try Print Label again shortly."
    )


def test_label_is_returned_as_bytes(client):
    ROUTES["/shipments/CP2/label"] = (200, {"Content-Type": "application/pdf"}, b"%PDF-1.7")
    assert client.get_label("CP2") == b"%PDF-1.7"


def test_cancel_after_collection(client):
    ROUTES["/shipments/CP3/cancel"] = error_reply(409, "already_collected")
    with pytest.raises(UserError) as raised:
        client.cancel_shipment("CP3")
    assert "courier has already collected the parcels" in str(raised.value)


def test_timeout(client, module, monkeypatch):
    monkeypatch.setattr(module, "REQUEST_TIMEOUT_SECONDS", 0.2)
    ROUTES["/shipments/CP4/tracking"] = (200, {}, None)
    with pytest.raises(UserError) as raised:
        client.get_tracking("CP4")
    assert str(raised.value) == (
        "The connection to Caravan timed out after 0.2 seconds. Check that this server can "
        "reach the internet, then try again."
    )


def test_connection_refused(module):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    closed = module.CaravanClient(Environment(), "cpk_test_1", "CRV-1")
    closed.base_url = f"http://127.0.0.1:{port}/caravan/v2"
    with pytest.raises(UserError) as raised:
        closed.check_connection()
    assert str(raised.value) == (
        f"Could not connect to Caravan at http://127.0.0.1:{port}/caravan/v2. Check this "
        "server's internet access and firewall, then try again."
    )


def test_parcel_over_limit_is_rejected_before_sending(client):
    ROUTES.pop("/shipments", None)
    with pytest.raises(ValidationError) as raised:
        client.book_shipment({"parcels": [{"weight_kg": 30.5}]})
    assert str(raised.value).startswith("Each parcel weighs 30.50 kg")


@pytest.mark.parametrize(
    ("api_key", "account", "environment", "message"),
    [
        ("", "CRV-1", "sandbox", "The Caravan API key is missing."),
        ("cpk_test_1", "", "sandbox", "The Caravan account number is missing."),
        ("cpk_test_1", "CRV-1", "production", "A sandbox API key is used with the Production"),
    ],
)
def test_credentials_checked_before_use(module, api_key, account, environment, message):
    caravan = module.CaravanClient(Environment(), api_key, account, environment)
    with pytest.raises(UserError) as raised:
        caravan.check_credentials()
    assert str(raised.value).startswith(message)


def test_webhook_signature(module):
    caravan = module.CaravanClient(Environment(), None, None)
    payload = b'{"id": "evt_1", "type": "shipment.delivered"}'
    signature = module.compute_signature("s3cret", payload)
    caravan.verify_signature("s3cret", payload, signature)
    with pytest.raises(ValidationError) as raised:
        caravan.verify_signature("s3cret", payload + b" ", signature)
    assert str(raised.value).startswith("Webhook signature invalid:")
    with pytest.raises(ValidationError):
        caravan.verify_signature("s3cret", payload, "")
    with pytest.raises(UserError) as raised:
        caravan.verify_signature("", payload, signature)
    assert str(raised.value).startswith("The webhook secret is not set")


def test_parse_payload(module):
    assert module.parse_payload(b'{"id": "evt_1"}') == {"id": "evt_1"}
    assert module.parse_payload(b"[1, 2]") is None
    assert module.parse_payload(b"\xff") is None
