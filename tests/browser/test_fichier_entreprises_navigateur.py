"""The company file (« fichier d’entreprises », issue 12) in a real browser: companies, placements,
the contact log, the list's filters, the tie to checklist dossiers, exports read back by real
readers (jsonschema with the very schema the browser uses, csv, odfpy, icalendar), import with
a preview, two tabs, a full storage, a damaged stored state, keyboard and axe."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from diese.checklists.fichier import charger_schema, valider_fichier

pytestmark = pytest.mark.browser

FICHIER = "checklists/fichier-entreprises/"
CLE = "diese-fichier-entreprises"
AUJOURDHUI = date.today()


def ouvrir(page, chemin: str = FICHIER) -> None:
    page.goto(chemin)
    page.wait_for_selector(".diese-fe--active")


def stocke(page) -> dict:
    brut = page.evaluate(f"localStorage.getItem('{CLE}')")
    donnees = json.loads(brut)
    valider_fichier(donnees, "état stocké")  # le schéma de docs/data, lu par jsonschema
    return donnees


def formulaire(page, selecteur: str):
    return page.locator(selecteur)


def creer_entreprise(page, nom: str, **champs) -> None:
    page.click("[data-action=nouvelle]")
    form = page.locator(".diese-fe-nouvelle form")
    form.wait_for()
    form.get_by_label("Raison sociale").fill(nom)
    for etiquette, valeur in champs.items():
        cible = form.get_by_label(etiquette, exact=True).first
        if cible.evaluate("el => el.tagName") == "SELECT":
            cible.select_option(label=valeur)
        else:
            cible.fill(valeur)
    form.get_by_role("button", name="Créer l’entreprise").click()
    page.wait_for_selector(f"#diese-fe-titre-fiche:has-text('{nom}')")


def ajouter_stage(page, stagiaire: str, formation: str = "", debut: str = "", fin: str = ""):
    form = page.locator("form[aria-labelledby=diese-fe-titre-nouveau-stage]")
    form.get_by_label("Stagiaire").fill(stagiaire)
    form.get_by_label("Formation").fill(formation)
    form.get_by_label("Début").fill(debut)
    form.get_by_label("Fin").fill(fin)
    form.get_by_role("button", name="Ajouter le stage").click()


def ajouter_contact(page, jour: date, type_: str, qui: str = "", notes: str = "",
                    action: str = "", echeance: date | None = None, heure: str = "") -> None:
    form = page.locator("form[aria-labelledby=diese-fe-titre-nouveau-contact]")
    form.get_by_label("Date").fill(jour.isoformat())
    form.get_by_label("Heure").fill(heure)
    form.get_by_label("Type").select_option(label=type_)
    form.get_by_label("Avec qui").fill(qui)
    form.get_by_label("Notes").fill(notes)
    form.get_by_label("Action suivante").fill(action)
    form.get_by_label("Pour le").fill(echeance.isoformat() if echeance else "")
    form.get_by_role("button", name="Ajouter au journal").click()


def test_entreprise_stage_journal_et_prochaine_visite(page) -> None:
    ouvrir(page)
    assert "Aucune entreprise" in page.text_content(".diese-fe-compte")
    creer_entreprise(page, "Boulangerie Durand", **{"Secteur d’activité": "Alimentation",
                                                     "Rencontrée par": "Réseau"})
    ajouter_stage(page, "L. M.", "CAP boulanger", "2026-12-07", "2027-01-29")
    page.wait_for_selector(".diese-fe-stages li:has-text('L. M.')")
    visite = AUJOURDHUI + timedelta(days=9)
    ajouter_contact(page, AUJOURDHUI, "Téléphone", "Mme Durand", "Accord pour une visite",
                    "Préparer la visite", AUJOURDHUI + timedelta(days=2))
    ajouter_contact(page, visite, "Visite", "Mme Durand (tutrice)", heure="10:30")
    page.wait_for_selector(".diese-fe-journal li:has-text('Visite')")
    prochain = page.text_content(".diese-fe-prochain")
    assert "10 h 30" in prochain and "avec Mme Durand (tutrice)" in prochain
    assert "Préparer la visite" in prochain
    assert "ajoutée au journal" in page.text_content(".diese-cl-message")

    donnees = stocke(page)
    (entreprise,) = donnees["entreprises"]
    assert entreprise["raison_sociale"] == "Boulangerie Durand"
    assert entreprise["rencontre"] == "reseau" and entreprise["statut"] == "prospectee"
    assert entreprise["stages"][0]["formation"] == "CAP boulanger"
    assert [c["type"] for c in entreprise["contacts"]] == ["telephone", "visite"]

    # Les rubriques se modifient ; la fiche rechargée est la même.
    page.locator("summary:has-text('Rubriques')").click()
    rubriques = page.locator(".diese-fe-rubriques")
    rubriques.get_by_label("Statut").select_option(label="Partenaire")
    rubriques.get_by_label("Nom").first.fill("M. Durand")
    page.get_by_role("button", name="Enregistrer l’entreprise").click()
    page.wait_for_selector(".diese-cl-message:has-text('enregistrée')")
    page.reload()
    page.wait_for_selector("#diese-fe-titre-fiche:has-text('Boulangerie Durand')")
    assert stocke(page)["entreprises"][0]["statut"] == "partenaire"
    assert stocke(page)["entreprises"][0]["contact"] == {"nom": "M. Durand"}
    assert page.erreurs_js == []


def test_erreurs_dites_au_champ(page) -> None:
    ouvrir(page)
    page.click("[data-action=nouvelle]")
    form = page.locator(".diese-fe-nouvelle form")
    form.get_by_role("button", name="Créer l’entreprise").click()
    champ = form.get_by_label("Raison sociale")
    assert champ.get_attribute("aria-invalid") == "true"
    assert page.evaluate("document.activeElement.name") == "raison_sociale"
    assert "Indiquez la raison sociale" in form.text_content()
    champ.fill("Garage Martin")
    form.get_by_label("Courriel").first.fill("pas-une-adresse")
    form.get_by_role("button", name="Créer l’entreprise").click()
    assert "Adresse de courriel incomplète" in form.text_content()
    assert champ.get_attribute("aria-invalid") is None
    assert page.evaluate("document.activeElement.name") == "contact.courriel"
    assert page.evaluate(f"localStorage.getItem('{CLE}')") is None
    form.get_by_label("Courriel").first.fill("garage@exemple.fr")
    form.get_by_role("button", name="Créer l’entreprise").click()
    page.wait_for_selector("#diese-fe-titre-fiche:has-text('Garage Martin')")
    ajouter_stage(page, "A. B.", debut="2027-02-10", fin="2027-01-10")
    assert "La fin du stage précède son début" in page.text_content(".diese-fe-fiche")
    assert page.evaluate("document.activeElement.name") == "fin"
    assert stocke(page)["entreprises"][0]["stages"] == []
