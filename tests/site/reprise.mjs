// Test helper (Node.js): a built site's engine as the browser gets it. Python restored from the
// snapshot with the complement zip mounted, every module of that zip imported, the three
// commands answering. Prints one JSON line (modules imported, import failures, answers).
// Usage: node reprise.mjs <site folder>
import { mkdtempSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const site = resolve(process.argv[2]);
// Pyodide as the worker loads it from a snapshot: the module without data segments in place of
// pyodide.asm.wasm (a folder of links), and the data range the build wrote into the worker.
const pyodideDir = mkdtempSync(join(tmpdir(), "diese-reprise-"));
for (const nom of readdirSync(`${site}/assets/pyodide`)) {
  if (nom === "pyodide.asm.wasm") continue;
  const lien = nom === "pyodide.asm.sans-donnees.wasm" ? "pyodide.asm.wasm" : nom;
  symlinkSync(`${site}/assets/pyodide/${nom}`, join(pyodideDir, lien));
}
const workerPublie = readdirSync(`${site}/assets/javascripts`)
  .find((nom) => /^diese-pyodide-worker\..*js$/.test(nom));
const plage = JSON.parse(readFileSync(`${site}/assets/javascripts/${workerPublie}`, "utf8")
  .match(/const PLAGE_DONNEES = (\[\d+, \d+\]);/)[1]);
const roues = `${site}/assets/wheels`;
const roue = readdirSync(roues).find((nom) => nom.endsWith(".whl"));
const base = `${roues}/${roue.slice(0, -4)}`;
const { loadPyodide } = await import(pathToFileURL(`${pyodideDir}/pyodide.mjs`).href);
// The worker's own functions (decoding the sparse snapshot, filling the data range), taken from
// its source: what is checked here is what the browser runs.
const worker = readFileSync(new URL("../../overrides/assets/javascripts/diese-pyodide-worker.js",
  import.meta.url), "utf8");
const fonction = (nom) => new Function(`${worker.match(
  new RegExp(`\\nfunction ${nom}\\([\\s\\S]*?\\n}\\n`))[0]}\nreturn ${nom};`)();
const horsCreux = fonction("horsCreux");
const copierDonnees = fonction("copierDonnees");
const image = horsCreux(new Uint8Array(readFileSync(`${base}.instantane`)));
const instancier = WebAssembly.instantiate.bind(WebAssembly);
let copie = false;
WebAssembly.instantiate = async (source, imports) => {
  const resultat = await instancier(source, imports);
  const memoire = (resultat.instance || resultat).exports.memory;
  if (!copie && memoire instanceof WebAssembly.Memory) {
    copierDonnees(memoire, image, plage);
    copie = true;
  }
  return resultat;
};
const pyodide = await loadPyodide({
  indexURL: `${pyodideDir}/`,
  stdLibURL: `${base}.stdlib.zip`,
  packages: [],
  _loadSnapshot: image,
  stdout: () => {},
  stderr: (ligne) => process.stderr.write(`${ligne}\n`),
});
const resultat = pyodide.runPython(`
import importlib, json, sys, zipfile
from diese.simulateurs.navigateur import repondre
archive = next(p for p in sys.path if p.endswith(".zip"))
noms, echecs = [], {}
for f in zipfile.ZipFile(archive).namelist():
    module = f.removesuffix(".py").removesuffix("/__init__").replace("/", ".")
    if module not in sys.modules:
        try:
            importlib.import_module(module)
            noms.append(module)
        except Exception as e:  # reported: the test says which failures are acceptable
            echecs[module] = f"{type(e).__name__}: {e}"
reponses = [json.loads(repondre(c, e)) for c, e in (
    ("simuler", '{"contrat": "apprentissage", "age": 19, "duree_mois": 24}'),
    ("comparer", "{}"),
    ("oeth", '{"effectif": 120}'),
    ("simuler", '{"age": "x"}'),
)]
json.dumps({"plage": ${JSON.stringify(plage)}, "importes": noms, "echecs": echecs, "zip": archive, "optimise": sys.flags.optimize,
            "ok": [r.get("ok") for r in reponses], "erreur": reponses[-1].get("erreurs")})
`);
console.log(resultat);

