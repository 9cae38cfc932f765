"""The site's stylesheets are published without comments (diese.site.allegement): strings kept
as they are, every rule kept, and a file the step cannot read stops the build with its name."""

from __future__ import annotations

import pytest
from diese.site import allegement

CSS = """/* En-tête : pourquoi cette règle. */
.a { content: "/* pas un commentaire */"; }

  /* plusieurs
     lignes */
.b::after { content: '\\'*/'; color: red; } /* fin de ligne */
@media print {
  .c { display: none; }
}
"""


def test_commentaires_retires_chaines_gardees() -> None:
    allege = allegement.sans_commentaires(CSS)
    assert allege == (
        '.a { content: "/* pas un commentaire */"; }\n'
        ".b::after { content: '\\'*/'; color: red; }\n"
        "@media print {\n.c { display: none; }\n}\n"
    )


@pytest.mark.parametrize("css", ["/* sans fin", '.a { content: "sans fin; }'])
def test_css_illisible_nomme_le_fichier(css) -> None:
    with pytest.raises(allegement.CssIllisible, match="diese-x.css"):
        allegement.sans_commentaires(css, "diese-x.css")
