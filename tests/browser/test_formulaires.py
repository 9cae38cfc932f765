"""Forms in the browser: accessible (axe), filled, kept as a draft on this device only, emptied,
printed without the screen-only parts."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PAGES = (
    "ressources/formulaires/",
    "ressources/formulaires/fiche-accueil/",
    "ressources/formulaires/fiche-suivi-apprenti/",
    "ressources/formulaires/fiche-suivi-entreprise/",
    "ressources/formulaires/questionnaire-etat-des-lieux/",
)


# The theme's own chrome (tabs, progress bar) is checked by the site-wide tests: here, the content.
def test_pages_des_formulaires_sans_violation_axe(page, axe) -> None:
    for chemin in PAGES:
        page.goto(chemin)
        assert axe(page, ".md-content") == [], chemin
    assert page.erreurs_js == []


def test_telechargements_servis(page) -> None:
    page.goto("ressources/formulaires/")
    liens = page.locator("a[href$='.pdf'], a[href$='.odt'], a[href$='.docx']")
    assert liens.count() == 15
    for n in range(liens.count()):
        url = liens.nth(n).evaluate("a => a.href")
        reponse = page.request.get(url)
        assert reponse.ok and len(reponse.body()) > 1000, url


def test_evaluation_remplir_retrouver_imprimer_vider(page, axe) -> None:
    page.goto("ressources/formulaires/evaluation-stage/")
    formulaire = page.locator("form[data-diese-formulaire='evaluation-stage']")
    assert formulaire.get_attribute("action") is None
    assert axe(page, ".md-content") == []

    page.get_by_label("Entreprise d’accueil").fill("Boulangerie Martin")
    page.get_by_label("Organisme de formation", exact=True).fill("Organisme X")
    page.locator("#f-evaluation-stage-comportement_ponctualite_note-4").check()
    page.get_by_role("group", name="Conseillez-vous à ce jeune").get_by_label("oui").check()
    page.get_by_label("Pourquoi ?").fill("Motivé.\nRégulier.")
    etat = page.locator(".diese-formulaire__etat")
    assert "Brouillon enregistré" in etat.inner_text()

    # The draft comes back after a reload, from this browser's storage only.
    page.reload()
    assert page.get_by_label("Entreprise d’accueil").input_value() == "Boulangerie Martin"
    assert page.locator("#f-evaluation-stage-comportement_ponctualite_note-4").is_checked()
    assert page.get_by_label("Pourquoi ?").input_value() == "Motivé.\nRégulier."
    assert "Brouillon retrouvé" in etat.inner_text()

    # Paper: the form and its answers, without the buttons and the notice.
    page.emulate_media(media="print")
    assert page.locator(".diese-formulaire__barre").is_hidden()
    assert page.locator(".diese-formulaire__note").is_hidden()
    assert page.locator("a[href$='.pdf']").first.is_hidden()
    assert page.get_by_label("Entreprise d’accueil").is_visible()
    assert page.locator(".diese-signature").count() == 3
    assert page.pdf(format="A4")[:5] == b"%PDF-"
    page.emulate_media(media="screen")

    page.once("dialog", lambda dialogue: dialogue.accept())
    page.get_by_role("button", name="Vider le formulaire").click()
    assert page.get_by_label("Entreprise d’accueil").input_value() == ""
    assert not page.locator("#f-evaluation-stage-comportement_ponctualite_note-4").is_checked()
    assert page.evaluate("localStorage.getItem('diese-formulaire:evaluation-stage')") is None
    assert page.erreurs_js == []
