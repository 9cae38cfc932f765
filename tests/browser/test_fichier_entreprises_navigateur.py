"""The company file (« fichier d’entreprises », issue 12) in a real browser: companies, placements,
the contact log, the list's filters, the tie to checklist dossiers, exports read back by real
readers (jsonschema with the very schema the browser uses, csv, odfpy, icalendar), import with
a preview, two tabs, a full storage, a damaged stored state, keyboard and axe."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from diese.checklists.fichier import charger_schema, valider_fichier
from diese.site import hors_ligne

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


def _entreprise(ident: str, nom: str, statut: str, **reste) -> dict:
    return {"id": ident, "raison_sociale": nom, "statut": statut, "stages": [], "contacts": [],
            "cree": "2026-11-01T09:00:00.000Z", "modifie": "2026-11-01T09:00:00.000Z", **reste}


def _contact(ident: str, jour: date, type_: str = "telephone", **reste) -> dict:
    return {"id": ident, "date": jour.isoformat(), "type": type_, **reste}


def fichier_exemple() -> dict:
    hier, demain = AUJOURDHUI - timedelta(days=1), AUJOURDHUI + timedelta(days=1)
    donnees = {"format": "diese-fichier-entreprises", "version": 1, "entreprises": [
        _entreprise("ent0001", "Boulangerie Durand", "partenaire", secteur="Alimentation",
                    contacts=[_contact("con0001", hier - timedelta(days=5), action="Rappeler",
                                       echeance=hier.isoformat())],
                    stages=[{"id": "sta0001", "stagiaire": "Léa M.", "formation": "CAP"}]),
        _entreprise("ent0002", "Atelier Zéphyr", "cliente", secteur="Menuiserie",
                    contacts=[_contact("con0002", hier, action="Envoyer la convention",
                                       echeance=(AUJOURDHUI + timedelta(days=5)).isoformat())]),
        _entreprise("ent0003", "Crèche Les Lutins", "prospectee", secteur="Petite enfance",
                    contacts=[_contact("con0003", demain, "visite", qui="Mme Roux")]),
        _entreprise("ent0004", "élan Transports", "sensibilisee",
                    notes="Recrute des caristes"),
    ]}
    return valider_fichier(donnees, "exemple de test")


def semer(page, donnees: dict) -> None:
    ouvrir(page)  # monté d'abord : sa lecture de l'état ne croise pas l'écriture ci-dessous
    page.evaluate(f"(v) => localStorage.setItem('{CLE}', v)", json.dumps(donnees))
    ouvrir(page)


def noms_affiches(page) -> list[str]:
    return page.locator(".diese-fe-table tbody th").all_text_contents()


def test_liste_triee_filtree_et_cherchee(page) -> None:
    semer(page, fichier_exemple())
    espace = page.text_content(".diese-fe-espace")
    assert espace.startswith("4 entreprises, 1 stage — ")
    assert "Ko utilisés sur cet appareil" in espace
    assert noms_affiches(page) == ["Atelier Zéphyr", "Boulangerie Durand", "Crèche Les Lutins",
                                   "élan Transports"]
    filtres = page.locator(".diese-fe-filtres")
    filtres.get_by_label("Statut").select_option(label="Cliente")
    assert noms_affiches(page) == ["Atelier Zéphyr"]
    assert page.text_content(".diese-fe-compte") == "1 entreprise affichée sur 4."
    filtres.get_by_label("Statut").select_option(value="")
    filtres.get_by_label("Prochaine action").select_option(label="À faire aujourd’hui ou en retard")
    assert noms_affiches(page) == ["Boulangerie Durand"]
    assert "en retard" in page.text_content(".diese-fe-table tbody tr")
    filtres.get_by_label("Prochaine action").select_option(label="Dans les 7 jours ou en retard")
    assert noms_affiches(page) == ["Atelier Zéphyr", "Boulangerie Durand"]
    filtres.get_by_label("Prochaine action").select_option(value="")
    filtres.get_by_label("Trier par").select_option(label="Échéance de la prochaine action")
    assert noms_affiches(page)[:2] == ["Boulangerie Durand", "Atelier Zéphyr"]
    filtres.get_by_label("Trier par").select_option(label="Statut")
    assert noms_affiches(page)[0] == "Crèche Les Lutins"
    filtres.get_by_label("Rechercher").fill("lea")  # le stagiaire, sans accent
    assert noms_affiches(page) == ["Boulangerie Durand"]
    filtres.get_by_label("Rechercher").fill("cariste")
    assert noms_affiches(page) == ["élan Transports"]
    filtres.get_by_label("Rechercher").fill("")
    page.get_by_role("button", name="Crèche Les Lutins").click()
    page.wait_for_selector("#diese-fe-titre-fiche:has-text('Crèche Les Lutins')")
    assert "avec Mme Roux" in page.text_content(".diese-fe-prochain")
    assert page.evaluate("document.activeElement.id") == "diese-fe-titre-fiche"
    page.go_back()
    page.wait_for_selector(".diese-fe-liste:not([hidden])")
    assert page.erreurs_js == []


def test_stage_ouvre_ses_checklists_et_reprend_un_dossier_existant(page) -> None:
    """Today's checklist dossiers stay as they are (same key, same format) and can be tied to a
    placement: a state written by the current checklists code is the migration fixture."""
    ancien = {"format": "diese-checklists-stockage", "version": 1, "actif": "dk2x9a1b2c3",
              "dossiers": {"dk2x9a1b2c3": {
                  "id": "dk2x9a1b2c3", "nom": "L. M. — visite", "cree": "2026-10-01T08:00:00.000Z",
                  "modifie": "2026-10-02T08:00:00.000Z",
                  "elements": {"av-ent-fichier": {"coche": True, "liste": "avant-stage",
                                                  "texte": "Maintenir à jour le fichier"}}}}}
    ouvrir(page)
    page.evaluate("(v) => localStorage.setItem('diese-checklists', v)", json.dumps(ancien))
    ouvrir(page)
    creer_entreprise(page, "Boulangerie Durand")
    form = page.locator("form[aria-labelledby=diese-fe-titre-nouveau-stage]")
    form.get_by_label("Stagiaire").fill("L. M.")
    form.get_by_label("Dossier de check-lists déjà commencé").select_option(label="L. M. — visite")
    form.get_by_role("button", name="Ajouter le stage").click()
    page.wait_for_selector(".diese-fe-stages li:has-text('(1 coché)')")
    ajouter_stage(page, "K. T.")
    page.wait_for_selector(".diese-fe-stages li:has-text('K. T.')")
    # Le second stage : un dossier à son nom est créé, puis la liste s'ouvre dessus.
    page.locator(".diese-fe-stages li:has-text('K. T.')").get_by_role(
        "button", name="Check-lists de ce stage").click()
    page.wait_for_url("**/checklists/")
    page.wait_for_selector(".diese-cl--active")
    option = page.locator("#diese-cl-choix option:checked")
    assert option.text_content() == "K. T. — Boulangerie Durand"
    ouvrir(page)
    page.get_by_role("button", name="Boulangerie Durand").click()
    page.wait_for_selector("#diese-fe-titre-fiche:has-text('Boulangerie Durand')")
    page.locator(".diese-fe-stages li:has-text('L. M.')").get_by_role(
        "button", name="Check-lists de ce stage").click()
    page.wait_for_url("**/checklists/")
    page.wait_for_selector(".diese-cl--active")
    assert page.locator("#diese-cl-choix option:checked").text_content() == "L. M. — visite"
    etat = json.loads(page.evaluate("localStorage.getItem('diese-checklists')"))
    assert etat["dossiers"]["dk2x9a1b2c3"]["elements"] == ancien["dossiers"]["dk2x9a1b2c3"][
        "elements"]
    stages = stocke(page)["entreprises"][0]["stages"]
    assert stages[0]["dossier"] == "dk2x9a1b2c3" and stages[1]["dossier"] in etat["dossiers"]
    # L'état d'aujourd'hui est lu tel quel : rien n'a été mis de côté.
    assert page.evaluate("() => Object.keys(localStorage).filter(k => k.includes('illisible'))"
                         ) == []
    assert page.erreurs_js == []


def test_deux_onglets_rien_de_perdu(contexte) -> None:
    a, b = contexte.new_page(), contexte.new_page()
    semer(a, fichier_exemple())
    a.goto(FICHIER + "#entreprise=ent0001")
    a.wait_for_selector("#diese-fe-titre-fiche:has-text('Boulangerie')")
    b.goto(FICHIER + "#entreprise=ent0001")
    b.wait_for_selector("#diese-fe-titre-fiche:has-text('Boulangerie')")
    ajouter_contact(a, AUJOURDHUI, "Courriel", notes="depuis A")
    ajouter_stage(b, "Depuis B")  # B n'a pas rechargé : son ajout ne doit pas effacer celui de A
    b.wait_for_selector(".diese-fe-stages li:has-text('Depuis B')")
    entreprise = stocke(b)["entreprises"][0]
    assert any(c.get("notes") == "depuis A" for c in entreprise["contacts"])
    assert [s["stagiaire"] for s in entreprise["stages"]] == ["Léa M.", "Depuis B"]
    a.wait_for_selector(".diese-fe-stages li:has-text('Depuis B')")  # A se met à jour
    # B supprime l'entreprise pendant que A a un dialogue ouvert sur un de ses contacts.
    a.locator(".diese-fe-journal li:has-text('depuis A')").get_by_role("button").click()
    a.locator("dialog[open]").wait_for()
    b.click("[data-action=supprimer-entreprise]")
    b.locator("dialog[open] button[value=ok]").click()
    b.wait_for_selector(".diese-fe-liste:not([hidden])")
    a.locator("dialog[open] button[value=ok]").click()
    a.wait_for_selector(".diese-cl-alerte:has-text('Rien n’a été modifié')")
    assert [e["id"] for e in stocke(a)["entreprises"]] == ["ent0002", "ent0003", "ent0004"]


def test_memoire_pleine_rien_d_annonce(page) -> None:
    semer(page, fichier_exemple())
    avant = page.evaluate(f"localStorage.getItem('{CLE}')")
    page.evaluate("""() => { Storage.prototype.setItem = function () {
        throw new DOMException("pleine", "QuotaExceededError"); }; }""")
    page.click("[data-action=nouvelle]")
    form = page.locator(".diese-fe-nouvelle form")
    form.get_by_label("Raison sociale").fill("Perdue SA")
    form.get_by_role("button", name="Créer l’entreprise").click()
    page.wait_for_selector(".diese-cl-alerte:has-text('Enregistrement impossible')")
    assert "créée" not in page.text_content(".diese-cl-message")
    assert page.is_visible(".diese-fe-nouvelle")  # le formulaire rempli reste là
    assert form.get_by_label("Raison sociale").input_value() == "Perdue SA"
    assert page.evaluate(f"localStorage.getItem('{CLE}')") == avant
    page.reload()
    ouvrir(page)
    assert "Perdue SA" not in page.text_content(".diese-fe")


@pytest.mark.parametrize("brut", [
    "{pas du json",
    json.dumps({"format": "diese-fichier-entreprises", "version": 1, "entreprises": [None]}),
    json.dumps({"format": "diese-fichier-entreprises", "version": 1, "entreprises": [
        {"id": "__proto__", "raison_sociale": "x", "statut": "cliente", "stages": [],
         "contacts": [], "cree": "2026-01-01T00:00:00Z", "modifie": "2026-01-01T00:00:00Z"}]}),
])
def test_etat_abime_mis_de_cote(page, brut) -> None:
    ouvrir(page)
    page.evaluate(f"(v) => localStorage.setItem('{CLE}', v)", brut)
    ouvrir(page)
    assert "mis de côté" in page.text_content(".diese-cl-alerte")
    de_cote = page.evaluate(
        f"() => Object.keys(localStorage).filter(k => k.startsWith('{CLE}-illisible-'))"
        ".map(k => localStorage.getItem(k))")
    assert de_cote == [brut]
    creer_entreprise(page, "Nouvelle")  # le fichier vide fonctionne
    assert [e["raison_sociale"] for e in stocke(page)["entreprises"]] == ["Nouvelle"]
    assert page.erreurs_js == []


def test_schema_du_build_et_du_navigateur() -> None:
    """One schema: the site serves the very file the build checked."""
    schema = charger_schema()
    assert schema["properties"]["format"]["const"] == "diese-fichier-entreprises"
    racine = Path(__file__).resolve().parents[2]
    texte = (racine / "overrides/assets/javascripts/diese-fichier-modele.js").read_text("utf-8")
    from diese.checklists.fichier import MOTS_CLES
    for mot in MOTS_CLES - {"$schema", "$id", "title", "description", "$defs"}:
        assert mot.lstrip("$") in texte, mot


def test_le_site_construit_les_precache(site_dir) -> None:
    fichiers = json.loads(
        re.search(r"const FICHIERS = (\[.*?\]);", (site_dir / "sw.js").read_text("utf-8"), re.S)[1]
    )
    for url in ("data/fichier-entreprises.schema.json", "checklists/fichier-entreprises/"):
        assert url in fichiers, url
    for module in ("modele", "stockage", "vues"):  # published under fingerprinted names
        motif = re.compile(rf"assets/javascripts/diese-fichier-{module}\.[0-9a-f]{{10}}\.js")
        assert any(motif.fullmatch(f) for f in fichiers), module
    assert json.loads((site_dir / "data/fichier-entreprises.schema.json").read_text("utf-8")) == (
        charger_schema()
    )
    assert hors_ligne.a_mettre_en_cache("data/fichier-entreprises.schema.json", 10_000)


def telecharger(page, action: str):
    with page.expect_download() as attente:
        page.click(f"[data-action={action}]")
    return attente.value


def test_sauvegarde_remise_a_un_collegue_fusion_et_remplacement(navigateur, serveur, page,
                                                                 tmp_path) -> None:
    donnees = fichier_exemple()
    donnees["entreprises"][0]["stages"][0]["dossier"] = "dlea0001"
    ouvrir(page)
    page.evaluate("(v) => localStorage.setItem('diese-checklists', v)", json.dumps({
        "format": "diese-checklists-stockage", "version": 1, "actif": "dlea0001",
        "dossiers": {"dlea0001": {
            "id": "dlea0001", "nom": "Léa M. — Boulangerie", "cree": "2026-11-02T08:00:00.000Z",
            "modifie": "2026-11-03T08:00:00.000Z", "elements": {
                "av-ent-fichier": {"coche": True, "liste": "avant-stage"},
                "av-sta-visite": {"coche": False, "note": "jeudi 10 h",
                                  "liste": "avant-stage"}}}}}))
    semer(page, donnees)
    sauvegarde = tmp_path / "fichier.json"
    telechargement = telecharger(page, "sauvegarder")
    assert telechargement.suggested_filename == f"fichier-entreprises-{AUJOURDHUI}.json"
    telechargement.save_as(sauvegarde)
    donnees = json.loads(sauvegarde.read_text("utf-8"))
    valider_fichier(donnees, "sauvegarde")
    assert len(donnees["entreprises"]) == 4 and donnees["version"] == 1
    assert donnees["dossiers"]["dlea0001"]["elements"]["av-sta-visite"]["note"] == "jeudi 10 h"

    collegue = navigateur.new_context(base_url=serveur, locale="fr-FR")
    try:
        autre = collegue.new_page()
        autre.erreurs_js = []
        autre.on("pageerror", lambda exc: autre.erreurs_js.append(str(exc)))
        ouvrir(autre)
        creer_entreprise(autre, "Pressing du Centre")
        autre.click(".diese-fe-fiche [data-action=retour]")
        autre.set_input_files(".diese-fe-barre input[type=file]", str(sauvegarde))
        dialogue = autre.locator("dialog[open]")
        dialogue.wait_for()
        assert "Ajoutées : 4" in dialogue.text_content()
        assert "Retirées" not in dialogue.text_content()
        dialogue.get_by_label("Remplacer tout le fichier").check()
        assert "Retirées de cet appareil : 1 (Pressing du Centre)" in dialogue.text_content()
        assert "Dossiers de check-lists des stages : 1" in dialogue.text_content()
        dialogue.get_by_label("Fusionner").check()
        dialogue.get_by_role("button", name="Appliquer").click()
        autre.wait_for_selector(".diese-cl-message:has-text('4 ajoutée(s), 0 remplacée(s)')")
        assert "Dossiers de check-lists : 1 enregistré(s)." in autre.text_content(
            ".diese-cl-message")
        assert len(noms_affiches(autre)) == 5
        recu = json.loads(autre.evaluate("localStorage.getItem('diese-checklists')"))
        assert recu["dossiers"]["dlea0001"] == donnees["dossiers"]["dlea0001"]
        assert list(recu["dossiers"]) == ["dlea0001"] and recu["actif"] == "dlea0001"
        autre.get_by_role("button", name="Boulangerie Durand").click()
        assert "(1 coché)" in autre.text_content(".diese-fe-stages")
        # Un fichier abîmé est refusé sans rien toucher.
        avant = autre.evaluate(f"localStorage.getItem('{CLE}')")
        mauvais = json.loads(json.dumps(donnees))
        mauvais["entreprises"][0]["contacts"][0]["date"] = "2026-02-30"
        autre.set_input_files(".diese-fe-barre input[type=file]", files=[{
            "name": "f.json", "mimeType": "application/json",
            "buffer": json.dumps(mauvais).encode()}])
        autre.wait_for_selector(".diese-cl-alerte:has-text('Ouverture refusée')")
        assert "date invalide" in autre.text_content(".diese-cl-alerte")
        assert "entreprises[0].contacts[0].date" in autre.text_content(".diese-cl-alerte")
        assert autre.evaluate(f"localStorage.getItem('{CLE}')") == avant
        # Remplacer : le fichier devient celui du collègue.
        autre.set_input_files(".diese-fe-barre input[type=file]", str(sauvegarde))
        autre.locator("dialog[open]").get_by_label("Remplacer tout le fichier").check()
        autre.locator("dialog[open]").get_by_role("button", name="Appliquer").click()
        autre.wait_for_selector(".diese-cl-message:has-text('1 retirée(s)')")
        assert stocke(autre)["entreprises"] == donnees["entreprises"]
        assert autre.erreurs_js == []
    finally:
        collegue.close()


def test_tableurs_csv_et_ods_sans_formule(page, tmp_path) -> None:
    from odf import opendocument, table, text

    donnees = fichier_exemple()
    donnees["entreprises"][0]["raison_sociale"] = '=HYPERLINK("http://x.invalid";"clic")'
    donnees["entreprises"][1]["secteur"] = "+33 menuiserie"
    donnees["entreprises"][2]["adresse"] = "@SOMME(A1) <b>&"
    donnees["entreprises"][3]["notes"] = "-1"
    semer(page, donnees)
    brut = telecharger(page, "csv").path().read_bytes().decode("utf-8-sig")
    import csv
    lignes = list(csv.reader(brut.splitlines(), delimiter=";"))
    assert lignes[0][:3] == ["Raison sociale", "Statut", "Secteur"]
    assert len(lignes) == 5
    cellules = [c for ligne in lignes for c in ligne]
    assert "'=HYPERLINK(\"http://x.invalid\";\"clic\")" in cellules
    assert "'+33 menuiserie" in cellules and "'@SOMME(A1) <b>&" in cellules
    assert all(not c or c[0] not in "=+-@" for c in cellules)

    chemin = tmp_path / "entreprises.ods"
    telecharger(page, "ods").save_as(chemin)
    document = opendocument.load(str(chemin))
    (feuille,) = document.spreadsheet.getElementsByType(table.Table)
    assert feuille.getAttribute("name") == "Entreprises"
    rangs = []
    for rang in feuille.getElementsByType(table.TableRow):
        rangs.append(["".join(str(p) for p in c.getElementsByType(text.P))
                      for c in rang.getElementsByType(table.TableCell)])
    assert rangs == lignes
    formules = [c for c in feuille.getElementsByType(table.TableCell) if c.getAttribute("formula")]
    assert formules == []


def test_visite_en_evenement_ics(page, tmp_path) -> None:
    from icalendar import Calendar

    donnees = fichier_exemple()
    crèche = donnees["entreprises"][2]
    crèche["adresse"] = "12, rue des Lilas; 69003 Lyon"
    crèche["tuteur"] = {"nom": "Mme Roux"}
    visite = crèche["contacts"][0]
    visite.update(heure="14:15", notes="Apporter la fiche de suivi, la convention et le livret "
                  "d’accueil ; demander le planning des trois prochaines semaines à l’équipe")
    semer(page, donnees)
    page.get_by_role("button", name="Crèche Les Lutins").click()
    fichier = tmp_path / "visite.ics"
    telecharger(page, "ics").save_as(fichier)
    brut = fichier.read_bytes()
    assert b"\r\n" in brut and b"\n" not in brut.replace(b"\r\n", b"")
    assert all(len(ligne) <= 75 for ligne in brut.split(b"\r\n"))
    assert b"\r\n " in brut  # une longue ligne repliée
    (evenement,) = Calendar.from_ical(brut).walk("VEVENT")
    assert str(evenement["UID"]) == "con0003@diese-guide.invalid"
    assert evenement["DTSTAMP"].dt.tzinfo is not None
    debut = evenement["DTSTART"].dt
    assert debut.date() == AUJOURDHUI + timedelta(days=1) and (debut.hour, debut.minute) == (14, 15)
    assert (evenement["DTEND"].dt - debut).seconds == 3600
    assert str(evenement["SUMMARY"]) == "Visite : Crèche Les Lutins"
    assert str(evenement["LOCATION"]) == "12, rue des Lilas; 69003 Lyon"
    description = str(evenement["DESCRIPTION"])
    assert description.startswith("Avec : Mme Roux\nTuteur : Mme Roux\nApporter la fiche")
    assert "trois prochaines semaines à l’équipe" in description


def test_clavier_et_axe(page, axe) -> None:
    semer(page, fichier_exemple())
    assert axe(page, ".md-content") == []
    page.locator(".diese-fe-table tbody th button").nth(1).focus()  # une entreprise avec un stage
    page.keyboard.press("Enter")
    page.wait_for_selector("#diese-fe-titre-fiche:has-text('Boulangerie Durand')")
    assert page.evaluate("document.activeElement.id") == "diese-fe-titre-fiche"
    page.locator("summary:has-text('Rubriques')").click()
    assert axe(page, ".md-content") == []
    page.locator(".diese-fe-journal").get_by_role("button", name="Effacer").first.focus()
    page.keyboard.press("Enter")
    page.locator("dialog[open]").wait_for()
    assert axe(page, "dialog") == []
    page.keyboard.press("Escape")
    page.locator("dialog").wait_for(state="detached")
    page.click(".diese-fe-fiche [data-action=retour]")
    page.click("[data-action=nouvelle]")
    assert axe(page, ".md-content") == []
    assert page.erreurs_js == []


def test_fiche_de_suivi_entreprise_remplie_pour_un_stage(page, tmp_path) -> None:
    from pypdf import PdfReader

    donnees = fichier_exemple()
    boulangerie = donnees["entreprises"][0]
    boulangerie["tuteur"] = {"nom": "Mme Durand", "telephone": "04 72 00 00 00"}
    boulangerie["stages"][0].update(debut="2026-12-07", fin="2027-01-29")
    semer(page, donnees)
    page.get_by_role("button", name="Boulangerie Durand").click()
    page.get_by_role("link", name="Fiche de suivi entreprise").click()
    page.wait_for_url("**/fiche-suivi-entreprise/?stage=sta0001")
    form = page.locator("form[data-diese-formulaire=fiche-suivi-entreprise]")
    page.wait_for_selector(".diese-formulaire__stage")
    assert "stage de Léa M. chez Boulangerie Durand" in page.text_content(
        ".diese-formulaire__stage")
    assert form.locator("[name=stagiaire]").input_value() == "Léa M."
    assert form.locator("[name=entreprise]").input_value() == "Boulangerie Durand"
    assert form.locator("[name=tuteur]").input_value() == "Mme Durand"
    assert form.locator("[name=telephone]").input_value() == "04 72 00 00 00"
    assert form.locator("[name=date-debut]").input_value() == "2026-12-07"
    form.locator("[name=objectifs]").fill("Tenir le four à pain seule")
    case = form.locator("input[type=checkbox]").first
    case.check()
    page.wait_for_selector(".diese-formulaire__etat:has-text('enregistrée avec le stage')")
    assert page.evaluate("localStorage.getItem('diese-formulaire:fiche-suivi-entreprise')") is None
    fiche = stocke(page)["entreprises"][0]["stages"][0]["fiches"]["fiche-suivi-entreprise"]
    assert fiche["objectifs"] == "Tenir le four à pain seule"
    assert fiche[case.get_attribute("name")] == "oui"
    page.reload()
    page.wait_for_selector(".diese-formulaire__etat:has-text('retrouvée')")
    assert form.locator("[name=objectifs]").input_value() == "Tenir le four à pain seule"
    assert case.is_checked()
    # Imprimée (ou enregistrée en PDF depuis la boîte d'impression) : les réponses y sont.
    page.emulate_media(media="print")
    chemin = tmp_path / "fiche.pdf"
    chemin.write_bytes(page.pdf())
    texte = " ".join(p.extract_text() for p in PdfReader(str(chemin)).pages)
    assert "Tenir le four à pain seule" in texte and "Boulangerie Durand" in texte
    assert "stage de Léa M." in texte
    page.emulate_media(media="screen")
    # Le fichier d'entreprises le dit, et sa sauvegarde emporte la fiche.
    ouvrir(page)
    page.get_by_role("button", name="Boulangerie Durand").click()
    assert "Fiche de suivi entreprise (commencée)" in page.text_content(".diese-fe-stages")
    sauvegarde = json.loads(telecharger(page, "sauvegarder").path().read_text("utf-8"))
    assert sauvegarde["entreprises"][0]["stages"][0]["fiches"] == {
        "fiche-suivi-entreprise": fiche}
    assert page.erreurs_js == []


def test_fiche_sans_stage_reste_un_brouillon(page) -> None:
    page.goto("ressources/formulaires/fiche-suivi-entreprise/?stage=inconnu1")
    form = page.locator("form[data-diese-formulaire=fiche-suivi-entreprise]")
    page.wait_for_selector(".diese-formulaire__barre:not([hidden])")
    assert "brouillon ordinaire" in page.text_content(".diese-formulaire__etat")
    form.locator("[name=objectifs]").fill("x")
    assert page.evaluate(
        "JSON.parse(localStorage.getItem('diese-formulaire:fiche-suivi-entreprise')).objectifs"
    ) == "x"


def test_hors_ligne_le_fichier_s_ouvre_et_s_ecrit(navigateur, site_dir) -> None:
    """Visited once with the network, the file page, its schema and its three modules come from
    the service worker's cache; a company is created and a visit planned with the server gone."""
    from tests.browser.test_checklists_versions_navigateur import _contexte, _page
    from tests.outils_checklists import ServeurCommutable

    serveur = ServeurCommutable(site_dir)
    contexte = _contexte(navigateur, serveur, "allow")
    try:
        page = _page(contexte)
        ouvrir(page)
        page.wait_for_function("() => navigator.serviceWorker.controller !== null",
                               timeout=30_000)
        serveur.couper()
        contexte.set_offline(True)
        page.reload()
        page.wait_for_selector(".diese-fe--active")
        creer_entreprise(page, "Hors ligne SARL")
        ajouter_contact(page, AUJOURDHUI + timedelta(days=3), "Visite", "M. Roy")
        page.wait_for_selector(".diese-fe-prochain:has-text('avec M. Roy')")
        assert stocke(page)["entreprises"][0]["raison_sociale"] == "Hors ligne SARL"
        assert page.erreurs_js == []
        assert contexte.sorties == []
    finally:
        contexte.close()
        serveur.couper()
