"""Coverage in Spanish, French, German, Portuguese and Italian read and compared with English.

Made-up articles: each language's dates, figures, quotes and names are read, and pairs across
languages make a finding when their values cannot both be true, and none when they agree.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency.runner import Toolkit

from test_real_coverage import alarms
from test_traps import check, fired, messages, sides

DEPTH_EN = "A strong earthquake shook the valley overnight. The quake struck at a shallow depth of 12 kilometres."

DEPTH = {
    "es": "Un fuerte terremoto sacudió el valle. El sismo tuvo una profundidad de {} kilómetros, según los sismólogos.",
    "fr": "Un fort séisme a secoué la vallée. Le séisme s'est produit à une profondeur de {} kilomètres, selon les sismologues.",
    "de": "Ein starkes Erdbeben erschütterte das Tal. Das Beben ereignete sich in einer Tiefe von {} Kilometern.",
    "pt": "Um forte terremoto atingiu o vale. O sismo ocorreu a uma profundidade de {} quilômetros, segundo os sismólogos.",
    "it": "Un forte terremoto ha colpito la valle. Il sisma si è verificato a una profondità di {} chilometri.",
}


@pytest.mark.parametrize("language", sorted(DEPTH))
def test_a_depth_in_another_language_conflicts_with_the_english(kit: Toolkit, tmp_path: Path, language: str) -> None:
    result = check(tmp_path, kit, {
        "en.md": ("2024-04-02", DEPTH_EN),
        "en2.md": ("2024-04-02", "The earthquake was 12 km deep, seismologists said."),
        f"{language}.md": ("2024-04-02", DEPTH[language].format("30")),
    })
    assert not result.skipped, result.skipped
    found = fired(result, "NUM003")
    assert len(found) == 1, messages(result)
    assert sides(found[0]) == [{"12 km"}, {"30 km"}]


@pytest.mark.parametrize("language", sorted(DEPTH))
def test_the_same_depth_in_another_language_agrees(kit: Toolkit, tmp_path: Path, language: str) -> None:
    result = check(tmp_path, kit, {
        "en.md": ("2024-04-02", DEPTH_EN),
        f"{language}.md": ("2024-04-02", DEPTH[language].format("12")),
    })
    assert not alarms(result), messages(result)


WEEKDAY = {
    "fr": "La tempête a frappé l'archipel mardi 12 novembre, selon les autorités.",
    "es": "La tormenta azotó el archipiélago el martes 12 de noviembre, según las autoridades.",
    "de": "Der Sturm traf die Inseln am Dienstag, 12. November, teilten die Behörden mit.",
}


@pytest.mark.parametrize("language", sorted(WEEKDAY))
def test_a_weekday_wrong_for_its_date_in_another_language(kit: Toolkit, tmp_path: Path, language: str) -> None:
    # 2025-11-12 is a Wednesday.
    result = check(tmp_path, kit, {
        "en.md": ("2025-11-13", "The storm hit the islands on Wednesday, November 12, officials said."),
        f"{language}.md": ("2025-11-13", WEEKDAY[language]),
    })
    found = fired(result, "WEEK001")
    assert len(found) == 1, messages(result)
    assert "is a Wednesday, not a" in found[0].message
    assert {Path(e.article).name for e in found[0].evidence} == {"en.md", f"{language}.md"}


def test_a_quote_in_another_language_is_a_variant_not_a_conflict(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "en.md": ("2024-05-02", '"We will rebuild every school in the valley," Mayor Ines Galvao said on Monday.'),
        "es.md": ("2024-05-02", '«Reconstruiremos cada escuela del valle», dijo la alcaldesa Ines Galvao el lunes.'),
    })
    assert not fired(result, "QUOTE001"), messages(result)
    quotes = [m for m in result.mentions if m.kind == "quote"]
    assert {m.article for m in quotes} == {"en", "es"}


def test_a_name_read_by_its_capitals_counts_only_when_the_cluster_confirms_it(kit: Toolkit, tmp_path: Path) -> None:
    from consistency.resolve import resolve

    result = check(tmp_path, kit, {
        "en.md": ("2024-06-11", "Striker Marta Quist scored twice in the final on Sunday."),
        "de.md": ("2024-06-11", "Die Stürmerin Marta Quist traf zweimal. Das Finale Sonntag Abend war ausverkauft."),
    })
    story = resolve(result.mentions, kit.vocab, kit.gazetteer)
    people = {m.entity for m in story.mentions if m.kind == "person"}
    assert "Marta Quist" in people
    assert not any("Finale" in p or "Sonntag" in p for p in people), people


@pytest.mark.parametrize("language, text, value", [
    ("es", "Se espera que el acuerdo se cierre el 18 de marzo de 2026, por 5.400 millones de dólares.", "USD 5400000000"),
    ("fr", "L'accord de rachat, conclu le 18 mars 2026, s'élève à 5,4 milliards de dollars.", "USD 5400000000"),
    ("de", "Die Übernahme wurde am 18. März 2026 vereinbart und kostet 5,4 Milliarden Dollar.", "USD 5400000000"),
    ("pt", "O acordo de compra, fechado em 18 de março de 2026, vale 5,4 bilhões de dólares.", "USD 5400000000"),
    ("it", "L'accordo di acquisto, firmato il 18 marzo 2026, vale 5,4 miliardi di dollari.", "USD 5400000000"),
])
def test_each_language_reads_its_dates_and_money(kit: Toolkit, tmp_path: Path, language: str, text: str, value: str) -> None:
    result = check(tmp_path, kit, {f"{language}.md": ("2026-03-19", text)})
    assert not result.skipped
    values = {(m.kind, m.value) for m in result.mentions}
    assert ("date", "2026-03-18") in values, values
    assert ("money", value) in values, values


def test_a_language_with_no_resources_is_skipped_with_a_reason(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "nl.md": ("2024-04-02", "Een zware aardbeving trof de vallei. De beving was 30 kilometer diep, zeggen de experts."),
        "en.md": ("2024-04-02", DEPTH_EN),
    })
    assert [(Path(p).name, "docs/languages.md" in why) for p, why in result.skipped] == [("nl.md", True)]
