"""Escaping of what comes from articles, for each output that could read it as markup.

Outlets, titles, quoted words, values and paths are the articles' text: in a Markdown report shown
as a pull-request comment an outlet of ``<b>x</b>`` must stay those characters, not turn bold,
and ``[click](http://example.invalid)`` must not become a link. Control and bidirectional-override
characters (which can reorder what a reader sees, "Trojan Source") are shown by their code point.
JSON keeps the text exactly as read: it is data, and its readers escape for their own output.
"""

from __future__ import annotations

import re

# Bidirectional embeddings, overrides and isolates, and the marks that steer them.
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# C0 and C1 controls except tab, line feed and carriage return (each output handles those),
# the bidirectional controls, and the line and paragraph separators some viewers break lines on.
_HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" + _BIDI + "\u2028\u2029]")

# Every ASCII character that can start Markdown syntax inside a line: emphasis, code, links and
# images, raw HTML and entities, tables, strikethrough, headings and block quotes.
# An underscore between two letters or digits never opens or closes emphasis (file_name.md), so
# it is left as written.
_MARKDOWN = re.compile(r"([\\`*\[\]<>|~#!&{}$@]|(?<![^\W_])_|_(?![^\W_]))")
# Extended autolinks (GitHub) start at "scheme://" and "www.": escaping the ":" and the "." breaks
# them without changing what a reader sees.
_AUTOLINK = re.compile(r"(?i)(?<=[a-z0-9])(:)(?=//)|(?<=\bwww)(\.)")
# Text that starts like a list item ("- ", "+ ", "1. ", "2) ").
_LIST_START = re.compile(r"(?:[-+]|\d{1,9}[.)])(?=\s|$)")


def visible(text: str) -> str:
    """Control and bidirectional-override characters as ``\\u202e``-style text."""
    return _HIDDEN.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def markdown_text(text: object) -> str:
    """Article text as inline Markdown that renders as exactly those characters, on one line."""
    flat = " ".join(visible(str(text)).split())
    escaped = _AUTOLINK.sub(lambda m: "\\" + m.group(), _MARKDOWN.sub(r"\\\1", flat))
    start = _LIST_START.match(escaped)
    if start:  # the mark's last character escaped: "\\- x", "12\\. x"
        return escaped[:start.end() - 1] + "\\" + escaped[start.end() - 1:]
    return escaped


def markdown_code(text: object, in_table: bool = False) -> str:
    """Article text as a Markdown code span: a fence longer than any run of backticks inside."""
    flat = " ".join(visible(str(text)).split())
    if in_table:
        flat = flat.replace("|", "\\|")  # GitHub splits cells on "|" even inside code spans
    longest = max((len(run) for run in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") or not flat.strip() else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def sarif_text(text: str) -> str:
    """SARIF plain-text message: brackets escaped so viewers do not read embedded links (3.11.6)."""
    return re.sub(r"([\\\[\]])", r"\\\1", visible(text))
