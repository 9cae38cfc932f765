/* diese-formulaires: forms filled in the browser. The draft stays in localStorage (key
 * "diese-formulaire:<id>"), nothing is sent; buttons to print and to empty the form.
 * Opened from a placement of the company file (`?stage=<id>`), the answers are saved with that
 * placement instead (stage.fiches[<form id>] in "diese-fichier-entreprises", re-read and applied
 * by id on every write, so that the whole-file backup carries them). */
(() => {
  "use strict";

  const PREFIXE = "diese-formulaire:";

  const lire = (cle) => {
    try {
      return JSON.parse(window.localStorage.getItem(cle) || "{}") || {};
    } catch (_) {
      return {};
    }
  };

  const ecrire = (cle, valeurs) => {
    try {
      if (Object.keys(valeurs).length) window.localStorage.setItem(cle, JSON.stringify(valeurs));
      else window.localStorage.removeItem(cle);
      return true;
    } catch (_) {
      return false; // private browsing or storage full: the form still works, unsaved
    }
  };

  const valeurs = (form) => {
    const resultat = {};
    for (const el of form.elements) {
      if (!el.name) continue;
      if (el.type === "checkbox") {
        if (el.checked) resultat[el.name] = true;
      } else if (el.type === "radio") {
        if (el.checked) resultat[el.name] = el.value;
      } else if (el.value) {
        resultat[el.name] = el.value;
      }
    }
    return resultat;
  };

  /* ---- a placement's fiche, inside the company file ---- */
  const CLE_FICHIER = "diese-fichier-entreprises";
  const TEXTE_MAX = 5000;

  const lireFichier = () => {
    try {
      const f = JSON.parse(window.localStorage.getItem(CLE_FICHIER));
      return f && Array.isArray(f.entreprises) ? f : null;
    } catch (_) {
      return null;
    }
  };

  const trouverStage = (fichier, id) => {
    for (const e of fichier?.entreprises || []) {
      const s = (e && Array.isArray(e.stages) ? e.stages : []).find((x) => x && x.id === id);
      if (s) return { entreprise: e, stage: s };
    }
    return null;
  };

  // What the schema accepts for a fiche: text only (a ticked box is "oui"), bounded.
  const pourLeStage = (v) => {
    const propre = {};
    for (const [cle, valeur] of Object.entries(v)) {
      propre[cle] = valeur === true ? "oui" : String(valeur).slice(0, TEXTE_MAX);
    }
    return propre;
  };

  const ecrireStage = (idStage, idFiche, v) => {
    const fichier = lireFichier();
    const trouve = trouverStage(fichier, idStage);
    if (!trouve) return "absent";
    trouve.stage.fiches = trouve.stage.fiches && typeof trouve.stage.fiches === "object" ? trouve.stage.fiches : {};
    if (Object.keys(v).length) trouve.stage.fiches[idFiche] = pourLeStage(v);
    else delete trouve.stage.fiches[idFiche];
    if (!Object.keys(trouve.stage.fiches).length) delete trouve.stage.fiches;
    trouve.entreprise.modifie = new Date().toISOString();
    try {
      window.localStorage.setItem(CLE_FICHIER, JSON.stringify(fichier));
      return "ok";
    } catch (_) {
      return "plein";
    }
  };

  // A new fiche starts with what the company file already knows.
  const preremplissage = (form, { entreprise, stage }) => {
    const noms = new Set([...form.elements].map((el) => el.name));
    const tuteur = entreprise.tuteur || {};
    const v = {
      stagiaire: stage.stagiaire, entreprise: entreprise.raison_sociale, adresse: entreprise.adresse,
      tuteur: tuteur.nom, "date-debut": stage.debut, "date-fin": stage.fin,
    };
    if (noms.has("tuteur")) v.telephone = tuteur.telephone || entreprise.contact?.telephone;
    const resultat = {};
    for (const [cle, valeur] of Object.entries(v)) if (noms.has(cle) && typeof valeur === "string" && valeur) resultat[cle] = valeur;
    return resultat;
  };

  const restaurer = (form, enregistre) => {
    for (const el of form.elements) {
      if (!el.name || !Object.hasOwn(enregistre, el.name)) continue;
      const v = enregistre[el.name];
      if (el.type === "checkbox") el.checked = v === true || v === "oui";
      else if (el.type === "radio") el.checked = el.value === v;
      else el.value = String(v);
    }
  };

  // Textareas grow with their text, so that nothing is cut on screen or on paper.
  const ajuster = (zone) => {
    zone.style.height = "auto";
    zone.style.height = `${zone.scrollHeight + 2}px`;
  };

  const monter = (form) => {
    if (form.dataset.dieseMonte) return;
    form.dataset.dieseMonte = "1";
    const idFiche = form.dataset.dieseFormulaire;
    const cle = PREFIXE + idFiche;
    const barre = form.querySelector(".diese-formulaire__barre");
    const etat = form.querySelector(".diese-formulaire__etat");
    const dire = (texte) => {
      if (etat) etat.textContent = texte;
    };
    const idStage = new URLSearchParams(window.location.search).get("stage");
    const lie = idStage && /^[a-z0-9]{4,40}$/.test(idStage) ? trouverStage(lireFichier(), idStage) : null;

    if (lie) {
      const { entreprise, stage } = lie;
      form.before(Object.assign(document.createElement("p"), {
        className: "diese-formulaire__stage",
        textContent: `Fiche du stage de ${stage.stagiaire} chez ${entreprise.raison_sociale} : elle est enregistrée avec ce stage dans le fichier d’entreprises de cet appareil (et dans sa sauvegarde).`,
      }));
      const deja = stage.fiches && typeof stage.fiches[idFiche] === "object" ? stage.fiches[idFiche] : null;
      restaurer(form, deja || preremplissage(form, lie));
      dire(deja ? "Fiche de ce stage retrouvée sur cet appareil." : "Fiche nouvelle, préremplie depuis le fichier d’entreprises.");
    } else {
      restaurer(form, lire(cle));
      if (idStage) dire("Ce stage n’est pas dans le fichier d’entreprises de cet appareil : la fiche est un brouillon ordinaire.");
      else if (Object.keys(lire(cle)).length) dire("Brouillon retrouvé sur cet appareil.");
    }
    form.querySelectorAll("textarea").forEach(ajuster);
    if (barre) barre.hidden = false;

    const enregistrer = (v) => {
      if (!lie) {
        return ecrire(cle, v) ? "ok" : "plein";
      }
      return ecrireStage(idStage, idFiche, v);
    };
    const bilan = (resultat, succes) => {
      if (resultat === "ok") dire(succes);
      else if (resultat === "absent") dire("Ce stage a été retiré du fichier d’entreprises (dans un autre onglet ?) : ce qui suit n’est pas enregistré ; imprimez avant de fermer.");
      else dire("Le navigateur refuse l’enregistrement : pensez à imprimer avant de fermer.");
    };

    form.addEventListener("submit", (e) => e.preventDefault());
    form.addEventListener("input", (e) => {
      if (e.target instanceof HTMLTextAreaElement) ajuster(e.target);
      const heure = new Date().toLocaleTimeString("fr-FR", { hour: "2-digit", minute: "2-digit" });
      bilan(enregistrer(valeurs(form)), lie ? `Fiche enregistrée avec le stage à ${heure}.` : `Brouillon enregistré sur cet appareil à ${heure}.`);
    });
    form.addEventListener("click", (e) => {
      const bouton = e.target.closest("button[data-action]");
      if (!bouton) return;
      if (bouton.dataset.action === "imprimer") {
        form.querySelectorAll("textarea").forEach(ajuster);
        window.print();
      } else if (bouton.dataset.action === "vider") {
        if (!window.confirm("Effacer toutes les réponses de ce formulaire ?")) return;
        form.reset();
        bilan(enregistrer({}), "Formulaire vidé.");
        form.querySelectorAll("textarea").forEach(ajuster);
      }
    });
  };

  const demarrer = () => document.querySelectorAll("form[data-diese-formulaire]").forEach(monter);
  if (typeof window.document$ !== "undefined") window.document$.subscribe(demarrer);
  else document.addEventListener("DOMContentLoaded", demarrer);
})();
