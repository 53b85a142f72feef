"""HTTP client for the Caravan Parcel REST API (version 2).

The client is plain Python so that it can be used from models, wizards, the webhook
controller and shell sessions alike. It imports ``requests`` only when a request is sent,
which keeps the addon importable (and its documentation buildable) without it.
"""

import hashlib
import hmac
import json
import logging

from odoo.exceptions import UserError, ValidationError

_logger = logging.getLogger(__name__)

SANDBOX_URL = "https://sandbox.api.example.com/caravan/v2"
PRODUCTION_URL = "https://api.example.com/caravan/v2"
SANDBOX_KEY_PREFIX = "cpk_test_"
LIVE_KEY_PREFIX = "cpk_live_"
# Caravan's published limit for one parcel; heavier goods must be split into more parcels.
MAX_PARCEL_WEIGHT_KG = 30.0
REQUEST_TIMEOUT_SECONDS = 20
SIGNATURE_HEADER = "X-Caravan-Signature"


class CaravanClient:
    """Client for one Caravan account in one environment.

    Every failure is raised as an Odoo ``UserError`` or ``ValidationError`` whose
    translated message states what failed and what the user can do next, so callers can
    let it reach the user unchanged.

    Args:
        env (odoo.api.Environment): The Odoo environment, used for translations and settings.
        api_key (str): The account's API key (``cpk_test_...`` or ``cpk_live_...``).
        account_number (str): The Caravan account number, such as ``CRV-204817``.
        environment (str): ``"sandbox"`` or ``"production"``.
    """

    def __init__(self, env, api_key, account_number, environment="sandbox"):
        self.env = env
        self.api_key = api_key or ""
        self.account_number = account_number or ""
        self.environment = environment or "sandbox"
        self.base_url = PRODUCTION_URL if self.environment == "production" else SANDBOX_URL

    @classmethod
    def from_settings(cls, env) -> "CaravanClient":
        """Build a client from the values saved in Settings > Caravan.

        Args:
            env (odoo.api.Environment): The Odoo environment.

        Returns:
            CaravanClient: A client whose credentials have been checked for presence.

        Raises:
            UserError: The API key or the account number is not set, or a sandbox key is
                used with the production environment.
        """
        params = env["ir.config_parameter"].sudo()
        client = cls(
            env,
            api_key=params.get_param("caravan_connector.api_key"),
            account_number=params.get_param("caravan_connector.account_number"),
            environment=params.get_param("caravan_connector.environment", "sandbox"),
        )
        client.check_credentials()
        return client

    def check_credentials(self):
        """Check that the credentials are present and match the environment.

        Raises:
            UserError: A credential is missing or the key belongs to the other environment.
        """
        if not self.api_key:
            raise UserError(
                self.env._(
                    "The Caravan API key is missing. Enter it in Settings > Caravan > "
                    "Connection, then save."
                )
            )
        if not self.account_number:
            raise UserError(
                self.env._(
                    "The Caravan account number is missing. Enter the number shown in "
                    "your Caravan merchant portal in Settings > Caravan > Connection."
                )
            )
        if self.environment == "production" and self.api_key.startswith(SANDBOX_KEY_PREFIX):
            raise UserError(self._sandbox_key_message())

    def check_connection(self) -> dict:
        """Fetch the account profile to prove that the credentials work.

        Returns:
            dict: The account profile, with at least ``account_number`` and ``name``.
        """
        return self._request("GET", "/account")

    def book_shipment(self, payload) -> dict:
        """Book a shipment and return the carrier's booking.

        Args:
            payload (dict): The booking request, as built by ``caravan.shipment``.

        Returns:
            dict: The booking, with ``tracking_ref``, ``status`` and ``label_status``.

        Raises:
            ValidationError: A parcel is heavier than Caravan accepts.
        """
        for parcel in payload.get("parcels", []):
            if parcel.get("weight_kg", 0.0) > MAX_PARCEL_WEIGHT_KG:
                raise ValidationError(self._weight_message(parcel["weight_kg"]))
        return self._request("POST", "/shipments", json_body=payload)

    def get_tracking(self, tracking_ref) -> dict:
        """Return the tracking status and events of one shipment.

        Args:
            tracking_ref (str): The Caravan tracking number.

        Returns:
            dict: ``status`` (booked, in_transit, delivered, exception, cancelled),
                ``status_text`` and ``events``.
        """
        return self._request("GET", f"/shipments/{tracking_ref}/tracking")

    def get_label(self, tracking_ref) -> bytes:
        """Download the shipping label of a booked shipment as PDF bytes.

        Args:
            tracking_ref (str): The Caravan tracking number.

        Returns:
            bytes: The label, a PDF document.

        Raises:
            UserError: Caravan has not rendered the label yet.
        """
        return self._request("GET", f"/shipments/{tracking_ref}/label", raw=True)

    def cancel_shipment(self, tracking_ref) -> dict:
        """Cancel a booked shipment before it is collected.

        Args:
            tracking_ref (str): The Caravan tracking number.

        Returns:
            dict: The cancelled shipment.
        """
        return self._request("POST", f"/shipments/{tracking_ref}/cancel")

    def verify_signature(self, secret, payload, signature) -> None:
        """Check a webhook's HMAC-SHA256 signature against the shared secret.

        Args:
            secret (str): The webhook secret from Settings > Caravan.
            payload (bytes): The raw request body.
            signature (str): The hexadecimal digest from the ``X-Caravan-Signature`` header.

        Raises:
            UserError: No webhook secret is set.
            ValidationError: The signature is missing or does not match the body.
        """
        if not secret:
            raise UserError(
                self.env._(
                    "The webhook secret is not set, so Caravan's webhooks cannot be "
                    "verified. Copy it from the Caravan merchant portal into Settings > "
                    "Caravan > Webhooks."
                )
            )
        expected = compute_signature(secret, payload)
        if not signature or not hmac.compare_digest(expected, signature.strip().lower()):
            raise ValidationError(
                self.env._(
                    "Webhook signature invalid: the request was not signed with the webhook "
                    "secret saved in Settings > Caravan. Check that both sides use the "
                    "same secret."
                )
            )

    def _request(self, method, path, json_body=None, raw=False):
        import requests  # imported here so that the addon loads without it

        url = self.base_url + path
        headers = {
            "Authorization": f"Bearer {self.api_key}",
            "Caravan-Account": self.account_number,
            "Accept": "application/pdf" if raw else "application/json",
        }
        _logger.debug("Caravan %s %s", method, path)
        try:
            response = requests.request(
                method, url, json=json_body, headers=headers, timeout=REQUEST_TIMEOUT_SECONDS
            )
        except requests.exceptions.Timeout as error:
            raise UserError(
                self.env._(
                    "The connection to Caravan timed out after %(seconds)s seconds. Check "
                    "that this server can reach the internet, then try again.",
                    seconds=REQUEST_TIMEOUT_SECONDS,
                )
            ) from error
        except requests.exceptions.ConnectionError as error:
            raise UserError(
                self.env._(
                    "Could not connect to Caravan at %(url)s. Check this server's internet "
                    "access and firewall, then try again.",
                    url=self.base_url,
                )
            ) from error
        if response.ok:
            return response.content if raw else self._json(response)
        raise self._error_for(response, path)

    def _json(self, response):
        try:
            return response.json()
        except ValueError as error:
            raise UserError(self._unexpected_message(response.status_code)) from error

    def _error_for(self, response, path):
        """Translate an HTTP error response of Caravan into an Odoo exception."""
        status = response.status_code
        error = _error_body(response)
        code = error.get("code", "")
        _logger.warning("Caravan rejected %s (HTTP %s, code %r)", path, status, code)
        for translate in (self._account_error, self._request_error, self._service_error):
            exception = translate(status, code, error, response)
            if exception is not None:
                return exception
        return UserError(self._unexpected_message(status))

    def _account_error(self, status, code, _error, _response):
        if status == 401:
            return UserError(
                self.env._(
                    "Caravan rejected the API key (authentication failed). Check the key in "
                    "Settings > Caravan and that it belongs to account %(account)s.",
                    account=self.account_number,
                )
            )
        if status == 403 and code == "sandbox_key_in_production":
            return UserError(self._sandbox_key_message())
        return None

    def _request_error(self, status, code, error, _response):
        detail = error.get("message", "")
        if status == 422 and code == "address_rejected":
            return ValidationError(
                self.env._(
                    "Caravan rejected the recipient address: %(reason)s. Correct the "
                    "contact's address, then book the shipment again.",
                    reason=detail,
                )
            )
        if status == 422 and code == "weight_over_limit":
            return ValidationError(self._weight_message(float(error.get("weight_kg", 0.0))))
        if status == 422 and code == "service_unavailable":
            return UserError(
                self.env._(
                    "Caravan does not offer this service level to the recipient's country "
                    "(%(detail)s). Choose another service level and book again.",
                    detail=detail,
                )
            )
        if status == 404 and code == "label_not_ready":
            return UserError(
                self.env._(
                    "The label is not ready yet. Caravan renders it within a minute or two "
                    "of booking; try Print Label again shortly."
                )
            )
        if status == 409 and code == "already_collected":
            return UserError(
                self.env._(
                    "Caravan cannot cancel this shipment because the courier has already "
                    "collected the parcels. Arrange a return instead."
                )
            )
        return None

    def _service_error(self, status, _code, _error, response):
        if status == 429:
            return UserError(
                self.env._(
                    "Caravan is rate limiting requests from this database. Wait "
                    "%(seconds)s seconds, then try again.",
                    seconds=response.headers.get("Retry-After", "60"),
                )
            )
        if status >= 500:
            return UserError(
                self.env._(
                    "Caravan is temporarily unavailable (HTTP %(status)s). Try again in a "
                    "few minutes.",
                    status=status,
                )
            )
        return None

    def _sandbox_key_message(self):
        return self.env._(
            "A sandbox API key is used with the Production environment. Enter a live key (it "
            'starts with "cpk_live_") or switch the environment to Sandbox.'
        )

    def _weight_message(self, weight):
        return self.env._(
            "Each parcel weighs %(weight).2f kg, over Caravan's limit of %(limit).2f kg per "
            "parcel. Raise the parcel count so that each parcel stays under the limit.",
            weight=weight,
            limit=MAX_PARCEL_WEIGHT_KG,
        )

    def _unexpected_message(self, status):
        return self.env._(
            "Caravan returned an unexpected response (HTTP %(status)s). Try again later; if "
            "it persists, write to support@example.com with the shipment reference.",
            status=status,
        )


def compute_signature(secret, payload) -> str:
    """Return the hexadecimal HMAC-SHA256 of ``payload`` that Caravan sends for ``secret``.

    Args:
        secret (str): The shared webhook secret.
        payload (bytes): The request body.

    Returns:
        str: The signature, as sent in the ``X-Caravan-Signature`` header.
    """
    return hmac.new(secret.encode(), payload, hashlib.sha256).hexdigest()


def parse_payload(payload):
    """Decode a webhook body into a dictionary, or return None when it is not JSON."""
    try:
        data = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _error_body(response):
    """Return the ``error`` object of a Caravan error response, or {} when there is none."""
    try:
        body = response.json()
    except ValueError:
        return {}
    error = body.get("error") if isinstance(body, dict) else None
    return error if isinstance(error, dict) else {}
