"""Extract stage: articles in, one ``Mention`` per assertion out.

Each sentence is read once: the NER model finds names and places, the normalizers find dates,
times and quantities, and the people module finds titles and quotes. Every mention carries the
hints linking needs (its event trigger, who is named in the sentence, what a number counts),
and its file line and column.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Callable, Iterable, Optional, Sequence

from ..config import Config
from ..models import Article, Interval, Mention
from ..normalize.multilingual import LanguagePack, find_quantities_in, find_temporal_in
from ..normalize.places import Gazetteer
from ..normalize.quantities import QuantitySpan, find_quantities
from ..normalize.temporal import TemporalSpan, find_temporal
from ..vocab import Vocabulary
from .ner import NameFinder
from .people import PersonRegistry, find_names, find_quotes, find_roles, reported_speaker, speaker_of
from .sentences import Sentence, split_sentences
from .tokens import (Token, find_trigger, inside_spans, modality, modality_words, quote_spans, token_index_at,
                     tokenize, trigger_classes)

if TYPE_CHECKING:
    from pandas import DataFrame

PLACE_PREPOSITIONS = frozenset({"in", "at", "to", "near", "outside", "inside"})
MOTION_CLASSES = frozenset({"travel", "visit", "arrival"})
MEASURED_KINDS = frozenset({"percentage", "money", "number", "count"})
_DATELINE = re.compile(r"^([A-Z][A-Z .'-]{2,40}?)(?:,\s*[A-Z][\w .]+)?\s*(?:\([^)]{1,40}\))?\s*[—–-]{1,2}\s")


# Lines of text (short articles) whose sentences go to the name model in one batch.
NER_BATCH_LINES = 400


def _batches(articles: list[Article], lines: list[int]) -> Iterable[list[Article]]:
    batch: list[Article] = []
    size = 0
    for article, count in zip(articles, lines):
        if batch and size + count > NER_BATCH_LINES:
            yield batch
            batch, size = [], 0
        batch.append(article)
        size += count
    if batch:
        yield batch


def reads_language(language: str, config: Config, packs: dict[str, LanguagePack]) -> bool:
    """English (or too short to tell) is read with the name model, a language with a pack by
    the pack; the configuration can leave any of them out."""
    return config.reads(language) and (language in ("en", "und") or language in packs)


class Extractor:
    """Holds what is costly to build (the NER model, the gazetteer) for one run."""

    def __init__(self, config: Config, vocab: Vocabulary, gazetteer: Gazetteer,
                 names: Optional[NameFinder] = None, packs: Optional[dict[str, LanguagePack]] = None) -> None:
        self.config = config
        self.vocab = vocab
        self.gazetteer = gazetteer
        self.names = names or NameFinder(config.model)
        self.packs = packs or {}
        # "am 18. März": month names after which a day's full stop ends no sentence, per language.
        self._months = {code: re.compile(r"(?:" + "|".join(re.escape(str(name)) for name in sorted(
            pack.table("months"), key=lambda n: (-len(str(n)), str(n)))) + r")\b", re.IGNORECASE)
            for code, pack in self.packs.items() if pack.table("months")}
        self.translation_cue = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in vocab.translation_cues) + r")",
                                          re.IGNORECASE)

    def extract(self, articles: Iterable[Article],
                progress: Optional[Callable[[int], None]] = None) -> list[Mention]:
        """Mentions of every readable article; ``progress`` is told how many articles are done."""
        mentions: list[Mention] = []
        readable = [article for article in articles if self.reads(article.language)]
        done = 0
        for batch in _batches(readable, [article.text.count("\n") + 1 for article in readable]):
            english = [article for article in batch if article.language not in self.packs]
            if len(english) > 1:
                # The model reads one batch far faster than one short article at a time: read the
                # batch's sentences (those extract_article reads) at once; it remembers them.
                self.names.find([s.text for article in english for s in split_sentences(article.text)
                                 if not self._boilerplate(s.text)])
            for article in batch:
                mentions.extend(self.extract_article(article))
                done += 1
                if progress is not None:
                    progress(done)
        return mentions

    def reads(self, language: str) -> bool:
        return reads_language(language, self.config, self.packs)

    def extract_article(self, article: Article) -> list[Mention]:
        pack = self.packs.get(article.language)
        months = self._months.get(article.language)
        sentences = [s for s in split_sentences(article.text, months=months) if not self._boilerplate(s.text)]
        if pack is None:
            entities = self.names.find([s.text for s in sentences])
        else:
            # No name model for this language: names and places by their capitals, each of
            # which counts only when the cluster confirms it (see resolve.entities).
            entities = [capitalised_entities(s.text, self.gazetteer) for s in sentences]
        starts = article.line_starts()
        registry = PersonRegistry()
        zone = self._dateline_zone(article.text)
        out: list[Mention] = []
        previous_speaker, previous_text = "", ""
        for sentence, found in zip(sentences, entities):
            reader = _SentenceReader(self, article, sentence, found, registry, starts, zone, previous_text)
            mentions, previous_speaker = reader.read(previous_speaker)
            out.extend(mentions)
            previous_text = sentence.text
        return out

    def _boilerplate(self, text: str) -> bool:
        lowered = text.lower()
        return any(lowered.startswith(prefix) for prefix in self.vocab.boilerplate_prefixes)

    def _dateline_zone(self, text: str) -> Optional[str]:
        """The time zone of a dateline city ("BEIJING (Reuters) -"), for "local time"."""
        match = _DATELINE.match(text.lstrip())
        if not match:
            return None
        place = self.gazetteer.lookup(match.group(1).title())
        return place.timezone if place and place.timezone else None


class _SentenceReader:
    """Everything found in one sentence, turned into mentions."""

    def __init__(self, extractor: Extractor, article: Article, sentence: Sentence,
                 entities: dict[str, list[tuple[int, int]]], registry: PersonRegistry,
                 line_starts: list[int], zone: Optional[str], previous_text: str) -> None:
        self.x = extractor
        self.article = article
        self.sentence = sentence
        self.entities = entities
        self.registry = registry
        self.line_starts = line_starts
        self.zone = zone
        self.previous_text = previous_text
        self.participants: tuple[str, ...] = ()
        self.tokens: list[Token] = tokenize(sentence.text)
        self.modality_words = modality_words(self.tokens)
        self.trigger_classes = trigger_classes(self.tokens, extractor.vocab)
        self.quotes = quote_spans(sentence.text)

    def read(self, previous_speaker: str) -> tuple[list[Mention], str]:
        vocab = self.x.vocab
        names = find_names(self.sentence.text, self.tokens, self.entities.get("PERSON", []), vocab)
        out: list[Mention] = []
        # Names read by their capitals (no name model for the language) say so, to be confirmed.
        found_by = (("found_by", "capitals"),) if self.article.language in self.x.packs else ()
        persons = [(name, self.registry.add(name.name)) for name in names]
        # Every mention of the sentence carries who it names, set as it is made.
        self.participants = tuple(sorted({person for _, person in persons if person}))
        for name, person in persons:
            if person:
                out.append(self._mention(name.start, name.end, "person", person, entity=person, extra=found_by))
        for role in find_roles(self.sentence.text, self.tokens, names, self.registry, vocab):
            out.append(self._mention(role.start, role.end, "role", role.person, entity=role.person,
                                     role=role.title, country=role.country,
                                     extra=(("current", "yes" if role.current else "no"),)))
        quotes = find_quotes(self.sentence.text, self.tokens, names, self.registry, previous_speaker)
        # A quote rendered from another language: the cue may stand in the sentence before.
        translated = bool(self.x.translation_cue.search(self.previous_text + " " + self.sentence.text))
        for quote in quotes:
            words = " ".join(re.sub(r"[^\w\s'’-]", " ", quote.words).split())
            if words:
                out.append(self._mention(*_with_marks(self.sentence.text, quote.start, quote.end), "quote", words,
                                         speaker=quote.speaker,
                                         extra=(("translated", "yes"),) if translated else ()))
        taken: list[tuple[int, int]] = []
        temporal = self._temporal()
        zoned = any(span.kind == "time" for span in temporal)
        for span in temporal:
            taken.append((span.start, span.end))
            interval = span.interval
            if zoned and span.kind == "date" and interval is not None and interval.low is not None \
                    and interval.high is not None:
                # A calendar day next to a zoned clock time is that zone's day: it can be the day
                # before or after in another zone, so only the instant is compared exactly.
                interval = Interval(interval.low - 1, interval.high + 1)
            out.append(self._mention(span.start, span.end, span.kind, span.value, interval=interval,
                                     grain=span.grain, hedge=span.hedge))
        days = [span for span in temporal if span.grain == "day" and span.interval is not None]
        for q in self._quantities():
            if any(s < q.end and q.start < e for s, e in taken):
                continue
            # "the new tariff is 25 percent": the noun the figure measures can stand before the verb.
            counted = q.counted or (self._measured_noun(q.start) if q.kind in MEASURED_KINDS else "")
            out.append(self._mention(q.start, q.end, q.kind, q.value, interval=q.interval, unit=q.unit,
                                     hedge=q.hedge, counted=counted, modifiers=q.modifiers))
            stay = self._stay(days, q)
            if stay is not None:
                out.append(stay)
        out.extend(self._places())
        out.extend(self._regions())
        if quotes:
            return out, speaker_of(quotes)
        return out, reported_speaker(self.tokens, names, self.registry) or previous_speaker

    def _temporal(self) -> list[TemporalSpan]:
        pack = self.x.packs.get(self.article.language)
        if pack is None:
            return find_temporal(self.sentence.text, self.article.published, self.zone)
        return find_temporal_in(self.sentence.text, self.article.published, pack, self.zone)

    def _quantities(self) -> list[QuantitySpan]:
        pack = self.x.packs.get(self.article.language)
        return find_quantities(self.sentence.text) if pack is None else find_quantities_in(self.sentence.text, pack)

    def _measured_noun(self, start: int, window: int = 8) -> str:
        """The noun a bare figure measures, a few words before it: "the death toll rose to 14"."""
        first = token_index_at(self.tokens, start)
        for token in reversed(self.tokens[max(0, first - window):first]):
            if self.x.vocab.trigger_class.get(token.lower) in self.x.vocab.measured_classes:
                return token.lower
        return ""

    def _stay(self, days: list, q) -> Optional[Mention]:  # type: ignore[no-untyped-def]
        """"on May 3 for a two-day visit": the days the stay covers, as one date range."""
        if q.kind != "duration" or q.hedge or q.interval is None or q.interval.low != q.interval.high:
            return None
        length = q.interval.low
        if length is None or length != int(length) or not 1 <= length <= 31:
            return None
        for day in days:
            if re.fullmatch(r"\s+for\s+(?:an?\s+)?", self.sentence.text[day.end:q.start]):
                first = int(day.interval.low)
                last = first + int(length) - 1
                end = q.end + len(q.counted) + 1 if q.counted and self.sentence.text[q.end + 1:].startswith(q.counted) else q.end
                value = f"{date.fromordinal(first).isoformat()}/{date.fromordinal(last).isoformat()}"
                return self._mention(day.start, end, "date", value, interval=Interval(first, last),
                                     grain="range", extra=(("from", "stay"),))
        return None

    def _places(self) -> list[Mention]:
        """Places named after "in"/"at"/"to": where something happens, not passing mentions."""
        text = self.sentence.text
        spans = sorted(self.entities.get("GPE", []) + self.entities.get("LOC", []) + self.entities.get("FAC", []))
        out: list[Mention] = []
        used_until = -1
        for i, (start, end) in enumerate(spans):
            if start < used_until:
                continue
            before = text[max(0, start - 12):start].split()
            if not before or before[-1].lower() not in PLACE_PREPOSITIONS:
                continue
            if before[-1].lower() == "to" and \
                    find_trigger(self.tokens, start, end, self.x.vocab, classes=self.trigger_classes)[1] \
                    not in MOTION_CLASSES:
                continue  # "exports to Spain" is no place where something happens
            name = re.split(r"['’]s\b", text[start:end])[0].strip()
            place = self.x.gazetteer.lookup(name)
            if place is None:
                continue
            after = text[end:end + 20].split()
            if after and after[0].lower().strip(",.") in self.x.vocab.not_location_after:
                continue
            stop = end
            # "Lyon, France": the second name only says where the first lies.
            if i + 1 < len(spans) and re.fullmatch(r",\s*", text[end:spans[i + 1][0]]):
                outer = self.x.gazetteer.lookup(text[spans[i + 1][0]:spans[i + 1][1]])
                if outer is not None and outer.contains(place):
                    stop = spans[i + 1][1]
            used_until = stop
            out.append(self._mention(start, stop, "location", place.name, entity=place.id,
                                     country=place.country, extra=(("place_kind", place.kind),)))
        return out

    def _regions(self) -> list[Mention]:
        """"southwestern Portugal", "Portugal's northeastern coast", "the north of Chile": a part of
        a place by compass bearing (kind "region", value the compass word, entity the place)."""
        text = self.sentence.text
        bearings, nouns = self.x.vocab.bearings, self.x.vocab.region_nouns
        if not bearings:
            return []
        out: list[Mention] = []
        places = sorted(self.entities.get("GPE", []) + self.entities.get("LOC", []))
        for start, end in places:
            name = re.split(r"['’]s\b", text[start:end])[0].strip()
            before = text[max(0, start - 40):start]
            part = re.search(r"\b([A-Za-z-]+)\s+([a-z]+)\s+of\s+(?:the\s+)?$", before)  # "northeastern coast of X"
            if part and part.group(1).lower() in bearings and part.group(2) in nouns:
                out.append(self._region(start - len(part.group(0)), end, part.group(1), name))
                continue
            whole = re.search(r"\bthe\s+([a-z-]+)\s+of\s+(?:the\s+)?$", before)  # "the north of X"
            if whole and whole.group(1) in bearings:
                out.append(self._region(start - len(whole.group(0)) + 4, end, whole.group(1), name))
                continue
            adjective = re.search(r"\b([a-z-]+ern)\s+$", before)  # "southwestern X"
            if adjective and adjective.group(1) in bearings:
                out.append(self._region(start - len(adjective.group(0)), end, adjective.group(1), name))
                continue
            # "Portugal's northeastern coast"
            tail = re.match(r"['’]s\s+([A-Za-z-]+)\s+([a-z]+)\b", text[end - 2 if text[start:end].endswith(("'s", "’s")) else end:end + 40])
            if tail and tail.group(1).lower() in bearings and tail.group(2) in nouns:
                stop = (end - 2 if text[start:end].endswith(("'s", "’s")) else end) + tail.end()
                out.append(self._region(start, stop, tail.group(1), name))
        return out

    def _region(self, start: int, end: int, word: str, name: str) -> Mention:
        place = self.x.gazetteer.lookup(name)
        degrees = self.x.vocab.bearings[word.lower()]
        compass = min((w for w, d in self.x.vocab.bearings.items() if d == degrees and "-" not in w), key=len)
        return self._mention(start, end, "region", compass, entity=place.id if place else name,
                             country=place.country if place else "", interval=Interval(degrees, degrees),
                             extra=(("place", place.name if place else name),))

    def _mention(self, start: int, end: int, kind: str, value: str, **fields: object) -> Mention:
        sentence = self.sentence
        offset = sentence.start + start
        line, column = self.article.locate(offset, self.line_starts)
        trigger, trigger_class = find_trigger(self.tokens, start, end, self.x.vocab, classes=self.trigger_classes)
        in_quote = inside_spans(self.quotes, start)
        return Mention(
            article=self.article.id, path=self.article.path, line=line, column=column,
            start=offset, end=sentence.start + end, sentence_index=sentence.index,
            sentence=sentence.text, sentence_start=sentence.start, kind=kind, raw=sentence.text[start:end], value=value,
            trigger=trigger, trigger_class=trigger_class,
            modality=modality(self.tokens, start, self.x.vocab, language=self.article.language,
                              words=self.modality_words), in_quote=in_quote,
            participants=self.participants, **fields,  # type: ignore[arg-type]
        )


_CAPITALISED = re.compile(r"(?<![\w'’-])([A-ZÀ-ÖØ-Þ][\w'’.-]*(?:[ \u00a0](?:(?:de|del|da|do|dos|van|von|der|di|du|le|al|bin)[ \u00a0])?"
                          r"[A-ZÀ-ÖØ-Þ][\w'’.-]*){0,3})")


def capitalised_entities(text: str, gazetteer: Gazetteer) -> dict[str, list[tuple[int, int]]]:
    """Names and places of a sentence in a language with no name model: runs of capitalised
    words. A run the gazetteer knows is a place; a run of two to four words otherwise may be a
    person. Marked as found by capitals, so the resolve stage keeps only what the cluster confirms."""
    people: list[tuple[int, int]] = []
    places: list[tuple[int, int]] = []
    for match in _CAPITALISED.finditer(text):
        start, end = match.span(1)
        run = match.group(1).rstrip(".")
        end = start + len(run)
        if gazetteer.lookup(run) is not None:
            places.append((start, end))
        elif len(run.split()) >= 2:
            people.append((start, end))
    return {"PERSON": people, "GPE": places}


def _with_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """The quoted words with their quotation marks ("« oui »" keeps its inner spaces)."""
    begin = start - 1
    while begin > 0 and text[begin] in " \u00a0\u202f" and start - begin < 3:
        begin -= 1
    stop = end
    while stop < len(text) - 1 and text[stop] in " \u00a0\u202f" and stop - end < 2:
        stop += 1
    return max(0, begin), min(len(text), stop + 1)


def extract_frame(mentions: Sequence[Mention]) -> "DataFrame":
    """The extraction as a table, one row per assertion (the Python API of ``consistency extract``)."""
    import pandas

    rows = []
    for m in mentions:
        rows.append({
            "article": m.article, "path": m.path, "line": m.line, "column": m.column,
            "kind": m.kind, "raw": m.raw, "value": m.value,
            "low": _bound(m.interval, "low"), "high": _bound(m.interval, "high"),
            "grain": m.grain, "unit": m.unit, "hedge": m.hedge, "modality": m.modality,
            "trigger": m.trigger, "trigger_class": m.trigger_class,
            "participants": "; ".join(m.participants), "counted": m.counted,
            "modifiers": " ".join(m.modifiers), "speaker": m.speaker, "entity": m.entity,
            "role": m.role, "country": m.country, "in_quote": m.in_quote, "sentence": m.sentence,
        })
    return pandas.DataFrame(rows)


def _bound(interval: Optional[Interval], side: str) -> Optional[float]:
    return None if interval is None else getattr(interval, side)
