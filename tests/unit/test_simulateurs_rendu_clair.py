"""What the simulators show a company head: plain words, no maintainer notes, standard month
abbreviations, a legible chart, the trainee placement outside the cost table."""

from __future__ import annotations

import json
import re

import pytest
from diese.simulateurs import rendu
from diese.simulation.api import executer
from diese.simulation.parametres import tous

# « valeur non vérifiée » is said on purpose, beside the figure that used such a value.
JARGON = ("openfisca", "modele-social", "Légifrance", "désaccord", "non relu",
          "Paramètre prolongé", "tranche 2")


def resultat(commande: str, entree: dict) -> dict:
    sortie = json.loads(executer(commande, json.dumps(entree)))
    assert sortie["ok"], sortie
    return sortie["resultat"]


def sans_jargon(html: str) -> None:
    for mot in JARGON:
        assert mot.lower() not in html.lower(), mot


@pytest.mark.parametrize(("commande", "entree"), [
    ("simuler", {"date_embauche": "2026-10-01", "duree_mois": 13}),
    ("simuler", {"contrat": "apprentissage", "age": 19, "date_embauche": "2026-09-01"}),
    ("simuler", {"contrat": "stage", "date_embauche": "2026-09-01", "duree_mois": 1}),
    ("comparer", {"profil": {"age": 19}, "employeur": {"date_embauche": "2027-09-01"}}),
    ("oeth", {"effectif": 120, "annee": 2027}),
])
def test_aucune_note_de_mainteneur_a_l_ecran(commande, entree) -> None:
    sans_jargon(rendu.rendre(commande, resultat(commande, entree)))


def test_les_valeurs_non_confirmees_disent_aupres_de_qui_les_confirmer() -> None:
    for p in tous().values():
        if p.statut == "non_verifie":
            assert p.confirmer_aupres, p.ident
            assert p.note_publique().endswith(f"Valeur à confirmer auprès {p.confirmer_aupres}.")
    html = rendu.rendre("simuler", resultat("simuler", {"date_embauche": "2026-10-01"}))
    assert "Valeur à confirmer auprès de votre caisse régionale (Carsat)" in html


def test_une_seule_phrase_pour_les_valeurs_prolongees() -> None:
    r = resultat("simuler", {"date_embauche": "2026-10-01", "duree_mois": 13})
    html = rendu.rendre("simuler", r)
    boite = html[html.index("À savoir"):html.index("</div>", html.index("À savoir"))]
    assert boite.count("<li ") == 1
    assert "confirmées au-delà du 1er juillet 2026" in boite
    # The list, value by value, stays in the detail of the calculation.
    detail = html[html.index('<details class="diese-detail"'):]
    assert "Confirmées jusqu’au 1er juillet 2026 : SMIC horaire" in detail


def test_comparer_la_phrase_des_valeurs_prolongees_suit_la_mention() -> None:
    """Options confirmed to different dates: the page gives the earliest, in both places."""
    r = resultat("comparer", {"profil": {"age": 30}, "employeur": {"date_embauche": "2026-11-26"}})
    dates = {o["contrat"]: o["parametres_au"] for o in r if o["parametres_au"]}
    assert len(set(dates.values())) > 1, dates  # otherwise this test proves nothing
    html = rendu.rendre("comparer", r)
    mention = re.search(r'data-parametres-au="([^"]+)"', html).group(1)
    assert mention == min(dates.values())
    boite = html[html.index("À savoir"):html.index("</div>", html.index("À savoir"))]
    assert boite.count("Certaines valeurs légales") == 1
    assert f"au-delà du {rendu.date_longue(mention)}" in boite


def test_oeth_ne_repete_rien_et_a_sa_propre_mention() -> None:
    r = resultat("oeth", {"effectif": 120, "annee": 2027})
    textes = [a["texte"] for a in r["avertissements"]]
    assert len(textes) == len(set(textes)) == 2
    html = rendu.rendre("oeth", r)
    assert "déclaration annuelle en DSN" in html and "bulletin de paie" not in html
    assert "auprès de l’Agefiph" in html


@pytest.mark.parametrize(("iso", "attendu"), [
    ("2026-01", "janv."), ("2026-02", "févr."), ("2026-03", "mars"), ("2026-04", "avr."),
    ("2026-05", "mai"), ("2026-06", "juin"), ("2026-07", "juil."), ("2026-08", "août"),
    ("2026-09", "sept."), ("2026-10", "oct."), ("2026-11", "nov."), ("2026-12", "déc."),
])
def test_abreviations_des_mois(iso, attendu) -> None:
    assert rendu.mois_court(iso) == f"{attendu}\u00a02026"


def _etiquettes(html: str) -> list[tuple[str, float, str, str]]:
    return [(c, float(x), a, t) for c, x, a, t in re.findall(
        r'<text class="(diese-graphique__axe[^"]*)" x="([\d.]+)" y="\d+" text-anchor="(\w+)">'
        r"([^<]*)</text>", html)]


@pytest.mark.parametrize("n", [1, 2, 5, 12, 13, 25, 48])
def test_etiquettes_du_graphique_sans_chevauchement(n) -> None:
    mois = [{"mois": f"{2026 + (8 + i) // 12}-{(8 + i) % 12 + 1:02d}", "cout_employeur": 2000,
             "aides": 500, "cout_net_aides": 1500} for i in range(n)]
    etiquettes = _etiquettes(rendu.graphique(mois, {"cout_employeur": "Coût employeur",
                                                    "cout_net_aides": "Coût net des aides"}))
    assert etiquettes[-1][3] == rendu.mois_court(mois[-1]["mois"])  # the last month shows
    for police, garder in ((rendu.POLICE_AXE, lambda c: True),
                           (rendu.POLICE_AXE_ETROIT, lambda c: "secondaire" not in c)):
        bords = []
        for classe, x, ancre, texte in etiquettes:
            if not garder(classe):
                continue
            w = rendu._largeur_texte(texte, police)
            gauche = x - w if ancre == "end" else x - w / 2
            droite = x if ancre == "end" else x + w / 2
            assert 0 <= gauche and droite <= 640, (texte, police)
            bords.append((gauche, droite))
        assert all(a[1] < b[0] for a, b in zip(bords, bords[1:], strict=False)), bords


def test_note_quand_la_reduction_generale_change_au_1er_janvier() -> None:
    r = resultat("simuler", {"date_embauche": "2026-10-01", "duree_mois": 6})
    html = rendu.rendre("simuler", r)
    assert html.count('class="diese-note-tableau"') == 1
    assert "La réduction générale change au 1er janvier 2027" in html
    stable = resultat("simuler", {"date_embauche": "2026-02-01", "duree_mois": 6})
    assert "diese-note-tableau" not in rendu.rendre("simuler", stable)


def test_comparer_sort_le_stage_du_tableau_et_montre_les_durees() -> None:
    r = resultat("comparer", {"profil": {"age": 19},
                              "employeur": {"date_embauche": "2026-09-01", "horizon_mois": 3}})
    html = rendu.rendre("comparer", r)
    tableau = html[html.index('<table class="diese-comparaison"'):html.index("</table>")]
    assert 'data-contrat="stage"' not in tableau
    assert "aucun salaire à verser" in html and "Base légale" in html and "L5135-1" in html
    # Apprenticeship lasts at least 6 months: said in its column heading and under the table.
    assert re.search(r'data-contrat="apprentissage">[^<]*<br><span class="diese-duree-differente">'
                     r"sur \d+ mois</span>", tableau)
    assert re.search(r'class="diese-note-tableau" data-contrat="apprentissage">', html)
    assert "Durée retenue pour ce contrat" not in html  # no longer repeated in « À savoir »
    assert "faites défiler" in html.lower()


@pytest.mark.parametrize(("bas", "haut", "attendu"), [
    (0, 831, [0, 250, 500, 750, 1000]),
    (208, 831, [0, 250, 500, 750, 1000]),
    (0, 2300, [0, 1000, 2000, 3000]),
    (0, 4.2, [0, 2, 4, 6]),
    (-120, 900, [-500, 0, 500, 1000]),
    (0, 0, [0, 0.25, 0.5, 0.75, 1]),
])
def test_graduations_rondes(bas, haut, attendu) -> None:
    assert rendu.graduations(bas, haut) == pytest.approx(attendu)


def test_deux_courbes_reconnaissables_sans_la_couleur() -> None:
    libelles = {"cout_employeur": "Coût employeur", "cout_net_aides": "Coût net des aides"}
    r = resultat("simuler", {"contrat": "apprentissage", "age": 19, "duree_mois": 24,
                             "date_embauche": "2026-09-01"})
    svg = rendu.graphique(r["mois"], libelles)
    graphe = svg[:svg.index("</svg>")]
    ronds = graphe.count('<circle class="diese-graphique__cout"')
    carres = graphe.count('<rect class="diese-graphique__net"')
    assert ronds >= 2 and ronds == carres
    legende = svg[svg.index("<figcaption>"):]
    assert "<circle" in legende and "<rect" in legende and 'aria-hidden="true"' in legende
    # No aid: one line only, and the legend says the two figures are equal.
    cdi = resultat("simuler", {"date_embauche": "2026-09-01"})
    seul = rendu.graphique(cdi["mois"], libelles)
    assert "diese-graphique__net" not in seul
    assert "sans aide, égal au coût net des aides" in seul


def test_la_reponse_en_une_ligne_vient_d_abord() -> None:
    r = resultat("simuler", {"contrat": "apprentissage", "age": 19, "duree_mois": 24,
                             "date_embauche": "2026-09-01"})
    html = rendu.rendre("simuler", r)
    assert html.index('class="diese-reponse"') < html.index('class="diese-synthese"')
    assert html.count('<li data-annee="') == 2
    assert "1re année (sept.\u00a02026 – août\u00a02027)" in html
    un_an = rendu.rendre("simuler", resultat("simuler", {"date_embauche": "2026-09-01"}))
    assert re.search(r'<p class="diese-reponse" data-annee="1"><strong>≈ [\d\u202f]+\u00a0€ '
                     r"par mois \(aucune aide\)</strong></p>", un_an)


def test_comparer_dit_quelle_option_utilise_une_valeur_non_verifiee(parametres_modifies) -> None:
    def changer(params: dict) -> None:
        for v in params["apprentissage.aide_embauche"]["valeurs"]:
            v["statut"] = "non_verifie"

    parametres_modifies(changer)
    p = tous()["apprentissage.aide_embauche"]
    r = resultat("comparer", {"profil": {"age": 19},
                              "employeur": {"date_embauche": "2026-09-01"}})
    apprentissage = next(o for o in r if o["contrat"] == "apprentissage")
    assert p.libelle in apprentissage["valeurs_non_verifiees"]
    cdi = next(o for o in r if o["contrat"] == "cdi")
    assert p.libelle not in cdi["valeurs_non_verifiees"]
    html = rendu.rendre("comparer", r)
    note = re.search(r'<p class="diese-non-verifie" data-contrat="apprentissage">(.*?)</p>', html)
    assert note and "valeur non vérifiée" in note.group(1) and p.libelle in note.group(1)
