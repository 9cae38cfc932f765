"""Build steps run as MkDocs hooks. Each sub-module may define MkDocs event handlers
(`on_config`, `on_files`, `on_page_content`, `on_post_page`, `on_post_build`, …) and an
`ORDRE` (default 50): `macros/hooks.py` calls every handler in that order, so a new build step
is a new module here and nothing else. Handlers that rewrite final HTML must run late (CSP: 90).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from types import ModuleType

EVENEMENTS = (
    "on_startup",
    "on_config",
    "on_pre_build",
    "on_files",
    "on_nav",
    "on_env",
    "on_page_markdown",
    "on_page_content",
    "on_post_page",
    "on_post_build",
    "on_serve",
)


def modules() -> list[ModuleType]:
    trouves = [
        importlib.import_module(f"{__name__}.{info.name}")
        for info in pkgutil.iter_modules(__path__)
        if not info.name.startswith("_")
    ]
    return sorted(trouves, key=lambda m: (getattr(m, "ORDRE", 50), m.__name__))


def gestionnaires(evenement: str) -> list[Callable]:
    return [getattr(m, evenement) for m in modules() if callable(getattr(m, evenement, None))]
