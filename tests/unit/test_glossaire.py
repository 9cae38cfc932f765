"""Glossary data (docs/data/glossaire.yml): schema, tooltips, page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from diese.contenu.changements import charger_changements
from diese.contenu.glossaire import (
    FICHIER,
    abreviations_markdown,
    charger_glossaire,
    page_glossaire,
)
from diese.contenu.validation import ErreurDonnees

RACINE = Path(__file__).resolve().parents[2]
PAGES = RACINE / "docs"

# The terms the guide must explain (issue 2): acronyms and dated terms of the 2005 text.
ATTENDUS = {
    "RMI",
    "ANPE",
    "TRACE",
    "CIVIS",
    "PIC-Equal",
    "Equal",
    "FSE",
    "GRETA",
    "CFAS",
    "AFORMAC",
    "ASEA",
    "AGEFIPH",
    "ISO 9001",
    "ARL",
    "PEI",
    "CREAHI",
    "INSEE",
    "PME",
    "TPE",
    "contrat de qualification",
    "tuteur",
    "livret de formation",
    "convention de stage",
    "maître de stage",
    "mission locale",
    "Cap emploi",
    "EURODIA",
    "DIESE",
    "loi du 10 juillet 1987",
}


def ecrire(tmp_path: Path, donnees: dict) -> Path:
    fichier = tmp_path / "glossaire.yml"
    fichier.write_text(yaml.safe_dump(donnees, allow_unicode=True), encoding="utf-8")
    return fichier


def donnees_valides() -> dict:
    return yaml.safe_load(FICHIER.read_text(encoding="utf-8"))


def test_le_glossaire_couvre_les_termes_du_guide() -> None:
    termes = {t.terme for t in charger_glossaire()}
    assert ATTENDUS <= termes, ATTENDUS - termes
    assert len(termes) >= 35


def test_chaque_terme_remplace_est_date_et_source() -> None:
    for terme in charger_glossaire():
        if terme.aujourdhui:
            assert terme.depuis and terme.reference, terme.id
            assert terme.reference["url"].startswith("https://"), terme.id


def test_les_remplacements_attendus() -> None:
    par_terme = {t.terme: t for t in charger_glossaire()}
    assert "RSA" in par_terme["RMI"].aujourdhui and "2009" in par_terme["RMI"].depuis
    assert "France Travail" in par_terme["ANPE"].aujourdhui
    assert "2024" in par_terme["ANPE"].depuis
    assert "contrat d’engagement jeune" in par_terme["TRACE"].aujourdhui
    assert "professionnalisation" in par_terme["contrat de qualification"].aujourdhui


def _texte_des_pages() -> str:
    """Markdown of the pages plus what macros insert into them: the « ce qui a changé » notes
    and the structured content of docs/data (sites, resources, checklists, forms)."""
    pages = [p.read_text(encoding="utf-8") for p in PAGES.rglob("*.md")]
    notes = [c.texte for c in charger_changements().values()]
    donnees = [d.read_text(encoding="utf-8") for d in (PAGES / "data").rglob("*.yml")]
    return "\n".join(pages + notes + donnees)


def test_chaque_terme_apparait_tel_quel_dans_les_pages() -> None:
    """A tooltip only shows where the exact spelling occurs: a term written differently from
    the text would silently never get one. Every variant exists for the text, so each must
    occur; the term itself may be the glossary's canonical form if a variant occurs."""
    texte = _texte_des_pages()

    def present(ecriture: str) -> bool:
        return re.search(rf"(?<!\w){re.escape(ecriture)}(?!\w)", texte) is not None

    absentes = [
        ecriture
        for t in charger_glossaire()
        for ecriture in (t.variantes or t.ecritures())
        if not present(ecriture)
    ]
    absentes += [t.terme for t in charger_glossaire() if not any(map(present, t.ecritures()))]
    assert absentes == []


def test_aucun_terme_en_plusieurs_mots_coupe_par_un_retour_a_la_ligne() -> None:
    """`abbr` matches « contrats de qualification » with single spaces: a line break inside the
    term in the Markdown source would drop its tooltip."""
    coupes = []
    for page in PAGES.rglob("*.md"):
        texte = page.read_text(encoding="utf-8")
        for ecriture in (e for t in charger_glossaire() for e in t.ecritures() if " " in e):
            motif = r"(?<!\w)" + r"\s+".join(map(re.escape, ecriture.split())) + r"(?!\w)"
            coupes += [
                f"{page.relative_to(RACINE)} : {m.group(0)!r}"
                for m in re.finditer(motif, texte)
                if "\n" in m.group(0)
            ]
    assert coupes == []


def test_infobulle_en_phrases_sans_deux_points_enchaines() -> None:
    """« Développé — définition. Aujourd’hui : … »: never two colons in one sentence."""
    par_terme = {t.terme: t for t in charger_glossaire()}
    assert par_terme["ANPE"].resume().startswith(
        "Agence nationale pour l’emploi — service public de placement"
    )
    assert ". Aujourd’hui : Pôle emploi" in par_terme["ANPE"].resume()
    assert par_terme["TPE"].resume() == (
        "Très petites entreprises — entreprises de moins de 10 salariés"
        " (« microentreprises » pour l’Insee)."
    )
    enchaines = [
        phrase
        for t in par_terme.values()
        for phrase in re.split(r"(?<=[.;]) ", t.resume())
        if phrase.count(" : ") > 1
    ]
    assert enchaines == []


def test_abreviations_une_ligne_par_ecriture() -> None:
    termes = charger_glossaire()
    lignes = abreviations_markdown(termes).splitlines()
    assert len(lignes) == sum(len(t.ecritures()) for t in termes if t.infobulle)
    rmi = next(ligne for ligne in lignes if ligne.startswith("*[RMI]:"))
    assert "Revenu minimum d’insertion" in rmi and "RSA" in rmi
    assert all("\n" not in ligne and "]: " in ligne for ligne in lignes)


def test_page_alphabetique_avec_ancres() -> None:
    termes = charger_glossaire()
    page = page_glossaire(termes)
    ancres = re.findall(r'<dt id="([a-z0-9-]+)">', page)
    assert sorted(ancres) == sorted(t.id for t in termes)
    ordre = [t.terme for t in termes]
    affiches = re.findall(r"<dfn>([^<]+)</dfn>", page)
    assert len(affiches) == len(ordre)
    assert affiches.index("AFORMAC") < affiches.index("RMI") < affiches.index("tuteur")
    assert "## A" in page and "## T" in page


def test_page_echappe_les_donnees(tmp_path: Path) -> None:
    donnees = {"termes": [dict(donnees_valides()["termes"][0], definition="<script>x</script> ok")]}
    page = page_glossaire(charger_glossaire(ecrire(tmp_path, donnees)))
    assert "<script>" not in page and "&lt;script&gt;" in page


@pytest.mark.parametrize(
    ("modification", "champ"),
    [
        (lambda t: t.pop("definition"), "termes[0]"),
        (lambda t: t.update(categorie="inconnue"), "termes[0].categorie"),
        (lambda t: t.update(id="RMI majuscules"), "termes[0].id"),
        (lambda t: t.update(terme="RMI]"), "termes[0].terme"),
        (lambda t: t.update(aujourdhui="le RSA", depuis="2009", reference=None), "termes[0]"),
        (
            lambda t: t.update(reference={"titre": "Loi", "url": "http://x.fr"}),
            "termes[0].reference.url",
        ),
    ],
)
def test_une_entree_cassee_nomme_fichier_et_champ(tmp_path: Path, modification, champ) -> None:
    donnees = donnees_valides()
    entree = donnees["termes"][0]
    modification(entree)
    if entree.get("reference") is None:
        entree.pop("reference", None)
    fichier = ecrire(tmp_path, donnees)
    with pytest.raises(ErreurDonnees) as erreur:
        charger_glossaire(fichier)
    assert str(fichier) in str(erreur.value)
    assert f"champ {champ}" in str(erreur.value)


def test_identifiant_en_double(tmp_path: Path) -> None:
    donnees = donnees_valides()
    donnees["termes"].append(dict(donnees["termes"][0]))
    with pytest.raises(ErreurDonnees, match=r"champ \[\d+\]\.id .*déjà utilisé"):
        charger_glossaire(ecrire(tmp_path, donnees))
