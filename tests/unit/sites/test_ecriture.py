"""--ecrire edits only the status and verification of the entries concerned: comments, order,
quoting and every other entry survive a round trip through the real data file."""

from __future__ import annotations

import shutil

import yaml
from diese.contenu.sites import FICHIER, charger_sites
from diese.liens.ecriture import MiseAJour, appliquer


def test_aller_retour_sur_le_vrai_fichier(tmp_path) -> None:
    copie = tmp_path / "sites.yml"
    shutil.copy(FICHIER, copie)
    avant_texte = copie.read_text(encoding="utf-8")
    avant = yaml.safe_load(avant_texte)

    detail = "répond (HEAD http://www.anpe.fr : 301 → HEAD https://www.francetravail.fr/ : 200) "
    detail *= 2
    mises_a_jour = [
        MiseAJour("anpe", "déplacé", "2027-01-15", "automatique", detail),
        MiseAJour("handijob", "disparu", "2027-01-15", "automatique", "domaine introuvable"),
        MiseAJour(
            "diese-net-guide-tuteur", "disparu", "2027-01-15", "automatique", "connexion refusée"
        ),
    ]
    apres_texte = appliquer(avant_texte, mises_a_jour)
    copie.write_text(apres_texte, encoding="utf-8")

    sites = {s.id: s for s in charger_sites(copie)}  # still valid data
    assert sites["anpe"].verification.date == "2027-01-15"
    assert sites["anpe"].verification.methode == "automatique"
    assert sites["anpe"].verification.detail == detail.strip()
    assert sites["handijob"].statut == "disparu"
    assert sites["diese-net-guide-tuteur"].verification.detail == "connexion refusée"

    apres = yaml.safe_load(apres_texte)
    touches = {m.site for m in mises_a_jour}
    for brut_avant, brut_apres in zip(avant["sites"], apres["sites"], strict=True):
        if brut_avant["id"] in touches:
            for cle in set(brut_avant) - {"statut", "verification"}:
                assert brut_avant[cle] == brut_apres[cle]
        else:
            assert brut_avant == brut_apres

    commentaires = [ligne for ligne in avant_texte.splitlines() if ligne.lstrip().startswith("#")]
    assert commentaires == [
        ligne for ligne in apres_texte.splitlines() if ligne.lstrip().startswith("#")
    ]
    # Untouched entries are byte for byte identical.
    assert avant_texte.split("- id: agefiph")[1].split("- id: anpe")[0] in apres_texte


def test_sans_changement_le_texte_est_identique() -> None:
    texte = FICHIER.read_text(encoding="utf-8")
    assert appliquer(texte, []) == texte
