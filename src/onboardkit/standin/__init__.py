"""A demo Odoo 17/18 web client stand-in that serves an addon's own views on 127.0.0.1.

It exists for demos and tests of onboardkit's capture code: it behaves like the real web
client where capture code must cope (hidden login form, late loading indicator, a request
held open, fade-ins, lazy images, a scrolling ``.o_content``) and says it is a stand-in in
its page titles, login page and version info.
"""

from onboardkit.standin.server import ServerError, StandinServer

__all__ = ["ServerError", "StandinServer"]
