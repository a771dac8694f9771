"""One id per person across all articles of a run.

Each article resolves names it introduced itself ("China’s Li" -> the Li it named). Across
articles a full name is the id; spelling variants ("Anna-Lena Berg", "Vice-Premier") merge by fuzzy
match, and a name used alone in an article that never gave the full name ("the Vogt–Brandt summit")
resolves to the one full name of the cluster that contains it, or to nothing when several do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional

from rapidfuzz import fuzz

from ..extract.people import AMBIGUOUS_ALONE
from ..extract.tokens import tokenize
from ..models import Mention
from ..normalize.text import fold


def _key(name: str) -> str:
    return re.sub(r"[\s\-‐‑–]+", " ", fold(name)).strip().lower()


def _headline(text: str) -> bool:
    """A line set in title case with no full stop: a headline or page chrome, not prose."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    if len(words) < 3 or text.rstrip().endswith((".", "!", "?", "\"", "”")):
        return False
    return sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def confirmed_people(mentions: Iterable[Mention], similarity: int = 90) -> set[str]:
    """Names that something confirms as a person: named in prose, or in two articles.

    A capitalised fragment of a headline ("Leader Cuts Taxes") that the model read as a name is
    confirmed by nothing and is no one. A name read only by its capitals (a language with no
    name model, where every noun may be capitalised) is confirmed only by a name the model
    found in the cluster, in the same spelling or a close one ("Zelenski", "Zelensky")."""
    articles: dict[str, set[str]] = {}
    in_prose: set[str] = set()
    by_model: set[str] = set()
    by_capitals: set[str] = set()
    for m in mentions:
        if m.kind in ("person", "role") and m.entity:
            key = _key(m.entity)
            articles.setdefault(key, set()).add(m.article)
            if not _headline(m.sentence):
                in_prose.add(key)
            if dict(m.extra).get("found_by") == "capitals":
                by_capitals.add(key)
            else:
                by_model.add(key)
    confirmed = {key for key, seen in articles.items() if key in in_prose or len(seen) >= 2}
    only_capitals = by_capitals - by_model
    known = sorted(by_model & confirmed)
    for key in only_capitals:
        if not any(fuzz.ratio(key, other) >= similarity for other in known):
            confirmed.discard(key)
    return confirmed


def drop_unconfirmed(mentions: list[Mention]) -> list[Mention]:
    confirmed = confirmed_people(mentions)
    return [m for m in mentions if not (m.kind in ("person", "role") and m.entity and _key(m.entity) not in confirmed)]


@dataclass(frozen=True)
class EntityIndex:
    canonical: dict[str, str]  # normalized full name -> id (the display name)
    alias: dict[str, tuple[str, ...]]  # lower-case single word -> ids whose name contains it
    by_article: dict[str, tuple[str, ...]]  # article id -> ids it names, in order of first mention
    countries: dict[str, str]  # person id -> country from their titles

    @classmethod
    def build(cls, mentions: Iterable[Mention], similarity: int = 92) -> "EntityIndex":
        canonical: dict[str, str] = {}
        by_word: dict[str, list[str]] = {}  # word -> full-name keys containing it (fuzzy candidates)
        by_article: dict[str, list[str]] = {}
        countries: dict[str, dict[str, int]] = {}
        people = [m for m in mentions if m.kind in ("person", "role") and m.entity]
        for m in people:
            name = m.entity
            if len(name.split()) < 2:
                continue
            key = _key(name)
            if key in canonical:
                continue
            # Spelling variants share a word ("anna lena berg", "anna-lena berg"): only those are compared,
            # so the cost grows with the names that share words, not with all names squared.
            candidates = sorted({k for word in key.split() for k in by_word.get(word, ())})
            match = next((canonical[k] for k in candidates if fuzz.ratio(k, key) >= similarity), None)
            canonical[key] = match or name
            for word in key.split():
                by_word.setdefault(word, []).append(key)
        alias: dict[str, set[str]] = {}
        for ident in set(canonical.values()):
            for word in _key(ident).split():
                if word not in AMBIGUOUS_ALONE:
                    alias.setdefault(word, set()).add(ident)
        index = cls(canonical, {k: tuple(sorted(v)) for k, v in alias.items()}, {}, {})
        for m in people:
            ident = index.resolve(m.entity, m.article)
            if ident is None:
                continue
            seen = by_article.setdefault(m.article, [])
            if ident not in seen:
                seen.append(ident)
            if m.kind == "role" and m.country:
                counts = countries.setdefault(ident, {})
                counts[m.country] = counts.get(m.country, 0) + 1
        index.by_article.update({k: tuple(v) for k, v in by_article.items()})
        index.countries.update({p: max(sorted(c), key=lambda code: c[code]) for p, c in countries.items()})
        return index

    def resolve(self, name: str, article: Optional[str] = None) -> Optional[str]:
        key = _key(name)
        if key in self.canonical:
            return self.canonical[key]
        if len(key.split()) == 1:
            candidates = self.alias.get(key, ())
            if len(candidates) == 1:
                return candidates[0]
            if article is not None:
                named_here = [c for c in self.by_article.get(article, ()) if c in candidates]
                if named_here:
                    return named_here[-1]
            return None
        return None

    def people_in(self, text: str, article: str) -> tuple[str, ...]:
        """Ids of the people a sentence names, full names or words used alone."""
        found: set[str] = set()
        for token in tokenize(text):
            word = token.bare
            if not word[:1].isupper():
                continue
            ident = self.resolve(word, article)
            if ident:
                found.add(ident)
        return tuple(sorted(found))
