"""The company file's schema: valid JSON Schema, within the subset the browser's validator reads,
a typo stops the build with a French message naming the file and the field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from diese.checklists.fichier import SCHEMA, charger_schema, valider_fichier
from diese.contenu.validation import ErreurDonnees

MINIMAL = {"format": "diese-fichier-entreprises", "version": 1, "entreprises": [{
    "id": "ent0001", "raison_sociale": "Boulangerie", "statut": "cliente", "stages": [],
    "contacts": [{"id": "con0001", "date": "2026-12-02", "type": "visite", "heure": "10:30"}],
    "cree": "2026-12-01T09:00:00.000Z", "modifie": "2026-12-01T09:00:00.000Z"}]}


def _ecrire(tmp_path: Path, schema: dict) -> Path:
    fichier = tmp_path / "fichier-entreprises.schema.json"
    fichier.write_text(json.dumps(schema), encoding="utf-8")
    return fichier


def test_schema_du_depot_valide_un_fichier() -> None:
    assert valider_fichier(MINIMAL) is MINIMAL
    mauvais = json.loads(json.dumps(MINIMAL))
    mauvais["entreprises"][0]["statut"] = "amie"
    with pytest.raises(ErreurDonnees, match=r"champ entreprises\[0\]\.statut"):
        valider_fichier(mauvais)


@pytest.mark.parametrize(("changer", "attendu"), [
    (lambda s: s["$defs"]["texte"].update(minimum=3), r"champ \$defs\.texte\.minimum : mot-clé"),
    (lambda s: s["$defs"]["date"].update(format="email"), r"format « email » non pris en charge"),
    (lambda s: s["$defs"]["texte"].update(type="strnig"), r"champ \$defs\.texte"),
    (lambda s: s["properties"].update(x={"$ref": "autre.json"}), r"références #/\$defs/"),
])
def test_une_faute_arrete_le_build_en_francais(tmp_path, changer, attendu) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    changer(schema)
    with pytest.raises(ErreurDonnees, match=attendu) as erreur:
        charger_schema(_ecrire(tmp_path, schema))
    assert "fichier-entreprises.schema.json" in str(erreur.value)


def test_json_illisible(tmp_path) -> None:
    fichier = tmp_path / "s.json"
    fichier.write_text("{", encoding="utf-8")
    with pytest.raises(ErreurDonnees, match="JSON illisible ligne 1"):
        charger_schema(fichier)
