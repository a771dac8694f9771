"""Parts of a named day ("late Sunday", "la madrugada del domingo") across languages (made-up articles)."""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency.runner import Toolkit

from test_real_coverage import alarms
from test_traps import check, fired, messages, sides

LATE_SUNDAY = ("2024-09-02", "A 6.1-magnitude earthquake struck the Varna valley late Sunday, killing dozens.")


def test_the_small_hours_of_sunday_are_not_late_sunday(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": LATE_SUNDAY,
        "b.md": ("2024-09-02", "The earthquake hit just before midnight on Sunday, officials said."),
        "c.md": ("2024-09-02", "En la madrugada del domingo, un terremoto sacudió el valle de Varna."),
    })
    found = fired(result, "TIME002")
    assert len(found) == 1 and found[0].level == "warning", messages(result)
    assert sides(found[0]) == [{"Sunday 00:00 to 07:00"}, {"Sunday 16:00 to 01:00", "Sunday 22:00 to 00:30"}]


@pytest.mark.parametrize("other", [
    "Le séisme a frappé la vallée de Varna dans la nuit de dimanche à lundi.",
    "Das Erdbeben erschütterte das Tal in der Nacht zum Montag.",
    "El terremoto sacudió el valle la noche del domingo.",
    "The quake struck early Monday local time, hours after the festival ended.",
])
def test_the_same_night_in_other_words_agrees(kit: Toolkit, tmp_path: Path, other: str) -> None:
    result = check(tmp_path, kit, {"a.md": LATE_SUNDAY, "b.md": ("2024-09-02", other)})
    assert not fired(result, "TIME002"), messages(result)


def test_a_german_compound_part_of_day_is_read(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": LATE_SUNDAY,
        "b.md": ("2024-09-02", "Das Erdbeben der Stärke 6,1 erschütterte das Tal am Sonntagmorgen."),
    })
    found = fired(result, "TIME002")
    assert len(found) == 1, messages(result)
    assert sides(found[0]) == [{"Sunday 03:00 to 12:00"}, {"Sunday 16:00 to 01:00"}]


@pytest.mark.parametrize("other", [
    # a storm lasts hours: every part of its day can be right
    "Hurricane Tavi battered the Varna coast early Sunday.",
    # a part said in another zone is not local time
    "The earthquake struck Sunday morning ET, the survey said.",
    # a status, not the moment
    "Rescuers searched the rubble of the quake until early Sunday.",
    # two parts and two happenings in one sentence: which is whose is loosely said
    "The quake struck early Sunday, and an aftershock followed on Tuesday morning.",
    # a forecast is no report
    "Experts said another earthquake could strike early Sunday.",
    # the part of a day of something else the sentence tells
    "Rescuers reached the quake zone early Sunday, officials said.",
    "Officials said early Sunday that the earthquake had killed dozens.",
])
def test_what_is_not_the_moment_of_the_happening_is_not_read(kit: Toolkit, tmp_path: Path, other: str) -> None:
    result = check(tmp_path, kit, {"a.md": LATE_SUNDAY, "b.md": ("2024-09-02", other)})
    assert not fired(result, "TIME002"), messages(result)
