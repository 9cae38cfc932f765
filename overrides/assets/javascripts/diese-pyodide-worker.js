// Web Worker (module) running the DIESE engine in Pyodide, self-hosted under assets/pyodide/.
// Started once per visit by diese-simulateurs.js. Only the runtime files, the engine wheel and its
// memory snapshot are fetched: no loadPackage, no micropip, no CDN.
// The snapshot (made at build time with this very wheel imported) restores Python in a fraction
// of the time a normal start takes; if it cannot be used, Pyodide starts the normal way.
// Every download starts at once, in parallel, and reports its bytes to the page (a progress bar,
// and a start-up timeout that judges progress rather than elapsed time). The host sends the big
// files brotli- or gzip-compressed (Content-Encoding): the browser inflates them natively.

const INDEX = new URL("../pyodide/", import.meta.url).href;
// Uncompressed sizes of the files fetched at start-up, written here by the build
// (diese.site.pyodide): the progress bar's total. Empty in the sources: bytes without a total.
const TAILLES = {};
// The memory range [start, end) that Pyodide's data segments fill, written by the build with the
// module without them (pyodide.asm.sans-donnees.wasm): a start from the snapshot downloads that
// module and fills the range from the snapshot. Null in the sources: the original module.
const PLAGE_DONNEES = null;
const WASM = "pyodide.asm.wasm";
const WASM_SANS_DONNEES = "pyodide.asm.sans-donnees.wasm";
const fetchNatif = self.fetch.bind(self);
const prefetches = new Map();
let repondre = null;
let echauffement = null; // the page's situation, computed once before its first real request
let imageSansDonnees = null; // while Pyodide instantiates the module without data: the snapshot
let recus = 0;
let dernierEnvoi = 0;

function envoyer(message) {
  self.postMessage(message);
}

function total() {
  return Object.values(TAILLES).reduce((somme, n) => somme + n, 0);
}

function signalerOctets(forcer) {
  const maintenant = performance.now();
  if (!forcer && maintenant - dernierEnvoi < 250) return;
  dernierEnvoi = maintenant;
  envoyer({ type: "octets", recus, total: total() });
}

// The response's body counted as it arrives (inflated bytes, what TAILLES counts too).
async function compte(promesse) {
  const reponse = await promesse;
  if (!reponse.ok || !reponse.body) return reponse;
  const compteur = new TransformStream({
    transform(morceau, controleur) {
      recus += morceau.byteLength;
      signalerOctets(false);
      controleur.enqueue(morceau);
    },
    flush() {
      signalerOctets(true); // a file complete: the page knows at once when all bytes are in
    },
  });
  return new Response(reponse.body.pipeThrough(compteur), {
    status: reponse.status,
    statusText: reponse.statusText,
    headers: reponse.headers,
  });
}

// A file the engine's offline copy holds (Cache Storage, written by the service worker after a
// first start) is read from there directly, without a round trip through the service worker.
async function depuisLeCache(cle) {
  try {
    return (self.caches && (await caches.match(cle))) || null;
  } catch (erreur) {
    return null; // storage unavailable (private mode, quota): the network then
  }
}

function telecharger(url) {
  const cle = new URL(url, INDEX).href;
  if (!prefetches.has(cle)) {
    prefetches.set(cle, depuisLeCache(cle).then((garde) => compte(garde || fetchNatif(cle))));
  }
  return prefetches.get(cle);
}

// Pyodide fetches its files with the global fetch: each is answered by the download already
// under way (once: a second fetch of the same file goes to the network as usual). Starting from
// the snapshot, its module is the one without data segments.
self.fetch = (ressource, options) => {
  const url = typeof ressource === "string" || ressource instanceof URL ? String(ressource) : ressource.url;
  let cle = new URL(url, self.location.href).href;
  if (imageSansDonnees && cle === new URL(WASM, INDEX).href) cle = new URL(WASM_SANS_DONNEES, INDEX).href;
  if (prefetches.has(cle) && !options?.method) {
    const reponse = prefetches.get(cle);
    prefetches.delete(cle);
    return reponse;
  }
  return compte(fetchNatif(ressource, options));
};

async function lireInstantane(url) {
  const reponse = await telecharger(url);
  if (!reponse.ok || !reponse.body) throw new Error(`instantané introuvable (${reponse.status})`);
  return horsCreux(new Uint8Array(await reponse.arrayBuffer()));
}

// Rebuilds the memory image from the build's sparse format (see instantane.mjs): header
// "DIS1", total length, run count, (offset, length) per run, then the runs' bytes.
function horsCreux(creux) {
  const vue = new DataView(creux.buffer, creux.byteOffset, creux.byteLength);
  if (vue.getUint32(0, false) !== 0x44495331) throw new Error("instantané illisible");
  const memoire = new Uint8Array(vue.getUint32(4, true));
  const plages = vue.getUint32(8, true);
  let position = 12 + 8 * plages;
  for (let rang = 0; rang < plages; rang++) {
    const debut = vue.getUint32(12 + 8 * rang, true);
    const longueur = vue.getUint32(16 + 8 * rang, true);
    memoire.set(creux.subarray(position, position + longueur), debut);
    position += longueur;
  }
  return memoire;
}

// The snapshot's bytes for the data region, copied into the new module's memory before the
// runtime's constructors run (they read static data). Pyodide then restores the whole memory.
// The snapshot starts with Pyodide's header, whose length is its second 32-bit word.
function copierDonnees(memoire, image, [debut, fin]) {
  const entete = new Uint32Array(image.buffer, image.byteOffset, 2)[1];
  new Uint8Array(memoire.buffer).set(image.subarray(entete + debut, entete + fin), debut);
}

for (const nom of ["instantiateStreaming", "instantiate"]) {
  const original = WebAssembly[nom].bind(WebAssembly);
  WebAssembly[nom] = async (source, imports) => {
    const resultat = await original(source, imports);
    const instance = resultat.instance || resultat;
    const memoire = instance.exports && instance.exports.memory;
    if (imageSansDonnees && memoire instanceof WebAssembly.Memory) {
      copierDonnees(memoire, await imageSansDonnees, PLAGE_DONNEES);
      imageSansDonnees = null;
    }
    return resultat;
  };
}

async function lancerPython(loadPyodide, urlInstantane, urlComplement, etapes) {
  const options = { indexURL: INDEX, packages: [], stdout: () => {}, stderr: () => {} };
  try {
    const instantane = lireInstantane(urlInstantane);
    instantane.catch(() => {}); // awaited by Pyodide below
    if (PLAGE_DONNEES) imageSansDonnees = instantane;
    // Restored, Python has its start-up modules in memory: it mounts only the standard library
    // files it may still import (the build's complement zip), not the whole reduced library.
    const pyodide = await loadPyodide({
      ...options, stdLibURL: urlComplement, _loadSnapshot: instantane,
    });
    etapes.instantane = true;
    return pyodide;
  } catch (erreur) {
    imageSansDonnees = null; // a normal start: the original module, with its data
    etapes.instantane = false;
    etapes.instantaneErreur = String((erreur && erreur.message) || erreur);
  }
  return loadPyodide(options);
}

function echauffer() {
  if (!repondre || !echauffement) return;
  const { commande, entree } = echauffement;
  echauffement = null;
  repondre(commande, entree);
}

async function demarrer(urlRoue) {
  const debut = performance.now();
  const module = import("../pyodide/pyodide.mjs"); // parsed while the big files download
  const urlInstantane = urlRoue.replace(/\.whl$/, ".instantane");
  const urlComplement = urlRoue.replace(/\.whl$/, ".stdlib.zip");
  // Everything at once: the link is the bottleneck on a phone, never the number of requests.
  // (python_stdlib.zip, the whole reduced library, is fetched only if the snapshot fails.)
  for (const nom of [PLAGE_DONNEES ? WASM_SANS_DONNEES : WASM, "pyodide-lock.json", urlComplement]) {
    telecharger(nom);
  }
  // The wheel's files are needed by a normal start, or after `pret` by a module imported late:
  // fetched then, not in competition with what the restore needs.
  const roue = () => telecharger(urlRoue).then((reponse) => {
    if (!reponse.ok) throw new Error(`moteur de calcul introuvable (${reponse.status})`);
    return reponse.arrayBuffer();
  });
  telecharger(urlInstantane).catch(() => {}); // its failure means a normal start, see lancerPython
  envoyer({ type: "progres", texte: "Téléchargement du moteur de calcul…", phase: "telechargement" });
  signalerOctets(true);
  const { loadPyodide } = await module;
  const etapes = {};
  const pyodide = await lancerPython(loadPyodide, urlInstantane, urlComplement, etapes);
  etapes.python = performance.now() - debut;
  const installer = async () => pyodide.unpackArchive(await roue(), "wheel");
  if (!etapes.instantane) {
    envoyer({ type: "progres", texte: "Installation du moteur de calcul…", phase: "installation" });
    await installer();
  }
  etapes.roue = performance.now() - debut;
  // Restored from the snapshot, the engine is already imported: the page can use it at once.
  repondre = pyodide.pyimport("diese.simulateurs.navigateur").repondre;
  etapes.import = performance.now() - debut;
  etapes.octets = recus;
  envoyer({ type: "pret", duree: performance.now() - debut, etapes });
  // Then, before any message is handled (this worker runs one task at a time): the wheel's
  // files for a module imported late, and one computation of the page's situation, so that its
  // first real one is as fast as the next (WebAssembly is compiled lazily, function by function).
  if (etapes.instantane) {
    try {
      await installer();
    } catch (erreur) {
      etapes.roueErreur = String((erreur && erreur.message) || erreur); // the engine still works
    }
  }
  echauffer();
}

self.addEventListener("message", async (evenement) => {
  const message = evenement.data || {};
  if (message.type === "echauffer") {
    // Sent by the page when it mounts (the engine may have been started before, by the page's
    // early script): kept until Python is ready, or run at once if it is.
    echauffement = message.echauffement || null;
    echauffer();
  } else if (message.type === "demarrer") {
    if (message.echauffement) echauffement = message.echauffement;
    try {
      await demarrer(message.roue);
    } catch (erreur) {
      envoyer({ type: "echec", texte: String((erreur && erreur.message) || erreur) });
    }
  } else if (message.type === "calculer") {
    let sortie;
    const debut = performance.now();
    try {
      sortie = JSON.parse(repondre(message.commande, message.entree));
    } catch (erreur) {
      sortie = { ok: false, erreurs: [{ champ: null, message: "Le calcul a échoué dans le navigateur." }] };
    }
    envoyer({ type: "resultat", id: message.id, sortie, duree: performance.now() - debut });
  }
});
