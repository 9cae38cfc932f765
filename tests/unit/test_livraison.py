"""Delivery of the built site: fingerprinted names for the site's CSS/JS, pre-compressed copies
for the host, and the simulators' engine listed for its own offline cache."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from pathlib import Path

import brotli
import pytest
from diese.site import compression, empreintes, hors_ligne


def _ecrire(racine: Path, fichiers: dict[str, str | bytes]) -> Path:
    for chemin, contenu in fichiers.items():
        cible = racine / chemin
        cible.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(contenu, bytes):
            cible.write_bytes(contenu)
        else:
            cible.write_text(contenu, encoding="utf-8")
    return racine


def _site(racine: Path) -> Path:
    return _ecrire(racine, {
        "index.html": '<link href="assets/stylesheets/diese.css">'
                      '<link href="assets/stylesheets/diese-sites.css">'
                      '<script src="assets/javascripts/diese-chargeur.js"></script>',
        "outils/a/index.html":
            '<div data-worker="../../assets/javascripts/diese-pyodide-worker.js">',
        "assets/stylesheets/diese.css": "body{}",
        "assets/stylesheets/diese-sites.css": ".sites{}",
        "assets/javascripts/diese-chargeur.js":
            'const F = ["diese-simulateurs.js", "diese-sites.js"];',
        "assets/javascripts/diese-simulateurs.js": "// simulateurs",
        "assets/javascripts/diese-sites.js": "// sites",
        "assets/javascripts/diese-pyodide-worker.js": 'import("../pyodide/pyodide.mjs");',
        "assets/javascripts/bundle.abcd1234.min.js": "// Material, named by the theme",
        "search/search_index.json": '{"texte": "diese.css"}',
    })


def test_empreintes_renomment_et_reecrivent_les_references(tmp_path) -> None:
    site = _site(tmp_path)
    noms = empreintes.empreinter(site)
    assert set(noms) == {"diese.css", "diese-sites.css", "diese-chargeur.js",
                         "diese-simulateurs.js", "diese-sites.js", "diese-pyodide-worker.js"}
    for ancien, nouveau in noms.items():
        assert re.fullmatch(rf"{re.escape(ancien.rsplit('.', 1)[0])}\.[0-9a-f]{{10}}\.\w+", nouveau)
        publie = next(site.glob(f"assets/*/{nouveau}"))
        # The name is the hash of the published content (references included).
        assert hashlib.sha256(publie.read_bytes()).hexdigest()[:10] == nouveau.split(".")[-2]
        assert not list(site.glob(f"assets/*/{ancien}"))
    accueil = (site / "index.html").read_text(encoding="utf-8")
    assert f'assets/stylesheets/{noms["diese.css"]}"' in accueil
    assert f'assets/stylesheets/{noms["diese-sites.css"]}"' in accueil
    assert f'assets/javascripts/{noms["diese-chargeur.js"]}"' in accueil
    chargeur = (site / "assets/javascripts" / noms["diese-chargeur.js"]).read_text("utf-8")
    assert f'"{noms["diese-simulateurs.js"]}"' in chargeur
    assert f'"{noms["diese-sites.js"]}"' in chargeur
    assert noms["diese-pyodide-worker.js"] in (site / "outils/a/index.html").read_text("utf-8")
    # Other files are left alone: the theme's bundle, and page text that quotes a name.
    assert (site / "assets/javascripts/bundle.abcd1234.min.js").exists()
    assert (site / "search/search_index.json").read_text("utf-8") == '{"texte": "diese.css"}'


def test_une_modification_change_le_nom_de_toute_la_chaine(tmp_path) -> None:
    avant = empreintes.empreinter(_site(tmp_path / "a"))
    site = _site(tmp_path / "b")
    (site / "assets/javascripts/diese-sites.js").write_text("// sites v2", encoding="utf-8")
    apres = empreintes.empreinter(site)
    assert apres["diese-sites.js"] != avant["diese-sites.js"]
    assert apres["diese-chargeur.js"] != avant["diese-chargeur.js"]  # it names diese-sites.js
    assert apres["diese-simulateurs.js"] == avant["diese-simulateurs.js"]
    assert apres["diese.css"] == avant["diese.css"]


def test_empreintes_refusent_une_boucle(tmp_path) -> None:
    site = _ecrire(tmp_path, {
        "assets/javascripts/diese-a.js": '"diese-b.js"',
        "assets/javascripts/diese-b.js": '"diese-a.js"',
    })
    with pytest.raises(RuntimeError, match="en boucle"):
        empreintes.empreinter(site)


def test_copies_compressees_lisibles_et_a_jour(tmp_path) -> None:
    gros = (b"Python " * 4000) + bytes(range(256)) * 40
    site = _ecrire(tmp_path / "site", {
        "assets/pyodide/pyodide.asm.wasm": gros,
        "assets/wheels/diese.instantane": gros[::-1],
        "assets/petit.js": "court",
        "document.pdf": gros,
        "assets/wheels/ancien.instantane.br": b"vieux",
    })
    cache = tmp_path / "cache"
    compression.compresser(site, cache)
    for nom, donnees in (("assets/pyodide/pyodide.asm.wasm", gros),
                         ("assets/wheels/diese.instantane", gros[::-1])):
        assert brotli.decompress((site / f"{nom}.br").read_bytes()) == donnees
        assert gzip.decompress((site / f"{nom}.gz").read_bytes()) == donnees
    assert not (site / "assets/petit.js.br").exists()  # too small to be worth it
    assert not (site / "document.pdf.br").exists()  # not a compressible type
    assert not (site / "assets/wheels/ancien.instantane.br").exists()  # its file is gone
    # Cached by content: a second build reads the cache instead of compressing again.
    assert len(list(cache.iterdir())) == 4
    (site / "assets/pyodide/pyodide.asm.wasm.br").unlink()
    compression.compresser(site, cache)
    assert brotli.decompress((site / "assets/pyodide/pyodide.asm.wasm.br").read_bytes()) == gros


def test_le_moteur_a_son_propre_cache_nomme_par_son_contenu(tmp_path) -> None:
    site = _ecrire(tmp_path, {
        "index.html": "accueil",
        "assets/pyodide/pyodide.asm.wasm": "wasm",  # a normal start's only: not kept offline
        "assets/pyodide/pyodide.asm.sans-donnees.wasm": "wasm sans données",
        "assets/pyodide/pyodide.asm.sans-donnees.wasm.br": "br",
        "assets/wheels/diese-0.1.0+abc-py3-none-any.whl": "roue",
        "assets/wheels/diese-0.1.0+abc-py3-none-any.instantane": "instantané",
        "assets/wheels/diese-0.1.0+abc-py3-none-any.instantane.gz": "gz",
    })
    urls, version = hors_ligne.inventaire_moteur(site)
    assert urls == ["assets/pyodide/pyodide.asm.sans-donnees.wasm",
                    "assets/wheels/diese-0.1.0+abc-py3-none-any.instantane",
                    "assets/wheels/diese-0.1.0+abc-py3-none-any.whl"]
    config = {"site_dir": str(site), "site_name": "DIESE Guide", "site_description": ""}
    hors_ligne.on_post_build(config)
    sw = (site / "sw.js").read_text(encoding="utf-8")
    assert f'const MOTEUR = "diese-moteur-{version}";' in sw
    assert json.loads(re.search(r"const FICHIERS_MOTEUR = (\[.*?\]);", sw, re.S)[1]) == urls
    assert "__" not in re.sub(r"__proto__", "", sw)  # every placeholder replaced
    # A content-only rebuild keeps the engine's cache; a new engine gets a new one.
    (site / "index.html").write_text("accueil v2", encoding="utf-8")
    assert hors_ligne.inventaire_moteur(site)[1] == version
    (site / "assets/pyodide/pyodide.asm.sans-donnees.wasm").write_text("v2", encoding="utf-8")
    assert hors_ligne.inventaire_moteur(site)[1] != version


def test_bibliotheque_standard_reduite_aux_modules_utiles(tmp_path) -> None:
    import zipfile

    from diese.site import pyodide

    complete = tmp_path / "complete.zip"
    with zipfile.ZipFile(complete, "w") as archive:
        for nom in ("json/__init__.py", "json/decoder.py", "email/__init__.py", "email/header.py",
                    "decimal.py", "_strptime.py", "encodings/__init__.py", "encodings/utf_8.py",
                    "encodings/cp1252.py", "encodings/koi8_r.py", "tkinter/__init__.py"):
            archive.writestr(nom, f"# {nom}\n" * 50, compress_type=zipfile.ZIP_DEFLATED)
    moteur = tmp_path / "moteur.py"
    moteur.write_text("import json\n\ndef f():\n    from decimal import Decimal\n", "utf-8")
    charges = ["/lib/python314.zip/json/decoder.py", "/lib/python314.zip/encodings/utf_8.py",
               "/lib/python3.14/site-packages/diese/__init__.py", ""]
    cible = tmp_path / "python_stdlib.zip"
    gardes = pyodide.ecrire_stdlib_reduite(complete, cible, charges, [moteur])
    assert gardes == ["_strptime.py", "decimal.py", "encodings/__init__.py", "encodings/cp1252.py",
                      "encodings/utf_8.py", "json/__init__.py", "json/decoder.py"]
    with zipfile.ZipFile(cible) as archive:
        assert archive.namelist() == gardes
        assert {i.compress_type for i in archive.infolist()} == {zipfile.ZIP_STORED}
        assert archive.read("decimal.py") == b"# decimal.py\n" * 50
