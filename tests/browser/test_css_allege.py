"""The stylesheets published without comments (diese.site.allegement) are, for Chromium's CSS
parser, the same rules as their sources: same selectors, same declarations, same order."""

from __future__ import annotations

import pytest
from diese.site import allegement
from diese.site.compression import RACINE

pytestmark = pytest.mark.browser

REGLES = """(css) => {
  const feuille = new CSSStyleSheet();
  feuille.replaceSync(css);
  const aplatir = (regles) => [...regles].flatMap((r) =>
    r.cssRules ? [r.cssText.split("{")[0], ...aplatir(r.cssRules)] : [r.cssText]);
  return aplatir(feuille.cssRules);
}"""


def test_memes_regles_pour_le_navigateur(page) -> None:
    sources = sorted((RACINE / "overrides/assets/stylesheets").glob("diese*.css"))
    assert len(sources) >= 5
    for source in sources:
        texte = source.read_text(encoding="utf-8")
        allege = allegement.sans_commentaires(texte, source.name)
        assert len(allege) < len(texte) and "/*" not in allege
        avant = page.evaluate(REGLES, texte)
        assert len(avant) > 10, source.name
        assert page.evaluate(REGLES, allege) == avant, source.name
