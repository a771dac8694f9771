"""Articles for benchmarks: the seed articles, perturbed into many stories.

Story k rewrites every capitalized word of four letters or more with a suffix of its own, and
shifts every day number, so that stories do not link to each other while each keeps the shape
of real coverage (five articles per story, the seeds' sentences, names and figures).
"""

from __future__ import annotations

import re
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _suffix(k: int) -> str:
    letters = ""
    k += 1
    while k:
        k, r = divmod(k - 1, 26)
        letters = chr(ord("a") + r) + letters
    return letters


def perturb(text: str, story: int) -> str:
    if story == 0:
        return text
    tag = _suffix(story)
    text = re.sub(r"\b([A-Z][a-z]{3,})\b", lambda m: m.group(1) + tag
                  if m.group(1) not in ("January", "February", "March", "April", "June", "July", "August",
                                        "September", "October", "November", "December", "Monday", "Tuesday",
                                        "Wednesday", "Thursday", "Friday", "Saturday", "Sunday") else m.group(1), text)
    return text


def write_corpus(folder: Path, count: int) -> list[Path]:
    """``count`` articles in ``folder``: seeds cycled, one story per five articles."""
    seeds = sorted(SEEDS.glob("*.txt"))
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        seed = seeds[i % len(seeds)]
        path = folder / f"{i:05d}_{seed.stem}.txt"
        path.write_text(perturb(seed.read_text(encoding="utf-8"), i // len(seeds)), encoding="utf-8")
        paths.append(path)
    return paths
