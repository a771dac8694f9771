"""Names and places from the spaCy NER model named in the config.

Only the ``ner`` component runs: it carries its own token vectors in the small English model,
and the tagger and parser would triple the cost for nothing the extractors use.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from typing import Sequence

from ..limits import MAX_SENTENCE_CHARS, MAX_WORD_CHARS

LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT")


_LONG_WORD = re.compile(r"\S{%d,}" % (MAX_WORD_CHARS + 1))


# Characters the model reads in one batch: its memory grows with the batch (128 pieces of 2,000
# characters took 400 MB), its speed hardly at all past this.
BATCH_CHARS = 64_000


def _by_size(pieces: list[str]) -> list[list[str]]:
    groups: list[list[str]] = []
    size = BATCH_CHARS
    for piece in pieces:
        if size + len(piece) > BATCH_CHARS:
            groups.append([])
            size = 0
        groups[-1].append(piece)
        size += len(piece)
    return groups


class ModelError(Exception):
    pass


class NameFinder:
    def __init__(self, model: str, cache_size: int = 4096) -> None:
        self.model_name = model
        self._nlp = None
        # Entities of pieces already read: boilerplate lines recur across a site's pages, and a
        # transcript repeats itself; the model's answer depends on the piece's text alone.
        self._cache: OrderedDict[str, tuple[tuple[str, int, int], ...]] = OrderedDict()
        self._cache_size = cache_size

    def _load(self):  # type: ignore[no-untyped-def]
        if self._nlp is None:
            try:
                import spacy

                self._nlp = spacy.load(self.model_name, exclude=["tok2vec", "tagger", "parser",
                                                                  "attribute_ruler", "lemmatizer", "senter"])
            except (OSError, ImportError) as exc:
                raise ModelError(f"cannot load the language model '{self.model_name}': {exc}. "
                                 "Install it with the project (pip install -e .) or set 'model' in "
                                 "[tool.consistency].") from exc
        return self._nlp

    def find(self, texts: Sequence[str]) -> list[dict[str, list[tuple[int, int]]]]:
        """For each text, the character spans of each entity label.

        Text longer than ``MAX_SENTENCE_CHARS`` is read in pieces (the model refuses a text past
        its length limit and its memory grows with the length); words longer than
        ``MAX_WORD_CHARS`` are blanked first, since the model's tokenizer splits a run of
        punctuation in quadratic time and no name is that long.
        """
        nlp = self._load()
        pieces: list[tuple[int, int, str]] = []  # (text index, offset, piece)
        for index, text in enumerate(texts):
            text = _LONG_WORD.sub(lambda m: " " * len(m.group()), text)
            start = 0
            while True:
                stop = len(text)
                if stop - start > MAX_SENTENCE_CHARS:
                    cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
                    stop = cut + 1 if cut >= 0 else start + MAX_SENTENCE_CHARS
                pieces.append((index, start, text[start:stop]))
                if stop >= len(text):
                    break
                start = stop
        unknown = list(dict.fromkeys(piece for _, _, piece in pieces if piece not in self._cache))
        for group in _by_size(unknown):
            for piece, doc in zip(group, nlp.pipe(group, batch_size=len(group))):
                self._remember(piece, tuple((ent.label_, ent.start_char, ent.end_char)
                                            for ent in doc.ents if ent.label_ in LABELS))
        out: list[dict[str, list[tuple[int, int]]]] = [{} for _ in texts]
        for index, offset, piece in pieces:
            found = out[index]
            for label, start, end in self._recall(piece):
                found.setdefault(label, []).append((offset + start, offset + end))
        return out

    def _remember(self, piece: str, ents: tuple[tuple[str, int, int], ...]) -> None:
        self._cache[piece] = ents
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)

    def _recall(self, piece: str) -> tuple[tuple[str, int, int], ...]:
        ents = self._cache.get(piece)
        if ents is None:  # pushed out by the pieces after it in this very call: read it again
            ents = tuple((ent.label_, ent.start_char, ent.end_char) for ent in self._load()(piece).ents
                         if ent.label_ in LABELS)
        else:
            self._cache.move_to_end(piece)
        return ents
