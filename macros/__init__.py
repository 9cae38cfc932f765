"""mkdocs-macros entry point: every module of this package that defines `enregistrer(env)` adds
its renderers. Modules stay thin: the logic lives in the `diese` package."""

import importlib
import pkgutil

from diese.contenu.verification import verifier_donnees


def define_env(env) -> None:
    verifier_donnees()  # every data file valid before any renderer reads one
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name == "hooks" or info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        enregistrer = getattr(module, "enregistrer", None)
        if enregistrer is None:
            raise RuntimeError(f"macros/{info.name}.py ne définit pas enregistrer(env)")
        enregistrer(env)
