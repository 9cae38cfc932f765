// Simulator widgets (pages outils/…): the pre-rendered result stays until the engine, running in
// ONE Web Worker kept for the whole visit (instant navigation included), takes over. The worker
// returns HTML built by the same Python renderer as the build; this file only swaps it in.
(() => {
  "use strict";

  // Start-up is judged on progress, not on elapsed time: on a slow network the download takes
  // minutes and must not be cut; only a worker that has said nothing for this long has failed.
  const DELAI_SANS_PROGRES_MS = window.DIESE_DELAI_SANS_PROGRES_MS || 45000; // tests shorten it
  // Once every byte is in, Python starts: no bytes to show for it, only CPU (slow on old phones).
  const DELAI_PYTHON_MS = 90000;
  const ETATS = { prerendu: "prerendu", chargement: "chargement", pret: "pret", erreur: "erreur" };
  const HORS_LIGNE = "vous êtes hors ligne et le moteur de calcul n’a pas encore été enregistré sur cet appareil : ouvrez ce simulateur une fois avec une connexion pour qu’il fonctionne ensuite hors ligne";

  // ------------------------------------------------------------------ the engine (one per visit)
  const moteur = {
    worker: null,
    etat: "arrete", // arrete | demarrage | pret | echec
    progres: "",
    octets: null, // {recus, total} while downloading
    echec: "",
    attentes: new Map(),
    suivant: 1,
    abonnes: new Set(),
    minuterie: null,
  };

  function notifier() {
    for (const abonne of moteur.abonnes) abonne();
  }

  function annoncerMoteur() {
    // diese-hors-ligne.js waits for this to install the offline copy (out of the engine's way).
    window.dispatchEvent(new CustomEvent("diese-moteur", { detail: { etat: moteur.etat } }));
  }

  function echouer(texte) {
    moteur.etat = "echec";
    moteur.echec = texte;
    clearTimeout(moteur.minuterie);
    if (moteur.worker) moteur.worker.terminate();
    moteur.worker = null;
    notifier();
    annoncerMoteur();
  }

  function surveiller() {
    clearTimeout(moteur.minuterie);
    const octets = moteur.octets;
    const recu = octets && octets.total && octets.recus >= octets.total;
    moteur.minuterie = setTimeout(
      () => echouer("le moteur de calcul ne progresse plus (réseau interrompu, ou WebAssembly bloqué)"),
      recu ? DELAI_PYTHON_MS : DELAI_SANS_PROGRES_MS,
    );
  }

  function peutDemarrer() {
    return typeof WebAssembly === "object" && typeof Worker === "function";
  }

  // Offline, the engine can only start from the copy kept on the device at a first use online.
  async function disponibleHorsLigne(urlRoue) {
    if (navigator.onLine !== false) return true;
    try {
      return Boolean(await caches.match(new URL(urlRoue, location.href).href));
    } catch {
      return false;
    }
  }

  // The engine keeps itself on the device (the service worker's cache) once it has started.
  function garderMoteur() {
    if (!("serviceWorker" in navigator)) return;
    navigator.serviceWorker.ready
      .then((inscription) => inscription.active && inscription.active.postMessage({ type: "garder-moteur" }))
      .catch(() => {});
  }

  function creerWorker(urlWorker) {
    if (moteur.worker || !peutDemarrer()) return;
    try {
      moteur.worker = new Worker(new URL(urlWorker, location.href), { type: "module" });
    } catch (erreur) {
      moteur.worker = null;
      return;
    }
    moteur.worker.addEventListener("message", recevoir);
    moteur.worker.addEventListener("error", () => echouer("le moteur de calcul n’a pas pu être chargé"));
  }

  async function demarrerMoteur(urlWorker, urlRoue, echauffement) {
    if (moteur.etat === "demarrage" || moteur.etat === "pret") return;
    if (!peutDemarrer()) {
      echouer("votre navigateur n’exécute pas WebAssembly dans un Web Worker");
      return;
    }
    moteur.etat = "demarrage";
    moteur.progres = "Démarrage du moteur de calcul…";
    moteur.octets = null;
    notifier();
    // Already started by the page's early script (loaded from the simulator's markup): adopt it,
    // with the messages it sent meanwhile (on a warm start, possibly `pret` already).
    const amorce = window.dieseMoteurAmorce;
    if (amorce && amorce.urlWorker === new URL(urlWorker, location.href).href) {
      window.dieseMoteurAmorce = null;
      surveiller();
      moteur.worker = amorce.adopter(recevoir, () => echouer("le moteur de calcul n’a pas pu être chargé"));
      if (moteur.worker && echauffement) moteur.worker.postMessage({ type: "echauffer", echauffement });
      return;
    }
    performance.mark("diese-moteur-demarrage"); // read by the benchmark
    if (!(await disponibleHorsLigne(urlRoue))) {
      echouer(HORS_LIGNE);
      return;
    }
    creerWorker(urlWorker);
    if (!moteur.worker) {
      echouer("le moteur de calcul n’a pas pu être lancé");
      return;
    }
    surveiller();
    moteur.worker.postMessage({ type: "demarrer", roue: new URL(urlRoue, location.href).href, echauffement });
  }

  function recevoir(evenement) {
    const message = evenement.data || {};
    if (message.type === "octets") moteur.octets = { recus: message.recus, total: message.total };
    if (moteur.etat === "demarrage" && (message.type === "progres" || message.type === "octets")) surveiller();
    if (message.type === "progres") {
      moteur.progres = message.texte;
      notifier();
    } else if (message.type === "octets") {
      notifier();
    } else if (message.type === "pret") {
      clearTimeout(moteur.minuterie);
      moteur.etat = "pret";
      moteur.octets = null;
      moteur.dureeDemarrage = message.duree;
      moteur.etapes = message.etapes;
      notifier();
      annoncerMoteur();
      garderMoteur();
    } else if (message.type === "echec") {
      echouer(navigator.onLine === false ? HORS_LIGNE : `le moteur de calcul n’a pas pu démarrer (${message.texte})`);
    } else if (message.type === "resultat") {
      const rappel = moteur.attentes.get(message.id);
      moteur.attentes.delete(message.id);
      if (rappel) rappel({ ...message.sortie, dureeMoteur: message.duree });
    }
  }

  // « 3,2 Mo sur 18,9 Mo »: bytes of the runtime received, as inflated by the browser.
  function enMo(octets) {
    // By hand, as dateEnLettres: no locale data to load for a progress label.
    return `${(octets / 1e6).toFixed(1).replace(".", ",")} Mo`;
  }

  // The progress bar sits under the status line; the status line (a live region) only says the
  // phase, so that a screen reader is not told every quarter of a second how many bytes came.
  function montrerProgres(racine, etat) {
    let boite = racine.querySelector(".diese-simulateur__progres");
    const octets = moteur.etat === "demarrage" ? moteur.octets : null;
    if (!octets) {
      boite?.remove();
      return;
    }
    if (!boite) {
      boite = document.createElement("p");
      boite.className = "diese-simulateur__progres";
      const barre = document.createElement("progress");
      barre.id = `${racine.id || "simulateur"}-progres`;
      barre.setAttribute("aria-label", "Téléchargement du moteur de calcul");
      const texte = document.createElement("span");
      texte.setAttribute("aria-hidden", "true"); // the bar itself is what assistive tech reads
      boite.append(barre, " ", texte);
      etat.after(boite);
    }
    const [barre, , texte] = boite.childNodes;
    const total = Math.max(octets.total || 0, octets.recus);
    if (total) {
      barre.max = total;
      barre.value = octets.recus;
      texte.textContent = `${enMo(octets.recus)} sur ${enMo(total)}`;
    } else {
      barre.removeAttribute("value");
      texte.textContent = `${enMo(octets.recus)} reçus`;
    }
  }

  function calculer(commande, entree) {
    return new Promise((resoudre) => {
      const id = moteur.suivant++;
      moteur.attentes.set(id, resoudre);
      moteur.worker.postMessage({ type: "calculer", id, commande, entree: JSON.stringify(entree) });
    });
  }

  // ------------------------------------------------------------------ form values <-> engine input
  function champs(formulaire) {
    return Array.from(formulaire.querySelectorAll("[name][data-type]"));
  }

  // Numbers as French users type them: « 1 500,50 », « 1500.5 », « 1 500 € » (ordinary, no-break
  // and narrow no-break spaces); NaN when the text is not a number. Same rule as the engine's
  // diese.simulation.nombres.
  function nombreFr(texte) {
    let propre = String(texte).replace(/[\s\u00a0\u202f\u2009]+/g, "").replace(/(€|%|eur)$/i, "");
    if (propre.includes(",") && propre.includes(".")) {
      const decimal = propre.lastIndexOf(",") > propre.lastIndexOf(".") ? "," : ".";
      propre = propre.split(decimal === "," ? "." : ",").join("");
    }
    if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(propre)) return NaN;
    return Number(propre.replace(",", "."));
  }

  function boiteDe(champ) {
    return champ.closest(".diese-sim-champ") || champ;
  }

  // A hidden question (it does not matter for this situation) is neither sent nor checked.
  function estMontre(champ) {
    return !boiteDe(champ).hidden;
  }

  function valeurDe(champ) {
    const type = champ.dataset.type;
    if (type === "booleen") return champ.checked;
    if (champ.value.trim() === "") return undefined;
    if (type === "entier" || type === "decimal") {
      const n = nombreFr(champ.value);
      return Number.isFinite(n) ? n : undefined;
    }
    if ("nombre" in champ.dataset) return Number(champ.value);
    return champ.value;
  }

  function erreurLocale(champ) {
    const type = champ.dataset.type;
    if ((type === "entier" || type === "decimal") && champ.value.trim() !== "") {
      const n = nombreFr(champ.value);
      if (!Number.isFinite(n)) {
        return type === "entier" ? "Saisissez un nombre entier, par exemple 12." : "Saisissez un nombre, par exemple 1 500,50.";
      }
      if (type === "entier" && !Number.isInteger(n)) return "Saisissez un nombre entier, sans virgule.";
    }
    if (type === "date" && champ.validity.badInput) return "Saisissez une date complète.";
    return null;
  }

  // `visible_si` of the field metadata (diese.simulation.champs), the same rule as the build
  // (widget.visible): one rule holds, each of its entries holding ({"min"} for numbers,
  // {"avant"} for dates); a field absent from the form does not restrict, a hidden one fails.
  // Fields are visited in document order, so a chain resolves in one pass.
  function tient(condition, valeur) {
    if (Array.isArray(condition)) return condition.some((a) => String(a).toLowerCase() === String(valeur).toLowerCase());
    if ("min" in condition && !(typeof valeur === "number" && valeur >= condition.min)) return false;
    return !("avant" in condition) || (typeof valeur === "string" && valeur < condition.avant);
  }

  function appliquerConditions(formulaire) {
    for (const boite of formulaire.querySelectorAll("[data-visible-si]")) {
      let regles;
      try {
        regles = JSON.parse(boite.dataset.visibleSi);
      } catch {
        continue;
      }
      const montre = [].concat(regles).some((regle) =>
        Object.entries(regle).every(([nom, condition]) => {
          const controle = formulaire.querySelector(`[name="${CSS.escape(nom)}"][data-type]`);
          if (!controle) return true;
          return estMontre(controle) && tient(condition, valeurDe(controle));
        }),
      );
      if (boite.hidden === montre) boite.hidden = !montre;
    }
  }

  // A default that follows another answer (`defaut_selon`: the duration follows the contract),
  // as long as the reader has not set that field.
  function suivreDefauts(formulaire, source) {
    for (const champ of formulaire.querySelectorAll("[data-defaut-selon]")) {
      if (champ === source || champ.dataset.saisi) continue;
      let regle;
      try {
        regle = JSON.parse(champ.dataset.defautSelon);
      } catch {
        continue;
      }
      const valeur = regle[source.name]?.[String(valeurDe(source))];
      if (valeur !== undefined) champ.value = String(valeur);
    }
  }

  function entreeDe(formulaire) {
    const entree = {};
    const erreurs = [];
    for (const champ of champs(formulaire)) {
      if (!estMontre(champ)) continue;
      const locale = erreurLocale(champ);
      if (locale) erreurs.push({ champ: champ.name, element: champ, message: locale });
      const valeur = valeurDe(champ);
      if (valeur === undefined) continue;
      const groupe = champ.closest("[data-groupe]");
      const cible = groupe ? (entree[groupe.dataset.groupe] ||= {}) : entree;
      cible[champ.name] = valeur;
    }
    return { entree, erreurs };
  }

  // The default hire date is the first day of next month by the reader's own clock (the build's
  // is only a fallback), within the field's bounds.
  function dateParDefaut(champ) {
    const maintenant = new Date();
    const suivant = new Date(maintenant.getFullYear(), maintenant.getMonth() + 1, 1);
    const iso = `${suivant.getFullYear()}-${String(suivant.getMonth() + 1).padStart(2, "0")}-01`;
    if (champ.max && iso > champ.max) return champ.max;
    if (champ.min && iso < champ.min) return champ.min;
    return iso;
  }

  // The situation in one paragraph, for the printed page: each question shown, with its answer
  // (optional details only when changed; the « salary you know » choice shows in the field used).
  // « 2027-01-01 » → « 1er janvier 2027 ». By hand: the first toLocaleDateString of a page loads
  // the locale's calendar data, a long main-thread task (20–60 ms) at the simulator's mount.
  const MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
    "septembre", "octobre", "novembre", "décembre"];
  function dateEnLettres(iso) {
    const [annee, mois, jour] = iso.split("-").map(Number);
    return `${jour === 1 ? "1er" : jour} ${MOIS[mois - 1]} ${annee}`;
  }

  function resumer(formulaire) {
    const morceaux = [];
    for (const champ of champs(formulaire)) {
      if (!estMontre(champ) || champ.name === "salaire_connu") continue;
      if (champ.closest(".diese-avances") && texteUrl(champ) === champ.dataset.initial) continue;
      const libelle = (formulaire.querySelector(`label[for="${CSS.escape(champ.id)}"]`)?.textContent || champ.name).trim();
      if (champ.dataset.type === "booleen") {
        if (champ.checked) morceaux.push(libelle);
        continue;
      }
      let texte = champ.value.trim();
      if (champ.name === "salaire_brut_mensuel" && !texte) texte = "minimum légal";
      if (!texte) continue;
      if (champ.localName === "select") texte = champ.selectedOptions[0]?.textContent || texte;
      else if (champ.dataset.type === "date" && /^\d{4}-\d{2}-\d{2}$/.test(texte)) {
        texte = dateEnLettres(texte);
      }
      morceaux.push(`${libelle} : ${texte}`);
    }
    return morceaux.length ? `Situation simulée — ${morceaux.join(" ; ")}.` : "";
  }

  function texteUrl(champ) {
    return champ.dataset.type === "booleen" ? (champ.checked ? "1" : "0") : champ.value;
  }

  function versUrl(racine, formulaire) {
    const parametres = new URLSearchParams();
    for (const champ of champs(formulaire)) {
      if (!estMontre(champ)) continue;
      const texte = texteUrl(champ);
      // The hire date always: the default one is the build's day, a link must not drift.
      if (texte !== champ.dataset.initial || (champ.dataset.type === "date" && texte)) {
        parametres.set(champ.name, texte);
      }
    }
    const url = new URL(location.href);
    url.search = parametres.toString();
    history.replaceState(history.state, "", url);
  }

  function depuisUrl(formulaire) {
    const parametres = new URLSearchParams(location.search);
    let trouve = false;
    for (const champ of champs(formulaire)) {
      if (!parametres.has(champ.name)) continue;
      const texte = parametres.get(champ.name);
      if (champ.dataset.type === "booleen") champ.checked = texte === "1" || texte === "true";
      else champ.value = texte;
      trouve = true;
    }
    return trouve;
  }

  // ------------------------------------------------------------------ scrolling tables
  // The « faites défiler » hint (shown by the CSS on narrow screens) only where a table is
  // actually wider than its box.
  function marquerDebordements(racine) {
    for (const boite of racine.querySelectorAll(".diese-defilement")) {
      const indice = boite.previousElementSibling;
      if (!indice || !indice.classList.contains("diese-indice-defilement")) continue;
      indice.hidden = boite.scrollWidth <= boite.clientWidth + 1;
    }
  }

  // After the next frame: the layout is then up to date and reading widths costs nothing, where
  // reading them at once would force a synchronous layout of the whole page inside this task
  // (a long main-thread task at mount and after each recomputation).
  function marquerDebordementsApresRendu(racine) {
    requestAnimationFrame(() => setTimeout(() => marquerDebordements(racine), 0));
  }

  let attenteRedimension = null;
  window.addEventListener("resize", () => {
    clearTimeout(attenteRedimension);
    attenteRedimension = setTimeout(() => marquerDebordements(document), 150);
  });

  // ------------------------------------------------------------------ updating the result in place
  // A keystroke changes figures, rarely the structure: rather than replacing the whole result
  // (≈ 500 elements to style and lay out again), the renderer's new HTML is parsed aside and only
  // the text and attributes that differ are written into the page. The result is the same DOM as
  // `innerHTML = html`, except two attributes the page itself manages: `open` on a <details> the
  // reader opened, `hidden` on the scroll hints (the renderer writes neither). Scroll positions
  // and focus inside the result survive a recomputation.
  function attributGere(element, nom) {
    return nom === "hidden" || (nom === "open" && element.localName === "details");
  }

  function accorder(ancien, nouveau) {
    let a = ancien.firstChild;
    let b = nouveau.firstChild;
    while (a && b) {
      const suivantA = a.nextSibling;
      const suivantB = b.nextSibling;
      if (a.nodeType !== b.nodeType || a.nodeName !== b.nodeName) {
        ancien.replaceChild(b, a);
      } else if (a.nodeType === Node.ELEMENT_NODE) {
        for (const { name, value } of b.attributes) {
          if (!attributGere(a, name) && a.getAttribute(name) !== value) a.setAttribute(name, value);
        }
        for (let i = a.attributes.length - 1; i >= 0; i--) {
          const nom = a.attributes[i].name;
          if (!attributGere(a, nom) && !b.hasAttribute(nom)) a.removeAttribute(nom);
        }
        accorder(a, b);
      } else if (a.nodeValue !== b.nodeValue) {
        a.nodeValue = b.nodeValue;
      }
      a = suivantA;
      b = suivantB;
    }
    while (a) {
      const suivant = a.nextSibling;
      a.remove();
      a = suivant;
    }
    while (b) {
      const suivant = b.nextSibling;
      ancien.appendChild(b);
      b = suivant;
    }
  }

  const modele = document.createElement("template");

  function afficher(conteneur, html) {
    modele.innerHTML = html;
    accorder(conteneur, modele.content);
    modele.innerHTML = "";
  }

  // ------------------------------------------------------------------ one widget on the page
  function monter(racine) {
    if (racine.dataset.monte) return;
    racine.dataset.monte = "1";
    const formulaire = racine.querySelector(".diese-sim-formulaire");
    const resultat = racine.querySelector(".diese-simulateur__resultat");
    const etat = racine.querySelector(".diese-simulateur__etat");
    const annonce = racine.querySelector(".diese-simulateur__annonce");
    const erreurGenerale = racine.querySelector("#erreur-formulaire");
    const commande = racine.dataset.commande;
    const apercu = racine.querySelector(".diese-simulateur__apercu-texte");
    // The line above the form repeats the first year's answer (its first words), kept in step.
    function majApercu() {
      if (!apercu) return;
      const premiere = resultat.querySelector(".diese-reponse [data-annee='1'] strong, p.diese-reponse strong");
      if (!premiere) return;
      let texte = premiere.textContent.split(" (")[0];
      if (resultat.querySelector("ul.diese-reponse")) texte += " la 1re année";
      texte = texte.charAt(0).toUpperCase() + texte.slice(1);
      if (apercu.textContent !== texte) apercu.textContent = texte;
    }
    let enCours = false;
    let aRefaire = false;
    let calculs = 0;
    let debutSaisie = null;
    let modifie = false; // inputs differ from the pre-rendered situation
    let montrerApres = false; // a queued computation must show its errors
    const resume = racine.querySelector(".diese-sim-resume");

    for (const champ of champs(formulaire)) champ.dataset.initial = texteUrl(champ);
    const depuisLien = depuisUrl(formulaire);
    modifie = depuisLien;
    for (const champ of formulaire.querySelectorAll("[data-defaut-selon]")) {
      if (new URLSearchParams(location.search).has(champ.name)) champ.dataset.saisi = "1";
    }
    const champDate = formulaire.querySelector('[name="date_embauche"][data-type="date"]');
    if (champDate && !new URLSearchParams(location.search).has("date_embauche")) {
      const jour = dateParDefaut(champDate);
      if (jour !== champDate.value) {
        champDate.value = jour;
        modifie = true; // the engine recomputes for this date once ready
      }
    }
    appliquerConditions(formulaire);
    // Folded optional fields: unfold them when the link sets one.
    for (const champ of champs(formulaire)) {
      if (texteUrl(champ) !== champ.dataset.initial) champ.closest("details")?.setAttribute("open", "");
    }
    for (const bouton of racine.querySelectorAll("[data-action]")) bouton.hidden = false;
    racine.querySelector(".diese-sans-js")?.remove();
    marquerDebordementsApresRendu(racine);

    function poserEtat(valeur, texte) {
      racine.dataset.etat = valeur;
      if (texte !== undefined && etat.textContent !== texte) etat.textContent = texte;
    }

    function effacerErreurDe(champ) {
      if (champ.getAttribute("aria-invalid") !== "true") return;
      champ.removeAttribute("aria-invalid");
      const boite = racine.querySelector(`#erreur-${CSS.escape(champ.id)}`);
      boite.hidden = true;
      boite.textContent = "";
      const decrit = (champ.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && id !== boite.id);
      if (decrit.length) champ.setAttribute("aria-describedby", decrit.join(" "));
      else champ.removeAttribute("aria-describedby");
    }

    function effacerErreurs() {
      erreurGenerale.hidden = true;
      erreurGenerale.textContent = "";
      for (const champ of champs(formulaire)) effacerErreurDe(champ);
    }

    function champNomme(cle) {
      if (!cle) return null;
      const morceaux = String(cle).split(".");
      const nom = morceaux[morceaux.length - 1];
      const groupe = morceaux.length > 1 ? morceaux[0] : null;
      const portee = groupe ? formulaire.querySelector(`[data-groupe="${CSS.escape(groupe)}"]`) || formulaire : formulaire;
      return portee.querySelector(`[name="${CSS.escape(nom)}"][data-type]`);
    }

    function montrerErreurs(erreurs) {
      effacerErreurs();
      const generales = [];
      let premier = null;
      for (const erreur of erreurs) {
        const champ = erreur.element || champNomme(erreur.champ);
        if (!champ) {
          generales.push(erreur.message);
          continue;
        }
        const boite = racine.querySelector(`#erreur-${CSS.escape(champ.id)}`);
        boite.textContent = boite.textContent ? `${boite.textContent} ${erreur.message}` : erreur.message;
        boite.hidden = false;
        champ.setAttribute("aria-invalid", "true");
        champ.closest("details")?.setAttribute("open", "");
        const decrit = new Set((champ.getAttribute("aria-describedby") || "").split(" ").filter(Boolean));
        decrit.add(boite.id);
        champ.setAttribute("aria-describedby", Array.from(decrit).join(" "));
        premier ||= erreur.message;
      }
      if (generales.length) {
        erreurGenerale.textContent = generales.join(" ");
        erreurGenerale.hidden = false;
      }
      resultat.classList.add("diese-simulateur__resultat--ancien");
      annonce.textContent = `Saisie à corriger : ${premier || generales.join(" ")} Le résultat affiché est celui de la dernière saisie valide.`;
    }

    // Errors are shown when the reader leaves a field or asks to compute (`montrer`), never
    // while typing: « 20 » on the way to « 2000 » is not an error yet. Meanwhile a valid input
    // updates the result and an invalid one only greys it.
    function enAttente() {
      resultat.classList.add("diese-simulateur__resultat--ancien");
    }

    async function lancer(montrer = true) {
      // One computation at a time; the input that changes meanwhile is read again after it.
      if (enCours) {
        aRefaire = true;
        montrerApres ||= montrer;
        return;
      }
      const { entree, erreurs } = entreeDe(formulaire);
      if (erreurs.length) {
        if (montrer) montrerErreurs(erreurs);
        else enAttente();
        racine.dataset.calcul = "fini";
        return;
      }
      if (moteur.etat !== "pret") return;
      racine.dataset.calcul = "en-cours"; // « fini » once no computation is queued (tests)
      enCours = true;
      const debut = debutSaisie ?? performance.now();
      debutSaisie = null;
      const sortie = await calculer(commande, entree);
      enCours = false;
      if (!racine.isConnected) return;
      if (sortie.ok) {
        effacerErreurs();
        const debutAffichage = performance.now();
        afficher(resultat, sortie.html);
        marquerDebordementsApresRendu(resultat);
        // For the benchmark: the engine's share (in the worker) and the page's (update + layout).
        racine.dataset.dureeMoteur = Number(sortie.dureeMoteur || 0).toFixed(2);
        racine.dataset.dureeAffichage = (performance.now() - debutAffichage).toFixed(2);
        resultat.classList.remove("diese-simulateur__resultat--ancien");
        majApercu();
        if (annonce.textContent !== sortie.annonce) annonce.textContent = sortie.annonce;
        versUrl(racine, formulaire);
      } else if (montrer) {
        montrerErreurs(sortie.erreurs || []);
      } else {
        enAttente();
      }
      calculs += 1;
      racine.dataset.calculs = String(calculs);
      racine.dataset.dureeCalcul = (performance.now() - debut).toFixed(2);
      racine.dispatchEvent(new CustomEvent("diese-simulateur:resultat", { detail: { ok: sortie.ok } }));
      if (aRefaire) {
        const avecErreurs = montrerApres;
        aRefaire = false;
        montrerApres = false;
        lancer(avecErreurs);
      } else {
        racine.dataset.calcul = "fini";
      }
    }

    function surSaisie(evenement) {
      const cible = evenement.target;
      if (cible !== formulaire && !cible.matches?.("[name][data-type]")) return; // print option
      // A choice fires `input` then `change`: compute once, on `change`.
      if (evenement.type === "input" && (cible.localName === "select" || cible.type === "checkbox" || cible.type === "date")) return;
      debutSaisie ??= performance.now();
      modifie = true;
      // Typing again in a field marked wrong: its message goes until the field is left.
      if (evenement.type === "input" && cible !== formulaire) effacerErreurDe(cible);
      if (cible !== formulaire) {
        if ("defautSelon" in cible.dataset) cible.dataset.saisi = "1";
        else if (evenement.type === "change") suivreDefauts(formulaire, cible);
      }
      appliquerConditions(formulaire);
      // `change`: a choice made, or a text field left; `input`: typing in progress.
      lancer(evenement.type === "change");
    }

    function suivreMoteur() {
      if (!racine.isConnected) {
        moteur.abonnes.delete(suivreMoteur);
        return;
      }
      if (moteur.etat === "pret") {
        if (racine.dataset.etat === ETATS.pret) return;
        poserEtat(ETATS.pret, "Moteur de calcul prêt : le résultat se met à jour à chaque modification.");
        // A shared link asks for another situation than the pre-rendered default: compute it.
        if (modifie) lancer();
      } else if (moteur.etat === "echec") {
        poserEtat(
          ETATS.erreur,
          `Simulation interactive indisponible : ${moteur.echec}. Le résultat affiché est celui de la situation par défaut, calculé à la publication du site.`,
        );
      } else if (moteur.etat === "demarrage") {
        poserEtat(ETATS.chargement, moteur.progres);
      }
      montrerProgres(racine, etat);
    }

    formulaire.addEventListener("input", surSaisie);
    formulaire.addEventListener("change", surSaisie);
    formulaire.addEventListener("submit", async (evenement) => {
      evenement.preventDefault();
      await lancer(true);
      montrerResultat(resultat);
    });
    racine.addEventListener("diese-simulateur:resultat", () => {
      if (resume) resume.textContent = resumer(formulaire);
    });
    if (resume) resume.textContent = resumer(formulaire);
    racine.querySelector('[data-action="imprimer"]').addEventListener("click", () => window.print());
    racine.querySelector('[data-action="copier-lien"]').addEventListener("click", async (evenement) => {
      versUrl(racine, formulaire);
      try {
        await navigator.clipboard.writeText(location.href);
        annonce.textContent = "Lien de la simulation copié.";
      } catch {
        annonce.textContent = `Lien de la simulation : ${location.href}`;
      }
      evenement.currentTarget.focus();
    });
    if (depuisLien) {
      resultat.classList.add("diese-simulateur__resultat--ancien");
      etat.textContent = "Calcul de la simulation du lien en cours…";
    }

    moteur.abonnes.add(suivreMoteur);
    suivreMoteur();
    if (moteur.etat === "arrete" || moteur.etat === "echec") {
      // At once: on a phone network every second before the downloads start is lost.
      demarrerMoteur(racine.dataset.worker, racine.dataset.roue, {
        commande,
        entree: JSON.stringify(entreeDe(formulaire).entree),
      });
    }
  }

  // « Calculer » on a phone: the result sits below a long form, bring its heading into view
  // (focus stays in the form, where the reader may correct a figure).
  function montrerResultat(resultat) {
    const titre = resultat.querySelector("h2") || resultat;
    const haut = titre.getBoundingClientRect().top;
    if (haut >= 0 && haut < window.innerHeight * 0.6) return;
    const reduit = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    titre.scrollIntoView({ behavior: reduit ? "auto" : "smooth", block: "start" });
  }

  // Print: one page with the answer, the situation, the aids and the parameters' date (see the
  // print rules of diese-simulateurs.css); the « détail du calcul » stays out of it.

  function monterTout() {
    for (const racine of document.querySelectorAll(".diese-simulateur[data-commande]")) monter(racine);
  }

  if (typeof document$ !== "undefined") document$.subscribe(monterTout);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", monterTout);
  else monterTout();

  // For tests and the benchmark: the engine's state, read-only.
  window.dieseSimulateurs = {
    get etat() {
      return moteur.etat;
    },
    get dureeDemarrage() {
      return moteur.dureeDemarrage;
    },
    get etapes() {
      return moteur.etapes;
    },
  };
})();
