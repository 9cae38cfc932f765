"""The Content-Security-Policy meta tag: present on every page, strict for scripts, and covering
every inline script of the theme (hashes), so nothing needs 'unsafe-inline'."""

from __future__ import annotations

import re
from pathlib import Path

from diese.site import csp

EXTERNE = re.compile(r"""(?:src|href)=["'](?:https?:)?//(?!127\.0\.0\.1|localhost)""", re.I)


def test_empreintes_ignorent_json_et_scripts_externes() -> None:
    html = (
        '<script>a=1</script><script src="x.js"></script>'
        '<script id="__config" type="application/json">{"a":1}</script>'
    )
    assert len(csp.empreintes_scripts(html)) == 1


def test_politique_stricte() -> None:
    regle = csp.politique({"'sha256-abc'"}, webassembly=False)
    script_src = re.search(r"script-src ([^;]+)", regle).group(1)
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert "'wasm-unsafe-eval'" not in script_src
    assert "'wasm-unsafe-eval'" in csp.politique(set(), webassembly=True)
    assert "default-src 'self'" in regle and "object-src 'none'" in regle


def test_insertion_avant_tout_script() -> None:
    html = '<html><head><meta charset="utf-8"><script>a=1</script></head></html>'
    sortie = csp.inserer(html, "default-src 'self'")
    assert sortie.index("Content-Security-Policy") < sortie.index("<script>")
    assert csp.inserer(sortie, "x").count("Content-Security-Policy") == 1


def test_chaque_page_a_sa_csp_et_ses_scripts_en_ligne_sont_couverts(site_dir: Path) -> None:
    pages = sorted(site_dir.rglob("*.html"))
    assert pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        balises = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', html)
        assert len(balises) == 1, page
        script_src = re.search(r"script-src ([^;]+)", balises[0]).group(1)
        assert "'unsafe-inline'" not in script_src, page
        for empreinte in csp.empreintes_scripts(html):
            assert empreinte in script_src, (page, empreinte)
        assert not re.search(r"\son[a-z]+=\"", html.split("</head>", 1)[1]), (
            f"{page}: gestionnaire d'événement en ligne"
        )


def test_aucune_ressource_chargee_hors_du_site(site_dir: Path) -> None:
    """Scripts, styles, images, fonts, manifests: all from the site itself."""
    for fichier in sorted(site_dir.rglob("*.html")):
        html = fichier.read_text(encoding="utf-8")
        for balise in re.findall(r"<(?:script|link|img|source|iframe)\b[^>]*>", html):
            if "<link" in balise and re.search(r'rel="?(canonical|alternate)', balise):
                continue  # the canonical address is not a request
            assert not EXTERNE.search(balise), f"{fichier}: {balise}"
    for feuille in sorted(site_dir.rglob("*.css")):
        css = feuille.read_text(encoding="utf-8", errors="replace")
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", css), feuille
        assert "@import" not in css or "//" not in css, feuille
