"""What went wrong on real coverage, one class at a time, on made-up stories.

Each test is a short cluster of made-up articles shaped like real coverage: people named by
surname alone or not at all, values bound to an attribute or a person, changes stated in one
sentence, background paragraphs about earlier events. It asserts what an editor would see.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency.ingest import read_articles
from consistency.resolve import Story, resolve
from consistency.runner import Toolkit

from test_traps import check, fired, messages, sides, write_cluster


def story_of(kit: Toolkit, tmp_path: Path, articles: dict[str, tuple[str, str]]) -> Story:
    write_cluster(tmp_path, articles)
    found, errors = read_articles([str(tmp_path)], kit.config)
    assert not errors
    return resolve(kit.extractor.extract(found), kit.vocab)


def slots_of(kit: Toolkit, tmp_path: Path, articles: dict[str, tuple[str, str]]) -> list[tuple[str, str, str, tuple[str, ...]]]:
    """(raw words, holder, attribute, qualifiers) of every value bound to a slot."""
    story = story_of(kit, tmp_path, articles)
    return sorted((v.mention.raw, v.holder, v.attribute, v.qualifiers) for v in story.slots)


def alarms(result) -> list:  # type: ignore[no-untyped-def]
    return [f for f in result.findings if f.level in ("error", "warning") and f.relation != "update"]


# ---------------------------------------------------------------------------------------------
# binding forms


@pytest.mark.parametrize("sentence, raw", [
    ("The quake struck at a shallow depth of 12 kilometres.", "12 kilometres"),
    ("The earthquake was 12 km (7 miles) deep.", "12 km"),
    ("Seismologists said the quake was just seven miles below the surface.", "seven miles"),
    ("The survey reported a 12-kilometre depth for the earthquake.", "12-kilometre"),
])
def test_depth_forms_bind_to_the_story_quake(kit: Toolkit, tmp_path: Path, sentence: str, raw: str) -> None:
    found = slots_of(kit, tmp_path, {"a.md": ("2024-04-02", "A strong earthquake hit the valley. " + sentence)})
    assert [(r, h, a) for r, h, a, _ in found] == [(raw, "event:disaster", "depth")]


def test_a_conversion_in_parentheses_is_not_a_second_value(kit: Toolkit, tmp_path: Path) -> None:
    found = slots_of(kit, tmp_path, {"a.md": ("2024-04-02", "The earthquake was 12 km (7 miles) deep.")})
    assert len(found) == 1


def test_a_figure_without_a_binding_form_binds_nothing(kit: Toolkit, tmp_path: Path) -> None:
    found = slots_of(kit, tmp_path, {"a.md": ("2024-04-02", "The earthquake hit 12 km from the coast road, "
                                                            "and 40 homes were damaged.")})
    assert [a for _, _, a, _ in found] == []


def test_aftershock_depth_is_a_slot_of_its_own(kit: Toolkit, tmp_path: Path) -> None:
    found = slots_of(kit, tmp_path, {"a.md": ("2024-04-02", "The quake struck at a depth of 12 km. "
                                                            "The aftershocks struck at a depth of 15 km.")})
    assert {h for _, h, _, _ in found} == {"event:disaster", "event:aftershock"}


@pytest.mark.parametrize("sentence", [
    "Forward Marta Quist, 29, scored twice.",
    "Forward Marta Quist (29) scored twice.",
    "The 29-year-old forward Marta Quist scored twice.",
    "Marta Quist, a 29-year-old forward, scored twice.",
])
def test_age_forms_bind_to_the_person(kit: Toolkit, tmp_path: Path, sentence: str) -> None:
    found = slots_of(kit, tmp_path, {"a.md": ("2024-06-11", sentence)})
    assert [(h, a) for _, h, a, _ in found] == [("person:Marta Quist", "age")]


def test_an_age_without_a_name_binds_nothing(kit: Toolkit, tmp_path: Path) -> None:
    assert slots_of(kit, tmp_path, {"a.md": ("2024-06-11", "A 52-year-old driver was hurt in the crash.")}) == []


def test_innings_bind_to_the_pitcher_and_the_game(kit: Toolkit, tmp_path: Path) -> None:
    found = slots_of(kit, tmp_path, {"a.md": ("2024-10-20", (
        "The Harbor Hawks relied on starter Teo Varga, who pitched the first six innings in Game 5 "
        "and the last 3⅓ innings in Game 6."))})
    assert ("3⅓ innings", "person:Teo Varga", "innings", ("part:game 6", "portion:last")) in found
    assert ("six innings", "person:Teo Varga", "innings", ("part:game 5", "portion:first")) in found


def test_innings_without_the_game_are_not_compared(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-10-20", "Teo Varga pitched 1.2 innings on Saturday before the rain delay."),
        "b.md": ("2024-10-21", "Teo Varga finished with 3⅓ scoreless innings to close it out."),
    })
    assert not alarms(result), messages(result)


def test_magnitude_is_compared_only_for_the_nth_quake(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-04-03", "A 6.1-magnitude earthquake hit the valley. A 4.4-magnitude earthquake "
                               "followed an hour later. On Tuesday, a second 5.3-magnitude tremor struck."),
        "b.md": ("2024-04-03", "A second 5.8 magnitude earthquake struck on Tuesday, officials said."),
    })
    found = fired(result, "NUM003")
    assert len(found) == 1, messages(result)
    assert sides(found[0]) == [{"M5.3"}, {"M5.8"}]


def test_premium_forms(kit: Toolkit, tmp_path: Path) -> None:
    found = slots_of(kit, tmp_path, {
        "a.md": ("2024-02-01", "The deal values the firm at a premium of 30% to its closing price."),
        "b.md": ("2024-02-01", "Under the agreement, shareholders get a 45% premium."),
    })
    assert [(r, h, a) for r, h, a, _ in found] == [("30%", "event:agreement", "premium"),
                                                   ("45%", "event:agreement", "premium")]


def test_altitude_form(kit: Toolkit, tmp_path: Path) -> None:
    found = slots_of(kit, tmp_path, {"a.md": ("2024-02-01", "The plane crashed from an altitude of 900 feet.")})
    assert [(r, a) for r, _, a, _ in found] == [("900 feet", "altitude")]


# ---------------------------------------------------------------------------------------------
# the classes that went wrong


def test_depth_in_other_units_agrees_and_a_different_depth_conflicts(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-04-02", "A strong earthquake shook the valley. It struck at a shallow depth of 12 kilometres."),
        "b.md": ("2024-04-02", "The earthquake was just seven miles below the surface."),
        "c.md": ("2024-04-03", "The quake was 20 km (12 miles) deep, the institute said."),
    })
    found = fired(result, "NUM003")
    assert len(found) == 1, messages(result)
    assert sides(found[0]) == [{"12 km", "7 mi"}, {"20 km"}]


def test_a_clock_time_and_its_conversion_said_around_agree(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-07-08", "The earthquake struck at 2:15 a.m. local time (2315 GMT) on Monday."),
        "b.md": ("2024-07-08", "The quake hit at around 2 a.m. local time (7:30 p.m. ET Sunday)."),
    })
    assert not fired(result, "TIME001"), messages(result)


def test_clock_times_half_an_hour_apart_conflict(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-07-08", "The earthquake struck at 2:15 a.m. local time (2315 GMT) on Monday."),
        "b.md": ("2024-07-09", "The quake hit at 23:45 GMT, shaking buildings across the region."),
    })
    found = fired(result, "TIME001")
    assert len(found) == 1, messages(result)


def test_a_status_time_is_not_the_time_of_the_event(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-07-08", "The storm made landfall at 1 p.m. ET on Tuesday."),
        "b.md": ("2024-07-08", "As of 5 p.m. ET, the storm was still a Category 4 hurricane."),
    })
    assert not fired(result, "TIME001"), messages(result)


def test_one_person_by_full_name_and_surname_alone(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-06-11", "Striker Anna Lindqvist, 31, scored twice in the final on Sunday."),
        "b.md": ("2024-06-12", "Anna Lindqvist opened the scoring. Lindqvist, 33, then added a second."),
    })
    found = fired(result, "NUM003")
    assert len(found) == 1, messages(result)
    assert "Anna Lindqvist" in found[0].subject


def test_accented_and_plain_spellings_are_one_person(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-06-11", "Midfielder Jérôme Vasseur, 28, was sent off."),
        "b.md": ("2024-06-12", "Midfielder Jerome Vasseur, 28, was sent off in the second half."),
    })
    assert not alarms(result), messages(result)
    from consistency.resolve.entities import EntityIndex
    assert EntityIndex.build(result.mentions).resolve("Jerome Vasseur") == \
        EntityIndex.build(result.mentions).resolve("Jérôme Vasseur")


def test_the_same_age_for_two_people_is_no_conflict(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-06-11", "Goalkeeper Ivo Lenk, 31, saved a penalty while Tomas Brenner, 41, scored."),
        "b.md": ("2024-06-12", "The 41-year-old Tomas Brenner scored twice as Ivo Lenk made a late save."),
    })
    assert not alarms(result), messages(result)


def test_a_change_in_one_sentence_is_not_sources_disagreeing(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-02-01", "Finance Minister Rosa Imbert cut the income tax rate from 40% to 35%."),
        "b.md": ("2024-02-02", "Rosa Imbert said the income tax rate is now 35%."),
    })
    assert not alarms(result), messages(result)


def test_a_death_toll_that_rises_in_later_reports_is_an_update(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-04-02", "The earthquake killed at least 250 people, officials said."),
        "b.md": ("2024-04-04", "The death toll from the earthquake rose to 1,400 people, officials said."),
    })
    assert not alarms(result), messages(result)


def test_a_weekday_read_the_day_after_is_the_day_before(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-05-17", "Premier Ines Galvao and Chancellor Otto Brandl met on Thursday in Vienna."),
        "b.md": ("2024-05-17", "Ines Galvao and Otto Brandl met on May 16 in Vienna, officials said."),
    })
    assert not fired(result, "DATE001"), messages(result)


def test_a_part_is_not_compared_with_the_whole(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-03-09", "Captain Lars Odegaard said 8 cabin crew were on board the flight."),
        "b.md": ("2024-03-09", "Lars Odegaard said 10 crew were on board the flight."),
    })
    assert not alarms(result), messages(result)


def test_a_first_meeting_in_years_is_not_the_meeting_length(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-05-02", "President Lea Vogt and Chancellor Max Brandt met for two hours."),
        "b.md": ("2024-05-02", "Lea Vogt and Max Brandt held their first meeting in six years."),
    })
    assert not fired(result, "DUR001"), messages(result)


def test_an_hour_and_twenty_minutes_is_one_duration(kit: Toolkit, tmp_path: Path) -> None:
    from consistency.normalize.quantities import find_quantities

    spans = [q for q in find_quantities("The talks lasted about an hour and 20 minutes.") if q.kind == "duration"]
    assert len(spans) == 1
    assert spans[0].interval is not None and spans[0].interval.low <= 80 / 1440 <= spans[0].interval.high


def test_reportedly_is_a_report_not_speculation(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-05-02", "Lea Vogt and Max Brandt's meeting reportedly lasted two hours."),
    })
    durations = [m for m in result.mentions if m.kind == "duration"]
    assert durations and all(m.modality == "reported" for m in durations)


def test_a_headline_fragment_is_not_a_person(kit: Toolkit, tmp_path: Path) -> None:
    story = story_of(kit, tmp_path, {
        "a.md": ("2024-02-01", "Leader Cuts Taxes Again\nFinance Minister Rosa Imbert cut taxes on Monday."),
    })
    people = {m.entity for m in story.mentions if m.kind == "person"}
    assert "Rosa Imbert" in people
    assert not any("Cuts" in p or "Taxes" in p for p in people), people


def test_each_title_goes_to_its_own_holder(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-02-01", "Valdorian President Rui Amaral and Ostrian President Ivo Kessler met on Monday."),
    })
    roles = {(m.entity, m.role) for m in result.mentions if m.kind == "role"}
    assert ("Rui Amaral", "president") in roles and ("Ivo Kessler", "president") in roles, roles


def test_an_earlier_quake_dated_differently_conflicts(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-09-02", "Rescuers searched the rubble. In March 2021, a magnitude 6.1 earthquake "
                               "struck the same valley."),
        "b.md": ("2024-09-03", "Aid arrived on Tuesday. Last March, a 6.1-magnitude earthquake killed "
                               "dozens, while in 2019 a 5.2-magnitude quake killed four."),
    })
    found = fired(result, "DATE002")
    assert len(found) == 1, messages(result)
    assert sides(found[0]) == [{"2021-03"}, {"2024-03"}]


def test_the_length_of_a_meeting_is_its_own_slot(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-05-02", "The talks between the two leaders lasted about an hour and 20 minutes."),
        "b.md": ("2024-05-02", "Their meeting lasted three hours, officials said."),
        "c.md": ("2024-05-03", "It was their first meeting in six years."),
    })
    found = fired(result, "DUR001")
    assert len(found) == 1, messages(result)
    assert sides(found[0]) == [{"3 h"}, {"~1 h 20 min"}]


def test_a_rounded_crowd_agrees_with_the_exact_one(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-10-20", "A crowd of 45,000 watched the final at the harbour stadium."),
        "b.md": ("2024-10-20", "In front of a crowd of 44,713, the hosts lost the final."),
    })
    assert not alarms(result), messages(result)
    result = check(tmp_path / "other", kit, {
        "a.md": ("2024-10-20", "A crowd of 45,000 watched the final at the harbour stadium."),
        "b.md": ("2024-10-20", "In front of a crowd of 38,120, the hosts lost the final."),
    })
    assert len(fired(result, "NUM003")) == 1, messages(result)


def test_in_the_last_twelve_months_is_not_a_length(kit: Toolkit, tmp_path: Path) -> None:
    found = slots_of(kit, tmp_path, {"a.md": ("2024-05-02", "The two leaders met three times in the last 12 months.")})
    assert found == []


def test_a_list_of_organisations_has_no_age(kit: Toolkit, tmp_path: Path) -> None:
    found = slots_of(kit, tmp_path, {"a.md": ("2024-05-02", "The deal joins Orvane Cloud and Tessly, the five-year-old "
                                                            "start-up, into one company.")})
    assert [a for _, _, a, _ in found if a == "age"] == []


def test_a_clause_about_a_smaller_quake_is_not_about_the_main_one(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-04-02", "A 6.2-magnitude earthquake struck at a depth of 8 km."),
        "b.md": ("2024-04-02", "The 6.2-magnitude quake was 8 km deep. Later a 4.4-magnitude earthquake "
                               "struck at a depth of 10 km."),
        "c.md": ("2024-04-03", "The 6.2-magnitude earthquake hit the valley overnight."),
    })
    assert not alarms(result), messages(result)


def test_polls_closing_and_the_race_called_are_two_moments(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-11-06", "Polls closed at 9 p.m. ET in the city election."),
        "b.md": ("2024-11-06", "Networks called the election at 9:40 p.m. ET."),
    })
    assert not alarms(result), messages(result)


@pytest.mark.parametrize("sentence, compass", [
    ("The storm made landfall in southwestern Portugal.", "southwest"),
    ("The storm bore down on Portugal's northeastern coast.", "northeast"),
    ("The storm struck the northeastern coast of Portugal.", "northeast"),
])
def test_region_forms(kit: Toolkit, tmp_path: Path, sentence: str, compass: str) -> None:
    story = story_of(kit, tmp_path, {"a.md": ("2024-09-10", sentence)})
    regions = [(m.value, m.entity) for m in story.mentions if m.kind == "region"]
    assert regions == [(compass, "country:PT")]
    assert [v.attribute for v in story.slots] == ["part struck"]


def test_an_earlier_offer_named_by_its_amount_dated_two_ways(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2025-03-18", "In July 2023, Tessly rejected Orvane's $9 billion offer, people familiar said."),
        "b.md": ("2025-03-18", "Last year, Orvane offered $9 billion for Tessly but was turned down."),
        "c.md": ("2025-03-19", "Orvane raised its offer from $9 billion to $14 billion this week."),
    })
    found = fired(result, "DATE002")
    assert len(found) == 1, messages(result)
    assert sides(found[0]) == [{"2023-07"}, {"2024"}]
    assert not fired(result, "NUM003"), messages(result)


def test_places_meet_without_accents_and_by_alternate_names(kit: Toolkit) -> None:
    gazetteer = kit.gazetteer
    plain, accented = gazetteer.lookup("Sao Paulo"), gazetteer.lookup("São Paulo")
    assert plain is not None and plain == accented
    assert gazetteer.lookup("Mailand") == gazetteer.lookup("Milan")
    assert gazetteer.lookup("Lisboa") == gazetteer.lookup("Lisbon")


def test_each_agency_gives_its_own_estimate(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-04-02", "According to the National Seismic Service (NSS), the quake struck at a depth of 12 km."),
        "b.md": ("2024-04-02", "The NSS reported a 12-kilometre depth. The quake was felt widely."),
        "c.md": ("2024-04-03", "The quake was 12 km deep, the agency said."),
        "d.md": ("2024-04-03", "According to the Coastal Geophysics Institute (CGI), the earthquake struck at a "
                               "depth of 20 kilometres."),
    })
    assert not alarms(result), messages(result)
    result = check(tmp_path / "same", kit, {
        "a.md": ("2024-04-02", "According to the National Seismic Service (NSS), the quake struck at a depth of 12 km."),
        "b.md": ("2024-04-02", "The NSS reported a 12-kilometre depth. The quake was felt widely."),
        "d.md": ("2024-04-03", "The earthquake struck at a depth of 20 kilometres, the NSS said."),
    })
    assert len(fired(result, "NUM003")) == 1, messages(result)


ACQUISITION = "Orvane agreed on Tuesday to buy the security firm Tessly for $9 billion in cash."


def test_an_earlier_deal_is_named_by_the_company_bought(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2025-03-18", ACQUISITION + " In 2019 Orvane bought Kelvara for $2.1 billion."),
        "b.md": ("2025-03-18", ACQUISITION + " Orvane acquired Kelvara in March 2021 for $3.4 billion."),
        "c.md": ("2025-03-19", ACQUISITION + " Orvane bought the analytics firm Kelvara in 2020, analysts noted."),
    })
    dates = fired(result, "DATE002")
    assert len(dates) == 1, messages(result)
    assert sides(dates[0]) == [{"2019"}, {"2021-03"}]
    prices = fired(result, "NUM003")
    assert len(prices) == 1, messages(result)
    assert sides(prices[0]) == [{"USD 2100000000"}, {"USD 3400000000"}]
    assert "Kelvara" in prices[0].subject


def test_a_deal_signed_one_year_and_closed_the_next_agrees(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2025-03-18", ACQUISITION + " Orvane bought Kelvara in 2019, its largest deal until now."),
        "b.md": ("2025-03-18", ACQUISITION + " Orvane acquired Kelvara in February 2020."),
    })
    assert not alarms(result), messages(result)


def test_a_price_with_no_company_named_is_not_compared(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2025-03-18", ACQUISITION),
        "b.md": ("2025-03-18", ACQUISITION + " Kelvara, which it acquired for $2.1 billion, was its largest deal."),
    })
    assert not alarms(result), messages(result)


def test_an_offer_is_not_the_price_of_the_deal(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2025-03-18", ACQUISITION),
        "b.md": ("2025-03-18", ACQUISITION + " Last year, Orvane offered $6 billion to acquire Tessly but was rebuffed."),
    })
    assert not alarms(result), messages(result)


def test_a_title_and_surname_are_the_full_name(kit: Toolkit, tmp_path: Path) -> None:
    story = story_of(kit, tmp_path, {
        "a.md": ("2024-06-11", "President David Okafor, 58, opened the summit on Monday."),
        "b.md": ("2024-06-12", "President Okafor said the talks would go on. Okafor, 58, spoke for an hour."),
    })
    assert {v.holder for v in story.slots if v.attribute == "age"} == {"person:David Okafor"}


def test_a_rise_stated_in_one_sentence_is_one_change(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-04-02", "Governor Lina Brandt said the toll rose to 48 from 45 overnight."),
        "b.md": ("2024-04-02", "Governor Lina Brandt said the toll stands at 48."),
    })
    assert not alarms(result), messages(result)


def test_the_size_of_a_cut_is_not_the_level_it_led_to(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-02-01", "Finance Minister Rosa Imbert announced a 10-point cut in the income tax rate."),
        "b.md": ("2024-02-02", "Rosa Imbert said the income tax rate is now 30%."),
    })
    assert not alarms(result), messages(result)


def test_a_country_named_in_passing_is_not_the_place_of_the_event(kit: Toolkit, tmp_path: Path) -> None:
    result = check(tmp_path, kit, {
        "a.md": ("2024-09-01", "President Lea Vogt, back from a week in Japan, will meet Chancellor Max Brandt in Munich."),
        "b.md": ("2024-09-01", "Lea Vogt and Max Brandt will meet in Munich on Friday, officials said."),
    })
    assert not fired(result, "LOC001"), messages(result)


def test_one_quake_named_by_its_magnitude_however_written(kit: Toolkit, tmp_path: Path) -> None:
    # "magnitude 6 degrés" is the story's M6.0 quake, not another one: its depth is compared.
    result = check(tmp_path, kit, {
        "a.md": ("2024-09-02", "A 6.0-magnitude earthquake struck the valley at a depth of 10 kilometres."),
        "b.md": ("2024-09-02", "Le séisme de magnitude 6 degrés a frappé la vallée à une profondeur de 30 km."),
        "c.md": ("2024-09-02", "The magnitude 6 quake was felt across the province."),
    })
    found = fired(result, "NUM003")
    assert len(found) == 1 and "depth" in found[0].message.lower(), messages(result)
    assert sides(found[0]) == [{"10 km"}, {"30 km"}]
