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
  // Without docstrings and asserts (python -OO): a smaller memory image to download. The engine
  // reads no docstring; the restored interpreter keeps this setting for what it imports later.
  env: { PYTHONOPTIMIZE: "2" },
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
// The standard library zip mounted at restore time is another, smaller one (the modules not
// already in memory): forget this one's table of contents, read again at the first import.
// Then free what the warm-up left behind, and zero the allocator's free memory: it still holds
// the bytes of freed objects, which the snapshot would otherwise carry.
pyodide.runPython(`
import gc as _gc, linecache as _linecache, re as _re, sys as _sys, zipimport as _zipimport
_zipimport._zip_directory_cache.clear()
_sys.path_importer_cache.clear()
_linecache.clearcache()
_re.purge()
_gc.collect()
del _gc, _linecache, _re, _sys, _zipimport
`);
const zeros = zeroLibre(pyodide._module);
const instantane = pyodide.makeMemorySnapshot();
const creux = enCreux(instantane);
// Written raw: the build writes its .br/.gz copies (diese.site.compression) and the host sends
// them with Content-Encoding, which the browser undoes natively.
writeFileSync(sortie, creux);
console.log(`${sortie} : ${instantane.length} octets en mémoire, ${creux.length} hors pages nulles,` +
  ` ${zeros} octets libres remis à zéro`);

// Every free block of the allocator, taken (without growing the memory: a footprint limit makes
// malloc fail instead), zeroed, then given back. Returns the number of bytes zeroed.
function zeroLibre(M) {
  const limite = M._malloc_footprint();
  M._malloc_set_footprint_limit(limite);
  const blocs = [];
  let total = 0;
  for (let taille = 1 << 24; taille >= 16; taille >>= 1) {
    for (let p = M._malloc(taille); p; p = M._malloc(taille)) {
      M.HEAPU8.fill(0, p, p + taille);
      blocs.push(p);
      total += taille;
    }
  }
  for (const p of blocs) M._free(p);
  M._malloc_set_footprint_limit(-1); // no limit again (SIZE_MAX)
  if (M._malloc_footprint() !== limite) throw new Error("la mémoire a grandi pendant la remise à zéro");
  return total;
}

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
