"""Page start-up order: no main-thread task of a page load longer than 50 ms (issue 11).

Material's bundle, run by the parser at the end of <body>, started in one task of 60–130 ms on a
simulator page (2-core machine; Chromium trace and CPU profile). Beside its own code, about a
third of it compiled on the main thread as functions were first called, it recomputed the style
of the whole page several times, often its first layout too, because each of these changes
came just before a geometry read:
- <html class="no-js"> becomes "js", and its focus-visible polyfill marks <html>;
- instant navigation makes every relative URL absolute, the stylesheets' too (each is fetched and
  parsed again, every link restyled);
- the palette appends <meta name="color-scheme"> and then sets it: Blink restyles the whole
  document on each change of that tag, whatever its value (measured), and the palette reads the
  header's computed colours right after;
- the parser runs the bundle as soon as it arrives, often before the page was ever laid out.

So each page gets, at build:
1. at the end of <head>, before anything is styled, a small inline script: the classes and
   attribute Material would set on <html>, and the head's relative URLs made absolute the way
   Material does it (same test, same self-assignment), so it finds nothing left to change;
2. at the end of <body>, the same URL resolution for the body, inline, before the page's first
   complete frame;
3. the bundle and the site's scripts `defer`red (same order, still before DOMContentLoaded, which
   Material waits for): the parser finishes and the browser may lay the page out first;
4. the palette switch handed to `diese-palette.js` (deferred, before the bundle), which does what
   Material's palette does for a light and a dark theme (the "automatic" one is refused at
   build) but changes <body> and the two meta tags only when their value changes;
5. V8's compile hint on Material's bundle (`//# allFunctionsCalledOnLoad`): its functions are
   compiled while it downloads, off the main thread, not each at its first call.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from diese.site._ecriture import remplacer_texte

ORDRE = 65  # after the typography step has rewritten the page, before the CSP hashes its scripts

PALETTE = "diese-palette.js"
INDICE_COMPILATION = "//# allFunctionsCalledOnLoad\n"

# Material's instant navigation (`resolve` in integrations/instant), for the nodes of `racine`.
_RESOUDRE = (
    "for(const e of {racine}.querySelectorAll(\"[href],[src]\"))"
    "for(const k of[\"href\",\"src\"]){{const v=e.getAttribute(k);"
    "if(v&&!/^(?:[a-z]+:)?\\/\\//i.test(v)){{e[k]=e[k];break}}}}"
)
# What Material's bundle and its focus-visible polyfill set on <html> when they start.
SCRIPT_TETE = (
    "(()=>{const r=document.documentElement;r.classList.replace(\"no-js\",\"js\");"
    "r.classList.add(\"js-focus-visible\");r.setAttribute(\"data-js-focus-visible\",\"\");"
    + _RESOUDRE.format(racine="document.head") + "})()"
)
SCRIPT_CORPS = _RESOUDRE.format(racine="document.body")

# The bundle, then the extra_javascript tags MkDocs writes after it, up to the end of <body>.
SCRIPTS_FINAUX = re.compile(
    r'(?P<bundle><script src="(?P<dossier>[^"]*assets/javascripts/)bundle\.[0-9a-f]+\.min\.js">'
    r"</script>)(?P<suite>(?:\s*<script src=\"[^\"]+\"></script>)*)\s*</body>"
)
SRC = re.compile(r'<script src="([^"]+)"></script>')
FORMULAIRE_PALETTE = 'data-md-component="palette"'
PALETTE_AUTOMATIQUE = 'data-md-color-media="(prefers-color-scheme)"'


class PageNonReordonnable(ValueError):
    pass


def reordonner(html: str, page: str = "?") -> str:
    """The page with its start-up reordered (1–4 above)."""
    fin = SCRIPTS_FINAUX.search(html)
    if fin is None or "</head>" not in html:
        raise PageNonReordonnable(
            f"{page} : </head> ou les scripts de fin de page (bundle Material puis "
            "extra_javascript) sont introuvables ; le démarrage ne peut pas être réordonné."
        )
    scripts = SRC.findall(fin.group("bundle") + fin.group("suite"))
    if PALETTE_AUTOMATIQUE in html:
        raise PageNonReordonnable(
            f"{page} : palette « automatique » (media: \"(prefers-color-scheme)\") : "
            f"{PALETTE} ne la gère pas ; choisir un thème clair et un thème sombre dans mkdocs.yml."
        )
    if FORMULAIRE_PALETTE in html:
        scripts.insert(0, fin.group("dossier") + PALETTE)
    fin_du_corps = (
        f"<script>{SCRIPT_CORPS}</script>\n"
        + "".join(f'  <script defer src="{src}"></script>\n' for src in scripts)
        + "  </body>"
    )
    html = html[: fin.start()] + fin_du_corps + html[fin.end() :]
    html = html.replace(FORMULAIRE_PALETTE, "data-diese-palette", 1)
    return html.replace("</head>", f"<script>{SCRIPT_TETE}</script>\n  </head>", 1)


def on_post_page(output: str, page, **_) -> str:
    return reordonner(output, page.file.src_uri)


def indiquer_compilation(bundle: Path) -> bool:
    """Put V8's compile hint on top of Material's bundle (once) and shift its source map by the
    line added. Written to temporary copies, checked, then renamed."""
    texte = bundle.read_text(encoding="utf-8")
    if texte.startswith(INDICE_COMPILATION):
        return False
    carte = bundle.with_name(bundle.name + ".map")
    ecritures = [(bundle, INDICE_COMPILATION + texte)]
    if carte.exists():
        donnees = json.loads(carte.read_text(encoding="utf-8"))
        donnees["mappings"] = ";" + donnees["mappings"]  # one more generated line, unmapped
        ecritures.append((carte, json.dumps(donnees, ensure_ascii=False, separators=(",", ":"))))
    for cible, contenu in ecritures:
        remplacer_texte(cible, contenu)
    return True


def on_post_build(config, **_) -> None:
    for bundle in (Path(config["site_dir"]) / "assets" / "javascripts").glob("bundle.*.min.js"):
        indiquer_compilation(bundle)
