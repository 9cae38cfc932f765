// Starts the simulators' engine as soon as the page's HTML names it: this tiny script is loaded
// `async` from the simulator's own markup, so the engine's downloads begin while the page's
// stylesheets and scripts still arrive (on a phone network, a second earlier). The page's
// simulator script adopts this worker when it mounts: the messages received meanwhile are kept
// for it. Anything unusual (no WebAssembly, offline, a worker refused) is left to that script.
(() => {
  "use strict";
  const script = document.currentScript;
  // Once the page's simulator script runs (instant navigation re-runs this one on each
  // simulator page), the engine is its business: one worker per visit.
  if (!script || window.dieseMoteurAmorce || window.dieseSimulateurs) return;
  if (typeof WebAssembly !== "object" || typeof Worker !== "function") return;
  if (navigator.onLine === false) return; // offline: the page checks the device's copy first
  const { worker: urlWorker, roue: urlRoue } = script.dataset;
  if (!urlWorker || !urlRoue) return;
  let worker;
  try {
    worker = new Worker(new URL(urlWorker, location.href), { type: "module" });
  } catch (erreur) {
    return;
  }
  const amorce = { worker, urlWorker: new URL(urlWorker, location.href).href, messages: [], erreur: false };
  const garder = (evenement) => amorce.messages.push(evenement);
  const erreur = () => { amorce.erreur = true; };
  worker.addEventListener("message", garder);
  worker.addEventListener("error", erreur);
  // Handed over once: the adopter receives the kept messages, then the live ones.
  amorce.adopter = (recevoir, echouer) => {
    worker.removeEventListener("message", garder);
    worker.removeEventListener("error", erreur);
    worker.addEventListener("message", recevoir);
    worker.addEventListener("error", echouer);
    for (const evenement of amorce.messages) recevoir(evenement);
    amorce.messages = [];
    if (amorce.erreur) echouer();
    return worker;
  };
  window.dieseMoteurAmorce = amorce;
  performance.mark("diese-moteur-demarrage");
  worker.postMessage({ type: "demarrer", roue: new URL(urlRoue, location.href).href });
})();
