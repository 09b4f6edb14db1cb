"""The `triage` command: check a plan, serve the API, run evals, manage the index, keys and audit trail."""

from __future__ import annotations

import argparse
import json
import os
import sys
import textwrap
from pathlib import Path

from pydantic import ValidationError

from triage.by_use import group_by_use
from triage.config import Settings, get_settings
from triage.intake import IntakeError, check_text, decode_plan
from triage.records import Intake, ProductionType, TriageResult

EXIT_BAD_INPUT = 2
BADGE = {"approval": "APPROVAL", "escalate": "ESCALATE", "reminder": "reminder"}


class InputError(Exception):
    """Input the command cannot triage; the message says what is wrong."""


def read_plan(args: argparse.Namespace, settings: Settings) -> str:
    """The plan text from the argument, a file, or stdin ("-"), as UTF-8, within the size limit."""
    if args.file:
        try:
            raw = Path(args.file).read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read {args.file}: {exc.strerror}") from exc
    elif args.text == "-":
        raw = sys.stdin.buffer.read()
    elif args.text is not None:
        raw = args.text.encode("utf-8", errors="surrogateescape")
    else:
        raise InputError('give the plan as an argument, with -f FILE, or "-" to read stdin')
    try:
        return check_text(decode_plan(raw), max_chars=settings.max_text_chars, what="the plan")
    except IntakeError as exc:
        raise InputError(str(exc)) from exc


def render(result: TriageResult) -> str:
    """A decision a contact can skim: route, approval, then use by use its findings (evidence, policy passage) and
    the questions that concern it."""
    lines = [result.summary, ""]
    lines.append(f"Route: {result.route.upper()}    Approval required: {'yes' if result.approval_required else 'no'}")
    if result.triggers:
        lines.append("Triggers: " + ", ".join(t.value for t in result.triggers))
    lines.append("Principles: " + "  ".join(f"{p} {a}" for p, a in result.principles.items()))
    for group in group_by_use(result):
        title = "Whole plan" if group.use is None else f"Use {group.number}: {_clip(group.summary, 160)}"
        lines += ["", f"{title} [{group.outcome}]"]
        for view in group.findings:
            finding = view.finding
            trigger = f" {finding.trigger.value}" if finding.trigger else ""
            lines.append(f"  [{BADGE[finding.severity]}]{trigger} (rule {finding.rule})")
            lines += textwrap.wrap(finding.reason, 110, initial_indent="    ", subsequent_indent="    ")
            if view.show_evidence and finding.evidence:
                lines.append(f'    Plan says: "{_clip(finding.evidence, 200)}"')
            for citation in finding.citations:
                lines.append(f'    Policy, {citation.title}: "{_clip(citation.text, 220)}"')
                if citation.url:
                    lines.append(f"      {citation.url}")
            if not finding.citations and finding.sections:
                lines.append("    Policy sections: " + ", ".join(finding.sections))
        lines += [f"  Question for the partner ({q.id}): {q.text}" for q in group.questions]
    lines += ["", f"Extractor: {result.extractor}   Policy version: {result.policy_version[:12]}"]
    if result.case_id:
        lines.append(f"Case: {result.case_id}")
    return "\n".join(lines)


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def cmd_check(args: argparse.Namespace, settings: Settings) -> int:
    from triage.pipeline import Pipeline

    text = read_plan(args, settings)
    try:
        intake = Intake(text=text, production_type=args.production_type)
    except ValidationError as exc:
        raise InputError(exc.errors()[0]["msg"]) from exc
    pipeline = Pipeline(settings)
    if args.store:
        from triage import service

        with service.opened(settings) as store:
            case = service.submit(store, pipeline, intake, org=args.org, actor="cli", actor_role="partner")
        if case.result is None:
            print(f"triage: case {case.id} was stored but its triage failed: {case.error}", file=sys.stderr)
            return 1
        result = TriageResult.model_validate({**case.result, "case_id": case.id})
    else:
        result = pipeline.run(intake)
    print(result.model_dump_json(indent=2) if args.json else render(result))
    return 0


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    import importlib

    # the API package sits above the core library: imported by name, never imported from triage/
    server = importlib.import_module("api.server")
    server.serve(settings, host=args.host, port=args.port, workers=args.workers, log_level=args.log_level)
    return 0


def cmd_keys(args: argparse.Namespace, settings: Settings) -> int:
    from triage import service
    from triage.store import accounts
    from triage.store.errors import StoreError

    if args.keys_command == "create":
        try:
            key = service.create_key(settings, args.role, args.org, name=args.name, email=args.email)
        except StoreError as exc:
            raise InputError(str(exc)) from exc
        holder = f"{args.name} ({args.org})" if args.name else repr(args.org)
        print(f"created a {args.role} key for {holder}; it is shown once:")
        print(key)
        return 0
    with service.opened(settings) as store:
        if args.keys_command == "list":
            for info in accounts.list_keys(store):
                state = f"revoked {info.revoked_at}" if info.revoked_at else "active"
                person = f"  {info.display_name}" + (f" <{info.email}>" if info.email else "")
                print(f"{info.id}  {info.role:8} {info.org}{person}  created {info.created_at}  {state}")
            return 0
        if not accounts.revoke_key(store, args.key_id):
            raise InputError(f"no active key {args.key_id!r}")
        print(f"revoked {args.key_id}")
        return 0


def cmd_audit(args: argparse.Namespace, settings: Settings) -> int:
    from triage.service import audit_head, verify_audit

    if args.audit_command == "head":
        head = audit_head(settings)
        if head is None:
            raise InputError("the audit trail is empty")
        print(head)
        return 0
    ok, message = verify_audit(settings, expect_head=args.expect_head)
    print(message)
    return 0 if ok else 1


def cmd_notify(args: argparse.Namespace, settings: Settings) -> int:
    import signal
    import threading

    from triage import service
    from triage.notify.worker import Worker
    from triage.store import outbox
    from triage.store.errors import StoreError

    with service.opened(settings) as store:
        if args.notify_command == "work":  # a delivery worker of its own, until SIGTERM or Ctrl-C
            stop = threading.Event()
            signal.signal(signal.SIGTERM, lambda *_: stop.set())
            worker = Worker(store, settings)
            print(f"delivering notifications from {store.engine.url.render_as_string(hide_password=True)}", flush=True)
            try:
                worker.run(stop)
            except KeyboardInterrupt:
                stop.set()
            finally:
                worker.close()
            return 0
        if args.notify_command == "deliveries":
            for d in outbox.deliveries(store, status=args.status, limit=args.limit):
                error = f"  last error: {d.last_error}" if d.last_error else ""
                print(f"{d.id}  {d.status:9} {d.event:9} {d.channel:7} {d.target}  attempts {d.attempts}{error}")
            return 0
        try:
            delivery = service.send_test(
                store, settings, by="the command line", webhook_id=args.webhook, key_id=args.key
            )
        except StoreError as exc:
            raise InputError(str(exc)) from exc
        print(f"{delivery.id}: {delivery.status}" + (f" ({delivery.last_error})" if delivery.last_error else ""))
        return 0 if delivery.status == "delivered" else 1


def cmd_index(args: argparse.Namespace, settings: Settings) -> int:
    from triage.retrieval import PolicyIndex

    index = PolicyIndex.from_settings(settings)
    count = index.rebuild()
    print(f"indexed {count} passages of {index.policy.name!r} (policy {index.policy.version[:12]})")
    return 0


def cmd_precedents(args: argparse.Namespace, settings: Settings) -> int:
    import time

    from triage import service
    from triage.precedents.index import PrecedentIndex
    from triage.precedents.sync import reindex

    started = time.perf_counter()
    index = PrecedentIndex(settings)
    try:
        with service.opened(settings) as store:
            count = reindex(store, index)
    finally:
        index.close()
    print(f"indexed {count} decided case(s) as precedents in {time.perf_counter() - started:.1f} s")
    return 0


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    from triage.retrieval import PolicyIndex

    index = PolicyIndex.from_settings(settings)
    citations = index.ask(args.question, k=args.k)
    answer = None
    if settings.llm_configured and not args.no_llm:
        from triage.extract.llm.client import make_chat_model
        from triage.policy_answer import answer_from_policy

        answer = answer_from_policy(args.question, citations, make_chat_model(settings))
        citations = answer.citations
    if args.json:
        payload = {"answer": answer.model_dump() if answer else None, "citations": [c.model_dump() for c in citations]}
        print(json.dumps(payload, indent=2, ensure_ascii=False))
        return 0
    if answer:
        print(answer.answer if answer.grounded else f"{answer.answer} ({answer.reason})")
        print()
    if not citations:
        print("The policy does not say.")
    for number, citation in enumerate(citations, start=1):
        print(f"{number}. {citation.title} [{citation.section}]")
        print(textwrap.indent(textwrap.fill(citation.text, 100), "   "))
        if citation.url:
            print(f"   {citation.url}")
    return 0


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from triage.evals.cli import cli_eval

    return cli_eval(args, settings)


def cmd_retriage(args: argparse.Namespace, settings: Settings) -> int:
    from triage.evals.cli import cli_retriage

    return cli_retriage(args, settings)


def cmd_export_reviews(args: argparse.Namespace, settings: Settings) -> int:
    from triage.evals.cli import cli_export_reviews

    return cli_export_reviews(args, settings)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="triage", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="triage one plan")
    check.add_argument("text", nargs="?", help='the plan text, or "-" to read stdin')
    check.add_argument("-f", "--file", help="read the plan from a file")
    check.add_argument("--json", action="store_true", help="print the public JSON result")
    check.add_argument("--production-type", choices=[p.value for p in ProductionType])
    check.add_argument("--store", action="store_true", help="store the case and its audit record (case_id)")
    check.add_argument("--org", default="cli", help="organisation the stored case belongs to")
    check.set_defaults(handler=cmd_check)

    serve = commands.add_parser("serve", help="the API and web pages")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1, help="worker processes (use PostgreSQL for more than 1)")
    serve.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])
    serve.set_defaults(handler=cmd_serve)

    keys = commands.add_parser("keys", help="API keys for partners, contacts and admins")
    key_commands = keys.add_subparsers(dest="keys_command", required=True)
    create = key_commands.add_parser("create", help="create a key; it is printed alone on the last line")
    create.add_argument("--role", required=True, choices=["partner", "contact", "admin"])
    create.add_argument("--org", required=True)
    create.add_argument("--name", help="the person the key is issued to (shown in pages and histories)")
    create.add_argument("--email", help="where that person's notifications go")
    key_commands.add_parser("list", help="list keys (never the keys themselves)")
    revoke = key_commands.add_parser("revoke", help="revoke a key by its id")
    revoke.add_argument("key_id")
    keys.set_defaults(handler=cmd_keys)

    notify = commands.add_parser("notify", help="notifications: a delivery worker, deliveries, a test message")
    notify_commands = notify.add_subparsers(dest="notify_command", required=True)
    notify_commands.add_parser("work", help="deliver the outbox's messages until stopped (API processes do too)")
    deliveries = notify_commands.add_parser("deliveries", help="messages newest first, with their last error")
    deliveries.add_argument("--status", choices=["pending", "delivered", "dead"])
    deliveries.add_argument("--limit", type=int, default=50)
    test = notify_commands.add_parser("test", help="send a test message now; exit 1 unless it was delivered")
    target = test.add_mutually_exclusive_group(required=True)
    target.add_argument("--webhook", help="a webhook's id")
    target.add_argument("--key", help="a person's key id (a test email to them)")
    notify.set_defaults(handler=cmd_notify)

    audit = commands.add_parser("audit", help="the hash-chained audit trail")
    audit_commands = audit.add_subparsers(dest="audit_command", required=True)
    verify = audit_commands.add_parser(
        "verify", help="exit 1 when a record was edited, deleted or reordered, or a case or key differs from it"
    )
    verify.add_argument("--expect-head", help="a head kept outside the database (`triage audit head`): SEQ:HASH")
    audit_commands.add_parser("head", help="print the chain's head (SEQ:HASH) to keep outside the database")
    audit.set_defaults(handler=cmd_audit)

    index = commands.add_parser("index", help="rebuild the policy retrieval index")
    index.set_defaults(handler=cmd_index)

    precedents = commands.add_parser("precedents", help="the index of decided cases shown as precedents")
    precedent_commands = precedents.add_subparsers(dest="precedents_command", required=True)
    precedent_commands.add_parser("reindex", help="rebuild it from the stored cases (API processes keep it current)")
    precedents.set_defaults(handler=cmd_precedents)

    ask = commands.add_parser("ask", help="find the policy passages that answer a question (offline)")
    ask.add_argument("question")
    ask.add_argument("-k", type=int, default=3, help="how many passages")
    ask.add_argument("--json", action="store_true")
    ask.add_argument("--no-llm", action="store_true", help="passages only, even when an LLM is configured")
    ask.set_defaults(handler=cmd_ask)

    extractors = ["lexical", "llm", "hybrid"]
    ev = commands.add_parser("eval", help="run labeled cases; exit 1 when the release gate fails")
    ev.add_argument("cases", help="labeled case file (JSON Lines, contracts §3)")
    ev.add_argument("--extractor", choices=extractors, help="override the configured extractor")
    ev.add_argument("--concurrency", type=int, help="parallel runs (default 1 for lexical, 8 with an LLM)")
    ev.add_argument("--json-out", help="write the JSON report (contracts §4) here")
    ev.add_argument("--html-out", help="write a self-contained HTML report here")
    ev.add_argument("--baseline", help="an earlier --json-out report: list flips, fail on regressions")
    ev.add_argument("--repeat", type=int, default=1, help="run each case N times (cache off) to measure stability")
    ev.add_argument("--no-cache", action="store_true", help="bypass the LLM response cache")
    ev.add_argument("--no-citations", action="store_true", help="skip policy retrieval for findings")
    ev.add_argument("--min-escalate-recall", type=float, default=1.0, help="release gate (default 1.0)")
    ev.set_defaults(handler=cmd_eval)

    re_ = commands.add_parser("retriage", help="which decisions would flip under the current policy and rules")
    re_.add_argument("cases", nargs="?", help="labeled case file, compared against --baseline")
    re_.add_argument("--stored", action="store_true", help="re-run every stored triaged case (read-only)")
    re_.add_argument("--baseline", help="the earlier `triage eval --json-out` report of the case file")
    re_.add_argument("--extractor", choices=extractors, help="override the configured extractor")
    re_.add_argument("--concurrency", type=int, help="parallel runs (default 1 for lexical, 8 with an LLM)")
    re_.add_argument("--json-out", help="write the flips as JSON here")
    re_.set_defaults(handler=cmd_retriage)

    export = commands.add_parser("export-reviews", help="contacts' reviews and overrides as labeled cases")
    export.add_argument("--out", required=True, help='JSON Lines file to write ("-" for stdout)')
    export.set_defaults(handler=cmd_export_reviews)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = get_settings()
    try:
        code = args.handler(args, settings)
        sys.stdout.flush()  # inside the try: a closed pipe shows here, not in the interpreter's exit
        return code
    except InputError as exc:
        print(f"triage: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # "triage check … | head" stopped reading: no traceback, and none at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
