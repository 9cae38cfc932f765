"""Engine timings in CPython: `simuler` for a 36-month apprenticeship and `comparer` for one
profile (Pyodide is reckoned 2–3× slower; the browser recomputes on every input change)."""

from __future__ import annotations

import json
import statistics
import time


def _mesurer(fonction, repetitions: int) -> tuple[float, float]:
    fonction()  # warm the caches, as the page does on its first computation
    durees = []
    for _ in range(repetitions):
        debut = time.perf_counter()
        fonction()
        durees.append((time.perf_counter() - debut) * 1000)
    return statistics.median(durees), max(durees)


def main() -> None:
    debut = time.perf_counter()
    from diese.simulation import comparer, simuler
    from diese.simulation.api import executer
    from diese.simulation.parametres import tous

    tous()
    print(f"import + chargement des paramètres : {(time.perf_counter() - debut) * 1000:.1f} ms")
    apprenti = {"date_embauche": "2026-09-01", "contrat": "apprentissage",
                "date_naissance": "2008-05-12", "duree_mois": 36, "effectif": 12,
                "niveau_diplome": 5, "mutuelle_part_employeur": 25}
    profil = {"age": 22, "demandeur_emploi": True, "residence_qpv": True, "niveau_diplome": 4}
    employeur = {"effectif": 30, "date_embauche": "2026-09-01", "horizon_mois": 24}
    cas = {
        "simuler, apprentissage 36 mois": (lambda: simuler(apprenti).en_dict(), 200),
        "simuler, CDI 12 mois": (lambda: simuler({"date_embauche": "2026-09-01"}).en_dict(), 200),
        "comparer, un profil, 5 contrats sur 24 mois": (
            lambda: [o.en_dict() for o in comparer(profil, employeur)], 50),
        "api.executer('simuler', …) JSON aller-retour": (
            lambda: executer("simuler", json.dumps(apprenti)), 200),
    }
    for nom, (fonction, n) in cas.items():
        mediane, pire = _mesurer(fonction, n)
        print(f"{nom} : médiane {mediane:.2f} ms, pire {pire:.2f} ms ({n} essais)")
    taille = len(executer("simuler", json.dumps(apprenti)).encode("utf-8"))
    print(f"taille de la réponse JSON (apprentissage 36 mois) : {taille / 1024:.1f} Kio")


if __name__ == "__main__":
    main()
