"""The link checker against hostile and broken answers, on 127.0.0.1 only: nothing an attacker
sends reaches the data file, a network outage writes nothing, a redirect to file:/data:/ftp: or
a private address is refused, a dripping server is cut off at the deadline, and every write is
whole or not at all (the original file intact byte for byte)."""

from __future__ import annotations

import shutil
import socket
import socketserver
import threading
import time
from collections.abc import Iterator

import pytest
import yaml
from diese.contenu.sites import ARCHIVE, FICHIER, charger_sites
from diese.liens import cli, ecriture
from diese.liens.cli import main
from diese.liens.requetes import DELAI, ERREUR, INTERDIT, verifier

# What the attacker's server answers to HEAD: a status line holding U+0085 (a line break for
# PyYAML, not for textwrap) followed by YAML that would give the entry a successor.
CHARGE = "successeur: {nom: Site pirate, adresse: 'https://pirate.example/'}"
LIGNE_PIEGEE = ("HTTP/1.1 2OO \u0085" + CHARGE + "\u2028" + CHARGE).encode("utf-8")


class _Hostile(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        requete = b""
        while b"\r\n\r\n" not in requete:
            morceau = self.request.recv(4096)
            if not morceau:
                return
            requete += morceau
        methode, chemin = requete.split(b" ")[:2]
        chemin = chemin.decode()
        envoyer = self.request.sendall
        if chemin == "/piege":
            if methode == b"HEAD":
                envoyer(LIGNE_PIEGEE + b"\r\n\r\n")
            else:
                envoyer(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
        elif chemin.startswith("/vers-"):
            cible = {"/vers-fichier": "file:///etc/passwd", "/vers-data": "data:text/plain,x",
                     "/vers-ftp": "ftp://127.0.0.1/x",
                     "/vers-lien-local": "http://169.254.169.254/latest/meta-data/"}[chemin]
            envoyer(f"HTTP/1.1 302 Found\r\nLocation: {cible}\r\nContent-Length: 0\r\n\r\n"
                    .encode())
        elif chemin == "/goutte":
            try:
                for octet in b"HTTP/1.1 200 OK\r\nX-Lent: " + b"a" * 200:
                    envoyer(bytes([octet]))
                    time.sleep(0.05)
            except OSError:
                return
        else:
            envoyer(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")


@pytest.fixture(scope="module")
def hostile() -> Iterator[str]:
    serveur = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Hostile)
    serveur.daemon_threads = True
    threading.Thread(target=serveur.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{serveur.server_address[1]}"
    serveur.shutdown()
    serveur.server_close()


def _entree(ident: str, adresse: str, methode: str = "automatique") -> str:
    return (
        f"  - id: {ident}\n    libelle: \"Libellé {ident}\"\n    nom: Site {ident}\n"
        f"    adresse: \"{adresse}\"\n    categorie: emploi\n    citations:\n"
        f"      - lieu: annexe-1\n    statut: inconnu\n    archive: {ARCHIVE}{adresse}\n"
        f"    verification:\n      date: \"2026-11-26\"\n      methode: {methode}\n"
        f"      detail: >-\n        Écrit à la main.\n    note: Note.\n"
    )


def test_une_ligne_de_statut_piegee_n_entre_pas_dans_le_fichier(tmp_path, hostile, capsys):
    fichier = tmp_path / "sites.yml"
    fichier.write_text("sites:\n" + _entree("piege", f"{hostile}/piege"), encoding="utf-8")
    code = main(["--donnees", str(fichier), "--sans-ressources", "--autoriser-local",
                 "--delai", "2", "--ecrire"])
    capsys.readouterr()
    assert code == 0
    texte = fichier.read_text(encoding="utf-8")
    brut = yaml.safe_load(texte)["sites"][0]
    assert "successeur" not in brut and "pirate" not in str(brut.get("successeur", ""))
    assert brut["statut"] == "disparu"  # GET said 404: that much is true
    assert "\u0085" not in texte and "\u2028" not in texte
    detail = brut["verification"]["detail"]
    assert "2OO" in detail and "Site pirate" in detail  # reported as text, harmless
    site = charger_sites(fichier)[0]
    assert site.successeur is None


@pytest.mark.parametrize("chemin", ["/vers-fichier", "/vers-data", "/vers-ftp",
                                    "/vers-lien-local"])
def test_une_redirection_hors_http_ou_vers_le_reseau_local_est_refusee(hostile, chemin):
    r = verifier(f"{hostile}{chemin}", delai=2, autoriser_local=True)
    assert r.etat == INTERDIT, r
    assert r.chaine[0].code == 302


def test_les_adresses_locales_sont_refusees_par_defaut(hostile):
    r = verifier(f"{hostile}/ok", delai=2)
    assert r.etat == INTERDIT and "adresse locale ou privée refusée" in r.erreur
    assert verifier("http://[::1]:9/", delai=2).etat == INTERDIT
    assert verifier("http://10.0.0.1/", delai=2).etat == INTERDIT  # refused before connecting


def test_un_serveur_au_goutte_a_goutte_est_coupe_a_l_echeance(hostile):
    debut = time.monotonic()
    r = verifier(f"{hostile}/goutte", delai=0.6, autoriser_local=True)
    assert r.etat == DELAI and "délai total dépassé" in r.erreur
    # The whole exchange is bounded (the server would drip for 10 s).
    assert time.monotonic() - debut < 3


def test_une_redirection_vers_file_ne_fait_pas_tomber_la_commande(tmp_path, hostile, capsys):
    fichier = tmp_path / "sites.yml"
    fichier.write_text("sites:\n" + _entree("fichier", f"{hostile}/vers-fichier")
                       + _entree("data", f"{hostile}/vers-data"), encoding="utf-8")
    avant = fichier.read_bytes()
    code = main(["--donnees", str(fichier), "--sans-ressources", "--autoriser-local",
                 "--delai", "2", "--ecrire"])
    sortie = capsys.readouterr().out
    assert code == 1 and "à examiner à la main" in sortie and "cible refusée" in sortie
    assert fichier.read_bytes() == avant


def test_une_exception_imprevue_est_le_verdict_d_une_adresse(monkeypatch, hostile):
    def panne(*_args, **_kwargs):
        raise RuntimeError("imprévu\u0085")

    monkeypatch.setattr(socket, "getaddrinfo", panne)
    r = verifier(f"{hostile}/ok", delai=2, autoriser_local=True)
    assert r.etat == ERREUR and "RuntimeError" in r.erreur and "\u0085" not in r.erreur


def test_sans_dns_rien_n_est_ecrit(tmp_path, monkeypatch, capsys):
    copie = tmp_path / "sites.yml"
    shutil.copy(FICHIER, copie)
    avant = copie.read_bytes()

    def sans_dns(*_args, **_kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", sans_dns)
    code = main(["--donnees", str(copie), "--sans-ressources", "--ecrire", "--forcer"])
    sortie = capsys.readouterr().out
    assert code == 1
    assert "vérification non concluante" in sortie and "rien n’a été écrit" in sortie
    assert copie.read_bytes() == avant


def test_une_reecriture_qui_toucherait_un_autre_champ_est_refusee(tmp_path, hostile,
                                                                  monkeypatch, capsys):
    fichier = tmp_path / "sites.yml"
    fichier.write_text("sites:\n" + _entree("x", f"{hostile}/ok"), encoding="utf-8")
    avant = fichier.read_bytes()
    vrai = ecriture.appliquer
    monkeypatch.setattr(ecriture, "appliquer",
                        lambda t, m: vrai(t, m).replace("nom: Site x", "nom: Site pirate"))
    code = main(["--donnees", str(fichier), "--sans-ressources", "--autoriser-local",
                 "--delai", "2", "--ecrire"])
    erreur = capsys.readouterr().err
    assert code == 2 and "écriture refusée" in erreur and "rien n’a été écrit" in erreur
    assert fichier.read_bytes() == avant
    assert list(tmp_path.iterdir()) == [fichier]  # no temporary copy left behind


def test_une_panne_generale_se_reconnait():
    from diese.liens.requetes import DNS, OK, Resultat
    assert cli.panne_generale([Resultat("a", DNS)] * 3 + [Resultat("b", OK)])
    assert not cli.panne_generale([Resultat("a", DNS)] + [Resultat("b", OK)] * 3)
