"""onboardkit: docs site, screenshots, PDF guides and store listing for an Odoo connector."""

__version__ = "0.1.0"
