"""The Markdown report editors read: counts, one section per finding, what agreed, what was skipped.

Everything that comes from an article or a file (paths, outlets, quoted words, values, subjects,
messages that hold them) goes through ``markdown_text``, so it shows as the characters written.
"""

from __future__ import annotations

from collections import Counter
from typing import Sequence

from ..models import Agreement, Article, Finding
from .escape import markdown_code, markdown_text

_cell = markdown_text


def _quoted(text: str) -> str:
    """The exact words in quotation marks, unless they already carry their own."""
    cell = _cell(text)
    return cell if cell[:1] in "“\"‘'" else f"“{cell}”"


def render_markdown(articles: Sequence[Article], findings: Sequence[Finding], agreements: Sequence[Agreement] = (),
                    variants: Sequence[Agreement] = (), skipped: Sequence[tuple[str, str]] = (),
                    filtered: int = 0) -> str:
    counts = Counter(f.level for f in findings)
    out = ["# Consistency report", ""]
    out.append(f"{len(articles)} article{'s' if len(articles) != 1 else ''} read; "
               f"{len(findings)} finding{'s' if len(findings) != 1 else ''}: "
               f"{counts['error']} error, {counts['warning']} warning, {counts['info']} info.")
    if filtered:
        out.append(f"{filtered} known finding{'s' if filtered != 1 else ''} filtered by the baseline.")
    out.append("")
    out += ["## Articles", "", "| article | outlet | published | date from | language | words |",
            "|---|---|---|---|---|---|"]
    for a in articles:
        out.append(f"| {_cell(a.path)} | {_cell(a.outlet or '')} | {a.published.isoformat() if a.published else '?'} "
                   f"| {_cell(a.published_from)} | {_cell(a.language)} | {a.words} |")
    out.append("")
    out += ["## Findings", ""]
    if not findings:
        out += ["No contradictions found.", ""]
    for n, f in enumerate(findings, 1):
        out.append(f"### {n}. {_cell(f.rule)} {_cell(f.name)} ({f.level}): {_cell(f.subject)}")
        out.append("")
        out.append(_cell(f.message))
        out.append("")
        out += ["| side | source | published | line | exact words | value |", "|---|---|---|---|---|---|"]
        for e in f.evidence:
            out.append(f"| {e.side + 1} | {_cell(e.article)} | {e.published.isoformat() if e.published else '?'} "
                       f"| {e.line}:{e.column} | {_quoted(e.text)} | {_cell(e.value)} |")
        out.append("")
        if f.diff and f.rule.startswith("QUOTE"):
            out += [f"Word diff: {markdown_code(f.diff)}", ""]
        for note in f.notes:
            out += [f"> Note: {_cell(note)}", ""]
        out.append(f"Finding id: `{f.id}`")
        out.append("")
    out += ["## Checked and agreed", ""]
    if agreements or variants:
        for a in agreements:
            out.append(f"- {_cell(a.subject)}: {a.sources} sources agree ({_cell(a.value)})")
        for v in variants:
            out.append(f"- {_cell(v.subject)}: {v.sources} sources quote it differently in translation or condensed ({_cell(v.value)}); not reported")
    else:
        out.append("Nothing was linked across sources.")
    out.append("")
    out += ["## Skipped", ""]
    if skipped:
        for path, reason in skipped:
            out.append(f"- {_cell(path)}: {_cell(reason)}")
    else:
        out.append("None.")
    out.append("")
    return "\n".join(out)
