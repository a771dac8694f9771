"""Bind each value to a slot: (holder, attribute, qualifiers).

A value is worth comparing with another only when both describe the same thing: the depth of
the story's quake, the age of one person, the innings one pitcher threw in one game. The forms
that bind a value to an attribute ("a depth of X", "X deep", "X-year-old NAME", "88 pitches")
are data (rules/vocab/slots.yaml); this module applies them and finds the holder:
- an event attribute goes to the event its sentence names (by trigger class), or, when the
  sentence names none, to the story's event of the attribute's first class;
- a person attribute goes to the person the form names ("NAME, 34,"), else to the nearest
  person named before the value in the sentence, else the first named after it.
Qualifiers keep apart what differs under one attribute: the n-th event ("a second quake"), a
part of a series ("Game 3"), a portion ("the last two innings"), a place ("40 km from X").

Values are converted to the attribute's base unit and widened by their stated precision
("12 km" is 11.5 to 12.5 km), so a conversion rounded in another unit ("7 miles") agrees.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import Iterable, Mapping, Optional, Sequence

from ..models import Interval, Mention
from ..vocab import SlotAttribute, SlotVocabulary, Vocabulary
from ..extract.tokens import POSSESSIVE
from ..normalize.places import Gazetteer
from ..normalize.text import fold
from .entities import EntityIndex
from .events import EventIndex
from .dayparts import DayPartReader, daypart_reader, read_dayparts
from .founding import founding_values
from .plays import PlayValue, multiple_players, play_values

# A value written again in another unit, in parentheses: a conversion, bound through the first.
_NAME_COMMA_AFTER = re.compile(r"^\s*[,)]")
_NAME_COMMA_BEFORE = re.compile(r"[,(]\s*$")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)?")
_FRACTION = re.compile(r"[½⅓⅔¼¾⅕⅛]|\d/\d")
_CAPITALISED_WORD = re.compile(r"(?<![\w'’.-])[A-ZÀ-Þ][\w'’.\-]*\w|(?<![\w'’.-])[A-ZÀ-Þ](?![\w'’])")
_CAPITALISED_RUN = re.compile(r"^((?:[A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*){0,3})")
RELATIVE_BAND = 0.02  # news rounds a conversion to another unit to about this much
CLOCK_APPROXIMATE = 30 * 60  # seconds either side of a clock time said "around"
AGE_RANGE = (1, 120)


@dataclass(frozen=True)
class SlotValue:
    """A value bound to a slot, its interval in the attribute's base unit."""

    mention: Mention
    holder: str  # "event:<class>" or "person:<id>"
    attribute: str
    qualifiers: tuple[str, ...]
    score: float  # how sure the binding is: the form and the holder both count

    @property
    def key(self) -> tuple[str, str, tuple[str, ...]]:
        return (self.holder, self.attribute, self.qualifiers)


@dataclass(frozen=True)
class _Name:
    """Where a sentence names a person, by the cluster's names (a surname alone included)."""

    local_start: int
    local_end: int
    entity: str


def _names_in(sentence: list[Mention], entities: EntityIndex, slots: SlotVocabulary) -> list[_Name]:
    # "Orvane Cloud and Tessly" read as one name is a list of organisations, no person.
    found = {(m.local_start, m.local_end): m.entity for m in sentence
             if m.kind == "person" and m.entity and not slots.list_of_names.search(m.entity)}
    first = sentence[0]
    taken = sorted(found)
    for word in _CAPITALISED_WORD.finditer(first.sentence):
        at = bisect.bisect_right(taken, (word.start(), len(first.sentence))) - 1
        if at >= 0 and taken[at][0] <= word.start() < taken[at][1]:
            continue  # inside a name the sentence's mentions already give
        bare = POSSESSIVE.sub("", word.group())
        ident = entities.resolve(bare, first.article)
        if ident:
            found[(word.start(), word.start() + len(bare))] = ident
    return [_Name(s, e, ident) for (s, e), ident in sorted(found.items()) if not slots.list_of_names.search(ident)]


def bind_slots(mentions: Sequence[Mention], vocab: Vocabulary, events: EventIndex,
               entities: EntityIndex, gazetteer: Optional[Gazetteer] = None,
               weekdays: Optional[Mapping[str, int]] = None) -> list[SlotValue]:
    """Every value of ``mentions`` that binds to a slot (each at most once). ``weekdays``: the
    weekday names of every language read (Monday = 0), for the parts of a named day."""
    dayparts = daypart_reader(vocab.slots.dayparts, weekdays or {})
    plays: list[tuple[PlayValue, frozenset[str]]] = []  # each with the games its sentence names
    many: set[str] = set()
    by_sentence: dict[tuple[str, int], list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault((m.article, m.sentence_index), []).append(m)
    identified = _identified(mentions, vocab)
    dominant = _dominant_identities(mentions, vocab, identified)
    out: list[SlotValue] = []
    for key in sorted(by_sentence):
        sentence = by_sentence[key]
        people = _names_in(sentence, entities, vocab.slots)
        clauses = _named_events(sentence, vocab, dominant, identified)
        for m in sentence:
            if m.modality in ("speculative", "denied") or m.interval is None:
                continue
            if m.kind == "time":
                bound = _bind_clock(m, vocab, events)
            else:
                bound = _bind_value(m, sentence, people, vocab, events, _identity(m, clauses), identified)
            if bound is not None:
                out.append(bound)
        out.extend(_bind_identified_dates(sentence, vocab, dominant, identified))
        if dayparts is not None:
            out.extend(_bind_dayparts(sentence, vocab, events, clauses, dayparts))
        forms = vocab.slots.plays
        if forms.word is not None and people and _reported(sentence):
            named = [(p.local_start, p.local_end, p.entity) for p in people]
            many |= multiple_players(sentence, forms, named)
            if forms.word.search(sentence[0].sentence):
                games = _games_named(sentence[0].sentence, vocab.slots)
                cuts = clauses[0]
                for low, high in zip(cuts, cuts[1:]):
                    plays.extend((play, games) for play in play_values(sentence, forms, named, (low, high)))
        spans = [(p.local_start, p.local_end) for p in people]
        out.extend(SlotValue(f.mention, f"org:{f.organisation}", f.attribute, (), 1.0)
                   for f in founding_values(sentence, vocab.slots.founding, spans, gazetteer))
    out.extend(_story_game_plays(plays, many, by_sentence, vocab.slots))
    if gazetteer is not None:
        out = [_place_by_gazetteer(v, gazetteer) for v in out]
    return _with_dominant_sources(out)


def _with_dominant_sources(values: list[SlotValue]) -> list[SlotValue]:
    """A value with no source named in its sentence is taken to be the cluster's usual source
    for that slot (the agency most articles cite), as the dominant event takes sentences that
    name no one. A value another agency gives stays on a slot of its own: each agency's
    estimate is its own, and "10 km according to one" does not contradict "8 km" from another."""
    def base(v: SlotValue) -> tuple[str, str, tuple[str, ...]]:
        return v.holder, v.attribute, tuple(q for q in v.qualifiers if not q.startswith("source:"))

    cited: dict[tuple[str, str, tuple[str, ...]], dict[str, set[str]]] = {}
    for v in values:
        for q in v.qualifiers:
            if q.startswith("source:"):
                cited.setdefault(base(v), {}).setdefault(q, set()).add(v.mention.article)
    dominant = {key: max(sorted(sources), key=lambda q: len(sources[q])) for key, sources in cited.items()}
    out = []
    for v in values:
        key = base(v)
        if key in dominant and not any(q.startswith("source:") for q in v.qualifiers):
            v = replace(v, qualifiers=tuple(sorted(v.qualifiers + (dominant[key],))))
        out.append(v)
    return out


def _place_by_gazetteer(value: SlotValue, gazetteer: Gazetteer) -> SlotValue:
    """"12 km from Lisbon" and "12 Kilometer von Lissabon": one place, by its gazetteer name."""
    qualifiers = []
    for q in value.qualifiers:
        kind, _, name = q.partition(":")
        if kind in ("place", "within"):
            place = gazetteer.lookup(name)
            q = f"{kind}:{place.name}" if place is not None else f"{kind}:{fold(name)}"
        qualifiers.append(q)
    return replace(value, qualifiers=tuple(sorted(qualifiers)))


COARSE_GRAINS = ("month", "year")
# Characters before a value that its binding forms are looked for in ("at a depth of", "offered
# about"): the forms are short phrases next to the value, and reading the whole sentence before
# every value made a sentence of many values quadratic.
BEFORE_WINDOW = 300
# A binding form before a value is a few words ("at a shallow depth of about "): its regexes,
# anchored at the value, are run over this much, so a value costs the same in any sentence.
FORM_WINDOW = 64


def _before(m: Mention) -> str:
    return m.sentence[max(0, m.local_start - BEFORE_WINDOW):m.local_start]


def _after(m: Mention) -> str:
    return m.sentence[m.local_end:m.local_end + BEFORE_WINDOW]


def _identifies(m: Mention, vocab: Vocabulary) -> Optional[SlotAttribute]:
    """The attribute whose value names an event of its own ("a 4.8-magnitude quake", "a $9
    billion offer"), when ``m`` is such a value by its unit or its binding form."""
    for a in vocab.slots.attributes:
        if not a.identifies or m.kind not in a.kinds or m.interval is None:
            continue
        if a.units is not None and m.unit and m.unit in a.units:
            return a
        before, after = _before(m)[-FORM_WINDOW:], _after(m)
        if any(p.search(before) for p in a.before) or any(p.match(after) for p in a.after):
            return a
    return None


_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def identity_value(m: Mention) -> str:
    """The value that names an event, the same however written: "M6", "6.0" and "magnitude 6
    degrés" (read as "6 deg") are one quake's; a sum keeps its currency, a hedge is dropped."""
    if m.kind in ("measure", "number"):
        number = _NUMBER.search(m.value)
        if number:
            return f"{float(number.group()):g}"
    return m.value.lstrip("~<>≈")


Identified = dict[int, Optional[SlotAttribute]]  # id(mention) -> the attribute its value identifies


def _identified(mentions: Sequence[Mention], vocab: Vocabulary) -> Identified:
    """Which values name an event of their own, found once per mention for the whole run."""
    kinds = {k for a in vocab.slots.attributes if a.identifies for k in a.kinds}
    return {id(m): _identifies(m, vocab) for m in mentions if m.kind in kinds}


# The company after a buying word: a few lower-case words may stand between ("the security
# firm", "otra empresa de ciberseguridad, la estadounidense"), then a capitalised name.
_TARGET_NAME = re.compile(r"(?:[a-zà-ÿ][\w-]*,?\s+){0,6}?([A-ZÀ-Þ][\w&.-]*(?:\s+[A-ZÀ-Þ][\w&.-]*){0,2})")


# "New York-based": capitalised words that describe the company, not its name.
_DESCRIBING = re.compile(r"-based$")


def _targets(text: str, vocab: Vocabulary, low: int = 0, high: Optional[int] = None) -> set[str]:
    """The companies a clause says are bought, folded to lower case ("the Israeli firm X": a
    demonym describes the company and is not its name)."""
    found: set[str] = set()
    cues = vocab.slots.target_cues
    if cues is None:
        return found
    for cue in cues.finditer(text, max(0, low - 40), len(text) if high is None else high):
        if cue.end() < low:
            continue
        name = _TARGET_NAME.match(text, cue.end())
        if name and (high is None or name.start(1) < high) and not _DESCRIBING.search(name.group(1)) \
                and name.group(1).lower() not in vocab.country_names:
            found.add(fold(name.group(1)).lower())
    return found


def _clause_of(m: Mention, vocab: Vocabulary) -> tuple[int, int]:
    """Where the clause of ``m`` begins and ends in its sentence."""
    cuts = [0] + [x.end() for x in vocab.slots.clause_end.finditer(m.sentence)] + [len(m.sentence) + 1]
    return max(c for c in cuts if c <= m.local_start), min(c for c in cuts if c > m.local_start)


def _clause_targets(m: Mention, vocab: Vocabulary) -> set[str]:
    return _targets(m.sentence, vocab, *_clause_of(m, vocab))


def _dominant_target(mentions: Sequence[Mention], vocab: Vocabulary) -> str:
    """The company most articles say is bought, the one named first on a tie: the story's own
    deal leads its articles, earlier deals come in background paragraphs."""
    seen: dict[str, set[str]] = {}
    first: dict[str, int] = {}
    sentences = {(m.article, m.sentence_index): m.sentence for m in mentions}
    for (article, index), text in sorted(sentences.items()):
        for name in _targets(text, vocab):
            seen.setdefault(name, set()).add(article)
            first[name] = min(first.get(name, index), index)
    return min(sorted(seen), key=lambda n: (-len(seen[n]), first[n])) if seen else ""


def _dominant_identities(mentions: Sequence[Mention], vocab: Vocabulary, identified: Identified) -> dict[str, str]:
    """The value most articles give the story's own event ("M6"), per identifying attribute."""
    articles: dict[tuple[str, str], set[str]] = {}
    for m in mentions:
        attribute = identified.get(id(m))
        if attribute is not None:
            articles.setdefault((attribute.name, identity_value(m)), set()).add(m.article)
    best: dict[str, tuple[int, str]] = {}
    for (name, value), seen in sorted(articles.items()):
        if len(seen) > best.get(name, (0, ""))[0]:
            best[name] = (len(seen), value)
    dominant = {name: value for name, (_, value) in best.items()}
    target = _dominant_target(mentions, vocab)
    if target:
        dominant["target"] = target
    return dominant


def _named_events(sentence: list[Mention], vocab: Vocabulary, dominant: dict[str, str], identified: Identified
                  ) -> tuple[list[int], list[tuple[int, int, str]]]:
    """Once per sentence (not once per value, which was quadratic in a sentence of many values):
    where its clauses begin, and the values naming an event other than the story's own, in
    order, as (position, id of the mention, name)."""
    text = sentence[0].sentence
    cuts = [0] + [x.end() for x in vocab.slots.clause_end.finditer(text)] + [len(text) + 1]
    named = []
    for other in sentence:
        attribute = identified.get(id(other))
        if attribute is not None and dominant.get(attribute.name) != identity_value(other):
            named.append((other.local_start, id(other), f"{attribute.name} {identity_value(other)}"))
    # A company bought in a clause names that deal for every value of the clause.
    for low, high in zip(cuts, cuts[1:]):
        for target in sorted(_targets(text, vocab, low, high) - {dominant.get("target", "")}):
            named.append((low, -1, f"target {target}"))
    return cuts, sorted(named)


def _identity(m: Mention, clauses: tuple[list[int], list[tuple[int, int, str]]]) -> Optional[str]:
    """"A 3.9-magnitude quake struck at a depth of 12 km": a value in the clause that names an
    event other than the story's own makes the clause about that event. "" for the story's
    event, None when the clause names two events and whose value this is cannot be told."""
    cuts, named = clauses
    at = bisect.bisect_right(cuts, m.local_start) - 1
    low, high = cuts[at], cuts[at + 1]
    names = set()
    for _, who, name in named[bisect.bisect_left(named, (low,)):bisect.bisect_left(named, (high,))]:
        if who != id(m):
            names.add(name)
            if len(names) > 1:
                return None
    return names.pop() if names else ""


def _bind_identified_dates(sentence: list[Mention], vocab: Vocabulary, dominant: dict[str, str],
                           identified: Identified) -> list[SlotValue]:
    """"In May 2019, a 4.8-magnitude quake killed ...": the date of the event that value names.

    Only a month or a year binds: the story's own event is dated by its day, and a clause that
    dates an event by month or year and names it by a value speaks of an earlier one."""
    text = sentence[0].sentence
    clauses = [0] + [x.end() for x in vocab.slots.clause_end.finditer(text)] + [len(text) + 1]
    by_clause: dict[int, list[Mention]] = {}  # each mention placed once, not once per clause
    for m in sentence:
        by_clause.setdefault(bisect.bisect_right(clauses, m.local_start) - 1, []).append(m)
    out = []
    for index in sorted(by_clause):
        inside = by_clause[index]
        names = [(a, m) for m, a in ((m, identified.get(id(m))) for m in inside) if a is not None]
        dates = [m for m in inside if m.kind == "date" and m.grain in COARSE_GRAINS and m.interval is not None
                 and m.interval.low is not None and m.interval.high is not None
                 and m.modality not in ("speculative", "denied")]
        low, high = clauses[index], clauses[index + 1]
        targets = sorted(t for t in _targets(text, vocab, low, high) if t != dominant.get("target"))
        if len(names) + len(targets) != 1 or len(dates) != 1:
            continue  # two events or two dates in one clause: which is whose is not said
        date_value = dates[0]
        if names:
            attribute, named = names[0]
            cls = attribute.events[0] if attribute.events else "event"
            holder = f"event:{cls}@{attribute.name} {identity_value(named)}"
        else:
            holder = f"event:agreement@target {targets[0]}"
            slack = vocab.slots.target_date_slack_days / 2  # the two dates may be this far apart in all
            assert date_value.interval is not None and date_value.interval.low is not None
            date_value = replace(date_value, interval=Interval(date_value.interval.low - slack,
                                                               (date_value.interval.high or 0) + slack))
        out.append(SlotValue(date_value, holder, "date", (), 0.9))
    return out


def _bind_value(m: Mention, sentence: list[Mention], people: list[_Name], vocab: Vocabulary, events: EventIndex,
                identity: Optional[str], identified: Identified) -> Optional[SlotValue]:
    slots = vocab.slots
    before, after = _before(m), _after(m)
    if m.kind == "measure" and slots.conversion_before.search(before):
        return None
    # "offered $23 billion to acquire X": a value that names an event of its own (an offer) is
    # that event's value, not the price of the deal.
    own = identified.get(id(m))
    near = before[-FORM_WINDOW:]
    for attribute in slots.by_kind.get(m.kind, ()):
        if own is not None and attribute is not own:
            continue
        if not _unit_fits(m, attribute, slots):
            continue
        form = _form(m, attribute, before, near, after, people)
        if form is None:
            continue
        holder, holder_score, qualifiers = _holder(m, attribute, before, after, people, form, vocab, events)
        if holder is None:
            continue
        if holder.startswith("event:") and not attribute.identifies:
            if identity is None:
                continue
            if identity:
                holder += f"@{identity}"
        present = {q.split(":", 1)[0] for q in qualifiers}
        if "target" in attribute.need_kinds and _clause_targets(m, vocab):
            present.add("target")
        if "named" in attribute.need_kinds and any(vocab.trigger_class.get(w.lower()) in attribute.events
                                              for w in re.findall(r"[\w-]+", m.sentence)):
            present.add("named")
        if "outcome" in attribute.need_kinds:
            outcome = _outcome(m, sentence, vocab)
            if outcome:
                qualifiers = tuple(sorted(qualifiers + (f"outcome:{outcome}",)))
                present.add("outcome")
        # A need "ordinal|outcome" is met by either.
        if not all(any(k in present for k in need.split("|")) for need in attribute.needs):
            continue
        interval, unit = _in_base_unit(m, attribute, slots)
        if interval is None:
            continue
        value = replace(m, interval=interval, unit=unit)
        return SlotValue(value, holder, attribute.name, qualifiers, round(holder_score, 2))
    return None


def _outcome(m: Mention, sentence: list[Mention], vocab: Vocabulary) -> str:
    """What the value's clause says became of it ("rejected a $9 billion offer"), or "".
    A clause of two such values ("rejected offers of $8 billion and $9 billion") says of both."""
    low, high = _clause_of(m, vocab)
    if sum(1 for o in sentence if o.kind == m.kind and low <= o.local_start < high) > 1:
        return ""
    return next((name for name, words in vocab.slots.outcomes if words.search(m.sentence, low, high)), "")


def _unit_fits(m: Mention, attribute: SlotAttribute, slots: SlotVocabulary) -> bool:
    if m.kind == "region":
        return True  # a bearing has no unit
    if attribute.dimension:
        return m.unit in slots.dimensions[attribute.dimension]
    if attribute.units is not None:
        return m.unit in attribute.units
    return True


def _form(m: Mention, attribute: SlotAttribute, before: str, near: str, after: str,
          people: list[_Name]) -> Optional[str]:
    """How the sentence binds the value to the attribute, or None when it does not."""
    if attribute.counted:
        return "counted" if m.counted in attribute.counted else None
    if attribute.name == "age":
        return _age_form(m, before, after, people)
    if attribute.units and m.unit and m.unit in attribute.units:
        return "unit"  # "a 4.1-magnitude tremor": the unit itself names the attribute
    if any(p.search(near) for p in attribute.before):
        return "before"
    if any(p.match(after) for p in attribute.after):
        return "after"
    return None


def _age_form(m: Mention, before: str, after: str, people: list[_Name]) -> Optional[str]:
    """"a 41-year-old NAME", "NAME, 41,", "NAME (41)": the forms that give a person's age."""
    if m.interval is None or m.interval.low is None or not AGE_RANGE[0] <= m.interval.low <= AGE_RANGE[1]:
        return None
    if m.unit == "age":
        return "year-old"
    if m.kind == "number" and not m.hedge and _NAME_COMMA_BEFORE.search(before) and \
            _NAME_COMMA_AFTER.match(after) and re.fullmatch(r"\d{1,3}", m.raw):
        start = m.local_start - len(before) + len(before.rstrip(" ,("))
        if any(p.local_end == start for p in people):
            return "apposition"
    return None


def _holder(m: Mention, attribute: SlotAttribute, before: str, after: str, people: list[_Name],
            form: str, vocab: Vocabulary, events: EventIndex) -> tuple[Optional[str], float, tuple[str, ...]]:
    slots = vocab.slots
    qualifiers = set(_part_qualifiers(before, after, slots) + _portion_qualifiers(m, slots))
    if attribute.holder == "person":
        person, score = _person(m, before, people, form, slots)
        return (f"person:{person}" if person else None), score, tuple(sorted(qualifiers))
    event, explicit, ordinal = _event(m, attribute, before, after, vocab)
    if ordinal:
        qualifiers.add(f"ordinal:{ordinal}")
    source = attribution(m.sentence, slots)
    if source:
        qualifiers.add(f"source:{source}")
    if m.kind == "region":
        qualifiers.add(f"within:{dict(m.extra).get('place', m.entity)}")
    place = _place_after(after, attribute)
    if place:
        qualifiers.add(f"place:{place}")
    score = (1.0 if form in ("before", "after", "unit", "year-old", "apposition") else 0.9) * (1.0 if explicit else 0.85)
    # A value that names its event ("a $9 billion offer") is told apart by that value, not by the
    # people its sentence happens to name (a founder giving a reason): the class's own event.
    holder = event if attribute.identifies else events.event_of(m, event)
    return f"event:{holder}", score, tuple(sorted(qualifiers))


def _person(m: Mention, before: str, people: list[_Name], form: str,
            slots: SlotVocabulary) -> tuple[Optional[str], float]:
    if form == "year-old":
        # "NAME, a 41-year-old legislator": the name right before, set off by a comma ...
        lead = slots.apposition_lead.search(before)
        if lead:
            named = [p for p in people if p.local_end == lead.start()]
            if named:
                return named[0].entity, 1.0
        # ... or "a 41-year-old state legislator, NAME": within a few words after.
        near = [p for p in people if 0 <= p.local_start - m.local_end <= 45]
        return (near[0].entity, 1.0) if near else (None, 0.0)
    if form == "apposition":
        start = m.local_start - len(before) + len(before.rstrip(" ,("))
        named = [p for p in people if p.local_end == start]
        return (named[0].entity, 1.0) if named else (None, 0.0)
    clause_start = max([0] + [x.end() for x in slots.clause_end.finditer(before)])
    earlier = [p for p in people if clause_start <= p.local_start and p.local_end <= m.local_start]
    if earlier:
        return earlier[-1].entity, 0.9
    later = [p for p in people if p.local_start >= m.local_end]
    if later and not [p for p in people if p.local_end <= m.local_start]:
        return later[0].entity, 0.8
    return None, 0.0


def _event(m: Mention, attribute: SlotAttribute, before: str, after: str,
           vocab: Vocabulary) -> tuple[str, bool, str]:
    """(event class, named in the sentence, ordinal) of the event an attribute value describes."""
    classes = attribute.events
    if not classes:
        return "story", False, ""
    words = [(w.start(), w.group().lower()) for w in re.finditer(r"[A-Za-z][\w-]*", m.sentence)]
    named = [(pos, w) for pos, w in words if vocab.trigger_class.get(w) in classes]
    ordinal = _ordinal_before(m.sentence[:m.local_start], vocab.slots)
    if not named:
        return classes[0], False, ordinal
    preceding = [(pos, w) for pos, w in named if pos < m.local_start]
    following = [(pos, w) for pos, w in named if pos >= m.local_end]
    # The noun right after the value ("a 4.1-magnitude tremor") names it best; else the nearest before.
    if following and following[0][0] - m.local_end <= 25:
        pos, word = following[0]
    elif preceding:
        pos, word = preceding[-1]
    else:
        # The only event word is far after the value: too far to say which event it names.
        return vocab.trigger_class[following[0][1]], False, ordinal
    if not ordinal:
        ordinal = _ordinal_before(m.sentence[:pos], vocab.slots)
    return vocab.trigger_class[word], True, ordinal


def _ordinal_before(text: str, slots: SlotVocabulary) -> str:
    """"a second 4.1-magnitude tremor": an ordinal among the few words of the same noun phrase."""
    phrase = re.split(r"[;:()“”\"]|[,.](?=\s|$)", text)[-1]  # "5.2" is no full stop
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", phrase)][-3:]
    return next((w for w in reversed(words) if w in slots.ordinals), "")


def attribution(sentence: str, slots: SlotVocabulary) -> str:
    """Who the sentence attributes its figures to, as initials: "according to the United States
    Geological Survey (USGS)", "the U.S. Geological Survey reported" and "laut USGS" all give
    "USGS". "" when the sentence names no source."""
    # A cue, then the name: "according to the X (ACR)".
    if slots.attribution_cues_before is not None:
        for cue in slots.attribution_cues_before.finditer(sentence):
            name = slots.org_name.match(sentence, cue.end())
            if name and name.group(1):
                return _initials(name.group(1), name.group(2), slots)
    # The name, then a verb: "the X reported", "X zufolge".
    if slots.attribution_cues_after is not None:
        for verb in slots.attribution_cues_after.finditer(sentence):
            name = slots.org_before.search(sentence[max(0, verb.start() - 80):verb.start()])
            if name and name.group(1):
                return _initials(name.group(1), name.group(2), slots)
    return ""


def _initials(name: str, acronym: Optional[str], slots: SlotVocabulary) -> str:
    if acronym:
        return acronym.upper()
    words = [w for w in re.split(r"\s+", name) if w[:1].isupper() and w.lower() not in slots.determiners]
    if not words:
        return ""
    if len(words) == 1:
        word = fold(words[0]).replace(".", "")
        return word if word.isupper() else ""  # "Officials said": no source, an acronym is one
    return "".join(w.replace(".", "") if w.replace(".", "").isupper() else w[0] for w in words).upper()


def _part_qualifiers(before: str, after: str, slots: SlotVocabulary) -> list[str]:
    """"in Game 3": the part of a series a value belongs to, said just after it."""
    if not slots.parts:
        return []
    label = r"\b(" + "|".join(sorted(slots.parts)) + r")\s+(\d{1,3})\b"
    # Only after the value: a label before it often names something else ("the Game 6 starter").
    match = re.search(r"^\s*(?:\w+\s+){0,3}?(?:in|of|during)\s+(?:the\s+|a\s+)?" + label, after[:40], re.I)
    return [f"part:{match.group(match.lastindex - 1).lower()} {match.group(match.lastindex)}"] if match else []


def _portion_qualifiers(m: Mention, slots: SlotVocabulary) -> list[str]:
    return [f"portion:{w}" for w in m.modifiers if w in slots.portions]


def _place_after(after: str, attribute: SlotAttribute) -> str:
    if "place" not in attribute.need_kinds:
        return ""
    for pattern in attribute.after:
        match = pattern.match(after)
        if match:
            run = _CAPITALISED_RUN.match(after[match.end():])
            return run.group(1).rstrip(".,").lower() if run else ""
    return ""


def _precision(m: Mention) -> float:
    """Half the last stated digit: "8" is 7.5 to 8.5, "2.5" is 2.45 to 2.55."""
    if _FRACTION.search(m.raw):
        return 0.05  # "3⅓" is stated to the third
    digits = _DIGITS.findall(m.raw)
    if not digits:
        return 0.5
    if m.kind in ("count", "number") and "." not in digits[-1]:
        # A count is rounded to its last non-zero digit: "45,000 fans" is 44,500 to 45,500.
        whole = digits[-1].replace(",", "")
        zeros = len(whole) - len(whole.rstrip("0"))
        return 0.5 * 10 ** zeros if len(whole) > zeros + 1 or zeros >= 3 else 0.5
    last = digits[-1].replace(",", ".") if "." not in digits[-1] else digits[-1]
    decimals = len(last.split(".", 1)[1]) if "." in last and len(last.split(".", 1)[1]) < 3 else 0
    return 0.5 * 10 ** -decimals


def _in_base_unit(m: Mention, attribute: SlotAttribute,
                  slots: SlotVocabulary) -> tuple[Optional[Interval], str]:
    interval = m.interval
    if interval is None:
        return None, m.unit
    if m.kind == "region":
        return interval, "degrees"
    factor, unit = 1.0, m.unit
    if attribute.dimension:
        units = slots.dimensions[attribute.dimension]
        factor = units[m.unit]
        unit = next(u for u, f in units.items() if f == 1)
    if m.hedge or interval.low != interval.high or m.kind == "duration":
        low = None if interval.low is None else interval.low * factor
        high = None if interval.high is None else interval.high * factor
        return Interval(low, high, interval.low_open, interval.high_open), unit
    x = interval.low
    if x is None:
        return None, unit
    # Conversions between units are rounded in one of them: allow for that, and only for that.
    band = max(_precision(m), abs(x) * RELATIVE_BAND) if attribute.dimension else _precision(m)
    return Interval((x - band) * factor, (x + band) * factor, True, True), unit


def _reported(sentence: list[Mention]) -> bool:
    """Whether a sentence reports what happened: no value of it is expected, guessed or denied."""
    return not any(m.modality in ("speculative", "scheduled", "denied") for m in sentence)


def _games_named(text: str, slots: SlotVocabulary) -> frozenset[str]:
    """"Game 7", "el Juego 7", "match 7": the parts of a series a sentence names."""
    if slots.part_label is None:
        return frozenset()
    return frozenset(str(int(n)) for _, n in slots.part_label.findall(text))


def _story_game_plays(plays: list[tuple[PlayValue, frozenset[str]]], many: set[str],
                      by_sentence: dict[tuple[str, int], list[Mention]], slots: SlotVocabulary) -> list[SlotValue]:
    """The plays of the story's own game: told in a sentence that names no game or only the game
    most articles name. A player some report credits with more than one home run is left out:
    which of them a value tells cannot be said."""
    if not plays:
        return []
    seen: dict[str, set[str]] = {}
    for (article, _), sentence in sorted(by_sentence.items()):
        for game in _games_named(sentence[0].sentence, slots):
            seen.setdefault(game, set()).add(article)
    story_game = min(sorted(seen), key=lambda g: -len(seen[g])) if seen else ""
    return [SlotValue(play.mention, f"person:{play.batter}", play.attribute, (), 0.85)
            for play, games in plays if play.batter not in many and games <= {story_game}]


def _bind_dayparts(sentence: list[Mention], vocab: Vocabulary, events: EventIndex,
                   clauses: tuple[list[int], list[tuple[int, int, str]]], reader: DayPartReader) -> list[SlotValue]:
    """"A 6.1-magnitude quake struck late Sunday": the part of the day of a happening of one
    instant. Only one part and one class of happening per sentence ("the quake struck late
    Sunday and aftershocks followed on Monday morning" says which is which too loosely), and
    only what is reported, not what is expected."""
    text = sentence[0].sentence
    if reader.instant_word is None or not reader.instant_word.search(text):
        return []  # most sentences: no happening of one instant, nothing more to read
    if not _reported(sentence):
        return []
    words = [(w.start(), w.group().lower()) for w in re.finditer(r"[^\W\d_][\w-]*", text)]
    instants = [(pos, w) for pos, w in words if w in reader.instant and w in vocab.trigger_class]
    timed = next((a.events for a in vocab.slots.attributes if "time" in a.kinds and a.holder == "event"), ())
    classes = {vocab.trigger_class[w] for _, w in words if vocab.trigger_class.get(w) in timed}
    if not instants or len(classes) != 1:
        return []
    parts = read_dayparts(sentence, reader, vocab.slots.status_before)
    if len(parts) != 1:
        return []
    part = parts[0]
    identity = _identity(part, clauses)
    if identity is None:
        return []
    cls = vocab.trigger_class[instants[0][1]]
    ordinal = _ordinal_before(text[:instants[0][0]], vocab.slots)
    holder = f"event:{events.event_of(part, cls)}" + (f"@{identity}" if identity else "")
    return [SlotValue(part, holder, "time of day", (f"ordinal:{ordinal}",) if ordinal else (), 0.9)]


def _bind_clock(m: Mention, vocab: Vocabulary, events: EventIndex) -> Optional[SlotValue]:
    """A clock time of an event: "struck at 2:15 a.m. (2315 GMT)"."""
    slots = vocab.slots
    if not m.trigger_class or m.interval is None or m.interval.low is None:
        return None
    attribute = next((a for a in slots.attributes if "time" in a.kinds and a.holder == "event"), None)
    # Only happenings of one instant: "polls closed at 9" and "the race was called at 9:30" are
    # two moments of one election.
    if attribute is None or m.trigger_class not in attribute.events:
        return None
    before = m.sentence[:m.local_start]
    if any(p.search(before) for p in slots.status_before):
        return None
    # "at around midnight local time (3:30 p.m. ET)": the hedge of the time before the
    # parenthesis holds for the conversion in it.
    lead = before[-45:].lower()
    approximate = m.hedge or any(re.search(rf"\b{w}\b", lead) for w in slots.approximate)
    low, high = m.interval.low, m.interval.high if m.interval.high is not None else m.interval.low
    if approximate:
        low, high = low - CLOCK_APPROXIMATE, high + CLOCK_APPROXIMATE
    ordinal = _ordinal_before(before, slots)
    qualifiers = (f"ordinal:{ordinal}",) if ordinal else ()
    value = replace(m, interval=Interval(low, high), hedge="~" if approximate else m.hedge)
    return SlotValue(value, f"event:{events.event_of(m, m.trigger_class)}", attribute.name, qualifiers, 0.9)


def slot_subject(holder: str, attribute: str, qualifiers: Iterable[str]) -> str:
    """Plain words for a slot: "depth of the disaster (second)", "age of Ana Berg"."""
    kind, _, name = holder.partition(":")
    owner = name
    if kind == "event":
        event, _, identity = name.partition("@")
        base, _, rank = event.partition("#")
        cls, _, plan = base.partition("|")
        owner = f"the {'planned ' if plan else ''}{cls}" + (f" (event {rank})" if rank else "")
        if identity.startswith("target "):
            owner += f" for {identity.removeprefix('target ').title()}"
        elif identity:
            owner += f" of {identity}"
    shown = {"ordinal": "{}", "part": "{}", "portion": "{}", "place": "from {}", "within": "in {}",
             "source": "according to {}"}
    extra = ", ".join(shown.get(q.split(":", 1)[0], "{}").format(q.split(":", 1)[1]) for q in qualifiers)
    return f"{attribute} of {owner}" + (f" ({extra})" if extra else "")
