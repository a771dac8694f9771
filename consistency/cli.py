"""The ``consistency`` command. It sits on top of the pipeline; nothing below imports it.

Exit codes: 0 clean, 1 findings at or above ``--fail-on``, 2 usage or input error.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any, Optional, Sequence

import click

from . import __version__
from .config import Config, ConfigError, as_toml, load_config
from .engine import LEVEL_ORDER
from .evaluate import GoldError, ReportError, as_dict, load_gold, place_claims, read_report, render_score, score
from .extract.ner import ModelError
from .extract.pipeline import reads_language
from .fileio import write_atomic
from .ingest import read_articles
from .ingest.discover import discover
from .models import Finding, InputError
from .normalize.multilingual import load_language_packs
from .report.escape import markdown_text, visible
from .report.github import render_github
from .report.json_report import render_json
from .report.markdown import render_markdown
from .report.sarif import render_sarif
from .ruleset import RuleFileError
from .progress import Progress
from .runner import CheckResult, Toolkit, check_paths, extract_all
from .vocab import VocabularyError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2
QUIET = click.option("-q", "--quiet", is_flag=True,
                     help="No progress line (it is shown only when stderr is a terminal).")


def _fail(message: str) -> None:
    click.echo(f"consistency: {message}", err=True)
    sys.exit(EXIT_INPUT)


def _config(ctx: click.Context, **overrides: Any) -> Config:
    root = ctx.find_root().params
    try:
        config, _ = load_config(overrides=overrides,
                                pyproject=Path(root["config_file"]) if root.get("config_file") else None)
    except ConfigError as exc:
        _fail(str(exc))
    return config


def _toolkit(config: Config) -> Toolkit:
    try:
        return Toolkit.build(config)
    except RuleFileError as exc:
        for error in exc.errors:
            click.echo(f"consistency: {error}", err=True)
        sys.exit(EXIT_INPUT)
    except VocabularyError as exc:
        _fail(str(exc))
    raise AssertionError("unreachable")


def _one_line(text: object) -> str:
    """A message naming a file is one line whatever the file's name or contents hold."""
    return visible(str(text)).replace("\r", "\\r").replace("\n", "\\n")


def _report_errors(errors: Sequence[InputError]) -> None:
    for error in errors:
        click.echo(f"consistency: {_one_line(error)}", err=True)


def _emit(text: str, output: Optional[str]) -> None:
    if output:
        write_atomic(Path(output), text)
    else:
        click.echo(text, nl=False)


def _exit_code(findings: Sequence[Finding], fail_on: str, errors: Sequence[InputError]) -> int:
    if errors:
        return EXIT_INPUT
    if fail_on == "never":
        return EXIT_CLEAN
    threshold = LEVEL_ORDER[fail_on]
    return EXIT_FINDINGS if any(LEVEL_ORDER[f.level] <= threshold for f in findings) else EXIT_CLEAN


def _format_for(fmt: Optional[str], output: Optional[str], config: Config) -> str:
    if fmt is None and output:
        suffix = Path(output).suffix.lower()
        fmt = {".json": "json", ".sarif": "sarif", ".md": "md"}.get(suffix)
    fmt = fmt or config.format
    if fmt == "auto":
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "md"
    return fmt


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="consistency")
@click.option("--config", "config_file", type=click.Path(dir_okay=False),
              help="pyproject.toml to read [tool.consistency] from (default: the nearest one).")
def main(config_file: Optional[str]) -> None:
    """Check news coverage for factual contradictions between sources."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report here (atomically).")
@click.option("--format", "fmt", type=click.Choice(["md", "json", "sarif", "github", "auto"]),
              help="Report format (default: from the output's suffix, else the config's).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]),
              help="Exit 1 when a finding is at or above this level (default: error).")
@click.option("--select", help="Only rules whose code starts with these (comma-separated).")
@click.option("--ignore", "ignore_rules", help="Skip rules whose code starts with these (comma-separated).")
@click.option("--rules", "rules_dir", type=click.Path(file_okay=False), help="Folder of rule files.")
@click.option("--against", type=click.Path(), help="CI mode: an archive (indexed store or folder) to check against.")
@click.option("--baseline", type=click.Path(dir_okay=False), help="Only findings not in this baseline count.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), help="Write the findings as a baseline.")
@QUIET
@click.pass_context
def check(ctx: click.Context, paths: tuple[str, ...], output: Optional[str], fmt: Optional[str],
          fail_on: Optional[str], select: Optional[str], ignore_rules: Optional[str], rules_dir: Optional[str],
          against: Optional[str], baseline: Optional[str], write_baseline: Optional[str], quiet: bool) -> None:
    """Check articles (files, folders, globs) for contradictions and write a report."""
    config = _config(ctx, fail_on=fail_on, select=select, ignore=ignore_rules, rules_dir=rules_dir)
    kit = _toolkit(config)
    progress = Progress(enabled=False if quiet else None)
    try:
        if against:
            from .ci import check_against

            result = check_against(paths, against, config, kit, progress)
            new_paths = {a.path for a in result.articles if a.path in result.new_paths}
        else:
            result = check_paths(paths, config, kit, progress)
            new_paths = None
    except ModelError as exc:
        _fail(str(exc))
    finally:
        progress.close()
    _report_errors(result.errors)
    findings, filtered, warnings = _suppress(result, baseline, write_baseline)
    for warning in warnings:
        click.echo(f"consistency: warning: {warning}", err=True)
    fmt = _format_for(fmt, output, config)
    if fmt == "json":
        text = render_json(result.articles, findings, result.skipped, filtered)
    elif fmt == "sarif":
        text = render_sarif(findings, kit.ruleset.rules, new_paths, __version__)
    elif fmt == "github":
        text = render_github(findings, new_paths)
    else:
        text = render_markdown(result.articles, findings, result.agreements, result.variants, result.skipped, filtered)
    _emit(text, output)
    if filtered:
        click.echo(f"consistency: {filtered} finding(s) filtered by the baseline", err=True)
    for path, reason in result.skipped:
        click.echo(f"consistency: notice: {_one_line(path)}: skipped: {reason}", err=True)
    sys.exit(_exit_code(findings, config.fail_on, result.errors))


def _suppress(result: CheckResult, baseline: Optional[str], write_baseline: Optional[str]) -> tuple[list[Finding], int, list[str]]:
    from .suppress import BaselineError, apply_inline, filter_baseline, read_baseline
    from .suppress import write_baseline as save_baseline

    findings, warnings = apply_inline(result.findings, result.articles)
    filtered = 0
    if write_baseline:
        save_baseline(Path(write_baseline), findings)
    if baseline:
        try:
            known = read_baseline(Path(baseline))
        except BaselineError as exc:
            _fail(str(exc))
        findings, filtered = filter_baseline(findings, known)
    return list(findings), filtered, warnings


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.pass_context
def articles(ctx: click.Context, paths: tuple[str, ...]) -> None:
    """List the articles read: id, outlet, published, where that date came from, language, words."""
    config = _config(ctx)
    found, errors = read_articles(paths, config)
    packs = load_language_packs(config.rules_dir)
    rows = [("id", "outlet", "published", "from", "language", "words", "path")]
    for a in found:
        language = a.language if reads_language(a.language, config, packs) else f"{a.language} (skipped)"
        rows.append(tuple(_one_line(cell) for cell in (
            a.id, a.outlet or "-", a.published.isoformat() if a.published else "-", a.published_from,
            language, str(a.words), a.path)))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
    _report_errors(errors)
    sys.exit(EXIT_INPUT if errors else EXIT_CLEAN)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "md"]), default="csv", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False))
@QUIET
@click.pass_context
def extract(ctx: click.Context, paths: tuple[str, ...], fmt: str, output: Optional[str], quiet: bool) -> None:
    """Print every assertion extracted from the articles, one row each."""
    from .extract.pipeline import extract_frame

    config = _config(ctx)
    kit = _toolkit(config)
    progress = Progress(enabled=False if quiet else None)
    try:
        found, errors = read_articles(paths, config, progress=lambda done, total: progress("read", done, total))
        frame = extract_frame(extract_all(kit, found, progress))
    except ModelError as exc:
        _fail(str(exc))
    finally:
        progress.close()
    if fmt == "json":
        records = json.loads(frame.to_json(orient="records"))  # NaN -> null, numpy -> plain types
        text = json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    elif fmt == "md":
        columns = ["article", "line", "column", "kind", "raw", "value", "hedge", "modality", "trigger", "participants"]
        lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
        for row in frame[columns].itertuples(index=False) if len(frame) else []:
            lines.append("| " + " | ".join(markdown_text(v) for v in row) + " |")
        text = "\n".join(lines) + "\n"
    else:
        text = frame.to_csv(index=False)
    _emit(text, output)
    _report_errors(errors)
    sys.exit(EXIT_INPUT if errors else EXIT_CLEAN)


@main.command("rules")
@click.pass_context
def list_rules(ctx: click.Context) -> None:
    """List the rules: code, name, level, check type."""
    kit = _toolkit(_config(ctx))
    for rule in kit.ruleset.rules:
        click.echo(f"{rule.code:<9} {rule.name:<20} {rule.level:<8} {rule.check:<14} {rule.subject}")


@main.command()
@click.argument("code")
@click.pass_context
def explain(ctx: click.Context, code: str) -> None:
    """Show one rule with its rationale and examples."""
    kit = _toolkit(_config(ctx))
    rule = kit.ruleset.get(code)
    if rule is None:
        _fail(f"no rule '{code}' (see 'consistency rules')")
    assert rule is not None
    click.echo(f"{rule.code} {rule.name} ({rule.level}, check: {rule.check})\n")
    click.echo(f"{rule.rationale}\n")
    click.echo(f"Message: {rule.message}\n")
    for n, example in enumerate(rule.examples, 1):
        click.echo(f"Example {n}: expect {example.expect}" + (f" ({example.relation})" if example.expect == "finding" else ""))
        for name, text in example.articles:
            click.echo(f"  {name}:")
            for line in text.rstrip().splitlines():
                click.echo(f"    {line}")
        click.echo("")


@main.command("config")
@click.pass_context
def show_config(ctx: click.Context) -> None:
    """Print the effective configuration (defaults, pyproject.toml, flags)."""
    click.echo(as_toml(_config(ctx)), nl=False)


@main.command("eval")
@click.argument("gold", type=click.Path(dir_okay=False))
@click.argument("paths", nargs=-1)
@click.option("--report", "report_file", type=click.Path(dir_okay=False),
              help="Score this JSON report instead of running check; PATHS, if given, are the article "
                   "files to find claim lines in (default: the report's own article paths).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--min-recall", type=float, default=0.0, help="Exit 1 below this recall.")
@click.option("--min-precision", type=float, default=0.0, help="Exit 1 below this precision.")
@click.pass_context
def evaluate(ctx: click.Context, gold: str, paths: tuple[str, ...], report_file: Optional[str], fmt: str,
             min_recall: float, min_precision: float) -> None:
    """Score a run (or a JSON report) against an answer key: precision, recall, misses, false alarms."""
    config = _config(ctx)
    try:
        items = load_gold(Path(gold))
    except GoldError as exc:
        _fail(str(exc))
    errors: Sequence[InputError] = ()
    if report_file:
        try:
            findings, languages = read_report(json.loads(Path(report_file).read_text(encoding="utf-8")))
        except (OSError, ValueError, ReportError) as exc:
            _fail(f"{report_file}: cannot read report: {exc}")
        files = discover(paths)[0] if paths else list(languages)
    else:
        if not paths:
            _fail("eval needs article PATHS to check, or --report REPORT.json")
        kit = _toolkit(config)
        try:
            result = check_paths(paths, config, kit)
        except ModelError as exc:
            _fail(str(exc))
        _report_errors(result.errors)
        errors = result.errors
        # The findings a report of this run would hold (inline suppressions applied, as check does).
        findings = _suppress(result, None, None)[0]
        languages = {a.path: a.language for a in result.articles}
        files = list(languages)
    scored = score(findings, place_claims(items, files), languages)
    if fmt == "json":
        click.echo(json.dumps(as_dict(scored), ensure_ascii=False, indent=2))
    else:
        click.echo(render_score(scored), nl=False)
    if errors:
        sys.exit(EXIT_INPUT)
    # No contradiction to find, or no alarm raised: nothing to fall short of.
    too_low = ((scored.recall is not None and scored.recall < min_recall)
               or (scored.precision is not None and scored.precision < min_precision))
    sys.exit(EXIT_FINDINGS if too_low else EXIT_CLEAN)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="The SQLite store to create or update.")
@QUIET
@click.pass_context
def index(ctx: click.Context, paths: tuple[str, ...], db: str, quiet: bool) -> None:
    """Index an archive of articles for CI mode; only new or changed files are extracted again."""
    from .ci import index_archive

    config = _config(ctx)
    kit = _toolkit(config)
    progress = Progress(enabled=False if quiet else None)
    try:
        stats, errors = index_archive(paths, Path(db), config, kit, progress)
    except ModelError as exc:
        _fail(str(exc))
    finally:
        progress.close()
    _report_errors(errors)
    click.echo(f"indexed {db}: {stats.added} added, {stats.changed} changed, {stats.unchanged} unchanged, "
               f"{stats.removed} removed")
    sys.exit(EXIT_INPUT if errors else EXIT_CLEAN)


if __name__ == "__main__":  # pragma: no cover
    main()
