import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
const [dossierPyodide, cheminRoue, zip] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(`${dossierPyodide}/pyodide.mjs`).href);
let t0 = performance.now();
const pyodide = await loadPyodide({ indexURL: `${dossierPyodide}/`, stdLibURL: zip, packages: [], stdout: (l)=>console.log(l), stderr: (l)=>console.log(l) });
console.log("boot", performance.now()-t0);
const M = pyodide._module;
console.log("heap", M.HEAPU8.length);
t0 = performance.now();
const octets = readFileSync(cheminRoue);
pyodide.unpackArchive(new Uint8Array(octets.buffer, octets.byteOffset, octets.byteLength), "wheel");
pyodide.runPython(`
import diese.simulateurs.navigateur as _n
for _commande in ("simuler", "comparer", "oeth"):
    _n.repondre(_commande, "{}")
`);
console.log("engine", performance.now()-t0);
pyodide.runPython(`
import sys, gc
print(len(sys.modules), "modules")
gc.collect()
sys._debugmallocstats()
`);
