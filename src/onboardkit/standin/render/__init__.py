"""HTML of the web client's views, rendered from the addons' XML views on the server."""
