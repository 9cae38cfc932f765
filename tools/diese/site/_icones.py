"""Draws the web app icons committed in docs/assets/images (run once by hand, Pillow):
`python -m diese.site._icones`. Not a build step (the leading underscore keeps it out of the
hook registry)."""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFont

from diese.contenu.validation import RACINE

INDIGO = (64, 81, 181)
BLANC = (255, 255, 255)
POLICE = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
DOSSIER = RACINE / "docs" / "assets" / "images"


def dessiner(taille: int, masquable: bool) -> Image.Image:
    image = Image.new("RGBA", (taille, taille), INDIGO if masquable else (0, 0, 0, 0))
    dessin = ImageDraw.Draw(image)
    if not masquable:  # rounded tile; a maskable icon fills the square and keeps a safe zone
        dessin.rounded_rectangle((0, 0, taille - 1, taille - 1), radius=taille // 6, fill=INDIGO)
    police = ImageFont.truetype(POLICE, int(taille * (0.34 if masquable else 0.42)))
    dessin.text((taille / 2, taille * 0.47), "DG", font=police, fill=BLANC, anchor="mm")
    trait = taille // 40
    y = int(taille * (0.68 if masquable else 0.72))
    largeur = taille * (0.18 if masquable else 0.24)
    dessin.line((taille / 2 - largeur, y, taille / 2 + largeur, y), fill=BLANC, width=trait)
    return image


def main() -> None:
    for nom, taille, masquable in (
        ("icone-192.png", 192, False),
        ("icone-512.png", 512, False),
        ("icone-masquable-512.png", 512, True),
    ):
        dessiner(taille, masquable).save(DOSSIER / nom, optimize=True)


if __name__ == "__main__":
    main()
