"""How long the stand-in takes to respond, per kind of request.

``odoo18`` spreads the costs measured on a real Odoo 18 with Playwright and Chromium on two
cores over the requests of a page load: about 3 s from the login form to a ready client, and
1.2 to 1.9 s from navigation to a ready page (the 400 ms the loading indicator lingers
included). ``fast`` answers at once for tests, but keeps the delays that the behaviours under
test need: lazy images still load late and a blocking action still blocks for a moment.

Any request may add ``?delay=<ms>`` to its URL; the browser script forwards the page URL's
``delay`` to the requests of a page load, so a test can make RPCs slower than 250 ms.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

TimingName = Literal["odoo18", "fast"]
MAX_EXTRA_DELAY_MS = 30_000


@dataclass(frozen=True)
class Timing:
    """Seconds each kind of request takes.

    ``lazy_image`` is for the images of kanban cards (requested with ``?unique=``), and
    ``reveal_ms`` is how long after loading the login page shows its form.
    """

    name: str
    page: float
    asset: float
    login: float
    session_info: float
    load_menus: float
    action_load: float
    get_views: float
    read: float
    render: float
    call_button: float
    save: float
    image: float
    lazy_image: float
    reveal_ms: int
    long_poll: float


PROFILES: dict[str, Timing] = {
    "odoo18": Timing(
        name="odoo18",
        page=0.2,
        asset=0.05,
        login=0.9,
        session_info=0.05,
        load_menus=0.15,
        action_load=0.1,
        get_views=0.15,
        read=0.28,
        render=0.03,
        call_button=0.8,
        save=0.3,
        image=0.1,
        lazy_image=0.35,
        reveal_ms=200,
        long_poll=50.0,
    ),
    "fast": Timing(
        name="fast",
        page=0.0,
        asset=0.0,
        login=0.0,
        session_info=0.0,
        load_menus=0.0,
        action_load=0.0,
        get_views=0.0,
        read=0.0,
        render=0.0,
        call_button=0.3,
        save=0.0,
        image=0.0,
        lazy_image=0.3,
        reveal_ms=30,
        long_poll=25.0,
    ),
}


def profile(name: str) -> Timing:
    """Return the timing profile called ``name``.

    Raises:
        ValueError: ``name`` is not a known profile.
    """
    if name not in PROFILES:
        raise ValueError(f"unknown timing '{name}'; use one of: {', '.join(PROFILES)}")
    return PROFILES[name]


def extra_delay(query: dict[str, str]) -> float:
    """Return the seconds a request's ``?delay=<ms>`` adds (capped at 30 s)."""
    text = query.get("delay", "")
    if not text.isdigit():
        return 0.0
    return min(int(text), MAX_EXTRA_DELAY_MS) / 1000
