"""The JSON report: the ``consistency.report/1`` contract (docs/report-format.md)."""

from __future__ import annotations

import json
from typing import Sequence

from ..models import Article, Finding

SCHEMA = "consistency.report/1"


def report_dict(articles: Sequence[Article], findings: Sequence[Finding], skipped: Sequence[tuple[str, str]] = (),
                filtered: int = 0) -> dict:
    return {
        "schema": SCHEMA,
        "articles": [
            {"id": a.id, "path": a.path, "published": a.published.isoformat() if a.published else None,
             "published_from": a.published_from, "language": a.language, "outlet": a.outlet,
             "title": a.title, "words": a.words}
            for a in articles
        ],
        "findings": [
            {"id": f.id, "rule": f.rule, "name": f.name, "level": f.level, "relation": f.relation,
             "kind": f.kind, "subject": f.subject, "message": f.message, "notes": list(f.notes),
             "diff": f.diff or None,
             "evidence": [{"article": e.article, "line": e.line, "column": e.column, "text": e.text,
                           "value": e.value, "side": e.side,
                           "published": e.published.isoformat() if e.published else None}
                          for e in f.evidence]}
            for f in findings
        ],
        "skipped": [{"path": p, "reason": r} for p, r in skipped],
        "baseline_filtered": filtered,
    }


def render_json(articles: Sequence[Article], findings: Sequence[Finding], skipped: Sequence[tuple[str, str]] = (),
                filtered: int = 0) -> str:
    return json.dumps(report_dict(articles, findings, skipped, filtered), indent=2, ensure_ascii=False) + "\n"
