"""A batter's home run in the story's game, across reports and languages (made-up articles)."""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency.runner import Toolkit

from test_real_coverage import alarms
from test_traps import check, fired, messages, sides

GAME = "2024-10-30"
ENGLISH = ("Tomas Varga's solo home run in the top of the 10th gave the Harbor Cats a 3-2 win in Game 5, "
           "after Leo Marsh tied it with a three-run homer in the sixth inning.")


def _plays(result, what: str) -> list:  # type: ignore[no-untyped-def]
    return [f for f in fired(result, "NUM003") if what in f.message.lower()]


def test_the_inning_and_the_runs_of_one_home_run_conflict_across_languages(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": (GAME, ENGLISH),
        "b.md": (GAME, "Tomas Varga conectó un jonrón de dos carreras en la novena entrada para los Harbor Cats."),
        "c.md": (GAME, "Tomas Varga a frappé un coup de circuit solo en dixième, et Leo Marsh un circuit à trois points."),
    })
    inning, runs = _plays(result, "inning of the home run"), _plays(result, "runs of the home run")
    assert len(inning) == 1 and len(runs) == 1, messages(result)
    assert sides(inning[0]) == [{"10"}, {"9"}]
    assert sides(runs[0]) == [{"1"}, {"2"}]
    assert all(f.level == "warning" for f in inning + runs)


def test_the_same_plays_in_other_words_agree(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": (GAME, ENGLISH),
        "b.md": (GAME, "Los Harbor Cats ganaron con un jonrón solitario de Tomas Varga en la parte alta del 10."),
        "c.md": (GAME, "Leo Marsh a égalisé en sixième manche avec un coup de circuit à trois points."),
        "d.md": (GAME, "Marsh's sixth-inning homer off Ivo Kessler tied the game before Varga's 10th-inning home run."),
    })
    assert not alarms(result), messages(result)


@pytest.mark.parametrize("other", [
    # another game of the series
    "In Game 2, Tomas Varga hit a two-run homer in the third inning.",
    # a player some report credits with two: which one a value tells is not said
    "Tomas Varga homered twice, including a two-run homer in the third inning.",
])
def test_what_is_not_the_same_play_is_not_compared(kit: Toolkit, tmp_path: Path, other: str) -> None:
    result = check(tmp_path, kit, {
        "a.md": (GAME, ENGLISH),
        "b.md": (GAME, "The Harbor Cats won Game 5, the series' decisive game, at home."),
        "c.md": (GAME, other),
    })
    assert not _plays(result, "of the home run"), messages(result)


def test_a_pitcher_who_gave_up_two_home_runs_is_no_batter(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": (GAME, "Ivo Kessler gave up a solo homer in the second inning."),
        "b.md": (GAME, "Ivo Kessler gave up a three-run homer in the sixth inning, and left."),
    })
    assert not _plays(result, "of the home run"), messages(result)
