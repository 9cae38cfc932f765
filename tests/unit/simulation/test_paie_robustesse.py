"""Hostile input: oversized integers, huge floats, NaN/Infinity, deeply nested JSON give the usual
French message (exit code 2 in the CLI, an error object from the API), never a traceback."""

from __future__ import annotations

import io
import json

import pytest
from diese.simulation import cli
from diese.simulation.api import executer
from diese.simulation.entree_json import PROFONDEUR_MAX, charger, profondeur

GRAND = "9" * 400
IMBRIQUE = "[" * 100_000 + "]" * 100_000


def _cli(monkeypatch, capsys, texte: str, commande: str = "simuler") -> tuple[int, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(texte))
    code = cli.main([commande])
    return code, capsys.readouterr().err


@pytest.mark.parametrize(("texte", "champ"), [
    ('{"age": ' + GRAND + "}", "age"),
    ('{"age": -' + GRAND + "}", "age"),
    ('{"effectif": ' + GRAND + "}", "effectif"),
    ('{"salaire_brut_mensuel": 1e308}', "salaire_brut_mensuel"),
    ('{"salaire_brut_mensuel": 1e999}', "salaire_brut_mensuel"),
    ('{"heures_hebdo": NaN}', "heures_hebdo"),
    ('{"mutuelle_part_employeur": Infinity}', "mutuelle_part_employeur"),
    ('{"taux_at_mp": -Infinity}', "taux_at_mp"),
    ('{"duree_mois": "' + GRAND + '"}', "duree_mois"),
    ('{"age": ' + "[" * 20 + "]" * 20 + "}", "age"),
])
def test_nombres_demesures(monkeypatch, capsys, texte, champ):
    sortie = json.loads(executer("simuler", texte))
    assert sortie["ok"] is False
    assert sortie["erreurs"][0]["champ"] == champ
    assert len(sortie["erreurs"][0]["message"]) < 300
    code, err = _cli(monkeypatch, capsys, texte)
    assert code == 2 and err.startswith(f"{champ} : ") and "Traceback" not in err


@pytest.mark.parametrize("texte", [IMBRIQUE, '{"age": ' + IMBRIQUE + "}",
                                   '{"profil": ' + IMBRIQUE + "}", "[" * 65 + "]" * 65])
def test_json_trop_imbrique(monkeypatch, capsys, texte):
    for commande in ("simuler", "comparer"):
        sortie = json.loads(executer(commande, texte))
        assert sortie == {"ok": False, "erreurs": [{"champ": None, "message": (
            "La saisie n’est pas un JSON valide (ou elle est imbriquée trop profondément).")}]}
        code, err = _cli(monkeypatch, capsys, texte, commande)
        assert code == 2 and "imbriquée trop profondément" in err and "Traceback" not in err


def test_cle_inconnue_geante():
    sortie = json.loads(executer("simuler", json.dumps({"x" * 10_000: 1})))
    assert sortie["ok"] is False and len(sortie["erreurs"][0]["message"]) < 1000


def test_profondeur_ignore_les_chaines():
    assert profondeur('{"a": "' + "[" * 1000 + '"}') == 1
    assert profondeur('{"a": "\\\"' + "[" * 1000 + '"}') == 1  # escaped quote, then brackets
    assert profondeur("[" * 100 + "]" * 100) == PROFONDEUR_MAX + 1  # stops counting there
    assert charger("[" * PROFONDEUR_MAX + "]" * PROFONDEUR_MAX) is not None
    with pytest.raises(ValueError):
        charger("[" * (PROFONDEUR_MAX + 1) + "]" * (PROFONDEUR_MAX + 1))
