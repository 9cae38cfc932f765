"""The company file at scale: 200 companies × 5 placements (and 8 logged contacts each, rubrics
filled, one fiche started per placement). Prints the storage it takes (JSON bytes, and what
localStorage holds: UTF-16, two bytes a character), and in Chromium the time to open the file
page with it, to validate it, to write one change (re-read + validate + save) and to filter the
list. Needs a built site (DIESE_SITE_DIR or site/)."""

from __future__ import annotations

import gzip
import json
import os
import random
import statistics
import time
from datetime import date, timedelta
from pathlib import Path

from diese.checklists.fichier import valider_fichier

RACINE = Path(__file__).resolve().parents[1]
SITE = Path(os.environ.get("DIESE_SITE_DIR", RACINE / "site"))
ENTREPRISES, STAGES, CONTACTS = 200, 5, 8
HORODATAGE = "2026-11-01T09:00:00.000Z"


def fichier_type(graine: int = 12) -> dict:
    hasard = random.Random(graine)
    secteurs = ["Boulangerie", "Menuiserie", "Petite enfance", "Transport", "Restauration",
                "Commerce", "Aide à domicile", "Bâtiment"]
    debut = date(2026, 9, 1)
    entreprises = []
    for i in range(ENTREPRISES):
        stages = [{
            "id": f"sta{i:04d}{j}", "stagiaire": f"Stagiaire {i}-{j}", "formation": "CAP vente",
            "debut": (debut + timedelta(days=30 * j)).isoformat(),
            "fin": (debut + timedelta(days=30 * j + 42)).isoformat(),
            "dossier": f"d{i:04d}{j}xyz",
            "fiches": {"fiche-suivi-entreprise": {
                "stagiaire": f"Stagiaire {i}-{j}", "entreprise": f"Entreprise {i}",
                "objectifs": "Accueil de la clientèle, tenue de caisse, mise en rayon. " * 3}},
        } for j in range(STAGES)]
        contacts = [{
            "id": f"con{i:04d}{k}", "date": (debut + timedelta(days=11 * k)).isoformat(),
            "type": hasard.choice(["telephone", "visite", "mail"]), "qui": "Mme Martin, tutrice",
            "notes": "Point sur l’intégration, horaires respectés, demande de souplesse "
                     "pour les rendez-vous administratifs du stagiaire.",
            "action": "Rappeler pour fixer la visite de mi-parcours",
            "echeance": (debut + timedelta(days=11 * k + 7)).isoformat(),
        } for k in range(CONTACTS)]
        entreprises.append({
            "id": f"ent{i:04d}", "raison_sociale": f"Entreprise {i} {hasard.choice(secteurs)}",
            "secteur": hasard.choice(secteurs), "taille": "10-49",
            "adresse": f"{i} rue de la République, 69003 Lyon",
            "contact": {"nom": "M. Bernard", "fonction": "Gérant", "telephone": "04 72 00 00 00",
                        "courriel": "contact@exemple.fr"},
            "tuteur": {"nom": "Mme Martin", "fonction": "Responsable", "telephone": "06 00 00 00"},
            "rencontre": "prospection", "statut": "partenaire", "notes": "Accueille volontiers.",
            "cree": HORODATAGE, "modifie": HORODATAGE, "stages": stages, "contacts": contacts,
        })
    return {"format": "diese-fichier-entreprises", "version": 1, "entreprises": entreprises}


def _chrono(fonction, repetitions: int = 5) -> float:
    durees = []
    for _ in range(repetitions):
        debut = time.perf_counter()
        fonction()
        durees.append(time.perf_counter() - debut)
    return statistics.median(durees) * 1000


def taille(donnees: dict) -> str:
    texte = json.dumps(donnees, ensure_ascii=False, separators=(",", ":"))
    octets = len(texte.encode("utf-8"))
    print(f"{ENTREPRISES} entreprises × {STAGES} stages, {CONTACTS} contacts chacune : "
          f"JSON {octets / 1024:.0f} Kio ({len(gzip.compress(texte.encode())) / 1024:.0f} Kio "
          f"gzip), localStorage (UTF-16) {len(texte) * 2 / 1024:.0f} Kio")
    print(f"validation Python (jsonschema) : {_chrono(lambda: valider_fichier(donnees)):.0f} ms")
    return texte


def navigateur(texte: str) -> None:
    from playwright.sync_api import sync_playwright

    from benchmarks.serveur_statique import servir

    base, httpd = servir(SITE)
    url = base + "checklists/fichier-entreprises/"
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path="/usr/bin/chromium",
                                     args=["--no-sandbox", "--disable-gpu"])
        page = chromium.new_page(service_workers="block")
        page.goto(url)
        page.wait_for_selector(".diese-fe--active")
        mesures = {"vide": [], "plein": []}
        for etat in ("vide", "plein"):
            page.evaluate("localStorage.clear()")
            if etat == "plein":
                page.evaluate("(v) => localStorage.setItem('diese-fichier-entreprises', v)", texte)
            for _ in range(5):
                page.goto(url)
                page.wait_for_selector(".diese-fe--active")
                if etat == "plein":
                    page.wait_for_function(
                        "() => document.querySelectorAll('.diese-fe-table tbody tr').length "
                        f"=== {ENTREPRISES}")
                mesures[etat].append(page.evaluate("performance.now()"))
        lecture = page.evaluate("""() => { const t = performance.now();
            for (let i = 0; i < 5; i += 1) window.dieseFichier.stockage.lire();
            return (performance.now() - t) / 5; }""")
        ecriture = page.evaluate("""() => { const t = performance.now();
            for (let i = 0; i < 5; i += 1) window.dieseFichier.stockage.ecrire((f) => {
              f.entreprises[0].notes = `essai ${i}`; });
            return (performance.now() - t) / 5; }""")
        debut = time.perf_counter()
        page.fill(".diese-fe-filtres input[type=search]", "Entreprise 137")
        page.wait_for_function("() => document.querySelectorAll('.diese-fe-table tbody tr')"
                               ".length === 1")
        filtre = (time.perf_counter() - debut) * 1000
        print(f"ouvrir la page (navigation → liste affichée, médiane de 5) : vide "
              f"{statistics.median(mesures['vide']):.0f} ms, avec le fichier "
              f"{statistics.median(mesures['plein']):.0f} ms")
        print(f"lire + valider (schéma) : {lecture:.0f} ms ; une écriture (relire, valider, "
              f"enregistrer) : {ecriture:.0f} ms ; filtrer la liste (Playwright compris) : "
              f"{filtre:.0f} ms")
        chromium.close()
    httpd.shutdown()


def main() -> None:
    print("== Fichier d’entreprises ==")
    texte = taille(fichier_type())
    if (SITE / "checklists" / "fichier-entreprises" / "index.html").exists():
        navigateur(texte)
    else:
        print(f"(pas de site construit dans {SITE} : mesures navigateur omises)")


if __name__ == "__main__":
    import sys

    sys.path[:0] = [str(RACINE), str(RACINE / "tools")]
    main()
