// The light/dark switch in the header, in place of Material's palette component (the build hands
// the form to this script: diese.site.chargement). Same behaviour, same stored choice
// (`__palette`, read by Material's inline script before the first paint of every page), but the
// page's style is recomputed only when something changes: Material restyled the whole page twice
// at every page load, re-marking <body> and rewriting <meta name="color-scheme"> even when they
// already said the same thing (Blink restyles the whole document at each change of that tag).
(() => {
  const formulaire = document.querySelector("form[data-diese-palette]");
  if (!formulaire || typeof __md_get !== "function") return;
  const entrees = [...formulaire.querySelectorAll("input")];
  if (entrees.length === 0) return;
  const CLES = ["media", "scheme", "primary", "accent"];

  function couleurs(entree) {
    const c = {};
    for (const cle of CLES) c[cle] = entree.getAttribute(`data-md-color-${cle}`);
    // "Automatic" palette: the system's choice, through the light or dark entry.
    if (c.media === "(prefers-color-scheme)") {
      const clair = matchMedia("(prefers-color-scheme: light)").matches;
      const suivie = formulaire.querySelector(
        `[data-md-color-media='(prefers-color-scheme: ${clair ? "light" : "dark"})']`);
      if (suivie) for (const cle of CLES.slice(1)) c[cle] = suivie.getAttribute(`data-md-color-${cle}`);
    }
    return c;
  }

  // The two tags the browser reads for its own colours (address bar, scroll bars, controls),
  // from the header as it is drawn, once the page is laid out: no style computed for them alone.
  function metas() {
    const style = getComputedStyle(document.querySelector("[data-md-component=header]"));
    const teinte = "#" + style.backgroundColor.match(/\d+/g).slice(0, 3)
      .map((v) => (+v).toString(16).padStart(2, "0")).join("");
    ecrireMeta("theme-color", teinte, false);
    ecrireMeta("color-scheme", style.colorScheme, true);
  }

  function ecrireMeta(nom, valeur, claireParDefaut) {
    let meta = document.head.querySelector(`meta[name="${nom}"]`);
    if (meta && meta.content === valeur) return;
    // Without the tag a page is drawn light: no tag needed (nor any restyling) for that value.
    if (!meta && claireParDefaut && (valeur === "light" || valeur === "normal")) return;
    if (!meta) {
      meta = document.createElement("meta");
      meta.name = nom;
      document.head.appendChild(meta);
    }
    meta.content = valeur;
  }

  function apresLeDessin(action) {
    requestAnimationFrame(() => setTimeout(action, 0));
  }

  function appliquer(index) {
    const c = couleurs(entrees[index]);
    const corps = document.body;
    const change = CLES.some((cle) => corps.getAttribute(`data-md-color-${cle}`) !== c[cle]);
    if (change) corps.setAttribute("data-md-color-switching", ""); // no transitions meanwhile
    for (const cle of CLES) {
      if (corps.getAttribute(`data-md-color-${cle}`) !== c[cle]) {
        corps.setAttribute(`data-md-color-${cle}`, c[cle]);
      }
    }
    entrees.forEach((entree, i) => {
      const etiquette = entree.nextElementSibling;
      if (etiquette instanceof HTMLElement && etiquette.hidden !== (i !== index)) {
        etiquette.hidden = i !== index;
      }
    });
    __md_set("__palette", { index, color: c });
    apresLeDessin(() => {
      if (change) corps.removeAttribute("data-md-color-switching");
      metas();
    });
  }

  function indexCourant() {
    const memorise = __md_get("__palette");
    const index = memorise && Number.isInteger(memorise.index)
      ? memorise.index
      : entrees.findIndex((e) => matchMedia(e.getAttribute("data-md-color-media")).matches);
    return Math.max(0, Math.min(index, entrees.length - 1));
  }

  let courant = indexCourant();
  appliquer(courant);
  entrees.forEach((entree, i) => entree.addEventListener("change", () => {
    courant = i;
    appliquer(i);
  }));
  // Enter on the switch moves to the next palette, as Material does (Space works natively).
  formulaire.addEventListener("keydown", (evenement) => {
    if (evenement.key !== "Enter") return;
    evenement.preventDefault();
    const suivant = (courant + 1) % entrees.length;
    entrees[suivant].click();
    entrees[suivant].focus();
  });
  // The system switched light/dark: an automatic palette follows it.
  matchMedia("(prefers-color-scheme: light)").addEventListener("change", () => appliquer(courant));
})();
