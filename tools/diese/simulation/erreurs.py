"""The one exception for bad input: every message is French and names the field."""

from __future__ import annotations


class ErreurSaisie(Exception):
    """Bad input. `erreurs` lists {"champ": <input key or None>, "message": <French sentence>}."""

    def __init__(self, erreurs: list[dict]) -> None:
        self.erreurs = erreurs
        super().__init__(" ; ".join(e["message"] for e in erreurs))

    @classmethod
    def une(cls, champ: str | None, message: str) -> ErreurSaisie:
        return cls([{"champ": champ, "message": message}])
