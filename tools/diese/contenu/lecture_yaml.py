"""The one YAML reader for every data and parameter file.

Stricter than `yaml.safe_load` on purpose: our files are edited by hand and published, so
- aliases and anchors are refused (a sub-kilobyte « alias bomb » otherwise expands to gigabytes);
- a key written twice in one mapping is refused (PyYAML silently keeps the last one);
- a byte that is not UTF-8 names the file and its position.
It also remembers the line of every node, so a schema error can say where the field is.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

Chemin = tuple[str | int, ...]


class ErreurLecture(ValueError):
    """The file cannot be read as one of our YAML files (message in French, file named)."""


class _Refus(yaml.MarkedYAMLError):
    def __init__(self, message: str, marque: yaml.Mark | None) -> None:
        super().__init__(problem=message, problem_mark=marque)
        self.message = message
        self.marque = marque


class _Chargeur(yaml.SafeLoader):
    def compose_node(self, parent, index):  # type: ignore[override]
        evenement = self.peek_event()
        if isinstance(evenement, yaml.AliasEvent):
            raise _Refus(
                f"alias « *{evenement.anchor} » refusé (écrivez la valeur en entier)",
                evenement.start_mark,
            )
        ancre = getattr(evenement, "anchor", None)
        if ancre:
            raise _Refus(
                f"ancre « &{ancre} » refusée (les ancres et alias ne sont pas permis)",
                evenement.start_mark,
            )
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):  # type: ignore[override]
        vues: dict[Any, int] = {}
        for noeud_cle, _ in node.value:
            cle = self.construct_object(noeud_cle, deep=True)
            try:
                deja = vues.get(cle)
            except TypeError:  # an unhashable key: let PyYAML say so
                continue
            if deja is not None:
                raise _Refus(
                    f"clé « {cle} » écrite deux fois (déjà ligne {deja})", noeud_cle.start_mark
                )
            vues[cle] = noeud_cle.start_mark.line + 1
        return super().construct_mapping(node, deep)


def _cle_texte(cle: Any) -> str:
    return cle.isoformat() if hasattr(cle, "isoformat") else str(cle)


def _lignes(chargeur: _Chargeur, noeud: yaml.Node | None) -> dict[Chemin, int]:
    """Line (1-based) of every node, by its path as jsonschema reports it."""
    lignes: dict[Chemin, int] = {}
    pile: list[tuple[Chemin, yaml.Node]] = [((), noeud)] if noeud is not None else []
    while pile:
        chemin, n = pile.pop()
        lignes[chemin] = n.start_mark.line + 1
        if isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                cle = chargeur.construct_object(k, deep=True)
                pile.append(((*chemin, _cle_texte(cle)), v))
        elif isinstance(n, yaml.SequenceNode):
            pile.extend(((*chemin, i), v) for i, v in enumerate(n.value))
    return lignes


def _position(marque: yaml.Mark | None) -> str:
    return f", ligne {marque.line + 1}, colonne {marque.column + 1}" if marque else ""


def lire(fichier: Path) -> tuple[Any, dict[Chemin, int]]:
    """(data, line of each path) of one YAML file; ErreurLecture with a French message."""
    try:
        octets = fichier.read_bytes()
    except FileNotFoundError as exc:
        raise ErreurLecture(f"{fichier} : fichier introuvable") from exc
    except OSError as exc:
        raise ErreurLecture(f"{fichier} : lecture impossible ({exc.strerror})") from exc
    try:
        texte = octets.decode("utf-8")
    except UnicodeDecodeError as exc:
        ligne = octets[: exc.start].count(b"\n") + 1
        raise ErreurLecture(
            f"{fichier}, ligne {ligne} : octet {octets[exc.start]:#04x} (position {exc.start}) "
            "qui n’est pas de l’UTF-8 ; enregistrez le fichier en UTF-8"
        ) from exc
    chargeur = _Chargeur(texte)
    try:
        noeud = chargeur.get_single_node()
        donnees = chargeur.construct_document(noeud) if noeud is not None else None
        return donnees, _lignes(chargeur, noeud)
    except _Refus as exc:
        raise ErreurLecture(f"{fichier}{_position(exc.marque)} : {exc.message}") from exc
    except yaml.MarkedYAMLError as exc:
        marque = exc.problem_mark or exc.context_mark
        probleme = exc.problem or exc.context or "syntaxe incorrecte"
        raise ErreurLecture(
            f"{fichier}{_position(marque)} : YAML illisible ({probleme})"
        ) from exc
    except yaml.YAMLError as exc:
        raise ErreurLecture(f"{fichier} : YAML illisible ({exc})") from exc
    finally:
        chargeur.dispose()
