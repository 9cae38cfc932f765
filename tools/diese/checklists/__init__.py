"""Checklist pages: HTML rendered at build time from `diese.contenu.checklists` (readable and
printable without JavaScript; `diese-checklists.js` adds saving, dossiers and export)."""
