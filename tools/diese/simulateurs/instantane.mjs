// Build step (Node.js): a memory snapshot of Pyodide with the DIESE engine already imported and
// warmed up, so the browser restores Python in a fraction of a second instead of booting it.
// Usage: node instantane.mjs <pyodide folder> <engine wheel> <output .gz>
// The snapshot is only valid for this exact Pyodide build and this exact wheel: its file name
// carries the wheel's content hash, and the worker falls back to a normal start if it fails.
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { pathToFileURL } from "node:url";

const [dossierPyodide, cheminRoue, sortie] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(`${dossierPyodide}/pyodide.mjs`).href);
const pyodide = await loadPyodide({
  indexURL: `${dossierPyodide}/`,
  packages: [],
  _makeSnapshot: true,
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
const instantane = pyodide.makeMemorySnapshot();
writeFileSync(sortie, gzipSync(instantane, { level: 6 }));
console.log(`${sortie} : ${instantane.length} octets en mémoire`);
