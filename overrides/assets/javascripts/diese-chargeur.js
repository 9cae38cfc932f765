// Loads a feature's script only when a page needs it (the first such page of the visit), so
// that a reading page downloads none of them. Each feature then mounts itself, on this page and
// on every later one, through Material's document$ (it replays the current page to a late
// subscriber). Same-origin scripts only: the CSP's script-src 'self' covers them.
(() => {
  const ici = document.currentScript ? document.currentScript.src : location.href;
  const FONCTIONS = [
    [".diese-cl[data-diese-checklist], .diese-cl[data-diese-checklist-sommaire]", "diese-checklists.js"],
    ["form[data-diese-formulaire]", "diese-formulaires.js"],
    // Fichier d’entreprises : trois modules, exécutés dans cet ordre (async = false).
    ["[data-diese-fichier]", "diese-fichier-modele.js"],
    ["[data-diese-fichier]", "diese-fichier-stockage.js"],
    ["[data-diese-fichier]", "diese-fichier-vues.js"],
    [".diese-simulateur[data-commande]", "diese-simulateurs.js"],
    ["form[data-diese-filtre], .diese-sites__table", "diese-sites.js"],
  ];
  const charges = new Set();

  function charger() {
    for (const [selecteur, fichier] of FONCTIONS) {
      if (charges.has(fichier) || !document.querySelector(selecteur)) continue;
      charges.add(fichier);
      const script = document.createElement("script");
      script.src = new URL(fichier, ici).href;
      script.async = false;
      document.body.appendChild(script);
    }
  }

  if (typeof document$ !== "undefined") document$.subscribe(charger);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", charger);
  else charger();
})();
