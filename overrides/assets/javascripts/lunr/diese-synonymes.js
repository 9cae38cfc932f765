/* DIESE: the trade's words have several names ("checklist", "check-list", "liste de contrôle";
   "ANPE", "Pôle emploi", "France Travail"). Appended at build time to Material's lunr.fr.min.js
   after diese-fr-plier.js (see diese.site.recherche), with the groups of docs/data/synonymes.yml
   in place of __SYNONYMES__. A query naming one form of a group is also run with each other form
   in its place; the results are merged (best score kept), and the words the visitor typed are
   marked as found, so that Material neither strikes them out nor ranks the page lower. */
(function () {
  if (typeof lunr === "undefined" || !lunr.Index || lunr.Index.dieseSynonymes) return;
  var GROUPES = __SYNONYMES__;
  var SEPARATEUR = /[\s\-’'«»]+/;
  var MAX_VARIANTES = 12;

  var plier = function (mot) {
    return mot.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  };
  // Material sends "liste* de* contrôle*": the words, without presence, wildcard or boost.
  var motDe = function (terme) {
    return plier(terme.replace(/^[+-]/, "").replace(/[~^]\d*$/, "").replace(/\*+/g, ""));
  };
  // Elided articles (« d’ », « l’ ») are left out on both sides: lunr drops them too.
  var motsDe = function (texte) {
    return texte.split(SEPARATEUR).map(plier).filter(function (m) { return m.length > 1; });
  };
  var formes = GROUPES.map(function (groupe) { return groupe.map(motsDe); });

  /* Queries to run: the one typed, then one per other form of each group found in it. */
  var variantes = function (requete) {
    var termes = requete.split(/\s+/).filter(Boolean);
    var mots = [];
    var places = []; // index in `termes` of each word kept
    termes.forEach(function (terme, j) {
      terme.split(SEPARATEUR).forEach(function (morceau) {
        var mot = motDe(morceau);
        if (mot.length > 1) {
          mots.push(mot);
          places.push(j);
        }
      });
    });
    var resultat = [requete];
    formes.forEach(function (groupe) {
      groupe.forEach(function (forme) {
        for (var i = 0; i + forme.length <= mots.length; i++) {
          var egal = forme.every(function (mot, k) { return mots[i + k] === mot; });
          if (!egal) continue;
          var avant = termes.slice(0, places[i]);
          var apres = termes.slice(places[i + forme.length - 1] + 1);
          groupe.forEach(function (autre) {
            if (autre === forme || resultat.length >= MAX_VARIANTES) return;
            var remplacants = autre.map(function (mot) { return mot + "*"; });
            resultat.push(avant.concat(remplacants, apres).join(" "));
          });
        }
      });
    });
    return resultat;
  };

  var chercher = lunr.Index.prototype.search;
  lunr.Index.prototype.search = function (requete) {
    var liste = variantes(requete);
    if (liste.length === 1) return chercher.call(this, requete);
    // The words as Material may look for them in the match data: as typed, lower-cased, and
    // stemmed and folded as the query clauses are (diese-fr-plier.js).
    var tapes = [];
    requete.split(/\s+/).forEach(function (t) {
      var mot = t.replace(/^[+-]/, "").replace(/[~^]\d*$/, "").replace(/\*+$/, "");
      if (!mot) return;
      tapes.push(mot, mot.toLowerCase());
      if (lunr.fr && lunr.fr.stemmer) {
        var racine = lunr.fr.stemmer(new lunr.Token(mot.toLowerCase(), {}));
        if (racine && racine.toString()) tapes.push(racine.toString());
      }
    });
    var parReference = {};
    var ordre = [];
    liste.forEach(function (variante, rang) {
      var resultats;
      try {
        resultats = chercher.call(this, variante);
      } catch (erreur) {
        return; // a variant lunr cannot parse is skipped, the query typed still runs
      }
      resultats.forEach(function (r) {
        if (rang > 0) {
          tapes.forEach(function (mot) {
            if (!(mot in r.matchData.metadata)) r.matchData.metadata[mot] = {};
          });
        }
        var deja = parReference[r.ref];
        if (!deja) {
          parReference[r.ref] = r;
          ordre.push(r.ref);
        } else {
          deja.matchData.combine(r.matchData);
          deja.score = Math.max(deja.score, r.score);
        }
      });
    }, this);
    return ordre
      .map(function (ref) { return parReference[ref]; })
      .sort(function (a, b) { return b.score - a.score; });
  };
  lunr.Index.dieseSynonymes = GROUPES;
})();
