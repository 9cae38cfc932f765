"""The simulator's form in a real browser (issue 11, form side): questions that follow the
situation, French numbers, no error while typing, « je connais le net / le coût total », the
default hire date from the reader's clock, the compare page's salary and « why » line, tables
that fit at 320, 390 and 1 280 px, and a one-page print measured in Chromium's PDF output."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from diese.simulateurs import widget
from diese.simulation import inverse
from pypdf import PdfReader

from tests.conftest import GardeOrigine

pytestmark = pytest.mark.browser

ATTENTE_MS = 90_000
PRET = '#simulateur[data-etat="pret"]'
CALCULS = "() => Number(document.getElementById('simulateur').dataset.calculs || 0)"


def attendre_calcul(page, avant: int) -> None:
    """Until a computation after `avant` is done and none is queued behind it."""
    page.wait_for_function(
        "(avant) => { const r = document.getElementById('simulateur');"
        " return Number(r.dataset.calculs || 0) > avant && r.dataset.calcul === 'fini'; }",
        arg=avant, timeout=ATTENTE_MS)


def choisir(page, selecteur: str, valeur: str) -> None:
    avant = page.evaluate(CALCULS)
    page.select_option(selecteur, valeur)
    attendre_calcul(page, avant)


def premier_mois(page, cle: str) -> float:
    return float(page.get_attribute(
        f'#simulateur .diese-tableau-mois tbody tr:first-child td[data-cle="{cle}"]',
        "data-valeur"))


def montre(page, nom: str) -> bool:
    return page.locator(f'#simulateur [data-champ="{nom}"]').is_visible()


def erreurs_visibles(page) -> int:
    return page.locator("#simulateur .diese-sim-champ__erreur:not([hidden])").count()


def changer(page, selecteur: str, valeur: str) -> None:
    """Fill a field and leave it (a `change`), then wait for the computation."""
    avant = page.evaluate(CALCULS)
    page.fill(selecteur, valeur)
    page.dispatch_event(selecteur, "change")
    attendre_calcul(page, avant)


class Session:
    def __init__(self, navigateur, serveur: str) -> None:
        self.garde = GardeOrigine(serveur)
        self.contexte = navigateur.new_context(base_url=serveur, locale="fr-FR")
        self.garde.installer(self.contexte)
        self.page = self.contexte.new_page()
        self.erreurs_js: list[str] = []
        self.page.on("pageerror", lambda e: self.erreurs_js.append(str(e)))

    def ouvrir(self, chemin: str) -> None:
        self.page.goto(chemin)
        self.page.wait_for_selector(PRET, timeout=ATTENTE_MS)


@pytest.fixture(scope="module")
def session(navigateur, serveur):
    s = Session(navigateur, serveur)
    s.ouvrir("outils/cout-embauche/")
    yield s
    s.contexte.close()
    assert not s.garde.sorties, f"Requêtes hors de l'origine du site : {s.garde.sorties}"
    assert not s.erreurs_js, s.erreurs_js


# ------------------------------------------------------------------ 1. questions that matter
def test_les_questions_suivent_le_contrat(session, axe) -> None:
    page = session.page
    session.ouvrir("outils/cout-embauche/")
    # A CDI in an 11-person company: no diploma, no alternance share, no RSA question.
    assert not montre(page, "niveau_diplome") and not montre(page, "ratio_alternants")
    assert not montre(page, "beneficiaire_rsa") and not montre(page, "residence_qpv")
    # Keyboard order skips what is hidden: from the age to the RQTH box.
    page.focus("#champ-age")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "champ-rqth"

    avant = page.evaluate(CALCULS)
    page.select_option("#champ-contrat", "apprentissage")
    page.fill("#champ-age", "19")
    page.dispatch_event("#champ-age", "change")
    attendre_calcul(page, avant)
    assert montre(page, "niveau_diplome") and not montre(page, "demandeur_emploi")
    page.focus("#champ-age")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "champ-niveau_diplome"

    # The duration follows the contract until the reader sets it; a placement has no salary.
    assert page.input_value("#champ-duree_mois") == "24"
    choisir(page, "#champ-contrat", "stage")
    assert page.input_value("#champ-duree_mois") == "1" and erreurs_visibles(page) == 0
    assert not montre(page, "salaire_brut_mensuel") and not montre(page, "salaire_connu")
    changer(page, "#champ-duree_mois", "9")
    choisir(page, "#champ-contrat", "cdd")
    assert page.input_value("#champ-duree_mois") == "9"
    # Job seeker in a QPV: the emploi franc's questions, for a CDI hired while it was open.
    page.select_option("#champ-contrat", "cdi")
    page.fill("#champ-date_embauche", "2024-06-01")
    page.check("#champ-demandeur_emploi")
    assert montre(page, "residence_qpv")
    page.uncheck("#champ-demandeur_emploi")
    assert not montre(page, "residence_qpv")
    page.select_option("#champ-contrat", "professionnalisation")
    assert montre(page, "demandeur_emploi") and montre(page, "beneficiaire_rsa")
    page.select_option("#champ-contrat", "cdi")

    # Alternance share from 250 employees; its value is not sent once the question is hidden.
    changer(page, "#champ-effectif", "300")
    assert montre(page, "ratio_alternants")
    changer(page, "#champ-ratio_alternants", "0")
    avec_contribution = premier_mois(page, "cout_employeur")
    changer(page, "#champ-effectif", "249")
    assert not montre(page, "ratio_alternants")
    assert "ratio_alternants" not in page.url
    changer(page, "#champ-effectif", "300")
    assert premier_mois(page, "cout_employeur") == avec_contribution
    violations = axe(page, ".md-content")
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)
    for nom in ("taux_at_mp", "taux_versement_mobilite", "residence_qpv", "rqth"):
        aide = page.locator(f'#simulateur [data-champ="{nom}"] .diese-sim-champ__aide')
        assert len(aide.text_content()) > 60  # a plain sentence, not a bare label


# ------------------------------------------------------------------ 2. French numbers
def test_nombres_a_la_francaise(session) -> None:
    page = session.page
    page.select_option("#champ-contrat", "cdi")
    for texte in ("2 500,50", "2500.5", "2500,5", "2 500,50 €", "2\u202f500,50\u00a0€",
                  "2\u00a0500,50"):
        changer(page, "#champ-salaire_brut_mensuel", "2100")
        changer(page, "#champ-salaire_brut_mensuel", texte)
        assert erreurs_visibles(page) == 0, texte
        assert premier_mois(page, "salaire_brut") == 2500.5, texte
    changer(page, "#champ-salaire_brut_mensuel", "2 500 €")
    assert premier_mois(page, "salaire_brut") == 2500.0


def test_pas_d_erreur_en_cours_de_frappe(session) -> None:
    page = session.page
    session.ouvrir("outils/cout-embauche/")
    champ = "#champ-salaire_brut_mensuel"
    page.fill(champ, "")
    page.focus(champ)
    for chiffre, attendu in (("2", False), ("0", False), ("0", False), ("0", True)):
        avant = page.evaluate(CALCULS)
        page.keyboard.type(chiffre)
        attendre_calcul(page, avant)
        # « 2 », « 20 », « 200 » are below the minimum wage: no red error while typing.
        assert erreurs_visibles(page) == 0
        assert page.get_attribute(champ, "aria-invalid") is None
        ancien = "diese-simulateur__resultat--ancien" in page.get_attribute(
            "#simulateur .diese-simulateur__resultat", "class")
        assert ancien is not attendu
    assert premier_mois(page, "salaire_brut") == 2000.0
    # Leaving the field with a value below the minimum wage: now the error shows.
    page.fill(champ, "")
    page.keyboard.type("20")
    avant = page.evaluate(CALCULS)
    page.keyboard.press("Tab")
    attendre_calcul(page, avant)
    assert page.get_attribute(champ, "aria-invalid") == "true"
    assert "minimum légal" in page.inner_text("#erreur-champ-salaire_brut_mensuel")
    # Not a number: said at the field when leaving it, not while typing.
    page.focus(champ)
    page.fill(champ, "")
    page.keyboard.type("deux mille")
    page.wait_for_function("() => document.getElementById('simulateur').dataset.calcul === 'fini'")
    assert erreurs_visibles(page) == 0
    page.keyboard.press("Tab")
    assert "Saisissez un nombre" in page.inner_text("#erreur-champ-salaire_brut_mensuel")
    changer(page, champ, "2000")
    assert erreurs_visibles(page) == 0


# ------------------------------------------------------------------ 3. known net pay or budget
def test_je_connais_le_net_ou_le_cout(session) -> None:
    page = session.page
    session.ouvrir("outils/cout-embauche/")
    assert not montre(page, "salaire_net_mensuel") and montre(page, "salaire_brut_mensuel")
    choisir(page, "#champ-salaire_connu", "net")
    assert montre(page, "salaire_net_mensuel") and not montre(page, "salaire_brut_mensuel")
    changer(page, "#champ-salaire_net_mensuel", "1 800 €")
    assert premier_mois(page, "salaire_net") == 1800.0
    assert "Salaire brut retrouvé à partir du salaire net visé" in page.inner_text(
        "#simulateur .diese-simulateur__resultat")
    assert "salaire_net_mensuel=" in page.url and "salaire_brut_mensuel" not in page.url

    choisir(page, "#champ-salaire_connu", "cout")
    changer(page, "#champ-cout_mensuel", "3 000,00")
    # The closest cost the law's rounding allows (the general reduction's coefficient, rounded
    # to four decimals, makes the cost jump by some 0.25 € here), as CPython finds it.
    entree = {**widget.situation_par_defaut("simuler", dt.date(2026, 12, 1)),
              "date_embauche": page.input_value("#champ-date_embauche")}
    entree.pop("salaire_connu")
    _, attendu = inverse.brut_pour(entree, "cout", 3000)
    assert premier_mois(page, "cout_employeur") == attendu and abs(attendu - 3000) < 0.3

    changer(page, "#champ-cout_mensuel", "900")
    assert page.get_attribute("#champ-cout_mensuel", "aria-invalid") == "true"
    assert "minimum légal" in page.inner_text("#erreur-champ-cout_mensuel")
    page.select_option("#champ-salaire_connu", "brut")


# ------------------------------------------------------------------ 4. today's date
def test_date_par_defaut_le_mois_suivant_de_l_horloge(navigateur, serveur) -> None:
    contexte = navigateur.new_context(base_url=serveur, locale="fr-FR")
    garde = GardeOrigine(serveur)
    garde.installer(contexte)
    page = contexte.new_page()
    page.clock.set_fixed_time(dt.datetime(2027, 9, 15, 10, 0))
    page.goto("outils/cout-embauche/")
    assert page.input_value("#champ-date_embauche") == "2027-10-01"
    page.wait_for_selector(PRET, timeout=ATTENTE_MS)
    attendre_calcul(page, 0)
    assert page.get_attribute("#simulateur .diese-tableau-mois tbody tr:first-child",
                              "data-mois") == "2027-10"
    contexte.close()
    assert not garde.sorties


def test_prerendu_dit_sa_date(navigateur, serveur) -> None:
    contexte = navigateur.new_context(base_url=serveur, java_script_enabled=False)
    page = contexte.new_page()
    page.goto("outils/cout-embauche/")
    date = page.input_value("#champ-date_embauche")
    mois = page.get_attribute("#simulateur .diese-tableau-mois tbody tr:first-child", "data-mois")
    assert date.endswith("-01") and mois == date[:7]
    assert "situation par défaut (embauche le 1er " in page.inner_text(".diese-simulateur__etat")
    contexte.close()


# ------------------------------------------------------------------ 5. compare with a salary
def test_comparer_avec_un_salaire_et_pourquoi(session, axe) -> None:
    page = session.page
    session.ouvrir("outils/comparer/?age=19")
    attendre_calcul(page, 0)
    changer(page, "#champ-employeur-salaire_brut_mensuel", "2 500 €")
    bruts = page.eval_on_selector_all(
        '#simulateur td[data-cle="salaire_brut_mensuel"]', "es => es.map(e => e.dataset.valeur)")
    assert len(bruts) >= 4 and set(bruts) == {"2500.0"}
    pourquoi = page.locator("#simulateur tr.diese-pourquoi td")
    textes = pourquoi.all_inner_texts()
    assert len(textes) == len(bruts) and all(textes)
    assert any("indemnité de fin de contrat" in t for t in textes)
    assert any("aides à l’embauche" in t.lower() for t in textes)
    violations = axe(page, ".md-content")
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)
    changer(page, "#champ-employeur-salaire_brut_mensuel", "1000")
    assert "est inférieur au minimum légal de ce contrat" in page.inner_text(
        "#simulateur .diese-simulateur__resultat")


# ------------------------------------------------------------------ 6. tables that fit
MESURER = """(selecteur) => {
  const table = document.querySelector(selecteur);
  const boite = table.closest('.diese-defilement');
  const b = boite.getBoundingClientRect();
  const defauts = [];
  for (const cellule of table.querySelectorAll('th, td')) {
    const coupee = cellule.scrollWidth > cellule.clientWidth + 1;
    if (coupee) defauts.push('coupée : ' + cellule.textContent);
  }
  const entetes = Array.from(table.querySelectorAll('thead th'));
  for (const th of entetes.slice(1)) {
    boite.scrollLeft = Math.max(0, th.offsetLeft + th.offsetWidth - boite.clientWidth);
    const r = th.getBoundingClientRect();
    const etiquette = entetes[0].getBoundingClientRect();
    const ligne = table.querySelector('tbody tr th').getBoundingClientRect();
    const cachee = r.right > b.right + 1 || r.left < etiquette.right - 1;
    if (cachee) defauts.push('cachée : ' + th.textContent);
    const perdues = etiquette.left < b.left - 1 || ligne.left < b.left - 1;
    if (perdues) defauts.push('étiquettes perdues à ' + th.textContent);
  }
  boite.scrollLeft = 0;
  return {defauts, deborde: boite.scrollWidth > boite.clientWidth + 1, colonnes: entetes.length,
          textes: entetes.map(e => e.textContent)};
}"""


@pytest.mark.parametrize("largeur", [320, 390, 1280])
def test_tableaux_lisibles(session, largeur) -> None:
    page = session.page
    taille = page.viewport_size
    try:
        # The widest cases: a CDD with its indemnity and other charges; four paid options.
        session.ouvrir("outils/cout-embauche/?contrat=cdd&duree_mois=6"
                       "&mutuelle_part_employeur=40&effectif=60")
        attendre_calcul(page, 0)
        page.set_viewport_size({"width": largeur, "height": 800})
        mois = page.evaluate(MESURER, ".diese-tableau-mois")
        assert mois["colonnes"] >= 10 and mois["defauts"] == [], mois
        if largeur == 1280:
            assert not mois["deborde"], "à 1 280 px le tableau tient sans défilement"
            assert page.get_by_role("columnheader", name="Salaire net").is_visible()
        session.ouvrir("outils/comparer/?age=19")
        attendre_calcul(page, 0)
        comparaison = page.evaluate(MESURER, ".diese-comparaison")
        assert comparaison["colonnes"] >= 5 and comparaison["defauts"] == [], comparaison
    finally:
        page.set_viewport_size(taille)


# ------------------------------------------------------------------ 7. one printed page
def texte_pdf(pdf: bytes) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]


def test_impression_sur_une_page(session) -> None:
    page = session.page
    session.ouvrir("outils/cout-embauche/?contrat=apprentissage&age=19&duree_mois=24")
    attendre_calcul(page, 0)
    pages = texte_pdf(page.pdf(format="A4"))
    assert len(pages) == 1, [len(p) for p in pages]
    texte = " ".join(pages[0].split())
    for attendu in ("Résultat", "Situation simulée", "Contrat d’apprentissage",
                    "Aides et calendrier de versement", "Source", "Paramètres légaux"):
        assert attendu in texte, attendu
    for absent in ("Précisions facultatives", "Détail du calcul", "Comment lire ce résultat",
                   "Mois par mois", "Calculer"):
        assert absent not in texte, absent
    # The month table on request, as a second page.
    page.check('[data-option="imprimer-mois"]')
    pages = texte_pdf(page.pdf(format="A4"))
    assert len(pages) >= 2 and "Mois par mois" not in pages[0] and "Mois par mois" in pages[1]
    page.uncheck('[data-option="imprimer-mois"]')
