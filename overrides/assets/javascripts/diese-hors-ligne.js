/* DIESE Guide — enregistre le service worker (sw.js, généré à la construction) pour que le site
   s’ouvre hors ligne après une première visite. La racine du site est déduite de l’adresse de ce
   script (assets/javascripts/), le site pouvant être publié sous un préfixe.
   Sa première installation télécharge la copie hors ligne du site (≈ 1,6 Mo) : elle attend que la
   page soit au repos et, sur une page de simulateur, que le moteur de calcul ait démarré (ou
   échoué), pour ne pas lui disputer le réseau. */
(() => {
  "use strict";
  if (!("serviceWorker" in navigator) || !document.currentScript) return;
  const racine = new URL("../../", document.currentScript.src);
  const ATTENTE_MAX_MS = 120000; // a simulator that never answers does not hold the site back
  let fait = false;

  const enregistrer = () => {
    if (fait) return;
    fait = true;
    navigator.serviceWorker
      .register(new URL("sw.js", racine), { scope: racine.pathname })
      .catch(() => { /* site servi sans HTTPS ou navigation privée : il reste utilisable en ligne */ });
  };
  const auRepos = () => {
    if ("requestIdleCallback" in window) requestIdleCallback(enregistrer, { timeout: 5000 });
    else setTimeout(enregistrer, 1000);
  };
  const apresChargement = () => {
    // Already installed: registering again only checks for an update, nothing to wait for.
    if (navigator.serviceWorker.controller || !document.querySelector(".diese-simulateur[data-commande]")) {
      auRepos();
      return;
    }
    const etat = window.dieseSimulateurs && window.dieseSimulateurs.etat;
    if (etat === "pret" || etat === "echec") {
      auRepos();
      return;
    }
    window.addEventListener("diese-moteur", auRepos, { once: true });
    setTimeout(auRepos, ATTENTE_MAX_MS);
  };
  if (document.readyState === "complete") apresChargement();
  else window.addEventListener("load", apresChargement, { once: true });
})();
