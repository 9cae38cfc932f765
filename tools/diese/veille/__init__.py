"""A watch on the law (`python -m diese parametres veille`): compares our dated parameters with
the newest openfisca-france (PyPI) and modele-social (npm), installed in a temporary folder, and
lists which of our values are past the date they were last confirmed. Never part of the build or
the tests (it needs the registries); its comparison logic is tested on fixtures."""
