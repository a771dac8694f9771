"""A progress line on stderr for long runs: how many articles were read, extracted and linked.

Shown only when stderr is a terminal (a CI log or a redirect gets nothing) and not with
``--quiet``. One line, rewritten in place at most a few times a second, and wiped at the end so
the report and the messages after it start on a clean line.
"""

from __future__ import annotations

import sys
import time
from typing import Callable, Optional, TextIO

# A stage's name, how many are done and how many there are: what the pipeline tells a watcher.
Report = Callable[[str, int, int], None]


class Progress:
    """Call it as ``progress(stage, done, total)``; ``close()`` wipes the line."""

    def __init__(self, stream: Optional[TextIO] = None, enabled: Optional[bool] = None,
                 interval: float = 0.2, clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream if stream is not None else sys.stderr
        isatty = getattr(self.stream, "isatty", None)
        self.enabled = bool(isatty and isatty()) if enabled is None else enabled
        self.interval = interval
        self.clock = clock
        self._last = float("-inf")
        self._shown = False

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = self.clock()
        if done < total and now - self._last < self.interval:
            return  # at most a few lines a second; the last of each stage always shows
        self._last = now
        noun = "file" if stage == "read" else "article"
        self.stream.write(f"\r\x1b[Kconsistency: {stage} {done:,}/{total:,} {noun}{'s' if total != 1 else ''}")
        self.stream.flush()
        self._shown = True

    def close(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False
