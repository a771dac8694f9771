"""The pipeline flows one way: nothing below the CLI and the reporters imports them."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "consistency"
TOP = ("consistency.cli", "consistency.report")


def _imports(path: Path) -> set[str]:
    module = "consistency." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
    package = module.rsplit(".", 1)[0] if path.name != "__init__.py" else module.removesuffix(".__init__")
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            found.add(name)
            found.update(f"{name}.{alias.name}" for alias in node.names)
    return found


def test_lower_layers_do_not_import_the_cli_or_the_reporters() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative == "cli.py" or relative.startswith("report/"):
            continue
        bad = sorted(name for name in _imports(path) if name.startswith(TOP))
        if bad:
            offenders.append(f"{relative}: {bad}")
    assert not offenders


def test_the_check_imports_something_real() -> None:
    # The parser sees the CLI's own imports of the reporters, so the test above can fail.
    assert any(name.startswith("consistency.report") for name in _imports(PACKAGE / "cli.py"))
