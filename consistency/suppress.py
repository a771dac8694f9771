"""The three ways to silence a finding, as linters do it.

- a **baseline**: the fingerprints of findings already known, so CI only fails on new ones
  (fingerprints are rule + subject + values, so they survive edits that move lines);
- an **ignore file**, ``.consistencyignore``, with gitignore patterns for files never to check;
- **inline suppressions** in an article (``<!-- consistency: ignore DATE001 -- why -->``), read by
  ingest into ``Article.suppressions`` and applied here, article-wide.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional, Sequence

import pathspec

from consistency.models import Article, Finding

BASELINE_SCHEMA = "consistency.baseline/1"
IGNORE_FILE = ".consistencyignore"


class SuppressionFileError(Exception):
    """A baseline or ignore file a person has to fix; ``str()`` is one line naming the file."""

    def __init__(self, path: str | os.PathLike[str], reason: str, line: Optional[int] = None) -> None:
        self.path, self.reason, self.line = str(path), reason, line
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {reason}")


class BaselineError(SuppressionFileError):
    """The baseline file is missing, unreadable or not a consistency baseline."""


class IgnoreFileError(SuppressionFileError):
    """A line of ``.consistencyignore`` is not a valid gitignore pattern."""


# ---------------------------------------------------------------------------------------- baseline


def baseline_entries(findings: Iterable[Finding]) -> list[dict[str, str]]:
    """The baseline rows of ``findings``, one per id, sorted by id (so the file diffs cleanly)."""
    by_id = {f.id: {"id": f.id, "rule": f.rule, "subject": f.subject} for f in findings}
    return [by_id[key] for key in sorted(by_id)]


def write_baseline(path: Path, findings: Iterable[Finding]) -> None:
    """Write the baseline atomically: a reader never sees half a file, even if we are killed."""
    path = Path(path)
    document = {"schema": BASELINE_SCHEMA, "findings": baseline_entries(findings)}
    text = json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    folder = path.parent if str(path.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    # The temp file lives in the target's folder so os.replace is a rename on one file system.
    handle, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp_name, path)
    except BaseException:
        try:
            os.unlink(temp_name)
        except OSError:
            pass
        raise


def read_baseline(path: Path) -> frozenset[str]:
    """The finding ids recorded in a baseline file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BaselineError(path, "baseline file not found") from None
    except IsADirectoryError:
        raise BaselineError(path, "baseline path is a folder, not a file") from None
    except UnicodeDecodeError:
        raise BaselineError(path, "baseline file is not UTF-8 text") from None
    except OSError as exc:
        raise BaselineError(path, f"cannot read baseline: {exc.strerror or exc}") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BaselineError(path, f"not valid JSON: {exc.msg} (column {exc.colno})", exc.lineno) from None
    if not isinstance(document, dict) or document.get("schema") != BASELINE_SCHEMA:
        raise BaselineError(path, f"not a consistency baseline (expected \"schema\": \"{BASELINE_SCHEMA}\")")
    entries = document.get("findings")
    if not isinstance(entries, list):
        raise BaselineError(path, "\"findings\" must be a list")
    ids: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str) or not entry["id"]:
            raise BaselineError(path, f"finding #{number} has no \"id\" string")
        ids.add(entry["id"])
    return frozenset(ids)


def filter_baseline(findings: Sequence[Finding], ids: frozenset[str] | set[str]) -> tuple[list[Finding], int]:
    """The findings not in the baseline, and how many were left out."""
    kept = [f for f in findings if f.id not in ids]
    return kept, len(findings) - len(kept)


# ------------------------------------------------------------------------------------- ignore file


@dataclass(frozen=True)
class IgnoreMatcher:
    """The patterns of one ``.consistencyignore``; paths are matched relative to ``root``."""

    root: Path
    spec: pathspec.PathSpec

    def match(self, path: str) -> bool:
        """True when ``path`` (relative to root, or absolute under it) is ignored."""
        posix = path.replace("\\", "/")
        if os.path.isabs(posix):
            try:
                posix = Path(posix).resolve().relative_to(self.root.resolve()).as_posix()
            except ValueError:
                return False  # outside the root: the ignore file does not speak about it
        while posix.startswith("./"):
            posix = posix[2:]
        if not posix or posix == ".":
            return False
        return self.spec.match_file(posix)


def load_ignore(root: Path) -> Optional[IgnoreMatcher]:
    """The matcher for ``root/.consistencyignore``, or None when there is no such file."""
    root = Path(root)
    path = root / IGNORE_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise IgnoreFileError(path, f"cannot read ignore file: {exc}") from None
    lines = text.splitlines()
    try:
        # GitIgnoreSpec is pathspec's "gitwildmatch" with git's own precedence rules (negation).
        spec = pathspec.GitIgnoreSpec.from_lines(lines)
    except ValueError:
        for number, line in enumerate(lines, start=1):
            try:
                pathspec.GitIgnoreSpec.from_lines([line])
            except ValueError as exc:
                raise IgnoreFileError(path, f"invalid pattern {line!r}: {exc}", number) from None
        raise
    return IgnoreMatcher(root=root, spec=spec)


# ------------------------------------------------------------------------------ inline suppressions


def apply_inline(findings: Sequence[Finding], articles: Sequence[Article]) -> tuple[list[Finding], list[str]]:
    """Drop findings silenced by an inline suppression in any article they cite.

    A suppression covers its whole article (a disagreement has no single line to own it). Returns
    the kept findings and one warning per suppression that silenced nothing, so stale
    suppressions get noticed and removed, like ruff's unused-noqa.
    """
    # Evidence names its article by id and by path as given; index both to avoid a scan.
    by_key: dict[tuple[str, str], list[int]] = {}
    for a_index, article in enumerate(articles):
        if article.suppressions:
            by_key.setdefault(("id", article.id), []).append(a_index)
            by_key.setdefault(("path", article.path), []).append(a_index)
    used: set[tuple[int, int]] = set()  # (article index, suppression index)
    kept: list[Finding] = []
    for finding in findings:
        cited: set[int] = set()
        for evidence in finding.evidence:
            cited.update(by_key.get(("id", evidence.article_id), ()))
            cited.update(by_key.get(("path", evidence.article), ()))
        suppressed = False
        for a_index in sorted(cited):
            for s_index, (code, _line, _reason) in enumerate(articles[a_index].suppressions):
                if code == "*" or code.upper() == finding.rule.upper():
                    suppressed = True
                    used.add((a_index, s_index))
        if not suppressed:
            kept.append(finding)
    warnings: list[str] = []
    for a_index, article in enumerate(articles):
        for s_index, (code, line, _reason) in enumerate(article.suppressions):
            if (a_index, s_index) not in used:
                what = "all rules" if code == "*" else code
                warnings.append(f"{article.path}:{line}: suppression of {what} matched no finding")
    return kept, warnings
