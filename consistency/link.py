"""Link stage: group assertions that speak about the same subject and attribute.

Precision comes first here: a group is only formed when the sentence says enough to be sure two
assertions are about one thing.
- Dates, times and places of an event: the same class of event trigger ("meet", "summit") and
  the same people named in the sentence.
- Figures: the same kind and unit, the same counted noun, the same event class and people, and
  words around the number that are alike (rapidfuzz, threshold in config).
- Roles: the same unique title ("top negotiator", "prime minister") in the same country.
- Quotes: a short characterization quote with the same head noun ("a ... agreement"); a long
  quote with the same speaker and mostly the same words.
Assertions marked speculative or denied, and ones that link to nothing, stay out of findings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from rapidfuzz import fuzz

from .config import Config
from .models import Mention
from .resolve import SlotValue, Story, slot_subject
from .vocab import Vocabulary

EVENT_KINDS = ("date", "time", "location")
FIGURE_KINDS = ("percentage", "percentage_points", "money", "count", "measure", "number", "duration", "ordinal")
STOP = frozenset("a an the of to in on at for by with and or from as its their his her this that "
                 "is are was were be been will would has have had it they said says".split())


@dataclass(frozen=True)
class Group:
    family: str  # date, time, location, figure, role, quote
    key: str  # stable words naming the subject; part of the finding fingerprint
    subject: str  # plain words for people
    mentions: tuple[Mention, ...]
    score: float = 1.0  # how sure the link is: a weak link is said at a lower level

    @property
    def articles(self) -> set[str]:
        return {m.article for m in self.mentions}


def _names(ids: Iterable[str]) -> str:
    ids = list(ids)
    return ", ".join(ids[:-1]) + " and " + ids[-1] if len(ids) > 1 else "".join(ids)


def _usable(m: Mention) -> bool:
    return m.modality not in ("speculative", "denied")


def link(story: Story, config: Config, vocab: Vocabulary) -> list[Group]:
    resolved = story.mentions
    bound = {(v.mention.article, v.mention.start, v.mention.end) for v in story.slots}
    # A value bound to a slot is compared there, on its slot, and nowhere else.
    # A value an attribute claims that found no slot lacks what its slot needs (the game it was
    # in, a "lasted"): the weaker figure link would compare it anyway, so it stays out.
    unbound = [m for m in resolved if (m.article, m.start, m.end) not in bound
               and not vocab.slots.slot_only(m.kind, m.counted, m.trigger_class)]
    groups = _event_groups(unbound) + _figure_groups(unbound, config) + _role_groups(resolved, vocab) \
        + _quote_groups(resolved, config) + _slot_groups(story.slots) + _title_groups(resolved, vocab)
    return sorted(groups, key=lambda g: (g.family, g.key))


def _slot_groups(slots: Sequence[SlotValue]) -> list[Group]:
    """Values on one slot, across articles: the slot is the key, so buckets never compare all pairs."""
    buckets: dict[tuple[str, str, tuple[str, ...]], list[SlotValue]] = {}
    for value in slots:
        buckets.setdefault(value.key, []).append(value)
    groups = []
    for (holder, attribute, qualifiers), values in sorted(buckets.items()):
        mentions = [v.mention for v in values]
        if not _multi_source(mentions):
            continue
        family = _slot_family(holder, attribute)
        score = min(v.score for v in values)
        groups.append(Group(family, f"slot|{holder}|{attribute}|{'+'.join(qualifiers)}",
                            slot_subject(holder, attribute, qualifiers), tuple(mentions), score))
    return groups


# Slots whose values need checks of their own: a clock time, a part of a named day.
SLOT_FAMILIES = {"time": "time", "time of day": "daypart"}


def _slot_family(holder: str, attribute: str) -> str:
    if holder.startswith("org:"):
        return "founding"  # a fact of an organisation's history, with rules of its own
    return SLOT_FAMILIES.get(attribute, "slot")


def _bucket(mentions: Iterable[Mention], key) -> dict[object, list[Mention]]:  # type: ignore[no-untyped-def]
    buckets: dict[object, list[Mention]] = {}
    for m in mentions:
        k = key(m)
        if k is not None:
            buckets.setdefault(k, []).append(m)
    return buckets


def _multi_source(mentions: list[Mention]) -> bool:
    return len({m.article for m in mentions}) >= 2


def _event_groups(mentions: Sequence[Mention]) -> list[Group]:
    def key(m: Mention):  # type: ignore[no-untyped-def]
        if m.kind not in EVENT_KINDS or not _usable(m) or not m.trigger_class or not m.participants:
            return None
        # A planned event and a reported one are told apart: the same people can meet twice.
        plan = "planned" if m.modality == "scheduled" else "reported"
        return (m.kind, m.trigger_class, m.participants, plan)

    groups = []
    for (kind, cls, people, plan), items in sorted(_bucket(mentions, key).items(), key=lambda kv: str(kv[0])):
        if _multi_source(items):
            what = {"date": "date", "time": "time", "location": "place"}[kind]
            planned = "planned " if plan == "planned" else ""
            groups.append(Group(kind, f"{kind}|{cls}|{'+'.join(people)}|{plan}",
                                f"{what} of the {planned}{cls} ({_names(people)})", tuple(items)))
    return groups


def _context(m: Mention) -> str:
    """Content words of a figure's sentence, digits left out."""
    words = re.findall(r"[A-Za-z][\w'-]*", m.sentence)
    return " ".join(w.lower() for w in words if w.lower() not in STOP)


def _figure_groups(mentions: Sequence[Mention], config: Config) -> list[Group]:
    def key(m: Mention):  # type: ignore[no-untyped-def]
        if m.kind not in FIGURE_KINDS or not _usable(m) or m.interval is None:
            return None
        if not m.counted and not (m.kind == "duration" and m.trigger_class):
            return None
        # A counted noun alone ("revenue", "people") names many figures of a story, each at its
        # own time and place; without the people the sentence names, the link is too weak.
        # Figures bound to a slot of their own are linked there instead.
        if not m.participants:
            return None
        # The counted noun says what the figure is about; the event class only when there is none
        # ("delayed by a year"). The verb ("rose", "climbed") varies between reports of one figure.
        return (m.kind, m.unit, m.counted, "" if m.counted else m.trigger_class, m.participants)

    groups = []
    for (kind, unit, counted, cls, people), items in sorted(_bucket(mentions, key).items(), key=lambda kv: str(kv[0])):
        # Within a key, keep only figures whose surroundings read alike; distinct modifiers
        # ("new" vs "existing" tariffs) mean distinct things.
        clusters: list[list[Mention]] = []
        contexts = {id(m): _context(m) for m in items}  # once per figure, not once per comparison
        for m in items:
            for cluster in clusters:
                head = cluster[0]
                if _modifiers_clash(head, m):
                    continue
                if fuzz.token_set_ratio(contexts[id(head)], contexts[id(m)]) >= config.context_similarity:
                    cluster.append(m)
                    break
            else:
                clusters.append([m])
        for cluster in clusters:
            if _multi_source(cluster):
                who = f" ({_names(people)})" if people else ""
                label = {"ordinal": "which", "duration": "how long", "count": "how many"}.get(kind, "figure")
                what = counted or (cluster[0].trigger or cls)
                groups.append(Group("figure", f"{kind}|{unit}|{counted}|{cls}|{'+'.join(people)}",
                                    f"{label}: {what}{who}", tuple(cluster)))
    return groups


def _modifiers_clash(a: Mention, b: Mention) -> bool:
    ma, mb = set(a.modifiers) - STOP, set(b.modifiers) - STOP
    return bool(ma and mb and not (ma & mb))


def _role_groups(mentions: Sequence[Mention], vocab: Vocabulary) -> list[Group]:
    def key(m: Mention):  # type: ignore[no-untyped-def]
        if m.kind != "role" or not m.country or not m.role or dict(m.extra).get("current") == "no":
            return None
        words = m.role.split()
        markers = [w for w in words if w in vocab.unique_markers]
        if markers:
            return (m.country, markers[0], words[-1])
        if m.role in vocab.unique_titles:
            return (m.country, "", m.role)
        return None

    groups = []
    for (country, marker, head), items in sorted(_bucket(mentions, key).items(), key=lambda kv: str(kv[0])):
        if not _multi_source(items):
            continue
        # "top negotiator" and "top trade negotiator" name one role; "top climate negotiator" and
        # "top trade negotiator" do not: the extra words of one title must be within the other's.
        base = max((set(m.role.split()) for m in items), key=len)
        same = [m for m in items if set(m.role.split()) <= base]
        if _multi_source(same):
            title = " ".join(w for w in (marker, head) if w)
            where = vocab.country_display.get(country, country)
            groups.append(Group("role", f"role|{country}|{title}", f"who is {where}'s {title}", tuple(same)))
    return groups


def _title_groups(mentions: Sequence[Mention], vocab: Vocabulary) -> list[Group]:
    """The title each source gives one person: "President X" and "former President X" at once."""
    def key(m: Mention):  # type: ignore[no-untyped-def]
        if m.kind != "role" or not m.entity or not m.role:
            return None
        base = " ".join(w for w in m.role.split() if w not in vocab.former_markers)
        return (m.entity, base) if base else None

    groups = []
    for (person, title), items in sorted(_bucket(mentions, key).items(), key=lambda kv: str(kv[0])):
        # Only worth a look when some source says "former": otherwise every title agrees.
        if _multi_source(items) and any(set(m.role.split()) & vocab.former_markers for m in items):
            groups.append(Group("title", f"title|{person}|{title}", f"whether {person} is {title} or a former one",
                                tuple(replace(m, value=m.role) for m in items)))
    return groups


def _head_noun(words: str) -> tuple[str, tuple[str, ...]]:
    tokens = [w.lower() for w in words.split() if w.lower() not in STOP]
    if not tokens:
        return "", ()
    head = tokens[-1]
    if len(head) > 3 and head.endswith("s") and not head.endswith(("ss", "us", "is")):
        head = head[:-1]  # "talks" and "talk" are one head noun
    return head, tuple(tokens[:-1])


AUXILIARIES = frozenset("a an the had has have having been be is are was were would will to".split())


def _verb_before(m: Mention) -> str:
    """The stem of the word that governs a quoted phrase: "had reached a “…”" -> "reach"."""
    offset = m.sentence.find(m.raw)
    if offset < 0:
        return ""
    words = re.findall(r"[A-Za-z]+", m.sentence[:offset])
    for word in reversed(words[-4:]):
        lowered = word.lower()
        if lowered in AUXILIARIES:
            continue
        if not word.islower():
            return ""
        return re.sub(r"(?:ed|ing|es|s)$", "", lowered) if len(lowered) > 4 else lowered
    return ""


def _quote_groups(mentions: Sequence[Mention], config: Config) -> list[Group]:
    quotes = [m for m in mentions if m.kind == "quote"]
    groups: list[Group] = []

    # Short characterizations: "reached a 'firm agreement'" vs "reached 'a tentative agreement'":
    # the same head noun after the same verb.
    def short_key(m: Mention):  # type: ignore[no-untyped-def]
        words = m.value.split()
        if not 2 <= len(words) <= 4 or any(w[:1].isupper() for w in words):
            return None
        head, modifiers = _head_noun(m.value)
        verb = _verb_before(m)
        return (verb, head) if head and modifiers and verb else None

    for (verb, head), items in sorted(_bucket(quotes, short_key).items(), key=lambda kv: str(kv[0])):
        if _multi_source(items):
            groups.append(Group("quote", f"quote|term|{verb}|{head}", f"how the {head} was described in quotation marks",
                                tuple(items)))

    # Long quotes by one speaker that are mostly the same words.
    long_quotes = [m for m in quotes if len(m.value.split()) >= 5 and m.speaker]
    for speaker, items in sorted(_bucket(long_quotes, lambda m: m.speaker).items(), key=lambda kv: str(kv[0])):
        clusters: list[list[Mention]] = []
        for m in items:
            for cluster in clusters:
                if fuzz.ratio(cluster[0].value.lower(), m.value.lower()) >= config.quote_similarity:
                    cluster.append(m)
                    break
            else:
                clusters.append([m])
        for cluster in clusters:
            if _multi_source(cluster) and len({m.value.lower() for m in cluster}) > 1:
                first = " ".join(cluster[0].value.split()[:6])
                groups.append(Group("quote", f"quote|{speaker}|{first.lower()}",
                                    f"the words of {speaker} (“{first} …”)", tuple(cluster)))
    return groups
