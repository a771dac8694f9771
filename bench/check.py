"""End-to-end cost of `check` for 1, 10, 100 and 1,000 articles: time by stage and peak memory.

Each size runs in a fresh process so its peak memory is its own.
Run: .venv/bin/python bench/check.py [--sizes 1,10,100,1000] [--foreign 0.33]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def run_one(count: int, foreign: float = 0.0) -> dict:
    from corpus import write_corpus

    from consistency.config import Config
    from consistency.ingest import read_articles
    from consistency.runner import Toolkit, judge

    config = Config()
    started = time.perf_counter()
    kit = Toolkit.build(config)
    kit.extractor.names.find(["Warm up the model."])
    setup = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        write_corpus(Path(tmp), count, foreign)
        t0 = time.perf_counter()
        articles, _ = read_articles([tmp], config)
        t1 = time.perf_counter()
        mentions = kit.extractor.extract(articles)
        t2 = time.perf_counter()
        outcome = judge(articles, mentions, kit)
        t3 = time.perf_counter()
    return {"articles": count, "words": sum(a.words for a in articles), "mentions": len(mentions),
            "findings": len(outcome.findings), "setup_s": setup, "ingest_s": t1 - t0, "extract_s": t2 - t1,
            "link_rules_s": t3 - t2, "total_s": t3 - t0,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1,10,100,1000")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--foreign", type=float, default=0.0,
                        help="share of made-up Spanish, French and German articles (e.g. 0.33)")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.foreign)))
        return
    print(f"{'articles':>8} {'words':>8} {'mentions':>8} {'findings':>8} {'ingest s':>8} {'extract s':>9} "
          f"{'link+rules s':>12} {'total s':>8} {'peak MB':>8}")
    for size in [int(s) for s in args.sizes.split(",")]:
        out = subprocess.run([sys.executable, __file__, "--one", str(size), "--foreign", str(args.foreign)],
                             capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{r['articles']:>8} {r['words']:>8} {r['mentions']:>8} {r['findings']:>8} {r['ingest_s']:>8.2f} "
              f"{r['extract_s']:>9.2f} {r['link_rules_s']:>12.3f} {r['total_s']:>8.2f} {r['peak_mb']:>8.0f}")
    print("(setup, not counted above: loading rules, gazetteer and model, about 1 s)")


if __name__ == "__main__":
    main()
