"""Odoo Apps Store listing assets: index.html, icon, cover, screenshots and manifest keys.

``build_listing`` writes them from the listing content file (``listing.yml``); ``check_listing``
reports every problem without writing, for ``onboardkit check``.
"""

from onboardkit.listing.build import ListingOptions, ListingReport, build_listing, check_listing

__all__ = ["ListingOptions", "ListingReport", "build_listing", "check_listing"]
