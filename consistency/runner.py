"""The whole pipeline as one call: ingest -> extract -> normalize -> link -> rules.

This is the Python API; the CLI and the reporters sit on top of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Sequence

from .config import Config
from .engine import Outcome, run_rules
from .extract.pipeline import Extractor
from .ingest import read_articles
from .link import link
from .models import Agreement, Article, Finding, InputError, Mention
from .progress import Report
from .normalize.english import load_english_words
from .normalize.multilingual import LanguagePack, language_notice, load_language_packs
from .normalize.places import Gazetteer
from .resolve import resolve
from .suppress import IgnoreFileError, load_ignore
from .ruleset import RuleSet, load_ruleset
from .vocab import Vocabulary, load_vocabulary


@dataclass
class Toolkit:
    """What a run builds once and reuses: vocabularies, gazetteer, rules, the NER model."""

    config: Config
    vocab: Vocabulary
    gazetteer: Gazetteer
    ruleset: RuleSet
    extractor: Extractor

    @property
    def weekdays(self) -> dict[str, int]:
        """Weekday names of every language read, English first (Monday = 0)."""
        names = {str(w).lower(): int(d) for w, d in load_english_words()["weekdays"].items()}
        for code in sorted(self.extractor.packs):
            for word, day in self.extractor.packs[code].table("weekdays").items():
                names.setdefault(str(word).lower(), int(day))
        return names

    @classmethod
    def build(cls, config: Config) -> "Toolkit":
        ruleset = load_ruleset(config.rules_dir).select(config.select, config.ignore)  # checks the folder first
        vocab = load_vocabulary(config.rules_dir)
        gazetteer = Gazetteer(vocab.country_names)
        packs = load_language_packs(config.rules_dir)
        return cls(config, vocab, gazetteer, ruleset, Extractor(config, vocab, gazetteer, packs=packs))


@dataclass
class CheckResult:
    articles: list[Article]
    mentions: list[Mention]
    findings: list[Finding]
    agreements: list[Agreement] = field(default_factory=list)
    variants: list[Agreement] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


def skipped_articles(articles: Sequence[Article], config: Config,
                     packs: Optional[dict[str, LanguagePack]] = None) -> list[tuple[str, str]]:
    """The articles not read, each with why: a language left out by the configuration, or one
    with no resources yet (see docs/languages.md for how to add one)."""
    out = []
    for a in articles:
        notice = language_notice(a.language, packs) if packs is not None and a.language != "und" else None
        if notice is not None:
            out.append((a.path, notice))
        elif not config.reads(a.language):
            out.append((a.path, f"language '{a.language}' is not read (configured: {', '.join(config.languages)})"))
    return out


def read_inputs(paths: Sequence[str], config: Config,
                progress: Optional[Report] = None) -> tuple[list[Article], list[InputError]]:
    """Read the articles, leaving out those matched by ``.consistencyignore`` in the working folder."""
    files = (lambda done, total: progress("read", done, total)) if progress is not None else None
    try:
        matcher = load_ignore(Path.cwd())
    except IgnoreFileError as exc:
        articles, errors = read_articles(paths, config, progress=files)
        return articles, errors + [InputError(str(exc.path), exc.reason, exc.line)]
    return read_articles(paths, config, skip=matcher.match if matcher is not None else None, progress=files)


def extract_all(kit: "Toolkit", articles: Sequence[Article], progress: Optional[Report] = None) -> list[Mention]:
    """Every article's mentions, telling ``progress`` how many articles are done."""
    readable = sum(1 for a in articles if kit.config.reads(a.language))
    told = (lambda done: progress("extracted", done, readable)) if progress is not None else None
    return kit.extractor.extract(articles, progress=told)


def judge(articles: Sequence[Article], mentions: Sequence[Mention], kit: Toolkit) -> Outcome:
    """Link the mentions of a set of articles and run the rules over the groups."""
    weekdays = kit.weekdays
    story = resolve(mentions, kit.vocab, kit.gazetteer, weekdays)
    groups = link(story, kit.config, kit.vocab)
    return run_rules(groups, story.mentions, kit.ruleset, articles, kit.gazetteer, kit.config, weekdays)


def check_paths(paths: Sequence[str], config: Config, kit: Optional[Toolkit] = None,
                progress: Optional[Report] = None) -> CheckResult:
    """The whole check; ``progress`` (a stage, done, total) hears of each file and article."""
    kit = kit or Toolkit.build(config)
    articles, errors = read_inputs(paths, config, progress)
    mentions = extract_all(kit, articles, progress)
    if progress is not None:
        progress("linked", 0, len(articles))
    outcome = judge(articles, mentions, kit)
    if progress is not None:
        progress("linked", len(articles), len(articles))
    return CheckResult(articles, mentions, list(outcome.findings), list(outcome.agreements),
                       list(outcome.variants), skipped_articles(articles, config, kit.extractor.packs), errors)
