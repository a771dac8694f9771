"""Score findings against a hand-made answer key (the gold format of tests/gold/README.md).

A finding's evidence is the set of (article file name, line) pairs it cites, refined by the
cited words where both the evidence and the claim give them (one long line can hold several
claims). It hits a
contradiction item when it covers claims carrying at least two different values of that item;
a finding that hits none is a false alarm, and a false alarm citing claims of a compatible item
is counted apart as the worst kind.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import yaml

from .models import Finding


class GoldError(Exception):
    pass


@dataclass(frozen=True)
class Claim:
    article: str
    line: int
    text: str
    value: str


@dataclass(frozen=True)
class Item:
    id: str
    kind: str
    subject: str
    verdict: str
    claims: tuple[Claim, ...]
    stretch: bool = False


@dataclass
class Score:
    items: list[Item]
    hits: dict[str, list[str]] = field(default_factory=dict)  # item id -> finding ids
    false_alarms: list[Finding] = field(default_factory=list)
    on_compatible: dict[str, list[str]] = field(default_factory=dict)  # finding id -> compatible item ids
    findings: int = 0

    def _core(self) -> list[Item]:
        return [i for i in self.items if i.verdict == "contradiction" and not i.stretch]

    def _stretch(self) -> list[Item]:
        return [i for i in self.items if i.verdict == "contradiction" and i.stretch]

    @property
    def recall(self) -> float:
        core = self._core()
        return sum(1 for i in core if i.id in self.hits) / len(core) if core else 1.0

    @property
    def stretch_recall(self) -> float:
        items = self._stretch()
        return sum(1 for i in items if i.id in self.hits) / len(items) if items else 1.0

    @property
    def precision(self) -> float:
        if not self.findings:
            return 1.0
        return (self.findings - len(self.false_alarms)) / self.findings

    @property
    def duplicates(self) -> int:
        return sum(len(ids) - 1 for ids in self.hits.values() if len(ids) > 1)


def load_gold(path: Path) -> list[Item]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise GoldError(f"{path}: cannot read answer key: {exc}")
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise GoldError(f"{path}: an answer key needs a list of 'items'")
    items = []
    for n, raw in enumerate(data["items"], 1):
        try:
            claims = tuple(Claim(str(c["article"]), int(c["line"]), str(c.get("text", "")), str(c["value"]))
                           for c in raw["claims"])
            items.append(Item(str(raw["id"]), str(raw.get("kind", "")), str(raw.get("subject", "")),
                              str(raw["verdict"]), claims, bool(raw.get("stretch", False))))
        except (KeyError, TypeError, ValueError) as exc:
            raise GoldError(f"{path}: item {n} is malformed ({exc})")
    return items


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[“”\"‘’'.,;:]", " ", text.lower()).split())


def cites(finding: Finding, claim: Claim) -> bool:
    """The finding cites the claim's line, and, where both give words, words that overlap.

    Several claims can share one long line; the words tell which of them a finding is about.
    """
    for e in finding.evidence:
        if posixpath.basename(e.article.replace("\\", "/")) != claim.article or e.line != claim.line:
            continue
        a, b = _plain(e.text), _plain(claim.text)
        if not a or not b or a in b or b in a:
            return True
    return False


def score(findings: Sequence[Finding], items: Sequence[Item]) -> Score:
    result = Score(list(items), findings=len(findings))
    for finding in findings:
        hit = False
        for item in items:
            values = {c.value for c in item.claims if cites(finding, c)}
            if item.verdict == "contradiction" and len(values) >= 2:
                result.hits.setdefault(item.id, []).append(finding.id)
                hit = True
            elif item.verdict == "compatible" and values:
                result.on_compatible.setdefault(finding.id, []).append(item.id)
        if not hit:
            result.false_alarms.append(finding)
        else:
            result.on_compatible.pop(finding.id, None)  # built on a contradiction, not on these
    return result


def render_score(result: Score) -> str:
    lines = [
        f"recall {result.recall:.2f} ({sum(1 for i in result._core() if i.id in result.hits)}/{len(result._core())} core contradictions)",
        f"stretch recall {result.stretch_recall:.2f} ({sum(1 for i in result._stretch() if i.id in result.hits)}/{len(result._stretch())}, reported apart)",
        f"precision {result.precision:.2f} ({result.findings - len(result.false_alarms)}/{result.findings} findings hit)",
        f"false alarms on compatible items: {len(result.on_compatible)}",
        f"duplicate findings for one item: {result.duplicates}",
        "",
        "| kind | items | hit |",
        "|---|---|---|",
    ]
    kinds: dict[str, list[Item]] = {}
    for item in result.items:
        if item.verdict == "contradiction":
            kinds.setdefault(item.kind, []).append(item)
    for kind in sorted(kinds):
        group = kinds[kind]
        lines.append(f"| {kind} | {len(group)} | {sum(1 for i in group if i.id in result.hits)} |")
    lines.append("")
    for item in result.items:
        if item.verdict == "contradiction" and item.id not in result.hits:
            lines.append(f"miss: {item.id}{' (stretch)' if item.stretch else ''}: {item.subject}")
    for finding in result.false_alarms:
        on = result.on_compatible.get(finding.id)
        where = ", ".join(f"{e.article}:{e.line}" for e in finding.evidence)
        lines.append(f"false alarm: {finding.rule} {finding.subject} [{where}]"
                     + (f" (cites compatible item {', '.join(on)})" if on else ""))
    return "\n".join(lines) + "\n"


def as_dict(result: Score) -> dict[str, Any]:
    return {"recall": result.recall, "stretch_recall": result.stretch_recall, "precision": result.precision,
            "false_alarms": len(result.false_alarms), "on_compatible": len(result.on_compatible),
            "hits": {k: v for k, v in sorted(result.hits.items())}}
