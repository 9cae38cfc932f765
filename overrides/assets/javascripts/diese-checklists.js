/* DIESE Guide — check-lists : cases enregistrées sur l'appareil (localStorage, par identifiant
   d’élément), dossiers nommés, avancement, notes, export / import, impression.
   Rien n’est envoyé nulle part. Monté par `document$` (navigation instantanée de Material) ;
   sans élément `.diese-cl` sur la page, ne fait rien. */
(() => {
  "use strict";

  const CLE = "diese-checklists";
  const FORMAT_STOCKAGE = "diese-checklists-stockage";
  const FORMAT_DOSSIER = "diese-checklists-dossier";
  const VERSION = 1;
  const IDENTIFIANT = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  const NOM_MAX = 80;
  const NOTE_MAX = 5000;
  const TAILLE_IMPORT_MAX = 1024 * 1024;
  const montes = new Set();
  let catalogue = null; // promesse du catalogue de toutes les listes (checklists/catalogue.json)

  /* ---------- outils ---------- */

  const maintenant = () => new Date().toISOString();
  const formatDate = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short" });
  const dateLisible = (iso) => {
    const d = iso ? new Date(iso) : null;
    return d && !Number.isNaN(d.getTime()) ? formatDate.format(d) : "—";
  };
  const nouvelId = () => `d${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
  const estObjet = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

  function creer(balise, attributs = {}, ...enfants) {
    const el = document.createElement(balise);
    for (const [nom, valeur] of Object.entries(attributs)) {
      if (valeur === false || valeur === null || valeur === undefined) continue;
      if (nom === "texte") el.textContent = valeur;
      else el.setAttribute(nom, valeur === true ? "" : valeur);
    }
    for (const enfant of enfants) {
      if (enfant !== null && enfant !== undefined) el.append(enfant);
    }
    return el;
  }

  /* ---------- stockage ---------- */

  function dossierVide(nom) {
    const date = maintenant();
    return { id: nouvelId(), nom, cree: date, modifie: date, elements: {} };
  }

  /* Un dossier que l'on n'a encore ni coché, ni annoté, ni renommé, ni vidé : sa date de création
     n’est pas une « modification ». */
  const jamaisModifie = (d) => d.modifie === d.cree && !Object.keys(d.elements).length;
  const libelleModification = (d) =>
    (jamaisModifie(d) ? "Aucune modification" : `Dernière modification : ${dateLisible(d.modifie)}`);

  function etatNeuf() {
    const dossier = dossierVide("Mon dossier");
    return { format: FORMAT_STOCKAGE, version: VERSION, actif: dossier.id, dossiers: { [dossier.id]: dossier } };
  }

  /* Ce qui se lit sans planter : un objet par dossier (nom, éléments en objets). Un dossier ou un
     élément malformé (null, nombre, clé `__proto__`…) n’est pas chargé ; l’état d’origine est
     alors mis de côté, comme un état illisible, et le reste se charge. */
  function dossierLisible(id, d) {
    if (!estObjet(d) || typeof d.nom !== "string" || !estObjet(d.elements)) return null;
    const elements = {};
    let complet = true;
    for (const [cle, e] of Object.entries(d.elements)) {
      if (!IDENTIFIANT.test(cle) || !estObjet(e) || typeof e.coche !== "boolean") {
        complet = false;
        continue;
      }
      const propre = { coche: e.coche };
      for (const champ of ["note", "texte", "liste", "modifie"]) {
        if (typeof e[champ] === "string") propre[champ] = e[champ];
        else if (e[champ] !== undefined) complet = false;
      }
      elements[cle] = propre;
    }
    const propre = {
      id, nom: d.nom.slice(0, NOM_MAX) || "Sans nom",
      cree: typeof d.cree === "string" ? d.cree : maintenant(),
      modifie: typeof d.modifie === "string" ? d.modifie : maintenant(),
      elements,
    };
    return { dossier: propre, complet: complet && d.id === id };
  }

  function mettreDeCote(brut) {
    try {
      localStorage.setItem(`${CLE}-illisible-${Date.now()}`, brut);
    } catch (erreur) {
      /* tant pis : l’état d’origine reste sous sa clé jusqu’à la prochaine écriture */
    }
  }

  /* Identifiants publiés puis remplacés (docs/data/checklists-ids-publies.yml, donnés par la
     page) : les coches et notes d’un ancien identifiant passent à son successeur, une fois, à la
     lecture. Si le successeur a déjà son propre état, l’ancien reste à part (« retirés »). */
  function remplacementsDeLaPage() {
    const porteur = document.querySelector("[data-remplacements]");
    try {
      const r = JSON.parse(porteur?.dataset.remplacements || "{}");
      return estObjet(r) ? r : {};
    } catch (erreur) {
      return {};
    }
  }

  function appliquerRemplacements(dossiers) {
    const remplacements = Object.entries(remplacementsDeLaPage())
      .filter(([ancien, nouveau]) => IDENTIFIANT.test(ancien) && typeof nouveau === "string" && IDENTIFIANT.test(nouveau));
    let change = false;
    for (const d of Object.values(dossiers)) {
      for (const [ancien, nouveau] of remplacements) {
        if (!Object.hasOwn(d.elements, ancien) || Object.hasOwn(d.elements, nouveau)) continue;
        d.elements[nouveau] = d.elements[ancien];
        delete d.elements[ancien];
        change = true;
      }
    }
    return change;
  }

  function etatLisible(brut) {
    let etat;
    try {
      etat = JSON.parse(brut);
    } catch (erreur) {
      return null;
    }
    if (!estObjet(etat) || etat.format !== FORMAT_STOCKAGE || !estObjet(etat.dossiers)) return null;
    const dossiers = {};
    let complet = true;
    for (const [id, d] of Object.entries(etat.dossiers)) {
      const lu = IDENTIFIANT.test(id) ? dossierLisible(id, d) : null;
      if (lu) dossiers[id] = lu.dossier;
      complet = complet && !!lu && lu.complet;
    }
    if (!Object.keys(dossiers).length) return complet ? { etat: etatNeuf(), complet } : null;
    const actif = typeof etat.actif === "string" && Object.hasOwn(dossiers, etat.actif)
      ? etat.actif : Object.keys(dossiers)[0];
    complet = complet && actif === etat.actif && etat.version === VERSION;
    const remplace = appliquerRemplacements(dossiers);
    return { etat: { format: FORMAT_STOCKAGE, version: VERSION, actif, dossiers }, complet, remplace };
  }

  let memoire = null; // stockage interdit (navigation privée stricte) : l’état vit dans la page

  function lireEtat() {
    let brut = null;
    try {
      brut = localStorage.getItem(CLE);
    } catch (erreur) {
      memoire = memoire || etatNeuf();
      return structuredClone(memoire);
    }
    if (brut === null) return etatNeuf();
    const lu = etatLisible(brut);
    if (!lu || !lu.complet) mettreDeCote(brut);
    if (!lu) return etatNeuf();
    if (!lu.complet || lu.remplace) sauver(lu.etat);
    return lu.etat;
  }

  function sauver(etat) {
    try {
      localStorage.setItem(CLE, JSON.stringify(etat));
      return true;
    } catch (erreur) {
      if (memoire) memoire = structuredClone(etat);
      return false;
    }
  }

  const dossierActif = (etat) => etat.dossiers[etat.actif];
  const dossierNumero = (etat, id) => (Object.hasOwn(etat.dossiers, id) ? etat.dossiers[id] : null);

  function dossiersTries(etat) {
    return Object.values(etat.dossiers).sort((a, b) => String(a.cree).localeCompare(String(b.cree)));
  }

  function nomLibre(etat, nom) {
    const pris = new Set(Object.values(etat.dossiers).map((d) => d.nom));
    if (!pris.has(nom)) return nom;
    for (let i = 2; ; i += 1) {
      const candidat = `${nom} (${i})`;
      if (!pris.has(candidat)) return candidat;
    }
  }

  /* ---------- import : validation ---------- */

  function validerImport(texte) {
    let donnees;
    try {
      donnees = JSON.parse(texte);
    } catch (erreur) {
      return { erreur: "le fichier n’est pas du JSON lisible" };
    }
    if (!estObjet(donnees) || donnees.format !== FORMAT_DOSSIER) {
      return { erreur: "ce n’est pas un dossier de check-lists exporté par DIESE Guide" };
    }
    if (donnees.version !== VERSION) {
      return { erreur: `version de fichier inconnue (${String(donnees.version)})` };
    }
    const d = donnees.dossier;
    if (!estObjet(d)) return { erreur: "le dossier est absent du fichier" };
    if (typeof d.nom !== "string" || !d.nom.trim() || d.nom.length > NOM_MAX) {
      return { erreur: "le nom du dossier est absent ou trop long" };
    }
    if (!estObjet(d.elements)) return { erreur: "la liste des éléments est absente" };
    const dateValide = (v) => v === undefined || (typeof v === "string" && !Number.isNaN(Date.parse(v)));
    if (!dateValide(d.cree) || !dateValide(d.modifie)) return { erreur: "une date du dossier est illisible" };
    const elements = {};
    for (const [id, e] of Object.entries(d.elements)) {
      const ou = `élément « ${id.slice(0, 60)} »`;
      if (!IDENTIFIANT.test(id)) return { erreur: `identifiant d’élément invalide : ${ou}` };
      if (!estObjet(e) || typeof e.coche !== "boolean") return { erreur: `${ou} : case cochée illisible` };
      if (e.note !== undefined && (typeof e.note !== "string" || e.note.length > NOTE_MAX)) {
        return { erreur: `${ou} : note illisible` };
      }
      if (e.texte !== undefined && (typeof e.texte !== "string" || e.texte.length > 2000)) {
        return { erreur: `${ou} : libellé illisible` };
      }
      if (e.liste !== undefined && (typeof e.liste !== "string" || !IDENTIFIANT.test(e.liste))) {
        return { erreur: `${ou} : liste illisible` };
      }
      if (!dateValide(e.modifie)) return { erreur: `${ou} : date illisible` };
      const propre = { coche: e.coche };
      for (const cle of ["note", "texte", "liste", "modifie"]) if (e[cle] !== undefined) propre[cle] = e[cle];
      elements[id] = propre;
    }
    const date = maintenant();
    return {
      dossier: {
        id: nouvelId(),
        nom: d.nom.trim(),
        cree: d.cree || date,
        modifie: d.modifie || date,
        elements,
      },
    };
  }

  /* ---------- catalogue ---------- */

  function catalogueDepuisPage(racine) {
    const liste = racine.dataset.dieseChecklist;
    if (!liste) return { listes: [] };
    return {
      listes: [{
        id: liste,
        titre: racine.dataset.titre || liste,
        groupes: [...racine.querySelectorAll(".diese-cl-groupe")].map((g) => ({
          id: g.dataset.groupe,
          titre: g.querySelector(".diese-cl-titre-groupe").firstChild.textContent.trim(),
          elements: [...g.querySelectorAll(".diese-cl-element")].map((li) => ({
            id: li.dataset.id,
            texte: li.querySelector("label").textContent,
          })),
        })),
      }],
      partiel: true,
    };
  }

  function chargerCatalogue(racine) {
    if (!catalogue) {
      const url = new URL(racine.dataset.catalogue, document.baseURI);
      catalogue = fetch(url)
        .then((r) => (r.ok ? r.json() : Promise.reject(new Error(r.status))))
        .catch(() => {
          catalogue = null; // réessayer plus tard ; en attendant, la page seule
          return catalogueDepuisPage(racine);
        });
    }
    return catalogue;
  }

  /* ---------- le stage auquel le dossier est rattaché (fichier d’entreprises, en lecture) ---------- */

  const formatJour = new Intl.DateTimeFormat("fr-FR", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
  const jourLisible = (iso) => (/^\d{4}-\d{2}-\d{2}$/.test(iso || "") ? formatJour.format(new Date(`${iso}T12:00:00Z`)) : "");
  const aujourdhui = () => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  };

  /* Même règle que le modèle du fichier d’entreprises : la prochaine visite est la première visite à venir du
     journal, la prochaine action celle du dernier contact qui en note une. */
  let dernierFichier = { brut: undefined, fichier: null }; // une case cochée ne reparse pas le fichier
  function stageDuDossier(idDossier) {
    let fichier;
    try {
      const brut = localStorage.getItem("diese-fichier-entreprises");
      if (brut !== dernierFichier.brut) dernierFichier = { brut, fichier: JSON.parse(brut) };
      fichier = dernierFichier.fichier;
    } catch (erreur) {
      return null;
    }
    for (const e of Array.isArray(fichier?.entreprises) ? fichier.entreprises : []) {
      const s = Array.isArray(e?.stages) ? e.stages.find((x) => x && x.dossier === idDossier) : null;
      if (!s) continue;
      const contacts = Array.isArray(e.contacts) ? e.contacts.filter((c) => c && typeof c.date === "string") : [];
      const jour = aujourdhui();
      const visite = contacts.filter((c) => c.type === "visite" && c.date >= jour)
        .sort((a, b) => `${a.date}${a.heure || ""}`.localeCompare(`${b.date}${b.heure || ""}`))[0] || null;
      const avecAction = contacts.filter((c) => c.action || c.echeance);
      const action = avecAction.length ? avecAction.reduce((a, b) => (b.date >= a.date ? b : a)) : null;
      return { entreprise: e, stage: s, visite, action };
    }
    return null;
  }

  function lignesStage(lien) {
    const { entreprise, stage, visite, action } = lien;
    const lignes = [`Stage de ${stage.stagiaire} chez ${entreprise.raison_sociale}`];
    if (visite) lignes.push(`Prochaine visite : ${jourLisible(visite.date)}${visite.heure ? ` à ${visite.heure.replace(/^0?(\d+):/, "$1 h ")}` : ""}${visite.qui ? ` avec ${visite.qui}` : ""}`);
    if (action) lignes.push(`Prochaine action : ${action.action || "—"}${action.echeance ? ` (pour le ${jourLisible(action.echeance)}${action.echeance < aujourdhui() ? ", en retard" : ""})` : ""}`);
    return lignes;
  }

  /* ---------- dialogues ---------- */

  function demander({ titre, message, champ = null, valeur = "", confirmer, danger = false }) {
    return new Promise((resoudre) => {
      const opener = document.activeElement;
      const idTitre = `diese-cl-dialogue-${nouvelId()}`;
      const form = creer("form", { method: "dialog" });
      form.append(creer("h2", { id: idTitre, texte: titre }));
      if (message) form.append(creer("p", { texte: message }));
      let entree = null;
      if (champ) {
        const idChamp = `${idTitre}-champ`;
        entree = creer("input", {
          id: idChamp, type: "text", required: true, maxlength: String(NOM_MAX), autocomplete: "off",
        });
        entree.value = valeur;
        form.append(creer("p", {}, creer("label", { for: idChamp, texte: champ }), entree));
      }
      const boutons = creer("p", { class: "diese-cl-dialogue-boutons" },
        creer("button", { type: "button", value: "annuler", class: "diese-cl-bouton", texte: "Annuler" }),
        creer("button", {
          type: "submit", value: "ok", class: `diese-cl-bouton diese-cl-bouton--principal${danger ? " diese-cl-bouton--danger" : ""}`, texte: confirmer,
        }));
      boutons.firstChild.addEventListener("click", () => dialogue.close("annuler"));
      form.append(boutons);
      const dialogue = creer("dialog", { class: "diese-cl-dialogue", "aria-labelledby": idTitre }, form);
      dialogue.addEventListener("close", () => {
        const ok = dialogue.returnValue === "ok";
        const reponse = ok ? (entree ? entree.value.trim() : true) : null;
        dialogue.remove();
        if (opener && opener.isConnected) opener.focus();
        resoudre(reponse === "" ? null : reponse);
      });
      document.body.append(dialogue);
      dialogue.showModal();
      if (entree) entree.select();
    });
  }

  /* ---------- exports ---------- */

  function telecharger(nomFichier, contenu, type) {
    const url = URL.createObjectURL(new Blob([contenu], { type }));
    const lien = creer("a", { href: url, download: nomFichier, hidden: true });
    document.body.append(lien);
    lien.click();
    lien.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  function nomDeFichier(dossier, extension) {
    const base = dossier.nom.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "dossier";
    return `checklists-${base}-${maintenant().slice(0, 10)}.${extension}`;
  }

  function exportJson(dossier) {
    const { nom, cree, modifie, elements } = dossier;
    return JSON.stringify({
      format: FORMAT_DOSSIER, version: VERSION, application: "DIESE Guide", exporte: maintenant(),
      dossier: { nom, cree, modifie, elements },
    }, null, 2);
  }

  function lignesResume(dossier, cat, connus) {
    const lignes = [];
    for (const liste of cat.listes) {
      for (const groupe of liste.groupes) {
        for (const el of groupe.elements) {
          const etat = dossier.elements[el.id] || {};
          lignes.push({ liste: liste.titre, groupe: groupe.titre, id: el.id, texte: el.texte, coche: !!etat.coche, note: etat.note || "" });
        }
      }
    }
    for (const [id, etat] of Object.entries(dossier.elements)) {
      if (!connus.has(id)) {
        lignes.push({ liste: "Éléments retirés du guide", groupe: etat.liste || "", id, texte: etat.texte || id, coche: !!etat.coche, note: etat.note || "" });
      }
    }
    return lignes;
  }

  /* Le résumé à envoyer : seulement ce qui est coché ou noté, liste par liste (les listes sans
     rien de coché ni de noté n’y figurent pas). */
  function exportTexte(dossier, cat, connus, stage = null) {
    const sortie = [`Dossier : ${dossier.nom}`];
    if (stage) sortie.push(...lignesStage(stage));
    sortie.push(libelleModification(dossier), `Résumé établi le ${dateLisible(maintenant())} (DIESE Guide)`);
    let liste = null;
    let groupe = null;
    let rien = true;
    for (const l of lignesResume(dossier, cat, connus)) {
      if (!l.coche && !l.note) continue;
      rien = false;
      if (l.liste !== liste) {
        liste = l.liste;
        groupe = null;
        sortie.push("", liste.toUpperCase());
      }
      if (l.groupe !== groupe) {
        groupe = l.groupe;
        if (groupe) sortie.push(`  ${groupe}`);
      }
      sortie.push(`    [${l.coche ? "x" : " "}] ${l.texte}`);
      if (l.note) sortie.push(`        Note : ${l.note.replace(/\s*\n\s*/g, " / ")}`);
    }
    if (rien) sortie.push("", "Rien n’est encore coché ni noté dans ce dossier.");
    return `${sortie.join("\n")}\n`;
  }

  /* Une cellule qui commence par = + - @ (ou tabulation, retour chariot) serait lue comme une
     formule par un tableur (note importée d’un fichier) : une apostrophe la garde en texte. */
  const neutraliser = (texte) => (/^[=+\-@\t\r]/.test(texte) ? `'${texte}` : texte);

  function exportCsv(dossier, cat, connus) {
    const champ = (v) => `"${neutraliser(String(v)).replace(/"/g, "\"\"")}"`;
    const lignes = [["Liste", "Groupe", "Identifiant", "Élément", "Coché", "Note"].map(champ).join(";")];
    for (const l of lignesResume(dossier, cat, connus)) {
      lignes.push([l.liste, l.groupe, l.id, l.texte, l.coche ? "oui" : "non", l.note].map(champ).join(";"));
    }
    return `\ufeff${lignes.join("\r\n")}\r\n`; // BOM : accents lisibles dans un tableur
  }

  /* ---------- montage ---------- */

  function monter(racine) {
    if (racine.dataset.monte) return;
    racine.dataset.monte = "oui";
    const idListe = racine.dataset.dieseChecklist || null; // null : page sommaire
    const titreListe = racine.dataset.titre || "";
    let etat = lireEtat();
    // Identifiants de cette version du site (dans la page : toujours à jour, même hors ligne).
    const connus = new Set((racine.dataset.idsGuide || "").split(" ").filter(Boolean));

    /* barre du dossier */
    const choix = creer("select", { id: "diese-cl-choix", class: "diese-cl-choix" });
    const bouton = (action, texte, extra = {}) =>
      creer("button", { type: "button", class: "diese-cl-bouton", "data-action": action, texte, ...extra });
    const maj = creer("p", { class: "diese-cl-etat" });
    const texteAvancement = creer("span", { id: "diese-cl-avancement-texte" });
    const barreAvancement = creer("progress", { max: "1", value: "0", "aria-labelledby": "diese-cl-avancement-texte" });
    const annonce = creer("p", { class: "diese-cl-invisible", role: "status", "aria-live": "polite" });
    const message = creer("p", { class: "diese-cl-message", role: "status" });
    const alerte = creer("p", { class: "diese-cl-alerte", role: "alert" });
    const fichier = creer("input", {
      type: "file", id: "diese-cl-import", accept: ".json,application/json", class: "diese-cl-invisible",
    });

    /* Le choix du dossier et un seul bouton « Actions » : sur un téléphone, les cases viennent
       aussitôt après. Sur un grand écran, le menu reste déplié (CSS) et le bouton disparaît. */
    const basculer = creer("button", {
      type: "button", class: "diese-cl-bouton diese-cl-bascule", "aria-expanded": "false", "aria-controls": "diese-cl-menu",
    }, "Actions", creer("span", { class: "diese-cl-invisible", texte: " du dossier" }));
    const menu = creer("div", { id: "diese-cl-menu", class: "diese-cl-menu", role: "group", "aria-label": "Actions du dossier", hidden: true },
      bouton("nouveau", "Nouveau dossier"),
      bouton("renommer", "Renommer"),
      bouton("supprimer", "Supprimer"),
      bouton("partager", "Partager le résumé"),
      bouton("export-json", "Enregistrer le dossier dans un fichier"),
      bouton("export-texte", "Résumé à envoyer (texte)"),
      bouton("export-csv", "Résumé pour tableur (CSV)"),
      fichier,
      creer("label", { for: "diese-cl-import", class: "diese-cl-bouton diese-cl-bouton-fichier", texte: "Ouvrir un dossier enregistré" }),
      bouton("imprimer", "Imprimer"),
      bouton("reinitialiser", idListe ? "Décocher toute la liste" : "Vider le dossier"));
    const stage = creer("div", { class: "diese-cl-stage", hidden: true });
    const barre = creer("div", { class: "diese-cl-barre" },
      creer("div", { class: "diese-cl-ligne" },
        creer("label", { for: "diese-cl-choix", class: "diese-cl-etiquette", texte: "Dossier ouvert" }),
        choix,
        basculer),
      menu,
      stage,
      maj,
      idListe ? creer("p", { class: "diese-cl-avancement" }, barreAvancement, " ", texteAvancement) : null,
      message, alerte, annonce);
    basculer.addEventListener("click", () => {
      const ouvrir = menu.hidden;
      menu.hidden = !ouvrir;
      basculer.setAttribute("aria-expanded", String(ouvrir));
      if (ouvrir) menu.querySelector("button").focus();
    });
    menu.addEventListener("keydown", (ev) => {
      if (ev.key === "Escape" && !menu.hidden && getComputedStyle(basculer).display !== "none") {
        menu.hidden = true;
        basculer.setAttribute("aria-expanded", "false");
        basculer.focus();
      }
    });
    const entete = creer("div", { class: "diese-cl-entete-impression" });
    const retires = creer("section", { class: "diese-cl-retires", "aria-labelledby": "diese-cl-retires-titre", hidden: true });
    const source = racine.querySelector(".diese-cl-source");
    if (source) source.after(entete, barre);
    else racine.prepend(entete, barre);
    racine.append(retires);
    racine.classList.add("diese-cl--active");

    /* notes par élément */
    const items = [...racine.querySelectorAll(".diese-cl-element")];
    for (const li of items) {
      const id = li.dataset.id;
      const texte = li.querySelector("label").textContent;
      const idNote = `diese-cl-note-${id}`;
      const btn = creer("button", {
        type: "button", class: "diese-cl-bouton-note", "aria-expanded": "false", "aria-controls": idNote, "data-note": id,
      }, "Note", creer("span", { class: "diese-cl-invisible", texte: ` sur « ${texte} »` }));
      const zone = creer("textarea", { id: `${idNote}-champ`, rows: "2", maxlength: String(NOTE_MAX), "data-note-champ": id });
      const bloc = creer("div", { id: idNote, class: "diese-cl-note", hidden: true },
        creer("label", { for: `${idNote}-champ` }, "Note", creer("span", { class: "diese-cl-invisible", texte: ` sur « ${texte} »` })),
        zone);
      const imprimee = creer("p", { class: "diese-cl-note-imprimee" });
      li.querySelector("label").after(btn);
      li.append(bloc, imprimee);
    }

    /* --- rendu depuis l'état --- */
    const dossier = () => dossierActif(etat);

    function compter(elements) {
      const d = dossier();
      return elements.filter((li) => d.elements[li.dataset.id]?.coche).length;
    }

    function rendreRetires() {
      retires.replaceChildren();
      const apart = Object.entries(dossier().elements)
        .filter(([id, e]) => !connus.has(id) && (idListe === null || e.liste === idListe));
      retires.hidden = apart.length === 0;
      if (!apart.length) return;
      retires.append(
        creer("h2", { id: "diese-cl-retires-titre", texte: "Éléments retirés du guide" }),
        creer("p", { texte: "Ces éléments ne figurent plus dans la version actuelle de la liste. Ce que vous y aviez coché ou noté est gardé ici, à part." }));
      const ul = creer("ul", { class: "diese-cl-liste-retires" });
      for (const [id, e] of apart) {
        ul.append(creer("li", { "data-id": id, class: e.coche ? "diese-cl-retire--coche" : "" },
          creer("span", { class: "diese-cl-marque", "aria-hidden": "true", texte: e.coche ? "☑" : "☐" }),
          creer("span", { class: "diese-cl-invisible", texte: e.coche ? "Coché : " : "Non coché : " }),
          e.texte || id,
          e.note ? creer("span", { class: "diese-cl-note-retiree", texte: ` — Note : ${e.note}` }) : null));
      }
      retires.append(ul, bouton("oublier-retires", "Oublier ces éléments"));
    }

    function rendre() {
      const d = dossier();
      choix.replaceChildren(...dossiersTries(etat).map((x) => {
        const option = creer("option", { value: x.id, texte: x.nom });
        option.selected = x.id === etat.actif;
        return option;
      }));
      maj.replaceChildren(...(jamaisModifie(d) ? ["Aucune modification"]
        : ["Dernière modification : ", creer("span", { class: "diese-cl-date", texte: dateLisible(d.modifie) })]));
      for (const li of items) {
        const e = d.elements[li.dataset.id] || {};
        li.querySelector("input[type=checkbox]").checked = !!e.coche;
        li.classList.toggle("diese-cl-element--coche", !!e.coche);
        const zone = li.querySelector("textarea");
        if (document.activeElement !== zone) zone.value = e.note || "";
        const bloc = li.querySelector(".diese-cl-note");
        const btn = li.querySelector(".diese-cl-bouton-note");
        if (e.note) {
          bloc.hidden = false;
          btn.setAttribute("aria-expanded", "true");
        }
        btn.classList.toggle("diese-cl-bouton-note--remplie", !!e.note);
        li.querySelector(".diese-cl-note-imprimee").textContent = e.note ? `Note : ${e.note}` : "";
      }
      if (idListe) {
        for (const section of racine.querySelectorAll(".diese-cl-groupe")) {
          const lis = items.filter((li) => section.contains(li));
          section.querySelector("[data-compte]").textContent = `— ${compter(lis)} sur ${lis.length}`;
        }
        const n = compter(items);
        barreAvancement.max = items.length;
        barreAvancement.value = n;
        texteAvancement.textContent = `${n} sur ${items.length} éléments cochés dans cette liste`;
      } else {
        for (const ligne of racine.querySelectorAll("tr[data-ids]")) {
          const ids = ligne.dataset.ids.split(" ");
          const n = ids.filter((id) => d.elements[id]?.coche).length;
          ligne.querySelector("[data-progression-liste]").textContent = `${n} / ${ids.length}`;
        }
      }
      const lien = stageDuDossier(d.id);
      stage.hidden = !lien;
      if (lien) {
        const [titre, ...suite] = lignesStage(lien);
        const adresse = new URL(`fichier-entreprises/#entreprise=${lien.entreprise.id}`, new URL(racine.dataset.catalogue || "../catalogue.json", document.baseURI));
        stage.replaceChildren(
          creer("p", { class: "diese-cl-stage-titre" }, creer("a", { href: adresse.href, texte: titre })),
          ...suite.map((t) => creer("p", { texte: t })));
      }
      entete.replaceChildren(
        creer("p", {}, creer("strong", { texte: "Dossier : " }), d.nom),
        creer("p", { texte: `${titreListe ? `${titreListe} — ` : ""}imprimé le ${dateLisible(maintenant())} — ${jamaisModifie(d) ? "aucune modification" : `dernière modification le ${dateLisible(d.modifie)}`}` }));
      rendreRetires();
    }

    /* Toute écriture relit l’état enregistré (un autre onglet a pu écrire, un dialogue a pu durer)
       et y applique son changement, par identifiant de dossier. Si l’enregistrement échoue, on le
       dit aussitôt et l’on revient à ce qui est réellement gardé : rien n’annonce un succès. */
    function ecrire(changer, annonceTexte) {
      etat = lireEtat();
      if (changer(etat) === false) {
        rendre();
        return false;
      }
      const ok = sauver(etat);
      if (ok) alerte.textContent = "";
      else if (memoire) alerte.textContent = "Ce navigateur n’autorise pas l’enregistrement : ce que vous faites sera perdu en quittant la page. Enregistrez le dossier dans un fichier.";
      else {
        alerte.textContent = "Enregistrement impossible : la mémoire de ce navigateur est pleine ou désactivée. La dernière modification n’est pas gardée ; enregistrez le dossier dans un fichier ou libérez de la place.";
        message.textContent = "";
        etat = lireEtat();
      }
      rendre();
      if (annonceTexte && (ok || memoire)) annonce.textContent = annonceTexte;
      return ok || !!memoire;
    }

    function modifierElement(e, id, changement) {
      const d = dossierActif(e);
      const li = items.find((x) => x.dataset.id === id);
      const date = maintenant();
      const actuel = { ...(d.elements[id] || { coche: false }), ...changement, modifie: date };
      if (li) {
        actuel.texte = li.querySelector("label").textContent;
        actuel.liste = idListe;
      }
      if (!actuel.note) delete actuel.note;
      if (!actuel.coche && !actuel.note) delete d.elements[id];
      else d.elements[id] = actuel;
      d.modifie = date;
    }

    const informer = (texte) => {
      message.textContent = texte;
    };

    /* Le dossier sur lequel portait un dialogue, relu après lui : s’il a disparu entre-temps
       (supprimé dans un autre onglet), on le dit au lieu d’écrire ailleurs. */
    function retrouver(e, id) {
      const d = dossierNumero(e, id);
      if (!d) {
        message.textContent = "";
        alerte.textContent = "Ce dossier a été supprimé entre-temps (dans un autre onglet) : rien n’a été modifié.";
      }
      return d;
    }

    /* --- événements --- */
    racine.addEventListener("change", (ev) => {
      const cible = ev.target;
      if (cible.matches(".diese-cl-element input[type=checkbox]")) {
        const id = dossier().id;
        const ok = ecrire((e) => {
          if (!retrouver(e, id)) return false;
          e.actif = id;
          modifierElement(e, cible.name, { coche: cible.checked });
          return true;
        });
        if (!ok) return;
        const section = cible.closest(".diese-cl-groupe");
        const lis = items.filter((li) => section.contains(li));
        const titre = section.querySelector(".diese-cl-titre-groupe").firstChild.textContent.trim();
        annonce.textContent = `${titre} : ${compter(lis)} sur ${lis.length}. Liste : ${compter(items)} sur ${items.length}.`;
      } else if (cible === choix) {
        const id = choix.value;
        if (ecrire((e) => { if (!retrouver(e, id)) return false; e.actif = id; return true; })) {
          informer(`Dossier « ${dossier().nom} » ouvert.`);
        }
      } else if (cible === fichier) {
        importer();
      }
    });

    racine.addEventListener("input", (ev) => {
      const id = ev.target.dataset?.noteChamp;
      if (!id) return;
      const numero = dossier().id;
      const valeur = ev.target.value;
      ecrire((e) => {
        if (!retrouver(e, numero)) return false;
        e.actif = numero;
        modifierElement(e, id, { note: valeur });
        return true;
      });
    });

    racine.addEventListener("click", async (ev) => {
      const noteBtn = ev.target.closest("[data-note]");
      if (noteBtn) {
        const bloc = document.getElementById(noteBtn.getAttribute("aria-controls"));
        const ouvrir = bloc.hidden;
        bloc.hidden = !ouvrir;
        noteBtn.setAttribute("aria-expanded", String(ouvrir));
        if (ouvrir) bloc.querySelector("textarea").focus();
        return;
      }
      const action = ev.target.closest("[data-action]")?.dataset.action;
      if (!action) return;
      etat = lireEtat(); // un autre onglet a pu écrire entre-temps
      const d = dossier();
      const id = d.id;
      if (action === "nouveau") {
        const nom = await demander({ titre: "Nouveau dossier", message: "Par exemple les initiales du stagiaire, ou l’entreprise et la date de la visite.", champ: "Nom du dossier", confirmer: "Créer" });
        if (!nom) return;
        let nouveau;
        const ok = ecrire((e) => {
          nouveau = dossierVide(nomLibre(e, nom));
          e.dossiers[nouveau.id] = nouveau;
          e.actif = nouveau.id;
        });
        if (ok) informer(`Dossier « ${nouveau.nom} » créé et ouvert.`);
      } else if (action === "renommer") {
        const nom = await demander({ titre: "Renommer le dossier", champ: "Nouveau nom", valeur: d.nom, confirmer: "Renommer" });
        if (!nom) return;
        let nomFinal;
        const ok = ecrire((e) => {
          const cible = retrouver(e, id);
          if (!cible) return false;
          if (nom === cible.nom) return false;
          cible.nom = nomLibre(e, nom);
          cible.modifie = maintenant();
          nomFinal = cible.nom;
          return true;
        });
        if (ok) informer(`Dossier renommé « ${nomFinal} ».`);
      } else if (action === "supprimer") {
        const ok = await demander({ titre: "Supprimer le dossier ?", message: `Le dossier « ${d.nom} », ses cases cochées et ses notes seront effacés de cet appareil. Enregistrez-le d’abord dans un fichier si vous voulez le garder.`, confirmer: "Supprimer", danger: true });
        if (!ok) return;
        const fait = ecrire((e) => {
          if (!retrouver(e, id)) return false;
          delete e.dossiers[id];
          if (!Object.keys(e.dossiers).length) {
            const neuf = dossierVide("Mon dossier");
            e.dossiers[neuf.id] = neuf;
          }
          if (!Object.hasOwn(e.dossiers, e.actif)) e.actif = dossiersTries(e)[0].id;
          return true;
        });
        if (fait) informer(`Dossier « ${d.nom} » supprimé. Dossier ouvert : « ${dossier().nom} ».`);
      } else if (action === "reinitialiser") {
        const ok = await demander({
          titre: idListe ? "Décocher toute la liste ?" : "Vider le dossier ?",
          message: idListe
            ? `Toutes les cases et les notes de la liste « ${titreListe} » seront effacées dans le dossier « ${d.nom} ». Les autres listes ne changent pas.`
            : `Toutes les cases et les notes du dossier « ${d.nom} » seront effacées.`,
          confirmer: idListe ? "Décocher" : "Vider", danger: true,
        });
        if (!ok) return;
        const ids = new Set(items.map((li) => li.dataset.id));
        const fait = ecrire((e) => {
          const cible = retrouver(e, id);
          if (!cible) return false;
          for (const cle of Object.keys(cible.elements)) {
            if (!idListe || ids.has(cle)) delete cible.elements[cle];
          }
          cible.modifie = maintenant();
          e.actif = id;
          return true;
        }, idListe ? `Liste décochée : 0 sur ${items.length}.` : "Dossier vidé.");
        if (fait) informer(idListe ? "Liste décochée." : "Dossier vidé.");
      } else if (action === "oublier-retires") {
        const ok = await demander({ titre: "Oublier les éléments retirés ?", message: "Ces éléments n’existent plus dans le guide ; ce que vous y aviez coché ou noté sera effacé.", confirmer: "Oublier", danger: true });
        if (!ok) return;
        const fait = ecrire((e) => {
          const cible = retrouver(e, id);
          if (!cible) return false;
          for (const [cle, el] of Object.entries(cible.elements)) {
            if (!connus.has(cle) && (idListe === null || el.liste === idListe)) delete cible.elements[cle];
          }
          cible.modifie = maintenant();
          return true;
        });
        if (fait) informer("Éléments retirés oubliés.");
      } else if (action === "export-json") {
        telecharger(nomDeFichier(d, "json"), exportJson(d), "application/json");
        informer("Dossier enregistré dans un fichier.");
      } else if (action === "export-texte" || action === "export-csv") {
        const c = await chargerCatalogue(racine);
        if (action === "export-texte") telecharger(nomDeFichier(d, "txt"), exportTexte(d, c, connus, stageDuDossier(d.id)), "text/plain;charset=utf-8");
        else telecharger(nomDeFichier(d, "csv"), exportCsv(d, c, connus), "text/csv;charset=utf-8");
        informer(c.partiel ? "Résumé enregistré (cette liste seulement : le catalogue complet est indisponible)." : "Résumé enregistré.");
      } else if (action === "partager") {
        const c = await chargerCatalogue(racine);
        partager(d, exportTexte(d, c, connus, stageDuDossier(d.id)));
      } else if (action === "imprimer") {
        rendre();
        window.print();
      }
    });

    /* Le résumé dans un dialogue : copier, partager (feuille de partage du système) ou, sans
       elle, un brouillon de courriel. Rien ne part sans que l’utilisateur l’envoie lui-même. */
    function partager(d, texte) {
      const opener = document.activeElement;
      const idTitre = `diese-cl-dialogue-${nouvelId()}`;
      const zone = creer("textarea", { id: `${idTitre}-texte`, rows: "10", readonly: true, class: "diese-cl-resume" });
      zone.value = texte;
      const etat = creer("p", { role: "status", class: "diese-cl-message" });
      const sujet = `Check-lists : ${d.nom}`;
      const corps = texte.length > 1800 ? `${texte.slice(0, 1800)}\n[…] (résumé tronqué : collez le texte copié)` : texte;
      const courriel = creer("a", { class: "diese-cl-bouton", href: `mailto:?subject=${encodeURIComponent(sujet)}&body=${encodeURIComponent(corps)}`, texte: "Préparer un courriel" });
      const copier = creer("button", { type: "button", class: "diese-cl-bouton diese-cl-bouton--principal", texte: "Copier" });
      const systeme = typeof navigator.share === "function"
        ? creer("button", { type: "button", class: "diese-cl-bouton", texte: "Partager…" }) : null;
      const fermer = creer("button", { type: "submit", value: "fermer", class: "diese-cl-bouton", texte: "Fermer" });
      const dialogue = creer("dialog", { class: "diese-cl-dialogue diese-cl-dialogue--partage", "aria-labelledby": idTitre },
        creer("form", { method: "dialog" },
          creer("h2", { id: idTitre, texte: "Partager le résumé" }),
          creer("p", { texte: "Seulement ce qui est coché ou noté, liste par liste." }),
          creer("p", {}, creer("label", { for: zone.id, texte: "Résumé" }), zone),
          creer("p", { class: "diese-cl-dialogue-boutons" }, copier, systeme, courriel, fermer),
          etat));
      copier.addEventListener("click", async () => {
        try {
          await navigator.clipboard.writeText(texte);
          etat.textContent = "Résumé copié : collez-le dans un message.";
        } catch (erreur) {
          zone.focus();
          zone.select();
          etat.textContent = "Copie refusée par le navigateur : le texte est sélectionné, copiez-le avec le menu ou Ctrl+C.";
        }
      });
      if (systeme) {
        systeme.addEventListener("click", async () => {
          try {
            await navigator.share({ title: sujet, text: texte });
            etat.textContent = "Résumé transmis à l’application choisie.";
          } catch (erreur) {
            etat.textContent = erreur && erreur.name === "AbortError" ? "Partage annulé." : "Partage impossible : copiez le texte ou préparez un courriel.";
          }
        });
      }
      dialogue.addEventListener("close", () => {
        dialogue.remove();
        if (opener && opener.isConnected) opener.focus();
      });
      document.body.append(dialogue);
      dialogue.showModal();
      copier.focus();
    }

    async function importer() {
      const f = fichier.files[0];
      fichier.value = "";
      if (!f) return;
      const refuser = (raison) => {
        message.textContent = "";
        alerte.textContent = `Ouverture refusée : ${raison}. Aucun dossier n’a été modifié.`;
      };
      if (f.size > TAILLE_IMPORT_MAX) return refuser("le fichier est trop volumineux pour être un dossier");
      let texte;
      try {
        texte = await f.text();
      } catch (erreur) {
        return refuser("le fichier est illisible");
      }
      const resultat = validerImport(texte);
      if (resultat.erreur) return refuser(resultat.erreur);
      const d = resultat.dossier;
      const ok = ecrire((e) => {
        d.nom = nomLibre(e, d.nom);
        e.dossiers[d.id] = d;
        e.actif = d.id;
      });
      if (!ok) return;
      const n = Object.values(d.elements).filter((e) => e.coche).length;
      informer(`Dossier « ${d.nom} » ouvert depuis le fichier (${n} élément${n > 1 ? "s" : ""} coché${n > 1 ? "s" : ""}).`);
    }

    racine.rafraichir = () => {
      etat = lireEtat();
      rendre();
    };
    montes.add(racine);
    if (!sauver(etat)) alerte.textContent = memoire
      ? "Ce navigateur n’autorise pas l’enregistrement : les cases cochées seront perdues en quittant la page."
      : "Enregistrement impossible : la mémoire de ce navigateur est pleine ou désactivée. Ce que vous cocherez ne sera pas gardé.";
    rendre();
  }

  /* Un autre onglet a modifié les dossiers, ou l'on imprime (date du jour) : on se met à jour. */
  function rafraichirTout() {
    for (const racine of montes) {
      if (racine.isConnected) racine.rafraichir();
      else montes.delete(racine);
    }
  }
  window.addEventListener("storage", (ev) => {
    if (ev.key === CLE || ev.key === null) rafraichirTout();
  });
  window.addEventListener("beforeprint", rafraichirTout);

  const tout = () => document
    .querySelectorAll(".diese-cl[data-diese-checklist], .diese-cl[data-diese-checklist-sommaire]")
    .forEach(monter);
  if (typeof window.document$ !== "undefined") window.document$.subscribe(tout);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", tout);
  else tout();
})();
