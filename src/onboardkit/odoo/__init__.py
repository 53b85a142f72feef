"""Reading an Odoo addon from its files, without Odoo: manifest, models, views and catalogs."""
