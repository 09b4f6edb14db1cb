"""`triage eval`, `triage retriage` and `triage export-reviews`: arguments in, files and exit status out."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from triage.evals.cases import EvalError
from triage.evals.compare import compare, load_report
from triage.evals.metrics import gate
from triage.evals.report import Gate, render_comparison_markdown, render_html, render_markdown
from triage.evals.retriage import export_reviews, open_store, render_retriage_markdown, retriage_stored
from triage.evals.run import default_concurrency, eval_settings, make_pipeline, run_eval

if TYPE_CHECKING:
    from triage.config import Settings

EXIT_GATE = 1
EXIT_BAD_INPUT = 2


def write_private(path: Path | str, content: str) -> None:
    """Reports and exports quote partners' plans: write them readable by the owner only."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(content)


def cli_eval(args: argparse.Namespace, settings: Settings) -> int:
    """`triage eval`: exit 0 when the gates pass, 1 when they fail, 2 when the case file has bad lines."""
    try:
        settings = eval_settings(settings, extractor=args.extractor, no_cache=args.no_cache or args.repeat > 1)
        baseline = load_report(args.baseline) if args.baseline else None
        report = run_eval(
            args.cases,
            settings,
            concurrency=args.concurrency,
            repeat=args.repeat,
            cite=not args.no_citations,
        )
    except EvalError as exc:
        print(f"triage eval: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    failures = gate(report, args.min_escalate_recall)
    if baseline is not None:
        report.comparison = compare(report, baseline)
        regressions = report.comparison.regressions
        if regressions:
            failures.append(f"{len(regressions)} regression(s) against the baseline: {', '.join(regressions)}")
    report.gate = Gate(min_escalate_recall=args.min_escalate_recall, passed=not failures, failures=failures)
    if args.json_out:
        write_private(args.json_out, report.to_json())
    if args.html_out:
        write_private(args.html_out, render_html(report, failures))
    print(render_markdown(report, failures), end="")
    for error in report.line_errors:
        print(f"triage eval: {args.cases}: line {error.line}: {error.error}", file=sys.stderr)
    if failures:
        return EXIT_GATE
    return EXIT_BAD_INPUT if report.line_errors else 0


def cli_retriage(args: argparse.Namespace, settings: Settings) -> int:
    """`triage retriage`: what would flip under the current policy; exit 1 on a regression vs a file's baseline."""
    try:
        settings = eval_settings(settings, extractor=args.extractor)
        if args.stored == bool(args.cases):
            raise EvalError("give a case file (with --baseline) or --stored, not both")
        if args.stored:
            store = open_store(settings)
            try:
                pipeline = make_pipeline(settings, cite=False)
                stored = retriage_stored(store, pipeline, concurrency=args.concurrency or default_concurrency(settings))
            finally:
                store.close()
            if args.json_out:
                write_private(args.json_out, stored.to_json())
            print(render_retriage_markdown(stored), end="")
            return EXIT_GATE if stored.errors else 0
        if not args.baseline:
            raise EvalError("re-triaging a case file needs --baseline REPORT.json (the earlier `triage eval` report)")
        baseline = load_report(args.baseline)
        report = run_eval(args.cases, settings, concurrency=args.concurrency, cite=False)
    except EvalError as exc:
        print(f"triage retriage: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    report.comparison = compare(report, baseline)
    if args.json_out:
        write_private(args.json_out, report.to_json())
    print(
        f"# Re-triage of {report.cases_file} under policy {(report.policy_version or '')[:12]} ({report.extractor})\n"
    )
    print("\n".join(render_comparison_markdown(report.comparison)))
    return EXIT_GATE if report.comparison.regressions else 0


def cli_export_reviews(args: argparse.Namespace, settings: Settings) -> int:
    """`triage export-reviews`: reviewed cases as a labeled case file (or stdout with "-")."""
    try:
        store = open_store(settings)
    except EvalError as exc:
        print(f"triage export-reviews: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        labeled = export_reviews(store)
    finally:
        store.close()
    content = "".join(json.dumps(case.model_dump(), ensure_ascii=False) + "\n" for case in labeled)
    if args.out == "-":
        sys.stdout.write(content)
    else:
        write_private(args.out, content)
        overrides = sum(1 for c in labeled if "review_override" in c.tags)
        print(f"wrote {len(labeled)} reviewed case(s) ({overrides} override(s)) to {args.out}")
    return 0
