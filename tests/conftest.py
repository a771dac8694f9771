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
