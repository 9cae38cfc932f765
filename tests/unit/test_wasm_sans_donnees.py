"""The WebAssembly module without data segments: same segments (count, offsets), no bytes, still a
valid module (checked by Node.js's WebAssembly), and the data range they filled."""

from __future__ import annotations

import subprocess

import pytest
from diese.site.wasm_sans_donnees import sans_donnees


def _module(segments: list[tuple[int, bytes]]) -> bytes:
    def section(ident: int, corps: bytes) -> bytes:
        return bytes([ident, len(corps)]) + corps  # short sections: one-byte sizes

    memoire = section(5, bytes([1, 0, 1]))  # one memory, at least 1 page
    donnees = bytes([len(segments)]) + b"".join(
        bytes([0, 0x41, decalage, 0x0B, len(octets)]) + octets for decalage, octets in segments)
    return b"\0asm\1\0\0\0" + memoire + section(11, donnees)


def _valide(module: bytes) -> bool:
    code = ("const b = require('fs').readFileSync(0);"
            "process.stdout.write(String(WebAssembly.validate(b)))")
    return subprocess.run(["node", "-e", code], input=module, capture_output=True,
                          check=True).stdout == b"true"


def test_segments_vides_memes_decalages_et_plage() -> None:
    origine = _module([(16, b"abcdef"), (40, b"xyz")])
    assert _valide(origine)
    sans, plage = sans_donnees(origine)
    assert plage == (16, 43)
    assert _valide(sans)
    assert b"abcdef" not in sans and b"xyz" not in sans
    assert sans == _module([(16, b""), (40, b"")])


def test_un_module_sans_section_de_donnees_est_refuse() -> None:
    with pytest.raises(ValueError, match="aucune section de données"):
        sans_donnees(b"\0asm\1\0\0\0")
    with pytest.raises(ValueError, match="pas un module"):
        sans_donnees(b"\0elf")
