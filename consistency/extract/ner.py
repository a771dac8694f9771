"""Names and places from the spaCy NER model named in the config.

Only the ``ner`` component runs: it carries its own token vectors in the small English model,
and the tagger and parser would triple the cost for nothing the extractors use.
"""

from __future__ import annotations

from typing import Sequence

LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT")


class ModelError(Exception):
    pass


class NameFinder:
    def __init__(self, model: str) -> None:
        self.model_name = model
        self._nlp = None

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
        """For each text, the character spans of each entity label."""
        nlp = self._load()
        out: list[dict[str, list[tuple[int, int]]]] = []
        for doc in nlp.pipe(texts, batch_size=128):
            found: dict[str, list[tuple[int, int]]] = {}
            for ent in doc.ents:
                if ent.label_ in LABELS:
                    found.setdefault(ent.label_, []).append((ent.start_char, ent.end_char))
            out.append(found)
        return out
