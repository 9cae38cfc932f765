"""The typed result: its shape, the traced parameter reads, explanations filled from the values in
force, and the « prolonged values » warning that no longer counts abolished rates."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from diese.simulation import calculer_oeth, comparer, paie, parametres, simuler
from diese.simulation.api import executer
from diese.simulation.parametres import figure, lire, tous, tracer
from diese.simulation.resultat import NIVEAUX, Avertissement, Explication, Resultat


def _ids(explication: dict) -> set[str]:
    return {p["id"] for p in explication["parametres"]}


# ------------------------------------------------------------------ shape
def test_simuler_rend_le_resultat_type_et_son_json():
    r = simuler({"contrat": "cdd", "duree_mois": 6, "date_embauche": "2026-03-01"})
    assert isinstance(r, Resultat)
    assert all(isinstance(a, Avertissement) for a in r.avertissements)
    assert all(isinstance(e, Explication) for e in r.explications.values())
    d = r.en_dict()
    assert json.loads(json.dumps(d)) == d
    par_pont = json.loads(executer("simuler", json.dumps(
        {"contrat": "cdd", "duree_mois": 6, "date_embauche": "2026-03-01"})))
    assert par_pont == {"ok": True, "resultat": d}
    # Labels come with the figures and the explanations.
    assert {f["cle"]: f["libelle"] for f in d["figures"]}["indemnite_fin_contrat"] == (
        "Indemnité de fin de contrat")
    for cle, e in d["explications"].items():
        assert e["cle"] == cle and e["libelle"] and e["formule"]
        for p in e["parametres"]:
            assert set(p) >= {"id", "libelle", "valeur_texte", "date_effet", "source", "preuves",
                              "statut", "confirme_jusqu_au"}
            assert isinstance(p["preuves"], list)


def test_avertissements_code_niveau_texte():
    r = simuler({"contrat": "cdi", "salaire_brut_mensuel": 1830, "date_embauche": "2026-03-01",
                 "duree_mois": 6}).en_dict()
    assert r["avertissements"], "the SMIC revaluation of June raises the pay"
    for a in r["avertissements"]:
        assert set(a) == {"code", "niveau", "texte"} and a["niveau"] in NIVEAUX and a["texte"]
    assert "salaire_releve" in {a["code"] for a in r["avertissements"]}
    with pytest.raises(ValueError):
        Avertissement("x", "grave", "texte")


def test_comparer_et_oeth_aussi():
    options = comparer({"age": 19}, {"date_embauche": "2026-09-01", "horizon_mois": 3})
    for o in options:
        d = o.en_dict()
        json.dumps(d)
        assert all(set(a) == {"code", "niveau", "texte"} for a in d["avertissements"])
    apprentissage = next(o for o in options if o.contrat == "apprentissage")
    assert "duree_retenue" in {a.code for a in apprentissage.avertissements}
    r = calculer_oeth({"effectif": 120, "annee": 2027}).en_dict()
    assert r["libelles"]["economie"] == "Économie annuelle"
    assert r["explications"]["contribution_actuelle"]["libelle"]


def test_une_annee_par_annee_de_contrat():
    r = simuler({"contrat": "apprentissage", "age": 19, "duree_mois": 30,
                 "date_embauche": "2026-09-01"}).en_dict()
    annees = r["annees"]
    assert [a["nombre_de_mois"] for a in annees] == [12, 12, 6]
    premiere = annees[0]
    mois = r["mois"][:12]
    assert premiere["aides"] == pytest.approx(sum(m["aides"] for m in mois) / 12, abs=0.006)
    assert premiere["cout_net_aides"] == pytest.approx(
        sum(m["cout_net_aides"] for m in mois) / 12, abs=0.006)
    assert re.fullmatch(r"≈ [\d\u202f]+\u00a0€ par mois après aides \(coût employeur ≈ "
                        r"[\d\u202f]+\u00a0€, aides ≈ [\d\u202f]+\u00a0€ par mois\)",
                        premiere["texte"]), premiere["texte"]
    assert premiere["periode"] == "1re année (sept.\u00a02026 – août\u00a02027)"
    # Apprentice pay rises in the second year, and the aid is paid in the first only.
    assert annees[1]["cout_employeur"] > premiere["cout_employeur"]
    assert annees[1]["texte"].endswith("par mois (aucune aide)")


# ------------------------------------------------------------------ tracer
def test_le_traceur_note_chaque_lecture_par_figure():
    jour = "2026-03-01"
    with tracer() as t:
        with figure("a", jour):
            lire("smic.horaire", jour)
            paie.bareme(jour).v["pss.mensuel"]
        with figure("b", jour):
            paie.bareme(jour).v["cotisations.employeur.csa"]
    assert [i for i, _ in t.lus("a")] == ["smic.horaire", "pss.mensuel"]
    assert [i for i, _ in t.lus("b")] == ["cotisations.employeur.csa"]
    assert t.lus("a")[0][1] == tous()["smic.horaire"].rang(jour)
    # Outside a trace, reads are not recorded (and cost nothing more).
    lire("smic.horaire", jour)
    assert parametres._trace is None


def test_les_sources_d_une_figure_sont_ce_que_son_calcul_a_lu():
    cdd = simuler({"contrat": "cdd", "effectif": 300, "mutuelle_part_employeur": 50,
                   "duree_mois": 6, "date_embauche": "2026-03-01"}).en_dict()["explications"]
    patronales = _ids(cdd["cotisations_patronales"])
    assert {"cotisations.employeur.cpf_cdd", "cotisations.employeur.peec",
            "cotisations.employeur.forfait_social_prevoyance"} <= patronales
    assert "cdd.indemnite_fin_contrat" in _ids(cdd["salaire_brut"])
    reduction = _ids(cdd["reduction_generale"])
    assert "reduction_generale.rgdu_tmin" in reduction
    # Abolished in 2026: read (to know which formula applies) but not shown as used.
    assert not any(i.startswith("reduction_generale.fillon") for i in reduction)
    assert "cotisations.employeur.maladie_taux_reduit" not in patronales
    petit = simuler({"effectif": 10, "date_embauche": "2026-03-01", "duree_mois": 2}
                    ).en_dict()["explications"]
    assert "cotisations.employeur.peec" not in _ids(petit["cotisations_patronales"])
    assert "cotisations.employeur.cpf_cdd" not in _ids(petit["cotisations_patronales"])
    # The net pay reads the employee's rates, not the employer's.
    net = _ids(petit["salaire_net"])
    assert "cotisations.salarie.crds" in net and not any(".employeur." in i for i in net)
    # Pay under the ceiling: no tranche 2 rate is read.
    assert not any(i.endswith("_t2") for e in petit.values() for i in _ids(e))


def test_valeur_non_verifiee_au_niveau_de_la_valeur(parametres_modifies):
    def changer(params: dict) -> None:
        _valeur_au(params["smic.horaire"], "2026-03-01")["statut"] = "non_verifie"

    parametres_modifies(changer)
    p = tous()["smic.horaire"]
    r = simuler({"date_embauche": "2026-03-01", "duree_mois": 2}).en_dict()
    brut = r["explications"]["salaire_brut"]
    assert p.libelle in brut["valeurs_non_verifiees"]
    smic = next(x for x in brut["parametres"] if x["id"] == "smic.horaire")
    assert smic["statut"] == "non_verifie"


# ------------------------------------------------------------------ the misleading warning
@pytest.mark.parametrize("debut", ["2025-10-01", "2025-12-01", "2026-01-01", "2026-03-01"])
def test_les_taux_abolis_ne_sont_pas_des_valeurs_prolongees(debut):
    r = simuler({"date_embauche": debut, "duree_mois": 6}).en_dict()
    textes = " ".join(a["texte"] for a in r["avertissements"])
    assert "10 septembre 2025" not in textes
    assert r["parametres_au"] > "2025-09-10"
    notes = " ".join((r["explications"].get("valeurs_prolongees") or {"notes": []})["notes"])
    assert "taux réduit" not in notes and "coefficient maximal" not in notes


def test_une_valeur_ouverte_reste_signalee():
    r = simuler({"date_embauche": "2028-01-01"}).en_dict()
    assert [a["code"] for a in r["avertissements"]].count("valeurs_prolongees") == 1


# ------------------------------------------------------------------ templates
def _valeur_au(p: dict, jour: str) -> dict:
    return [v for v in p["valeurs"] if v["date"] <= jour][-1]


def test_l_explication_suit_les_parametres(parametres_modifies):
    situation = {"contrat": "cdd", "duree_mois": 6, "date_embauche": "2026-03-01",
                 "mutuelle_part_employeur": 30, "effectif": 20}
    avant = simuler(situation).en_dict()["explications"]
    assert "12,02\u00a0€" in avant["reduction_generale"]["formule"]
    assert "10\u00a0%" in " ".join(avant["salaire_brut"]["notes"])

    def changer(p: dict) -> None:
        _valeur_au(p["reduction_generale.smic_reference_rgdu"], "2026-03-01")["valeur"] = 12.5
        _valeur_au(p["cdd.indemnite_fin_contrat"], "2026-03-01")["valeur"] = 0.12
        _valeur_au(p["cotisations.employeur.forfait_social_prevoyance"],
                   "2026-03-01")["valeur"] = 0.09

    parametres_modifies(changer)
    apres = simuler(situation).en_dict()["explications"]
    assert "12,50\u00a0€" in apres["reduction_generale"]["formule"]
    assert "12,02" not in apres["reduction_generale"]["formule"]
    assert "12\u00a0%" in " ".join(apres["salaire_brut"]["notes"])
    assert "9\u00a0%" in " ".join(apres["cout_employeur"]["notes"])


# ------------------------------------------------------------------ no legal number in prose
# A legal-looking number in a string of the engine: digits or a French number word (from « deux »:
# « un » is mostly an article) before a unit of the law (employees, years, hours, %, €, ceilings,
# days, months, times the SMIC…), or a French decimal (« 3,45 »). Legal values come from the
# dated parameters and reach texts through templates (`explications.remplir`) or f-strings, whose
# constant parts hold no number.
_UNITE = (r"(?:salariés?|ans?|années?|heures?|h|%|€|plafonds?|jours?|semaines?|mois|SMIC|fois"
          r"|décimales)")
_NOMBRE_MOT = (r"(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|vingt"
               r"|trente|quarante|cinquante|soixante|cent|mille)")
NOMBRE_LEGAL = re.compile(
    rf"(?<![\w{{/.])\d+(?:[ \u00a0\u202f]\d{{3}})*(?:[,.]\d+)?[ \u00a0\u202f]?{_UNITE}(?!\w)"
    rf"|(?<![\w.])\d+,\d+(?!\w)"
    rf"|\b{_NOMBRE_MOT}[ \u00a0-]{_UNITE}(?!\w)", re.IGNORECASE)
# Numbers that are no legal value, each with why (file, exact text found).
PERMIS = {
    # The simulator's own assumption when only an age is given, not a rule of law.
    ("alertes_paie.py", "12 mois"),
    # « plus de deux mois » is how the law words the student placement's threshold; the figure
    # itself (308 hours) is the parameter stage_etudiant.seuil_gratification.
    ("alertes_paie.py", "deux mois"), ("stage_etudiant.py", "deux mois"),
}


def nombres_legaux(source: str, nom: str, permis=PERMIS) -> list[str]:
    """« file:line: text » for each legal-looking number in a string constant of `source`
    (docstrings excepted: they document the code, users never see them)."""
    arbre = ast.parse(source)
    docstrings = {id(n.body[0].value) for n in ast.walk(arbre)
                  if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef,
                                    ast.AsyncFunctionDef))
                  and n.body and isinstance(n.body[0], ast.Expr)
                  and isinstance(n.body[0].value, ast.Constant)}
    trouves = []
    for n in ast.walk(arbre):
        if (isinstance(n, ast.Constant) and isinstance(n.value, str)
                and id(n) not in docstrings):
            for m in NOMBRE_LEGAL.finditer(n.value):
                if (nom, m.group(0)) not in permis:
                    trouves.append(f"{nom}:{n.lineno}: « {m.group(0)} » dans « {n.value[:70]} »")
    return trouves


def test_le_detecteur_trouve_les_nombres_legaux():
    source = ('"""Doc : 48 heures."""\n'
              'A = "au plus 48 heures"\nB = f"moins de {x} salariés"\nC = "taux de 3,45 %"\n'
              'D = "dans la limite de 4 plafonds"\nE = "de 1\u202f500 €"\nF = "plus de trois ans"\n'
              'G = "un anniversaire (18, 21, 26\u00a0ans)"\nH = "code_moins_24h"\n')
    trouves = nombres_legaux(source, "essai.py")
    assert [t.split(": « ")[1].split(" »")[0] for t in trouves] == [
        "48 heures", "3,45 %", "4 plafonds", "1\u202f500 €", "trois ans", "26\u00a0ans"]
    assert trouves[0].startswith("essai.py:2: ")


def test_pas_de_nombre_legal_dans_la_prose_du_moteur():
    dossier = Path(parametres.__file__).parent
    trouves = [t for f in sorted(dossier.glob("*.py"))
               for t in nombres_legaux(f.read_text(encoding="utf-8"), f.name)]
    assert not trouves, "nombres légaux écrits en dur :\n" + "\n".join(trouves)
    # The allow-list stays short: each entry is still needed.
    tous_trouves = {(t.split(":")[0], t.split(": « ")[1].split(" »")[0])
                    for f in dossier.glob("*.py")
                    for t in nombres_legaux(f.read_text(encoding="utf-8"), f.name, permis=set())}
    assert PERMIS <= tous_trouves, PERMIS - tous_trouves
