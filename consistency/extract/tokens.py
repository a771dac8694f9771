"""A light word tokenizer with offsets, and the sentence context every extractor reads.

Extractors need only words, their offsets and their case: a regex does that far faster than a
full NLP pipeline, which is kept for what only it can do (finding names).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Iterable, Optional

from ..vocab import Vocabulary

_WORD = re.compile(r"\w(?:[\w'’.\-]*\w)?")
POSSESSIVE = re.compile(r"['’]s$")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str

    # Cached: every mention's trigger and modality windows read the words around it again.
    @cached_property
    def lower(self) -> str:
        return self.bare.lower()

    @cached_property
    def bare(self) -> str:
        """The word without a possessive ending: "China’s" -> "China"."""
        return POSSESSIVE.sub("", self.text)

    @property
    def is_capitalized(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


# Quotation marks of the languages read: “English”, "straight", «French» and «Spanish» (spaces
# inside allowed), „German“, ‹single guillemets›. Bounded, so a file of marks stays linear.
_QUOTED = re.compile(r"“([^”]{1,600})”|\"([^\"]{1,600})\"|«[ \u00a0\u202f]?([^»]{1,600}?)[ \u00a0\u202f]?»"
                     r"|„([^“”]{1,600})[“”]|‹[ \u00a0\u202f]?([^›]{1,600}?)[ \u00a0\u202f]?›")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the words inside quotation marks (typographic or straight), marks excluded."""
    spans: list[tuple[int, int]] = []
    for match in _QUOTED.finditer(text):
        group = match.lastindex or 1
        spans.append((match.start(group), match.end(group)))
    return spans


def inside_spans(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` lies in one of ``spans`` (in order, not overlapping: a bisection)."""
    i = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and offset < spans[i][1]


def token_index_at(tokens: list[Token], offset: int) -> int:
    """Index of the first token that ends after ``offset`` (tokens are in order: a bisection)."""
    return bisect.bisect_right(tokens, offset, key=lambda token: token.end)


def trigger_classes(tokens: list[Token], vocab: Vocabulary) -> list[Optional[str]]:
    """Each token's event class (or None), once per sentence for every mention in it."""
    return [vocab.trigger_class.get(t.lower) for t in tokens]


def find_trigger(tokens: list[Token], start: int, end: int, vocab: Vocabulary,
                 left: int = 12, right: int = 6, classes: Optional[list[Optional[str]]] = None) -> tuple[str, str]:
    """The event word a mention at ``start:end`` speaks about: the nearest trigger to its left
    within the clause, else the nearest to its right. Returns (word, class) or ("", "").
    ``classes`` is ``trigger_classes(tokens, vocab)``, made once per sentence."""
    if classes is None:
        classes = trigger_classes(tokens, vocab)
    first = token_index_at(tokens, start)
    last = first
    while last < len(tokens) and tokens[last].start < end:
        last += 1
    for i in range(first - 1, max(-1, first - 1 - left), -1):
        if classes[i]:
            return tokens[i].lower, classes[i]  # type: ignore[return-value]
    for i in range(last, min(len(tokens), last + right)):
        if classes[i]:
            return tokens[i].lower, classes[i]  # type: ignore[return-value]
    return "", ""


@lru_cache(maxsize=64)
def _phrases(vocabulary: frozenset[str]) -> tuple[str, ...]:
    """The entries of several words ("called off"), padded for a search in joined words; once per
    vocabulary, not once per mention."""
    return tuple(sorted(f" {w} " for w in vocabulary if " " in w))


# How far back a plan ("are expected to") governs the dates after it. Bounded so that a sentence
# of many mentions costs linear time; a plan stated forty words earlier governs nothing here.
PLAN_WINDOW = 40


def modality_words(tokens: list[Token]) -> list[Optional[str]]:
    """The words modality reads, once per sentence: lower-case ones (and the first), else None."""
    return [t.text.lower() if i == 0 or t.text.islower() else None for i, t in enumerate(tokens)]


def modality(tokens: list[Token], start: int, vocab: Vocabulary, window: int = 10, language: str = "en",
             words: Optional[list[Optional[str]]] = None) -> str:
    """How firmly the clause before a mention asserts it: speculative, denied, scheduled, reported.

    Modality words count only as written in lower case (or first in the sentence), so the month
    "May" is not the verb "may". ``words`` is ``modality_words(tokens)``, made once per sentence.
    """
    first = token_index_at(tokens, start)
    if words is None:
        words = modality_words(tokens)
    begin = max(0, first - PLAN_WINDOW)
    indexed = [(i, w) for i, w in enumerate(words[begin:first], begin) if w is not None]

    def said(words: list[str], vocabulary: frozenset[str]) -> bool:
        if not vocabulary.isdisjoint(words):
            return True
        phrases = _phrases(vocabulary)
        joined = " " + " ".join(words) + " " if phrases else ""
        return any(phrase in joined for phrase in phrases)

    speculative, denied, scheduled = vocab.modality_by_language.get(
        language, (vocab.speculative, vocab.denied, vocab.scheduled))
    near = [w for i, w in indexed if i >= first - window]
    if said(near, speculative):
        return "speculative"
    if said(near, denied):
        return "denied"
    # A plan stated anywhere earlier in the sentence governs what follows it
    # ("are expected to meet on Thursday during the summit in X").
    if said([w for _, w in indexed], scheduled):
        return "scheduled"
    return "reported"


def country_of(tokens: Iterable[Token], vocab: Vocabulary) -> Optional[str]:
    """The country a run of words names or describes ("Chinese", "China’s", "U.S."), if any."""
    words = [t for t in tokens]
    for size in (3, 2, 1):
        for i in range(len(words) - size, -1, -1):
            phrase = " ".join(t.bare.lower() for t in words[i:i + size])
            code = vocab.country_names.get(phrase) or vocab.country_names.get(phrase.replace(".", ""))
            if code:
                return code
    return None
