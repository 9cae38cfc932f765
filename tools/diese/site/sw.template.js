/* DIESE Guide — service worker, généré à chaque construction du site (diese.site.hors_ligne).
   Pages : réseau d'abord (contenu frais), cache si le réseau manque ou traîne.
   Fichiers (CSS, JS, images, index de recherche) : cache d'abord, rafraîchi en arrière-plan.
   Moteur des simulateurs (runtime Pyodide, wheel, instantané) : gardé dans son propre cache, nommé
   d'après son contenu, la première fois qu'un simulateur démarre (message « garder-moteur » de la
   page) ; servi ensuite depuis ce cache, ce qui permet de simuler hors ligne.
   Installation entière ou rien : un fichier absent du déploiement (404) est laissé de côté, une
   panne réseau fait échouer l'installation et efface le cache commencé ; l'ancienne version reste
   alors active, complète. Les CSS/JS du site portent l'empreinte de leur contenu dans leur nom :
   une page nouvelle ne reçoit jamais une feuille de style ancienne. */
"use strict";

const CACHE = __CACHE__;
const MOTEUR = __MOTEUR__;
const PREFIXE = "diese-";
const FICHIERS = __FICHIERS__;
const FICHIERS_MOTEUR = __FICHIERS_MOTEUR__;
const DELAI_RESEAU_MS = 4000;
const DU_MOTEUR = /(^|\/)assets\/(pyodide|wheels)\//;

const portee = () => self.registration.scope;
const hors_portee = (url) => url.origin !== self.location.origin || !url.href.startsWith(portee());
const urlsMoteur = () => new Set(FICHIERS_MOTEUR.map((f) => new URL(f, portee()).href));

async function precharger() {
  const cache = await caches.open(CACHE);
  const absents = [];
  try {
    await Promise.all(FICHIERS.map(async (fichier) => {
      // Revalidated with the server (never a stale copy from the HTTP cache), at low priority:
      // a simulator starting on the same page comes first.
      const requete = new Request(new URL(fichier, portee()), { cache: "no-cache", priority: "low" });
      const reponse = await fetch(requete);
      if (reponse.status === 404 || reponse.status === 410) {
        absents.push(fichier); // missing from this deploy: the site works without its copy
        return;
      }
      if (!reponse.ok) throw new Error(`${fichier} : ${reponse.status}`);
      await cache.put(requete, reponse);
    }));
    if (absents.includes("./") || absents.length === FICHIERS.length) {
      throw new Error("déploiement incomplet : la page d'accueil manque");
    }
  } catch (erreur) {
    await caches.delete(CACHE); // never a half cache: the previous version stays in charge
    throw erreur;
  }
}

self.addEventListener("install", (evenement) => {
  evenement.waitUntil(precharger().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (evenement) => {
  evenement.waitUntil(
    caches.keys()
      .then((cles) => Promise.all(
        cles.filter((c) => c.startsWith(PREFIXE) && c !== CACHE && c !== MOTEUR)
          .map((c) => caches.delete(c))))
      .then(() => self.clients.claim()),
  );
});

// The page says its simulator reached `pret`: keep the engine's files (from the HTTP cache, which
// just received them) so that the next start, online or not, needs no network.
async function garderMoteur() {
  const cache = await caches.open(MOTEUR);
  for (const url of urlsMoteur()) {
    if (await cache.match(url)) continue;
    try {
      const reponse = await fetch(url);
      if (reponse.ok) await cache.put(url, reponse);
    } catch (erreur) {
      return; // network gone: the next start completes the copy
    }
  }
}

self.addEventListener("message", (evenement) => {
  if (evenement.data && evenement.data.type === "garder-moteur") {
    evenement.waitUntil(garderMoteur());
  }
});

async function moteurDAbord(evenement) {
  const requete = evenement.request;
  const url = cle(requete);
  const cache = await caches.open(MOTEUR);
  const enCache = await cache.match(url);
  if (enCache) return enCache;
  const reponse = await fetch(requete);
  // Each file kept as soon as it has fully arrived: a start cut short is not downloaded twice.
  if (reponse.ok && reponse.type === "basic" && urlsMoteur().has(url)) {
    // Still inside respondWith: the worker may extend its life until the copy is written.
    evenement.waitUntil(cache.put(url, reponse.clone()).catch(() => undefined));
  }
  return reponse;
}

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
  if (DU_MOTEUR.test(url.pathname)) {
    evenement.respondWith(moteurDAbord(evenement));
    return;
  }
  // La navigation instantanée de Material charge les pages par fetch() : même traitement.
  if (requete.mode === "navigate" || /(\/|\.html)$/.test(url.pathname)) {
    evenement.respondWith(reseauDAbord(evenement));
  } else {
    evenement.respondWith(cacheDAbord(evenement));
  }
});
