"""The parameters: every file has a reference and dated values; the compiled JSON the engine
reads is exactly what the YAML compiles to; a broken file fails naming file and field."""

from __future__ import annotations

import json

import pytest
from diese import parametres
from diese.contenu.validation import ErreurDonnees
from diese.simulation.parametres import tous


def test_le_json_compile_est_a_jour():
    assert parametres.est_a_jour(), "lancez « python -m diese.parametres »"


def test_chaque_parametre_a_une_reference_et_des_dates():
    fichiers = parametres.fichiers()
    assert len(fichiers) > 50
    for f in fichiers:
        p = parametres.compiler_un(f)
        assert p["references"], f
        assert all(r["url"].startswith("https://") and r["titre"] for r in p["references"]), f
        assert p["valeurs"] and all(v["date"] for v in p["valeurs"]), f
        assert p["derniere_date_confirmee"], f
        if p["statut"] != "verifie":
            assert p["note"] or len(p["sources"]) > 1, f"{f} : dire pourquoi ce n'est pas vérifié"


@pytest.mark.parametrize(("coupure", "champ"), [
    ("  reference:\n", "metadata.reference"),
    ("  last_value_still_valid_on:", "last_value_still_valid_on"),
])
def test_fichier_casse(tmp_path, monkeypatch, coupure, champ):
    source = parametres.DOSSIER / "smic" / "horaire.yaml"
    texte = source.read_text(encoding="utf-8")
    debut = texte.index(coupure)
    fin = texte.index("\n  ", debut + len(coupure))
    while texte[fin + 3] == " " or texte[fin + 3] == "-":  # skip the block's own lines
        fin = texte.index("\n  ", fin + 1)
    casse = tmp_path / "horaire.yaml"
    casse.write_text(texte[:debut] + texte[fin + 1:], encoding="utf-8")
    with pytest.raises(ErreurDonnees) as exc:
        parametres.compiler_un(casse)
    assert "horaire.yaml" in str(exc.value) and champ.split(".")[-1] in str(exc.value)


def test_date_impossible(tmp_path):
    source = (parametres.DOSSIER / "pss" / "mensuel.yaml").read_text(encoding="utf-8")
    casse = tmp_path / "mensuel.yaml"
    casse.write_text(source.replace("2026-01-01", "2026-02-30"), encoding="utf-8")
    with pytest.raises(ErreurDonnees) as exc:
        parametres.compiler_un(casse)
    assert "mensuel.yaml" in str(exc.value) and "2026-02-30" in str(exc.value)


def test_valeur_sans_date(tmp_path):
    source = (parametres.DOSSIER / "pss" / "mensuel.yaml").read_text(encoding="utf-8")
    casse = tmp_path / "mensuel.yaml"
    casse.write_text(source.replace("'2026-01-01'", "'bientot'"), encoding="utf-8")
    with pytest.raises(ErreurDonnees) as exc:
        parametres.compiler_un(casse)
    assert "values" in str(exc.value)


def test_le_moteur_lit_le_json():
    p = tous()["smic.horaire"]
    assert p.valeur("2026-05-31") == 12.02 and p.valeur("2026-06-01") == 12.31
    assert p.valeur("2023-01-01") is None
    donnees = json.loads(parametres.CIBLE.read_text(encoding="utf-8"))
    assert donnees["format"] == parametres.FORMAT


def test_desaccords_et_non_verifies_documentes():
    params = tous()
    assert params["cotisations.employeur.ags"].statut == "desaccord"
    assert params["reduction_generale.smic_reference_rgdu"].statut == "desaccord"
    for ident in ("cotisations.employeur.at_mp_defaut",
                  "professionnalisation.aide_forfaitaire_employeur"):
        assert params[ident].statut == "non_verifie" and params[ident].note


def test_le_build_refuse_des_parametres_perimes(monkeypatch):
    from diese.site import parametres as etape

    monkeypatch.setattr(etape.parametres, "est_a_jour", lambda: False)
    with pytest.raises(RuntimeError, match="python -m diese.parametres"):
        etape.on_config({})
    monkeypatch.setattr(etape.parametres, "est_a_jour", lambda: True)
    assert etape.on_config({"x": 1}) == {"x": 1}


def test_documentation_des_parametres():
    from diese.parametres import documentation

    html = documentation.tableau_parametres()
    for ident in tous():
        assert f"<code>{ident}</code>" in html
    assert "Sources en désaccord" in html and "Non vérifié" in html
    assert "<code>date_embauche</code>" in documentation.tableau_champs()
