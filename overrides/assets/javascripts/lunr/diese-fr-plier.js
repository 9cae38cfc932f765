/* DIESE: accents are optional in French search. Appended at build time to Material's
   lunr.fr.min.js (see diese.site.recherche), it wraps the French stemmer so that every term is
   stemmed, then stripped of its diacritics: "désigné" and "designe" both index and query as
   "design", "handicapés" and "handicapes" as "handicap". The same function runs when indexing
   and when searching, so both sides always agree. */
(function () {
  if (typeof lunr === "undefined" || !lunr.fr || lunr.fr.dieseAccentsPlies) return;
  var raciniser = lunr.fr.stemmer;
  var plier = function (mot) {
    return mot
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/œ/g, "oe")
      .replace(/æ/g, "ae");
  };
  var raciniserEtPlier = function (token, i, tokens) {
    var racine = raciniser(token, i, tokens);
    return racine && racine.update ? racine.update(plier) : racine;
  };
  lunr.Pipeline.registerFunction(raciniserEtPlier, "stemmer-fr-sans-accents");
  lunr.fr.stemmer = raciniserEtPlier;

  /* Material adds a trailing wildcard to what the visitor types ("tuteurs*"), and lunr skips
     the pipeline for wildcard terms: "tuteurs*" would then never meet the indexed stem
     "tuteur". Stem and fold the part before the wildcard, keep the wildcard for prefixes. */
  var ajouterClause = lunr.Query.prototype.clause;
  lunr.Query.prototype.clause = function (clause) {
    var terme = clause.term;
    // Same reason, for stop words: "de*" would otherwise match every word starting with "de".
    if (typeof terme === "string" && /^[^*]+\*$/.test(terme) &&
        !lunr.fr.stopWordFilter(new lunr.Token(terme.slice(0, -1).toLowerCase(), {}))) {
      return this;
    }
    if (clause.usePipeline === false && typeof terme === "string" && /^[^*]{2,}\*$/.test(terme)) {
      var racine = raciniserEtPlier(new lunr.Token(terme.slice(0, -1).toLowerCase(), {}));
      if (racine && racine.toString()) clause.term = racine.toString() + "*";
    }
    // Every word typed must be found (AND), as people expect from a search box: "contrat de
    // qualification" lists the pages that speak of it, not every page that says "contrat".
    if (clause.presence === undefined) clause.presence = lunr.Query.presence.REQUIRED;
    return ajouterClause.call(this, clause);
  };
  lunr.fr.dieseAccentsPlies = true;
})();
