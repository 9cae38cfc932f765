"""Structured content of the site (docs/data/*.yml): schemas and loaders, one module per kind."""
