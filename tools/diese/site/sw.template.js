/* DIESE Guide — service worker, généré à chaque construction du site (diese.site.hors_ligne).
   Pages : réseau d'abord (contenu frais), cache si le réseau manque ou traîne.
   Fichiers (CSS, JS, images, index de recherche) : cache d'abord, rafraîchi en arrière-plan.
   Le runtime Pyodide et les wheels ne passent pas par ici (volumineux, gérés ailleurs). */
"use strict";

const CACHE = __CACHE__;
const PREFIXE = "diese-";
const FICHIERS = __FICHIERS__;
const DELAI_RESEAU_MS = 4000;
const EXCLUS = /(^|\/)assets\/pyodide\/|\.whl$/;

const portee = () => self.registration.scope;
const hors_portee = (url) =>
  url.origin !== self.location.origin || !url.href.startsWith(portee()) ||
  EXCLUS.test(url.pathname);

self.addEventListener("install", (evenement) => {
  evenement.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(
        FICHIERS.map((f) => new Request(new URL(f, portee()), { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (evenement) => {
  evenement.waitUntil(
    caches.keys()
      .then((cles) => Promise.all(
        cles.filter((c) => c.startsWith(PREFIXE) && c !== CACHE).map((c) => caches.delete(c))))
      .then(() => self.clients.claim()),
  );
});

function cle(requete) {
  const url = new URL(requete.url);
  url.search = "";
  url.hash = "";
  return url.href;
}

async function enregistrer(requete, reponse) {
  // Un ancien worker encore actif ne doit pas recréer le cache qu'une nouvelle version a supprimé.
  if (reponse && reponse.status === 200 && reponse.type === "basic" && await caches.has(CACHE)) {
    const cache = await caches.open(CACHE);
    await cache.put(cle(requete), reponse.clone());
  }
  return reponse;
}

function pageHorsLigne() {
  const corps = "<!doctype html><html lang=\"fr\"><meta charset=\"utf-8\">" +
    "<meta name=\"viewport\" content=\"width=device-width\"><title>Hors ligne — DIESE Guide</title>" +
    "<h1>Hors ligne</h1><p>Cette page n'a pas encore été enregistrée sur cet appareil. " +
    "Elle s'affichera dès que le réseau reviendra.</p>";
  return new Response(corps, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

async function reseauDAbord(evenement) {
  const requete = evenement.request;
  const reseau = fetch(requete).then((r) => enregistrer(requete, r));
  evenement.waitUntil(reseau.catch(() => undefined));
  const delai = new Promise((resoudre) => setTimeout(resoudre, DELAI_RESEAU_MS, null));
  try {
    const reponse = await Promise.race([reseau, delai]);
    if (reponse && reponse.status < 500) return reponse;
  } catch (erreur) {
    /* réseau absent : on se rabat sur le cache */
  }
  const enCache = await caches.match(cle(requete));
  if (enCache) return enCache;
  try {
    return await reseau;
  } catch (erreur) {
    return pageHorsLigne();
  }
}

async function cacheDAbord(evenement) {
  const requete = evenement.request;
  const enCache = await caches.match(cle(requete));
  const reseau = fetch(requete).then((r) => enregistrer(requete, r));
  if (enCache) {
    evenement.waitUntil(reseau.catch(() => undefined));
    return enCache;
  }
  return reseau;
}

self.addEventListener("fetch", (evenement) => {
  const requete = evenement.request;
  if (requete.method !== "GET") return;
  const url = new URL(requete.url);
  if (hors_portee(url)) return;
  // La navigation instantanée de Material charge les pages par fetch() : même traitement.
  if (requete.mode === "navigate" || /(\/|\.html)$/.test(url.pathname)) {
    evenement.respondWith(reseauDAbord(evenement));
  } else {
    evenement.respondWith(cacheDAbord(evenement));
  }
});
