/* DIESE — filter (and sort) the reference-site table and the resource lists.
 *
 * Markup comes from diese.annuaire (Python): a <form data-diese-filtre="G"> hidden until mounted,
 * whose fieldsets (data-cle="K") hold radio buttons; the elements to filter carry
 * data-diese-element and data-K="v1 v2" inside containers [data-diese-groupe="G"].
 * Without JavaScript the form stays hidden and everything is shown. No dependency. */
(function () {
  "use strict";

  function valeurs(form) {
    const choix = {};
    form.querySelectorAll("fieldset[data-cle]").forEach(function (groupe) {
      const coche = groupe.querySelector("input[type=radio]:checked");
      if (coche && coche.value) choix[groupe.dataset.cle] = coche.value;
    });
    return choix;
  }

  function correspond(element, choix) {
    return Object.keys(choix).every(function (cle) {
      return (element.dataset[cle] || "").split(/\s+/).indexOf(choix[cle]) !== -1;
    });
  }

  function appliquer(form) {
    const groupe = form.dataset.dieseFiltre;
    const choix = valeurs(form);
    let visibles = 0;
    let total = 0;
    document
      .querySelectorAll('[data-diese-groupe="' + groupe + '"]')
      .forEach(function (conteneur) {
        let ici = 0;
        conteneur.querySelectorAll("[data-diese-element]").forEach(function (element) {
          const garder = correspond(element, choix);
          element.hidden = !garder;
          total += 1;
          if (garder) ici += 1;
        });
        visibles += ici;
        const vide = conteneur.querySelector("[data-diese-vide]");
        if (vide) vide.hidden = ici !== 0;
      });
    const compte = form.querySelector(".diese-filtre__compte");
    if (compte) {
      const unite = visibles > 1 ? form.dataset.pluriel : form.dataset.singulier;
      compte.textContent = visibles + " " + unite + " sur " + total;
    }
  }

  function cle(cellule) {
    if (!cellule) return "";
    return cellule.dataset.cle !== undefined ? cellule.dataset.cle : cellule.textContent.trim();
  }

  function monterTri(table) {
    const entetes = Array.from(table.querySelectorAll("thead th"));
    const corps = table.tBodies[0];
    entetes.forEach(function (th, colonne) {
      if (!th.hasAttribute("data-diese-tri")) return;
      const bouton = document.createElement("button");
      bouton.type = "button";
      bouton.className = "diese-tri";
      bouton.textContent = th.textContent;
      const icone = document.createElement("span");
      icone.className = "diese-tri__icone";
      icone.setAttribute("aria-hidden", "true");
      bouton.appendChild(icone);
      th.textContent = "";
      th.appendChild(bouton);
      bouton.addEventListener("click", function () {
        // Cycle: ascending, descending, back to the guide's order.
        const avant = th.getAttribute("aria-sort");
        const suivant = avant === "ascending" ? "descending" : avant === "descending" ? null : "ascending";
        entetes.forEach(function (autre) { autre.removeAttribute("aria-sort"); });
        const lignes = Array.from(corps.rows);
        lignes.sort(function (a, b) {
          if (!suivant) return Number(a.dataset.ordre) - Number(b.dataset.ordre);
          const ordre = cle(a.cells[colonne]).localeCompare(cle(b.cells[colonne]), "fr", { numeric: true });
          const resultat = ordre || Number(a.dataset.ordre) - Number(b.dataset.ordre);
          return suivant === "ascending" ? resultat : -resultat;
        });
        lignes.forEach(function (ligne) { corps.appendChild(ligne); });
        if (suivant) th.setAttribute("aria-sort", suivant);
      });
    });
  }

  function monter() {
    document.querySelectorAll("form[data-diese-filtre]:not([data-monte])").forEach(function (form) {
      form.setAttribute("data-monte", "");
      form.hidden = false;
      form.addEventListener("change", function () { appliquer(form); });
      form.addEventListener("submit", function (evt) { evt.preventDefault(); });
      appliquer(form);
    });
    document.querySelectorAll(".diese-sites__table:not([data-monte])").forEach(function (table) {
      table.setAttribute("data-monte", "");
      monterTri(table);
    });
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(monter);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", monter);
  } else {
    monter();
  }
})();
