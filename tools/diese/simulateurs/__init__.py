"""In-browser simulators: the HTML renderer shared by the build (pre-rendered defaults) and the
browser (Pyodide worker), the worker's entry point and the engine wheel builder.

`rendu` and `navigateur` are standard library only: they ship in the wheel with the engine.
"""
