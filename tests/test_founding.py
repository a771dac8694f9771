"""An organisation's founding date and place, across sources and languages (made-up articles)."""

from __future__ import annotations

from pathlib import Path

from consistency.runner import Toolkit

from test_real_coverage import alarms, slots_of
from test_traps import check, fired, messages, sides


def test_founding_months_that_differ_conflict_across_languages(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2025-03-18", "Founded in January 2020 by Ana Berg, Ivo Kessler and Rui Amaral, Orvane grew "
                               "quickly as offices closed."),
        "b.md": ("2025-03-18", "Fundada en marzo del 2020, Orvane fue contactada por un comprador en 2024."),
        "c.md": ("2025-03-19", "Orvane, founded in 2020 by three engineers, sells security software."),
    })
    found = fired(result, "DATE003")
    assert len(found) == 1, messages(result)
    assert sides(found[0]) == [{"2020-01"}, {"2020-03"}]  # the year alone agrees with both


def test_the_three_forms_name_the_organisation(kit: Toolkit, tmp_path: Path) -> None:
    slots = slots_of(kit, tmp_path, {
        "a.md": ("2025-03-18", "Founded in 2019, Orvane sells software."),
        "b.md": ("2025-03-18", "Tessly, the payments firm founded in May 2018, was not part of the deal."),
        "c.md": ("2025-03-18", "Kelda Labs was founded in 2017 by two chemists."),
    })
    founded = {(raw, holder) for raw, holder, attribute, _ in slots if attribute == "founding date"}
    assert founded == {("in 2019", "org:Orvane"), ("in May 2018", "org:Tessly"), ("in 2017", "org:Kelda Labs")}


def test_someone_founding_a_company_is_not_its_founding_date(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2025-03-18", "Ana Berg founded Orvane in 2018 after leaving the army."),
        "b.md": ("2025-03-18", "Orvane, founded in 2020, sells security software."),
    })
    assert not fired(result, "DATE003"), messages(result)


def test_two_companies_keep_their_own_founding_dates(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2025-03-18", "Founded in 1998 by two students, Halvard grew into a giant."),
        "b.md": ("2025-03-18", "Founded in 2020 by three friends, Orvane is young."),
        "c.md": ("2025-03-18", "Orvane, founded in 2020, agreed to the sale."),
    })
    assert not alarms(result), messages(result)


def test_a_founding_date_counted_back_from_publication_is_not_read(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2025-03-18", "Fundada hace cinco años, Orvane creció muy rápido."),
        "b.md": ("2025-03-18", "Orvane, founded in 2018, sells security software."),
    })
    assert not fired(result, "DATE003"), messages(result)


def test_founding_places_that_exclude_each_other_are_a_warning(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2025-03-18", "After getting its start in Portugal in 2020, Orvane now runs its business from Madrid."),
        "b.md": ("2025-03-18", "Fundada en 2020 en Madrid, Orvane ha crecido muy rápido."),
    })
    found = fired(result, "LOC003")
    assert len(found) == 1 and found[0].level == "warning", messages(result)
    assert sides(found[0]) == [{"Madrid"}, {"Portugal"}]


def test_a_city_agrees_with_its_country_and_a_headquarters_is_no_founding_place(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2025-03-18", "After getting its start in Portugal in 2020, Orvane now runs its business from Madrid."),
        "b.md": ("2025-03-18", "Orvane, fondée à Lisbonne en 2020, est basée à Madrid."),
        "c.md": ("2025-03-18", "Orvane, headquartered in Madrid, was founded in Lisbon."),
    })
    assert not fired(result, "LOC003"), messages(result)
