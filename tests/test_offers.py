"""The rejected offer of a takeover story, across sources and languages (made-up articles)."""

from __future__ import annotations

from pathlib import Path

from consistency.runner import Toolkit

from test_real_coverage import alarms, slots_of
from test_traps import check, fired, messages, sides


def test_two_amounts_for_the_rejected_offer_are_a_warning(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2025-03-18", "Halvard agreed to buy Tessly for $12 billion. Tessly rejected a $9 billion offer "
                               "from Halvard last year."),
        "b.md": ("2025-03-18", "Halvard comprará Tessly. El año pasado, el consejo de Tessly rechazó la oferta por "
                               "US$6 mil millones, según su fundadora, Ana Berg."),
    })
    found = [f for f in fired(result, "NUM003") if "rejected" in f.message]
    assert len(found) == 1 and found[0].level == "warning", messages(result)
    assert sides(found[0]) == [{"USD 6000000000"}, {"USD 9000000000"}]


ONE_OFFER_THREE_LANGUAGES = {
    "a.md": ("2025-03-18", "Tessly rejected a $9 billion offer from Halvard last year."),
    "b.md": ("2025-03-18", "El consejo de Tessly rechazó la oferta por US$9 mil millones."),
    "c.md": ("2025-03-18", "Tessly avait refusé une offre de 9 milliards de dollars."),
}


def test_the_rejected_offer_in_another_language_agrees(kit: Toolkit, tmp_path: Path) -> None:
    bound = [(raw, qualifiers) for raw, _, attribute, qualifiers in slots_of(kit, tmp_path / "slots", ONE_OFFER_THREE_LANGUAGES)
             if attribute == "offer"]
    assert sorted(bound) == [("$9 billion", ("outcome:rejected",)), ("9 milliards de dollars", ("outcome:rejected",)),
                             ("US$9 mil millones", ("outcome:rejected",))]
    result = check(tmp_path / "check", kit, ONE_OFFER_THREE_LANGUAGES)
    assert not alarms(result), messages(result)


def test_the_accepted_offer_is_not_the_rejected_one(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2025-03-18", "Tessly rejected a $9 billion offer from Halvard last year."),
        "b.md": ("2025-03-18", "Halvard offered $12 billion for Tessly, and the board agreed."),
    })
    assert not alarms(result), messages(result)


def test_a_clause_of_two_rejected_offers_binds_neither(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2025-03-18", "Tessly rejected offers of $8 billion and $9 billion before it agreed."),
        "b.md": ("2025-03-18", "Tessly rejected a $9 billion offer from Halvard last year."),
    })
    assert not alarms(result), messages(result)
