"""Vocabularies kept as data under rules/vocab/: triggers, modality words, titles, places.

Loaded once per run into a frozen ``Vocabulary`` and passed down explicitly.
"""

from __future__ import annotations

from dataclasses import dataclass
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
    country_names: dict[str, str]  # lower-case name or demonym -> ISO alpha-2
    country_display: dict[str, str]  # ISO alpha-2 -> the first name listed, for messages
    not_location_after: frozenset[str]


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
        country_names=country_names,
        country_display=country_display,
        not_location_after=frozenset(_words(places, "not_location_after", root / "places.yaml")),
    )
