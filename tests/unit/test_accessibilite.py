"""The theme's chrome repaired after rendering: the progress bar named and inside the banner,
the two copies of the table of contents named apart."""

from __future__ import annotations

from diese.site.accessibilite import on_post_page

PAGE = (
    '<body><header class="md-header" data-md-component="header"><nav>x</nav></header>'
    '<nav class="md-nav md-nav--secondary" aria-label="Table des matières">a</nav>'
    '<nav class="md-nav md-nav--secondary" aria-label="Table des matières">b</nav>'
    "<footer>f</footer>"
    '<div class="md-progress" data-md-component="progress" role="progressbar"></div></body>'
)


def test_barre_de_chargement_dans_l_entete_et_nommee() -> None:
    html = on_post_page(PAGE)
    assert html.count('class="md-progress"') == 1
    entete = html[html.index("<header") : html.index("</header>")]
    assert 'role="progressbar" aria-label="Chargement de la page"></div>' in entete
    assert html.endswith("<footer>f</footer></body>")


def test_deux_sommaires_deux_noms() -> None:
    html = on_post_page(PAGE)
    assert 'aria-label="Table des matières (menu principal)">a</nav>' in html
    assert 'aria-label="Table des matières">b</nav>' in html
    # One table of contents only (the home page): its name is kept.
    seul = PAGE.replace('<nav class="md-nav md-nav--secondary" aria-label="Table des matières">'
                        "b</nav>", "")
    assert 'aria-label="Table des matières">a</nav>' in on_post_page(seul)
    assert on_post_page(on_post_page(PAGE)) == on_post_page(PAGE)


def test_sous_menus_nommes_par_leur_titre() -> None:
    menu = (
        '<label class="md-nav__link" for="__nav_2" id="__nav_2_label"><span class="i"></span>'
        '</label><nav class="md-nav" data-md-level="1" aria-labelledby="__nav_2_label" '
        'aria-expanded="true">\n  <label class="md-nav__title" for="__nav_2">\n'
        '<span class="md-nav__icon"></span>\n  Le guide &amp; co\n</label><ul></ul></nav>'
    )
    html = on_post_page(menu)
    assert '<nav class="md-nav" data-md-level="1" aria-label="Le guide &amp; co" ' in html
    assert "aria-labelledby" not in html
