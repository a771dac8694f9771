"""Every claim of the seeds' answer key must be found by the extractor on its line, with its value."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import yaml

from consistency.models import Mention

GOLD = Path(__file__).parent / "gold" / "seeds.yaml"
KIND_OF = {
    "date": ("date",), "location": ("location",), "quote": ("quote",), "role": ("role",),
    "duration": ("duration",), "percentage": ("percentage",), "count": ("count", "ordinal"),
}


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'’-]+", text.lower())


def _matches(kind: str, gold_value: str, mention: Mention) -> bool:
    if mention.kind not in KIND_OF.get(kind, (kind,)):
        return False
    if kind == "quote":
        wanted, got = _words(gold_value), _words(mention.value)
        return all(w in got for w in wanted)
    return mention.value == gold_value


def _claims() -> list[tuple[str, dict]]:
    data = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    return [(item["kind"], claim) for item in data["items"] for claim in item["claims"]]


def test_extraction_finds_the_gold_claims(seeds_result, capsys) -> None:
    by_line: dict[tuple[str, int], list[Mention]] = {}
    for m in seeds_result.mentions:
        by_line.setdefault((posixpath.basename(m.path), m.line), []).append(m)
    claims = _claims()
    misses, wrong_dates = [], []
    for kind, claim in claims:
        value = str(claim["value"])
        found = by_line.get((claim["article"], claim["line"]), [])
        if not any(_matches(kind, value, m) for m in found):
            same_kind = [f"{m.raw!r}={m.value}" for m in found if m.kind in KIND_OF.get(kind, (kind,))]
            misses.append(f"{claim['article']}:{claim['line']} {kind} {claim['text']!r} -> {value}; got {same_kind}")
            if kind == "date":
                wrong_dates.append(misses[-1])
    with capsys.disabled():
        print(f"\ngold claims matched: {len(claims) - len(misses)}/{len(claims)}")
        for miss in misses:
            print("  miss:", miss)
    assert len(claims) == 41
    assert (len(claims) - len(misses)) / len(claims) >= 0.95
    assert not wrong_dates
