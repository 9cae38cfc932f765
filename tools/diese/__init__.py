"""DIESE Guide: content loaders, rules engine, form makers and site build steps.

`diese.simulation` is standard library only (it runs in Pyodide); the other sub-packages are
build-time tools and may import their libraries.
"""

__version__ = "0.1.0"
