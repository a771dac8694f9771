"""Extraction of quotes, speakers, people, roles, places and entities, on made-up articles."""

from __future__ import annotations

from datetime import date

import pytest

from consistency.resolve import resolve_participants
from consistency.models import Article, Mention
from consistency.resolve.entities import EntityIndex


def make_article(text: str, ident: str = "a", published: date = date(2024, 3, 4)) -> Article:
    lines = text.split("\n")
    return Article(id=ident, path=f"{ident}.txt", text=text, line_numbers=tuple(range(1, len(lines) + 1)),
                   column_offsets=(0,) * len(lines), published=published, published_from="header")


def mentions_of(kit, text: str, kind: str, **kwargs) -> list[Mention]:
    return [m for m in kit.extractor.extract_article(make_article(text, **kwargs)) if m.kind == kind]


@pytest.mark.parametrize("sentence,speaker", [
    ("“We will rebuild the bridge,” Mayor Ruth Olsen said.", "Ruth Olsen"),
    ("“We will rebuild the bridge,” said Mayor Ruth Olsen.", "Ruth Olsen"),
    ("Mayor Ruth Olsen told reporters: “We will rebuild the bridge.”", "Ruth Olsen"),
    ("The bridge will be “rebuilt within a year”, according to Mayor Ruth Olsen.", "Ruth Olsen"),
    ("Mayor Ruth Olsen described the plan as “a fresh start for the valley”.", "Ruth Olsen"),
])
def test_quote_speaker_forms(kit, sentence: str, speaker: str) -> None:
    quotes = mentions_of(kit, sentence, "quote")
    assert len(quotes) == 1
    assert quotes[0].speaker == speaker
    assert quotes[0].raw.startswith(("“", '"'))


def test_quote_words_are_the_quoted_words_and_straight_quotes_work(kit) -> None:
    quotes = mentions_of(kit, 'Mayor Ruth Olsen said the repairs were "long overdue".', "quote")
    assert [q.value for q in quotes] == ["long overdue"]


def test_surname_alone_resolves_to_the_person_the_article_named(kit) -> None:
    text = ("Finance Minister Tomas Berg met Governor Ana Berg of the central bank on Monday.\n"
            "Later, Norway’s Berg said: “The budget is balanced.”")
    quotes = mentions_of(kit, text, "quote")
    # The most recent full name containing "Berg" is the one the article introduced last.
    assert quotes[0].speaker == "Ana Berg"


def test_a_quote_that_continues_keeps_its_speaker(kit) -> None:
    text = "“The water rose fast,” Captain Lars Moe said. “We had minutes to leave.”"
    quotes = mentions_of(kit, text, "quote")
    assert [q.speaker for q in quotes] == ["Lars Moe", "Lars Moe"]


@pytest.mark.parametrize("sentence,person,title,country", [
    ("Brazilian Finance Minister Paulo Reis arrived on Tuesday.", "Paulo Reis", "finance minister", "BR"),
    ("Paulo Reis, the country’s top negotiator, arrived after Brazilian officials.", "Paulo Reis", "top negotiator", ""),
    ("Brazil’s top negotiator Paulo Reis arrived on Tuesday.", "Paulo Reis", "top negotiator", "BR"),
    ("Former Prime Minister Ines Lopes spoke first.", "Ines Lopes", "former prime minister", ""),
])
def test_roles_from_titles_and_appositives(kit, sentence: str, person: str, title: str, country: str) -> None:
    roles = mentions_of(kit, sentence, "role")
    assert any(r.value == person and r.role == title and (not country or r.country == country) for r in roles), \
        [(r.value, r.role, r.country) for r in roles]


def test_country_of_the_countrys_title_comes_from_the_demonym_before(kit) -> None:
    roles = mentions_of(kit, "Chilean Vice Minister Rosa Soto, the country’s chief negotiator, spoke.", "role")
    chief = [r for r in roles if r.role == "chief negotiator"]
    assert chief and chief[0].country == "CL" and chief[0].value == "Rosa Soto"


def test_former_titles_are_not_current(kit) -> None:
    roles = mentions_of(kit, "Former Prime Minister Ines Lopes spoke first.", "role")
    assert dict(roles[0].extra)["current"] == "no"


def test_event_places_are_kept_and_passing_mentions_are_not(kit) -> None:
    places = mentions_of(kit, "The ministers will meet in Lyon, France, to discuss French exports to Spain.",
                         "location")
    assert [p.value for p in places] == ["Lyon"]  # "Lyon, France" is one place; "French" and "Spain" are not event places
    assert places[0].raw == "Lyon, France" and places[0].trigger_class == "meeting"


def test_the_dateline_city_is_not_an_event_place(kit) -> None:
    places = mentions_of(kit, "OSLO (Reuters) - The ministers will meet in Bergen on Friday.", "location")
    assert [p.value for p in places] == ["Bergen"]


def test_mentions_carry_trigger_participants_and_modality(kit) -> None:
    text = "President Lea Vogt and Chancellor Max Brandt are expected to meet on Friday in Munich."
    dates = mentions_of(kit, text, "date")
    assert dates[0].value == "2024-03-08"  # the Friday after Monday 4 March
    assert dates[0].trigger_class == "meeting" and dates[0].modality == "scheduled"
    assert set(dates[0].participants) == {"Lea Vogt", "Max Brandt"}


def test_speculative_and_denied_modality(kit) -> None:
    spec = mentions_of(kit, "Lea Vogt and Max Brandt could meet in Vienna.", "location")
    denied = mentions_of(kit, "Lea Vogt and Max Brandt did not meet in Vienna.", "location")
    assert spec[0].modality == "speculative" and denied[0].modality == "denied"


def test_a_date_with_a_stay_gives_the_days_of_the_stay(kit) -> None:
    dates = mentions_of(kit, "The envoy will arrive in Lima on March 12 for a three-day visit.", "date")
    assert "2024-03-12/2024-03-14" in [d.value for d in dates]


def test_navigation_lines_are_not_read(kit) -> None:
    text = "Read more: Leaders to meet in Rome on May 2\nThe leaders Lea Vogt and Max Brandt will meet in Paris."
    places = mentions_of(kit, text, "location")
    assert [p.value for p in places] == ["Paris"]


def test_entities_merge_across_articles(kit) -> None:
    first = make_article("Vice-Premier Chen Wei and Governor Ola Dahl met on Monday.", "a")
    second = make_article("Vice Premier Chen Wei met Dahl again, and Chen’s aides said little.", "b")
    mentions = kit.extractor.extract([first, second])
    index = EntityIndex.build(mentions)
    assert index.resolve("Dahl", "b") == "Ola Dahl"  # a surname alone, named in full only elsewhere
    assert index.resolve("Chen Wei") == "Chen Wei"
    resolved = resolve_participants([m for m in mentions if m.article == "b"], index)
    assert set(resolved[0].participants) == {"Chen Wei", "Ola Dahl"}


def test_spelling_variants_of_a_name_are_one_entity(kit) -> None:
    first = make_article("Minister Anna-Lena Stroem spoke on Monday.", "a")
    second = make_article("Minister Anna Lena Stroem spoke on Monday.", "b")
    index = EntityIndex.build(kit.extractor.extract([first, second]))
    assert index.resolve("Anna Lena Stroem") == index.resolve("Anna-Lena Stroem")


def test_line_and_column_point_into_the_file(kit) -> None:
    text = "Headline without a stop\nThe council will vote on March 12, officials said."
    dates = mentions_of(kit, text, "date")
    assert (dates[0].line, dates[0].column) == (2, text.split("\n")[1].index("on March 12") + 1)
