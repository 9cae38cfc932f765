"""HTML renderers for the reference sites (Annex 1) and the guide's resource lists. Called by the
thin macros in `macros/sites.py`; every data value is escaped here."""
