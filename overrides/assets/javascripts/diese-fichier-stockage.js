/* DIESE Guide — fichier d’entreprises, le stockage : une clé localStorage, relue à chaque
   écriture (un autre onglet a pu écrire), validée par le schéma à chaque lecture ; un état
   illisible ou malformé est mis de côté sous une autre clé, jamais écrasé. Les migrations des
   versions futures se rangent dans MIGRATIONS. Les dossiers de check-lists restent dans leur clé
   (format inchangé) : un stage y renvoie par l’identifiant de son dossier.
   Pourquoi localStorage et pas IndexedDB : l’écriture est synchrone (relire, changer, écrire se
   fait sans qu’un autre onglet s’intercale), l’événement « storage » prévient les autres onglets,
   et 200 entreprises × 5 stages tiennent en quelques centaines de Ko (voir benchmarks/). */
(() => {
  "use strict";

  const CLE = "diese-fichier-entreprises";
  const CLE_CHECKLISTS = "diese-checklists";
  const modele = () => window.dieseFichier.modele;

  /* version lue → fonction qui rend la version suivante */
  const MIGRATIONS = {};

  let schema = null;
  let memoire = null; // stockage interdit (navigation privée stricte) : l’état vit dans la page

  function configurer(s) {
    schema = s;
  }

  function mettreDeCote(brut) {
    try {
      localStorage.setItem(`${CLE}-illisible-${Date.now()}`, brut);
      return true;
    } catch (erreur) {
      return false;
    }
  }

  function migrer(donnees) {
    let d = donnees;
    while (d && typeof d === "object" && MIGRATIONS[d.version]) d = MIGRATIONS[d.version](d);
    return d;
  }

  /* Valide un fichier (stocké ou importé) : { fichier } ou { erreurs }. */
  function examiner(donnees) {
    const migre = migrer(donnees);
    const erreurs = modele().valider(migre, schema);
    if (erreurs.length) return { erreurs };
    const doubles = modele().idsEnDouble(migre);
    if (doubles.length) return { erreurs: [{ chemin: "entreprises", message: `identifiant en double : ${doubles[0]}` }] };
    return { fichier: migre };
  }

  /* { fichier, misDeCote, indisponible } */
  function lire() {
    let brut;
    try {
      brut = localStorage.getItem(CLE);
    } catch (erreur) {
      memoire = memoire || modele().fichierVide();
      return { fichier: structuredClone(memoire), indisponible: true };
    }
    if (brut === null) return { fichier: modele().fichierVide() };
    let donnees;
    try {
      donnees = JSON.parse(brut);
    } catch (erreur) {
      donnees = undefined;
    }
    const resultat = donnees === undefined ? { erreurs: [{ chemin: "(racine)", message: "JSON illisible" }] } : examiner(donnees);
    if (resultat.fichier) return { fichier: resultat.fichier };
    // Mis de côté, puis la clé libérée : le reste du site se charge, rien n’est perdu.
    if (mettreDeCote(brut)) {
      try {
        localStorage.removeItem(CLE);
      } catch (erreur) {
        /* la clé reste : elle sera relue et remise de côté */
      }
    }
    return { fichier: modele().fichierVide(), misDeCote: resultat.erreurs };
  }

  /* Relit, applique `changer` (qui rend false pour renoncer), valide, écrit.
     { ok, fichier, raison } : raison « refuse » (renoncé), « invalide », « plein », « memoire ». */
  function ecrire(changer) {
    const lu = lire();
    const fichier = lu.fichier;
    if (changer(fichier) === false) return { ok: false, fichier: lire().fichier, raison: "refuse" };
    const verifie = examiner(fichier);
    if (verifie.erreurs) {
      return { ok: false, fichier: lire().fichier, raison: "invalide", erreurs: verifie.erreurs };
    }
    if (lu.indisponible) {
      memoire = structuredClone(fichier);
      return { ok: true, fichier, raison: "memoire" };
    }
    try {
      localStorage.setItem(CLE, JSON.stringify(fichier));
    } catch (erreur) {
      return { ok: false, fichier: lire().fichier, raison: "plein" };
    }
    return { ok: true, fichier };
  }

  function octetsUtilises() {
    try {
      let total = 0;
      for (let i = 0; i < localStorage.length; i += 1) {
        const cle = localStorage.key(i);
        if (cle.startsWith(CLE) || cle.startsWith(CLE_CHECKLISTS) || cle.startsWith("diese-formulaire")) {
          total += (cle.length + (localStorage.getItem(cle) || "").length) * 2; // UTF-16
        }
      }
      return total;
    } catch (erreur) {
      return null;
    }
  }

  async function estimation() {
    if (!navigator.storage?.estimate) return null;
    try {
      return await navigator.storage.estimate();
    } catch (erreur) {
      return null;
    }
  }

  async function persister() {
    if (!navigator.storage?.persist) return null;
    try {
      return (await navigator.storage.persisted()) || (await navigator.storage.persist());
    } catch (erreur) {
      return null;
    }
  }

  /* ---------- les dossiers de check-lists (format du script des check-lists, inchangé) ---------- */

  function lireChecklists() {
    try {
      const etat = JSON.parse(localStorage.getItem(CLE_CHECKLISTS));
      if (etat && etat.format === "diese-checklists-stockage" && etat.dossiers && typeof etat.dossiers === "object") return etat;
    } catch (erreur) {
      /* illisible : le script des check-lists le mettra de côté à sa prochaine ouverture */
    }
    return null;
  }

  function dossiersChecklists() {
    const etat = lireChecklists();
    if (!etat) return [];
    return Object.entries(etat.dossiers)
      .filter(([, d]) => d && typeof d === "object" && typeof d.nom === "string" && d.elements && typeof d.elements === "object")
      .map(([id, d]) => ({ id, nom: d.nom, elements: d.elements }));
  }

  const dossierChecklist = (id) => dossiersChecklists().find((d) => d.id === id) || null;

  /* Ouvre (et crée s’il le faut) le dossier de check-lists d’un stage ; rend son id ou null. */
  function ouvrirDossierChecklist(id, nom) {
    let etat = lireChecklists();
    const date = new Date().toISOString();
    if (!etat) etat = { format: "diese-checklists-stockage", version: 1, actif: "", dossiers: {} };
    let cible = id && Object.hasOwn(etat.dossiers, id) ? id : null;
    if (!cible) {
      cible = `d${modele().nouvelId()}`.slice(0, 40);
      etat.dossiers[cible] = { id: cible, nom: nom.slice(0, 80), cree: date, modifie: date, elements: {} };
    }
    etat.actif = cible;
    try {
      localStorage.setItem(CLE_CHECKLISTS, JSON.stringify(etat));
      return cible;
    } catch (erreur) {
      return null;
    }
  }

  /* Les dossiers de check-lists des stages, pour la sauvegarde (seulement ceux d’un stage). */
  function dossiersLies(fichier) {
    const ids = new Set(fichier.entreprises.flatMap((e) => e.stages.map((s) => s.dossier)).filter(Boolean));
    const lisibles = new Set(dossiersChecklists().map((d) => d.id));
    const etat = lireChecklists();
    const resultat = {};
    for (const id of ids) {
      if (!lisibles.has(id)) continue;
      const { nom, cree, modifie, elements } = etat.dossiers[id];
      resultat[id] = { id, nom: nom.slice(0, 80) || "Sans nom", elements };
      if (typeof cree === "string") resultat[id].cree = cree;
      if (typeof modifie === "string") resultat[id].modifie = modifie;
    }
    return resultat;
  }

  /* Range les dossiers d’une sauvegarde (déjà validés par le schéma) parmi ceux de cet appareil :
     un dossier absent est ajouté, un dossier présent prend la version modifiée le plus récemment.
     Rend le nombre de dossiers écrits, ou null si l’écriture a échoué. */
  const ELEMENT = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  function fusionnerDossiers(dossiers) {
    const entrees = Object.entries(dossiers || {});
    if (!entrees.length) return 0;
    const etat = lireChecklists() || { format: "diese-checklists-stockage", version: 1, actif: "", dossiers: {} };
    let n = 0;
    for (const [id, d] of entrees) {
      const local = Object.hasOwn(etat.dossiers, id) ? etat.dossiers[id] : null;
      if (local && String(local.modifie || "") > String(d.modifie || "")) continue;
      const elements = {};
      for (const [cle, e] of Object.entries(d.elements)) if (ELEMENT.test(cle)) elements[cle] = e;
      const date = new Date().toISOString();
      etat.dossiers[id] = { ...d, id, cree: d.cree || date, modifie: d.modifie || date, elements };
      n += 1;
    }
    if (!Object.hasOwn(etat.dossiers, etat.actif)) etat.actif = Object.keys(etat.dossiers)[0];
    try {
      localStorage.setItem(CLE_CHECKLISTS, JSON.stringify(etat));
      return n;
    } catch (erreur) {
      return null;
    }
  }

  window.dieseFichier = window.dieseFichier || {};
  window.dieseFichier.stockage = {
    CLE, configurer, examiner, lire, ecrire, octetsUtilises, estimation, persister,
    dossiersChecklists, dossierChecklist, ouvrirDossierChecklist, dossiersLies, fusionnerDossiers,
  };
})();
