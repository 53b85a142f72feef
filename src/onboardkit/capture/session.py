"""One logged-in Odoo session per run: login, saved sessions, version and language switch.

A session is saved (as Playwright storage state) per server, database, user and language
under the user's cache folder, owner-only, and reused while Odoo still accepts it. The user's
language is switched the way the web client needs for right-to-left: write ``res.users.lang``,
call ``get_session_info`` so the session picks it up, then load pages. The language the user
had first is restored at the end of the run.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlparse

from onboardkit.capture import rpc
from onboardkit.capture.credentials import Credentials
from onboardkit.capture.errors import LanguageUnavailable, LoginFailed, RpcError
from onboardkit.capture.session_store import SessionStore
from onboardkit.config import OdooSection

if TYPE_CHECKING:
    from playwright.async_api import Browser, BrowserContext

log = logging.getLogger(__name__)

LOGIN_FORM = "form.oe_login_form:not(.d-none)"


class ServerVersion:
    """The Odoo server's version as ``/web/webclient/version_info`` reports it."""

    def __init__(self, info: dict[str, Any]):
        self.text = str(info.get("server_version", ""))
        parts = info.get("server_version_info") or []
        found = re.search(r"\d+", str(parts[0] if parts else self.text))
        self.major = int(found.group()) if found else 0
        self.serie = str(info.get("server_serie") or self.text)

    def __str__(self) -> str:
        return self.text


class OdooSession:
    """A browser context logged in to Odoo, used for RPC and as the source of storage state."""

    def __init__(
        self,
        browser: Browser,
        odoo: OdooSection,
        credentials: Credentials,
        login_method: str,
        timeout: float,
    ):
        self.browser = browser
        self.odoo = odoo
        self.base_url = odoo.url
        self.credentials = credentials
        self.login_method = login_method
        self.timeout = timeout
        self.database = odoo.database
        self.context: BrowserContext | None = None
        self.info: dict[str, Any] | None = None
        self.version: ServerVersion | None = None
        self.store = SessionStore(odoo.url, odoo.database or "", credentials.login)

    async def open(self) -> ServerVersion:
        """Create the control context and read the server version (no login needed)."""
        self.context = await self.browser.new_context()
        info = await rpc.call(
            self.context.request, self.base_url, "/web/webclient/version_info", {}, self.timeout
        )
        self.version = ServerVersion(info or {})
        log.info("Odoo server %s at %s", self.version, self.base_url)
        return self.version

    async def close(self) -> None:
        if self.context is not None:
            await self.context.close()
            self.context = None

    async def rpc(self, path: str, params: dict[str, Any]) -> Any:
        assert self.context is not None
        return await rpc.call(self.context.request, self.base_url, path, params, self.timeout)

    async def call_kw(
        self, model: str, method: str, args: list[Any], kwargs: dict[str, Any] | None = None
    ) -> Any:
        assert self.context is not None
        request = self.context.request
        return await rpc.call_kw(request, self.base_url, model, method, args, kwargs, self.timeout)

    async def prepare_language(self, odoo_language: str) -> dict[str, Any]:
        """Log in (or reuse a saved session) with the user's language set to ``odoo_language``.

        Returns:
            The storage state that shot contexts start from.

        Raises:
            LoginFailed: Odoo rejected the credentials or no database could be chosen.
            LanguageUnavailable: the language is not active on the server.
        """
        if not await self._reuse_saved(odoo_language):
            if self.info is None or not await self._still_valid():
                await self._login()
        assert self.info is not None and self.context is not None
        self.store.remember_original_language(self.info["user_context"].get("lang", ""))
        if self.info["user_context"].get("lang") != odoo_language:
            await self._switch_language(odoo_language)
        state = await self.context.storage_state()
        self.store.save(odoo_language, state)
        return state

    async def restore_language(self) -> None:
        """Set the user's language back to the one it had before the first switch."""
        original = self.store.original_language()
        if not original or self.info is None:
            return
        if self.info["user_context"].get("lang") != original:
            await self._write_language(original)
            self.info = await self.rpc("/web/session/get_session_info", {})
            log.info("Restored the Odoo user's language to %s", original)
        self.store.forget_original_language()

    async def _reuse_saved(self, odoo_language: str) -> bool:
        state = self.store.load(odoo_language)
        if state is None:
            return False
        candidate = await self.browser.new_context(storage_state=state)
        info = await self._session_info(candidate)
        if info is None:
            await candidate.close()
            log.debug("Saved Odoo session for %s expired; logging in again.", odoo_language)
            return False
        await self.close()
        self.context, self.info = candidate, info
        log.debug("Reusing the saved Odoo session for %s", odoo_language)
        return True

    async def _still_valid(self) -> bool:
        assert self.context is not None
        info = await self._session_info(self.context)
        if info is not None:
            self.info = info
        return info is not None

    async def _session_info(self, context: BrowserContext) -> dict[str, Any] | None:
        try:
            info = await rpc.call(
                context.request, self.base_url, "/web/session/get_session_info", {}, self.timeout
            )
        except RpcError as error:
            log.debug("Session check failed: %s", error)
            return None
        if not isinstance(info, dict) or not info.get("uid"):
            return None
        if self.database and info.get("db") not in (None, self.database):
            return None
        return info

    async def _login(self) -> None:
        assert self.context is not None
        await self.context.clear_cookies()
        if self.login_method == "form":
            await self._login_form()
        else:
            await self._login_rpc()
        info = await self._session_info(self.context)
        if info is None:
            raise LoginFailed(
                "Odoo accepted the login but the new session is not valid; check that the "
                "user may log in to the web client."
            )
        self.info = info
        log.info("Logged in to Odoo (%s, database %s)", self.login_method, info.get("db"))

    async def _login_rpc(self) -> None:
        database = await self._choose_database()
        params = {
            "db": database,
            "login": self.credentials.login,
            "password": self.credentials.password,
        }
        try:
            result = await self.rpc("/web/session/authenticate", params)
        except RpcError as error:
            if "AccessDenied" in error.name:
                raise LoginFailed(self._rejected_message("wrong login or password")) from None
            raise LoginFailed(
                f"logging in to database '{database}' failed: {error.message}. Check "
                "odoo.database in onboardkit.yml."
            ) from None
        if not isinstance(result, dict) or not result.get("uid"):
            raise LoginFailed(self._rejected_message("no user id in the response"))

    async def _choose_database(self) -> str:
        if self.database:
            return self.database
        try:
            names = await self.rpc("/web/database/list", {})
        except RpcError as error:
            raise LoginFailed(
                f"the server did not list its databases ({error.message}). Set odoo.database "
                "in onboardkit.yml."
            ) from None
        return self._single_database(list(names or []))

    def _single_database(self, names: list[str]) -> str:
        if len(names) == 1:
            self.database = names[0]
            return names[0]
        listed = ", ".join(names) or "none"
        raise LoginFailed(
            f"the server hosts {len(names)} databases ({listed}); set odoo.database in "
            "onboardkit.yml to the one to capture."
        )

    async def _login_form(self) -> None:
        assert self.context is not None
        page = await self.context.new_page()
        try:
            query = f"?db={quote(self.database)}" if self.database else ""
            await page.goto(f"{self.base_url}/web/login{query}", timeout=self.timeout * 1000)
            if urlparse(page.url).path.startswith("/web/database/selector"):
                names = await page.eval_on_selector_all(
                    'a[href*="db="]',
                    "links => links.map(link => new URL(link.href).searchParams.get('db'))",
                )
                self._single_database([name for name in names if name])
                await page.goto(
                    f"{self.base_url}/web/login?db={quote(self.database or '')}",
                    timeout=self.timeout * 1000,
                )
            await page.wait_for_selector(LOGIN_FORM, timeout=self.timeout * 1000)
            await page.fill(f"{LOGIN_FORM} input[name=login]", self.credentials.login)
            await page.fill(f"{LOGIN_FORM} input[name=password]", self.credentials.password)
            async with page.expect_navigation(timeout=self.timeout * 1000):
                await page.click(f"{LOGIN_FORM} button[type=submit]")
            if urlparse(page.url).path.startswith("/web/login"):
                alert = page.locator(".oe_login_form .alert-danger")
                reason = (await alert.inner_text()).strip() if await alert.count() else ""
                raise LoginFailed(self._rejected_message(reason or "the login page came back"))
        finally:
            await page.close()

    def _rejected_message(self, reason: str) -> str:
        return (
            f"Odoo rejected the login ({reason}). Check the environment variables "
            f"{self.odoo.login_env} and {self.odoo.password_env} (or the keyring entries of "
            f"service '{self.odoo.keyring_service}')."
        )

    async def _switch_language(self, odoo_language: str) -> None:
        await self._check_language(odoo_language)
        try:
            await self._write_language(odoo_language)
        except RpcError as error:
            raise LanguageUnavailable(
                f"switching the Odoo user to '{odoo_language}' failed: {error.message}."
            ) from None
        self.info = await self.rpc("/web/session/get_session_info", {})
        current = (self.info or {}).get("user_context", {}).get("lang")
        if current != odoo_language:
            raise LanguageUnavailable(
                f"the Odoo session still reports language '{current}' after switching to "
                f"'{odoo_language}'. Check that the language is installed and active."
            )
        log.info("Switched the Odoo user's language to %s", odoo_language)

    async def _write_language(self, odoo_language: str) -> None:
        assert self.info is not None
        await self.call_kw("res.users", "write", [[self.info["uid"]], {"lang": odoo_language}])

    async def _check_language(self, odoo_language: str) -> None:
        try:
            found = await self.call_kw(
                "res.lang",
                "search_read",
                [[["code", "=", odoo_language]]],
                {"fields": ["code", "active"], "context": {"active_test": False}},
            )
        except RpcError as error:
            log.debug("Could not read res.lang (%s); relying on the switch check.", error)
            return
        if not found or not found[0].get("active", True):
            state = "not active" if found else "not installed"
            raise LanguageUnavailable(
                f"language '{odoo_language}' is {state} on the Odoo server. Activate it in "
                "Settings > Languages, or fix its 'odoo' code under 'languages' in onboardkit.yml."
            )
