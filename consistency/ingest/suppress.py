"""Inline suppressions in Markdown and HTML sources.

``<!-- consistency: ignore DATE001, QUOTE002 -- the wire copy is quoted on purpose -->`` silences
those rules for the article; no code (or ``*``) silences all of them. The comment's file line is
kept so a report can say where a finding was waved through.
"""

from __future__ import annotations

import re

_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
# The body is bounded so an unclosed comment is not scanned to the end once per opening.
_IGNORE = re.compile(r"<!--\s{0,80}consistency\s{0,80}:?\s{0,80}ignore\b(?P<body>.{0,2000}?)-->", re.S | re.I)
_CODE = re.compile(r"^(?:\*|[A-Za-z]+\d*)$")


def parse_suppressions(source: str, first_line: int = 1) -> tuple[tuple[str, int, str], ...]:
    """(code or "*", 1-based file line of the comment, reason) for each ignore comment."""
    found: list[tuple[str, int, str]] = []
    for match in _IGNORE.finditer(source):
        line = first_line + source.count("\n", 0, match.start())
        body = match.group("body")
        codes_part, _, reason = body.partition("--")
        codes = [c for c in re.split(r"[,\s]+", codes_part.strip()) if c]
        codes = [c.upper() if c != "*" else c for c in codes if _CODE.match(c)] or ["*"]
        reason = " ".join(reason.split())
        found.extend((code, line, reason) for code in codes)
    return tuple(found)


def blank_comments(text: str) -> str:
    """Replace HTML comments by spaces, keeping newlines, so line and column numbers still hold."""
    return _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
