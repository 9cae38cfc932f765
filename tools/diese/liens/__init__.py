"""Link checker for maintainers (`python -m diese liens`): checks every address of
docs/data/sites.yml and docs/data/ressources.yml over the network and, on request, writes each
site's status and last-checked date back into the YAML. Never runs during the site build."""
