"""JSON-RPC calls to Odoo through a browser context's request API (which shares its cookies)."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any

from onboardkit.capture.errors import RpcError, ServerUnreachable

if TYPE_CHECKING:
    from playwright.async_api import APIRequestContext

_ids = itertools.count(1)


async def call(
    request: APIRequestContext, base_url: str, path: str, params: dict[str, Any], timeout: float
) -> Any:
    """POST a JSON-RPC ``call`` to ``base_url + path`` and return its ``result``.

    The parameters may hold credentials, so they appear in no error message.

    Raises:
        ServerUnreachable: no HTTP response, or a response that is not JSON-RPC.
        RpcError: Odoo returned an error (``name`` is the Odoo exception class).
    """
    from playwright.async_api import Error as PlaywrightError

    payload = {"jsonrpc": "2.0", "method": "call", "id": next(_ids), "params": params}
    try:
        response = await request.post(
            base_url + path,
            data=payload,
            headers={"Content-Type": "application/json"},
            timeout=timeout * 1000,
        )
    except PlaywrightError as error:
        reason = str(error).splitlines()[0]
        raise ServerUnreachable(f"cannot reach the Odoo server at {base_url}: {reason}") from error
    if response.status != 200:
        raise RpcError(path, "", f"HTTP {response.status} {response.status_text}".strip())
    try:
        body = await response.json()
    except (PlaywrightError, ValueError) as error:
        raise ServerUnreachable(
            f"{base_url}{path} did not return JSON; is {base_url} an Odoo server?"
        ) from error
    if not isinstance(body, dict):
        raise ServerUnreachable(f"{base_url}{path} did not return a JSON-RPC response.")
    if body.get("error"):
        error = body["error"]
        data = error.get("data") or {}
        raise RpcError(path, str(data.get("name", "")), str(data.get("message") or error))
    return body.get("result")


async def call_kw(
    request: APIRequestContext,
    base_url: str,
    model: str,
    method: str,
    args: list[Any],
    kwargs: dict[str, Any] | None,
    timeout: float,
) -> Any:
    """Call ``model.method(*args, **kwargs)`` through ``/web/dataset/call_kw``."""
    params = {"model": model, "method": method, "args": args, "kwargs": kwargs or {}}
    return await call(request, base_url, f"/web/dataset/call_kw/{model}/{method}", params, timeout)
