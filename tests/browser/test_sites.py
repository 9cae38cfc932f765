"""Annex 1 (reference sites) and Outils de prospection in Chromium: filters work from the keyboard,
everything shows without JavaScript, axe finds nothing, and no dead 2005 address is a live link."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from diese.contenu.sites import charger_sites

pytestmark = pytest.mark.browser

ANNEXE = "guide/annexes/sites-references/"
RESSOURCES = "ressources/outils-prospection/"


def _visibles(page, selecteur: str) -> int:
    return page.locator(f"{selecteur}:visible").count()


def test_annexe_filtre_au_clavier_tri_et_axe(page, axe) -> None:
    sites = charger_sites()
    page.goto(ANNEXE)
    lignes = "tr[data-diese-element]"
    page.locator("form[data-diese-filtre='sites']:not([hidden])").wait_for()
    assert _visibles(page, lignes) == len(sites)
    compte = page.locator(".diese-filtre__compte")
    assert compte.inner_text() == f"{len(sites)} sites affichés sur {len(sites)}"

    # Keyboard only: focus « Tous » of the category group, arrow to the next category.
    page.locator("#sites-categorie-0").focus()
    page.keyboard.press("ArrowRight")
    premiere = page.locator("#sites-categorie-1")
    assert premiere.is_checked()
    categorie = premiere.get_attribute("value")
    attendus = sum(1 for s in sites if s.categorie == categorie)
    assert _visibles(page, lignes) == attendus
    assert compte.inner_text().startswith(f"{attendus} site")

    # Combine with a status that has no match in that category: the empty message shows.
    page.locator("#sites-statut-0").focus()
    statuts = {s.statut for s in sites if s.categorie == categorie}
    for _ in range(1, 5):
        page.keyboard.press("ArrowRight")
        slug = page.locator("fieldset[data-cle='statut'] input:checked").get_attribute("value")
        noms = {"actif": "actif", "deplace": "déplacé", "disparu": "disparu", "inconnu": "inconnu"}
        if noms[slug] not in statuts:
            assert _visibles(page, lignes) == 0
            assert page.locator("[data-diese-vide]").first.is_visible()
            break
    page.locator("#sites-statut-0").check()
    page.locator("#sites-categorie-0").check()
    assert _visibles(page, lignes) == len(sites)

    # Sort by status, keyboard again; then back to the guide's order.
    bouton = page.get_by_role("button", name="Statut")
    bouton.focus()
    page.keyboard.press("Enter")
    entete = page.locator("th[aria-sort]")
    assert entete.get_attribute("aria-sort") == "ascending"
    ordre = page.locator(lignes).evaluate_all("l => l.map(r => r.dataset.statut)")
    rangs = {"actif": 0, "deplace": 1, "disparu": 2, "inconnu": 3}
    assert [rangs[s] for s in ordre] == sorted(rangs[s] for s in ordre)
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    ids = page.locator(lignes).evaluate_all("l => l.map(r => r.id)")
    assert ids == [f"site-{s.id}" for s in sites]

    assert axe(page, "article") == []  # the theme's header is the lead's
    assert page.erreurs_js == []


def test_aucun_lien_vivant_vers_une_adresse_morte(page) -> None:
    page.goto(ANNEXE)
    for site in charger_sites():
        ligne = page.locator(f"#site-{site.id}")
        hrefs = ligne.locator("a[href]").evaluate_all("l => l.map(a => a.href)")
        archive = [h for h in hrefs if h.startswith("https://web.archive.org/web/2005/")]
        assert archive, site.id
        vivants = [h for h in hrefs if not h.startswith("https://web.archive.org/")]
        hote = urlparse(site.url_originale).hostname
        if site.statut != "actif":
            assert all(urlparse(h).hostname != hote for h in vivants), (site.id, vivants)
        # The page is typeset (no-break spaces before « : »): compare words, not spaces.
        assert " ".join(site.libelle.split()) in " ".join(ligne.inner_text().split())
        statut = ligne.locator(".diese-statut").inner_text()
        assert statut.strip().split(" ", 1)[1] in {"Actif", "Déplacé", "Disparu", "Non vérifié"}


def test_sans_javascript_tout_est_visible(navigateur, serveur) -> None:
    contexte = navigateur.new_context(base_url=serveur, java_script_enabled=False)
    hote = urlparse(serveur).netloc
    sorties: list[str] = []

    def garde(route) -> None:
        if urlparse(route.request.url).netloc == hote:
            route.continue_()
        else:
            sorties.append(route.request.url)
            route.abort()

    contexte.route("**/*", garde)
    page = contexte.new_page()
    try:
        page.goto(ANNEXE)
        assert _visibles(page, "tr[data-diese-element]") == len(charger_sites())
        assert not page.locator("form.diese-filtre").is_visible()
        assert "Mise à jour de la liste" in page.inner_text("article")
        page.goto(RESSOURCES)
        total = page.locator("li[data-diese-element]").count()
        assert total > 20 and _visibles(page, "li[data-diese-element]") == total
    finally:
        contexte.close()
    assert sorties == []


def test_ressources_filtre_par_theme(page, axe) -> None:
    page.goto(RESSOURCES)
    elements = "li[data-diese-element]"
    page.locator("form[data-diese-filtre='ressources']:not([hidden])").wait_for()
    total = page.locator(elements).count()
    logement = page.locator("fieldset[data-cle='theme'] input[value='logement']")
    logement.focus()
    page.keyboard.press("Space")
    assert logement.is_checked()
    attendus = page.locator(f"{elements}[data-theme~='logement']").count()
    assert 0 < attendus < total
    assert _visibles(page, elements) == attendus
    # Lists without housing say so instead of leaving an empty heading.
    assert page.locator("#liste-analyse-besoins [data-diese-vide]").is_visible()
    assert page.locator(".diese-filtre__compte").inner_text() == (
        f"{attendus} ressources affichées sur {total}"
    )
    assert axe(page, "article") == []  # the theme's header is the lead's
    assert page.erreurs_js == []
