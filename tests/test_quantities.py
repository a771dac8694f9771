"""Tests for consistency.normalize.quantities: made-up sentences, one form per test."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consistency.models import Interval
from consistency.normalize.quantities import (
    ABOUT_BAND,
    QuantitySpan,
    find_quantities,
)

DAY = 1.0
HOUR = 1 / 24


def spans(sentence: str) -> list[QuantitySpan]:
    return find_quantities(sentence)


def only(sentence: str) -> QuantitySpan:
    found = spans(sentence)
    assert len(found) == 1, found
    return found[0]


def by_raw(sentence: str, raw: str) -> QuantitySpan:
    for s in spans(sentence):
        if s.raw == raw:
            return s
    raise AssertionError(f"{raw!r} not in {[s.raw for s in spans(sentence)]}")


def close(a: float | None, b: float, tol: float = 1e-6) -> bool:
    return a is not None and math.isclose(a, b, rel_tol=tol, abs_tol=tol)


def point(iv: Interval | None, v: float) -> bool:
    return iv is not None and close(iv.low, v) and close(iv.high, v)


# ------------------------------------------------------------------ percentages


@pytest.mark.parametrize("text", ["100%", "100 percent", "100 per cent", "100 pct"])
def test_percent_forms(text: str) -> None:
    s = only(f"The levy on imported kettles rose to {text} this spring.")
    assert s.kind == "percentage"
    assert s.raw == text
    assert s.value == "100%"
    assert s.unit == "%"
    assert point(s.interval, 100)


def test_fraction_of_a_percent() -> None:
    s = only("Output grew by three-quarters of a percent last quarter.")
    assert s.kind == "percentage"
    assert s.raw == "three-quarters of a percent"
    assert point(s.interval, 0.75)


def test_half_a_percent() -> None:
    s = only("The lender trimmed its rate by half a percent.")
    assert s.kind == "percentage"
    assert point(s.interval, 0.5)


def test_more_than_percent() -> None:
    s = only("Prices climbed more than 1% in the town.")
    assert s.raw == "more than 1%"
    assert s.hedge == "more than"
    assert s.interval == Interval(1.0, None, low_open=True)


def test_nearly_percent_is_just_under() -> None:
    s = only("Nearly 20% of the orchard was lost.")
    assert s.hedge == "nearly"
    iv = s.interval
    # Closed at the top: "nearly 20%" and a rounded "20%" agree; 21% does not.
    assert iv is not None and close(iv.low, 18) and close(iv.high, 20) and not iv.high_open
    assert iv.overlaps(Interval(20, 20)) and iv.overlaps(Interval(19, 19))
    assert not iv.overlaps(Interval(21, 21))


def test_about_percent_band() -> None:
    s = only("About 20% of the voters in the valley stayed home.")
    assert s.hedge == "about"
    assert s.value == "~20%"
    iv = s.interval
    assert iv is not None
    assert close(iv.low, 20 * (1 - ABOUT_BAND)) and close(iv.high, 20 * (1 + ABOUT_BAND))


def test_percentage_points() -> None:
    s = only("Support fell 5 percentage points in a week.")
    assert s.kind == "percentage_points"
    assert s.unit == "pp"
    assert s.value == "5 pp"
    assert point(s.interval, 5)


def test_points_after_percent_context() -> None:
    found = spans("Turnout hit 62%, up 5 points from the last poll.")
    assert [x.kind for x in found] == ["percentage", "percentage_points"]
    assert found[1].raw == "5 points"


def test_points_without_percent_context_are_not_pp() -> None:
    assert all(x.kind != "percentage_points" for x in spans("The team scored 5 points."))


def test_basis_points() -> None:
    s = only("The bank raised rates by 25 basis points.")
    assert s.kind == "percentage_points"
    assert point(s.interval, 0.25)


def test_cut_by_percent_has_role_and_noun() -> None:
    s = only("The council cut parking fees by 10% on Monday.")
    assert s.kind == "percentage"
    assert s.counted == "fee"
    assert "by" in s.modifiers


def test_from_to_percentages_are_two_spans() -> None:
    found = spans("The council cut parking fees from 57% to 47% after the vote.")
    assert [x.raw for x in found] == ["57%", "47%"]
    assert all(x.kind == "percentage" for x in found)
    assert "from" in found[0].modifiers and "to" in found[1].modifiers
    assert found[0].counted == found[1].counted == "fee"


def test_from_to_with_unit_only_at_end() -> None:
    found = spans("The levy was raised from 10 to 20 percent.")
    assert [x.raw for x in found] == ["10", "20 percent"]
    assert [x.value for x in found] == ["10%", "20%"]
    assert "from" in found[0].modifiers and "to" in found[1].modifiers


def test_from_to_descending_with_unit_only_at_end() -> None:
    found = spans("Duties fell from 20 to 10 percent.")
    assert [x.value for x in found] == ["20%", "10%"]


def test_from_to_money_shares_scale() -> None:
    found = spans("The budget grew from $10 to $12 billion.")
    assert [x.raw for x in found] == ["$10", "$12 billion"]
    iv = found[0].interval
    assert iv is not None and iv.overlaps(Interval(10e9, 10e9))


def test_from_to_duration_keeps_hedge_and_role() -> None:
    found = spans("The truce was extended from about 10 to 20 days.")
    assert [x.kind for x in found] == ["duration", "duration"]
    assert found[0].hedge == "about" and "from" in found[0].modifiers
    assert found[0].interval is not None and found[0].interval.overlaps(Interval(10, 10))


def test_percent_counted_noun_after() -> None:
    s = only("They imposed a 25% levy on bicycles.")
    assert s.counted == "levy"


def test_percent_of_the_noun() -> None:
    s = only("The mayor won 54% of the vote.")
    assert s.counted == "vote"


# ------------------------------------------------------------------ money


@pytest.mark.parametrize(
    "text,code,amount",
    [
        ("$55bn", "USD", 55e9),
        ("$55 billion", "USD", 55e9),
        ("55 billion dollars", "USD", 55e9),
        ("€3.2m", "EUR", 3.2e6),
        ("£40 million", "GBP", 40e6),
        ("US$1.5 trillion", "USD", 1.5e12),
        ("RMB 10 billion", "CNY", 10e9),
        ("10 billion yuan", "CNY", 10e9),
        ("¥500 million", "JPY", 500e6),
        ("$1,200", "USD", 1200),
    ],
)
def test_money(text: str, code: str, amount: float) -> None:
    s = only(f"The fund pledged {text} to the harbour project.")
    assert s.kind == "money"
    assert s.raw == text
    assert s.unit == code
    assert s.value == f"{code} {int(amount)}"
    iv = s.interval
    assert iv is not None and iv.low is not None and iv.high is not None
    assert iv.low <= amount <= iv.high


def test_money_rounding_band() -> None:
    a = only("A deal worth $55bn was signed.").interval
    b = only("A deal worth $55.3bn was signed.").interval
    c = only("A deal worth $56bn was signed.").interval
    assert a is not None and b is not None and c is not None
    assert a.overlaps(b)
    assert not a.overlaps(c)


def test_money_per_share() -> None:
    s = only("The buyer offered $210 a share for the brewery.")
    assert s.kind == "money"
    assert s.counted == "share"
    assert s.raw == "$210 a share"
    assert point(s.interval, 210)


def test_money_counted_noun() -> None:
    assert only("They signed a $3bn contract for buses.").counted == "contract"


def test_money_range_with_shared_scale() -> None:
    s = only("The bridge will cost $10-12 billion.")
    assert s.kind == "money"
    iv = s.interval
    assert iv is not None and iv.low is not None and iv.high is not None
    assert iv.low <= 10e9 and iv.high >= 12e9 and iv.low > 9e9


def test_pounds_without_money_context_is_weight() -> None:
    s = only("The parcel weighed 50 pounds.")
    assert s.kind == "measure" and s.unit == "lb"


# ------------------------------------------------------------------ counts


def test_count_with_noun() -> None:
    s = only("The ferry had 242 people on board.")
    assert s.kind == "count"
    assert s.raw == "242 people"
    assert s.counted == "people"
    assert s.unit == "people"
    assert point(s.interval, 242)


def test_count_number_word() -> None:
    s = only("Rescuers sent three ships to the reef.")
    assert s.kind == "count" and s.counted == "ship" and point(s.interval, 3)


@pytest.mark.parametrize(
    "word,value",
    [("one", 1), ("seven", 7), ("twelve", 12), ("nineteen", 19), ("twenty", 20),
     ("forty-two", 42), ("ninety nine", 99), ("sixty-one", 61)],
)
def test_number_words(word: str, value: int) -> None:
    s = only(f"The panel heard {word} witnesses before lunch.")
    assert s.kind == "count"
    assert point(s.interval, value)


def test_a_dozen() -> None:
    s = only("Envoys from a dozen countries attended.")
    assert s.raw == "a dozen countries"
    assert s.counted == "country"
    assert point(s.interval, 12)


def test_two_thirds_of_members() -> None:
    s = only("Two-thirds of members backed the motion.")
    assert s.counted == "member"
    iv = s.interval
    assert iv is not None and iv.low is not None and iv.high is not None
    assert iv.low <= 200 / 3 <= iv.high
    assert iv.overlaps(Interval(67, 67))
    assert not iv.overlaps(Interval(50, 50))


def test_hundreds_of_people() -> None:
    s = only("Hundreds of people gathered in the square.")
    assert s.kind == "count"
    assert s.value == "hundreds"
    assert s.hedge == "about"
    assert s.counted == "people"
    assert s.interval == Interval(200, 999)


def test_several_rounds() -> None:
    s = only("After several rounds of talks the deal held.")
    assert s.value == "several"
    assert s.counted == "round"
    assert s.interval == Interval(3, 9)


def test_a_few_and_dozens() -> None:
    assert only("A few boats were damaged.").interval == Interval(2, 5)
    assert only("Dozens of boats were damaged.").interval == Interval(24, 99)


def test_several_hundred() -> None:
    s = only("Several hundred farmers marched.")
    assert s.interval == Interval(300, 900)
    assert s.counted == "farmer"


def test_comma_thousands() -> None:
    s = only("The stadium holds 1,200 fans.")
    assert point(s.interval, 1200) and s.counted == "fan"


def test_plain_number_without_noun() -> None:
    s = only("The final tally was 1,200.")
    assert s.kind == "number" and point(s.interval, 1200)


def test_scaled_count() -> None:
    s = only("The flood displaced 1.5 million people.")
    assert s.kind == "count"
    assert s.counted == "people"
    iv = s.interval
    assert iv is not None and iv.low is not None and iv.high is not None
    assert iv.low <= 1.5e6 <= iv.high and iv.low >= 1.4e6 and iv.high <= 1.6e6


def test_count_modifiers_between_number_and_noun() -> None:
    s = only("The ministry announced 10 new fishing permits.")
    assert s.counted == "permit"
    assert s.modifiers == ("new", "fishing")


def test_count_adjective_before_number() -> None:
    s = only("The club signed an additional 40 players.")
    assert s.counted == "player"
    assert "additional" in s.modifiers


def test_count_stops_at_verb() -> None:
    s = only("Three ships sank near the cape.")
    assert s.counted == "ship"
    assert s.raw == "Three ships"


def test_plural_noun_preferred_over_following_verb() -> None:
    assert only("The 20% import tariffs stay in place.").counted == "tariff"


def test_abbreviation_inside_noun_phrase() -> None:
    s = only("They threatened a new 100% U.S. levy on kettles.")
    assert s.counted == "levy"
    assert s.modifiers == ("new", "u.s.")


@pytest.mark.parametrize(
    "sentence,pct", [("Around 1 in 5 adults smoke.", 20.0), ("One in three voters stayed home.",
                                                              100 / 3)]
)
def test_ratio_is_a_percentage(sentence: str, pct: float) -> None:
    s = only(sentence)
    assert s.kind == "percentage"
    assert s.interval is not None and s.interval.overlaps(Interval(pct, pct))


def test_ratio_not_with_year_or_time() -> None:
    assert all(x.kind != "percentage" for x in spans("He scored 3 in 10 minutes."))
    assert all(x.kind != "percentage" for x in spans("The museum reopened 1 in 2020."))


def test_count_of_in_crew() -> None:
    s = only("A crew of 12 was aboard.")
    assert s.kind == "number" and s.counted == "crew"


def test_one_person() -> None:
    s = only("She said one person died.")
    assert s.kind == "count" and s.counted == "person" and point(s.interval, 1)


# ------------------------------------------------------------------ ordinals


def test_ordinal_with_of_phrase() -> None:
    s = only("Negotiators began a fifth round of in-person talks.")
    assert s.kind == "ordinal"
    assert s.raw == "a fifth round"
    assert s.value == "5"
    assert s.counted == "round"
    assert s.modifiers == ("in-person", "talks")


def test_ordinal_first_meeting() -> None:
    s = only("It was the first meeting between the mayors since the flood.")
    assert s.kind == "ordinal" and s.value == "1" and s.counted == "meeting"


def test_ordinal_superlative() -> None:
    s = only("The port is the region's third-largest harbour.")
    assert s.kind == "ordinal"
    assert s.value == "3"
    assert s.counted == "harbour"
    assert "largest" in s.modifiers


def test_ordinal_digits() -> None:
    s = only("Voters returned for the 5th referendum.")
    assert s.kind == "ordinal" and s.value == "5" and s.counted == "referendum"


def test_ordinal_adverb_first_is_skipped() -> None:
    assert spans("The mayors first spoke by phone.") == []
    assert [x.kind for x in spans("The two mayors first spoke by phone.")] == ["count"]


# ------------------------------------------------------------------ measures


@pytest.mark.parametrize(
    "text,unit,value",
    [
        ("625 ft", "ft", 625),
        ("625 feet", "ft", 625),
        ("190 km", "km", 190),
        ("3 miles", "mi", 3),
        ("10 metres", "m", 10),
        ("30 degrees Celsius", "°C", 30),
        ("5 kg", "kg", 5),
        ("2.5 tonnes", "t", 2.5),
        ("625ft", "ft", 625),
    ],
)
def test_measures(text: str, unit: str, value: float) -> None:
    s = only(f"The survey recorded {text} at the ridge.")
    assert s.kind == "measure"
    assert s.raw == text
    assert s.unit == unit
    assert point(s.interval, value)


@pytest.mark.parametrize(
    "text,raw", [("an M6.9 quake", "M6.9"), ("a magnitude 6.9 quake", "magnitude 6.9"),
                 ("a 6.9-magnitude quake", "6.9-magnitude")]
)
def test_magnitude(text: str, raw: str) -> None:
    s = only(f"Residents felt {text} before dawn.")
    assert s.kind == "measure"
    assert s.unit == "magnitude"
    assert s.raw == raw
    assert s.value == "M6.9"
    assert s.counted == "quake"
    assert point(s.interval, 6.9)


def test_hyphenated_measure_counts_noun() -> None:
    s = only("Workers finished a 625-foot tower.")
    assert s.kind == "measure" and s.unit == "ft" and s.counted == "tower"


def test_attached_temperature() -> None:
    s = only("Temperatures hit 40C on the coast.")
    assert s.kind == "measure" and s.unit == "°C" and point(s.interval, 40)


def test_aged() -> None:
    s = only("The painter died aged 64.")
    assert s.kind == "measure" and s.unit == "age" and point(s.interval, 64)


def test_million_m_before_plural_noun() -> None:
    s = only("The firm shed 1.2m jobs.")
    assert s.kind == "count" and s.counted == "job"
    assert s.interval is not None and s.interval.overlaps(Interval(1.2e6, 1.2e6))


def test_metres_m_before_singular() -> None:
    s = only("They built a 10m wall.")
    assert s.kind == "measure" and s.unit == "m" and s.counted == "wall"


def test_age() -> None:
    s = only("A 10-year-old boy was rescued.")
    assert s.kind == "measure" and s.unit == "age" and s.counted == "boy"


# ------------------------------------------------------------------ durations


def test_one_year() -> None:
    s = only("The ban will last one year.")
    assert s.kind == "duration"
    assert s.unit == "day"
    assert s.value == "1 year"
    assert s.interval == Interval(365, 366)


def test_about_a_year() -> None:
    s = only("The truce held for about a year.")
    assert s.raw == "about a year"
    assert s.value == "~1 year"
    assert s.hedge == "about"
    iv = s.interval
    assert iv is not None and iv.low is not None and iv.high is not None
    assert 300 <= iv.low <= 310 and 420 <= iv.high <= 430


def test_six_months() -> None:
    s = only("The mill closed for six months.")
    assert s.value == "6 months"
    assert s.interval == Interval(181, 184)


def test_days() -> None:
    s = only("The strike lasted 27 days.")
    assert s.value == "27 days" and point(s.interval, 27)


def test_hours_and_minutes() -> None:
    s = only("The speech ran one hour and 40 minutes.")
    assert s.raw == "one hour and 40 minutes"
    assert s.value == "1 h 40 min"
    assert point(s.interval, HOUR + 40 / 1440)


def test_nearly_two_hours() -> None:
    s = only("They talked for nearly two hours.")
    assert s.hedge == "nearly"
    iv = s.interval
    assert iv is not None and not iv.high_open and close(iv.high, 2 * HOUR)
    assert iv.low is not None and iv.low < 2 * HOUR


def test_five_day_tour() -> None:
    s = only("The singer began a five-day tour of the coast.")
    assert s.kind == "duration"
    assert s.raw == "five-day"
    assert s.value == "5 days"
    assert s.counted == "tour"
    assert point(s.interval, 5)


def test_two_day_visit() -> None:
    s = only("The envoy ended a two-day visit.")
    assert s.counted == "visit" and point(s.interval, 2)


def test_duration_range_in_parentheses() -> None:
    s = only("Repairs will take a while (1–2 months), officials said.")
    assert s.kind == "duration"
    assert s.raw == "1–2 months"
    assert s.interval == Interval(28, 62)


def test_within_six_months() -> None:
    s = only("A ruling is due within six months.")
    assert s.hedge == "within"
    assert s.interval == Interval(0, 184)


def test_for_a_decade() -> None:
    s = only("The lighthouse stood empty for a decade.")
    assert s.raw == "a decade"
    assert s.interval == Interval(3652, 3653)


def test_three_weeks_and_48_hours() -> None:
    assert point(only("The fair runs three weeks.").interval, 21)
    s = only("The port shut for 48 hours.")
    assert point(s.interval, 2) and s.value == "48 h"


def test_a_year_ago_is_not_a_duration() -> None:
    assert spans("A year ago the bridge was closed.") == []
    assert spans("The choir meets twice a year.") == []


def test_year_and_a_half() -> None:
    s = only("The refit took more than a year and a half.")
    assert s.interval is not None and close(s.interval.low, 365 + 182.5, 1e-3)


# ------------------------------------------------------------------ hedges


@pytest.mark.parametrize(
    "hedge,low,high,low_open,high_open",
    [
        ("about", 90, 110, False, False),
        ("around", 90, 110, False, False),
        ("roughly", 90, 110, False, False),
        ("approximately", 90, 110, False, False),
        ("some", 90, 110, False, False),
        ("nearly", 90, 100, False, False),
        ("almost", 90, 100, False, False),
        ("close to", 90, 100, False, False),
        ("more than", 100, None, True, False),
        ("over", 100, None, True, False),
        ("upwards of", 100, None, True, False),
        ("at least", 100, None, False, False),
        ("less than", 0, 100, False, True),
        ("under", 0, 100, False, True),
        ("fewer than", 0, 100, False, True),
        ("up to", 0, 100, False, False),
        ("at most", 0, 100, False, False),
        ("as many as", 0, 100, False, False),
    ],
)
def test_hedges_before(hedge: str, low: float, high: float | None, low_open: bool,
                       high_open: bool) -> None:
    s = only(f"The storm damaged {hedge} 100 houses.")
    assert s.hedge == hedge
    assert s.raw == f"{hedge} 100 houses"
    iv = s.interval
    assert iv is not None
    assert close(iv.low, low)
    assert (iv.high is None) if high is None else close(iv.high, high)
    assert iv.low_open == low_open and iv.high_open == high_open


def test_or_more() -> None:
    s = only("The storm damaged 100 houses or more.")
    assert s.hedge == "or more"
    assert s.interval == Interval(100, None)


def test_plus_suffix() -> None:
    s = only("The storm damaged 100-plus houses.")
    assert s.interval == Interval(100, None)
    assert s.counted == "house"


# ------------------------------------------------------------------ ranges


def test_hyphen_range() -> None:
    s = only("The raid involved 10-12 people.")
    assert s.raw == "10-12 people"
    assert s.interval == Interval(10, 12)
    assert s.value == "10-12"


def test_between_range() -> None:
    s = only("The raid involved between 10 and 12 people.")
    assert s.interval == Interval(10, 12)
    assert s.counted == "people"
    assert s.raw == "between 10 and 12 people"


def test_to_range_percent() -> None:
    s = only("Fares will rise 10 to 12 percent.")
    assert s.kind == "percentage"
    assert s.raw == "10 to 12 percent"
    assert s.interval == Interval(10, 12)


def test_word_range_duration() -> None:
    s = only("Repairs take two to three weeks.")
    assert s.kind == "duration" and s.interval == Interval(14, 21)


def test_or_range() -> None:
    s = only("Ships waited for 10 or 12 days.")
    assert s.kind == "duration" and s.interval == Interval(10, 12)


def test_score_is_not_a_range() -> None:
    assert spans("The home side won 3-1 on Saturday.") == []


# ------------------------------------------------------------------ things that are not quantities


@pytest.mark.parametrize(
    "sentence",
    [
        "The summit is on October 30.",
        "The summit is on Oct. 30 in the capital.",
        "The talks ran October 25–26 in the capital.",
        "Tariffs take effect Nov. 1, the ministry said.",
        "The fair opened in 2025.",
        "It was the first such visit since 2019.",
        "Filed 2024-03-28 by the clerk.",
        "The session opens at 10 a.m. local time.",
        "The ship docked at 0200 GMT.",
        "The Nikkei 225 slipped on Tuesday.",
        "The S&P 500 closed higher.",
        "Leaders met at the G20 summit.",
        "A Boeing 737 landed safely.",
        "The COVID-19 rules were lifted.",
        "An inquiry under Section 301 began.",
        "Call 555-123-4567 for details.",
        "The parcel id was 88213345 according to the clerk.",
        "She was one of the organisers.",
        "They thanked one another.",
        "No one was hurt.",
        "He is the one who called.",
        "The two met at dawn.",
        "The meeting on 30 October ended early.",
        "By the 30th, the ships had left.",
        "Trading resumed on 24/7 terms.",
        "The lab runs 4G and 5G tests.",
        "The 1990s were hard on the town.",
        "The rule applies for fiscal 2024-25 only.",
        "Results for 2019–2020 were published.",
        "The 2025 tariffs were discussed.",
        "In 2024 prices rose sharply.",
        "Talks are set for Oct 30-31 in the port city.",
        "Talks are set for 30-31 October.",
        "They unveiled a 10-point plan.",
        "The vote passed 7-2.",
        "The rocket reached Mach 5.",
        "Version 2.0 ships in spring.",
        "Number 10 said nothing.",
        "The call came at 10 on the dot.",
        "One day, the river will flood.",
        "A year ago the mill shut.",
        "They first met in the spring.",
        "Thousands protested.",
        "1, in retaliation for the measures.",
        "The Apollo 11 crew landed.",
    ],
)
def test_not_quantities(sentence: str) -> None:
    assert spans(sentence) == [], spans(sentence)


def test_date_number_not_mixed_with_real_quantity() -> None:
    found = spans("On October 30, 242 people were evacuated.")
    assert [x.raw for x in found] == ["242 people"]


def test_year_with_currency_is_money() -> None:
    s = only("The fee is $2000 per person.")
    assert s.kind == "money" and point(s.interval, 2000)


def test_year_like_count() -> None:
    s = only("The firm laid off 2000 workers.")
    assert s.kind == "count" and point(s.interval, 2000)


# ------------------------------------------------------------------ whole sentences


def test_several_quantities_in_one_sentence() -> None:
    found = spans(
        "About 40 lorries carried 5 tonnes each over 190 km in three days, costing €2.5m."
    )
    assert [x.kind for x in found] == ["count", "measure", "measure", "duration", "money"]


def test_span_offsets() -> None:
    text = "Nearly 20% of the 242 people on board were hurt."
    for s in spans(text):
        assert text[s.start:s.end] == s.raw


# ------------------------------------------------------------------ properties


@given(st.text(max_size=300))
@settings(max_examples=400, deadline=None)
def test_never_raises_and_spans_are_well_formed(text: str) -> None:
    _check_well_formed(text)


_VOCAB = [
    "about", "nearly", "more", "than", "at", "least", "up", "to", "a", "an", "the", "of", "and",
    "between", "from", "one", "two", "twenty-five", "half", "third", "fifth", "first", "dozen",
    "hundreds", "several", "few", "%", "percent", "per", "cent", "points", "percentage", "$",
    "€", "£", "US$", "bn", "m", "million", "billion", "yuan", "dollars", "people", "ships",
    "round", "talks", "years", "year", "months", "days", "hours", "minutes", "-", "–", "day",
    "ft", "km", "M6.9", "magnitude", "degrees", "Celsius", "Oct.", "October", "Nov.", "2025",
    "10", "1,200", "3.5", "0200", "GMT", "a.m.", "or", "plus", "within", "for", "(", ")", ",",
    ".", "Boeing", "G20", "COVID-19", "S&P", "no", "another", "share", "tour", "-day", "5th",
]


@given(st.lists(st.sampled_from(_VOCAB), max_size=25), st.lists(st.sampled_from(["", " "]),
                                                                  max_size=25))
@settings(max_examples=600, deadline=None)
def test_word_soup_is_well_formed(words: list[str], seps: list[str]) -> None:
    text = ""
    for i, w in enumerate(words):
        text += w + (seps[i] if i < len(seps) else " ")
    _check_well_formed(text)


def _check_well_formed(text: str) -> None:
    found = find_quantities(text)
    last = 0
    for s in found:
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start:s.end] == s.raw
        assert s.start >= last, "spans overlap or are out of order"
        last = s.end
        iv = s.interval
        if iv is not None and iv.low is not None and iv.high is not None:
            assert iv.low <= iv.high
        assert s.kind in {"percentage", "percentage_points", "money", "count", "ordinal",
                          "measure", "duration", "number"}
