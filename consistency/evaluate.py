"""Score findings against a hand-made answer key.

Two answer-key formats are read as they are:

- the seeds' (tests/gold/README.md): top key ``items``; each claim names its ``article`` file, its
  ``line``, its ``text`` and its ``value``; claims with the same value are one side.
- the development stories': top key ``discrepancies``; each claim names its ``file`` (``NN.txt``,
  matched to ``NN.md`` or any other file with that stem), its verbatim ``text`` and its ``side``
  (-1: context only); verdicts ``contradiction``, ``update-over-time``, ``compatible-but-tricky``;
  a ``confidence``. A claim's line is found by searching the article file for its text.

The definitions are those of the development scorer, so both give the same figures for one run:
an **alarm** is a finding at warning or error whose relation is not ``update``. Evidence cites a
claim when it is in a file with the claim's stem, on the claim's line (where both know it), and
its words and the claim's overlap (one contains the other after the same normalisation). An alarm
**hits** a contradiction when it cites claims on two of its sides; precision = alarms that hit /
alarms; recall = contradictions hit / contradictions (stretch items apart); firm leaves out
low-confidence items. A compatible item is alarmed when one alarm cites its claims in two files;
an update is called a conflict when one alarm cites two of its sides.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional, Sequence

import yaml

from .models import Evidence, Finding

ALARM_LEVELS = ("error", "warning")
REPORT_SCHEMA = "consistency.report/1"
_DEV_VERDICTS = {"contradiction": "contradiction", "update-over-time": "update",
                 "compatible-but-tricky": "compatible"}
_SEED_VERDICTS = {"contradiction": "contradiction", "compatible": "compatible"}


class GoldError(Exception):
    pass


class ReportError(Exception):
    pass


@dataclass(frozen=True)
class Claim:
    file: str  # file stem: "05" for 05.txt, matched to 05.md
    line: Optional[int]  # 1-based file line; None until found (or when the text is not in the file)
    text: str
    side: int  # claims on one side state one value; -1 is context only
    value: str = ""


@dataclass(frozen=True)
class Item:
    id: str
    kind: str
    subject: str
    verdict: str  # contradiction | compatible | update
    claims: tuple[Claim, ...]
    stretch: bool = False
    confidence: str = "high"


def file_stem(path: str) -> str:
    """The file name without its last suffix: how claims and evidence are matched."""
    return posixpath.basename(str(path).replace("\\", "/")).rsplit(".", 1)[0]


def normalize_words(text: str) -> str:
    """Curly quotes straightened, whitespace collapsed, outer double quotes dropped, lower case."""
    text = str(text).replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip().strip('"').lower()


# --- the answer key ---------------------------------------------------------------------------

def _seed_items(path: Path, raw_items: list[Any]) -> list[Item]:
    items = []
    for n, raw in enumerate(raw_items, 1):
        try:
            values: dict[str, int] = {}
            claims = []
            for c in raw["claims"]:
                side = values.setdefault(str(c["value"]), len(values))  # sides follow the values
                claims.append(Claim(file_stem(c["article"]), int(c["line"]), str(c.get("text", "")), side,
                                    str(c["value"])))
            verdict = _SEED_VERDICTS[str(raw["verdict"])]
            items.append(Item(str(raw["id"]), str(raw.get("kind", "")), str(raw.get("subject", "")), verdict,
                              tuple(claims), bool(raw.get("stretch", False))))
        except (KeyError, TypeError, ValueError) as exc:
            raise GoldError(f"{path}: item {n} is malformed ({exc!r})")
    return items


def _dev_items(path: Path, raw_items: list[Any]) -> list[Item]:
    items = []
    for n, raw in enumerate(raw_items, 1):
        try:
            verdict = _DEV_VERDICTS[str(raw["verdict"])]
            claims = tuple(Claim(file_stem(c["file"]), None, str(c["text"]), int(c.get("side", -1)),
                                 str(c.get("normalized", "")))
                           for c in raw["claims"])
            items.append(Item(str(raw["id"]), str(raw.get("type", "")), str(raw.get("subject", "")), verdict,
                              claims, False, str(raw.get("confidence", "high"))))
        except (KeyError, TypeError, ValueError) as exc:
            raise GoldError(f"{path}: discrepancy {n} is malformed ({exc!r})")
    return items


def load_gold(path: Path) -> list[Item]:
    """The items of an answer key in either format; claims of the development format have no line
    yet (``place_claims`` finds them in the article files)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise GoldError(f"{path}: cannot read answer key: {exc}")
    if isinstance(data, dict) and isinstance(data.get("items"), list):
        return _seed_items(path, data["items"])
    if isinstance(data, dict) and isinstance(data.get("discrepancies"), list):
        return _dev_items(path, data["discrepancies"])
    raise GoldError(f"{path}: an answer key needs a list of 'items' or of 'discrepancies'")


def _file_lines(path: str) -> list[str]:
    try:
        # Universal newlines and str.splitlines, as the development scorer counts lines.
        return Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []


def place_claims(items: Sequence[Item], files: Iterable[str]) -> list[Item]:
    """Give each claim without a line the first line of its file that holds its text.

    ``files`` are the article files as the checker read them; a claim's file is the one with its
    stem. A claim whose text is in none of them keeps no line and is matched on words alone.
    """
    by_stem: dict[str, list[str]] = {}
    for f in sorted(set(files)):
        by_stem.setdefault(file_stem(f), []).append(f)
    cache: dict[str, list[str]] = {}

    def find(claim: Claim) -> Optional[int]:
        for f in by_stem.get(claim.file, []):
            if f not in cache:
                cache[f] = _file_lines(f)
            for number, line in enumerate(cache[f], 1):
                if claim.text in line:
                    return number
        return None

    out = []
    for item in items:
        claims = tuple(replace(c, line=find(c)) if c.line is None else c for c in item.claims)
        out.append(replace(item, claims=claims))
    return out


# --- a JSON report ----------------------------------------------------------------------------

def read_report(data: Any) -> tuple[list[Finding], dict[str, str]]:
    """Findings and article languages (path -> language) of a ``consistency.report/1`` document."""
    if not isinstance(data, dict) or data.get("schema") != REPORT_SCHEMA:
        raise ReportError(f"not a {REPORT_SCHEMA} report")
    findings = []
    try:
        for f in data.get("findings", []):
            evidence = tuple(
                Evidence(article=str(e.get("article", "")), article_id="",
                         published=date.fromisoformat(e["published"]) if e.get("published") else None,
                         line=e.get("line"), column=e.get("column") or 0, text=str(e.get("text") or ""),
                         value=str(e.get("value") or ""), side=e.get("side", 0))
                for e in f.get("evidence", []))
            findings.append(Finding(id=str(f.get("id", "")), rule=str(f.get("rule", "")), name=str(f.get("name", "")),
                                    level=str(f.get("level", "")), relation=str(f.get("relation") or "conflict"),
                                    kind=str(f.get("kind", "")), subject=str(f.get("subject", "")),
                                    message=str(f.get("message", "")), evidence=evidence))
        languages = {str(a["path"]): str(a.get("language") or "") for a in data.get("articles", [])}
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        raise ReportError(f"malformed report ({exc!r})")
    return findings, languages


# --- scoring ----------------------------------------------------------------------------------

def is_alarm(finding: Finding) -> bool:
    return finding.level in ALARM_LEVELS and finding.relation != "update"


def cites(evidence: Evidence, claim: Claim) -> bool:
    """Same file stem, the same line where both know it, and overlapping words.

    Several claims can share one long line; the words tell which of them the evidence is about.
    """
    if file_stem(evidence.article) != claim.file:
        return False
    if claim.line is not None and evidence.line is not None and evidence.line != claim.line:
        return False
    a, b = normalize_words(evidence.text), normalize_words(claim.text)
    if not a:
        return claim.line is not None and evidence.line == claim.line
    return a in b or b in a


def _cited(finding: Finding, item: Item) -> list[Claim]:
    return [c for c in item.claims if any(cites(e, c) for e in finding.evidence)]


def _sides(claims: Iterable[Claim]) -> set[int]:
    return {c.side for c in claims if c.side >= 0}


def _ratio(part: int, whole: int) -> Optional[float]:
    return round(part / whole, 3) if whole else None


@dataclass
class Score:
    items: list[Item]
    findings: int = 0
    alarms: list[Finding] = field(default_factory=list)
    hits: dict[str, list[str]] = field(default_factory=dict)  # contradiction id -> alarm ids
    false_alarms: list[Finding] = field(default_factory=list)  # alarms that hit no contradiction
    on_compatible: dict[str, list[str]] = field(default_factory=dict)  # compatible id -> alarm ids
    update_as_conflict: dict[str, list[str]] = field(default_factory=dict)  # update id -> alarm ids
    update_as_info: set[str] = field(default_factory=set)  # updates whose sides a lower finding covers
    english: frozenset[str] = frozenset()  # file stems of the articles read as English

    def core(self) -> list[Item]:
        return [i for i in self.items if i.verdict == "contradiction" and not i.stretch]

    def firm(self) -> list[Item]:
        return [i for i in self.core() if i.confidence != "low"]

    def firm_english(self) -> list[Item]:
        """Firm items whose every claim is in an article the checker read as English."""
        return [i for i in self.firm() if all(c.file in self.english for c in i.claims)]

    def firm_other(self) -> list[Item]:
        """Firm items with a claim in an article not read as English (the languages' measure)."""
        english = {i.id for i in self.firm_english()}
        return [i for i in self.firm() if i.id not in english]

    def stretch(self) -> list[Item]:
        return [i for i in self.items if i.verdict == "contradiction" and i.stretch]

    def hit(self, items: Sequence[Item]) -> int:
        return sum(1 for i in items if i.id in self.hits)

    @property
    def alarms_hit(self) -> int:
        return len(self.alarms) - len(self.false_alarms)

    @property
    def precision(self) -> Optional[float]:
        return _ratio(self.alarms_hit, len(self.alarms))

    @property
    def recall(self) -> Optional[float]:
        return _ratio(self.hit(self.core()), len(self.core()))

    @property
    def recall_firm(self) -> Optional[float]:
        return _ratio(self.hit(self.firm()), len(self.firm()))

    @property
    def recall_firm_english(self) -> Optional[float]:
        return _ratio(self.hit(self.firm_english()), len(self.firm_english()))

    @property
    def stretch_recall(self) -> Optional[float]:
        return _ratio(self.hit(self.stretch()), len(self.stretch()))

    @property
    def duplicates(self) -> int:
        return sum(len(ids) - 1 for ids in self.hits.values() if len(ids) > 1)

    def count(self, verdict: str) -> int:
        return sum(1 for i in self.items if i.verdict == verdict)


def english_stems(languages: Mapping[str, str]) -> frozenset[str]:
    """Stems whose every article (path -> language) was read as English."""
    seen: dict[str, bool] = {}
    for path, language in languages.items():
        stem = file_stem(path)
        seen[stem] = seen.get(stem, True) and language == "en"
    return frozenset(stem for stem, english in seen.items() if english)


def score(findings: Sequence[Finding], items: Sequence[Item],
          languages: Optional[Mapping[str, str]] = None) -> Score:
    """Score ``findings`` against ``items``; ``languages`` (article path -> language) for the
    English-only recall."""
    result = Score(list(items), findings=len(findings), english=english_stems(languages or {}))
    result.alarms = [f for f in findings if is_alarm(f)]
    for finding in result.alarms:
        hit = False
        for item in items:
            cited = _cited(finding, item)
            if item.verdict == "contradiction" and len(_sides(cited)) >= 2:
                result.hits.setdefault(item.id, []).append(finding.id)
                hit = True
            elif item.verdict == "compatible" and len({c.file for c in cited}) >= 2:
                result.on_compatible.setdefault(item.id, []).append(finding.id)
            elif item.verdict == "update" and len(_sides(cited)) >= 2:
                result.update_as_conflict.setdefault(item.id, []).append(finding.id)
        if not hit:
            result.false_alarms.append(finding)
    for finding in findings:
        if is_alarm(finding):
            continue
        for item in items:
            if item.verdict == "update" and len(_sides(_cited(finding, item))) >= 2:
                result.update_as_info.add(item.id)
    return result


def as_dict(result: Score) -> dict[str, Any]:
    """The figures under the development scorer's names, then the ones it does not compute."""
    core, firm, english = result.core(), result.firm(), result.firm_english()
    return {
        "findings": result.findings, "alarms": len(result.alarms),
        "precision": result.precision, "recall": result.recall, "recall_firm": result.recall_firm,
        "hit": result.hit(core), "contradictions": len(core),
        "stretch_hit": result.hit(result.stretch()), "stretch": len(result.stretch()),
        "compatible_alarmed": len(result.on_compatible), "compatible": result.count("compatible"),
        "update_as_conflict": len(result.update_as_conflict), "update_as_info": len(result.update_as_info),
        "updates": result.count("update"), "unmatched_alarms": len(result.false_alarms),
        "alarms_hit": result.alarms_hit, "firm": len(firm), "firm_hit": result.hit(firm),
        "recall_firm_english": result.recall_firm_english, "firm_english": len(english),
        "firm_english_hit": result.hit(english), "duplicates": result.duplicates,
        "firm_other": len(result.firm_other()), "firm_other_hit": result.hit(result.firm_other()),
        "by_type": by_type(result),
        "missed": [{"id": i.id, "type": i.kind, "subject": i.subject, "confidence": i.confidence,
                    "stretch": i.stretch}
                   for i in result.items if i.verdict == "contradiction" and i.id not in result.hits],
        "false_alarms": [{"rule": f.rule, "subject": f.subject, "message": f.message}
                         for f in result.false_alarms],
    }


def by_type(result: Score) -> list[dict[str, Any]]:
    """One row per item type, in name order."""
    rows = []
    for kind in sorted({i.kind for i in result.items}):
        items = [i for i in result.items if i.kind == kind]
        core = [i for i in items if i.verdict == "contradiction" and not i.stretch]
        firm = [i for i in core if i.confidence != "low"]
        rows.append({
            "type": kind, "contradictions": len(core), "hit": result.hit(core),
            "firm": len(firm), "firm_hit": result.hit(firm),
            "compatible": sum(1 for i in items if i.verdict == "compatible"),
            "compatible_alarmed": sum(1 for i in items if i.id in result.on_compatible),
            "updates": sum(1 for i in items if i.verdict == "update"),
            "update_as_conflict": sum(1 for i in items if i.id in result.update_as_conflict),
        })
    return rows


def _figure(value: Optional[float], part: int, whole: int) -> str:
    return f"{value:.3f} ({part}/{whole})" if value is not None else f"n/a (0/{whole})"


def render_score(result: Score) -> str:
    core, firm, english = result.core(), result.firm(), result.firm_english()
    lines = [
        f"findings {result.findings}, alarms {len(result.alarms)} (warning or error, not an update)",
        f"precision {_figure(result.precision, result.alarms_hit, len(result.alarms))} alarms hit a contradiction",
        f"recall {_figure(result.recall, result.hit(core), len(core))} contradictions",
        f"recall firm {_figure(result.recall_firm, result.hit(firm), len(firm))} leaving out low confidence",
        f"recall firm English {_figure(result.recall_firm_english, result.hit(english), len(english))} "
        "firm items whose claims are all in articles read as English",
        f"recall firm other languages {_figure(_ratio(result.hit(result.firm_other()), len(result.firm_other())), result.hit(result.firm_other()), len(result.firm_other()))} "
        "firm items with a claim in another language",
    ]
    if result.stretch():
        lines.append(f"stretch recall {_figure(result.stretch_recall, result.hit(result.stretch()), len(result.stretch()))}"
                     " reported apart")
    lines += [
        f"compatible items alarmed {len(result.on_compatible)}/{result.count('compatible')}",
        f"updates called conflicts {len(result.update_as_conflict)}/{result.count('update')} "
        f"(reported below warning: {len(result.update_as_info)})",
        f"false alarms {len(result.false_alarms)} (alarms that hit no contradiction)",
        f"duplicate alarms for one contradiction {result.duplicates}",
        "",
        "| type | contradictions | hit | firm | firm hit | compatible | alarmed | updates | as conflicts |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in by_type(result):
        lines.append("| " + " | ".join(str(v) for v in row.values()) + " |")
    lines.append("")
    for item in result.items:
        if item.verdict == "contradiction" and item.id not in result.hits:
            flags = (" (stretch)" if item.stretch else "") + (" (low)" if item.confidence == "low" else "")
            lines.append(f"miss: {item.id}{flags}: {item.kind}: {item.subject}")
    for finding in result.false_alarms:
        on = [i for i, ids in sorted(result.on_compatible.items()) if finding.id in ids]
        lines.append(f"false alarm: {finding.rule}: {finding.subject}: {finding.message}"
                     + (f" (cites compatible item {', '.join(on)})" if on else ""))
    return "\n".join(lines) + "\n"
