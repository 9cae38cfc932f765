"""The simulators' Python side: renderer, worker entry point, engine wheel, runtime copy, widget."""

from __future__ import annotations

import base64
import csv
import datetime as dt
import hashlib
import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from diese.simulateurs import navigateur, rendu, roue, widget
from diese.simulation.api import executer
from diese.site import pyodide as hook_pyodide

DATE = "2026-03-02"


@pytest.fixture(autouse=True)
def date_fixe(monkeypatch):
    monkeypatch.setenv("DIESE_DATE_REFERENCE", DATE)


def resultat(commande: str, entree: dict | None = None) -> dict:
    entree = entree or widget.situation_par_defaut(commande, widget.date_reference())
    sortie = json.loads(executer(commande, json.dumps(entree)))
    assert sortie["ok"], sortie
    return sortie["resultat"]


def valeurs(html: str) -> list[float]:
    return [float(v) for v in re.findall(r'data-valeur="([^"]+)"', html)]


# ------------------------------------------------------------------ formatting
@pytest.mark.parametrize(
    ("montant", "attendu"),
    [(0, "0,00\u00a0€"), (1823.03, "1\u202f823,03\u00a0€"), (-12.5, "−12,50\u00a0€"),
     (1234567.891, "1\u202f234\u202f567,89\u00a0€"), (None, "—")],
)
def test_euros_a_la_francaise(montant, attendu) -> None:
    assert rendu.euros(montant) == attendu


def test_dates_en_toutes_lettres() -> None:
    assert rendu.date_longue("2026-06-01") == "1er juin 2026"
    assert rendu.date_longue("2026-02-14") == "14 février 2026"
    assert rendu.date_longue("2026-08") == "août 2026"


# ------------------------------------------------------------------ renderer
def test_simulation_montre_chaque_mois_et_les_totaux_du_moteur() -> None:
    r = resultat("simuler")
    html = rendu.rendre("simuler", r)
    for ligne in r["mois"]:
        assert f'data-mois="{ligne["mois"]}"' in html
    tfoot = html.split("<tfoot>")[1].split("</tfoot>")[0]
    attendus = [float(r["totaux"][c] or 0) for c, _ in rendu.colonnes(r)]
    assert valeurs(tfoot) == attendus
    assert "<svg" in html and 'role="img"' in html
    assert "Détail du calcul" in html
    assert f'data-parametres-au="{r["parametres_au"]}"' in html
    assert "estimation" in html


def test_les_donnees_du_moteur_sont_echappees() -> None:
    r = resultat("simuler")
    piege = "<script>alert(1)</script>"
    r["avertissements"] = [{"code": "x", "niveau": "info", "texte": piege}]
    r["aides"] = [{"id": "x", "nom": piege, "montant": 1, "montant_annuel": 1, "echeancier": [],
                   "conditions": piege, "reference": {
                       "titre": piege, "url": 'https://exemple.fr/"onmouseover="x'}}]
    html = rendu.rendre("simuler", r)
    assert piege not in html
    assert '"onmouseover' not in html


def test_colonnes_facultatives_seulement_si_utiles() -> None:
    cdi = resultat("simuler")
    assert "Indemnité de fin de contrat" not in rendu.rendre("simuler", cdi)
    entree = widget.situation_par_defaut("simuler", widget.date_reference())
    cdd = resultat("simuler", {**entree, "contrat": "cdd", "duree_mois": 6})
    assert "Indemnité de fin de contrat" in rendu.rendre("simuler", cdd)


def test_comparaison_et_oeth_se_rendent() -> None:
    html = rendu.rendre("comparer", resultat("comparer"))
    assert 'data-commande="comparer"' in html and "<table" in html
    html = rendu.rendre("oeth", resultat("oeth"))
    assert 'data-commande="oeth"' in html and "data-valeur" in html


# ------------------------------------------------------------------ worker entry point
def test_repondre_renvoie_le_html_du_rendu() -> None:
    entree = widget.situation_par_defaut("simuler", widget.date_reference())
    sortie = json.loads(navigateur.repondre("simuler", json.dumps(entree)))
    assert sortie["ok"]
    assert sortie["html"] == rendu.rendre("simuler", resultat("simuler", entree))
    assert sortie["annonce"].startswith("Résultat mis à jour")


def test_repondre_transmet_les_erreurs_du_moteur_en_francais() -> None:
    entree = widget.situation_par_defaut("simuler", widget.date_reference())
    entree["age"] = 3
    sortie = json.loads(navigateur.repondre("simuler", json.dumps(entree)))
    assert sortie["ok"] is False
    assert any(e["champ"] == "age" and e["message"] for e in sortie["erreurs"])


# The worker renders the engine's objects without the JSON round trip of `executer`: the HTML
# must be the very one the build renders from `executer`'s JSON.
SITUATIONS_RENDU = [
    ("simuler", {}),
    ("simuler", {"contrat": "cdd", "duree_mois": 6, "heures_hebdo": 24,
                 "date_embauche": "2026-04-01"}),
    ("simuler", {"contrat": "apprentissage", "age": 27, "rqth": True, "niveau_diplome": 5,
                 "duree_mois": 24, "date_embauche": "2026-05-20"}),
    ("simuler", {"contrat": "apprentissage", "age": 18, "effectif": 300, "ratio_alternants": 6,
                 "niveau_diplome": 3, "duree_mois": 12, "date_embauche": "2026-07-01"}),
    ("simuler", {"contrat": "professionnalisation", "age": 47, "demandeur_emploi": True,
                 "duree_mois": 12, "date_embauche": "2026-06-01"}),
    ("simuler", {"contrat": "cdi", "salaire_brut_mensuel": 2600, "effectif": 60,
                 "mutuelle_part_employeur": 40, "taux_versement_mobilite": 2,
                 "date_embauche": "2026-12-15", "duree_mois": 24}),
    ("simuler", {"contrat": "stage", "duree_mois": 2}),
    ("simuler", {"contrat": "stage"}),  # an input error
    ("comparer", {}),
    ("comparer", {"profil": {"rqth": True, "age": 24, "demandeur_emploi": True},
                  "employeur": {"effectif": 300, "horizon_mois": 24}}),
    ("oeth", {}),
    ("oeth", {"effectif": 260, "beneficiaires": 3}),
    ("oeth", {"effectif": 12}),
]


@pytest.mark.parametrize(("commande", "modifs"), SITUATIONS_RENDU)
def test_repondre_rend_le_meme_html_que_le_json_du_moteur(commande, modifs) -> None:
    entree = widget.situation_par_defaut(commande, widget.date_reference())
    for cle, valeur in modifs.items():
        if isinstance(valeur, dict):
            entree.setdefault(cle, {}).update(valeur)
        else:
            entree[cle] = valeur
    par_json = json.loads(executer(commande, json.dumps(entree)))
    sortie = json.loads(navigateur.repondre(commande, json.dumps(entree)))
    assert sortie["ok"] is par_json["ok"]
    if par_json["ok"]:
        assert sortie["html"] == rendu.rendre(commande, par_json["resultat"])
        assert sortie["annonce"] == rendu.annonce(commande, par_json["resultat"])
    else:
        assert sortie["erreurs"] == par_json["erreurs"]


# ------------------------------------------------------------------ wheel
def test_la_roue_est_petite_reproductible_et_ne_contient_que_le_moteur() -> None:
    a, b = roue.construire(), roue.construire()
    assert a.contenu == b.contenu
    assert re.fullmatch(r"diese-\d+\.\d+\.\d+\+[0-9a-f]{10}-py3-none-any\.whl", a.nom)
    noms = zipfile.ZipFile(io.BytesIO(a.contenu)).namelist()
    paquet = [n for n in noms if ".dist-info/" not in n]
    assert "diese/simulation/api.py" in paquet
    assert "diese/simulateurs/rendu.py" in paquet
    interdits = ("diese/site/", "diese/contenu/", "diese/simulateurs/roue.py",
                 "diese/simulateurs/widget.py", ".yml", ".yaml", "__pycache__")
    assert not [n for n in noms if any(i in n for i in interdits)]
    assert len(a.contenu) < 300_000


def test_record_de_la_roue_est_exact() -> None:
    archive = zipfile.ZipFile(io.BytesIO(roue.construire().contenu))
    record = next(n for n in archive.namelist() if n.endswith(".dist-info/RECORD"))
    lignes = list(csv.reader(archive.read(record).decode().splitlines()))
    assert {ligne[0] for ligne in lignes} == set(archive.namelist())
    for nom, empreinte, taille in lignes:
        if nom == record:
            continue
        donnees = archive.read(nom)
        digest = base64.urlsafe_b64encode(hashlib.sha256(donnees).digest()).rstrip(b"=")
        assert empreinte == f"sha256={digest.decode()}" and int(taille) == len(donnees)


def test_la_roue_seule_suffit_au_navigateur(tmp_path: Path) -> None:
    """An isolated interpreter with only the wheel on its path runs the worker's entry point."""
    zipfile.ZipFile(io.BytesIO(roue.construire().contenu)).extractall(tmp_path)
    entree = json.dumps(widget.situation_par_defaut("simuler", widget.date_reference()))
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from diese.simulateurs.navigateur import repondre;"
        "print(repondre('simuler', sys.argv[2]))"
    )
    sortie = subprocess.run([sys.executable, "-I", "-c", code, str(tmp_path), entree],
                            capture_output=True, text=True, check=True, cwd=tmp_path)
    assert json.loads(sortie.stdout) == json.loads(navigateur.repondre("simuler", entree))


# ------------------------------------------------------------------ runtime copy
def test_publier_la_roue_son_instantane_et_son_complement(tmp_path: Path) -> None:
    chemin = hook_pyodide.publier(tmp_path)
    copies = sorted(p.name for p in (tmp_path / "assets" / "pyodide").iterdir())
    # …plus the module without data segments that a start from the snapshot downloads.
    assert copies == sorted([*hook_pyodide.FICHIERS, hook_pyodide.SANS_DONNEES])
    assert chemin.name == roue.construire().nom
    instantane = hook_pyodide.nom_instantane(chemin)
    publies = sorted(p.name for p in (tmp_path / "assets" / "wheels").iterdir())
    # …and the standard library files a restored Python may still import (its complement).
    assert publies == sorted([chemin.name, instantane, hook_pyodide.nom_complement(chemin)])
    # Pyodide's memory without its zero pages ("DIS1" sparse format, sent compressed by the
    # host from the build's .br/.gz copies), named after the wheel's content.
    octets = (tmp_path / "assets" / "wheels" / instantane).read_bytes()
    assert octets[:4] == b"DIS1" and len(octets) > 1_000_000


def test_pyodide_absent_donne_un_message_clair(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="npm ci"):
        hook_pyodide.verifier_source(tmp_path)


# ------------------------------------------------------------------ widget
@pytest.mark.parametrize("commande", ["simuler", "comparer", "oeth"])
def test_widget_nomme_ses_champs_comme_le_moteur(commande) -> None:
    html = widget.widget(commande, "../../")
    assert "data-diese-pyodide" in html and 'data-etat="prerendu"' in html
    assert f'data-date-reference="{DATE}"' in html
    for groupe in widget.groupes(commande):
        for champ in groupe.champs:
            assert f'name="{champ["nom"]}"' in html
    assert 'data-roue="../../assets/wheels/diese-' in html
    assert 'aria-live="polite"' in html and 'role="status"' in html


def test_widget_preremplit_le_mois_suivant_la_date_de_reference() -> None:
    html = widget.widget("simuler", "../../")
    assert re.search(r'name="date_embauche"[^>]*value="2026-04-01"', html)
    assert "situation par défaut (embauche le 1er avril 2026)" in html
    champ = {"type": "date", "defaut": "x", "min": "2024-01-01", "max": "2030-12-31"}
    assert widget.defaut(champ, dt.date(2026, 12, 15)) == "2027-01-01"
    assert widget.defaut(champ, dt.date(2030, 12, 15)) == "2030-12-31"


def test_widget_questions_selon_la_situation() -> None:
    """Questions that do not matter at the defaults are rendered hidden and not computed."""
    html = widget.widget("simuler", "../../")
    caches = set(re.findall(r'data-champ="([a-z_]+)" data-visible-si="[^"]*" hidden', html))
    assert {"niveau_diplome", "ratio_alternants", "residence_qpv", "beneficiaire_rsa",
            "salaire_net_mensuel", "cout_mensuel", "taux_versement_mobilite"} <= caches
    assert "salaire_brut_mensuel" not in caches and "age" not in caches
    entree = widget.situation_par_defaut("simuler", dt.date(2026, 3, 2))
    assert not caches & set(entree)
    champs = {c["nom"]: c for g in widget.groupes("simuler") for c in g.champs}
    valeurs = {**widget.valeurs_par_defaut("simuler", dt.date(2026, 3, 2)),
               "contrat": "apprentissage", "effectif": 300}
    assert widget.visible(champs["niveau_diplome"], valeurs, champs)
    assert widget.visible(champs["ratio_alternants"], valeurs, champs)
    assert not widget.visible(champs["demandeur_emploi"], valeurs, champs)
    # A chain: the QPV question needs the job-seeker one, itself hidden for an apprentice.
    assert not widget.visible(champs["residence_qpv"], {**valeurs, "demandeur_emploi": True},
                              champs)
    assert widget.visible(champs["residence_qpv"], {**valeurs, "contrat": "cdi",
                                                    "date_embauche": "2024-06-01",
                                                    "demandeur_emploi": True}, champs)
    # The compare page has no contract field: the contract conditions do not restrict there.
    profil = {c["nom"]: c for c in widget.groupes("comparer")[0].champs}
    assert widget.visible(profil["niveau_diplome"], {}, profil)


def test_question_d_une_aide_fermee_plus_posee(monkeypatch) -> None:
    """The job-seeker and QPV questions of the emploi franc: not asked for a hire on or after the
    date its parameter closes (day before, day of, day after)."""
    from types import SimpleNamespace

    from diese.simulation import champs as module_champs

    ferme = SimpleNamespace(dates=["2020-01-01", "2025-01-01"], valeurs=[{"cdi": 5000}, None])
    monkeypatch.setattr(module_champs, "tous", lambda: {module_champs.EMPLOI_FRANC: ferme})
    regles = module_champs.quand()
    champs = {n: {"nom": n, "visible_si": regles.get(n)} for n in
              ("contrat", "date_embauche", "demandeur_emploi", "residence_qpv")}
    for jour, attendu in (("2024-12-31", True), ("2025-01-01", False), ("2025-01-02", False)):
        cdi = {"contrat": "cdi", "date_embauche": jour, "demandeur_emploi": True}
        assert widget.visible(champs["demandeur_emploi"], cdi, champs) is attendu, jour
        assert widget.visible(champs["residence_qpv"], cdi, champs) is attendu, jour
        # Still asked for a contrat de professionnalisation (eligibility after 26, 45+ aid).
        pro = {**cdi, "contrat": "professionnalisation"}
        assert widget.visible(champs["demandeur_emploi"], pro, champs)
    ouvert = SimpleNamespace(dates=["2020-01-01"], valeurs=[{"cdi": 5000}])
    monkeypatch.setattr(module_champs, "tous", lambda: {module_champs.EMPLOI_FRANC: ouvert})
    assert "date_embauche" not in module_champs.quand()["residence_qpv"]


def test_date_de_reference_invalide(monkeypatch) -> None:
    monkeypatch.setenv("DIESE_DATE_REFERENCE", "02/03/2026")
    with pytest.raises(RuntimeError, match="AAAA-MM-JJ"):
        widget.date_reference()


def test_simulateur_inconnu() -> None:
    with pytest.raises(RuntimeError, match="inconnu"):
        widget.groupes("deviner")
