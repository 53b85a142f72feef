"""The site step: turn guides and project data into Markdown pages and assets for MkDocs."""
