/* DIESE Guide — fichier d’entreprises, le modèle : validation par le schéma
   (docs/data/fichier-entreprises.schema.json, le même que celui du build et des tests), création
   des fiches, prochaine visite et prochaine action, filtre et tri, exports (CSV, ODS, iCalendar).
   Aucune écriture ici : le stockage est dans le module « stockage », l’affichage dans
   le module « vues ». */
(() => {
  "use strict";

  const FORMAT = "diese-fichier-entreprises";
  const VERSION = 1;

  const STATUTS = { prospectee: "Prospectée", sensibilisee: "Sensibilisée", partenaire: "Partenaire", cliente: "Cliente" };
  const RENCONTRES = { prospection: "Prospection", reseau: "Réseau", candidature: "Candidature" };
  const TAILLES = { "1-9": "1 à 9 salariés", "10-49": "10 à 49 salariés", "50-249": "50 à 249 salariés", "250+": "250 salariés et plus" };
  const TYPES = { telephone: "Téléphone", visite: "Visite", mail: "Courriel" };

  const estObjet = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  const maintenant = () => new Date().toISOString();
  const nouvelId = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`.slice(0, 40);

  /* Une date du calendrier (AAAA-MM-JJ) qui existe vraiment, et un horodatage ISO. */
  function dateValide(texte) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(texte);
    if (!m) return false;
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
  }
  const horodatageValide = (t) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(t)
    && !Number.isNaN(Date.parse(t));

  /* ---------- validation : le sous-ensemble de JSON Schema que lit le build (fichier.py) ---------- */

  function typeDe(v) {
    if (v === null) return "null";
    if (Array.isArray(v)) return "array";
    if (Number.isInteger(v)) return "integer";
    return typeof v;
  }

  function valider(donnees, schema, limite = 20) {
    const erreurs = [];
    const dire = (chemin, message) => {
      if (erreurs.length < limite) erreurs.push({ chemin: chemin || "(racine)", message });
    };
    const resoudre = (n) => (n.$ref ? schema.$defs[n.$ref.slice("#/$defs/".length)] : n);
    function visiter(v, noeud, chemin) {
      if (erreurs.length >= limite) return;
      const n = resoudre(noeud);
      if ("const" in n && v !== n.const) return dire(chemin, `valeur attendue : ${JSON.stringify(n.const)}`);
      if (n.enum && !n.enum.includes(v)) return dire(chemin, `valeur inconnue (${n.enum.join(", ")})`);
      if (n.type && typeDe(v) !== n.type) return dire(chemin, `type attendu : ${n.type}`);
      if (typeof v === "string") {
        if (n.minLength !== undefined && v.length < n.minLength) dire(chemin, "champ vide");
        if (n.maxLength !== undefined && v.length > n.maxLength) dire(chemin, `trop long (${n.maxLength} caractères au plus)`);
        if (n.pattern && !new RegExp(n.pattern, "u").test(v)) dire(chemin, "forme invalide");
        if (n.format === "date" && !dateValide(v)) dire(chemin, "date invalide (AAAA-MM-JJ)");
        if (n.format === "date-time" && !horodatageValide(v)) dire(chemin, "horodatage invalide");
      }
      if (Array.isArray(v)) {
        if (n.maxItems !== undefined && v.length > n.maxItems) dire(chemin, `trop d’éléments (${n.maxItems} au plus)`);
        if (n.items) v.forEach((x, i) => visiter(x, n.items, `${chemin}[${i}]`));
      }
      if (estObjet(v)) {
        for (const cle of n.required || []) if (!Object.hasOwn(v, cle)) dire(chemin, `champ « ${cle} » manquant`);
        for (const [cle, x] of Object.entries(v)) {
          const ici = chemin ? `${chemin}.${cle}` : cle;
          if (n.properties && Object.hasOwn(n.properties, cle)) visiter(x, n.properties[cle], ici);
          else if (n.additionalProperties === false) dire(ici, "champ inconnu");
          else if (estObjet(n.additionalProperties)) visiter(x, n.additionalProperties, ici);
        }
      }
    }
    visiter(donnees, schema, "");
    return erreurs;
  }

  /* Ids uniques dans tout le fichier : un changement « par identifiant » doit viser une seule fiche. */
  function idsEnDouble(fichier) {
    const vus = new Set();
    const doubles = [];
    for (const e of fichier.entreprises) {
      for (const x of [e, ...e.stages, ...e.contacts]) {
        if (vus.has(x.id)) doubles.push(x.id);
        vus.add(x.id);
      }
    }
    return doubles;
  }

  const fichierVide = () => ({ format: FORMAT, version: VERSION, entreprises: [] });

  /* ---------- fiches ---------- */

  /* Champs vides retirés : le schéma ne connaît pas de valeur « vide » pour une date ou une liste. */
  function nettoyer(objet) {
    const propre = {};
    for (const [cle, v] of Object.entries(objet)) {
      if (estObjet(v)) {
        const sous = nettoyer(v);
        if (Object.keys(sous).length) propre[cle] = sous;
      } else if (typeof v === "string") {
        const t = v.trim();
        if (t) propre[cle] = t;
      } else if (v !== undefined && v !== null) propre[cle] = v;
    }
    return propre;
  }

  function creerEntreprise(champs) {
    const date = maintenant();
    return { id: nouvelId(), statut: "prospectee", ...nettoyer(champs), cree: date, modifie: date, stages: [], contacts: [] };
  }
  const creerStage = (champs) => ({ id: nouvelId(), ...nettoyer(champs) });
  const creerContact = (champs) => ({ id: nouvelId(), ...nettoyer(champs) });

  const trouver = (fichier, id) => fichier.entreprises.find((e) => e.id === id) || null;
  function trouverStage(fichier, idStage) {
    for (const e of fichier.entreprises) {
      const s = e.stages.find((x) => x.id === idStage);
      if (s) return { entreprise: e, stage: s };
    }
    return null;
  }

  /* ---------- ce qui vient ensuite ---------- */

  const aujourdhui = () => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  };
  const ajouterJours = (iso, n) => {
    const d = new Date(`${iso}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  };

  /* La prochaine action est celle du dernier contact noté (chaque contact dit ce qui suit). */
  function prochaineAction(entreprise) {
    const avecAction = entreprise.contacts.filter((c) => c.action || c.echeance);
    if (!avecAction.length) return null;
    const dernier = avecAction.reduce((a, b) => (b.date >= a.date ? b : a));
    return { action: dernier.action || "", echeance: dernier.echeance || "", contact: dernier };
  }

  function prochaineVisite(entreprise, jour = aujourdhui()) {
    const visites = entreprise.contacts.filter((c) => c.type === "visite" && c.date >= jour)
      .sort((a, b) => `${a.date}${a.heure || ""}`.localeCompare(`${b.date}${b.heure || ""}`));
    return visites[0] || null;
  }

  const sansAccents = (t) => t.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

  function filtrer(entreprises, { recherche = "", statut = "", echeance = "" }, jour = aujourdhui()) {
    const mots = sansAccents(recherche).split(/\s+/).filter(Boolean);
    return entreprises.filter((e) => {
      if (statut && e.statut !== statut) return false;
      if (echeance) {
        const a = prochaineAction(e);
        if (!a || !a.echeance) return false;
        if (echeance === "echue" && a.echeance > jour) return false;
        if (echeance === "semaine" && a.echeance > ajouterJours(jour, 7)) return false;
      }
      if (!mots.length) return true;
      const texte = sansAccents([
        e.raison_sociale, e.secteur, e.adresse, e.notes, e.contact?.nom, e.tuteur?.nom,
        ...e.stages.map((s) => `${s.stagiaire} ${s.formation || ""}`),
        ...e.contacts.map((c) => `${c.qui || ""} ${c.notes || ""} ${c.action || ""}`),
      ].filter(Boolean).join(" "));
      return mots.every((m) => texte.includes(m));
    });
  }

  const comparateurNom = new Intl.Collator("fr", { sensitivity: "base", numeric: true });
  function trier(entreprises, cle) {
    const liste = [...entreprises];
    const nom = (a, b) => comparateurNom.compare(a.raison_sociale, b.raison_sociale);
    if (cle === "echeance") {
      const ech = (e) => prochaineAction(e)?.echeance || "9999-99-99";
      liste.sort((a, b) => ech(a).localeCompare(ech(b)) || nom(a, b));
    } else if (cle === "modifie") {
      liste.sort((a, b) => b.modifie.localeCompare(a.modifie) || nom(a, b));
    } else if (cle === "statut") {
      const rang = Object.keys(STATUTS);
      liste.sort((a, b) => rang.indexOf(a.statut) - rang.indexOf(b.statut) || nom(a, b));
    } else liste.sort(nom);
    return liste;
  }

  /* ---------- fusion d’une sauvegarde (aperçu avant d’appliquer) ---------- */

  function comparerImport(actuel, importe, mode) {
    const ici = new Map(actuel.entreprises.map((e) => [e.id, e]));
    const apercu = { ajoutees: [], remplacees: [], inchangees: [], retirees: [] };
    for (const e of importe.entreprises) {
      const local = ici.get(e.id);
      if (!local) apercu.ajoutees.push(e.raison_sociale);
      else if (JSON.stringify(local) === JSON.stringify(e)) apercu.inchangees.push(e.raison_sociale);
      else if (mode === "remplacer" || e.modifie >= local.modifie) apercu.remplacees.push(e.raison_sociale);
      else apercu.inchangees.push(e.raison_sociale);
    }
    const venues = new Set(importe.entreprises.map((e) => e.id));
    if (mode === "remplacer") {
      for (const e of actuel.entreprises) if (!venues.has(e.id)) apercu.retirees.push(e.raison_sociale);
    }
    return apercu;
  }

  /* Fusion : une entreprise connue des deux côtés garde la version modifiée le plus récemment. */
  function appliquerImport(actuel, importe, mode) {
    if (mode === "remplacer") return { ...fichierVide(), entreprises: structuredClone(importe.entreprises) };
    const resultat = structuredClone(actuel);
    for (const e of importe.entreprises) {
      const i = resultat.entreprises.findIndex((x) => x.id === e.id);
      if (i < 0) resultat.entreprises.push(structuredClone(e));
      else if (e.modifie >= resultat.entreprises[i].modifie) resultat.entreprises[i] = structuredClone(e);
    }
    return resultat;
  }

  /* ---------- exports tableur ---------- */

  const neutraliser = (t) => (/^[=+\-@\t\r]/.test(t) ? `'${t}` : t);

  function lignesTableur(fichier) {
    const entete = ["Raison sociale", "Statut", "Secteur", "Taille", "Adresse", "Contact", "Téléphone du contact",
      "Courriel du contact", "Tuteur", "Rencontrée par", "Stages", "Dernier contact", "Prochaine action", "Échéance"];
    const lignes = [entete];
    for (const e of trier(fichier.entreprises, "nom")) {
      const a = prochaineAction(e);
      const dernier = e.contacts.reduce((x, c) => (!x || c.date > x ? c.date : x), "");
      lignes.push([
        e.raison_sociale, STATUTS[e.statut], e.secteur || "", TAILLES[e.taille] || "", e.adresse || "",
        e.contact?.nom || "", e.contact?.telephone || "", e.contact?.courriel || "", e.tuteur?.nom || "",
        RENCONTRES[e.rencontre] || "", e.stages.map((s) => s.stagiaire).join(", "), dernier,
        a?.action || "", a?.echeance || "",
      ].map((v) => neutraliser(String(v))));
    }
    return lignes;
  }

  function csv(fichier) {
    const champ = (v) => `"${v.replace(/"/g, "\"\"")}"`;
    return `\ufeff${lignesTableur(fichier).map((l) => l.map(champ).join(";")).join("\r\n")}\r\n`;
  }

  const xml = (t) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");

  /* Un classeur OpenDocument minimal (une feuille, cellules texte), rangé dans un ZIP sans
     compression : le fichier « mimetype » en premier, comme la norme le demande. */
  function ods(fichier) {
    const lignes = lignesTableur(fichier).map((l) => `<table:table-row>${l.map((v) => `<table:table-cell office:value-type="string"><text:p>${xml(v)}</text:p></table:table-cell>`).join("")}</table:table-row>`).join("");
    const contenu = `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Entreprises">${lignes}</table:table></office:spreadsheet></office:body></office:document-content>`;
    const manifeste = `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`;
    return zip([
      ["mimetype", "application/vnd.oasis.opendocument.spreadsheet"],
      ["content.xml", contenu],
      ["META-INF/manifest.xml", manifeste],
    ]);
  }

  const TABLE_CRC = (() => {
    const t = new Uint32Array(256);
    for (let n = 0; n < 256; n += 1) {
      let c = n;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      t[n] = c >>> 0;
    }
    return t;
  })();
  function crc32(octets) {
    let c = 0xffffffff;
    for (const o of octets) c = TABLE_CRC[(c ^ o) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  }

  function zip(fichiers) {
    const enc = new TextEncoder();
    const morceaux = [];
    const central = [];
    let position = 0;
    for (const [nom, texte] of fichiers) {
      const n = enc.encode(nom);
      const d = enc.encode(texte);
      const crc = crc32(d);
      const local = new DataView(new ArrayBuffer(30));
      [[0, 0x04034b50, 4], [4, 20, 2], [6, 0x0800, 2], [8, 0, 2], [10, 0, 2], [12, 0x21, 2],
        [14, crc, 4], [18, d.length, 4], [22, d.length, 4], [26, n.length, 2], [28, 0, 2]]
        .forEach(([o, v, t]) => (t === 4 ? local.setUint32(o, v, true) : local.setUint16(o, v, true)));
      const c = new DataView(new ArrayBuffer(46));
      [[0, 0x02014b50, 4], [4, 20, 2], [6, 20, 2], [8, 0x0800, 2], [10, 0, 2], [12, 0, 2], [14, 0x21, 2],
        [16, crc, 4], [20, d.length, 4], [24, d.length, 4], [28, n.length, 2], [30, 0, 2], [32, 0, 2],
        [34, 0, 2], [36, 0, 2], [38, 0, 4], [42, position, 4]]
        .forEach(([o, v, t]) => (t === 4 ? c.setUint32(o, v, true) : c.setUint16(o, v, true)));
      morceaux.push(new Uint8Array(local.buffer), n, d);
      central.push(new Uint8Array(c.buffer), n);
      position += 30 + n.length + d.length;
    }
    const taille = central.reduce((s, x) => s + x.length, 0);
    const fin = new DataView(new ArrayBuffer(22));
    [[0, 0x06054b50, 4], [4, 0, 2], [6, 0, 2], [8, fichiers.length, 2], [10, fichiers.length, 2],
      [12, taille, 4], [16, position, 4], [20, 0, 2]]
      .forEach(([o, v, t]) => (t === 4 ? fin.setUint32(o, v, true) : fin.setUint16(o, v, true)));
    return new Blob([...morceaux, ...central, new Uint8Array(fin.buffer)], { type: "application/vnd.oasis.opendocument.spreadsheet" });
  }

  /* ---------- iCalendar (RFC 5545) : la prochaine visite ---------- */

  const echapperIcs = (t) => t.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");

  /* Lignes de 75 octets au plus, repliées par CRLF + espace, sans couper un caractère UTF-8. */
  function plier(ligne) {
    const enc = new TextEncoder();
    const morceaux = [];
    let courant = "";
    let octets = 0;
    for (const car of ligne) {
      const n = enc.encode(car).length;
      const limite = morceaux.length ? 74 : 75;
      if (octets + n > limite) {
        morceaux.push(courant);
        courant = "";
        octets = 0;
      }
      courant += car;
      octets += n;
    }
    morceaux.push(courant);
    return morceaux.join("\r\n ");
  }

  const horodatageIcs = (d) => d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

  function ics(entreprise, visite, { stage = null, notes = "" } = {}) {
    const jour = visite.date.replace(/-/g, "");
    const lignes = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//DIESE Guide//Fichier d’entreprises//FR",
      "CALSCALE:GREGORIAN", "BEGIN:VEVENT", `UID:${visite.id}@diese-guide.invalid`, `DTSTAMP:${horodatageIcs(new Date())}`];
    if (visite.heure) {
      const debut = `${jour}T${visite.heure.replace(":", "")}00`;
      const fin = new Date(`${visite.date}T${visite.heure}:00`);
      fin.setHours(fin.getHours() + 1);
      const p = (n) => String(n).padStart(2, "0");
      lignes.push(`DTSTART:${debut}`, `DTEND:${fin.getFullYear()}${p(fin.getMonth() + 1)}${p(fin.getDate())}T${p(fin.getHours())}${p(fin.getMinutes())}00`);
    } else {
      lignes.push(`DTSTART;VALUE=DATE:${jour}`, `DTEND;VALUE=DATE:${ajouterJours(visite.date, 1).replace(/-/g, "")}`);
    }
    const titre = `Visite : ${entreprise.raison_sociale}${stage ? ` (stage de ${stage.stagiaire})` : ""}`;
    lignes.push(`SUMMARY:${echapperIcs(titre)}`);
    if (entreprise.adresse) lignes.push(`LOCATION:${echapperIcs(entreprise.adresse)}`);
    const description = [visite.qui ? `Avec : ${visite.qui}` : "", entreprise.tuteur?.nom ? `Tuteur : ${entreprise.tuteur.nom}` : "",
      visite.notes || "", notes].filter(Boolean).join("\n");
    if (description) lignes.push(`DESCRIPTION:${echapperIcs(description)}`);
    lignes.push("END:VEVENT", "END:VCALENDAR");
    return `${lignes.map(plier).join("\r\n")}\r\n`;
  }

  window.dieseFichier = window.dieseFichier || {};
  window.dieseFichier.modele = {
    FORMAT, VERSION, STATUTS, RENCONTRES, TAILLES, TYPES,
    valider, idsEnDouble, fichierVide, nettoyer, nouvelId, maintenant, aujourdhui, ajouterJours, dateValide,
    creerEntreprise, creerStage, creerContact, trouver, trouverStage,
    prochaineAction, prochaineVisite, filtrer, trier, comparerImport, appliquerImport,
    neutraliser, csv, ods, ics,
  };
})();
