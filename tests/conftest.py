"""Shared fixtures: the toolkit (NER model, gazetteer, rules) is built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency.config import Config
from consistency.runner import CheckResult, Toolkit, check_paths

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def config() -> Config:
    return Config()


@pytest.fixture(scope="session")
def kit(config: Config) -> Toolkit:
    return Toolkit.build(config)


@pytest.fixture(scope="session")
def seeds_result(kit: Toolkit, config: Config) -> CheckResult:
    import os

    cwd = os.getcwd()
    os.chdir(ROOT)  # paths as a user types them: seeds/...
    try:
        return check_paths(["seeds/"], config, kit)
    finally:
        os.chdir(cwd)


@pytest.fixture(scope="session")
def toolkit_cache(kit: Toolkit, config: Config) -> dict[Config, Toolkit]:
    return {config: kit}


@pytest.fixture
def reuse_toolkit(kit: Toolkit, toolkit_cache: dict[Config, Toolkit], monkeypatch: pytest.MonkeyPatch) -> None:
    """Each CLI run builds a Toolkit. Reuse one per distinct Config, and the session's language
    model and gazetteer across all of them; rule files and vocabularies are still read for real."""
    from consistency import runner
    from consistency.extract import pipeline
    from consistency.extract.ner import NameFinder
    from consistency.normalize.places import Gazetteer

    real_build = Toolkit.build.__func__  # type: ignore[attr-defined]
    monkeypatch.setattr(pipeline, "NameFinder", lambda model: kit.extractor.names
                        if model == kit.extractor.names.model_name else NameFinder(model))
    monkeypatch.setattr(runner, "Gazetteer", lambda names: kit.gazetteer
                        if names == kit.vocab.country_names else Gazetteer(names))

    def build(cls: type[Toolkit], cfg: Config) -> Toolkit:
        if cfg not in toolkit_cache:
            toolkit_cache[cfg] = real_build(cls, cfg)
        return toolkit_cache[cfg]

    monkeypatch.setattr(Toolkit, "build", classmethod(build))
