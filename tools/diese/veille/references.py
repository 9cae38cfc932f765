"""Install the newest reference models in a temporary folder and read their values.

openfisca-france is installed without its dependencies (only its parameter files are read, as
YAML, by our strict reader); modele-social is evaluated with publicodes by a small Node script."""

from __future__ import annotations

import json
import subprocess
import sys
import venv
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from diese.contenu.lecture_yaml import lire

# ESM cannot `require`: the script reads stdin with fs, imported.
SCRIPT = r"""
import fs from 'node:fs'
import Engine from 'publicodes'
import rules from 'modele-social'
const silence = { log() {}, warn() {}, error() {} }
const demandes = JSON.parse(fs.readFileSync(0, 'utf8'))
const moteur = new Engine(rules, { logger: silence })
const reponses = {}
for (const [regle, jours] of Object.entries(demandes)) {
  reponses[regle] = {}
  for (const jour of jours) {
    const [a, m, j] = jour.split('-')
    moteur.setSituation({ date: `'${j}/${m}/${a}'` })
    try {
      const v = moteur.evaluate(regle)
      reponses[regle][jour] = { valeur: v.nodeValue ?? null, unite: v.unit ?? null }
    } catch (e) {
      reponses[regle][jour] = { erreur: String(e).split('\n').slice(0, 4).join(' ') }
    }
  }
}
process.stdout.write(JSON.stringify(reponses))
"""


@dataclass
class Installation:
    parametres_openfisca: Path
    version_openfisca: str
    dossier_npm: Path
    version_modele_social: str


def _lancer(commande: list[str], **options: Any) -> subprocess.CompletedProcess:
    return subprocess.run(commande, check=True, capture_output=True, text=True, **options)


def installer(dossier: Path) -> Installation:
    env_python = dossier / "venv"
    venv.create(env_python, with_pip=True)
    python = env_python / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    _lancer([str(python), "-m", "pip", "install", "-q", "--no-deps", "openfisca-france"])
    sortie = _lancer([str(python), "-c", (
        "import importlib.metadata as m, json; d = m.distribution('openfisca-france'); "
        "print(json.dumps([d.version, str(d.locate_file('openfisca_france/parameters'))]))")])
    version_of, parametres = json.loads(sortie.stdout)
    npm = dossier / "npm"
    npm.mkdir()
    (npm / "package.json").write_text('{"private": true, "type": "module"}', encoding="utf-8")
    _lancer(["npm", "install", "--no-audit", "--no-fund", "modele-social@latest",
             "publicodes@latest"], cwd=npm)
    paquet = json.loads((npm / "node_modules" / "modele-social" / "package.json")
                        .read_text(encoding="utf-8"))
    (npm / "evaluer.mjs").write_text(SCRIPT, encoding="utf-8")
    return Installation(Path(parametres), version_of, npm, paquet["version"])


def lire_openfisca(installation: Installation, chemin: str) -> dict:
    donnees, _ = lire(installation.parametres_openfisca / chemin)
    if not isinstance(donnees, dict):
        raise ValueError(f"{chemin} : fichier vide ou mal formé")
    return donnees


def evaluer_modele_social(installation: Installation,
                          demandes: dict[str, list[str]]) -> dict[str, dict[str, dict]]:
    """{rule: {ISO day: {valeur, unite} or {erreur}}} for each rule at each day."""
    sortie = _lancer(["node", "evaluer.mjs"], cwd=installation.dossier_npm,
                     input=json.dumps(demandes))
    return json.loads(sortie.stdout)
