/* DIESE Guide — fichier d’entreprises, l’affichage : la liste (recherche, filtres, tri), la fiche
   d’une entreprise (rubriques, stages, journal des contacts et visites), la sauvegarde et
   l’ouverture d’un fichier, les exports. Chaque changement passe par stockage.ecrire(), qui relit
   l’état enregistré et l’applique par identifiant ; un échec est dit aussitôt, jamais un succès
   qui n’a pas eu lieu. La fiche ouverte se choisit par l’adresse (#entreprise=…). */
(() => {
  "use strict";

  const TAILLE_IMPORT_MAX = 10 * 1024 * 1024;
  const { modele, stockage } = window.dieseFichier;
  const M = modele;
  const formatJour = new Intl.DateTimeFormat("fr-FR", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const jourLisible = (iso) => (iso && M.dateValide(iso) ? formatJour.format(new Date(`${iso}T12:00:00Z`)) : "—");

  function creer(balise, attributs = {}, ...enfants) {
    const el = document.createElement(balise);
    for (const [nom, valeur] of Object.entries(attributs)) {
      if (valeur === false || valeur === null || valeur === undefined) continue;
      if (nom === "texte") el.textContent = valeur;
      else el.setAttribute(nom, valeur === true ? "" : valeur);
    }
    for (const enfant of enfants) if (enfant !== null && enfant !== undefined && enfant !== false) el.append(enfant);
    return el;
  }

  let compteur = 0;
  const idUnique = (base) => `diese-fe-${base}-${(compteur += 1)}`;

  function telecharger(nom, contenu, type) {
    const blob = contenu instanceof Blob ? contenu : new Blob([contenu], { type });
    const url = URL.createObjectURL(blob);
    const lien = creer("a", { href: url, download: nom, hidden: true });
    document.body.append(lien);
    lien.click();
    lien.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  const FICHES = {
    "fiche-accueil": "Fiche d’accueil",
    "fiche-suivi-apprenti": "Fiche de suivi",
    "fiche-suivi-entreprise": "Fiche de suivi entreprise",
    "evaluation-stage": "Évaluation de stage",
  };

  const ko = (octets) => `${(octets / 1024).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} Ko`;

  /* ---------- champs de formulaire ---------- */

  /* Un champ étiqueté ; `options` pour une liste (« — » = non renseigné). */
  function champ(nom, etiquette, { type = "text", options = null, requis = false, max = 200, lignes = 0, aide = "" } = {}) {
    const id = idUnique(nom.replace(/\W/g, "-"));
    let entree;
    if (options) {
      entree = creer("select", { id, name: nom, required: requis });
      if (!requis) entree.append(creer("option", { value: "", texte: "—" }));
      for (const [valeur, texte] of Object.entries(options)) entree.append(creer("option", { value: valeur, texte }));
    } else if (lignes) {
      entree = creer("textarea", { id, name: nom, rows: String(lignes), maxlength: String(max) });
    } else {
      entree = creer("input", { id, name: nom, type, required: requis, maxlength: type === "text" || type === "tel" || type === "email" ? String(max) : null, autocomplete: "off" });
    }
    const idAide = aide ? `${id}-aide` : null;
    if (idAide) entree.setAttribute("aria-describedby", idAide);
    return creer("p", { class: "diese-fe-champ" },
      creer("label", { for: id }, etiquette, requis ? creer("span", { "aria-hidden": "true", texte: " *" }) : null),
      entree,
      aide ? creer("span", { id: idAide, class: "diese-fe-aide", texte: aide }) : null);
  }

  /* Lit un formulaire en objet (« contact.nom » → { contact: { nom } }). */
  function lireFormulaire(form) {
    const objet = {};
    for (const el of form.elements) {
      if (!el.name || el.type === "submit" || el.type === "button") continue;
      const [a, b] = el.name.split(".");
      if (b) (objet[a] = objet[a] || {})[b] = el.value;
      else objet[a] = el.value;
    }
    return objet;
  }

  function remplirFormulaire(form, objet) {
    for (const el of form.elements) {
      if (!el.name) continue;
      const [a, b] = el.name.split(".");
      const v = b ? objet[a]?.[b] : objet[a];
      el.value = v === undefined ? (el.tagName === "SELECT" && el.required ? el.options[0].value : "") : v;
    }
  }

  /* L’erreur s’affiche au champ, le champ est signalé et reçoit le focus. */
  function erreurAuChamp(form, nom, texte) {
    const el = form.elements.namedItem(nom);
    const id = `${el.id}-erreur`;
    let p = document.getElementById(id);
    if (!p) {
      p = creer("span", { id, class: "diese-fe-erreur" });
      el.after(p);
    }
    p.textContent = texte;
    el.setAttribute("aria-invalid", "true");
    el.setAttribute("aria-describedby", [id, el.getAttribute("aria-describedby")].filter(Boolean).join(" "));
    el.focus();
  }

  function effacerErreurs(form) {
    for (const p of form.querySelectorAll(".diese-fe-erreur")) p.remove();
    for (const el of form.querySelectorAll("[aria-invalid]")) {
      el.removeAttribute("aria-invalid");
      const reste = (el.getAttribute("aria-describedby") || "").split(" ").filter((x) => x && !x.endsWith("-erreur"));
      if (reste.length) el.setAttribute("aria-describedby", reste.join(" "));
      else el.removeAttribute("aria-describedby");
    }
  }

  /* ---------- dialogue de confirmation ---------- */

  function demander({ titre, message, confirmer, danger = false, contenu = null }) {
    return new Promise((resoudre) => {
      const opener = document.activeElement;
      const idTitre = idUnique("dialogue");
      const dialogue = creer("dialog", { class: "diese-cl-dialogue", "aria-labelledby": idTitre },
        creer("form", { method: "dialog" },
          creer("h2", { id: idTitre, texte: titre }),
          message ? creer("p", { texte: message }) : null,
          contenu,
          creer("p", { class: "diese-cl-dialogue-boutons" },
            creer("button", { type: "submit", value: "annuler", class: "diese-cl-bouton", texte: "Annuler" }),
            creer("button", { type: "submit", value: "ok", class: `diese-cl-bouton diese-cl-bouton--principal${danger ? " diese-cl-bouton--danger" : ""}`, texte: confirmer }))));
      dialogue.addEventListener("close", () => {
        const ok = dialogue.returnValue === "ok";
        dialogue.remove();
        if (opener && opener.isConnected) opener.focus();
        resoudre(ok);
      });
      document.body.append(dialogue);
      dialogue.showModal();
    });
  }

  /* ---------- montage ---------- */

  async function monter(racine) {
    if (racine.dataset.monte) return;
    racine.dataset.monte = "oui";
    const message = creer("p", { class: "diese-cl-message", role: "status" });
    const alerte = creer("p", { class: "diese-cl-alerte", role: "alert" });
    racine.replaceChildren(message, alerte);
    let schema;
    try {
      const r = await fetch(new URL(racine.dataset.schema, document.baseURI));
      if (!r.ok) throw new Error(String(r.status));
      schema = await r.json();
    } catch (erreur) {
      alerte.textContent = "Le fichier d’entreprises ne peut pas s’ouvrir : la description de ses données n’a pas pu être chargée. Rechargez la page avec le réseau.";
      return;
    }
    stockage.configurer(schema);
    let fichier;
    let filtres = { recherche: "", statut: "", echeance: "", tri: "nom" };

    const dire = (texte) => {
      message.textContent = texte;
    };
    const signaler = (texte) => {
      message.textContent = "";
      alerte.textContent = texte;
    };

    function relire() {
      const lu = stockage.lire();
      fichier = lu.fichier;
      if (lu.indisponible) signaler("Ce navigateur n’autorise pas l’enregistrement : le fichier sera perdu en quittant la page. Sauvegardez-le dans un fichier.");
      if (lu.misDeCote) {
        const e = lu.misDeCote[0];
        signaler(`Le fichier enregistré sur cet appareil était abîmé (${e.chemin === "(racine)" ? "" : `${e.chemin} : `}${e.message}) : il a été mis de côté, intact, et un fichier vide est ouvert.`);
      }
    }

    /* Toute modification : relire, appliquer par identifiant, écrire ; puis dire ce qui est vrai. */
    function modifier(changer, succes) {
      const r = stockage.ecrire(changer);
      fichier = r.fichier;
      if (r.ok) {
        if (r.raison !== "memoire") alerte.textContent = "";
        dire(typeof succes === "function" ? succes() : succes);
      } else if (r.raison === "plein") {
        signaler("Enregistrement impossible : la mémoire de ce navigateur est pleine ou désactivée. Rien n’a été modifié ; sauvegardez le fichier et libérez de la place.");
      } else if (r.raison === "refuse") {
        signaler("Rien n’a été modifié : cette fiche n’existe plus (supprimée entre-temps, peut-être dans un autre onglet).");
      } else if (r.raison === "invalide") {
        signaler(`Enregistrement refusé : ${r.erreurs[0].chemin} : ${r.erreurs[0].message}. Rien n’a été modifié.`);
      }
      rendre();
      return r.ok;
    }

    /* --- barre : stockage, sauvegarde, ouverture, tableurs --- */
    const espace = creer("p", { class: "diese-fe-espace" });
    const importFichier = creer("input", { type: "file", id: idUnique("import"), accept: ".json,application/json", class: "diese-cl-invisible" });
    const bouton = (action, texte, extra = {}) => creer("button", { type: "button", class: "diese-cl-bouton", "data-action": action, texte, ...extra });
    const barre = creer("div", { class: "diese-cl-barre diese-fe-barre" },
      espace,
      creer("div", { class: "diese-cl-ligne", role: "group", "aria-label": "Sauvegarder, ouvrir, exporter" },
        bouton("sauvegarder", "Sauvegarder tout le fichier"),
        importFichier,
        creer("label", { for: importFichier.id, class: "diese-cl-bouton diese-cl-bouton-fichier", texte: "Ouvrir une sauvegarde" }),
        bouton("csv", "Liste pour tableur (CSV)"),
        bouton("ods", "Liste pour tableur (ODS)")));

    /* --- la liste --- */
    const vueListe = creer("section", { class: "diese-fe-liste", "aria-labelledby": "diese-fe-titre-liste" });
    const formFiltres = creer("form", { class: "diese-fe-filtres", role: "search", "aria-label": "Chercher et filtrer les entreprises" },
      champ("recherche", "Rechercher", { type: "search", aide: "Nom, secteur, stagiaire, note…" }),
      champ("statut", "Statut", { options: M.STATUTS }),
      champ("echeance", "Prochaine action", { options: { echue: "À faire aujourd’hui ou en retard", semaine: "Dans les 7 jours ou en retard" } }),
      champ("tri", "Trier par", { options: { nom: "Raison sociale", echeance: "Échéance de la prochaine action", statut: "Statut", modifie: "Dernière modification" }, requis: true }));
    const compte = creer("p", { class: "diese-fe-compte", "aria-live": "polite" });
    const corpsTable = creer("tbody");
    const table = creer("table", { class: "diese-fe-table" },
      creer("caption", { class: "diese-cl-invisible", texte: "Entreprises du fichier" }),
      creer("thead", {}, creer("tr", {}, ...["Raison sociale", "Statut", "Secteur", "Prochaine action", "Stages"].map((t) => creer("th", { scope: "col", texte: t })))),
      corpsTable);
    vueListe.append(
      creer("h2", { id: "diese-fe-titre-liste", texte: "Entreprises" }),
      creer("p", {}, bouton("nouvelle", "Ajouter une entreprise", { class: "diese-cl-bouton diese-cl-bouton--principal" })),
      formFiltres, compte, creer("div", { class: "diese-fe-defile" }, table));

    /* --- la fiche d’une entreprise --- */
    const vueFiche = creer("section", { class: "diese-fe-fiche", "aria-labelledby": "diese-fe-titre-fiche", hidden: true });
    const titreFiche = creer("h2", { id: "diese-fe-titre-fiche", tabindex: "-1" });
    const resume = creer("div", { class: "diese-fe-resume" });
    const formEntreprise = creer("form", { class: "diese-fe-form", novalidate: true },
      creer("fieldset", {}, creer("legend", { texte: "L’entreprise" }),
        champ("raison_sociale", "Raison sociale", { requis: true }),
        champ("statut", "Statut", { options: M.STATUTS, requis: true }),
        champ("secteur", "Secteur d’activité"),
        champ("taille", "Taille", { options: M.TAILLES }),
        champ("adresse", "Adresse", { lignes: 2, max: 500 }),
        champ("rencontre", "Rencontrée par", { options: M.RENCONTRES })),
      creer("fieldset", {}, creer("legend", { texte: "Contact dans l’entreprise" }),
        champ("contact.nom", "Nom"), champ("contact.fonction", "Fonction"),
        champ("contact.telephone", "Téléphone", { type: "tel", max: 40 }), champ("contact.courriel", "Courriel", { type: "email" })),
      creer("fieldset", {}, creer("legend", { texte: "Tuteur" }),
        champ("tuteur.nom", "Nom"), champ("tuteur.fonction", "Fonction"),
        champ("tuteur.telephone", "Téléphone", { type: "tel", max: 40 }), champ("tuteur.courriel", "Courriel", { type: "email" })),
      champ("notes", "Notes", { lignes: 3, max: 5000 }),
      creer("p", {}, creer("button", { type: "submit", class: "diese-cl-bouton diese-cl-bouton--principal", texte: "Enregistrer l’entreprise" })));
    const listeStages = creer("ul", { class: "diese-fe-stages" });
    const formStage = creer("form", { class: "diese-fe-form diese-fe-form--ligne", novalidate: true, "aria-labelledby": "diese-fe-titre-nouveau-stage" },
      creer("h4", { id: "diese-fe-titre-nouveau-stage", texte: "Ajouter un stage" }),
      champ("stagiaire", "Stagiaire", { requis: true, aide: "Les initiales suffisent." }),
      champ("formation", "Formation"),
      champ("debut", "Début", { type: "date" }),
      champ("fin", "Fin", { type: "date" }),
      champ("dossier", "Dossier de check-lists déjà commencé", { options: {}, aide: "Facultatif : sinon un dossier à son nom est créé à la première ouverture." }),
      creer("p", {}, creer("button", { type: "submit", class: "diese-cl-bouton", texte: "Ajouter le stage" })));
    const journal = creer("ol", { class: "diese-fe-journal", reversed: true });
    const formContact = creer("form", { class: "diese-fe-form diese-fe-form--ligne", novalidate: true, "aria-labelledby": "diese-fe-titre-nouveau-contact" },
      creer("h4", { id: "diese-fe-titre-nouveau-contact", texte: "Noter un contact ou planifier une visite" }),
      champ("date", "Date", { type: "date", requis: true }),
      champ("heure", "Heure", { type: "time" }),
      champ("type", "Type", { options: M.TYPES, requis: true }),
      champ("qui", "Avec qui"),
      champ("notes", "Notes", { lignes: 2, max: 5000 }),
      champ("action", "Action suivante"),
      champ("echeance", "Pour le", { type: "date" }),
      creer("p", {}, creer("button", { type: "submit", class: "diese-cl-bouton", texte: "Ajouter au journal" })));
    vueFiche.append(
      creer("p", {}, bouton("retour", "← Toutes les entreprises", { class: "diese-fe-lien" })),
      titreFiche, resume,
      creer("h3", { texte: "Stages" }), listeStages, formStage,
      creer("h3", { texte: "Contacts et visites" }), formContact, journal,
      creer("details", { class: "diese-fe-rubriques" }, creer("summary", { texte: "Rubriques de l’entreprise" }), formEntreprise),
      creer("p", {}, bouton("supprimer-entreprise", "Supprimer cette entreprise", { class: "diese-cl-bouton diese-cl-bouton--danger" })));

    /* --- création --- */
    const vueNouvelle = creer("section", { class: "diese-fe-nouvelle", "aria-labelledby": "diese-fe-titre-nouvelle", hidden: true });
    const formNouvelle = formEntreprise.cloneNode(true);
    for (const el of formNouvelle.querySelectorAll("[id]")) {
      const ancien = el.id;
      el.id = `${ancien}-n`;
      const lab = formNouvelle.querySelector(`label[for="${ancien}"]`);
      if (lab) lab.setAttribute("for", el.id);
    }
    for (const el of formNouvelle.querySelectorAll("[aria-describedby]")) el.setAttribute("aria-describedby", `${el.getAttribute("aria-describedby")}-n`);
    formNouvelle.querySelector("button[type=submit]").textContent = "Créer l’entreprise";
    vueNouvelle.append(creer("p", {}, bouton("retour", "← Toutes les entreprises", { class: "diese-fe-lien" })),
      creer("h2", { id: "diese-fe-titre-nouvelle", tabindex: "-1", texte: "Nouvelle entreprise" }), formNouvelle);

    racine.append(barre, vueListe, vueNouvelle, vueFiche);
    racine.classList.add("diese-fe--active");

    /* ---------- rendu ---------- */

    const idOuverte = () => {
      const m = /^#entreprise=([a-z0-9]+)$/.exec(location.hash);
      return m ? m[1] : null;
    };

    let avertissementPersistance = "";
    function rendreEspace() {
      const octets = stockage.octetsUtilises();
      const n = fichier.entreprises.length;
      const stages = fichier.entreprises.reduce((s, e) => s + e.stages.length, 0);
      espace.textContent = `${n} entreprise${n > 1 ? "s" : ""}, ${stages} stage${stages > 1 ? "s" : ""}`
        + (octets === null ? "." : ` — ${ko(octets)} utilisés sur cet appareil (fichier, check-lists et brouillons de fiches).`)
        + avertissementPersistance;
    }

    function ligneAction(e) {
      const a = M.prochaineAction(e);
      if (!a) return "—";
      const jour = M.aujourdhui();
      const retard = a.echeance && a.echeance < jour;
      return creer("span", { class: retard ? "diese-fe-retard" : "" },
        a.action || "Action", a.echeance ? ` — ${retard ? "en retard, " : ""}${jourLisible(a.echeance)}` : "");
    }

    function rendreListe() {
      const visibles = M.trier(M.filtrer(fichier.entreprises, filtres), filtres.tri);
      corpsTable.replaceChildren(...visibles.map((e) => creer("tr", { "data-id": e.id },
        creer("th", { scope: "row" }, creer("button", { type: "button", class: "diese-fe-lien", "data-action": "ouvrir", "data-id": e.id, texte: e.raison_sociale })),
        creer("td", { texte: M.STATUTS[e.statut] }),
        creer("td", { texte: e.secteur || "—" }),
        creer("td", {}, ligneAction(e)),
        creer("td", { texte: String(e.stages.length) }))));
      const total = fichier.entreprises.length;
      compte.textContent = total
        ? `${visibles.length} entreprise${visibles.length > 1 ? "s" : ""} affichée${visibles.length > 1 ? "s" : ""} sur ${total}.`
        : "Aucune entreprise pour l’instant : ajoutez la première.";
      table.hidden = visibles.length === 0;
    }

    function optionsDossiers(select, lie) {
      const pris = new Set(fichier.entreprises.flatMap((e) => e.stages.map((s) => s.dossier)).filter(Boolean));
      const valeur = select.value;
      select.replaceChildren(creer("option", { value: "", texte: "— (un dossier à son nom)" }),
        ...stockage.dossiersChecklists().filter((d) => !pris.has(d.id) || d.id === lie)
          .map((d) => creer("option", { value: d.id, texte: d.nom })));
      select.value = [...select.options].some((o) => o.value === valeur) ? valeur : "";
    }

    function rendreStage(e, s) {
      const dossier = s.dossier ? stockage.dossierChecklist(s.dossier) : null;
      const coches = dossier ? Object.values(dossier.elements).filter((x) => x && x.coche).length : 0;
      const dates = [s.debut ? `du ${jourLisible(s.debut)}` : "", s.fin ? `au ${jourLisible(s.fin)}` : ""].filter(Boolean).join(" ");
      return creer("li", { "data-stage": s.id },
        creer("p", {}, creer("strong", { texte: s.stagiaire }), s.formation ? ` — ${s.formation}` : "", dates ? ` (${dates})` : ""),
        creer("ul", { class: "diese-fe-fiches", "aria-label": `Fiches du stage de ${s.stagiaire}` },
          ...Object.entries(FICHES).map(([idFiche, titre]) => {
            const remplie = s.fiches && s.fiches[idFiche];
            return creer("li", {}, creer("a", { href: `${racine.dataset.formulaires}${idFiche}/?stage=${s.id}` }, titre),
              remplie ? " (commencée)" : "");
          })),
        creer("p", { class: "diese-fe-actions" },
          creer("button", { type: "button", class: "diese-cl-bouton", "data-action": "checklists", "data-stage": s.id },
            "Check-lists de ce stage", creer("span", { class: "diese-fe-compteur", texte: dossier ? ` (${coches} coché${coches > 1 ? "s" : ""})` : "" })),
          creer("button", { type: "button", class: "diese-cl-bouton", "data-action": "supprimer-stage", "data-stage": s.id },
            "Retirer", creer("span", { class: "diese-cl-invisible", texte: ` le stage de ${s.stagiaire}` }))));
    }

    function rendreContact(c) {
      const futur = c.date >= M.aujourdhui();
      return creer("li", { "data-contact": c.id },
        creer("p", {}, creer("strong", { texte: `${M.TYPES[c.type]} — ${jourLisible(c.date)}${c.heure ? ` à ${c.heure.replace(/^0?(\d+):/, "$1 h ")}` : ""}` }),
          c.qui ? ` — avec ${c.qui}` : ""),
        c.notes ? creer("p", { class: "diese-fe-notes", texte: c.notes }) : null,
        c.action || c.echeance ? creer("p", {}, creer("em", { texte: "Ensuite : " }), c.action || "", c.echeance ? ` (pour le ${jourLisible(c.echeance)})` : "") : null,
        creer("p", { class: "diese-fe-actions" },
          c.type === "visite" && futur ? creer("button", { type: "button", class: "diese-cl-bouton", "data-action": "ics", "data-contact": c.id }, "Ajouter à l’agenda (.ics)") : null,
          creer("button", { type: "button", class: "diese-cl-bouton", "data-action": "supprimer-contact", "data-contact": c.id },
            "Effacer", creer("span", { class: "diese-cl-invisible", texte: ` le contact du ${jourLisible(c.date)}` }))));
    }

    function rendreFiche(e, nouvelleOuverture) {
      titreFiche.textContent = e.raison_sociale;
      const visite = M.prochaineVisite(e);
      const action = M.prochaineAction(e);
      resume.replaceChildren(creer("dl", { class: "diese-fe-prochain" },
        creer("dt", { texte: "Prochaine visite" }),
        creer("dd", { texte: visite ? `${jourLisible(visite.date)}${visite.heure ? ` à ${visite.heure.replace(/^0?(\d+):/, "$1 h ")}` : ""}${visite.qui ? ` avec ${visite.qui}` : ""}` : "aucune de prévue" }),
        creer("dt", { texte: "Prochaine action" }),
        creer("dd", {}, action ? ligneAction(e) : "aucune"),
        creer("dt", { texte: "Statut" }), creer("dd", { texte: M.STATUTS[e.statut] }),
        e.tuteur?.nom ? creer("dt", { texte: "Tuteur" }) : null,
        e.tuteur?.nom ? creer("dd", { texte: [e.tuteur.nom, e.tuteur.telephone].filter(Boolean).join(" — ") }) : null));
      listeStages.replaceChildren(...e.stages.map((s) => rendreStage(e, s)));
      if (!e.stages.length) listeStages.append(creer("li", { texte: "Aucun stage pour l’instant." }));
      const tries = [...e.contacts].sort((a, b) => `${b.date}${b.heure || ""}`.localeCompare(`${a.date}${a.heure || ""}`));
      journal.replaceChildren(...tries.map(rendreContact));
      if (!tries.length) journal.append(creer("li", { texte: "Aucun contact noté." }));
      optionsDossiers(formStage.elements.namedItem("dossier"));
      if (nouvelleOuverture) {
        remplirFormulaire(formEntreprise, e);
        formStage.reset();
        formContact.reset();
        formContact.elements.namedItem("date").value = M.aujourdhui();
        effacerErreurs(formEntreprise);
      }
    }

    let affichee = null;
    function rendre() {
      rendreEspace();
      const id = idOuverte();
      const e = id ? M.trouver(fichier, id) : null;
      const creation = location.hash === "#nouvelle-entreprise";
      vueListe.hidden = !!e || creation;
      vueFiche.hidden = !e;
      vueNouvelle.hidden = !creation;
      if (e) rendreFiche(e, affichee !== e.id);
      else rendreListe();
      if (id && !e && !alerte.textContent) signaler("Cette entreprise n’est pas (ou plus) dans le fichier de cet appareil.");
      const avant = affichee;
      affichee = e ? e.id : (creation ? "nouvelle" : null);
      return avant !== affichee;
    }

    /* Change l’adresse (l’historique garde la fiche : « retour » du navigateur ramène à la liste)
       et affiche tout de suite. Des boutons plutôt que des liens #… : la navigation instantanée
       du thème réécrit l’historique des liens internes à la page. */
    function aller(fragment) {
      if (location.hash.slice(1) !== fragment) history.pushState(null, "", `#${fragment}`);
      if (!fragment) history.replaceState(null, "", location.pathname + location.search);
      naviguer();
    }

    function naviguer() {
      if (rendre()) {
        const cible = !vueFiche.hidden ? titreFiche : (!vueNouvelle.hidden ? vueNouvelle.querySelector("h2") : null);
        if (cible) cible.focus();
      }
    }

    /* ---------- événements ---------- */

    formFiltres.addEventListener("input", () => {
      filtres = lireFormulaire(formFiltres);
      rendreListe();
    });
    formFiltres.addEventListener("submit", (ev) => ev.preventDefault());

    function validerEntreprise(form) {
      effacerErreurs(form);
      const champs = lireFormulaire(form);
      if (!champs.raison_sociale.trim()) {
        erreurAuChamp(form, "raison_sociale", "Indiquez la raison sociale de l’entreprise.");
        return null;
      }
      for (const qui of ["contact", "tuteur"]) {
        const c = champs[qui].courriel.trim();
        if (c && !/^[^\s@]+@[^\s@]+$/.test(c)) {
          erreurAuChamp(form, `${qui}.courriel`, "Adresse de courriel incomplète (exemple : nom@entreprise.fr).");
          return null;
        }
      }
      return champs;
    }

    formNouvelle.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const champs = validerEntreprise(formNouvelle);
      if (!champs) return;
      const nouvelle = M.creerEntreprise(champs);
      if (modifier((f) => { f.entreprises.push(nouvelle); }, `Entreprise « ${nouvelle.raison_sociale} » créée.`)) {
        formNouvelle.reset();
        aller(`entreprise=${nouvelle.id}`);
      }
    });

    formEntreprise.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const champs = validerEntreprise(formEntreprise);
      const id = idOuverte();
      if (!champs || !id) return;
      const propre = M.nettoyer(champs);
      modifier((f) => {
        const e = M.trouver(f, id);
        if (!e) return false;
        for (const cle of ["secteur", "taille", "adresse", "rencontre", "notes", "contact", "tuteur"]) delete e[cle];
        Object.assign(e, propre, { modifie: M.maintenant() });
        return true;
      }, `Entreprise « ${propre.raison_sociale} » enregistrée.`);
      affichee = null;
      rendre();
    });

    formStage.addEventListener("submit", (ev) => {
      ev.preventDefault();
      effacerErreurs(formStage);
      const champs = lireFormulaire(formStage);
      if (!champs.stagiaire.trim()) return erreurAuChamp(formStage, "stagiaire", "Indiquez le stagiaire (les initiales suffisent).");
      if (champs.debut && champs.fin && champs.fin < champs.debut) return erreurAuChamp(formStage, "fin", "La fin du stage précède son début.");
      const id = idOuverte();
      const stage = M.creerStage(champs);
      if (modifier((f) => {
        const e = M.trouver(f, id);
        if (!e) return false;
        e.stages.push(stage);
        e.modifie = M.maintenant();
        return true;
      }, `Stage de ${stage.stagiaire} ajouté.`)) formStage.reset();
    });

    formContact.addEventListener("submit", (ev) => {
      ev.preventDefault();
      effacerErreurs(formContact);
      const champs = lireFormulaire(formContact);
      if (!M.dateValide(champs.date)) return erreurAuChamp(formContact, "date", "Indiquez la date du contact ou de la visite.");
      if (champs.echeance && champs.echeance < champs.date) return erreurAuChamp(formContact, "echeance", "L’échéance précède la date du contact.");
      const id = idOuverte();
      const contact = M.creerContact(champs);
      if (modifier((f) => {
        const e = M.trouver(f, id);
        if (!e) return false;
        e.contacts.push(contact);
        e.modifie = M.maintenant();
        return true;
      }, `${M.TYPES[contact.type]} du ${jourLisible(contact.date)} ajouté${contact.type === "visite" ? "e" : ""} au journal.`)) {
        formContact.reset();
        formContact.elements.namedItem("date").value = M.aujourdhui();
      }
    });

    importFichier.addEventListener("change", () => importer());

    racine.addEventListener("click", async (ev) => {
      const cible = ev.target.closest("[data-action]");
      if (!cible || !racine.contains(cible)) return;
      const action = cible.dataset.action;
      relire();
      const id = idOuverte();
      if (action === "ouvrir") {
        aller(`entreprise=${cible.dataset.id}`);
      } else if (action === "retour") {
        aller("");
      } else if (action === "nouvelle") {
        aller("nouvelle-entreprise");
      } else if (action === "sauvegarder") {
        const contenu = { ...fichier, dossiers: stockage.dossiersLies(fichier), application: "DIESE Guide", exporte: M.maintenant() };
        telecharger(`fichier-entreprises-${M.aujourdhui()}.json`, JSON.stringify(contenu, null, 2), "application/json");
        dire("Fichier sauvegardé : gardez-le, ou transmettez-le à un collègue qui l’ouvrira avec « Ouvrir une sauvegarde ».");
      } else if (action === "csv") {
        telecharger(`entreprises-${M.aujourdhui()}.csv`, M.csv(fichier), "text/csv;charset=utf-8");
        dire("Liste des entreprises enregistrée (CSV).");
      } else if (action === "ods") {
        telecharger(`entreprises-${M.aujourdhui()}.ods`, M.ods(fichier));
        dire("Liste des entreprises enregistrée (ODS).");
      } else if (action === "supprimer-entreprise") {
        const e = M.trouver(fichier, id);
        if (!e) return;
        const ok = await demander({ titre: "Supprimer cette entreprise ?", message: `« ${e.raison_sociale} », ses stages et son journal seront effacés de cet appareil. Les dossiers de check-lists des stages restent. Sauvegardez d’abord le fichier si vous voulez les garder.`, confirmer: "Supprimer", danger: true });
        if (!ok) return;
        if (modifier((f) => {
          const i = f.entreprises.findIndex((x) => x.id === e.id);
          if (i < 0) return false;
          f.entreprises.splice(i, 1);
          return true;
        }, `Entreprise « ${e.raison_sociale} » supprimée.`)) aller("");
      } else if (action === "supprimer-stage" || action === "supprimer-contact") {
        const cle = action === "supprimer-stage" ? "stages" : "contacts";
        const numero = cible.dataset.stage || cible.dataset.contact;
        const ok = await demander({ titre: action === "supprimer-stage" ? "Retirer ce stage ?" : "Effacer ce contact ?", message: action === "supprimer-stage" ? "Le stage est retiré du fichier ; son dossier de check-lists reste." : "Ce contact est effacé du journal.", confirmer: action === "supprimer-stage" ? "Retirer" : "Effacer", danger: true });
        if (!ok) return;
        modifier((f) => {
          const e = M.trouver(f, id);
          const i = e ? e[cle].findIndex((x) => x.id === numero) : -1;
          if (i < 0) return false;
          e[cle].splice(i, 1);
          e.modifie = M.maintenant();
          return true;
        }, action === "supprimer-stage" ? "Stage retiré." : "Contact effacé.");
      } else if (action === "checklists") {
        const trouve = M.trouverStage(fichier, cible.dataset.stage);
        if (!trouve) return;
        const { entreprise, stage } = trouve;
        const dossier = stockage.ouvrirDossierChecklist(stage.dossier, `${stage.stagiaire} — ${entreprise.raison_sociale}`);
        if (!dossier) return signaler("Enregistrement impossible : la mémoire de ce navigateur est pleine ou désactivée.");
        if (dossier !== stage.dossier && !modifier((f) => {
          const t = M.trouverStage(f, stage.id);
          if (!t) return false;
          t.stage.dossier = dossier;
          return true;
        }, "Dossier de check-lists créé.")) return;
        location.href = new URL(racine.dataset.checklists, document.baseURI).href;
      } else if (action === "ics") {
        const e = M.trouver(fichier, id);
        const visite = e?.contacts.find((c) => c.id === cible.dataset.contact);
        if (!visite) return;
        telecharger(`visite-${visite.date}.ics`, M.ics(e, visite), "text/calendar;charset=utf-8");
        dire("Événement enregistré : ouvrez le fichier .ics pour l’ajouter à votre agenda.");
      }
    });

    async function importer() {
      const f = importFichier.files[0];
      importFichier.value = "";
      if (!f) return;
      const refuser = (raison) => signaler(`Ouverture refusée : ${raison}. Rien n’a été modifié.`);
      if (f.size > TAILLE_IMPORT_MAX) return refuser("le fichier est trop volumineux");
      let donnees;
      try {
        donnees = JSON.parse(await f.text());
      } catch (erreur) {
        return refuser("le fichier n’est pas du JSON lisible");
      }
      if (!donnees || donnees.format !== M.FORMAT) return refuser("ce n’est pas un fichier d’entreprises de DIESE Guide");
      const examen = stockage.examiner(donnees);
      if (examen.erreurs) return refuser(`${examen.erreurs[0].chemin} : ${examen.erreurs[0].message}`);
      const importe = examen.fichier;
      const dossiers = importe.dossiers || {};
      delete importe.dossiers;
      delete importe.application;
      delete importe.exporte;
      relire();
      const choixMode = creer("fieldset", {}, creer("legend", { texte: "Que faire de ce fichier ?" }),
        ...[["fusionner", "Fusionner : ajouter ses entreprises, garder la version la plus récente de celles déjà présentes"],
          ["remplacer", "Remplacer tout le fichier de cet appareil par celui-ci"]].map(([v, t], i) => {
          const idRadio = idUnique(`mode-${v}`);
          return creer("p", {}, creer("input", { type: "radio", name: "mode", value: v, id: idRadio, checked: i === 0 }), " ", creer("label", { for: idRadio, texte: t }));
        }));
      const apercu = creer("div", { class: "diese-fe-apercu", "aria-live": "polite" });
      const montrer = () => {
        const mode = choixMode.querySelector("input:checked").value;
        const a = M.comparerImport(fichier, importe, mode);
        const ligne = (texte, noms) => creer("li", {}, `${texte} : ${noms.length}`, noms.length ? ` (${noms.slice(0, 5).join(", ")}${noms.length > 5 ? "…" : ""})` : "");
        const nDossiers = Object.keys(dossiers).length;
        apercu.replaceChildren(creer("ul", {},
          ligne("Ajoutées", a.ajoutees), ligne("Remplacées", a.remplacees), ligne("Inchangées", a.inchangees),
          mode === "remplacer" ? ligne("Retirées de cet appareil", a.retirees) : null,
          nDossiers ? creer("li", { texte: `Dossiers de check-lists des stages : ${nDossiers} (ajoutés, ou mis à jour s’ils sont plus récents que ceux de cet appareil)` }) : null));
      };
      choixMode.addEventListener("change", montrer);
      montrer();
      const ok = await demander({ titre: "Ouvrir la sauvegarde", message: `${importe.entreprises.length} entreprise(s) dans « ${f.name} ».`, contenu: creer("div", {}, choixMode, apercu), confirmer: "Appliquer" });
      if (!ok) return dire("Ouverture annulée : rien n’a été modifié.");
      const mode = choixMode.querySelector("input:checked").value;
      let bilan;
      const applique = modifier((actuel) => {
        bilan = M.comparerImport(actuel, importe, mode);
        const resultat = M.appliquerImport(actuel, importe, mode);
        actuel.entreprises = resultat.entreprises;
      }, () => `Sauvegarde ouverte : ${bilan.ajoutees.length} ajoutée(s), ${bilan.remplacees.length} remplacée(s)${mode === "remplacer" ? `, ${bilan.retirees.length} retirée(s)` : ""}.`);
      if (!applique) return;
      const n = stockage.fusionnerDossiers(dossiers);
      if (n === null) signaler("Les entreprises sont ouvertes, mais les dossiers de check-lists des stages n’ont pas pu être enregistrés : la mémoire de ce navigateur est pleine.");
      else if (n) message.append(` Dossiers de check-lists : ${n} enregistré(s).`);
      rendre();
    }

    const suivre = () => {
      if (racine.isConnected) naviguer();
    };
    window.addEventListener("hashchange", suivre);
    window.addEventListener("popstate", suivre);
    window.addEventListener("storage", (ev) => {
      if (!racine.isConnected || (ev.key && !ev.key.startsWith("diese-"))) return;
      relire();
      rendre();
    });

    relire();
    naviguer();
    stockage.persister().then((persistant) => {
      if (persistant !== false) return;
      avertissementPersistance = " Le navigateur peut effacer ces données s’il manque de place : sauvegardez le fichier de temps en temps.";
      rendreEspace();
    });
  }

  const tout = () => document.querySelectorAll("[data-diese-fichier]").forEach(monter);
  if (typeof window.document$ !== "undefined") window.document$.subscribe(tout);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", tout);
  else tout();
})();
