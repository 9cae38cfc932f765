// Test helper (Node.js): a built site's engine as the browser gets it. Python restored from the
// snapshot with the complement zip mounted, every module of that zip imported, the three
// commands answering. Prints one JSON line (modules imported, import failures, answers).
// Usage: node reprise.mjs <site folder>
import { readdirSync, readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const site = process.argv[2];
const pyodideDir = `${site}/assets/pyodide`;
const roues = `${site}/assets/wheels`;
const roue = readdirSync(roues).find((nom) => nom.endsWith(".whl"));
const base = `${roues}/${roue.slice(0, -4)}`;
const { loadPyodide } = await import(pathToFileURL(`${pyodideDir}/pyodide.mjs`).href);
// The worker's own decoder of the sparse snapshot, taken from its source: what is checked here
// is what the browser runs.
const worker = readFileSync(new URL("../../overrides/assets/javascripts/diese-pyodide-worker.js",
  import.meta.url), "utf8");
const horsCreux = new Function(`${worker.match(/\nfunction horsCreux\([\s\S]*?\n}\n/)[0]}
return horsCreux;`)();
const creux = new Uint8Array(readFileSync(`${base}.instantane`));
const pyodide = await loadPyodide({
  indexURL: `${pyodideDir}/`,
  stdLibURL: `${base}.stdlib.zip`,
  packages: [],
  _loadSnapshot: horsCreux(creux),
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
json.dumps({"importes": noms, "echecs": echecs, "zip": archive, "optimise": sys.flags.optimize,
            "ok": [r.get("ok") for r in reponses], "erreur": reponses[-1].get("erreurs")})
`);
console.log(resultat);

