"""The story's events: one per event class and group of participants, merged across articles.

Two mentions speak of one event when their trigger words are of one class and the people their
sentences name overlap (or one names nobody). Participants merge softly: {A, B} and {A} are one
meeting, {A, B} and {A, C} are two. A sentence that names no one belongs to the class's dominant
event, the one most sentences speak of. Plans and outcomes are told apart by the mention's
modality ("will meet" vs "met"), so a plan never contradicts what happened.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..models import Mention

MERGE_OVERLAP = 0.5  # Jaccard overlap of participant sets that makes two groups one event


@dataclass(frozen=True)
class Event:
    id: str  # "<class>" for the dominant event of a class, "<class>#2" ... for the others
    cls: str
    participants: tuple[str, ...]
    planned: bool
    mentions: int


@dataclass(frozen=True)
class EventIndex:
    events: tuple[Event, ...]
    by_key: dict[tuple[str, bool, tuple[str, ...]], str]  # (class, planned, participants) -> event id

    def event_of(self, m: Mention, cls: str) -> str:
        """The id of the event of class ``cls`` that a mention's sentence speaks of."""
        planned = m.modality == "scheduled"
        found = self.by_key.get((cls, planned, m.participants))
        if found is not None:
            return found
        return f"{cls}|planned" if planned else cls


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


def build_events(mentions: Sequence[Mention]) -> EventIndex:
    counts: dict[tuple[str, bool, tuple[str, ...]], int] = {}
    for m in mentions:
        if m.trigger_class:
            key = (m.trigger_class, m.modality == "scheduled", m.participants)
            counts[key] = counts.get(key, 0) + 1
    events: list[Event] = []
    by_key: dict[tuple[str, bool, tuple[str, ...]], str] = {}
    classes = sorted({(cls, planned) for cls, planned, _ in counts})
    for cls, planned in classes:
        groups: list[tuple[set[str], list[tuple[str, ...]], int]] = []
        named = sorted(((p, n) for (c, pl, p), n in counts.items() if c == cls and pl == planned and p),
                       key=lambda pn: (-pn[1], pn[0]))
        for people, n in named:
            for group in groups:
                if _jaccard(frozenset(group[0]), frozenset(people)) >= MERGE_OVERLAP:
                    group[0].update(people)
                    group[1].append(people)
                    groups[groups.index(group)] = (group[0], group[1], group[2] + n)
                    break
            else:
                groups.append((set(people), [people], n))
        unnamed = counts.get((cls, planned, ()), 0)
        groups.sort(key=lambda g: (-g[2], sorted(g[0])))
        base = f"{cls}|planned" if planned else cls
        for rank, (people_set, members, n) in enumerate(groups):
            ident = base if rank == 0 else f"{base}#{rank + 1}"
            total = n + (unnamed if rank == 0 else 0)
            events.append(Event(ident, cls, tuple(sorted(people_set)), planned, total))
            for people in members:
                by_key[(cls, planned, people)] = ident
        by_key[(cls, planned, ())] = base
        if not groups:
            events.append(Event(base, cls, (), planned, unnamed))
    return EventIndex(tuple(events), by_key)
