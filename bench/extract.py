"""Extraction speed and peak memory: words per second (single process, warm) on >= 100,000 words.

Run: .venv/bin/python bench/extract.py [--words 100000]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus  # noqa: E402

from consistency.config import Config  # noqa: E402
from consistency.ingest import read_articles  # noqa: E402
from consistency.runner import Toolkit  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=100_000)
    args = parser.parse_args()
    config = Config()
    kit = Toolkit.build(config)
    with tempfile.TemporaryDirectory() as tmp:
        count = 5
        while True:
            folder = Path(tmp) / f"c{count}"
            write_corpus(folder, count)
            articles, _ = read_articles([str(folder)], config)
            words = sum(a.words for a in articles)
            if words >= args.words:
                break
            count *= 2
        kit.extractor.extract(articles[:5])  # warm: load the model, compile regexes
        started = time.perf_counter()
        mentions = kit.extractor.extract(articles)
        elapsed = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles {len(articles)}  words {words}  mentions {len(mentions)}")
    print(f"extract: {elapsed:.2f} s  {words / elapsed:,.0f} words/s  peak memory {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
