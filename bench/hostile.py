"""Odd and hostile input: the checker must never hang, crash or let article text rewrite a report.

Builds a corpus of odd files in a temporary folder (nothing is read from outside it), runs
``consistency check`` on each case in a fresh process, and prints per case the exit code, the
wall and CPU seconds, the CPU seconds per 100 KB of input past start-up (a one-line article's
run), the peak memory and the first line of stderr. A case fails when stderr holds a traceback,
the exit code is not 0, 1 or 2, it takes more than 5 CPU seconds per 100 KB past start-up, or
more than 500 MB.

Run: .venv/bin/python bench/hostile.py [--only NAME,...] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Optional

ROOT = Path(__file__).resolve().parent.parent
CONSISTENCY = [sys.executable, "-m", "consistency.cli"]
MAX_S_PER_100KB = 5.0
MAX_MB = 500.0

# Made-up words for made-up articles (never real news text).
WORDS = ("the harbour council said on Thursday that 12 ferries and Mr. Varga met in Lisbon at "
         "9 a.m. GMT on May 14 about a 5% rise in fares, while Ms. Okafor told reporters "
         "\"we will not wait\" and about 300 people, some 40 km away, waited for two hours").split()
FRONT = "---\ntitle: Harbour fares\noutlet: Test Gazette\ndate: 2024-05-15\n---\n"
LAUGHS = ("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
          "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
          "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
          "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n")


def _prose(size: int, seed: int, stop: bool = True) -> str:
    """About ``size`` characters of made-up sentences (no full stop at all when ``stop`` is off)."""
    rng = random.Random(seed)
    out: list[str] = []
    length = 0
    while length < size:
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 24)))
        sentence = sentence[0].upper() + sentence[1:] + (". " if stop else ", ")
        out.append(sentence)
        length += len(sentence)
    return "".join(out)[:size]


def _jsonl(count: int) -> str:
    # Every record's text differs, so the name model cannot answer one from another.
    return "".join(json.dumps({"text": f"Pier {i} saw {i % 90} boats."}) + "\n" for i in range(count))


def _rules_with_alias_tree(folder: Path) -> Path:
    rules = folder / "rules-alias"
    shutil.copytree(ROOT / "rules", rules, ignore=shutil.ignore_patterns("__init__.py", "__pycache__"))
    (rules / "ZZZ001.yaml").write_text("code: ZZZ001\n" + LAUGHS, encoding="utf-8")
    return rules


# name -> (file name, content builder, extra CLI arguments builder)
Case = tuple[str, Callable[[], "str | bytes"], Optional[Callable[[Path], list[str]]]]
CASES: dict[str, Case] = {
    "brackets-json": ("brackets.json", lambda: "[" * 100_000 + "]" * 100_000, None),
    "no-stop-1.1mb": ("no-stop.txt", lambda: _prose(1_100_000, 1, stop=False),
                      None),
    "quotes-100k": ("quotes.txt", lambda: '"' * 100_000, None),
    "mr-30k": ("mr.txt", lambda: "Mr. " * 30_000 + "Smith said", None),
    "thursday-20k": ("thursday.md", lambda: FRONT + "on Thursday, " * 20_000, None),
    "markup-in-fields": ("markup.md", lambda: (
        "---\ntitle: '[click](http://example.invalid)'\noutlet: '<b>x</b>'\ndate: 2024-05-15\n---\n"
        "The vote | was on Thursday, May 16, 2024, said `Ana` <i>Berg</i> \u202eevil\u202c.\n"), None),
    "title-list": ("title-list.md", lambda: "---\ntitle: [one, two]\n---\nThe toll rose to 12.\n", None),
    "alias-front-matter": ("alias.md", lambda: "---\n" + LAUGHS + "---\nThe toll rose to 12.\n", None),
    "week001-zoned": ("week.md", lambda: ("---\ndate: 2024-05-15\n---\nThe talks began at 9 a.m. GMT "
                                          "on Monday (May 14), officials said.\n"), None),
    "sentence-4mb": ("sentence.txt", lambda: _prose(4_000_000, 2, stop=False), None),
    "one-word-1mb": ("word.txt", lambda: "x" * 1_000_000, None),
    "digit-runs": ("digits.txt", lambda: "1" * 300_000 + " " + " ".join(
        str(i * 7919) for i in range(80_000)) + " 3.14159" * 20_000, None),
    "numbers-dense": ("numbers.md", lambda: FRONT + "1 " * 50_000, None),  # one figure per two characters
    # German day numbers ("am 18.") end no sentence: one sentence of fifteen thousand of them.
    "de-day-numbers": ("tage.txt", lambda: "2024-05-15\n\nDer Minister sagte, dass das Treffen und die "
                       "Verantwortlichen " + "am 18. " * 15_000, None),
    "fr-guillemets": ("guillemets.txt", lambda: "2024-05-15\n\nLe ministre a dit que la réunion et les "
                      "responsables ont dit " + "« " * 50_000, None),
    "nested-text-brackets": ("nested.txt", lambda: "The vote was held. " + "(" * 5_000 + "[" * 5_000 + "x"
                             + "]" * 5_000 + ")" * 5_000 + "\n", None),
    "nul-byte": ("nul.txt", lambda: b"The toll rose\x00 to 12.\n", None),
    "bom-crlf": ("bom.txt", lambda: "\ufeff2024-05-15\r\n\r\nThe toll rose to 12 on Monday.\r\n".encode(),
                 None),
    "lone-cr": ("cr.txt", lambda: "2024-05-15\r\rThe toll rose to 12 on Monday.\rIt fell.\r", None),
    "zero-width-rtl": ("bidi.txt", lambda: ("2024-05-15\n\nThe\u200b toll\u200d rose to 12 \u202eon "
                                            "Monday\u202c. \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 "
                                            "said Mr.\u2066 Varga\u2069.\n") * 2_000, None),
    "emoji-mixed-scripts": ("emoji.txt", lambda: ("2024-05-15\n\nThe 🚢 ferry 🇵🇹 carried 12 👩‍👩‍👧 people; "
                                                  "Ферри 渡轮 फेरी ferry said Ms. Okafor.\n") * 2_000, None),
    "alias-rule-file": ("ok.txt", lambda: "The toll rose to 12.\n",
                        lambda folder: ["--rules", str(_rules_with_alias_tree(folder))]),
    "deep-json": ("deep.json", lambda: '{"text": "The toll rose to 12.", "x": ' + "[" * 50_000 + "]" * 50_000
                  + "}", None),
    "jsonl-100k": ("records.jsonl", lambda: _jsonl(100_000), None),
}


def _run(args: list[str], cwd: Path) -> tuple[int, float, float, float, str]:
    """Exit code, wall seconds, CPU seconds, peak resident MB and stderr of one run in a fresh
    process. CPU time is what the limit is judged on: the machine is shared, and wall time
    swings with whatever else runs."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    started = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        process = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return process.returncode, seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, stderr


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", help="comma-separated case names")
    parser.add_argument("--keep", help="build the corpus in this folder and keep it")
    args = parser.parse_args()
    names = args.only.split(",") if args.only else list(CASES)
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="hostile-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        (folder / "start.txt").write_text("The toll rose to 12.\n", encoding="utf-8")
        _, wall, startup, _, _ = _run(CONSISTENCY + ["check", "start.txt", "-o", "start.md"], folder)
        print(f"start-up (one-line article): {startup:.2f} s CPU, {wall:.2f} s wall\n")
        print("| case | KB | exit | wall s | CPU s | CPU s/100KB | peak MB | ok | stderr (first line) |")
        print("|---|---:|---:|---:|---:|---:|---:|---|---|")
        failed = 0
        for name in names:
            filename, build, extra = CASES[name]
            content = build()
            path = folder / filename
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8", newline="")
            size_kb = path.stat().st_size / 1024
            command = CONSISTENCY + ["check", filename, "-o", f"{filename}.report.md"]
            command += extra(folder) if extra else []
            code, wall, seconds, peak, stderr = _run(command, folder)
            per_100kb = max(0.0, seconds - startup) / max(size_kb / 100, 1.0)
            ok = ("Traceback" not in stderr and code in (0, 1, 2) and per_100kb <= MAX_S_PER_100KB
                  and peak <= MAX_MB and all(len(line) < 400 for line in stderr.splitlines()))
            failed += not ok
            first = stderr.strip().splitlines()[0] if stderr.strip() else ""
            first = first.replace(str(folder) + "/", "").replace("|", "\\|")[:110]
            print(f"| {name} | {size_kb:,.0f} | {code} | {wall:.1f} | {seconds:.1f} | {per_100kb:.2f} | {peak:.0f} "
                  f"| {'yes' if ok else 'NO'} | {first} |", flush=True)
        print(f"\n{len(names) - failed} of {len(names)} cases within the limits "
              f"({MAX_S_PER_100KB} CPU s per 100 KB past start-up, {MAX_MB:.0f} MB, no traceback).")
        sys.exit(1 if failed else 0)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
