"""Pyodide's WebAssembly without its data segments, for a start from the memory snapshot.

The snapshot already holds the whole memory, data region included: the 3,3 MB of data segments
(≈ 1,3 MB in brotli) would travel twice. This copy of `pyodide.asm.wasm` keeps every segment
with its offset but no bytes (the module stays valid: same segment count, same code), and the
worker fills the data region from the snapshot before the runtime's constructors run
(diese-pyodide-worker.js, `copierDonnees`). A normal start (no snapshot) uses the original."""

from __future__ import annotations

from pathlib import Path

SECTION_DONNEES = 11
I32_CONST, FIN_EXPR = 0x41, 0x0B


def _leb(octets: bytes, i: int) -> tuple[int, int]:
    valeur = decalage = 0
    while True:
        b = octets[i]
        i += 1
        valeur |= (b & 0x7F) << decalage
        decalage += 7
        if b < 0x80:
            return valeur, i


def _en_leb(n: int) -> bytes:
    sortie = bytearray()
    while True:
        b, n = n & 0x7F, n >> 7
        sortie.append(b | 0x80 if n else b)
        if not n:
            return bytes(sortie)


def sans_donnees(wasm: bytes) -> tuple[bytes, tuple[int, int]]:
    """The module with empty data segments, and the memory range [start, end) they filled."""
    if wasm[:4] != b"\0asm":
        raise ValueError("pas un module WebAssembly")
    sortie = bytearray(wasm[:8])
    plage: tuple[int, int] | None = None
    i = 8
    while i < len(wasm):
        debut_section = i
        ident = wasm[i]
        taille, i = _leb(wasm, i + 1)
        corps, i = wasm[i:i + taille], i + taille
        if ident != SECTION_DONNEES:
            sortie += wasm[debut_section:i]
            continue
        nombre, j = _leb(corps, 0)
        nouveau = bytearray(_en_leb(nombre))
        bas, haut = None, 0
        for _ in range(nombre):
            drapeau, j = _leb(corps, j)
            if drapeau != 0 or corps[j] != I32_CONST:
                raise ValueError("segment de données non pris en charge (passif ou à mémoire indexée)")
            debut_expr = j
            decalage, j = _leb(corps, j + 1)
            if corps[j] != FIN_EXPR:
                raise ValueError("expression de décalage non constante")
            j += 1
            expression = corps[debut_expr:j]
            longueur, j = _leb(corps, j)
            j += longueur
            bas = decalage if bas is None else min(bas, decalage)
            haut = max(haut, decalage + longueur)
            nouveau += _en_leb(0) + expression + _en_leb(0)  # active, same offset, no bytes
        sortie.append(SECTION_DONNEES)
        sortie += _en_leb(len(nouveau)) + nouveau
        plage = (bas or 0, haut)
    if plage is None:
        raise ValueError("aucune section de données")
    return bytes(sortie), plage


def ecrire(source: Path, cible: Path) -> tuple[int, int]:
    """Writes the stripped copy (through a temporary file) and returns the data range."""
    contenu, plage = sans_donnees(source.read_bytes())
    temporaire = cible.with_suffix(".tmp")
    temporaire.write_bytes(contenu)
    temporaire.replace(cible)
    return plage
