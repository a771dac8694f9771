"""Caps that keep every reader and extractor linear in its input, and the checks that enforce them.

A CI job runs the checker on whatever arrives, so no input may make it hang, crash or blow up in
memory. Each cap is chosen far above what real coverage needs (README, "Limits"); past a cap the
file is an input error naming the cap, or, for long text, the text is read in bounded pieces.
"""

from __future__ import annotations

import re
from typing import Any, Optional

import yaml

# Nesting of JSON records and YAML front matter or rule files. News APIs nest five or six deep.
MAX_NESTING = 64
# Nodes of a YAML document once its aliases are expanded: an alias tree ("billion laughs")
# is a few lines of text that would unfold into billions of values.
MAX_YAML_NODES = 10_000
# Characters of one sentence handed to the extractors; a longer run of text with no full stop
# (a transcript, a table flattened to one line) is read in pieces of at most this length, cut at
# a space where there is one.
MAX_SENTENCE_CHARS = 2_000
# Characters of one word handed to the name model; longer runs of non-space characters (a line
# of quotation marks, a base64 blob) hold no names and cost the model's tokenizer quadratic time.
MAX_WORD_CHARS = 64
# Characters kept of a title, outlet or URL from metadata.
MAX_FIELD_CHARS = 1_000
# Figures in any window of MAX_SENTENCE_CHARS characters. Prose, and even a box score of a game
# laid out as text, holds far fewer (a figure every three characters is about 650); a denser run
# is a data dump, not an article, and reading it figure by figure would cost more than prose.
MAX_FIGURES_PER_PIECE = 700

_FIGURE = re.compile(r"\d+")


def dense_figures_at(text: str) -> Optional[int]:
    """The offset where some window of ``MAX_SENTENCE_CHARS`` characters holds more than
    ``MAX_FIGURES_PER_PIECE`` figures, or None: one pass, with the figures' offsets in a queue."""
    starts: list[int] = []
    head = 0
    for match in _FIGURE.finditer(text):
        starts.append(match.start())
        while starts[head] <= match.start() - MAX_SENTENCE_CHARS:
            head += 1
        if len(starts) - head > MAX_FIGURES_PER_PIECE:
            return starts[head]
    return None


class LimitError(Exception):
    """Input past a cap or of the wrong shape; ``line`` is 1-based in the text checked, if known."""

    def __init__(self, reason: str, line: Optional[int] = None) -> None:
        super().__init__(reason)
        self.reason, self.line = reason, line


# Strings (so brackets inside them do not count) and the brackets that open and close structure.
_JSON_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.S)


def check_json_nesting(raw: str, first_line: int = 1) -> None:
    """Raise ``LimitError`` when JSON text nests deeper than ``MAX_NESTING``.

    Python's parser recurses once per level and fails with a RecursionError deep down; this scan is
    linear and names the line where the cap is passed.
    """
    if raw.count("[") + raw.count("{") <= MAX_NESTING:
        return
    depth = 0
    for match in _JSON_TOKEN.finditer(raw):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_NESTING:
                line = first_line + raw.count("\n", 0, match.start())
                raise LimitError(f"JSON nested deeper than {MAX_NESTING} levels", line)
        elif token in "]}":
            depth -= 1


def _yaml_shape(text: str, first_line: int) -> None:
    """Walk the YAML event stream (the parser is iterative; the composer recurses) and count."""
    depth = 0
    expanded = 0  # nodes once aliases are unfolded
    anchors: dict[str, int] = {}
    open_anchors: list[tuple[Optional[str], int]] = []
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        line = first_line + event.start_mark.line if event.start_mark is not None else None
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            expanded += 1
            if depth > MAX_NESTING:
                raise LimitError(f"YAML nested deeper than {MAX_NESTING} levels", line)
            open_anchors.append((event.anchor, expanded))
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
            anchor, began = open_anchors.pop()
            if anchor is not None:
                anchors[anchor] = expanded - began + 1
        elif isinstance(event, yaml.ScalarEvent):
            expanded += 1
            if event.anchor is not None:
                anchors[event.anchor] = 1
        elif isinstance(event, yaml.AliasEvent):
            expanded += anchors.get(event.anchor, 1)
        if expanded > MAX_YAML_NODES:
            raise LimitError(f"YAML unfolds to more than {MAX_YAML_NODES:,} values "
                             "(aliases expanded)", line)


def safe_yaml_load(text: str, first_line: int = 1) -> Any:
    """``yaml.safe_load`` after checking nesting and expanded size; ``yaml.YAMLError`` as usual."""
    _yaml_shape(text, first_line)
    return yaml.load(text, Loader=yaml.SafeLoader)
