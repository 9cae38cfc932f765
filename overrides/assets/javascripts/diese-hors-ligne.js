/* DIESE Guide — enregistre le service worker (sw.js, généré à la construction) pour que le site
   s’ouvre hors ligne après une première visite. La racine du site est déduite de l’adresse de ce
   script (assets/javascripts/), le site pouvant être publié sous un préfixe. */
(() => {
  "use strict";
  if (!("serviceWorker" in navigator) || !document.currentScript) return;
  const racine = new URL("../../", document.currentScript.src);
  const enregistrer = () => {
    navigator.serviceWorker
      .register(new URL("sw.js", racine), { scope: racine.pathname })
      .catch(() => { /* site servi sans HTTPS ou navigation privée : il reste utilisable en ligne */ });
  };
  if (document.readyState === "complete") enregistrer();
  else window.addEventListener("load", enregistrer, { once: true });
})();
