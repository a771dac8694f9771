"""Numbers, figures and dates in Spanish, French, German, Portuguese and Italian.

Every sentence here is made up. Each case states the span the reader must find (its raw text,
kind and value); the English module is run on the English wording of a few of them to show
that both languages produce the same value and interval.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from consistency.normalize.multilingual import (
    find_quantities_in,
    find_temporal_in,
    language_notice,
    load_language_pack,
    load_language_packs,
)
from consistency.normalize.quantities import find_quantities
from consistency.normalize.temporal import find_temporal
from consistency.vocab import VocabularyError

REF = date(2025, 3, 19)  # a Wednesday
PACKS = load_language_packs()


def test_every_language_has_a_pack() -> None:
    assert set(PACKS) >= {"es", "fr", "de", "pt", "it"}
    assert {p.dateparser for p in PACKS.values()} >= {"es", "fr", "de", "pt", "it"}


def _q(lang: str, sentence: str):
    spans = find_quantities_in(sentence, PACKS[lang])
    for s in spans:
        assert s.raw == sentence[s.start:s.end]
    return {s.raw: s for s in spans}


def _t(lang: str, sentence: str, zone: str = "Europe/Madrid"):
    spans = find_temporal_in(sentence, REF, PACKS[lang], zone)
    for s in spans:
        assert s.raw == sentence[s.start:s.end]
    return {s.raw: s for s in spans}


# (language, sentence, raw, kind, value, unit)
QUANTITIES = [
    # money with scales, kept exact per language
    ("es", "El contrato vale US$6 mil millones.", "US$6 mil millones", "money", "USD 6000000000", "USD"),
    ("es", "Pagaron 5.400 millones de dólares.", "5.400 millones de dólares", "money", "USD 5400000000", "USD"),
    ("es", "Se invierten 32,000 millones de dólares.", "32,000 millones de dólares", "money", "USD 32000000000", "USD"),
    ("es", "La deuda es de 2 billones de euros.", "2 billones de euros", "money", "EUR 2000000000000", "EUR"),
    ("fr", "Le budget atteint 5,4 milliards de dollars.", "5,4 milliards de dollars", "money", "USD 5400000000", "USD"),
    ("fr", "Une aide de 23 milliards d'euros.", "23 milliards d'euros", "money", "EUR 23000000000", "EUR"),
    ("fr", "Un billet coûte 5 €.", "5 €", "money", "EUR 5", "EUR"),
    ("de", "Der Konzern zahlt 32 Milliarden US-Dollar.", "32 Milliarden US-Dollar", "money", "USD 32000000000", "USD"),
    ("de", "Der Umsatz lag bei 29,31 Mrd Euro.", "29,31 Mrd Euro", "money", "EUR 29310000000", "EUR"),
    ("de", "Das kostet 1,2 Mio. Euro.", "1,2 Mio. Euro", "money", "EUR 1200000", "EUR"),
    ("pt", "O acordo vale US$ 3,2 bilhões.", "US$ 3,2 bilhões", "money", "USD 3200000000", "USD"),
    ("pt", "A dívida chega a 2 biliões de euros.", "2 biliões de euros", "money", "EUR 2000000000000", "EUR"),
    ("pt", "O banco perdeu R$ 5 bi.", "R$ 5 bi", "money", "BRL 5000000000", "BRL"),
    ("it", "Un piano da 5,4 miliardi di dollari.", "5,4 miliardi di dollari", "money", "USD 5400000000", "USD"),
    # percentages and points, decimal comma
    ("es", "El paro bajó al 12 %.", "12 %", "percentage", "12%", "%"),
    ("fr", "Il obtient 50,4 % des voix.", "50,4 %", "percentage", "50.4%", "%"),
    ("de", "Die Quote stieg auf 12 Prozent.", "12 Prozent", "percentage", "12%", "%"),
    ("pt", "Subiu 3,5 pontos percentuais.", "3,5 pontos percentuais", "percentage_points", "3.5 pp", "pp"),
    ("it", "Il tasso è al 7 per cento.", "7 per cento", "percentage", "7%", "%"),
    # measures
    ("de", "Das Zentrum lag 14 Kilometer tief.", "14 Kilometer", "measure", "14 km", "km"),
    ("de", "Der Sturm zog 8,7 Meilen weiter.", "8,7 Meilen", "measure", "8.7 mi", "mi"),
    ("fr", "Des rafales à 295 km/h.", "295 km/h", "measure", "295 km/h", "km/h"),
    ("es", "Tembló a 10 kilómetros de profundidad.", "10 kilómetros", "measure", "10 km", "km"),
    ("it", "Una frana di 300 metri.", "300 metri", "measure", "300 m", "m"),
    ("pt", "Ondas de 20 pés.", "20 pés", "measure", "20 ft", "ft"),
    # counts with their noun, thousands groups
    ("es", "El balance es de 622 muertos.", "622 muertos", "count", "622", "muertos"),
    ("fr", "On compte 812 morts.", "812 morts", "count", "812", "morts"),
    ("de", "Es gab 500 Verletzten.", "500 Verletzten", "count", "500", "verletzten"),
    ("fr", "Il y a 1 036 051 électeurs inscrits.", "1 036 051 électeurs", "count", "1036051", "électeurs"),
    ("es", "Votaron 1.036.051 personas.", "1.036.051 personas", "count", "1036051", "personas"),
    # written numbers
    ("es", "Llegaron cinco soldados.", "cinco soldados", "count", "5", "soldados"),
    ("fr", "Douze maisons ont brûlé.", "Douze maisons", "count", "12", "maisons"),
    ("fr", "Il y avait soixante-douze otages.", "soixante-douze otages", "count", "72", "otages"),
    ("de", "Zwölf Menschen starben.", "Zwölf Menschen", "count", "12", "menschen"),
    ("de", "Es kamen zweiundzwanzig Kinder.", "zweiundzwanzig Kinder", "count", "22", "kinder"),
    ("pt", "Chegaram vinte e dois soldados.", "vinte e dois soldados", "count", "22", "soldados"),
    ("it", "Sono morte ventidue persone.", "ventidue persone", "count", "22", "persone"),
    ("es", "Viven un millón de personas.", "un millón de personas", "count", "1000000", "personas"),
    # hedges, mapped to the English marks
    ("es", "Hubo unos 500 heridos.", "unos 500 heridos", "count", "~500", "heridos"),
    ("es", "Murieron más de 500 personas.", "más de 500 personas", "count", ">500", "personas"),
    ("fr", "Au moins 20 maisons sont détruites.", "Au moins 20 maisons", "count", ">=20", "maisons"),
    ("fr", "Près de 40 % des votes.", "Près de 40 %", "percentage", "~40%", "%"),
    ("de", "Mehr als 300 Häuser brannten.", "Mehr als 300 Häuser", "count", ">300", "häuser"),
    ("de", "Knapp 20 Prozent stimmten zu.", "Knapp 20 Prozent", "percentage", "~20%", "%"),
    ("de", "Bis zu 100 Meter hohe Wellen.", "Bis zu 100 Meter", "measure", "<=100 m", "m"),
    ("pt", "Pelo menos 30 pessoas ficaram feridas.", "Pelo menos 30 pessoas", "count", ">=30", "pessoas"),
    ("it", "Oltre 500 feriti.", "Oltre 500 feriti", "count", ">500", "feriti"),
    ("it", "Quasi 12 chilometri di coda.", "Quasi 12 chilometri", "measure", "~12 km", "km"),
    ("es", "Llegaron 20 camiones o más.", "20 camiones o más", "count", ">=20", "camiones"),
    # ranges
    ("es", "Hubo entre 10 y 12 heridos.", "entre 10 y 12 heridos", "count", "10-12", "heridos"),
    ("de", "Zwischen 10 und 12 Häuser.", "Zwischen 10 und 12 Häuser", "count", "10-12", "häuser"),
    ("fr", "Entre 3 et 5 milliards d'euros.", "Entre 3 et 5 milliards d'euros", "money", "EUR 3000000000-5000000000", "EUR"),
]


@pytest.mark.parametrize("lang,sentence,raw,kind,value,unit", QUANTITIES)
def test_quantities(lang, sentence, raw, kind, value, unit) -> None:
    found = _q(lang, sentence)
    assert raw in found, f"{raw!r} not in {sorted(found)}"
    span = found[raw]
    assert (span.kind, span.value, span.unit) == (kind, value, unit)


@pytest.mark.parametrize("lang,sentence,english", [
    ("es", "El contrato vale US$6 mil millones.", "The deal is worth US$6 billion."),
    ("es", "Pagaron 5.400 millones de dólares.", "They paid $5,400 million."),
    ("fr", "Le budget atteint 5,4 milliards de dollars.", "The budget is $5.4 billion."),
    ("de", "Knapp 20 Prozent stimmten zu.", "Nearly 20% agreed."),
    ("es", "Hubo unos 500 heridos.", "There were about 500 injured."),
    ("de", "Der Sturm zog rund 8,7 Meilen weiter.", "The storm moved about 8.7 miles on."),
    ("fr", "Au moins 20 maisons sont détruites.", "At least 20 houses were destroyed."),
    ("it", "Fino a 12 chilometri.", "Up to 12 kilometres."),
])
def test_same_value_and_interval_as_english(lang, sentence, english) -> None:
    ours = find_quantities_in(sentence, PACKS[lang])
    theirs = find_quantities(english)
    assert len(ours) == 1 and len(theirs) == 1
    assert (ours[0].kind, ours[0].value, ours[0].interval) == (
        theirs[0].kind, theirs[0].value, theirs[0].interval)
    assert ours[0].hedge == theirs[0].hedge


def test_billion_words_keep_their_own_factor() -> None:
    def value(lang: str, sentence: str) -> str:
        return find_quantities_in(sentence, PACKS[lang])[0].value

    assert value("fr", "Un prêt de 2 milliards de dollars.") == "USD 2000000000"
    assert value("fr", "Une dette de 2 billions de dollars.") == "USD 2000000000000"
    assert value("es", "Un préstamo de 2 millardos de dólares.") == "USD 2000000000"
    assert value("es", "Una deuda de 2 billones de dólares.") == "USD 2000000000000"
    assert value("pt", "Um empréstimo de 2 bilhões de dólares.") == "USD 2000000000"
    assert value("pt", "Uma dívida de 2 biliões de dólares.") == "USD 2000000000000"
    assert value("de", "Ein Kredit von 2 Milliarden Dollar.") == "USD 2000000000"
    assert value("de", "Schulden von 2 Billionen Dollar.") == "USD 2000000000000"


def test_from_to_is_two_values_like_english() -> None:
    spans = find_quantities_in("La cifra bajó de 40 a 35 %.", PACKS["es"])
    assert [(s.value, s.modifiers) for s in spans] == [("40%", ("from",)), ("35%", ("to",))]


@pytest.mark.parametrize("lang,sentence", [
    ("es", "El 18 de marzo de 2025 llegó."),  # a date, not 18 of something
    ("es", "En 2022 se reunieron."),  # a year
    ("fr", "À 23h47, la terre a tremblé."),  # a clock time
    ("de", "Um 23.47 Uhr bebte die Erde."),
    ("es", "Los dos se reunieron."),  # a bare number word counts nothing
    ("fr", "Un homme est arrivé."),  # an article
    ("de", "Der Airbus A320 landete."),
    ("es", "El virus COVID-19 volvió."),
    ("fr", "Il a fini 5e du classement."),
])
def test_not_quantities(lang, sentence) -> None:
    assert find_quantities_in(sentence, PACKS[lang]) == []


# (language, sentence, raw, kind, value, grain, hedge); the reference is Wed 19 March 2025
DATES = [
    ("es", "El 18 de marzo de 2025 se firmó.", "El 18 de marzo de 2025", "date", "2025-03-18", "day", ""),
    ("es", "Ocurrió en marzo del 2020.", "en marzo del 2020", "date", "2020-03", "month", ""),
    ("es", "Se fundó en 2022.", "en 2022", "date", "2022", "year", ""),
    ("es", "Terminará a finales de 2026.", "a finales de 2026", "date", "2026", "year", "late"),
    ("es", "Del 3 al 5 de marzo hubo huelga.", "Del 3 al 5 de marzo", "date", "2025-03-03/2025-03-05", "range", ""),
    ("es", "Entre el 10 y el 12 de abril.", "Entre el 10 y el 12 de abril", "date", "2025-04-10/2025-04-12", "range", ""),
    ("es", "Hasta el 5 de mayo.", "Hasta el 5 de mayo", "date", "<= 2025-05-05", "day", "until"),
    ("fr", "Le 1er septembre, il part.", "Le 1er septembre", "date", "2025-09-01", "day", ""),
    ("fr", "Il est né mardi 29 octobre 2024.", "mardi 29 octobre 2024", "date", "2024-10-29", "day", ""),
    ("fr", "Du 3 au 5 mars.", "Du 3 au 5 mars", "date", "2025-03-03/2025-03-05", "range", ""),
    ("fr", "Fin mars, tout change.", "Fin mars", "date", "2025-03", "month", "late"),
    ("fr", "Avant le 3 juin.", "Avant le 3 juin", "date", "< 2025-06-03", "day", "before"),
    ("de", "Am 4. November wird gewählt.", "Am 4. November", "date", "2024-11-04", "day", ""),
    ("de", "Am Dienstag, den 29. Oktober 2024 war es.", "Am Dienstag, den 29. Oktober 2024", "date", "2024-10-29", "day", ""),
    ("de", "Anfang 2026 soll es beginnen.", "Anfang 2026", "date", "2026", "year", "early"),
    ("de", "Im März 2020 begann es.", "Im März 2020", "date", "2020-03", "month", ""),
    ("de", "Vom 3. bis 5. März.", "Vom 3. bis 5. März", "date", "2025-03-03/2025-03-05", "range", ""),
    ("pt", "Em 18 de março de 2025 ocorreu.", "Em 18 de março de 2025", "date", "2025-03-18", "day", ""),
    ("pt", "No início de 2026.", "No início de 2026", "date", "2026", "year", "early"),
    ("it", "Il 1° settembre 2025 riapre.", "Il 1° settembre 2025", "date", "2025-09-01", "day", ""),
    ("it", "All'inizio del 2026.", "All'inizio del 2026", "date", "2026", "year", "early"),
    ("it", "Nel 2022 fu chiuso.", "Nel 2022", "date", "2022", "year", ""),
    # weekdays: explicit last/next, the verb's tense, or the closest day not in the future
    ("es", "El pasado lunes murieron tres.", "El pasado lunes", "date", "2025-03-17", "day", ""),
    ("es", "El próximo viernes habrá otra.", "El próximo viernes", "date", "2025-03-21", "day", ""),
    ("es", "El lunes se reunieron.", "El lunes", "date", "2025-03-17", "day", ""),
    ("es", "El lunes se reunirán.", "El lunes", "date", "2025-03-24", "day", ""),
    ("es", "El viernes hubo otra reunión.", "El viernes", "date", "2025-03-14", "day", ""),
    ("fr", "Il est arrivé lundi dernier.", "lundi dernier", "date", "2025-03-17", "day", ""),
    ("fr", "Il partira lundi prochain.", "lundi prochain", "date", "2025-03-24", "day", ""),
    ("de", "Am vergangenen Montag starb er.", "Am vergangenen Montag", "date", "2025-03-17", "day", ""),
    ("de", "Am kommenden Freitag wird gewählt.", "Am kommenden Freitag", "date", "2025-03-21", "day", ""),
    ("pt", "Na segunda-feira passada.", "Na segunda-feira passada", "date", "2025-03-17", "day", ""),
    ("it", "Lunedì scorso è arrivato.", "Lunedì scorso", "date", "2025-03-17", "day", ""),
    ("it", "Il prossimo venerdì.", "Il prossimo venerdì", "date", "2025-03-21", "day", ""),
    # relative days, weeks, years and parts of day with a clear meaning
    ("es", "Ayer llovió.", "Ayer", "date", "2025-03-18", "day", ""),
    ("fr", "Il viendra demain.", "demain", "date", "2025-03-20", "day", ""),
    ("fr", "Aujourd'hui il pleut.", "Aujourd'hui", "date", "2025-03-19", "day", ""),
    ("de", "Gestern kam er.", "Gestern", "date", "2025-03-18", "day", ""),
    ("de", "Er kommt morgen.", "morgen", "date", "2025-03-20", "day", ""),
    ("pt", "Ontem choveu.", "Ontem", "date", "2025-03-18", "day", ""),
    ("it", "Domani si vota.", "Domani", "date", "2025-03-20", "day", ""),
    ("es", "La semana pasada fue dura.", "semana pasada", "date", "2025-03-10/2025-03-16", "week", ""),
    ("fr", "La semaine prochaine.", "semaine prochaine", "date", "2025-03-24/2025-03-30", "week", ""),
    ("de", "Letzte Woche war es kalt.", "Letzte Woche", "date", "2025-03-10/2025-03-16", "week", ""),
    ("it", "Quest'anno si vota.", "Quest'anno", "date", "2025", "year", ""),
    ("es", "Hace tres días llegaron.", "Hace tres días", "date", "2025-03-16", "day", ""),
    ("fr", "Il y a 3 jours.", "Il y a 3 jours", "date", "2025-03-16", "day", ""),
    ("de", "Vor drei Tagen kam er.", "Vor drei Tagen", "date", "2025-03-16", "day", ""),
    ("pt", "Três dias atrás.", "Três dias atrás", "date", "2025-03-16", "day", ""),
    ("it", "Tre giorni fa.", "Tre giorni fa", "date", "2025-03-16", "day", ""),
    ("es", "La noche del martes hubo tiros.", "La noche del martes", "date", "2025-03-18", "day", ""),
    ("fr", "Dans la nuit de mardi à mercredi.", "Dans la nuit de mardi à mercredi", "date", "2025-03-18/2025-03-19", "range", ""),
    ("de", "In der Nacht zum Mittwoch.", "In der Nacht zum Mittwoch", "date", "2025-03-18/2025-03-19", "range", ""),
    # clock times with zones, as UTC instants (Madrid is UTC+1 in March)
    ("es", "El 18 de marzo de 2025 a las 23:47 hora local (19:17 GMT) tembló.", "23:47 hora local", "time", "2025-03-18T22:47Z", "minute", ""),
    ("es", "El 18 de marzo de 2025 a las 23:47 hora local (19:17 GMT) tembló.", "19:17 GMT", "time", "2025-03-18T19:17Z", "minute", ""),
    ("fr", "Le séisme s'est produit à 23h47 heure locale.", "23h47 heure locale", "time", "2025-03-19T22:47Z", "minute", ""),
    ("fr", "Vers 19 h 17 GMT.", "Vers 19 h 17 GMT", "time", "2025-03-19T19:17Z", "minute", "about"),
    ("de", "Um 23.47 Uhr Ortszeit bebte es.", "23.47 Uhr Ortszeit", "time", "2025-03-19T22:47Z", "minute", ""),
    ("de", "Gegen 19 Uhr MEZ.", "Gegen 19 Uhr MEZ", "time", "2025-03-19T18:00Z", "minute", "about"),
    ("pt", "Às 10h horário de Brasília.", "10h horário de Brasília", "time", "2025-03-19T13:00Z", "minute", ""),
    ("it", "Alle 23:47 ora locale.", "23:47 ora locale", "time", "2025-03-19T22:47Z", "minute", ""),
    ("es", "Se reunieron a las 10 GMT.", "10 GMT", "time", "2025-03-19T10:00Z", "minute", ""),
]


@pytest.mark.parametrize("lang,sentence,raw,kind,value,grain,hedge", DATES)
def test_dates_and_times(lang, sentence, raw, kind, value, grain, hedge) -> None:
    found = _t(lang, sentence)
    assert raw in found, f"{raw!r} not in {sorted(found)}"
    span = found[raw]
    assert (span.kind, span.value, span.grain, span.hedge) == (kind, value, grain, hedge)


@pytest.mark.parametrize("lang,sentence,english", [
    ("es", "Terminará a finales de 2026.", "It will end in late 2026."),
    ("de", "Anfang 2026 soll es beginnen.", "It should start in early 2026."),
    ("fr", "Avant le 3 juin 2025.", "Before June 3, 2025."),
    ("es", "Se fundó en 2022.", "It was founded in 2022."),
    ("it", "Il 1° settembre 2025 riapre.", "On 1 September 2025 it reopens."),
])
def test_same_interval_as_english_dates(lang, sentence, english) -> None:
    ours = find_temporal_in(sentence, REF, PACKS[lang])
    theirs = find_temporal(english, REF)
    assert len(ours) == 1 and len(theirs) == 1
    assert (ours[0].value, ours[0].interval, ours[0].grain, ours[0].hedge) == (
        theirs[0].value, theirs[0].interval, theirs[0].grain, theirs[0].hedge)


@pytest.mark.parametrize("lang,sentence", [
    ("es", "Se vio por la mañana."),  # the morning, not tomorrow
    ("de", "Am Morgen kam er."),  # "Morgen" is the morning
    ("es", "Subió un 12 % en marzo."),  # the figure is no date; only "en marzo" is
    ("fr", "Vers 11h, il est parti."),  # a time with no zone is too ambiguous
    ("es", "Mide 23.47 metros."),
])
def test_not_dates(lang, sentence) -> None:
    found = _t(lang, sentence)
    assert all(raw == "en marzo" for raw in found), found


def test_no_reference_keeps_only_explicit_dates() -> None:
    spans = find_temporal_in("Ayer, el 18 de marzo de 2025 y el lunes.", None, PACKS["es"])
    assert [s.value for s in spans] == ["2025-03-18"]


def test_language_notice() -> None:
    assert language_notice("en", PACKS) is None
    assert language_notice("es", PACKS) is None
    notice = language_notice("ru", PACKS)
    assert notice and "'ru'" in notice and "not read" in notice and "docs/languages.md" in notice


# ------------------------------------------------------------------ the pack file format


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "xx.yaml"
    path.write_text(text, encoding="utf-8")
    return path


BASE = "name: Test\ndateparser: es\nmonths: {enero: 1}\nweekdays: {lunes: 0}\n"


def test_unknown_key_names_file_and_line(tmp_path: Path) -> None:
    path = _write(tmp_path, BASE + "percent_words: ['%']\nnumber_wrds: {uno: 1}\n")
    with pytest.raises(VocabularyError) as info:
        load_language_pack(path)
    err = info.value.error
    assert err.path == str(path) and err.line == 6 and "number_wrds" in err.reason
    assert str(err).startswith(f"{path}:6:")


def test_bad_type_names_file_and_line(tmp_path: Path) -> None:
    path = _write(tmp_path, BASE + "scales:\n  millones: lots\n")
    with pytest.raises(VocabularyError) as info:
        load_language_pack(path)
    assert info.value.error.line == 6 and "scales.millones" in info.value.error.reason


@pytest.mark.parametrize("extra,line,words", [
    ("stopwords: [de, no]\n", 4, "stopwords"),  # YAML reads a bare no as false
    ("case_sensitive: maybe\n", 4, "case_sensitive"),
    ("units: {leguas: league}\n", 4, "unknown unit code"),
    ("hedges_before: {unos: roughly-ish}\n", 4, "unknown English hedge"),
    ("currency_words: {pesos: peso}\n", 4, "ISO 4217"),
    ("months:\n  enero: 13\n", 5, "month is 1..12"),
    ("zone_names: {hora de Marte: Mars/Olympus}\n", 4, "time zone"),
])
def test_bad_values_are_named(tmp_path: Path, extra: str, line: int, words: str) -> None:
    path = _write(tmp_path, BASE.replace("months: {enero: 1}\n", "") + extra)
    with pytest.raises(VocabularyError) as info:
        load_language_pack(path)
    assert words in info.value.error.reason
    assert info.value.error.line == line


def test_missing_required_key(tmp_path: Path) -> None:
    path = _write(tmp_path, "name: Test\nmonths: {enero: 1}\nweekdays: {lunes: 0}\n")
    with pytest.raises(VocabularyError, match="dateparser"):
        load_language_pack(path)


def test_minimal_pack_works(tmp_path: Path) -> None:
    pack = load_language_pack(_write(tmp_path, BASE))
    assert pack.code == "xx" and pack.dateparser == "es"
    assert [s.value for s in find_quantities_in("Hay 12 algos.", pack)] == ["12"]
    assert [s.value for s in find_temporal_in("18 enero 2025", REF, pack)] == ["2025-01-18"]


def test_packs_ship_in_the_package() -> None:
    text = (Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    assert '"vocab/lang/*.yaml"' in text


# ------------------------------------------------------------------ robustness

_ALPHABET = st.sampled_from(list("0123456789 .,:%-–'’$€h") + ["de ", "mil ", "millones ", "a las ",
                                                                 "Uhr ", "lunes ", "marzo ", "hace ",
                                                                 "días ", "más de ", "2025 ", "GMT "])


@settings(max_examples=150, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join), st.sampled_from(sorted(PACKS)))
def test_never_raises_and_raw_is_exact(text: str, lang: str) -> None:
    for span in find_quantities_in(text, PACKS[lang]):
        assert span.raw == text[span.start:span.end]
    for span in find_temporal_in(text, REF, PACKS[lang], "Europe/Madrid", bare_times=True):
        assert span.raw == text[span.start:span.end]


def test_long_hostile_input_is_fast() -> None:
    import time

    text = ("1.2.3,4,5 de de de 10 a 11 a 12 a " * 400) + ("9" * 5000) + (" mil" * 2000)
    start = time.perf_counter()
    for lang in PACKS:
        find_quantities_in(text, PACKS[lang])
        find_temporal_in(text, REF, PACKS[lang], "Europe/Madrid")
    assert time.perf_counter() - start < 10
