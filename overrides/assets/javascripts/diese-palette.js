// The light/dark switch, in place of Material's palette (diese.site.chargement says why): same
// choice, stored as Material stores it, but nothing restyled unless something changed.
(() => {
  const formulaire = document.querySelector("form[data-diese-palette]");
  if (!formulaire || typeof __md_get !== "function") return;
  const entrees = [...formulaire.querySelectorAll("input")];
  if (entrees.length === 0) return;
  const CLES = ["media", "scheme", "primary", "accent"];
  const corps = document.body;

  // Read once the page is drawn (no style computed for it alone). Without the color-scheme tag
  // a page is light: none written for that, since each change of it restyles the whole page.
  function metas() {
    const style = getComputedStyle(document.querySelector("[data-md-component=header]"));
    const teinte = "#" + style.backgroundColor.match(/\d+/g).slice(0, 3)
      .map((v) => (+v).toString(16).padStart(2, "0")).join("");
    ecrireMeta("theme-color", teinte);
    if (document.head.querySelector("meta[name=color-scheme]") || style.colorScheme !== "light") {
      ecrireMeta("color-scheme", style.colorScheme);
    }
  }

  function ecrireMeta(nom, valeur) {
    let meta = document.head.querySelector(`meta[name="${nom}"]`);
    if (!meta) meta = document.head.appendChild(Object.assign(document.createElement("meta"),
      { name: nom }));
    if (meta.content !== valeur) meta.content = valeur;
  }

  function appliquer(index) {
    const couleurs = {};
    for (const cle of CLES) couleurs[cle] = entrees[index].getAttribute(`data-md-color-${cle}`);
    const differentes = CLES.filter((c) => corps.getAttribute(`data-md-color-${c}`) !== couleurs[c]);
    if (differentes.length) corps.setAttribute("data-md-color-switching", ""); // no transitions
    for (const cle of differentes) corps.setAttribute(`data-md-color-${cle}`, couleurs[cle]);
    entrees.forEach((entree, i) => {
      const etiquette = entree.nextElementSibling; // the button to the next palette
      if (etiquette instanceof HTMLElement && etiquette.hidden !== (i !== index)) {
        etiquette.hidden = i !== index;
      }
    });
    __md_set("__palette", { index, color: couleurs });
    requestAnimationFrame(() => setTimeout(() => {
      corps.removeAttribute("data-md-color-switching");
      metas();
    }, 0));
  }

  // As Material: the stored choice, or else the first whose media query (system setting) holds.
  const memorise = __md_get("__palette");
  let courant = memorise && Number.isInteger(memorise.index) ? memorise.index
    : entrees.findIndex((e) => matchMedia(e.getAttribute("data-md-color-media")).matches);
  courant = Math.max(0, Math.min(courant, entrees.length - 1));
  appliquer(courant);
  entrees.forEach((entree, i) => entree.addEventListener("change", () => {
    courant = i;
    appliquer(i);
  }));
  // Enter on the switch moves to the next palette, as with Material (Space works natively).
  formulaire.addEventListener("keydown", (evenement) => {
    if (evenement.key !== "Enter") return;
    evenement.preventDefault();
    const suivant = (courant + 1) % entrees.length;
    entrees[suivant].click();
    entrees[suivant].focus();
  });
})();
