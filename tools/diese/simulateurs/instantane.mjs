// Build step (Node.js): a memory snapshot of Pyodide with the DIESE engine already imported and
// warmed up, so the browser restores Python in a fraction of a second instead of booting it.
// Usage: node instantane.mjs <pyodide folder> <engine wheel> <output .instantane> [<stdlib zip>]
//        node instantane.mjs <pyodide folder> <engine wheel> --modules <output .json>
// The second form lists the standard library files Python loaded (start-up and engine, warmed
// up): the build ships a standard library zip of those only, and makes the snapshot with it.
// The snapshot is only valid for this exact Pyodide build, wheel and zip: its file name
// carries the wheel's content hash, and the worker falls back to a normal start if it fails.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [dossierPyodide, cheminRoue, sortie, argument] = process.argv.slice(2);
const listerModules = sortie === "--modules";
const { loadPyodide } = await import(pathToFileURL(`${dossierPyodide}/pyodide.mjs`).href);
const pyodide = await loadPyodide({
  indexURL: `${dossierPyodide}/`,
  ...(argument && !listerModules ? { stdLibURL: argument } : {}),
  packages: [],
  _makeSnapshot: !listerModules,
  stdout: () => {},
  stderr: (ligne) => process.stderr.write(`${ligne}\n`),
});
const octets = readFileSync(cheminRoue); // a Node Buffer: Pyodide wants a plain Uint8Array
pyodide.unpackArchive(new Uint8Array(octets.buffer, octets.byteOffset, octets.byteLength), "wheel");
// Import and run every command once: modules, compiled parameters and caches end up in memory.
// No Python object is handed to JavaScript, so the snapshot holds no JS reference.
pyodide.runPython(`
import diese.simulateurs.navigateur as _n
for _commande in ("simuler", "comparer", "oeth"):
    _n.repondre(_commande, "{}")
del _n, _commande
`);
if (listerModules) {
  const modules = pyodide.runPython(`
import json as _json, sys as _sys
_json.dumps(sorted({getattr(_m, "__file__", None) or "" for _m in list(_sys.modules.values())}))
`);
  writeFileSync(argument, modules);
  process.exit(0);
}
const instantane = pyodide.makeMemorySnapshot();
const creux = enCreux(instantane);
// Written raw: the build writes its .br/.gz copies (diese.site.compression) and the host sends
// them with Content-Encoding, which the browser undoes natively.
writeFileSync(sortie, creux);
console.log(`${sortie} : ${instantane.length} octets en mémoire, ${creux.length} hors pages nulles`);

// Half of Pyodide's memory is zero pages: they are left out, so the browser inflates half as
// many bytes. Format (little-endian): "DIS1", total length, run count, then (offset, length)
// per run of non-zero 4 KiB pages, then the runs' bytes. diese-pyodide-worker.js rebuilds it.
function enCreux(octets) {
  const PAGE = 4096;
  const plages = [];
  for (let debut = 0; debut < octets.length; debut += PAGE) {
    const fin = Math.min(debut + PAGE, octets.length);
    let nulle = true;
    for (let i = debut; i < fin; i++) {
      if (octets[i] !== 0) {
        nulle = false;
        break;
      }
    }
    if (nulle) continue;
    const derniere = plages[plages.length - 1];
    if (derniere && derniere[0] + derniere[1] === debut) derniere[1] += fin - debut;
    else plages.push([debut, fin - debut]);
  }
  const utiles = plages.reduce((somme, [, longueur]) => somme + longueur, 0);
  const sortie = new Uint8Array(12 + 8 * plages.length + utiles);
  const vue = new DataView(sortie.buffer);
  sortie.set([0x44, 0x49, 0x53, 0x31]); // "DIS1"
  vue.setUint32(4, octets.length, true);
  vue.setUint32(8, plages.length, true);
  let position = 12 + 8 * plages.length;
  plages.forEach(([debut, longueur], rang) => {
    vue.setUint32(12 + 8 * rang, debut, true);
    vue.setUint32(16 + 8 * rang, longueur, true);
    sortie.set(octets.subarray(debut, debut + longueur), position);
    position += longueur;
  });
  return sortie;
}
