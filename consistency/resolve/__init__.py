"""Resolve stage: the whole cluster at once, between extract and link.

Out comes a ``Story``: every mention with its people resolved to one id across articles
(``entities``), the story's events (``events``) and every value bound to a slot (``slots``).
Link compares only what this stage says is about the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Mapping, Optional, Sequence

from ..models import Mention
from ..normalize.places import Gazetteer
from ..vocab import Vocabulary
from .entities import EntityIndex, drop_unconfirmed
from .events import Event, EventIndex, build_events
from .slots import SlotValue, bind_slots, slot_subject

__all__ = ["Story", "resolve", "resolve_participants", "EntityIndex", "Event", "EventIndex", "SlotValue",
           "slot_subject"]


@dataclass(frozen=True)
class Story:
    mentions: tuple[Mention, ...]
    entities: EntityIndex
    events: EventIndex
    slots: tuple[SlotValue, ...]


def resolve_participants(mentions: Sequence[Mention], index: EntityIndex) -> list[Mention]:
    """Re-read who each sentence names with the whole cluster's knowledge of names."""
    cache: dict[tuple[str, int], tuple[str, ...]] = {}
    out = []
    for m in mentions:
        key = (m.article, m.sentence_index)
        if key not in cache:
            cache[key] = index.people_in(m.sentence, m.article)
        speaker = (index.resolve(m.speaker, m.article) or m.speaker) if m.speaker else ""
        entity = m.entity
        if m.kind in ("person", "role") and m.entity:
            entity = index.resolve(m.entity, m.article) or m.entity
        country = m.country
        if m.kind == "role" and not country:
            country = index.countries.get(entity, "")
        if (cache[key], speaker, entity, country) == (m.participants, m.speaker, m.entity, m.country):
            out.append(m)  # most mentions: nothing to change, and a copy costs as much as the rest
        else:
            out.append(replace(m, participants=cache[key], speaker=speaker, entity=entity, country=country))
    return out


def resolve(mentions: Sequence[Mention], vocab: Vocabulary, gazetteer: Optional[Gazetteer] = None,
            weekdays: Optional[Mapping[str, int]] = None) -> Story:
    """``weekdays``: the weekday names of every language read (Monday = 0), English first."""
    kept = drop_unconfirmed(list(mentions))
    entities = EntityIndex.build(kept)
    resolved = resolve_participants(kept, entities)
    events = build_events(resolved)
    slots = bind_slots(resolved, vocab, events, entities, gazetteer, weekdays)
    return Story(tuple(resolved), entities, events, tuple(slots))
