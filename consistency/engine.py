"""Rules stage: run each rule's check over the linked groups and build findings.

One finding per disagreement: a group yields at most one finding per rule, listing every source
on each side. Finding ids are a fingerprint of the rule, the subject key and the values, so they
survive edits that move lines.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Optional, Sequence

from .checks import Verdict, check_clock, check_direction, check_interval, check_title_tense, check_location, check_quote, check_role, check_weekday
from .config import Config
from .link import Group
from .models import Agreement, Article, Evidence, Finding, Mention, Rule
from .normalize.places import Gazetteer
from .ruleset import RuleSet

LEVEL_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Outcome:
    findings: tuple[Finding, ...]
    agreements: tuple[Agreement, ...]
    variants: tuple[Agreement, ...]


def fingerprint(rule: str, key: str, values: Sequence[str]) -> str:
    text = "\x1f".join([rule, key, *sorted(set(values))])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _applies(rule: Rule, group: Group) -> bool:
    families = rule.param("families") or ()
    return group.family in families


def _verdict(rule: Rule, group: Group, gazetteer: Gazetteer, published: dict[str, Optional[date]],
             languages: dict[str, str]) -> Optional[Verdict]:
    if rule.check in ("interval", "figure-update"):
        verdict = check_interval(group, rule, published)
        if verdict is None:
            return None
        wanted = "update" if rule.check == "figure-update" else "conflict"
        if verdict.relation in ("conflict", "update") and verdict.relation != wanted:
            return None
        return verdict
    if rule.check == "direction":
        return check_direction(group, rule)
    if rule.check == "clock":
        return check_clock(group, rule)
    if rule.check == "location":
        return check_location(group, rule, gazetteer)
    if rule.check == "title-tense":
        return check_title_tense(group, rule)
    if rule.check == "role-holder":
        return check_role(group, rule)
    if rule.check == "quote-wording":
        return check_quote(group, rule, languages)
    return None


def _describe(side: Sequence[Mention]) -> str:
    values = sorted({m.value for m in side})
    sources = len({m.article for m in side})
    return f"{' / '.join(values)} ({sources} source{'s' if sources != 1 else ''})"


WEAK_LINK = 0.9  # below this link score an error is said as a warning


def _finding(rule: Rule, key: str, subject: str, verdict: Verdict, articles: dict[str, Article],
             config: Config, score: float = 1.0) -> Finding:
    evidence = []
    for side_number, side in enumerate(verdict.sides):
        for m in sorted(side, key=lambda m: (m.path, m.line, m.column)):
            article = articles.get(m.article)
            evidence.append(Evidence(article=m.path, article_id=m.article,
                                     published=article.published if article else None,
                                     line=m.line, column=m.column, text=m.raw, value=m.value,
                                     side=side_number, sentence=m.sentence))
    values_text = " vs ".join(_describe(side) for side in verdict.sides)
    message = rule.message.format(subject=subject, values=values_text, why=verdict.why).strip()
    message = message[:1].upper() + message[1:]
    level = "info" if verdict.relation == "update" else rule.level
    if level == "error" and score < WEAK_LINK:
        level = "warning"
    return Finding(id=fingerprint(rule.code, key, [m.value for side in verdict.sides for m in side]),
                   rule=rule.code, name=rule.name, level=level, relation=verdict.relation, kind=rule.kind,
                   subject=subject, message=message, evidence=tuple(evidence),
                   notes=tuple(_staleness(verdict, articles, config)), diff=verdict.diff)


def _staleness(verdict: Verdict, articles: dict[str, Article], config: Config) -> list[str]:
    """Say so when one side's newest source is much older than another side's."""
    newest = []
    for side in verdict.sides:
        dates = [articles[m.article].published for m in side if m.article in articles and articles[m.article].published]
        newest.append(max(dates) if dates else None)  # type: ignore[type-var]
    known = [d for d in newest if d is not None]
    if len(known) < 2:
        return []
    latest = max(known)
    notes = []
    for side, when in zip(verdict.sides, newest):
        if when is not None and (latest - when).days >= config.stale_days:
            values = ", ".join(sorted({m.value for m in side}))
            notes.append(f"The sources for {values} are older: the newest was published {when.isoformat()}, "
                         f"{(latest - when).days} days before the newest source on another side; "
                         f"plans may have changed since.")
    return notes


def run_rules(groups: Sequence[Group], mentions: Sequence[Mention], ruleset: RuleSet,
              articles: Sequence[Article], gazetteer: Gazetteer, config: Config,
              weekdays: Optional[dict[str, int]] = None) -> Outcome:
    """``weekdays``: the weekday names of every language read (Monday = 0), English first."""
    by_id = {a.id: a for a in articles}
    published = {a.id: a.published for a in articles}
    languages = {a.id: a.language for a in articles}
    findings: dict[str, Finding] = {}
    agreements: list[Agreement] = []
    variants: list[Agreement] = []
    for group in groups:
        agreed = None
        for rule in ruleset.rules:
            if not _applies(rule, group):
                continue
            verdict = _verdict(rule, group, gazetteer, published, languages)
            if verdict is None:
                continue
            if verdict.relation in ("conflict", "update"):
                finding = _finding(rule, group.key, group.subject, verdict, by_id, config, group.score)
                findings.setdefault(finding.id, finding)
                agreed = False
            elif verdict.relation == "variant":
                variants.append(Agreement(group.family, group.subject, " / ".join(sorted({m.value for s in verdict.sides for m in s})),
                                          len({m.article for s in verdict.sides for m in s})))
                agreed = False
            elif agreed is None and verdict.relation == "compatible":
                agreed = True
        if agreed:
            agreements.append(Agreement(group.family, group.subject, _agreed_value(group),
                                        len(group.articles), group.mentions))
    for rule in ruleset.rules:
        if rule.check == "weekday":
            names = weekdays or {}
            # The message names a day in the first language listed (English).
            shown = [next((w for w, i in names.items() if i == day), "") for day in range(7)]
            for verdict in check_weekday(mentions, names, shown):
                m = verdict.sides[0][0]
                key = f"weekday|{m.article}|{m.value}|{verdict.diff}"
                finding = _finding(rule, key, f"weekday of {m.value} in {m.path}", verdict, by_id, config)
                findings.setdefault(finding.id, finding)
    ordered = sorted(findings.values(), key=lambda f: (LEVEL_ORDER[f.level], f.rule, f.subject, f.id))
    return Outcome(tuple(ordered), tuple(sorted(agreements, key=lambda a: (a.kind, a.subject))),
                   tuple(sorted(variants, key=lambda a: (a.kind, a.subject))))


def _agreed_value(group: Group) -> str:
    """The most precise value the sources agree on."""
    def width(m: Mention) -> float:
        return m.interval.width if m.interval is not None else 0.0

    best = min(group.mentions, key=lambda m: (width(m), m.value))
    return best.value
