"""One address, checked like a careful browser: HEAD first, GET when HEAD is refused or fails,
redirects followed one hop at a time so the whole chain can be reported. Standard library only.

Bounded on purpose, because a 2005 domain may now belong to anyone:
- HTTP and HTTPS only, for the first address and every `Location` (no file:, data:, ftp:);
- private and loopback targets refused unless `autoriser_local` (the tests use it), link-local
  and multicast ones always;
  the connection goes to the address that was vetted, not to a second DNS answer;
- one deadline for the whole exchange of one address (every hop, every byte): a server that
  drips one byte a second is cut off when it runs out, not after each read;
- at most 1 KiB of body read; headers as bounded by http.client (100 lines of 64 KiB);
- everything that came from the network is cleaned of control and line-separator characters
  before it reaches a report or a file;
- any exception while checking one address is that address's verdict, never the run's end.
"""

from __future__ import annotations

import errno
import http.client
import ipaddress
import socket
import ssl
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

AGENT = "Mozilla/5.0 (compatible; DIESE-Guide-verificateur-liens/1.0)"
REDIRECTIONS_MAX = 10
CODES_REDIRECTION = {301, 302, 303, 307, 308}
CORPS_MAX = 1024  # bytes of body read: enough to know it starts, never the whole page
TEXTE_MAX = 300  # characters kept of any text that came from the network

# etat: what a maintainer needs to know, in one word.
OK = "ok"  # final answer 2xx
ABSENT = "absent"  # 404 / 410: the page is gone
ERREUR_HTTP = "erreur-http"  # other 4xx / 5xx: the server answers, but not with the page
DELAI = "delai"  # the exchange did not end within the deadline
REFUS = "refus"  # connection refused
DNS = "dns"  # the name does not resolve
RESEAU = "reseau"  # no route to the host (often: this machine has no network)
BOUCLE = "boucle"  # too many redirects
INTERDIT = "interdit"  # a target the checker will not visit (protocol, private address)
ERREUR = "erreur"  # TLS, reset, malformed answer…

# C0 and C1 controls, DEL, and the Unicode line/paragraph separators: YAML, terminals and
# textwrap disagree on which of them break a line (PyYAML reads U+0085 as one).
_INTERDITS = {c: None for c in [*range(0x00, 0x20), *range(0x7F, 0xA0), 0x2028, 0x2029, 0xFEFF]}


def nettoyer(texte: object, limite: int = TEXTE_MAX) -> str:
    """Text from the network made harmless to print or to write into a data file."""
    propre = str(texte).translate(_INTERDITS)
    return propre if len(propre) <= limite else propre[: limite - 1] + "…"


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


class _Echec(Exception):
    def __init__(self, etat: str, message: str) -> None:
        super().__init__(message)
        self.etat = etat


def _adresse(ip: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    adresse = ipaddress.ip_address(ip.split("%")[0])
    if isinstance(adresse, ipaddress.IPv6Address) and adresse.ipv4_mapped:
        return adresse.ipv4_mapped
    return adresse


def _adresse_permise(ip: str, autoriser_local: bool) -> bool:
    adresse = _adresse(ip)
    if adresse.is_link_local or adresse.is_multicast or adresse.is_unspecified:
        return False  # never: cloud metadata endpoints live there
    return adresse.is_global or autoriser_local


def _cible(url: str, autoriser_local: bool) -> tuple[str, str, int, str]:
    """(scheme, host, port, vetted IP) of an address the checker may visit, or _Echec."""
    morceaux = urlsplit(url)
    schema = morceaux.scheme.lower()
    if schema not in {"http", "https"}:
        raise _Echec(INTERDIT, f"protocole « {nettoyer(schema, 20)} » refusé (HTTP et HTTPS "
                               "seulement)")
    try:
        hote, port = morceaux.hostname, morceaux.port
    except ValueError as exc:
        raise _Echec(ERREUR, f"adresse mal formée : {nettoyer(exc)}") from exc
    if not hote:
        raise _Echec(ERREUR, "adresse sans nom d’hôte")
    port = port or (443 if schema == "https" else 80)
    try:
        trouvees = socket.getaddrinfo(hote, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise _Echec(DNS, "nom de domaine introuvable") from exc
    ips = [t[4][0] for t in trouvees]
    refusees = [ip for ip in ips if not _adresse_permise(ip, autoriser_local)]
    if refusees:
        raise _Echec(INTERDIT, f"adresse locale ou privée refusée ({nettoyer(refusees[0])})")
    return schema, hote, port, ips[0]


class _HTTP(http.client.HTTPConnection):
    def __init__(self, hote: str, port: int, ip: str, delai: float) -> None:
        super().__init__(hote, port, timeout=delai)
        self._ip = ip

    def connect(self) -> None:
        self.sock = socket.create_connection((self._ip, self.port), self.timeout)


class _HTTPS(http.client.HTTPSConnection):
    def __init__(self, hote: str, port: int, ip: str, delai: float) -> None:
        super().__init__(hote, port, timeout=delai, context=ssl.create_default_context())
        self._ip = ip

    def connect(self) -> None:
        brute = socket.create_connection((self._ip, self.port), self.timeout)
        self.sock = self._context.wrap_socket(brute, server_hostname=self.host)


def _classer(exc: BaseException) -> _Echec:
    if isinstance(exc, _Echec):
        return exc
    if isinstance(exc, (TimeoutError, socket.timeout)):
        return _Echec(DELAI, "pas de réponse dans le délai")
    if isinstance(exc, ConnectionRefusedError):
        return _Echec(REFUS, "connexion refusée")
    if isinstance(exc, ssl.SSLError):
        return _Echec(ERREUR, f"erreur TLS : {nettoyer(exc)}")
    if isinstance(exc, OSError) and exc.errno in {errno.ENETUNREACH, errno.EHOSTUNREACH}:
        return _Echec(RESEAU, "réseau injoignable")
    return _Echec(ERREUR, f"{type(exc).__name__} : {nettoyer(exc)}")


class _Echeance:
    """The deadline of one address: every request gets what is left of it, and a watchdog shuts
    the socket down when it runs out, whatever the read in progress."""

    def __init__(self, delai: float) -> None:
        self.fin = time.monotonic() + delai
        self.depassee = False

    def reste(self) -> float:
        reste = self.fin - time.monotonic()
        if reste <= 0:
            self.depassee = True
            raise _Echec(DELAI, "délai total dépassé")
        return reste

    def surveiller(self, connexion: http.client.HTTPConnection) -> threading.Timer:
        def couper() -> None:
            self.depassee = True
            if connexion.sock is not None:
                try:
                    connexion.sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

        minuteur = threading.Timer(max(self.fin - time.monotonic(), 0), couper)
        minuteur.daemon = True
        minuteur.start()
        return minuteur


def _requete(url: str, methode: str, echeance: _Echeance,
             autoriser_local: bool) -> tuple[int, str | None]:
    """(status code, Location header) of one request, without following redirects."""
    schema, hote, port, ip = _cible(url, autoriser_local)
    morceaux = urlsplit(url)
    chemin = (morceaux.path or "/") + (f"?{morceaux.query}" if morceaux.query else "")
    classe = _HTTPS if schema == "https" else _HTTP
    connexion = classe(hote, port, ip, echeance.reste())
    minuteur = echeance.surveiller(connexion)
    try:
        connexion.request(methode, chemin, headers={"User-Agent": AGENT, "Accept": "*/*"})
        reponse = connexion.getresponse()
        if methode == "GET":
            reponse.read(CORPS_MAX)
        if echeance.depassee:  # the watchdog's shutdown reads as a clean end of headers
            raise _Echec(DELAI, "délai total dépassé")
        return reponse.status, reponse.getheader("Location")
    except _Echec:
        raise
    except Exception as exc:
        if echeance.depassee:
            raise _Echec(DELAI, "délai total dépassé") from exc
        raise _classer(exc) from exc
    finally:
        minuteur.cancel()
        connexion.close()


def _un_saut(url: str, echeance: _Echeance, chaine: list[Etape],
             autoriser_local: bool) -> tuple[int, str | None]:
    """HEAD, then GET if HEAD is not allowed (405/501), errs (4xx/5xx) or fails outright.
    No GET retry after a refused connection, an unknown name, a refused target or a timeout."""
    try:
        code, location = _requete(url, "HEAD", echeance, autoriser_local)
        chaine.append(Etape(url, "HEAD", code))
        if code < 400:
            return code, location
    except _Echec as echec:
        chaine.append(Etape(url, "HEAD", None, str(echec)))
        if echec.etat in {REFUS, DNS, DELAI, INTERDIT, RESEAU}:
            raise
    try:
        code, location = _requete(url, "GET", echeance, autoriser_local)
    except _Echec as echec:
        chaine.append(Etape(url, "GET", None, str(echec)))
        raise
    chaine.append(Etape(url, "GET", code))
    return code, location


def _suivre(url: str, delai: float, redirections_max: int, autoriser_local: bool,
            chaine: list[Etape]) -> tuple[str, int | None, str, str]:
    """(etat, code, final URL, error) of the whole chain."""
    echeance = _Echeance(delai)
    courante = url
    vues: set[str] = set()
    try:
        for _ in range(redirections_max + 1):
            code, location = _un_saut(courante, echeance, chaine, autoriser_local)
            if code in CODES_REDIRECTION and location:
                vues.add(courante)
                courante = nettoyer(urljoin(courante, location.strip()), 2000)
                if courante in vues:
                    break
                continue
            if 200 <= code < 300:
                return OK, code, courante, ""
            if code in {404, 410}:
                return ABSENT, code, courante, ""
            return ERREUR_HTTP, code, courante, ""
        return BOUCLE, None, courante, "trop de redirections"
    except _Echec as echec:
        return echec.etat, None, courante, str(echec)


def verifier(url: str, delai: float = 10.0, redirections_max: int = REDIRECTIONS_MAX,
             autoriser_local: bool = False) -> Resultat:
    debut = time.monotonic()
    chaine: list[Etape] = []
    try:
        etat, code, finale, erreur = _suivre(url, delai, redirections_max, autoriser_local,
                                             chaine)
    except Exception as exc:  # noqa: BLE001 — one address's failure is its verdict
        etat, code, finale, erreur = ERREUR, None, url, f"{type(exc).__name__} : {nettoyer(exc)}"
    for etape in chaine:
        etape.url, etape.erreur = nettoyer(etape.url, 2000), nettoyer(etape.erreur)
    return Resultat(url, etat, code, nettoyer(finale, 2000), chaine, nettoyer(erreur),
                    duree=time.monotonic() - debut)
