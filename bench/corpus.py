"""Articles for benchmarks: the seed articles, perturbed into many stories.

Story k renames every proper noun inside a sentence with a made-up name of its own, so that
stories do not link to each other while each keeps the shape of real coverage (five articles per
story, the seeds' sentences, titles, dates and figures).
"""

from __future__ import annotations

import re
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


KEEP = frozenset(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday The This That These After Both While "
    "President Premier Minister Secretary Treasury Trade Representative Vice Prime Chinese American "
    "Summit Also Read More Learn PHOTO Photo Image Loading".split()
)
SYLLABLES = ("ka", "lo", "mi", "ra", "sen", "tu", "vo", "bel", "dan", "ri", "sa", "no", "len", "ta", "mor", "quin")


def _pseudo_name(word: str, story: int) -> str:
    """A stable made-up name for ``word`` in story ``story`` ("Lyon" -> "Ralomi")."""
    seed = sum(ord(c) * (i + 1) for i, c in enumerate(word)) * 7919 + story * 104729
    parts = []
    for _ in range(2 + seed % 2):
        parts.append(SYLLABLES[seed % len(SYLLABLES)])
        seed //= len(SYLLABLES)
    return "".join(parts).capitalize()


def perturb(text: str, story: int) -> str:
    """Story 0 is the seed itself; other stories rename every proper noun, consistently."""
    if story == 0:
        return text
    return re.sub(r"(?<=[a-z,;] )([A-Z][a-z]{2,})\b",
                  lambda m: m.group(1) if m.group(1) in KEEP else _pseudo_name(m.group(1), story), text)


FOREIGN = Path(__file__).resolve().parent / "foreign"  # made-up articles in Spanish, French, German


def write_corpus(folder: Path, count: int, foreign: float = 0.0) -> list[Path]:
    """``count`` articles in ``folder``: seeds cycled, one story per five articles; with
    ``foreign`` (a share, e.g. 0.33) that share of the articles comes from the made-up Spanish,
    French and German articles of bench/foreign/, renamed per story the same way."""
    seeds = sorted(SEEDS.glob("*.txt"))
    others = sorted(FOREIGN.glob("*.md"))
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    every = round(1 / foreign) if foreign > 0 else 0
    for i in range(count):
        if every and others and i % every == every - 1:
            source = others[(i // every) % len(others)]
        else:
            source = seeds[i % len(seeds)]
        path = folder / f"{i:05d}_{source.stem}{source.suffix}"
        path.write_text(perturb(source.read_text(encoding="utf-8"), i // len(seeds)), encoding="utf-8")
        paths.append(path)
    return paths
