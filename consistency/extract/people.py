"""People, their titles, and the quotes attributed to them.

Names come from the NER model and from titles ("Vice Premier A B"); a surname or given name
used alone later in the article resolves to the person the article introduced with it
("China’s Li" -> the Li named earlier). Titles become roles with a country where the text gives
one ("Chinese", "China’s", "the country’s" after a demonym, or shared across "X and Y").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from ..vocab import Vocabulary
from .tokens import Token, country_of, inside_spans, quote_spans, token_index_at

# Single words that cannot stand alone for a person even when part of a name ("He Wen").
AMBIGUOUS_ALONE = frozenset(
    "he she it we they his her its i you a an the this that mr ms mrs dr president minister "
    "may will can new us u.s".split()
)
SPEECH_VERBS = frozenset(
    "said says say told tells added adds stated states noted notes warned warns described describes "
    "called calls confirmed confirms insisted insists wrote writes argued argues declared declares "
    "announced announces hailed hails explained explains asked asks replied replies stressed stresses "
    "according saying telling declaring".split()
)
# Plural or collective speakers named by a short noun phrase ("Chinese officials said").
GROUP_SPEAKERS = frozenset(
    "officials official ministry government spokesperson spokesman spokeswoman statement readout "
    "analysts sources police authorities company".split()
)


@dataclass(frozen=True)
class NameSpan:
    start: int
    end: int
    name: str  # the name as written, possessive removed


@dataclass(frozen=True)
class RoleSpan:
    start: int
    end: int
    person: str
    title: str  # normalized: lower case, hyphens as spaces
    country: str
    current: bool


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # the quoted words, marks excluded
    end: int
    words: str
    speaker: str


@dataclass
class PersonRegistry:
    """The people one article has named so far, for resolving names used alone."""

    # Each word of a full name -> the most recent full name holding it (a lookup, not a scan of
    # every name so far: an article may name thousands of people).
    by_word: dict[str, str] = field(default_factory=dict)

    def add(self, name: str) -> str:
        name = clean_name(name)
        parts = name.split()
        if len(parts) >= 2:
            for part in parts:
                self.by_word[part] = name
            return name
        return self.resolve(name)

    def resolve(self, word: str) -> str:
        """A name used alone -> the most recent full name of the article that contains it."""
        if word.lower() in AMBIGUOUS_ALONE:
            return ""
        return self.by_word.get(word, word)


def clean_name(text: str) -> str:
    text = re.sub(r"^(?:['’]s\s+)", "", text.strip())
    text = re.split(r"['’]s\b", text)[0]  # "Lund’s Nordic tour" -> "Lund"
    return " ".join(text.replace("\u00a0", " ").split())


# Words of a title walked over to the left of a name, and how far back a country is looked for:
# bounds that keep a sentence of many names linear ("Vice Vice Vice ... Premier" is no title).
MAX_TITLE_WORDS = 8
COUNTRY_WINDOW = 40


def title_before(tokens: list[Token], index: int, vocab: Vocabulary) -> tuple[int, list[str]]:
    """Walk left from ``index`` over a title ("U.S. Treasury Secretary"); returns the first index
    of the title and its lower-case words, or (index, []) when the word before is no title."""
    i = index - 1
    words: list[str] = []
    if i < 0 or (tokens[i].lower.replace("-", " ").split() or [""])[-1] not in vocab.title_heads:
        return index, []
    while i >= max(0, index - MAX_TITLE_WORDS):
        word = tokens[i].lower
        parts = word.replace("-", " ").split()
        if not words and parts[-1] in vocab.title_heads:
            words = parts + words
        elif all(p in vocab.title_modifiers or p in vocab.title_heads for p in parts) and \
                tokens[i].text.lower() == word:
            words = parts + words
        else:
            break
        i -= 1
    return i + 1, words


def is_current(words: list[str], vocab: Vocabulary) -> bool:
    return not any(w in vocab.not_current for w in words)


def find_names(sentence: str, tokens: list[Token], ner_people: list[tuple[int, int]],
               vocab: Vocabulary) -> list[NameSpan]:
    """Person names: the model's PERSON spans, plus capitalized words right after a title."""
    names: list[NameSpan] = []
    taken: set[int] = set()
    for start, end in ner_people:
        taken.update(range(start, end))
        name = clean_name(sentence[start:end])
        # The model sometimes takes the title in: "Minister Rosa Soto" -> "Rosa Soto".
        words = name.split()
        while len(words) > 2 and (words[0].lower() in vocab.title_heads or words[0].lower() in vocab.title_modifiers):
            start += sentence[start:end].index(words[1])
            words = words[1:]
        name = " ".join(words)
        if not name or not name[0].isupper():
            continue
        # "Vogt-Brandt talks": two people joined by a dash, not one double-barrelled name.
        parts = re.fullmatch(r"([A-Z][\w.]+)\s*[-–—]\s*([A-Z][\w.]+)", name)
        if parts:
            names.append(NameSpan(start, start + len(parts.group(1)), parts.group(1)))
            second = start + parts.start(2)
            names.append(NameSpan(second, second + len(parts.group(2)), parts.group(2)))
            continue
        names.append(NameSpan(start, start + len(name), name))
    for i, token in enumerate(tokens):
        if token.start in taken or not token.is_capitalized:
            continue
        first, title = title_before(tokens, i, vocab)
        if not title:
            continue
        j = i
        while j < len(tokens) and j - i < 3 and tokens[j].is_capitalized and tokens[j].lower not in vocab.title_heads \
                and (j == i or sentence[tokens[j - 1].end:tokens[j].start] == " "):
            j += 1
            if tokens[j - 1].bare != tokens[j - 1].text:
                break
        if j - i >= 2:
            names.append(NameSpan(tokens[i].start, tokens[j - 1].start + len(tokens[j - 1].bare),
                                  " ".join(t.bare for t in tokens[i:j])))
            taken.update(range(tokens[i].start, tokens[j - 1].end))
    # "Kari Holt, the country’s chief negotiator,": an appositive title marks a name the model missed.
    for match in _APPOSITIVE_NAME.finditer(sentence):
        if match.start(1) in taken or match.end(1) - 1 in taken:
            continue
        following = [w.lower() for w in re.findall(r"[\w\-]+", sentence[match.end():match.end() + 60])][:5]
        if any((w.replace("-", " ").split() or [""])[-1] in vocab.title_heads for w in following):
            names.append(NameSpan(match.start(1), match.end(1), match.group(1)))
    return sorted(set(names), key=lambda n: n.start)


_APPOSITIVE_NAME = re.compile(r"\b([A-Z][a-z][\w'-]*(?:\s[A-Z][a-z][\w'-]*){1,2}),\s+(?:the|its|his|her)\s")


def find_roles(sentence: str, tokens: list[Token], names: list[NameSpan], registry: PersonRegistry,
               vocab: Vocabulary) -> list[RoleSpan]:
    roles: list[RoleSpan] = []
    sentence_country = None
    for name in names:
        index = token_index_at(tokens, name.start)
        person = registry.resolve(name.name) if len(name.name.split()) == 1 else name.name
        if not person:
            continue
        # "Vice Premier A B": a title right before the name.
        first, title = title_before(tokens, index, vocab)
        if title:
            country = country_of(tokens[max(0, first - 3):first], vocab) or \
                country_of([t for t in tokens[first:index] if t.text[:1].isupper()], vocab)
            if not country and first > 0 and tokens[first - 1].lower == "and" and roles:
                country = roles[-1].country  # "Chinese X A and Y B": the country covers both
            title_words = [w for w in title if vocab.country_names.get(w) is None]
            roles.append(RoleSpan(tokens[first].start, name.end, person, " ".join(title_words), country or "",
                                  is_current(title_words, vocab)))
        # "A B, the country’s top negotiator," : an appositive after the name.
        after = sentence[name.end:name.end + 80]
        match = re.match(r"\s*,\s+(?:the\s+|its\s+|his\s+|her\s+)?(?:(country|nation|state)['’]s\s+|"
                         r"([A-Z][\w.]*(?:\s[A-Z]\w*)?)['’]s\s+)?((?:[\w.\-]+\s+){0,4}?[\w\-]+)(?=\s*[,.;)]|\s+(?:of|for|at|and|who|said|told)\b)",
                         after)
        if match:
            words = match.group(3).lower().replace("-", " ").split()
            if words and words[-1] in vocab.title_heads and all(
                    w in vocab.title_modifiers or w in vocab.title_heads for w in words):
                country = ""
                if match.group(1):
                    before = tokens[max(0, index - COUNTRY_WINDOW):index]
                    country = country_of(before, vocab) or sentence_country or ""
                elif match.group(2):
                    country = vocab.country_names.get(match.group(2).lower(), "")
                end = name.end + match.end(3)
                roles.append(RoleSpan(name.start, end, person, " ".join(words), country, is_current(words, vocab)))
        sentence_country = sentence_country or country_of(tokens[max(0, index - COUNTRY_WINDOW):index], vocab)
    return roles


def find_quotes(sentence: str, tokens: list[Token], names: list[NameSpan], registry: PersonRegistry,
                previous_speaker: str) -> list[QuoteSpan]:
    """Quoted words with their speaker: the person next to a speech verb outside the quotes."""
    spans = quote_spans(sentence)
    if not spans:
        return []
    def inside(offset: int) -> bool:
        return inside_spans(spans, offset)

    speaker = ""
    verb_positions = [i for i, t in enumerate(tokens) if t.lower in SPEECH_VERBS and not inside(t.start)]
    outside_names = [n for n in names if not inside(n.start)]
    if verb_positions and outside_names:
        verb = tokens[verb_positions[0]]
        best = min(outside_names, key=lambda n: min(abs(n.start - verb.end), abs(verb.start - n.end)))
        speaker = registry.resolve(best.name) if len(best.name.split()) == 1 else best.name
    elif verb_positions:
        # "Chinese officials described ...": a short group noun phrase before the verb.
        v = verb_positions[0]
        for j in range(v - 1, max(-1, v - 4), -1):
            if tokens[j].lower in GROUP_SPEAKERS:
                start = j - 1 if j > 0 and tokens[j - 1].is_capitalized else j
                speaker = " ".join(t.text for t in tokens[start:j + 1])
                break
    elif outside_names and any(t.lower in ("called", "calls") for t in tokens):
        speaker = outside_names[0].name
    # A sentence that is only a quote continues the previous speaker's words.
    if not speaker and sentence.lstrip().startswith(("“", '"')) and sentence.rstrip().endswith(("”", '"', "”.")):
        speaker = previous_speaker
    return [QuoteSpan(s, e, sentence[s:e], speaker) for s, e in spans]


def reported_speaker(tokens: list[Token], names: list[NameSpan], registry: PersonRegistry) -> str:
    """"NAME said on Thursday that ...": who speaks in a sentence of reported speech, so that a
    quote standing alone in the next sentence is known to be theirs."""
    verbs = [t for t in tokens if t.lower in SPEECH_VERBS]
    if not verbs or not names:
        return ""
    verb = verbs[0]
    best = min(names, key=lambda n: min(abs(n.start - verb.end), abs(verb.start - n.end)))
    if min(abs(best.start - verb.end), abs(verb.start - best.end)) > 3:
        return ""
    return registry.resolve(best.name) if len(best.name.split()) == 1 else best.name


def speaker_of(quotes: list[QuoteSpan]) -> str:
    for quote in quotes:
        if quote.speaker:
            return quote.speaker
    return ""
