"""GitHub Actions annotations: one workflow command per finding.

``::error file=new/a.txt,line=3,col=9,title=DATE001 date-conflict::message (other sources: …)``.
GitHub shows each line as an annotation on the file in the pull request. The escaping follows the
Actions toolkit (``@actions/core`` ``escapeData``/``escapeProperty``): a stray ``%``, newline,
``:`` or ``,`` in a path or message would otherwise cut the command short. Control and
bidirectional-override characters from the articles are shown by their code point (``\u202e``).
"""

from __future__ import annotations

from typing import Collection, Optional, Sequence

from consistency.models import Finding
from consistency.report.escape import visible
from consistency.report.sarif import normalize_path, primary_evidence

_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    """Escape the message part of a workflow command."""
    return visible(value).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a property value (file, title): also ``:`` and ``,``, which delimit properties."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github_command(level: str) -> str:
    """Our level (error/warning/info) as a workflow command (error/warning/notice)."""
    return _COMMANDS.get(level, "warning")


def _annotation(finding: Finding, new_paths: Optional[Collection[str]]) -> str:
    primary = primary_evidence(finding, new_paths)
    properties: list[tuple[str, str]] = []
    if primary is not None:
        properties += [
            ("file", normalize_path(primary.article)),
            ("line", str(max(1, primary.line))),
            ("col", str(max(1, primary.column))),
        ]
    properties.append(("title", f"{finding.rule} {finding.name}".strip()))
    message = finding.message
    others: list[str] = []
    skipped = False
    for evidence in finding.evidence:
        if not skipped and evidence is primary:
            skipped = True
            continue
        where = f"{normalize_path(evidence.article)}:{evidence.line}"
        if where not in others:
            others.append(where)
    if others:
        message += f" (other sources: {', '.join(others)})"
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{github_command(finding.level)} {props}::{escape_data(message)}"


def render_github(findings: Sequence[Finding], new_paths: Optional[Collection[str]]) -> str:
    """One ``::error``/``::warning``/``::notice`` line per finding, in the order given."""
    lines = [_annotation(finding, new_paths) for finding in findings]
    return "".join(line + "\n" for line in lines)
