"""What a hire costs an employer, month by month, with the employment aids in force, dated and
sourced. Pure Python, standard library only: the same code runs at build time (CPython) and in
the browser (Pyodide).

    simuler(situation) -> Resultat          # .en_dict(): mois, totaux, figures, annees, aides,
                                            #   avertissements, explications, parametres_au, …
    comparer(profil, employeur) -> [Option]
    calculer_oeth(entree) -> ResultatOETH
    api.executer(commande, entree_json) -> str   # JSON bridge, never raises

The result types, their fixed keys and French labels are in `resultat`.
"""

from .comparaison import Option, comparer
from .erreurs import ErreurSaisie
from .moteur import Resultat, simuler
from .oeth import ResultatOETH, calculer_oeth

__all__ = ["ErreurSaisie", "Option", "Resultat", "ResultatOETH", "calculer_oeth", "comparer",
           "simuler"]
