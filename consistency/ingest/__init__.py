"""Ingest: files, folders and glob patterns → ``Article`` records with a line map back to the files.

``read_articles`` never raises for bad input: every file it cannot use becomes an ``InputError``
and the rest are still read.
"""

from __future__ import annotations

import dataclasses
from typing import Callable, Optional, Sequence

from consistency.config import Config
from consistency.ingest.discover import discover
from consistency.ingest.language import detect_language
from consistency.ingest.pubdate import drop_stray_text_dates, infer_missing_dates, lower_median, nearest_year
from consistency.ingest.readers import Loaded, read_file
from consistency.models import Article, InputError

__all__ = ["read_articles", "infer_missing_dates", "detect_language"]


def _resolve_yearless(loaded: list[Loaded]) -> list[Article]:
    """``Oct 26`` under a title: take the year that puts it nearest the cluster's own dates."""
    anchor = lower_median(item.article.published for item in loaded
                          if item.article.published is not None)
    out = []
    for item in loaded:
        article = item.article
        if item.yearless is not None and anchor is not None:
            resolved = nearest_year(item.yearless.month, item.yearless.day, anchor)
            if resolved is not None:
                article = dataclasses.replace(article, published=resolved,
                                              published_from=item.yearless.source)
        out.append(article)
    return out


def read_articles(paths: Sequence[str], config: Config,
                  skip: Optional[Callable[[str], bool]] = None,
                  progress: Optional[Callable[[int, int], None]] = None) -> tuple[list[Article], list[InputError]]:
    """Read every article under ``paths`` (files, folders, globs), sorted by path then record.

    ``skip`` says which discovered files are not to be read at all (an ignore file's patterns);
    ``progress`` is told how many of the files are done.
    """
    files, errors = discover(paths)
    loaded: list[Loaded] = []
    for done, path in enumerate(files, start=1):
        if skip is None or not skip(path):
            items, problems = read_file(path, config)
            loaded.extend(items)
            errors.extend(problems)
        if progress is not None:
            progress(done, len(files))
    loaded.sort(key=lambda item: (item.article.path, item.index))
    return infer_missing_dates(drop_stray_text_dates(_resolve_yearless(loaded))), errors
