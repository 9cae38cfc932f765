"""diese.liens.requetes against the local server: every kind of answer, and the chain."""

from __future__ import annotations

from diese.liens.requetes import ABSENT, BOUCLE, DELAI, ERREUR_HTTP, OK, REFUS, verifier


def test_page_qui_repond(serveur_http) -> None:
    r = verifier(f"{serveur_http}/ok", delai=2, autoriser_local=True)
    assert (r.etat, r.code, r.redirige) == (OK, 200, False)
    assert [(e.methode, e.code) for e in r.chaine] == [("HEAD", 200)]


def test_chaine_de_redirections_suivie_et_rapportee(serveur_http) -> None:
    r = verifier(f"{serveur_http}/r1", delai=2, autoriser_local=True)
    assert r.etat == OK and r.redirige
    assert r.url_finale == f"{serveur_http}/ok"
    assert [(e.url.removeprefix(serveur_http), e.code) for e in r.chaine] == [
        ("/r1", 301),
        ("/r2", 302),
        ("/ok", 200),
    ]


def test_404_et_410_sont_des_pages_absentes(serveur_http) -> None:
    assert verifier(f"{serveur_http}/absent", delai=2, autoriser_local=True).code == 404
    parti = verifier(f"{serveur_http}/parti", delai=2, autoriser_local=True)
    assert (parti.etat, parti.code) == (ABSENT, 410)
    assert verifier(f"{serveur_http}/absent", delai=2, autoriser_local=True).etat == ABSENT


def test_get_quand_head_est_refuse(serveur_http, requetes_vues) -> None:
    r = verifier(f"{serveur_http}/sans-head", delai=2, autoriser_local=True)
    assert (r.etat, r.code) == (OK, 200)
    assert [(e.methode, e.code) for e in r.chaine] == [("HEAD", 405), ("GET", 200)]
    assert requetes_vues == [("HEAD", "/sans-head"), ("GET", "/sans-head")]


def test_erreur_serveur_non_concluante(serveur_http) -> None:
    r = verifier(f"{serveur_http}/panne", delai=2, autoriser_local=True)
    assert (r.etat, r.code, r.concluant) == (ERREUR_HTTP, 503, False)


def test_delai_depasse(serveur_http) -> None:
    r = verifier(f"{serveur_http}/lent", delai=0.3, autoriser_local=True)
    assert r.etat == DELAI and not r.concluant
    assert len(r.chaine) == 1  # no GET retry: it would only wait again


def test_connexion_refusee(port_ferme) -> None:
    r = verifier(f"http://127.0.0.1:{port_ferme}/", delai=2, autoriser_local=True)
    assert r.etat == REFUS and r.concluant
    assert r.chaine[0].erreur == "connexion refusée"


def test_boucle_de_redirections(serveur_http) -> None:
    r = verifier(f"{serveur_http}/boucle", delai=2, autoriser_local=True)
    assert r.etat == BOUCLE
