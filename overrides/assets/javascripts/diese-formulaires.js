/* diese-formulaires: forms filled in the browser. The draft stays in localStorage (key
 * "diese-formulaire:<id>"), nothing is sent; buttons to print and to empty the form. */
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

  const restaurer = (form, enregistre) => {
    for (const el of form.elements) {
      if (!el.name || !(el.name in enregistre)) continue;
      const v = enregistre[el.name];
      if (el.type === "checkbox") el.checked = v === true;
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
    const cle = PREFIXE + form.dataset.dieseFormulaire;
    const barre = form.querySelector(".diese-formulaire__barre");
    const etat = form.querySelector(".diese-formulaire__etat");
    const dire = (texte) => {
      if (etat) etat.textContent = texte;
    };

    restaurer(form, lire(cle));
    if (Object.keys(lire(cle)).length) dire("Brouillon retrouvé sur cet appareil.");
    form.querySelectorAll("textarea").forEach(ajuster);
    if (barre) barre.hidden = false;

    form.addEventListener("submit", (e) => e.preventDefault());
    form.addEventListener("input", (e) => {
      if (e.target instanceof HTMLTextAreaElement) ajuster(e.target);
      const heure = new Date().toLocaleTimeString("fr-FR", { hour: "2-digit", minute: "2-digit" });
      dire(ecrire(cle, valeurs(form))
        ? `Brouillon enregistré sur cet appareil à ${heure}.`
        : "Le navigateur refuse l’enregistrement : pensez à imprimer avant de fermer.");
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
        ecrire(cle, {});
        form.querySelectorAll("textarea").forEach(ajuster);
        dire("Formulaire vidé.");
      }
    });
  };

  const demarrer = () => document.querySelectorAll("form[data-diese-formulaire]").forEach(monter);
  if (typeof window.document$ !== "undefined") window.document$.subscribe(demarrer);
  else document.addEventListener("DOMContentLoaded", demarrer);
})();
