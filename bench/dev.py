"""Check and score every prepared development story: one row per story and a pooled total.

Each DIR/<story>/ holds NN.md articles and gold.yaml (the answer key, development format). The
toolkit (rules, gazetteer, spaCy model) is built once for all stories. --reports OUT writes each
story's JSON report as OUT/<story>.json, the report the development scorer reads.
Run: .venv/bin/python bench/dev.py [DIR] [--reports OUT] [--verbose]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Optional

from consistency.config import Config
from consistency.evaluate import Score, as_dict, load_gold, place_claims, score
from consistency.report.json_report import render_json
from consistency.runner import Toolkit, check_paths
from consistency.suppress import apply_inline

COLUMNS = ("story", "articles", "findings", "alarms", "hits", "precision", "recall", "recall firm",
           "firm English", "firm other languages", "compat alarmed", "updates as conflict", "seconds")


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f} {part}/{whole}" if whole else f"n/a 0/{whole}"


def run_story(folder: Path, kit: Toolkit, reports: Optional[Path]) -> tuple[Score, int, float]:
    """Score one story as `consistency eval` would; returns the score, articles read, seconds."""
    articles = [str(p) for p in sorted(folder.glob("*.md"))]
    started = time.perf_counter()
    result = check_paths(articles, kit.config, kit)
    findings, _ = apply_inline(result.findings, result.articles)  # as check writes the report
    seconds = time.perf_counter() - started
    if reports is not None:
        reports.mkdir(parents=True, exist_ok=True)
        (reports / f"{folder.name}.json").write_text(
            render_json(result.articles, findings, result.skipped), encoding="utf-8")
    items = place_claims(load_gold(folder / "gold.yaml"), [a.path for a in result.articles])
    scored = score(findings, items, {a.path: a.language for a in result.articles})
    for error in result.errors:
        print(f"{folder.name}: {error}", file=sys.stderr)
    return scored, len(result.articles), seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dir", nargs="?", default=str(Path.home() / "consistency-dev" / "prepared"))
    parser.add_argument("--reports", help="Write each story's JSON report to this folder.")
    parser.add_argument("--verbose", action="store_true", help="List each story's misses and false alarms.")
    args = parser.parse_args()
    root = Path(args.dir).expanduser()
    stories = sorted(p for p in root.iterdir() if (p / "gold.yaml").is_file()) if root.is_dir() else []
    if not stories:
        sys.exit(f"no prepared stories (folders with gold.yaml) in {root}")
    started = time.perf_counter()
    kit = Toolkit.build(Config())
    kit.extractor.names.find(["Warm up the model."])
    print(f"toolkit built in {time.perf_counter() - started:.1f} s")
    rows = [COLUMNS]
    total = dict.fromkeys(("articles", "findings", "alarms", "hits", "hit", "core", "firm_hit", "firm",
                           "english_hit", "english", "other_hit", "other", "compat", "compatible", "upd",
                           "updates"), 0)
    seconds_total = 0.0
    details = []
    for folder in stories:
        scored, count, seconds = run_story(folder, kit, Path(args.reports) if args.reports else None)
        d = as_dict(scored)
        got = dict(articles=count, findings=d["findings"], alarms=d["alarms"], hits=d["alarms_hit"],
                   hit=d["hit"], core=d["contradictions"], firm_hit=d["firm_hit"], firm=d["firm"],
                   english_hit=d["firm_english_hit"], english=d["firm_english"],
                   other_hit=d["firm_other_hit"], other=d["firm_other"], compat=d["compatible_alarmed"],
                   compatible=d["compatible"], upd=d["update_as_conflict"], updates=d["updates"])
        for key, value in got.items():
            total[key] += value
        seconds_total += seconds
        rows.append(_row(folder.name, got, seconds))
        details.append((folder.name, d))
    rows.append(_row("total", total, seconds_total))
    widths = [max(len(r[i]) for r in rows) for i in range(len(COLUMNS))]
    for n, row in enumerate(rows):
        if n == len(rows) - 1:
            print("  ".join("-" * w for w in widths))
        print("  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths))))
    if args.verbose:
        for name, d in details:
            print(f"\n{name}")
            for miss in d["missed"]:
                print(f"  miss: {miss['id']} ({miss['confidence']}): {miss['type']}: {miss['subject']}")
            for alarm in d["false_alarms"]:
                print(f"  false alarm: {alarm['rule']}: {alarm['subject']}")


def _row(name: str, t: dict[str, int], seconds: float) -> tuple[str, ...]:
    # Pooled over stories: total hits / total alarms, and so on, not a mean of the ratios.
    return (name, str(t["articles"]), str(t["findings"]), str(t["alarms"]), str(t["hits"]),
            _ratio(t["hits"], t["alarms"]), _ratio(t["hit"], t["core"]), _ratio(t["firm_hit"], t["firm"]),
            _ratio(t["english_hit"], t["english"]), _ratio(t["other_hit"], t["other"]), f"{t['compat']}/{t['compatible']}",
            f"{t['upd']}/{t['updates']}", f"{seconds:.1f}")


if __name__ == "__main__":
    main()
