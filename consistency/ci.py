"""CI mode: index an archive once, then check incoming articles against the same story in it.

Only disagreements that involve a new article are reported: the archive's own old quarrels are
not the incoming article's fault.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Sequence

from .config import Config
from .vocab import rules_root
from .ingest import infer_missing_dates
from .models import Article, InputError, Mention
from .progress import Report
from .runner import CheckResult, Toolkit, extract_all, judge, read_inputs, skipped_articles
from .store import ArchiveStore, IndexStats, StoreError

# Stored mentions are only valid for the extractor that made them; bump when extraction changes.
EXTRACTOR_VERSION = "2"


def extractor_version(config: Config) -> str:
    """What stored mentions depend on: this code, the NER model and the vocabularies."""
    digest = hashlib.sha256(f"{EXTRACTOR_VERSION}|{config.model}|{','.join(config.languages)}".encode())
    for path in sorted((rules_root(config.rules_dir) / "vocab").glob("*.yaml")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


@dataclass
class CIResult(CheckResult):
    new_paths: set[str] = field(default_factory=set)
    archive_articles: int = 0


def index_archive(paths: Sequence[str], db: Path, config: Config, kit: Toolkit,
                  progress: Optional[Report] = None) -> tuple[IndexStats, list[InputError]]:
    articles, errors = read_inputs(paths, config, progress)
    try:
        with ArchiveStore.open(db) as store:
            stats = store.update(articles, lambda fresh: extract_all(kit, fresh, progress), roots=list(paths),
                                 extractor_version=extractor_version(config))
    except StoreError as exc:
        return IndexStats(0, 0, 0, 0), errors + [InputError(exc.path, exc.reason)]
    return stats, errors


def _archive_from_store(db: Path, new: list[Article], new_mentions: list[Mention], config: Config
                        ) -> tuple[list[Article], list[Mention]]:
    with ArchiveStore.open(db) as store:
        ids = store.candidates(new, new_mentions, config)
        return store.load(ids) if ids else ([], [])


def check_against(paths: Sequence[str], against: str, config: Config, kit: Toolkit,
                  progress: Optional[Report] = None) -> CIResult:
    new, errors = read_inputs(paths, config, progress)
    new_keys = {(a.path, a.id) for a in new}
    target = Path(against)
    if target.is_dir():
        archive, archive_errors = read_inputs([against], config, progress)
        errors += archive_errors
        new_files = {Path(n.path).resolve() for n in new}
        archive = [a for a in archive if (a.path, a.id) not in new_keys and Path(a.path).resolve() not in new_files]
        undated = [a for a in new if a.published is None]
        if undated:
            new = infer_missing_dates(new + archive)[:len(new)]
        new_mentions = kit.extractor.extract(new)
        archive_mentions = extract_all(kit, archive, progress)
    else:
        if not target.exists():
            errors.append(InputError(against, "archive does not exist (create it with 'consistency index')"))
            return CIResult(new, [], [], errors=errors, new_paths={a.path for a in new})
        new_mentions = kit.extractor.extract(new)
        try:
            archive, archive_mentions = _archive_from_store(target, new, new_mentions, config)
        except StoreError as exc:
            errors.append(InputError(exc.path, exc.reason))
            return CIResult(new, new_mentions, [], errors=errors, new_paths={a.path for a in new})
        if any(a.published is None for a in new) and archive:
            dated = infer_missing_dates(new + archive)[:len(new)]
            changed = [a for a, b in zip(dated, new) if a.published != b.published]
            if changed:
                new = dated
                new_mentions = kit.extractor.extract(new)
    articles = new + archive
    outcome = judge(articles, new_mentions + archive_mentions, kit)
    new_paths = {a.path for a in new}
    findings = [f for f in outcome.findings if any(e.article in new_paths for e in f.evidence)]
    return CIResult(articles, new_mentions + archive_mentions, findings, list(outcome.agreements),
                    list(outcome.variants), skipped_articles(articles, config, kit.extractor.packs), errors,
                    new_paths=new_paths, archive_articles=len(archive))

