// Web Worker (module) running the DIESE engine in Pyodide, self-hosted under assets/pyodide/.
// Started once per visit by diese-simulateurs.js. Only the five runtime files, the engine wheel
// and its memory snapshot are fetched: no loadPackage, no micropip, no CDN.
// The snapshot (made at build time with this very wheel imported) restores Python in a fraction
// of the time a normal start takes; if it cannot be used, Pyodide starts the normal way.
import { loadPyodide } from "../pyodide/pyodide.mjs";

const INDEX = new URL("../pyodide/", import.meta.url).href;
let repondre = null;

function envoyer(message) {
  self.postMessage(message);
}

async function lireInstantane(url) {
  const reponse = await fetch(url);
  if (!reponse.ok || !reponse.body) throw new Error(`instantané introuvable (${reponse.status})`);
  const flux = reponse.body.pipeThrough(new DecompressionStream("gzip"));
  return horsCreux(new Uint8Array(await new Response(flux).arrayBuffer()));
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

async function lancerPython(urlRoue, etapes) {
  const options = { indexURL: INDEX, packages: [], stdout: () => {}, stderr: () => {} };
  if (typeof DecompressionStream === "function") {
    try {
      const instantane = lireInstantane(urlRoue.replace(/\.whl$/, ".instantane.gz"));
      const pyodide = await loadPyodide({ ...options, _loadSnapshot: instantane });
      etapes.instantane = true;
      return pyodide;
    } catch (erreur) {
      etapes.instantane = false;
      etapes.instantaneErreur = String((erreur && erreur.message) || erreur);
    }
  }
  return loadPyodide(options);
}

async function demarrer(urlRoue, echauffement) {
  const debut = performance.now();
  // The wheel downloads while Pyodide boots.
  const roue = fetch(urlRoue).then((reponse) => {
    if (!reponse.ok) throw new Error(`moteur de calcul introuvable (${reponse.status})`);
    return reponse.arrayBuffer();
  });
  roue.catch(() => {}); // reported below, once awaited
  envoyer({ type: "progres", texte: "Chargement de Python (WebAssembly, environ 13 Mo la première fois)…" });
  const etapes = {};
  const pyodide = await lancerPython(urlRoue, etapes);
  etapes.python = performance.now() - debut;
  const installer = async () => pyodide.unpackArchive(await roue, "wheel");
  if (!etapes.instantane) {
    envoyer({ type: "progres", texte: "Installation du moteur de calcul…" });
    await installer();
  }
  etapes.roue = performance.now() - debut;
  // Restored from the snapshot, the engine is already imported: the page can use it at once.
  repondre = pyodide.pyimport("diese.simulateurs.navigateur").repondre;
  etapes.import = performance.now() - debut;
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
  if (echauffement) repondre(echauffement.commande, echauffement.entree);
}

self.addEventListener("message", async (evenement) => {
  const message = evenement.data || {};
  if (message.type === "demarrer") {
    try {
      await demarrer(message.roue, message.echauffement);
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
