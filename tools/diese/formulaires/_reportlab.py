"""A fix for reportlab's round radio buttons.

`AcroForm.circleArcStream` scales the circle by size/20 (right only for 20 pt buttons), so a
9 pt radio button is drawn as a 4 pt ring in its lower-left corner. Same arcs, unscaled."""

from __future__ import annotations

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.acroform import AcroForm


def _arcs_de_cercle(size, r, arcs=(0, 1, 2, 3), rotated=False) -> str:
    h, cp, rr = fp_str(size * 0.5), fp_str(0.55231 * r), fp_str(r)
    mx = "0.7071 0.7071 -0.7071 0.7071" if rotated else "1 0 0 1"
    morceaux = [f"{mx} {h} {h} cm"]
    debuts = {0: f"{rr} 0 m", 1: f"0 {rr} m", 2: f"-{rr} 0 m", 3: f"0 -{rr} m"}
    courbes = {
        0: f"{rr} {cp} {cp} {rr} 0 {rr} c",
        1: f"-{cp} {rr} -{rr} {cp} -{rr} 0 c",
        2: f"-{rr} -{cp} -{cp} -{rr} 0 -{rr} c",
        3: f"{cp} -{rr} {rr} -{cp} {rr} 0 c",
    }
    for arc in arcs:
        if len(morceaux) == 1:
            morceaux.append(debuts[arc])
        morceaux.append(courbes[arc])
    return "\n".join(morceaux)


def corriger() -> None:
    AcroForm.circleArcStream = staticmethod(_arcs_de_cercle)
