"""Text forms shared by the normalizers and the resolve stage."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Accents folded: "Jérôme" -> "Jerome", "São Paulo" -> "Sao Paulo", so spellings with and
    without them meet."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
