"""The stand-in's HTTP server: a threaded server on 127.0.0.1 run in a background thread."""

from __future__ import annotations

import ipaddress
import json
import logging
import re
import socket
import threading
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from onboardkit.errors import OnboardkitError, Problem, ValidationFailed
from onboardkit.standin import timing as timing_profiles

log = logging.getLogger(__name__)

DATABASE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
MAX_BODY = 10 * 1024 * 1024


@dataclass
class Request:
    """An HTTP request as the stand-in's handlers see it."""

    method: str
    path: str
    query: dict[str, str]
    raw_query: str
    headers: dict[str, str]
    body: bytes
    cookies: dict[str, str]

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8") or "null")

    def form(self) -> dict[str, str]:
        return dict(parse_qsl(self.body.decode("utf-8"), keep_blank_values=True))


@dataclass
class Response:
    """An HTTP response: status, body and headers."""

    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: list[tuple[str, str]] = field(default_factory=list)


class ServerError(OnboardkitError):
    """The server could not start (address in use, invalid host)."""


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class StandinServer:
    """A demo Odoo 17/18 web client stand-in serving the views of the given addons.

    Args:
        addon_dirs: Addon folders whose views, menus, demo data and catalogs are served.
        login: The one user's login.
        password: Its password (never logged).
        databases: Database names; more than one shows Odoo's database selector.
        host: Address to bind; a non-loopback address must be passed explicitly.
        port: TCP port; 0 picks a free one.
        timing: ``"odoo18"`` for real Odoo delays, ``"fast"`` for tests.

    Raises:
        ValidationFailed: an argument or addon folder is invalid (every problem is listed).
    """

    def __init__(
        self,
        addon_dirs: list[Path],
        *,
        login: str = "admin",
        password: str,
        databases: tuple[str, ...] | list[str] = ("demo",),
        host: str = "127.0.0.1",
        port: int = 0,
        timing: str = "odoo18",
    ):
        _validate(addon_dirs, login, password, list(databases), port, timing)
        from onboardkit.standin.app import App
        from onboardkit.standin.bundle import Bundle

        self.host = host
        self.port = port
        self.timing = timing_profiles.profile(timing)
        self.bundle = Bundle([Path(folder) for folder in addon_dirs])
        self.stopping = threading.Event()
        self.app = App(self.bundle, login, password, list(databases), self.timing, self.stopping)
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The base URL, such as ``http://127.0.0.1:8069`` (valid once started)."""
        if self._httpd is None:
            raise ServerError("The stand-in server is not running; call start() first.")
        host = self.host if ":" not in self.host else f"[{self.host}]"
        return f"http://{host}:{self._httpd.server_address[1]}"

    def start(self) -> str:
        """Start serving in a background thread and return the base URL.

        Raises:
            ServerError: the address is in use or cannot be bound.
        """
        if self._httpd is not None:
            return self.url
        handler = type("StandinHandler", (_Handler,), {"app": self.app})
        server_class = _IPv6Server if ":" in self.host else _Server
        try:
            self._httpd = server_class((self.host, self.port), handler)
        except OSError as error:
            raise ServerError(
                f"cannot listen on {self.host}:{self.port}: {error.strerror or error}. "
                "Choose another port with --port, or stop the program using it."
            ) from error
        self.stopping.clear()
        self.app.set_base_url(self.url)
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, name="onboardkit-standin", daemon=True
        )
        self._thread.start()
        log.info("Odoo stand-in serving at %s (timing %s)", self.url, self.timing.name)
        return self.url

    def stop(self) -> None:
        """Stop serving. Held requests, such as the long-polling one, end at once."""
        if self._httpd is None:
            return
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._httpd.close_connections()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._httpd = None
        self._thread = None
        log.info("Odoo stand-in stopped")

    def __enter__(self) -> StandinServer:
        self.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


def _validate(
    addon_dirs: list[Path], login: str, password: str, databases: list[str], port: int, timing: str
) -> None:
    from onboardkit.standin.bundle import folder_not_found

    problems = []
    where = "StandinServer"
    if not addon_dirs:
        problems.append(
            Problem(
                where,
                "no addon folder given.",
                field="addon_dirs",
                fix="Pass at least one addon folder.",
            )
        )
    problems += [folder_not_found(folder) for folder in addon_dirs if not Path(folder).is_dir()]
    if not login or not login.strip():
        problems.append(Problem(where, "the login is empty.", field="login"))
    if not password:
        problems.append(
            Problem(
                where,
                "the password is empty.",
                field="password",
                fix="Set ONBOARDKIT_ODOO_PASSWORD.",
            )
        )
    if not databases:
        problems.append(Problem(where, "no database name given.", field="databases"))
    for name in databases:
        if not DATABASE_NAME.match(name):
            problems.append(
                Problem(
                    where,
                    f"'{name}' is not a valid database name.",
                    field="databases",
                    fix="Use letters, digits, '_', '.' and '-'.",
                )
            )
    if not 0 <= port <= 65535:
        problems.append(
            Problem(
                where,
                f"port {port} is out of range.",
                field="port",
                fix="Use 0 (any free port) to 65535.",
            )
        )
    if timing not in timing_profiles.PROFILES:
        problems.append(
            Problem(
                where,
                f"unknown timing '{timing}'.",
                field="timing",
                fix="Use " + " or ".join(timing_profiles.PROFILES) + ".",
            )
        )
    if problems:
        raise ValidationFailed(problems)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    block_on_close = False

    def __init__(self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler]):
        super().__init__(address, handler)
        self.connections: set[socket.socket] = set()
        self.connections_lock = threading.Lock()

    def close_connections(self) -> None:
        """Close the kept-alive connections too, as a server process that ends does."""
        with self.connections_lock:
            connections = list(self.connections)
        for connection in connections:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


class _IPv6Server(_Server):
    address_family = socket.AF_INET6


class _Handler(BaseHTTPRequestHandler):
    app: Any
    protocol_version = "HTTP/1.1"
    server_version = "onboardkit-standin"
    timeout = 60

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in separate writes; without this, Nagle's algorithm and
        # delayed ACKs hold each response back by about 40 ms.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with self.server.connections_lock:
            self.server.connections.add(self.connection)

    def finish(self) -> None:
        with self.server.connections_lock:
            self.server.connections.discard(self.connection)
        super().finish()

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._dispatch("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._dispatch("POST")

    def do_HEAD(self) -> None:  # noqa: N802
        self._dispatch("HEAD")

    def _dispatch(self, method: str) -> None:
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(min(length, MAX_BODY)) if length else b""
        cookies = SimpleCookie()
        try:
            cookies.load(self.headers.get("Cookie") or "")
        except Exception:  # noqa: BLE001 - a malformed cookie header is treated as none
            cookies = SimpleCookie()
        request = Request(
            method=method,
            path=parts.path,
            query=dict(parse_qsl(parts.query, keep_blank_values=True)),
            raw_query=parts.query,
            headers={key.lower(): value for key, value in self.headers.items()},
            body=body,
            cookies={key: morsel.value for key, morsel in cookies.items()},
        )
        response = self.app.handle(request)
        self._send(response, head=method == "HEAD")

    def _send(self, response: Response, head: bool) -> None:
        try:
            self.send_response(response.status)
            self.send_header("Content-Type", response.content_type)
            self.send_header("Content-Length", str(len(response.body)))
            self.send_header("Cache-Control", "no-store")
            for name, value in response.headers:
                self.send_header(name, value)
            self.end_headers()
            if not head:
                self.wfile.write(response.body)
        except (BrokenPipeError, ConnectionResetError):
            log.debug("Client closed the connection before %s was answered", self.path)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - base signature
        log.debug("%s %s", self.address_string(), format % args)
