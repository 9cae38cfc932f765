"""One address, checked like a careful browser: HEAD first, GET when HEAD is refused or fails,
redirects followed one hop at a time so the whole chain can be reported. Standard library only."""

from __future__ import annotations

import socket
import ssl
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import urljoin

AGENT = "Mozilla/5.0 (compatible; DIESE-Guide-verificateur-liens/1.0)"
REDIRECTIONS_MAX = 10
CODES_REDIRECTION = {301, 302, 303, 307, 308}

# etat: what a maintainer needs to know, in one word.
OK = "ok"  # final answer 2xx
ABSENT = "absent"  # 404 / 410: the page is gone
ERREUR_HTTP = "erreur-http"  # other 4xx / 5xx: the server answers, but not with the page
DELAI = "delai"  # no answer within the delay
REFUS = "refus"  # connection refused
DNS = "dns"  # the name does not resolve
BOUCLE = "boucle"  # too many redirects
ERREUR = "erreur"  # TLS, reset, malformed answer…


@dataclass
class Etape:
    url: str
    methode: str
    code: int | None = None
    erreur: str = ""


@dataclass
class Resultat:
    url: str
    etat: str
    code: int | None = None
    url_finale: str = ""
    chaine: list[Etape] = field(default_factory=list)
    erreur: str = ""
    duree: float = 0.0

    @property
    def redirige(self) -> bool:
        return any(e.code in CODES_REDIRECTION for e in self.chaine)

    @property
    def concluant(self) -> bool:
        """True when the answer says something durable about the address."""
        return self.etat in {OK, ABSENT, DNS, REFUS} or (
            self.etat == ERREUR_HTTP and self.code in {401, 451}
        )


class _SansRedirection(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # each hop is followed by hand
        return None


_OUVREUR = urllib.request.build_opener(_SansRedirection)


class _Echec(Exception):
    def __init__(self, etat: str, message: str) -> None:
        super().__init__(message)
        self.etat = etat


def _classer(exc: BaseException) -> _Echec:
    raison = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(raison, (TimeoutError, socket.timeout)):
        return _Echec(DELAI, "pas de réponse dans le délai")
    if isinstance(raison, ConnectionRefusedError):
        return _Echec(REFUS, "connexion refusée")
    if isinstance(raison, socket.gaierror):
        return _Echec(DNS, "nom de domaine introuvable")
    if isinstance(raison, ssl.SSLError):
        return _Echec(ERREUR, f"erreur TLS : {raison}")
    return _Echec(ERREUR, f"{type(raison).__name__} : {raison}")


def _requete(url: str, methode: str, delai: float) -> tuple[int, str | None]:
    """(status code, Location header) of one request, without following redirects."""
    req = urllib.request.Request(
        url, method=methode, headers={"User-Agent": AGENT, "Accept": "*/*"}
    )
    try:
        with _OUVREUR.open(req, timeout=delai) as reponse:
            if methode == "GET":
                reponse.read(1024)  # enough to know the body starts; never the whole page
            return reponse.status, reponse.headers.get("Location")
    except urllib.error.HTTPError as exc:
        code, location = exc.code, exc.headers.get("Location") if exc.headers else None
        exc.close()
        return code, location
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise _classer(exc) from exc
    except Exception as exc:  # http.client oddities (BadStatusLine, IncompleteRead…)
        raise _Echec(ERREUR, f"{type(exc).__name__} : {exc}") from exc


def _un_saut(url: str, delai: float, chaine: list[Etape]) -> tuple[int, str | None]:
    """HEAD, then GET if HEAD is not allowed (405/501), errs (4xx/5xx) or fails outright.
    No GET retry after a refused connection, an unknown name or a timeout: it would only wait."""
    try:
        code, location = _requete(url, "HEAD", delai)
        chaine.append(Etape(url, "HEAD", code))
        if code < 400:
            return code, location
    except _Echec as echec:
        chaine.append(Etape(url, "HEAD", None, str(echec)))
        if echec.etat in {REFUS, DNS, DELAI}:
            raise
    try:
        code, location = _requete(url, "GET", delai)
    except _Echec as echec:
        chaine.append(Etape(url, "GET", None, str(echec)))
        raise
    chaine.append(Etape(url, "GET", code))
    return code, location


def verifier(url: str, delai: float = 10.0, redirections_max: int = REDIRECTIONS_MAX) -> Resultat:
    debut = time.monotonic()
    chaine: list[Etape] = []
    courante = url
    vues: set[str] = set()
    try:
        for _ in range(redirections_max + 1):
            code, location = _un_saut(courante, delai, chaine)
            if code in CODES_REDIRECTION and location:
                vues.add(courante)
                courante = urljoin(courante, location)
                if courante in vues:
                    break
                continue
            if 200 <= code < 300:
                etat = OK
            elif code in {404, 410}:
                etat = ABSENT
            else:
                etat = ERREUR_HTTP
            return Resultat(url, etat, code, courante, chaine, duree=time.monotonic() - debut)
        return Resultat(
            url, BOUCLE, None, courante, chaine, "trop de redirections",
            duree=time.monotonic() - debut,
        )
    except _Echec as echec:
        return Resultat(
            url, echec.etat, None, courante, chaine, str(echec), duree=time.monotonic() - debut
        )
