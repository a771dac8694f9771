"""Tests for consistency.normalize.temporal: made-up sentences, one per form and per trap."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consistency.models import Interval
from consistency.normalize.temporal import (
    DEFAULT_VOCABULARY,
    TemporalSpan,
    find_temporal,
    load_vocabulary,
)

REF = date(2024, 3, 12)  # a Tuesday
assert REF.weekday() == 1


def spans(sentence: str, reference: date | None = REF, zone: str | None = None,
          **kwargs) -> list[TemporalSpan]:
    return find_temporal(sentence, reference, zone, **kwargs)


def one(sentence: str, reference: date | None = REF, zone: str | None = None,
        **kwargs) -> TemporalSpan:
    found = spans(sentence, reference, zone, **kwargs)
    assert len(found) == 1, found
    return found[0]


def day(iso: str) -> int:
    return date.fromisoformat(iso).toordinal()


def epoch(stamp: str) -> int:
    return int(datetime.fromisoformat(stamp).replace(tzinfo=timezone.utc).timestamp())


# --- full and abbreviated dates -------------------------------------------------------------

@pytest.mark.parametrize(
    "sentence, raw, value",
    [
        ("The committee will vote on March 14 in the old hall.", "on March 14", "2024-03-14"),
        ("Ballots were counted Mar 14 by volunteers.", "Mar 14", "2024-03-14"),
        ("Ballots were counted Mar. 14 by volunteers.", "Mar. 14", "2024-03-14"),
        ("The factory reopened 14 March 2024 after repairs.", "14 March 2024", "2024-03-14"),
        ("The factory reopened March 14, 2024, after repairs.", "March 14, 2024", "2024-03-14"),
        ("The filing is dated 2024-03-14 in the registry.", "2024-03-14", "2024-03-14"),
        ("The fair opens Sept. 5 in the valley.", "Sept. 5", "2024-09-05"),
        ("The fair opens on the 5th of September.", "5th of September", "2024-09-05"),
        ("The fair opens September 5th.", "September 5th", "2024-09-05"),
        ("Photo taken Thursday, March 14, 2024 by a reader.", "Thursday, March 14, 2024",
         "2024-03-14"),
        ("A caption: March 3, 2024. Crowds at the river.", "March 3, 2024", "2024-03-03"),
        ("A caption: 3 March 2024. Crowds at the river.", "3 March 2024", "2024-03-03"),
        ("HEADLINE: VOTE SET FOR MARCH 14", "MARCH 14", "2024-03-14"),
    ],
)
def test_single_dates(sentence: str, raw: str, value: str) -> None:
    span = one(sentence)
    assert span.raw == raw
    assert span.value == value
    assert span.kind == "date" and span.grain == "day" and span.hedge == ""
    assert span.interval == Interval(day(value), day(value))


def test_nov_1_is_the_first_not_the_26th() -> None:
    # dateparser reads "Nov. 1" as Nov 26; a month-day is the day it says.
    span = one("The plant closes Nov. 1, the owner said.", reference=date(2023, 10, 20))
    assert span.raw == "Nov. 1"
    assert span.value == "2023-11-01"


def test_year_less_date_takes_the_year_closest_to_the_reference() -> None:
    assert one("Snow fell on Dec. 28 across the plain.", date(2024, 1, 3)).value == "2023-12-28"
    assert one("The levy ends on Jan. 4 for all.", date(2023, 12, 20)).value == "2024-01-04"
    assert one("The audit began on July 2.", date(2024, 3, 12)).value == "2024-07-02"
    assert one("The audit began on Nov. 2.", date(2024, 3, 12)).value == "2023-11-02"


def test_year_less_date_without_reference_is_skipped_but_explicit_years_are_kept() -> None:
    assert spans("The market opens on March 14.", reference=None) == []
    assert one("The market opened on March 14, 2021.", reference=None).value == "2021-03-14"
    assert one("The market opened on 2021-03-14.", reference=None).value == "2021-03-14"


def test_impossible_day_is_not_a_date() -> None:
    assert spans("The report is due Feb. 30 or so.") == []


# --- ranges ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "sentence, raw, value",
    [
        ("Talks run March 28 to April 2 in the hills.", "March 28 to April 2",
         "2024-03-28/2024-04-02"),
        ("Talks run from March 28 to April 2 in the hills.", "from March 28 to April 2",
         "2024-03-28/2024-04-02"),
        ("The fair is held March 21–22 downtown.", "March 21–22", "2024-03-21/2024-03-22"),
        ("The fair is held March 21-22 downtown.", "March 21-22", "2024-03-21/2024-03-22"),
        ("Delegates meet from March 19 to 21 in a hotel.", "from March 19 to 21",
         "2024-03-19/2024-03-21"),
        ("Delegates meet between May 3 and 5 in a hotel.", "between May 3 and 5",
         "2024-05-03/2024-05-05"),
        ("The expo ran Oct 17-18, 2023, in a hangar.", "Oct 17-18, 2023",
         "2023-10-17/2023-10-18"),
        ("The expo ran 17–18 October 2023 in a hangar.", "17–18 October 2023",
         "2023-10-17/2023-10-18"),
        ("The expo ran from 31 March to 2 April.", "from 31 March to 2 April",
         "2024-03-31/2024-04-02"),
        ("Crews work from Dec. 30 to Jan. 2 on the line.", "from Dec. 30 to Jan. 2",
         "2023-12-30/2024-01-02"),
    ],
)
def test_ranges_are_one_span(sentence: str, raw: str, value: str) -> None:
    span = one(sentence, date(2024, 1, 5) if "Dec." in sentence else REF)
    assert span.raw == raw
    assert span.value == value
    assert span.grain == "range"
    lo, hi = value.split("/")
    assert span.interval == Interval(day(lo), day(hi))


def test_and_links_a_range_only_after_between() -> None:
    found = spans("Polls closed on March 14 and March 20 in two regions.")
    assert [s.value for s in found] == ["2024-03-14", "2024-03-20"]


def test_a_change_of_date_is_not_a_range() -> None:
    found = spans("The hearing was moved from March 14 to March 21.")
    assert [s.value for s in found] == ["2024-03-14", "2024-03-21"]


def test_range_to_an_amount_is_not_a_range() -> None:
    found = spans("On March 14 to 15% of voters stayed home.")
    assert [s.value for s in found] == ["2024-03-14"]


# --- months, years, parts of months ---------------------------------------------------------

def test_month_after_preposition() -> None:
    span = one("The bridge is expected to open in May after delays.")
    assert (span.raw, span.value, span.grain) == ("in May", "2024-05", "month")
    assert span.interval == Interval(day("2024-05-01"), day("2024-05-31"))


def test_month_follows_the_tense() -> None:
    # Said in March: a past May is last year's, a coming December this year's.
    assert one("The bridge was finished in May after delays.").value == "2023-05"
    assert one("The merger would close in December, the chief said.", date(2024, 5, 20)).value == "2024-12"


def test_month_year_resolved_from_reference() -> None:
    assert one("The lake froze in December.", date(2024, 2, 1)).value == "2023-12"
    assert one("The lake flooded in December.", date(2024, 9, 1)).value == "2023-12"
    assert one("The lake may freeze in December.", date(2024, 9, 1)).value == "2024-12"
    assert one("Prices jumped in May 2021.").value == "2021-05"
    assert one("Prices jumped last May.", date(2024, 3, 12)).value == "2023-05"
    assert one("Prices jump next February.", date(2024, 3, 12)).value == "2025-02"


@pytest.mark.parametrize(
    "sentence",
    [
        "Prices may rise, and the board may vote.",
        "May we ask the board to wait?",
        "Workers march on the capital and we sat in the sun.",
        "March on, the organisers said to the crowd.",
        "The minister, Ana May, spoke first.",
        "Shares rose 20% and then 2.5 percent.",
        "We met the press and we left.",
    ],
)
def test_words_that_are_not_dates(sentence: str) -> None:
    assert spans(sentence) == []


@pytest.mark.parametrize(
    "sentence, raw, value",
    [
        ("This is the first visit since 2017 by a minister.", "since 2017", "2017"),
        ("The dam was built in 1998 by a consortium.", "in 1998", "1998"),
    ],
)
def test_year_only(sentence: str, raw: str, value: str) -> None:
    span = one(sentence)
    assert (span.raw, span.value, span.grain) == (raw, value, "year")
    assert span.interval == Interval(day(f"{value}-01-01"), day(f"{value}-12-31"))


@pytest.mark.parametrize(
    "sentence",
    [
        "The firm hired 2,018 workers this spring.",
        "The ticket cost $2018 at the door.",
        "The Nikkei 225 and the S&P 500 both fell.",
        "The index rose by 2000 points.",
        "The storm damaged 2018 homes in the valley.",
        "The club won the 2018-19 title.",
    ],
)
def test_numbers_that_are_not_years(sentence: str) -> None:
    assert [s for s in spans(sentence) if s.grain == "year"] == []


def test_since_keeps_the_month_with_hedge_since() -> None:
    span = one("The club has not lost a match since May.", date(2024, 10, 2))
    assert (span.raw, span.value, span.grain, span.hedge) == ("since May", "2024-05", "month",
                                                               "since")
    assert span.interval == Interval(day("2024-05-01"), day("2024-05-31"))


@pytest.mark.parametrize(
    "sentence, hedge, lo, hi",
    [
        ("Harvest starts in early October this time.", "early", "2024-10-01", "2024-10-15"),
        ("Harvest starts in mid-October this time.", "mid", "2024-10-08", "2024-10-23"),
        ("Harvest starts in late October this time.", "late", "2024-10-16", "2024-10-31"),
        ("Harvest starts at the end of October this time.", "late", "2024-10-16", "2024-10-31"),
    ],
)
def test_early_mid_late_month(sentence: str, hedge: str, lo: str, hi: str) -> None:
    span = one(sentence, date(2024, 9, 20))
    assert (span.value, span.grain, span.hedge) == ("2024-10", "month", hedge)
    assert span.interval == Interval(day(lo), day(hi))


# --- weekdays and tense ---------------------------------------------------------------------

@pytest.mark.parametrize(
    "sentence, value",
    [
        # future context: the first such weekday after the reference (Tuesday 2024-03-12)
        ("The two ministers are expected to confer on Thursday in the port.", "2024-03-14"),
        ("The envoys will sign the accord on Thursday.", "2024-03-14"),
        ("Negotiators can review the text on Thursday, a spokesman said.", "2024-03-14"),
        ("The panel is scheduled to report on Monday.", "2024-03-18"),
        ("The mayor is to open the bridge on Sunday.", "2024-03-17"),
        ("On Friday, the court will rule on the appeal.", "2024-03-15"),
        ("The team is meeting on Saturday.", "2024-03-16"),
        # past context: the most recent such weekday on or before the reference
        ("The delegation landed on Sunday for the games.", "2024-03-10"),
        ("The chief executive said on Thursday that sales rose.", "2024-03-07"),
        ("Lawmakers met on Monday and left early.", "2024-03-11"),
        ("The vote was held on Tuesday in the capital.", "2024-03-12"),
        ("On Wednesday, the rebels seized the airport.", "2024-03-06"),
        # a past-tense clause before a comma does not decide for the clause after it
        ("The envoy, who landed on Sunday, will greet the king on Friday.", "2024-03-10"),
        # explicit modifiers
        ("She resigned last Thursday over the dispute.", "2024-03-07"),
        ("She resigns next Monday over the dispute.", "2024-03-18"),
        ("The recount is on Thursday next week.", "2024-03-21"),
    ],
)
def test_weekday_tense(sentence: str, value: str) -> None:
    found = [s for s in spans(sentence) if s.kind == "date"]
    assert found[0].value == value
    assert found[0].grain == "day"


def test_weekday_tense_both_directions_in_one_sentence() -> None:
    found = spans("The envoy, who landed on Sunday, will greet the king on Friday.")
    assert [s.value for s in found] == ["2024-03-10", "2024-03-15"]
    assert [s.raw for s in found] == ["on Sunday", "on Friday"]


def test_future_weekday_on_the_reference_weekday_is_a_week_later() -> None:
    assert one("The board will decide on Tuesday.").value == "2024-03-19"


def test_past_weekday_on_the_reference_weekday_is_the_same_day() -> None:
    assert one("The board decided on Tuesday.").value == "2024-03-12"


def test_weekday_without_tense_takes_the_nearest() -> None:
    assert one("The ferry sails on Thursday.").value == "2024-03-14"  # 2 days ahead
    assert one("The ferry sails on Saturday.").value == "2024-03-09"  # 3 back beats 4 ahead


def test_weekday_cue_beyond_the_sentence_end_is_ignored() -> None:
    found = spans("The talks resume on Thursday. He said it was late.")
    assert found[0].value == "2024-03-14"


def test_weekdays_need_a_reference_and_plurals_are_habits() -> None:
    assert spans("The envoys will sign the accord on Thursday.", reference=None) == []
    assert spans("The market opens on Thursdays.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Shoppers queued for Black Friday deals.",
        "The Sunday Times reported the leak.",
        "The Mail on Sunday printed the letter.",
        "Churches were full on Good Friday.",
    ],
)
def test_named_days_are_not_weekdays(sentence: str) -> None:
    assert spans(sentence) == []


def test_weekday_abbreviations_only_inside_dates() -> None:
    assert spans("The Sun reported that Sat crowds grew; Wed traffic fell.") == []
    assert one("Posted Thu., March 14, 2024 at noon.").value == "2024-03-14"


# --- relative phrases -----------------------------------------------------------------------

@pytest.mark.parametrize(
    "phrase, value, grain",
    [
        ("next week", "2024-03-18/2024-03-24", "week"),
        ("this week", "2024-03-11/2024-03-17", "week"),
        ("later this week", "2024-03-13/2024-03-17", "relative"),
        ("last week", "2024-03-04/2024-03-10", "week"),
        ("later this month", "2024-03-13/2024-03-31", "relative"),
        ("earlier this month", "2024-03-01/2024-03-11", "relative"),
        ("this month", "2024-03", "month"),
        ("next month", "2024-04", "month"),
        ("last month", "2024-02", "month"),
        ("in the coming days", "2024-03-13/2024-03-19", "relative"),
        ("yesterday", "2024-03-11", "day"),
        ("today", "2024-03-12", "day"),
        ("tomorrow", "2024-03-13", "day"),
        ("this weekend", "2024-03-16/2024-03-17", "relative"),
        ("last weekend", "2024-03-09/2024-03-10", "relative"),
        ("last year", "2023", "year"),
    ],
)
def test_relative_phrases(phrase: str, value: str, grain: str) -> None:
    span = one(f"The council discussed the budget {phrase} in the annex.")
    assert span.raw == phrase
    assert (span.value, span.grain, span.hedge) == (value, grain, "")
    lo, _, hi = value.partition("/")
    if grain == "month":
        assert span.interval.low == day(f"{value}-01")
    elif grain == "year":
        assert span.interval == Interval(day(f"{value}-01-01"), day(f"{value}-12-31"))
    else:
        assert span.interval == Interval(day(lo), day(hi or lo))


def test_the_weekend_follows_tense() -> None:
    past = one("Markets slumped over the weekend.")
    assert past.value == "2024-03-09/2024-03-10"
    future = one("The shops will stay shut over the weekend.")
    assert future.value == "2024-03-16/2024-03-17"


def test_relative_phrases_need_a_reference() -> None:
    assert spans("The council meets next week.", reference=None) == []


# --- open intervals and hedges --------------------------------------------------------------

def test_after_is_open() -> None:
    span = one("The truce lasts until after April 10, 2024 at least.")
    assert (span.raw, span.value, span.hedge) == ("until after April 10, 2024",
                                                  "> 2024-04-10", "after")
    assert span.interval == Interval(day("2024-04-10"), None, low_open=True)


def test_before_is_open() -> None:
    span = one("The review must end before April 10 at the latest.")
    assert (span.value, span.hedge) == ("< 2024-04-10", "before")
    assert span.interval == Interval(None, day("2024-04-10"), high_open=True)


def test_by_is_closed_at_the_top() -> None:
    span = one("Repairs must be done by April 10.")
    assert (span.raw, span.value, span.hedge) == ("by April 10", "<= 2024-04-10", "by")
    assert span.interval == Interval(None, day("2024-04-10"))


def test_until_is_closed_at_the_top() -> None:
    span = one("The road is closed until April 10.")
    assert (span.value, span.hedge) == ("<= 2024-04-10", "until")


def test_about_widens() -> None:
    span = one("The ship docks around April 10.")
    assert (span.value, span.hedge) == ("2024-04-10", "about")
    assert span.interval.low < day("2024-04-10") < span.interval.high


def test_by_the_end_of_a_month() -> None:
    span = one("The line opens by the end of April.")
    assert (span.hedge, span.value) == ("by", "<= 2024-04-30")
    assert span.interval == Interval(None, day("2024-04-30"))


def test_open_and_exact_intervals_overlap_as_expected() -> None:
    after = one("Rates stay put until after April 10, 2024.").interval
    assert not after.overlaps(one("The bank moves on April 10, 2024.").interval)
    assert after.overlaps(one("The bank moves on April 11, 2024.").interval)


# --- clock times ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "sentence, raw, value",
    [
        ("The ceremony starts at 10 a.m. Macau time.", "10 a.m. Macau time", "2024-03-12T02:00Z"),
        ("The ceremony starts at 0200 GMT.", "0200 GMT", "2024-03-12T02:00Z"),
        ("The ceremony starts at 2 p.m. ET.", "2 p.m. ET", "2024-03-12T18:00Z"),
        ("The ceremony starts at 14:30 UTC.", "14:30 UTC", "2024-03-12T14:30Z"),
        ("The ceremony starts at 9:15 am EST.", "9:15 am EST", "2024-03-12T14:15Z"),
        ("The ceremony starts at 8 p.m. Tokyo time.", "8 p.m. Tokyo time", "2024-03-12T11:00Z"),
        ("The ceremony starts at noon GMT.", "noon GMT", "2024-03-12T12:00Z"),
        ("The ceremony starts at 3 p.m. Eastern Time.", "3 p.m. Eastern Time",
         "2024-03-12T19:00Z"),
        ("The ceremony starts at 10 a.m. GMT+8.", "10 a.m. GMT+8", "2024-03-12T02:00Z"),
    ],
)
def test_zoned_times_become_utc_instants(sentence: str, raw: str, value: str) -> None:
    span = one(sentence)
    assert (span.raw, span.kind, span.value, span.grain) == (raw, "time", value, "minute")
    assert span.interval == Interval(epoch(value[:-1]), epoch(value[:-1]))


def test_local_time_uses_the_default_zone() -> None:
    span = one("Polls open at 11 a.m. local time.", zone="Asia/Seoul")
    assert (span.raw, span.value) == ("11 a.m. local time", "2024-03-12T02:00Z")
    assert spans("Polls open at 11 a.m. local time.", zone=None) == []


def test_bare_times_only_on_request() -> None:
    assert spans("Polls open at 11 a.m. sharp.", zone="Asia/Seoul") == []
    span = one("Polls open at 11 a.m. sharp.", zone="Asia/Seoul", bare_times=True)
    assert span.value == "2024-03-12T02:00Z"


def test_time_takes_the_date_of_its_sentence() -> None:
    found = spans("The launch is set for 9 a.m. Tokyo time on Thursday.")
    time_span = next(s for s in found if s.kind == "time")
    assert time_span.value == "2024-03-14T00:00Z"
    found = spans("On March 20, the vote closes at 8 p.m. ET.")
    assert next(s for s in found if s.kind == "time").value == "2024-03-21T00:00Z"


def test_time_zone_daylight_saving_from_iana_zone() -> None:
    # ET in July is UTC-4.
    span = one("The bell rings at 9:30 a.m. ET.", reference=date(2024, 7, 1))
    assert span.value == "2024-07-01T13:30Z"


def test_time_hedges() -> None:
    about = one("The plane lands around 0600 GMT.")
    assert about.hedge == "about" and about.raw == "around 0600 GMT"
    assert about.interval.width == 3600
    after = one("No decision is expected until after 0600 GMT.")
    assert after.hedge == "after" and after.value == "> 2024-03-12T06:00Z"
    assert after.interval.high is None and after.interval.low_open


def test_clock_time_without_zone_or_reference() -> None:
    assert spans("The plane lands at 0600 GMT.", reference=None) == []
    found = spans("The plane lands at 0600 GMT on March 14, 2024.", reference=None)
    assert [s.kind for s in found] == ["time", "date"]
    assert found[0].value == "2024-03-14T06:00Z"


# --- durations, amounts and counts are not dates --------------------------------------------

@pytest.mark.parametrize(
    "sentence",
    [
        "The contract runs for six months.",
        "The strike lasted two days.",
        "The king began a five-day tour.",
        "The crew spent 27 days at sea.",
        "The ban was extended by one year.",
        "A short pause (1–2 months) is planned.",
        "The loan must be repaid within six months.",
        "Prices rose over the past six months.",
        "Turnout fell 20% to 45 percent.",
        "The fund paid $30 million to 12 firms.",
        "The 5 players and 30 staff stayed.",
        "The six-month deal lasts 3-4 weeks.",
    ],
)
def test_durations_amounts_counts_are_not_dates(sentence: str) -> None:
    assert spans(sentence, zone="Asia/Seoul") == []


# --- vocabulary -----------------------------------------------------------------------------

def test_vocabulary_from_yaml(tmp_path) -> None:
    path = tmp_path / "temporal.yaml"
    path.write_text(
        "future_cues: [vows]\nzone_names:\n  Atlantis: Asia/Tokyo\n", encoding="utf-8"
    )
    vocab = load_vocabulary(path)
    assert "vows" in vocab.future_cues and "will" not in vocab.future_cues
    assert vocab.zone_names["Macau"] == DEFAULT_VOCABULARY.zone_names["Macau"]
    assert one("The rebels vows to strike on Thursday.", vocabulary=vocab).value == "2024-03-14"
    span = one("It starts at 9 a.m. Atlantis time.", vocabulary=vocab)
    assert span.value == "2024-03-12T00:00Z"


def test_vocabulary_rejects_unknown_keys(tmp_path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("future_cue: [will]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.yaml"):
        load_vocabulary(path)


# --- properties -----------------------------------------------------------------------------

_FRAGMENTS = st.sampled_from([
    "on ", "in ", "from ", "to ", "between ", " and ", "until after ", "by ", "since ", "about ",
    "early ", "mid-", "late ", "the end of ", "March ", "May ", "Sept. ", "Nov. ", "Dec ",
    "Thursday", "Sunday ", "last ", "next ", "this ", "week", "weekend", "month", "year ",
    "1", "14", "31", "29", "2024", "1999", "0200", "-", "–", ", ", ".", " ", "a.m. ", "p.m. ",
    "GMT", "ET ", "local time", "Macau time", "10:30 ", "noon ", "will ", "arrived ", "said ",
    "yesterday", "tomorrow", "in the coming days", "later this month", "%", "$", "Feb. 29 ",
])


def _check(sentence: str, found: list[TemporalSpan]) -> None:
    last_end = -1
    for span in found:
        assert 0 <= span.start < span.end <= len(sentence)
        assert span.raw == sentence[span.start:span.end]
        assert span.kind in ("date", "time")
        assert span.value
        iv = span.interval
        assert iv is not None
        if iv.low is not None and iv.high is not None:
            assert iv.low <= iv.high
        assert span.start >= last_end, "spans must not overlap"
        last_end = span.end


_REFERENCES = st.one_of(st.none(), st.dates())
_ZONES = st.sampled_from([None, "Asia/Seoul", "UTC", "No/Such_Zone", "../etc"])


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(), _REFERENCES, _ZONES)
def test_never_raises_on_arbitrary_text(sentence: str, reference, zone) -> None:
    _check(sentence, find_temporal(sentence, reference, zone))


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_FRAGMENTS, max_size=14).map("".join), _REFERENCES, _ZONES, st.booleans())
def test_never_raises_on_date_like_text(sentence: str, reference, zone, bare) -> None:
    _check(sentence, find_temporal(sentence, reference, zone, bare_times=bare))


@settings(max_examples=200)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)))
def test_explicit_dates_round_trip(when: date) -> None:
    text = f"The record was set on {when.strftime('%B')} {when.day}, {when.year}, officials said."
    span = one(text, reference=None)
    assert span.value == when.isoformat()
    assert span.interval == Interval(when.toordinal(), when.toordinal())
