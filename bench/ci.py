"""CI mode: one new article checked against an indexed archive of 1,000 articles.

Measures the one-off index build, an incremental re-index with nothing changed, and the
`check --against` call a CI job makes for each incoming article (what it waits for).
Run: .venv/bin/python bench/ci.py [--archive 1000]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import SEEDS, perturb, write_corpus  # noqa: E402

from consistency.ci import check_against, index_archive  # noqa: E402
from consistency.config import Config  # noqa: E402
from consistency.runner import Toolkit  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--archive", type=int, default=1000)
    args = parser.parse_args()
    config = Config()
    kit = Toolkit.build(config)
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "archive"
        write_corpus(archive, args.archive)
        db = Path(tmp) / "archive.db"
        t0 = time.perf_counter()
        stats, _ = index_archive([str(archive)], db, config, kit)
        t1 = time.perf_counter()
        again, _ = index_archive([str(archive)], db, config, kit)
        t2 = time.perf_counter()
        new = Path(tmp) / "new" / "incoming.txt"
        new.parent.mkdir()
        seed = sorted(SEEDS.glob("*.txt"))[3]
        new.write_text(perturb(seed.read_text(encoding="utf-8"), 7), encoding="utf-8")
        t3 = time.perf_counter()
        result = check_against([str(new)], str(db), config, kit)
        t4 = time.perf_counter()
        # What a CI job waits for: a fresh process that loads the model and checks one article.
        command = [str(Path(sys.executable).with_name("consistency")), "check", str(new), "--against", str(db),
                   "--format", "sarif", "-o", str(Path(tmp) / "out.sarif"), "--fail-on", "never"]
        t5 = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        t6 = time.perf_counter()
    print(f"archive {args.archive} articles, db {db.name}")
    print(f"index (first build): {t1 - t0:.1f} s ({stats.added} added)")
    print(f"re-index, nothing changed: {t2 - t1:.2f} s ({again.unchanged} unchanged)")
    print(f"check one new article --against the db: {t4 - t3:.2f} s "
          f"({result.archive_articles} archive articles of the same story, {len(result.findings)} findings)")
    print(f"the same as a CI job runs it (new process, model load, SARIF written): {t6 - t5:.2f} s")
    print(f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
