"""SARIF 2.1.0 output for code-scanning UIs (GitHub, Azure DevOps, VS Code's SARIF viewer).

One result per finding. The primary location is the evidence in the article under review (in CI
mode: a new article); every other source is a related location, so a reviewer sees both sides of
the disagreement next to each other. ``partialFingerprints`` carries the finding's stable id so
code-scanning keeps an alert's history across edits, just as the baseline does. Message text from
the articles has its brackets escaped (SARIF 3.11.6: an unescaped ``[text](target)`` is an embedded
link) and control and bidirectional-override characters shown by their code point.
"""

from __future__ import annotations

import json
import posixpath
from typing import Any, Collection, Optional, Sequence
from urllib.parse import quote

from consistency.models import Evidence, Finding, Rule
from consistency.report.escape import sarif_text

SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
TOOL_NAME = "consistency"
INFORMATION_URI = "https://pypi.org/project/consistency/"
FINGERPRINT_KEY = "consistency/v1"
# Relative artifact URIs are resolved against the checkout root by SARIF consumers.
SRCROOT = "%SRCROOT%"

_SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def sarif_level(level: str) -> str:
    """Our level (error/warning/info) as a SARIF level (error/warning/note)."""
    return _SARIF_LEVELS.get(level, "warning")


def normalize_path(path: str) -> str:
    """A path as given, with forward slashes and without ``./`` or ``a/../`` noise.

    Used both for URIs and for comparing evidence paths with the list of new articles, so that
    ``./new/a.txt`` and ``new\\a.txt`` name the same file.
    """
    posix = path.replace("\\", "/")
    if not posix:
        return posix
    normal = posixpath.normpath(posix)
    return "" if normal == "." else normal


def primary_evidence(finding: Finding, new_paths: Optional[Collection[str]]) -> Optional[Evidence]:
    """The evidence a result is anchored on: the first one in a new article, else the first one.

    In CI the annotation belongs on the article being added, not on the archive it disagrees with.
    """
    if not finding.evidence:
        return None
    if new_paths:
        wanted = {normalize_path(p) for p in new_paths}
        for evidence in finding.evidence:
            if normalize_path(evidence.article) in wanted:
                return evidence
    return finding.evidence[0]


def artifact_location(path: str) -> dict[str, Any]:
    """A SARIF artifactLocation: relative paths against %SRCROOT%, absolute ones as file URIs."""
    normal = normalize_path(path)
    if normal.startswith("/") or (len(normal) > 1 and normal[1] == ":"):
        # Absolute (POSIX or Windows drive) path: no base id can make it relative.
        uri_path = normal if normal.startswith("/") else "/" + normal
        return {"uri": "file://" + quote(uri_path, safe="/:")}
    return {"uri": quote(normal, safe="/"), "uriBaseId": SRCROOT}


def _region(evidence: Evidence) -> dict[str, Any]:
    region: dict[str, Any] = {
        "startLine": max(1, evidence.line),
        "startColumn": max(1, evidence.column),
    }
    # endColumn is exclusive in SARIF; only meaningful when the words sit on one line.
    if evidence.text and "\n" not in evidence.text:
        region["endColumn"] = region["startColumn"] + len(evidence.text)
    return region


def _evidence_message(evidence: Evidence) -> str:
    published = f", published {evidence.published.isoformat()}" if evidence.published else ""
    return sarif_text(f'"{evidence.text}" = {evidence.value} (side {evidence.side}{published})')


def _location(evidence: Evidence, location_id: Optional[int] = None) -> dict[str, Any]:
    location: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": artifact_location(evidence.article),
            "region": _region(evidence),
        },
        "message": {"text": _evidence_message(evidence)},
    }
    if location_id is not None:
        location["id"] = location_id
    return location


def _result(finding: Finding, rule_index: dict[str, int],
            new_paths: Optional[Collection[str]]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": sarif_level(finding.level),
        "message": {"text": sarif_text(finding.message)},
        "partialFingerprints": {FINGERPRINT_KEY: finding.id},
        "properties": {
            "kind": finding.kind,
            "relation": finding.relation,
            "subject": finding.subject,
        },
    }
    if finding.rule in rule_index:
        result["ruleIndex"] = rule_index[finding.rule]
    primary = primary_evidence(finding, new_paths)
    if primary is not None:
        result["locations"] = [_location(primary)]
        # Identity, not equality: two evidence rows may be equal yet both worth listing.
        skipped = False
        related = []
        for evidence in finding.evidence:
            if not skipped and evidence is primary:
                skipped = True
                continue
            # Ids keep related locations distinct (the schema wants them unique).
            related.append(_location(evidence, location_id=len(related) + 1))
        if related:
            result["relatedLocations"] = related
    if finding.notes:
        result["properties"]["notes"] = list(finding.notes)
    return result


def _rule_descriptor(rule: Rule) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.name},
        "fullDescription": {"text": rule.rationale or rule.name},
        "defaultConfiguration": {"level": sarif_level(rule.level)},
        "properties": {"tags": [rule.kind] if rule.kind else [], "check": rule.check},
    }
    if rule.message:
        descriptor["help"] = {"text": rule.message}
    return descriptor


def render_sarif(findings: Sequence[Finding], rules: Sequence[Rule],
                 new_paths: Optional[Collection[str]], tool_version: str,
                 information_uri: str = INFORMATION_URI) -> str:
    """The findings as a SARIF 2.1.0 log (one run), as deterministic indented JSON."""
    ordered_rules = sorted(rules, key=lambda r: r.code)
    rule_index = {rule.code: i for i, rule in enumerate(ordered_rules)}
    log = {
        "$schema": SARIF_SCHEMA_URI,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": TOOL_NAME,
                        "version": tool_version,
                        "informationUri": information_uri,
                        "rules": [_rule_descriptor(rule) for rule in ordered_rules],
                    }
                },
                "invocations": [{"executionSuccessful": True}],
                # Our columns count Python characters (code points), not UTF-16 units.
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, rule_index, new_paths) for f in findings],
            }
        ],
    }
    return json.dumps(log, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
