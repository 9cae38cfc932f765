"""Calendar helpers: months added from a hire date, age on a day."""

from __future__ import annotations

import calendar
import datetime as dt


def ajouter_mois(jour: dt.date, n: int) -> dt.date:
    total = jour.month - 1 + n
    annee, mois = jour.year + total // 12, total % 12 + 1
    return dt.date(annee, mois, min(jour.day, calendar.monthrange(annee, mois)[1]))


def age_le(naissance: dt.date, jour: dt.date) -> int:
    return jour.year - naissance.year - ((jour.month, jour.day) < (naissance.month, naissance.day))


def age_pour_bareme(naissance: dt.date, jour: dt.date) -> int:
    """Age that sets a pay band on `jour`: a birthday takes effect on the first day of the
    following month (Code du travail, art. D6222-34), i.e. the age on the eve of this month."""
    return age_le(naissance, jour.replace(day=1) - dt.timedelta(days=1))


def moins_annees(jour: dt.date, annees: int) -> dt.date:
    try:
        return jour.replace(year=jour.year - annees)
    except ValueError:  # 29 February
        return jour.replace(year=jour.year - annees, day=28)
