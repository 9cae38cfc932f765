import pytest

pytestmark = pytest.mark.browser


def test_accueil_en_francais(page) -> None:
    page.goto("")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.erreurs_js == []
