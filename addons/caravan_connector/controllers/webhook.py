import logging

from odoo import http
from odoo.http import Response, request

from ..services.caravan_client import SIGNATURE_HEADER

_logger = logging.getLogger(__name__)

# Caravan sends small JSON documents; anything larger is not one of its webhooks.
MAX_PAYLOAD_BYTES = 64 * 1024


class CaravanWebhookController(http.Controller):
    """Endpoint that receives Caravan's tracking webhooks."""

    @http.route(
        "/caravan/webhook",
        type="http",
        auth="public",
        methods=["POST"],
        csrf=False,
        save_session=False,
    )
    def caravan_webhook(self, **_params) -> Response:
        """Record a webhook call, check its HMAC signature and apply it to its shipment.

        Returns:
            Response: 200 with the event's status when the signature is valid, 401 when it
                is not, 413 when the body is too large.
        """
        payload = request.httprequest.get_data(cache=False)
        if len(payload) > MAX_PAYLOAD_BYTES:
            _logger.warning("Caravan webhook rejected: body of %s bytes", len(payload))
            return request.make_json_response({"error": "payload too large"}, status=413)
        signature = request.httprequest.headers.get(SIGNATURE_HEADER, "")
        event = request.env["caravan.webhook.event"].sudo()._receive(payload, signature)
        if event.status == "rejected":
            return request.make_json_response({"error": "invalid signature"}, status=401)
        return request.make_json_response({"event": event.event_uid, "status": event.status})
