"""Guess an article's language from its function words.

A tiny stop-word vote is enough to tell whether an article can be read by the English extractor,
is deterministic, and needs neither a network nor a model. The word lists are data
(``consistency/data/stopwords.json``) so a language can be added without touching code.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Optional

UNDETERMINED = "und"
# Fewer function-word hits than this and the vote says nothing useful.
MIN_HITS = 3

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=1)
def _stopwords() -> tuple[tuple[str, frozenset[str]], ...]:
    """(language, words) in file order; cached because the file never changes at run time."""
    raw = resources.files("consistency").joinpath("data/stopwords.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    return tuple((lang, frozenset(w.lower() for w in words))
                 for lang, words in data.items() if not lang.startswith("_"))


def detect_language(text: str) -> str:
    """ISO 639-1 code of the language with most function-word hits, or ``"und"``."""
    tokens = [t.lower() for t in _WORD.findall(text)]
    best, best_hits = UNDETERMINED, 0
    for lang, words in _stopwords():
        hits = sum(1 for t in tokens if t in words)
        if hits > best_hits:  # strict: ties keep the earlier language
            best, best_hits = lang, hits
    return best if best_hits >= MIN_HITS else UNDETERMINED


def normalize_language_tag(value: object) -> Optional[str]:
    """``"en-US"``, ``"EN"``, ``"de_DE"`` → ``"en"``, ``"en"``, ``"de"``; None when unusable."""
    if not isinstance(value, str):
        return None
    primary = re.split(r"[-_]", value.strip())[0].lower()
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None
