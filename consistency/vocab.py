"""Vocabularies kept as data under rules/vocab/: triggers, modality words, titles, places.

Loaded once per run into a frozen ``Vocabulary`` and passed down explicitly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Optional

import yaml

from .limits import LimitError, safe_yaml_load
from .models import InputError


class VocabularyError(Exception):
    def __init__(self, error: InputError) -> None:
        self.error = error
        super().__init__(str(error))


@dataclass(frozen=True)
class SlotAttribute:
    """One attribute a value can be bound to (rules/vocab/slots.yaml)."""

    name: str
    holder: str  # "event" or "person"
    kinds: frozenset[str]
    events: tuple[str, ...] = ()
    units: Optional[frozenset[str]] = None  # None: any unit of ``dimension`` (or any at all)
    dimension: str = ""
    counted: frozenset[str] = frozenset()
    before: tuple[re.Pattern[str], ...] = ()
    after: tuple[re.Pattern[str], ...] = ()
    needs: frozenset[str] = frozenset()  # each need a qualifier kind, or "a|b": either one
    identifies: bool = False

    @property
    def need_kinds(self) -> frozenset[str]:
        """Every qualifier kind the needs name."""
        return frozenset(k for need in self.needs for k in need.split("|"))


@dataclass(frozen=True)
class FoundingVocabulary:
    """The forms that give an organisation's founding date and place (rules/vocab/slots.yaml)."""

    cue: Optional[re.Pattern[str]] = None  # "founded", "fundada", "gegründet"
    passive: Optional[re.Pattern[str]] = None  # "NAME was " right before the cue
    apposition: Optional[re.Pattern[str]] = None  # "NAME, " or "NAME, a security firm " before it
    opener: Optional[re.Pattern[str]] = None  # words that may open the sentence before the cue
    phrase_end: Optional[re.Pattern[str]] = None  # where the founding phrase stops: a comma, "by"
    place: Optional[re.Pattern[str]] = None  # "in NAME" inside the phrase
    holder_after: Optional[re.Pattern[str]] = None  # ", NAME verb" after an opening phrase


@dataclass(frozen=True)
class DayPartVocabulary:
    """Parts of a named day ("late Sunday") and the happenings they date (rules/vocab/slots.yaml)."""

    instant: frozenset[str] = frozenset()  # trigger words of happenings of one instant
    zone_after: Optional[re.Pattern[str]] = None  # a zone after the part: not local time, not read
    forms: tuple[tuple[str, float, float], ...] = ()  # (regex with {day}/{next}, from hour, to hour)
    verbs: Optional[re.Pattern[str]] = None  # the happening's own verbs ("struck", "sacudió")
    other_verbs: Optional[re.Pattern[str]] = None  # verbs of something else ("said", "rose")
    verb_reach: int = 14  # words that may stand between the verb and the part of the day


@dataclass(frozen=True)
class PlayVocabulary:
    """A batter's home run: its words, runs and inning (``plays`` in rules/vocab/slots.yaml)."""

    word: Optional[re.Pattern[str]] = None
    runs_before: tuple[tuple[int, re.Pattern[str]], ...] = ()
    runs_after: tuple[tuple[int, re.Pattern[str]], ...] = ()
    periods: tuple[re.Pattern[str], ...] = ()  # each with a group "o" (ordinal word) or "n" (digits)
    ordinals: dict[str, int] = field(default_factory=dict)
    against: Optional[re.Pattern[str]] = None  # "off NAME", "ante NAME": the pitcher, not the batter
    conceded: Optional[re.Pattern[str]] = None
    multiple: Optional[re.Pattern[str]] = None


@dataclass(frozen=True)
class SlotVocabulary:
    attributes: tuple[SlotAttribute, ...] = ()
    dimensions: dict[str, dict[str, float]] = field(default_factory=dict)  # dimension -> unit -> factor
    ordinals: frozenset[str] = frozenset()
    parts: frozenset[str] = frozenset()
    portions: frozenset[str] = frozenset()
    status_before: tuple[re.Pattern[str], ...] = ()
    approximate: frozenset[str] = frozenset()
    attribution_before: tuple[re.Pattern[str], ...] = ()
    attribution_after: tuple[re.Pattern[str], ...] = ()
    target_before: tuple[re.Pattern[str], ...] = ()
    clause_end: re.Pattern[str] = re.compile(r"[;:—–]")
    determiners: frozenset[str] = frozenset()
    # Built from the function words above, once: "(about" before a conversion, "X and Y" as a
    # list of names, ", a" before an age, an organisation's name with its particles.
    conversion_before: re.Pattern[str] = re.compile(r"\(\s*$")
    list_of_names: re.Pattern[str] = re.compile(r",")
    apposition_lead: re.Pattern[str] = re.compile(r",\s+$")
    org_name: re.Pattern[str] = re.compile(r"([A-Z][\w.’'-]*)")
    org_before: re.Pattern[str] = re.compile(r"(?:^)([A-Z][\w.’'-]*)$")
    by_kind: dict[str, tuple["SlotAttribute", ...]] = field(default_factory=dict)  # value kind -> attributes
    # The cue lists as one unanchored pattern each, to find every cue of a sentence in one scan.
    target_cues: Optional[re.Pattern[str]] = None
    attribution_cues_before: Optional[re.Pattern[str]] = None
    attribution_cues_after: Optional[re.Pattern[str]] = None
    target_date_slack_days: int = 0
    founding: FoundingVocabulary = field(default_factory=FoundingVocabulary)
    dayparts: DayPartVocabulary = field(default_factory=DayPartVocabulary)
    plays: PlayVocabulary = field(default_factory=PlayVocabulary)
    part_label: Optional[re.Pattern[str]] = None  # "Game 7", "el Juego 7": a part of a series, numbered
    outcomes: tuple[tuple[str, re.Pattern[str]], ...] = ()  # ("rejected", its words) for an offer

    def slot_only(self, kind: str, counted: str, trigger_class: str) -> bool:
        """A value of this kind that some attribute claims: compared on its slot or not at all
        (a figure counting "innings" with no game named, a meeting's duration with no "lasted")."""
        return any((counted and counted in a.counted) or
                   (kind in a.kinds and not a.counted and kind == "duration" and trigger_class in a.events)
                   for a in self.attributes)


@dataclass(frozen=True)
class Vocabulary:
    trigger_class: dict[str, str]
    measured_classes: frozenset[str]  # trigger classes whose word names what a rate or sum measures
    speculative: frozenset[str]
    denied: frozenset[str]
    scheduled: frozenset[str]
    boilerplate_prefixes: tuple[str, ...]
    translation_cues: tuple[str, ...]
    title_heads: frozenset[str]
    title_modifiers: frozenset[str]
    unique_markers: frozenset[str]
    unique_titles: frozenset[str]
    not_current: frozenset[str]
    former_markers: frozenset[str]
    country_names: dict[str, str]  # lower-case name or demonym -> ISO alpha-2
    country_display: dict[str, str]  # ISO alpha-2 -> the first name listed, for messages
    not_location_after: frozenset[str]
    # Modality words of the other languages read: language -> (speculative, denied, scheduled).
    modality_by_language: dict[str, tuple[frozenset[str], frozenset[str], frozenset[str]]] = field(default_factory=dict)
    bearings: dict[str, int] = field(default_factory=dict)  # compass word -> degrees
    region_nouns: frozenset[str] = frozenset()
    slots: SlotVocabulary = field(default_factory=SlotVocabulary)


def rules_root(rules_dir: Optional[str]) -> Path:
    """The folder of rule files: the configured one or the copy shipped in the package."""
    if rules_dir:
        return Path(rules_dir)
    return Path(str(resources.files("consistency.rulefiles")))


def _load(path: Path) -> dict[str, Any]:
    try:
        data = safe_yaml_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise VocabularyError(InputError(str(path), "vocabulary file is missing"))
    except LimitError as exc:
        raise VocabularyError(InputError(str(path), exc.reason, exc.line))
    except (OSError, UnicodeDecodeError) as exc:
        raise VocabularyError(InputError(str(path), f"cannot read vocabulary file: {exc}"))
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        raise VocabularyError(InputError(str(path), f"not valid YAML: {getattr(exc, 'problem', exc)}",
                                         line + 1 if line is not None else None))
    if not isinstance(data, dict):
        raise VocabularyError(InputError(str(path), "must be a mapping of lists"))
    return data


def _words(data: dict[str, Any], key: str, path: Path) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise VocabularyError(InputError(str(path), f"'{key}' must be a list of strings"))
    return [v.lower() for v in value]


def _patterns(data: dict[str, Any], key: str, path: Path) -> tuple[re.Pattern[str], ...]:
    out = []
    for text in data.get(key, []) or []:
        if not isinstance(text, str):
            raise VocabularyError(InputError(str(path), f"'{key}' must be a list of regexes"))
        try:
            out.append(re.compile(text, re.IGNORECASE))
        except re.error as exc:
            raise VocabularyError(InputError(str(path), f"bad regex in '{key}': {exc}"))
    return tuple(out)


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def _scan(patterns: tuple[re.Pattern[str], ...], lookahead: bool = False) -> Optional[re.Pattern[str]]:
    """Anchored cue patterns ("...$" before a name, "^..." after one) as one pattern to scan with."""
    if not patterns:
        return None
    parts = [p.pattern.removesuffix("$").removeprefix("^") for p in patterns]
    body = "|".join(f"(?:{part})" for part in parts)
    return re.compile(f"(?=(?:{body}))" if lookahead else body, re.IGNORECASE)


def _function_word_patterns(qualifiers: dict[str, Any], path: Path) -> dict[str, Any]:
    determiners = _words(qualifiers, "determiners", path)
    particles = _alternation(_words(qualifiers, "name_particles", path)) or "of"
    joiners = _alternation(_words(qualifiers, "name_joiners", path)) or "and"
    hedges = _alternation(_words(qualifiers, "conversion_hedges", path)) or "about"
    articles = _alternation(determiners) or "the"
    name = rf"((?:[A-Z][\w.’'-]*)(?:\s+(?:(?:{particles})\s+)?[A-Z][\w.’'-]*){{0,5}})(?:\s*\(([A-Z][A-Za-z]{{1,7}})\))?"
    return {
        "target_cues": _scan(_patterns(qualifiers, "target_before", path)),
        "attribution_cues_before": _scan(_patterns(qualifiers, "attribution_before", path)),
        "attribution_cues_after": _scan(_patterns(qualifiers, "attribution_after", path), lookahead=True),
        "determiners": frozenset(determiners),
        "conversion_before": re.compile(rf"\(\s*(?:(?:{hedges})\s+)?$", re.IGNORECASE),
        "list_of_names": re.compile(rf"\s(?:{joiners})\s|,", re.IGNORECASE),
        "apposition_lead": re.compile(rf",\s+(?:{articles})\s+$", re.IGNORECASE),
        "org_name": re.compile(name),
        "org_before": re.compile(rf"(?:^|\b(?i:{articles})\s+){name}$"),
    }


def _phrases(words: list[str]) -> str:
    """Words and phrases as one alternation, a space in a phrase standing for any spacing."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=lambda w: (-len(w), w)))


# A name as the founding forms read it: up to four capitalised words ("Orvane Cloud").
_ORG = r"([A-ZÀ-Þ][\w&.’'-]*(?:\s+[A-ZÀ-Þ][\w&.’'-]*){0,3})"


def _founding(data: dict[str, Any], determiners: list[str], joiners: list[str], path: Path) -> FoundingVocabulary:
    if not data:
        return FoundingVocabulary()
    if not isinstance(data, dict):
        raise VocabularyError(InputError(str(path), "'founding' must map cues, passive, agents, place_before, openers to lists"))
    cues = _phrases(_words(data, "cues", path))
    if not cues:
        return FoundingVocabulary()
    articles = _phrases(determiners) or "the"
    agents = _phrases(_words(data, "agents", path)) or "by"
    joined = _phrases(joiners) or "and"
    return FoundingVocabulary(
        cue=re.compile(rf"(?<![\w])(?:{cues})\b", re.IGNORECASE),
        passive=re.compile(rf"{_ORG}\s+(?i:{_phrases(_words(data, 'passive', path)) or 'was'})\s+(?:[a-zà-ÿ]+\s+)?$"),
        apposition=re.compile(rf"{_ORG},\s+(?:(?i:{articles})\s+(?:[\w-]+\s+){{0,4}})?$"),
        opener=re.compile(rf"^\W*(?:(?i:{_phrases(_words(data, 'openers', path)) or 'after'})\s+)?$"),
        phrase_end=re.compile(rf"[,;:()]|\s(?i:{agents})\s"),
        place=re.compile(rf"\b(?i:{_phrases(_words(data, 'place_before', path)) or 'in'})\s+{_ORG}"),
        # ", Ana Berg and Rui Amaral, Orvane grew": a name before "and" is one of a list.
        holder_after=re.compile(rf",\s+(?!(?i:{articles})\s){_ORG}(?=\s+(?!(?:{joined})\b)[a-zà-ÿ])"))


def _dayparts(data: Any, path: Path) -> DayPartVocabulary:
    if not data:
        return DayPartVocabulary()
    if not isinstance(data, dict) or not isinstance(data.get("forms", []), list):
        raise VocabularyError(InputError(str(path), "'dayparts' must map instant, zone_after and forms"))
    forms = []
    for item in data.get("forms", []):
        hours = item.get("hours") if isinstance(item, dict) else None
        form = item.get("form") if isinstance(item, dict) else None
        if not isinstance(form, str) or "{" not in form or not isinstance(hours, list) or len(hours) != 2 \
                or not all(isinstance(h, (int, float)) for h in hours) or not 0 <= hours[0] < hours[1] <= 48:
            raise VocabularyError(InputError(str(path), f"dayparts form {item!r} needs form (with {{day}} or {{next}}) "
                                                        "and hours [from, to] within 0 to 48"))
        try:
            re.compile(form.replace("{day}", "(?P<day>x)").replace("{next}", "(?P<next>x)"))
        except re.error as exc:
            raise VocabularyError(InputError(str(path), f"bad regex in dayparts form {form!r}: {exc}"))
        forms.append((form, float(hours[0]), float(hours[1])))
    zone = data.get("zone_after")
    reach = data.get("verb_reach", 14)
    if not isinstance(reach, int) or reach < 0:
        raise VocabularyError(InputError(str(path), "'dayparts.verb_reach' must be a whole number of words"))

    def words_of(key: str) -> Optional[re.Pattern[str]]:
        found = _phrases(_words(data, key, path))
        return re.compile(rf"(?<!\w)(?:{found})(?!\w)", re.IGNORECASE) if found else None
    return DayPartVocabulary(instant=frozenset(_words(data, "instant", path)),
                             zone_after=re.compile(zone) if isinstance(zone, str) and zone else None,
                             forms=tuple(forms), verbs=words_of("verbs"), other_verbs=words_of("other_verbs"),
                             verb_reach=reach)


def _numbered_patterns(data: Any, key: str, path: Path) -> tuple[tuple[int, re.Pattern[str]], ...]:
    raw = data.get(key) or {}
    if not isinstance(raw, dict) or not all(str(k).isdigit() for k in raw):
        raise VocabularyError(InputError(str(path), f"'plays.{key}' must map numbers to regexes"))
    return tuple((int(k), p) for k in sorted(raw, key=int) for p in _patterns(raw, k, path))


def _plays(data: Any, determiners: list[str], path: Path) -> PlayVocabulary:
    if not data:
        return PlayVocabulary()
    if not isinstance(data, dict):
        raise VocabularyError(InputError(str(path), "'plays' must map words, runs, periods and ordinals"))
    words = _phrases(_words(data, "words", path))
    if not words:
        return PlayVocabulary()
    raw_ordinals = data.get("ordinals") or {}
    if not isinstance(raw_ordinals, dict) or not all(str(k).isdigit() for k in raw_ordinals):
        raise VocabularyError(InputError(str(path), "'plays.ordinals' must map numbers to word lists"))
    ordinals = {w: int(k) for k in raw_ordinals for w in _words(raw_ordinals, k, path)}
    ordinal = _phrases(list(ordinals)) or "first"
    period = _phrases(_words(data, "period_words", path)) or "inning"
    lead = _phrases(_words(data, "period_lead", path)) or "in"
    parts = "|".join(f"(?:{p})" for p in data.get("period_part") or [] if isinstance(p, str)) or "top\\s+of"
    det = _phrases(determiners) or "the"
    flags = re.IGNORECASE
    periods = (
        # "eighth-inning homer", "la undécima entrada", "neuvième manche"
        re.compile(rf"(?<!\w)(?P<o>{ordinal})[\s-]+(?:{period})(?!\w)", flags),
        # "in the top of the 11th", "en 11e", "en la novena,": a word ordinal only before a pause
        re.compile(rf"(?<!\w)(?:{lead})\s+(?:(?:{det})\s+)?(?:(?:{parts})\s+(?:(?:{det})\s+)?)?"
                   rf"(?P<o>{ordinal})(?:(?<=\d\w)|(?<=\d\w\w)|(?=\s*[,.;)]|\s*$))", flags),
        # "la parte alta del 11", "the top of the 11"
        re.compile(rf"(?<!\w)(?:{parts})l?\s+(?:(?:{det})\s+)?(?P<n>\d{{1,2}})(?!\w)", flags),
        # "el inning 11"
        re.compile(rf"(?<!\w)(?:{period})\s+(?P<n>\d{{1,2}})(?!\w)", flags),
    )
    def optional(key: str) -> Optional[re.Pattern[str]]:
        found = _phrases(_words(data, key, path))
        return re.compile(rf"(?<!\w)(?:{found})(?!\w)", flags) if found else None
    against = _phrases(_words(data, "against", path))
    return PlayVocabulary(
        word=re.compile(rf"(?<!\w)(?:{words})(?!\w)", flags),
        runs_before=_numbered_patterns(data, "runs_before", path),
        runs_after=_numbered_patterns(data, "runs_after", path),
        periods=periods, ordinals=ordinals,
        against=re.compile(rf"(?<!\w)(?:{against})\s+$", flags) if against else None,
        conceded=optional("conceded"), multiple=optional("multiple"))


def _outcomes(qualifiers: dict[str, Any], path: Path) -> tuple[tuple[str, re.Pattern[str]], ...]:
    raw = qualifiers.get("outcomes") or {}
    if not isinstance(raw, dict):
        raise VocabularyError(InputError(str(path), "'outcomes' must map outcomes to word lists"))
    return tuple((str(name), re.compile(rf"(?<!\w)(?:{_phrases(_words(raw, name, path))})(?!\w)", re.IGNORECASE))
                 for name in sorted(raw) if _words(raw, name, path))


def load_slots(path: Path) -> SlotVocabulary:
    """The attributes values bind to, with their binding forms compiled once."""
    data = _load(path)
    dimensions: dict[str, dict[str, float]] = {}
    for name, units in (data.get("dimensions") or {}).items():
        if not isinstance(units, dict) or not all(isinstance(v, (int, float)) for v in units.values()):
            raise VocabularyError(InputError(str(path), f"dimension '{name}' must map units to factors"))
        dimensions[str(name)] = {str(u): float(f) for u, f in units.items()}
    attributes = []
    raw = data.get("attributes") or {}
    if not isinstance(raw, dict):
        raise VocabularyError(InputError(str(path), "'attributes' must map names to settings"))
    for name in sorted(raw):
        spec = raw[name]
        if not isinstance(spec, dict) or spec.get("holder") not in ("event", "person"):
            raise VocabularyError(InputError(str(path), f"attribute '{name}' needs holder: event or person"))
        dimension = str(spec.get("dimension", ""))
        if dimension and dimension not in dimensions:
            raise VocabularyError(InputError(str(path), f"attribute '{name}': unknown dimension '{dimension}'"))
        units = spec.get("units")
        attributes.append(SlotAttribute(
            name=str(name), holder=spec["holder"], kinds=frozenset(_words(spec, "kinds", path)),
            events=tuple(_words(spec, "events", path)),
            units=frozenset(str(u) for u in units) if isinstance(units, list) else None,
            dimension=dimension, counted=frozenset(_words(spec, "counted", path)),
            before=_patterns(spec, "before", path), after=_patterns(spec, "after", path),
            needs=frozenset(_words(spec, "needs", path)), identifies=spec.get("identifies") is True))
    qualifiers = data.get("qualifiers") or {}
    by_kind = {kind: tuple(a for a in attributes if kind in a.kinds) for kind in sorted({k for a in attributes for k in a.kinds})}
    return SlotVocabulary(**_function_word_patterns(qualifiers, path), by_kind=by_kind,
        attributes=tuple(attributes), dimensions=dimensions,
        ordinals=frozenset(_words(qualifiers, "ordinals", path)),
        parts=frozenset(_words(qualifiers, "parts", path)),
        part_label=re.compile(rf"(?<!\w)({_alternation(_words(qualifiers, 'parts', path))})\s+(\d{{1,3}})(?!\w)",
                              re.IGNORECASE) if _words(qualifiers, "parts", path) else None,
        portions=frozenset(_words(qualifiers, "portions", path)),
        status_before=_patterns(qualifiers, "status_before", path),
        attribution_before=_patterns(qualifiers, "attribution_before", path),
        attribution_after=_patterns(qualifiers, "attribution_after", path),
        target_before=_patterns(qualifiers, "target_before", path),
        clause_end=re.compile(r"[;:—–]|,\s+(?:" + "|".join(re.escape(w) for w in _words(qualifiers, "clause_joiners", path))
                              + r")\b", re.IGNORECASE) if qualifiers.get("clause_joiners") else re.compile(r"[;:—–]"),
        target_date_slack_days=int(qualifiers.get("target_date_slack_days", 0) or 0),
        outcomes=_outcomes(qualifiers, path),
        dayparts=_dayparts(data.get("dayparts"), path),
        plays=_plays(data.get("plays"), _words(qualifiers, "determiners", path), path),
        founding=_founding(data.get("founding") or {}, _words(qualifiers, "determiners", path),
                           _words(qualifiers, "name_joiners", path), path),
        approximate=frozenset(_words(qualifiers, "approximate", path)))


def _modality_by_language(data: dict[str, Any], path: Path
                          ) -> dict[str, tuple[frozenset[str], frozenset[str], frozenset[str]]]:
    raw = data.get("languages", {}) or {}
    if not isinstance(raw, dict):
        raise VocabularyError(InputError(str(path), "'languages' must map language codes to word lists"))
    out = {}
    for code in sorted(raw):
        lists = raw[code]
        if not isinstance(lists, dict):
            raise VocabularyError(InputError(str(path), f"'languages.{code}' must map speculative, denied, scheduled to lists"))
        out[str(code)] = (frozenset(_words(lists, "speculative", path)), frozenset(_words(lists, "denied", path)),
                          frozenset(_words(lists, "scheduled", path)))
    return out


def _bearings(data: dict[str, Any], path: Path) -> dict[str, int]:
    raw = data.get("directions", {}) or {}
    if not isinstance(raw, dict):
        raise VocabularyError(InputError(str(path), "'directions' must map bearings to word lists"))
    out: dict[str, int] = {}
    for degrees in sorted(raw, key=str):
        if not str(degrees).isdigit() or not 0 <= int(degrees) < 360:
            raise VocabularyError(InputError(str(path), f"direction '{degrees}' must be a bearing from 0 to 359"))
        for word in _words(raw, degrees, path):
            out[word] = int(degrees)
    return out


def load_vocabulary(rules_dir: Optional[str] = None) -> Vocabulary:
    root = rules_root(rules_dir) / "vocab"
    events = _load(root / "events.yaml")
    modality = _load(root / "modality.yaml")
    roles = _load(root / "roles.yaml")
    places = _load(root / "places.yaml")
    trigger_class: dict[str, str] = {}
    classes = events.get("classes", {})
    if not isinstance(classes, dict):
        raise VocabularyError(InputError(str(root / "events.yaml"), "'classes' must map class names to word lists"))
    for name in sorted(classes):
        for word in _words(classes, name, root / "events.yaml"):
            trigger_class.setdefault(word, name)
    # The other languages' words after the English ones: an English word keeps its class.
    others = events.get("languages", {}) or {}
    if not isinstance(others, dict):
        raise VocabularyError(InputError(str(root / "events.yaml"), "'languages' must map language codes to classes"))
    for code in sorted(others):
        table = others[code]
        if not isinstance(table, dict) or any(name not in classes for name in table):
            raise VocabularyError(InputError(str(root / "events.yaml"),
                                             f"'languages.{code}' must map the classes above to word lists"))
        for name in sorted(table):
            for word in _words(table, name, root / "events.yaml"):
                trigger_class.setdefault(word, name)
    country_names: dict[str, str] = {}
    country_display: dict[str, str] = {}
    countries = places.get("countries", {})
    for code in sorted(countries):
        names = _words(countries, code, root / "places.yaml")
        if names:
            country_display[code.upper()] = names[0].title() if "." not in names[0] else names[0].upper()
        for name in names:
            country_names[name] = code.upper()
            country_names[name.replace(".", "")] = code.upper()  # tokens drop the final dot: "U.S"
    return Vocabulary(
        trigger_class=trigger_class,
        measured_classes=frozenset(_words(events, "measured", root / "events.yaml")),
        speculative=frozenset(_words(modality, "speculative", root / "modality.yaml")),
        denied=frozenset(_words(modality, "denied", root / "modality.yaml")),
        scheduled=frozenset(_words(modality, "scheduled", root / "modality.yaml")),
        boilerplate_prefixes=tuple(_words(modality, "boilerplate_prefixes", root / "modality.yaml")),
        translation_cues=tuple(_words(modality, "translation_cues", root / "modality.yaml")),
        title_heads=frozenset(_words(roles, "heads", root / "roles.yaml")),
        title_modifiers=frozenset(_words(roles, "modifiers", root / "roles.yaml")),
        unique_markers=frozenset(_words(roles, "unique_markers", root / "roles.yaml")),
        unique_titles=frozenset(_words(roles, "unique_titles", root / "roles.yaml")),
        not_current=frozenset(_words(roles, "not_current", root / "roles.yaml")),
        former_markers=frozenset(_words(roles, "former", root / "roles.yaml")),
        country_names=country_names,
        country_display=country_display,
        not_location_after=frozenset(_words(places, "not_location_after", root / "places.yaml")),
        modality_by_language=_modality_by_language(modality, root / "modality.yaml"),
        bearings=_bearings(places, root / "places.yaml"),
        region_nouns=frozenset(_words(places, "region_nouns", root / "places.yaml")),
        slots=load_slots(root / "slots.yaml"),
    )
