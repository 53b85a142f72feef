"""HTTP sessions of the stand-in: the ``session_id`` cookie, its database, user and language.

As in Odoo, a session caches the user's language when it is authenticated or when
``/web/session/get_session_info`` is called; writing ``res.users.lang`` alone does not
change the language the next page uses.
"""

from __future__ import annotations

import hmac
import secrets
import threading
from dataclasses import dataclass, field

COOKIE_NAME = "session_id"
COOKIE_MAX_AGE = 7 * 24 * 3600


@dataclass
class Session:
    """One browser's session; ``uid`` is None until it logs in."""

    sid: str
    csrf_secret: str = field(default_factory=lambda: secrets.token_hex(16))
    database: str | None = None
    uid: int | None = None
    login: str | None = None
    lang: str = "en_US"

    def csrf_token(self) -> str:
        return hmac.new(self.csrf_secret.encode(), b"csrf", "sha256").hexdigest()

    def check_csrf(self, token: str | None) -> bool:
        return bool(token) and hmac.compare_digest(self.csrf_token(), token or "")


class SessionStore:
    """Sessions by id, shared by the server's request threads."""

    def __init__(self) -> None:
        self._sessions: dict[str, Session] = {}
        self._lock = threading.Lock()

    def get(self, sid: str | None) -> Session | None:
        with self._lock:
            return self._sessions.get(sid or "")

    def new(self) -> Session:
        session = Session(secrets.token_urlsafe(30))
        with self._lock:
            self._sessions[session.sid] = session
        return session

    def rotate(self, session: Session) -> Session:
        """Give ``session`` a new id (as Odoo does on login) and return it."""
        with self._lock:
            self._sessions.pop(session.sid, None)
            session.sid = secrets.token_urlsafe(30)
            self._sessions[session.sid] = session
        return session

    def drop(self, session: Session) -> None:
        with self._lock:
            self._sessions.pop(session.sid, None)


def cookie_header(sid: str, expire: bool = False) -> str:
    """Return the ``Set-Cookie`` value for ``sid`` (HttpOnly, path /, 7 days)."""
    age = 0 if expire else COOKIE_MAX_AGE
    return f"{COOKIE_NAME}={sid}; Path=/; Max-Age={age}; HttpOnly; SameSite=Lax"
